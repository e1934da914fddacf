"""Demo zelfscans for the demo regions, marked is_demo and shown as demo.

Deterministic and varied: every state of every characteristic and obstacle
occurs, some scans are private, and each scan has two versions (spring 2024 and
summer 2025, in its history) so /voortgang/ has something to show over time.
The sentences on how an obstacle was overcome say they are demo text.
"""

import datetime

from django.utils import timezone

from regions.models import Region

from .models import (
    CHARACTERISTICS,
    OBSTACLES,
    CharacteristicState,
    ObstacleState,
    SelfScan,
)

HOW = {
    "mandate": "Demotekst: alle huisartsen zijn lid van één coöperatie met een "
    "mandaatregeling per onderwerp.",
    "content": "Demotekst: samen met de zorgverzekeraar een regiobeeld opgesteld "
    "op basis van dezelfde cijfers.",
    "continuity": "Demotekst: een vast overdrachtsdossier en een tweede "
    "bestuurder per dossier.",
    "funding": "Demotekst: een meerjarige afspraak over de basisfinanciering van "
    "de regio-organisatie.",
    "trust": "Demotekst: met hulp van de ROS als onafhankelijke gespreksleider "
    "de afspraken opnieuw gemaakt.",
}
NOTE = "Demotekst: zo schat de regio het zelf in."
FIRST = datetime.datetime(2024, 3, 15, 12, 0)
SECOND = datetime.datetime(2025, 6, 15, 12, 0)
OBSTACLE_CYCLE = [
    ObstacleState.SPEELT,
    ObstacleState.SPEELT_NIET,
    ObstacleState.SPEELT,
    ObstacleState.ONBEKEND,
]


def _fill(scan, i: int, later: bool) -> None:
    states = CharacteristicState.values
    for j, c in enumerate(CHARACTERISTICS):
        # Later versions move one step towards "op orde" where they can.
        index = (i + j) % len(states)
        if later and index in (1, 2):
            index -= 1
        setattr(scan, c.state_field, states[index])
        setattr(scan, c.note_field, NOTE if (i + j) % 4 == 0 else "")
    for j, o in enumerate(OBSTACLES):
        state = OBSTACLE_CYCLE[(i + 2 * j) % len(OBSTACLE_CYCLE)]
        if later and state == ObstacleState.SPEELT and (i // 2 + j) % 2 == 0:
            state = ObstacleState.OVERWONNEN
        setattr(scan, o.state_field, state)
        overcome = state == ObstacleState.OVERWONNEN
        setattr(scan, o.how_field, HOW[o.key] if overcome else "")
        setattr(scan, o.since_field, 2025 - (i + j) % 3 if overcome else None)


def load() -> dict:
    """A scan for every demo region, in two versions; returns counts."""
    regions = list(Region.objects.filter(is_demo=True).without_borders())
    scans = 0
    for i, region in enumerate(regions):
        scan = SelfScan(
            region=region,
            is_public=i % 7 != 6,
            date=FIRST.date(),
            is_demo=True,
        )
        _fill(scan, i, later=False)
        scan._history_date = timezone.make_aware(FIRST)
        scan.save()
        if i % 5 == 4:
            scans += 1
            continue  # some regions did not scan again
        _fill(scan, i, later=True)
        scan.date = SECOND.date()
        scan._history_date = timezone.make_aware(SECOND)
        scan.save()
        scans += 1
    return {"zelfscans": scans}
