"""The map on a past date (?datum=2025-01-01): parsing the date and the sentence
that says how many regions had which status then."""

import datetime

from django.utils import formats, timezone
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from ..models import RegioplanStatus

EARLIEST = datetime.date(2000, 1, 1)

# A region that did not exist yet on the date has no status then: the map,
# its preview and the list show it in a pale grey as "bestond nog niet",
# never as one of the five statuses.
NOT_YET = "nog_niet"
NOT_YET_COLOUR = "#e4e4e4"


def not_yet_label() -> str:
    return _("bestond nog niet")


def statuses_on(timeline, day: datetime.date) -> dict[int, str]:
    """Region pk -> its status on day, NOT_YET for a region not yet there."""
    return {pk: status or NOT_YET for pk, status in timeline.statuses_on(day).items()}


def legend_row(counts: dict[str, int]) -> list[dict]:
    """The legend's extra row for regions that did not exist yet, if any."""
    n = counts.get(NOT_YET, 0)
    return [{"status": NOT_YET, "label": not_yet_label(), "count": n}] if n else []


class BadDate(ValueError):
    """A ?datum= the map cannot show; str() is the Dutch message."""


def parse_map_date(raw: str) -> datetime.date | None:
    """None for today (the default); raises BadDate with a Dutch message."""
    raw = (raw or "").strip()
    if not raw:
        return None
    try:
        day = datetime.date.fromisoformat(raw)
    except ValueError:
        raise BadDate(
            _("‘%(value)s’ is geen geldige datum. Gebruik de vorm 2025-01-01.")
            % {"value": raw[:20]}
        ) from None
    today = timezone.localdate()
    if day > today:
        raise BadDate(_("Die datum ligt in de toekomst; de kaart toont het verleden."))
    if day < EARLIEST:
        raise BadDate(
            _("Kies een datum vanaf %(date)s.")
            % {"date": formats.date_format(EARLIEST, "j F Y")}
        )
    return None if day == today else day


def _count_phrase(status: str, n: int) -> str:
    phrases = {
        RegioplanStatus.OPENBAAR: ngettext(
            "%(n)d regio openbaar", "%(n)d regio's openbaar", n
        ),
        RegioplanStatus.NIET_OPENBAAR: ngettext(
            "%(n)d niet openbaar", "%(n)d niet openbaar", n
        ),
        RegioplanStatus.IN_ONTWIKKELING: ngettext(
            "%(n)d in ontwikkeling", "%(n)d in ontwikkeling", n
        ),
        RegioplanStatus.ONBEKEND: ngettext("%(n)d onbekend", "%(n)d onbekend", n),
        RegioplanStatus.GEEN: ngettext(
            "%(n)d zonder regioplan", "%(n)d zonder regioplan", n
        ),
    }
    return phrases[status] % {"n": n}


def summary_line(day: datetime.date, counts: dict[str, int]) -> str:
    """'op 1 januari 2025: 6 regio's openbaar, 3 niet openbaar, …'"""
    parts = ", ".join(_count_phrase(s, counts.get(s, 0)) for s in RegioplanStatus)
    if counts.get(NOT_YET):
        n = counts[NOT_YET]
        parts += ", " + ngettext(
            "%(n)d regio bestond nog niet", "%(n)d regio's bestonden nog niet", n
        ) % {"n": n}
    return _("op %(date)s: %(counts)s") % {
        "date": formats.date_format(day, "j F Y"),
        "counts": parts,
    }
