"""Which obstacles each public scan recorded on any date, from SelfScan's
history (django-simple-history), for the chart on /voortgang/.

Two queries, however many scans or history rows: the scans now, and every
history row; answered in Python. A scan counts on a day only when it is public
now and its version of that day was public too, so a private scan never shows,
not even in the past. A version counts from its local date on; a scan without
history (written in bulk) counts from its scan date with what it holds now.
"""

import datetime
from collections import defaultdict
from dataclasses import dataclass

from django.utils import timezone

from .models import OBSTACLES, ObstacleState, SelfScan

DELETED = "-"


@dataclass(frozen=True)
class ObstacleCount:
    meeting: int  # public scans that met the obstacle then
    overcame: int  # public scans that had overcome it


@dataclass(frozen=True)
class Version:
    date: datetime.date
    is_public: bool
    states: tuple[str, ...] | None  # per obstacle, in OBSTACLES order; None: deleted


@dataclass
class ScanTimeline:
    versions: dict[int, list[Version]]  # scan pk -> versions, oldest first

    def version_on(self, pk: int, day: datetime.date) -> Version | None:
        found = None
        for version in self.versions[pk]:
            if version.date > day:
                break
            found = version
        return found

    def counts_on(self, day: datetime.date) -> dict[str, ObstacleCount]:
        meeting, overcame = defaultdict(int), defaultdict(int)
        for pk in self.versions:
            version = self.version_on(pk, day)
            if version is None or version.states is None or not version.is_public:
                continue
            for obstacle, state in zip(OBSTACLES, version.states, strict=True):
                if state == ObstacleState.SPEELT:
                    meeting[obstacle.key] += 1
                elif state == ObstacleState.OVERWONNEN:
                    overcame[obstacle.key] += 1
        return {
            o.key: ObstacleCount(meeting[o.key], overcame[o.key]) for o in OBSTACLES
        }

    def first_date(self) -> datetime.date | None:
        dates = [versions[0].date for versions in self.versions.values() if versions]
        return min(dates) if dates else None


def load_scan_timeline() -> ScanTimeline:
    """Public scans now and their history, in two queries."""
    fields = [o.state_field for o in OBSTACLES]
    current = {
        row[0]: row
        for row in SelfScan.objects.public()
        .order_by()
        .values_list("pk", "date", *fields)
    }
    versions = defaultdict(list)
    rows = (
        SelfScan.history.filter(id__in=SelfScan.objects.public().values("pk"))
        .order_by("history_date", "history_id")
        .values_list("id", "history_type", "history_date", "is_public", *fields)
    )
    for pk, history_type, moment, is_public, *states in rows:
        versions[pk].append(
            Version(
                timezone.localdate(moment),
                is_public,
                None if history_type == DELETED else tuple(states),
            )
        )
    for pk, (_pk, date, *states) in current.items():
        if pk not in versions:
            versions[pk].append(Version(date, True, tuple(states)))
    return ScanTimeline(dict(versions))
