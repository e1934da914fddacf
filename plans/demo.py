"""Demo regiobeelden, plan elements and contracts for the demo regions.

Deterministic and spread so that every stage, element and state occurs and no
two regions have the same plan elements; every row is is_demo and shown as
demo. Public demo plans (and some regiobeelden) get a generated PDF marked
DEMOGEGEVENS on every page (demo_documents); an element's page points into it.
No figures are invented: no amounts; dates only mark demo periods.
"""

import datetime

from django.core.files.base import ContentFile

from regions.models import (
    Activity,
    Region,
    RegioplanStatus,
    YesNoUnknown,
    ensure_themes,
)

from .demo_documents import plan_pdf, regiobeeld_pdf
from .models import (
    REGIOBEELD_ELEMENTS,
    Contract,
    ElementKind,
    ElementState,
    PlanDetails,
    PlanElement,
    Regiobeeld,
)

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


S = ElementState
# Which states a region's elements take, by its plan status: a public plan can
# be read (nothing unknown), a region without a plan has mostly nothing.
STATES_BY_STATUS = {
    RegioplanStatus.OPENBAAR: [S.AANWEZIG, S.DEELS, S.AFWEZIG, S.AANWEZIG],
    RegioplanStatus.NIET_OPENBAAR: [S.AANWEZIG, S.DEELS, S.AFWEZIG, S.ONBEKEND],
    RegioplanStatus.IN_ONTWIKKELING: [S.DEELS, S.AFWEZIG, S.ONBEKEND, S.AANWEZIG],
    RegioplanStatus.ONBEKEND: [S.ONBEKEND, S.ONBEKEND, S.DEELS, S.AFWEZIG],
    RegioplanStatus.GEEN: [S.AFWEZIG, S.AFWEZIG, S.ONBEKEND, S.DEELS],
}
NOTES = {
    S.AANWEZIG: "Demo: uitgewerkt in het plan.",
    S.DEELS: "Demo: op hoofdlijnen beschreven, wordt verder uitgewerkt.",
    S.AFWEZIG: "Demo: (nog) niet in het plan.",
    S.ONBEKEND: "",
}


def _states(region: Region, i: int, seen: set) -> list[str]:
    """Element states for the i-th region, different from every region before
    it (seen): base-4 digits of a number that changes with i and a salt."""
    choices = STATES_BY_STATUS[region.status]
    salt = 0
    while True:
        code = (i * 9973 + salt * 131 + 1234) % 4**7
        states = [choices[(code // 4**j) % 4] for j in range(len(ElementKind.values))]
        if region.status == RegioplanStatus.OPENBAAR:
            # a public plan always has a mission and prioritised challenges
            for j in (0, 3):
                if states[j] == S.AFWEZIG:
                    states[j] = S.DEELS
        if tuple(states) not in seen:
            seen.add(tuple(states))
            return states
        salt += 1


def plan_states(regions: list[Region]) -> dict[str, tuple[int, list[str]]]:
    """Per region slug: its index (in slug order) and its element states, no
    two regions alike; the same for the same regions, whatever their order."""
    seen: set = set()
    return {
        region.slug: (i, _states(region, i, seen))
        for i, region in enumerate(sorted(regions, key=lambda r: r.slug))
    }


def plan_document(region: Region, i: int, states: list[str]) -> tuple[bytes, dict]:
    """The demo regioplan PDF of a region and the page of each element in it."""
    insurer = region.preferred_insurer
    start = region.plan_start_year or 2025
    return plan_pdf(
        region.name,
        region.regional_organisation.name,
        insurer.name if insurer else "de zorgverzekeraar",
        tuple(
            (kind, state == S.AANWEZIG)
            for kind, state in zip(ElementKind.values, states, strict=True)
            if state != S.AFWEZIG
        ),
        i % 6,
        (start, region.plan_end_year or start + 2),
    )


def plan_documents(regions: list[Region]) -> dict[str, bytes]:
    """The demo regioplan PDF of every public region (regions.demo stores it
    with the region, as a public plan needs its document)."""
    states = plan_states(regions)
    return {
        region.slug: plan_document(region, *states[region.slug])[0]
        for region in regions
        if region.status == RegioplanStatus.OPENBAAR
    }


def load() -> dict:
    """Load the demo chain for every demo region; returns counts."""
    themes = {theme.slug: theme for theme in ensure_themes()}
    regions = list(
        Region.objects.filter(is_demo=True)
        .without_borders()
        .select_related("regional_organisation", "preferred_insurer")
    )
    with_regiobeeld = set(
        Activity.objects.filter(
            is_demo=True, title__icontains="regiobeeld"
        ).values_list("region_id", flat=True)
    )
    beelden, elements, details, contracts = [], [], [], 0
    states_of, documents = plan_states(regions), 0
    for i, region in enumerate(regions):
        states = states_of[region.slug][1]
        if region.pk in with_regiobeeld:
            stage = Regiobeeld.Stage.GEREED
        else:
            stage = [Regiobeeld.Stage.GEEN, Regiobeeld.Stage.IN_WORDING][i % 2]
        covered = {
            e.field: stage != Regiobeeld.Stage.GEEN and (i + j) % 3 != 0
            for j, e in enumerate(REGIOBEELD_ELEMENTS)
        }
        beeld = Regiobeeld(
            region=region,
            stage=stage,
            with_insurer=YES_NO[i % 3],
            is_demo=True,
            **covered,
        )
        if stage == Regiobeeld.Stage.GEREED and i % 3 == 0:
            beeld.document.save(
                "regiobeeld.pdf",
                ContentFile(
                    regiobeeld_pdf(
                        region.name,
                        region.regional_organisation.name,
                        getattr(region.preferred_insurer, "name", "de verzekeraar"),
                    )
                ),
                save=False,
            )
            beeld.document_public = i % 2 == 0
            documents += 1
        beelden.append(beeld)
        pages = {}
        if region.status == RegioplanStatus.OPENBAAR:
            pages = plan_document(region, *states_of[region.slug])[1]
        elements += [
            PlanElement(
                region=region,
                element=kind,
                state=state,
                note=NOTES[state],
                page=pages.get(kind),
                is_demo=True,
            )
            for kind, state in zip(ElementKind.values, states, strict=True)
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
    return {
        "regiobeelden": len(beelden),
        "onderdelen van regioplannen": len(elements),
        "contractafspraken": contracts,
        "documenten (demo)": documents,
    }
