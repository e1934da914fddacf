"""Demo regiobeelden, plan elements and contracts for the demo regions.

Deterministic and spread so that every stage, element and state occurs; every
row is is_demo and shown as demo. No figures are invented: no page numbers, no
documents, no amounts; dates only mark demo periods.
"""

import datetime

from regions.models import (
    Activity,
    Region,
    RegioplanStatus,
    YesNoUnknown,
    ensure_themes,
)

from .models import (
    REGIOBEELD_ELEMENTS,
    Contract,
    ElementKind,
    ElementState,
    PlanDetails,
    PlanElement,
    Regiobeeld,
)

# Themes for the demo activities that are not about ICT, in turn per region.
ACTIVITY_THEMES = [
    "ouderenzorg",
    "samenwerking-in-de-wijk",
    "acute-zorg",
    "ggz",
    "arbeidsmarkt",
    "preventie",
]

# (start, end, kind, state) per contract pattern; None end: open-ended.
CONTRACT_PATTERNS = [
    ((2023, 1, 1), (2024, 12, 31), Contract.Kind.MEERJARIG, Contract.State.GETEKEND),
    ((2025, 1, 1), (2027, 12, 31), Contract.Kind.MEERJARIG, Contract.State.GETEKEND),
    ((2026, 1, 1), (2026, 12, 31), Contract.Kind.EENJARIG, Contract.State.GETEKEND),
    ((2027, 1, 1), None, Contract.Kind.EENJARIG, Contract.State.IN_VOORBEREIDING),
]
CONTRACT_THEMES = [
    ["basisfinanciering-organisatie", "digitalisering-ict"],
    ["ouderenzorg", "samenwerking-in-de-wijk"],
    ["acute-zorg"],
    ["ggz", "preventie", "arbeidsmarkt"],
]
YES_NO = [YesNoUnknown.JA, YesNoUnknown.NEE, YesNoUnknown.ONBEKEND]


def _state(region: Region, i: int, j: int) -> str:
    if region.status == RegioplanStatus.GEEN:
        return ElementState.AFWEZIG
    if region.status == RegioplanStatus.ONBEKEND:
        return ElementState.ONBEKEND
    return ElementState.values[(i + j) % len(ElementState.values)]


def load() -> dict:
    """Load the demo chain for every demo region; returns counts."""
    themes = {theme.slug: theme for theme in ensure_themes()}
    regions = list(Region.objects.filter(is_demo=True).without_borders())
    with_regiobeeld = set(
        Activity.objects.filter(
            is_demo=True, title__icontains="regiobeeld"
        ).values_list("region_id", flat=True)
    )
    beelden, elements, details, contracts = [], [], [], 0
    for i, region in enumerate(regions):
        if region.pk in with_regiobeeld:
            stage = Regiobeeld.Stage.GEREED
        else:
            stage = [Regiobeeld.Stage.GEEN, Regiobeeld.Stage.IN_WORDING][i % 2]
        covered = {
            e.field: stage != Regiobeeld.Stage.GEEN and (i + j) % 3 != 0
            for j, e in enumerate(REGIOBEELD_ELEMENTS)
        }
        beelden.append(
            Regiobeeld(
                region=region,
                stage=stage,
                with_insurer=YES_NO[i % 3],
                is_demo=True,
                **covered,
            )
        )
        elements += [
            PlanElement(
                region=region, element=kind, state=_state(region, i, j), is_demo=True
            )
            for j, kind in enumerate(ElementKind.values)
        ]
        details.append(
            PlanDetails(
                region=region,
                agreed_with_insurer=YES_NO[(i + 1) % 3],
                period_kind=PlanDetails.PeriodKind.values[i % 3],
                is_demo=True,
            )
        )
        if i % 5 == 4 or region.preferred_insurer_id is None:
            continue  # some regions have no known contract
        start, end, kind, state = CONTRACT_PATTERNS[i % len(CONTRACT_PATTERNS)]
        contract = Contract.objects.create(
            region=region,
            insurer_id=region.preferred_insurer_id,
            start=datetime.date(*start),
            end=datetime.date(*end) if end else None,
            kind=kind,
            state=state,
            monitoring_agreed=YES_NO[i % 3],
            monitoring_how=(
                "Demotekst: twee keer per jaar een voortgangsgesprek."
                if i % 3 == 0
                else ""
            ),
            contents_public=i % 3 != 1,
            is_demo=True,
        )
        contract.themes.set(
            themes[slug] for slug in CONTRACT_THEMES[i % len(CONTRACT_THEMES)]
        )
        contracts += 1
    Regiobeeld.objects.bulk_create(beelden)
    PlanElement.objects.bulk_create(elements)
    PlanDetails.objects.bulk_create(details)
    activities = list(Activity.objects.filter(is_demo=True).order_by("region", "pk"))
    other = 0
    for activity in activities:
        if "ICT" in activity.title:
            activity.themes.set([themes["digitalisering-ict"]])
        else:
            activity.themes.set([themes[ACTIVITY_THEMES[other % len(ACTIVITY_THEMES)]]])
            other += 1
    return {
        "regiobeelden": len(beelden),
        "onderdelen van regioplannen": len(elements),
        "contractafspraken": contracts,
        "activiteiten met een thema": len(activities),
    }
