"""Demo status history for the demo regions: a plausible path over the last
few years that ends at each region's current status. Every row is marked
is_demo and shown with the demo notice; none of it is real."""

import datetime
import zlib

from django.utils import timezone

from regions.models import Region, RegioplanStatus, StatusChange

S = RegioplanStatus
# The way to each status, after the first one a region appears with.
PATHS = {
    S.OPENBAAR: [S.ONBEKEND, S.IN_ONTWIKKELING, S.NIET_OPENBAAR, S.OPENBAAR],
    S.NIET_OPENBAAR: [S.ONBEKEND, S.IN_ONTWIKKELING, S.NIET_OPENBAAR],
    S.IN_ONTWIKKELING: [S.ONBEKEND, S.GEEN, S.IN_ONTWIKKELING],
    S.ONBEKEND: [S.ONBEKEND],
    S.GEEN: [S.ONBEKEND, S.GEEN],
}
START = datetime.date(2022, 1, 1)


def history_for(region: Region, today: datetime.date) -> list[StatusChange]:
    """A deterministic path for one region, from its slug."""
    seed = zlib.crc32(region.slug.encode())
    path = list(PATHS[RegioplanStatus(region.status)])
    if seed % 3 == 0 and len(path) == 4:
        path.remove(S.NIET_OPENBAAR)  # some publish straight away
    first = START + datetime.timedelta(days=seed % 240)
    # Each region reaches its present status somewhere in the second half.
    span = (today - first).days * (45 + (seed >> 8) % 53) // 100
    steps = max(len(path) - 1, 1)
    changes, previous = [], ""
    for i, status in enumerate(path):
        offset = 0 if i == 0 else span * i // steps - (seed >> (4 * i)) % 45
        day = first + datetime.timedelta(days=max(offset, i))
        changes.append(
            StatusChange(
                region=region,
                previous_status=previous,
                status=status,
                effective_date=day,
                is_demo=True,
            )
        )
        previous = status
    return changes


def load() -> dict:
    """Demo history for every demo region without recorded changes."""
    today = timezone.localdate()
    regions = Region.objects.filter(is_demo=True, status_changes__isnull=True)
    changes = [
        change
        for region in regions.without_borders()
        for change in history_for(region, today)
    ]
    StatusChange.objects.bulk_create(changes)
    return {"statuswijzigingen (demo)": len(changes)}
