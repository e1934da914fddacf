"""The chain per region, read for visitors: region page, overview, comparison.

Everything here reads a fixed number of queries, however many regions there are.
"""

from dataclasses import dataclass, field

from django.db.models import Count, Prefetch, Q
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from regions.models import Region

from .models import (
    ELEMENT_HAS,
    Contract,
    ElementKind,
    ElementState,
    PlanDetails,
    PlanElement,
    Regiobeeld,
)

STATE_RANK = {state: rank for rank, state in enumerate(ElementState.values)}


def with_chain(regions):
    """Regions with their regiobeeld, plan details, elements and contracts, in
    a fixed number of queries."""
    return regions.select_related(
        "regiobeeld", "plan_details", "preferred_insurer", "regional_organisation"
    ).prefetch_related(
        Prefetch("plan_elements", queryset=PlanElement.objects.order_by("element")),
        Prefetch(
            "contracts",
            queryset=Contract.objects.for_display().order_by("-start", "insurer"),
        ),
    )


def regiobeeld_of(region) -> Regiobeeld | None:
    try:
        return region.regiobeeld
    except Regiobeeld.DoesNotExist:
        return None


def plan_details_of(region) -> PlanDetails:
    try:
        return region.plan_details
    except PlanDetails.DoesNotExist:
        return PlanDetails(region=region)


@dataclass
class Chain:
    """The three steps of one region, ready for a template."""

    region: Region
    regiobeeld: Regiobeeld | None
    details: PlanDetails
    elements: list[PlanElement]
    contracts: list = field(default_factory=list)  # PublicContract, newest first

    @property
    def regiobeeld_stage(self) -> str:
        if self.regiobeeld is None:
            return Regiobeeld.Stage.GEEN.label
        return self.regiobeeld.get_stage_display()

    @property
    def elements_present(self) -> int:
        return sum(1 for e in self.elements if e.state == ElementState.AANWEZIG)

    @property
    def contract_state(self) -> str:
        """The third step in words."""
        if not self.contracts:
            return _("Geen contractafspraken bekend")
        n = len(self.contracts)
        return ngettext(
            "%(n)s contractafspraak bekend", "%(n)s contractafspraken bekend", n
        ) % {"n": n}

    @property
    def has_demo(self) -> bool:
        return (
            self.region.is_demo
            or bool(self.regiobeeld and self.regiobeeld.is_demo)
            or any(e.is_demo for e in self.elements)
            or any(c.is_demo for c in self.contracts)
        )


def chain(region) -> Chain:
    """region must come from with_chain() to keep the query count fixed."""
    return Chain(
        region=region,
        regiobeeld=regiobeeld_of(region),
        details=plan_details_of(region),
        elements=PlanElement.complete_for(region, region.plan_elements.all()),
        contracts=[c.public() for c in region.contracts.all()],
    )


# -- /regioplannen/ --------------------------------------------------------------


def element_counts() -> list[dict]:
    """Per element: how many of all regions have it, in a sentence."""
    total = Region.objects.count()
    rows = (
        PlanElement.objects.order_by()
        .values("element")
        .annotate(
            present=Count("pk", filter=Q(state=ElementState.AANWEZIG)),
            partly=Count("pk", filter=Q(state=ElementState.DEELS)),
        )
    )
    by_element = {row["element"]: row for row in rows}
    counts = []
    for kind in ElementKind:
        row = by_element.get(kind.value, {})
        present = row.get("present", 0)
        counts.append(
            {
                "element": kind.value,
                "label": kind.label,
                "present": present,
                "partly": row.get("partly", 0),
                "total": total,
                "sentence": _("%(n)s van %(total)s regio's hebben %(what)s")
                % {"n": present, "total": total, "what": ELEMENT_HAS[kind]},
            }
        )
    return counts


SORT_KEYS = ["naam", "aantal", *ElementKind.values]


def sort_chains(chains: list[Chain], key: str, descending: bool) -> list[Chain]:
    """Sort by name, by the number of elements present, or by one element's
    state (present first)."""
    if key == "aantal":
        ordered = sorted(chains, key=lambda c: (-c.elements_present, c.region.name))
    elif key in ElementKind.values:
        index = ElementKind.values.index(key)
        ordered = sorted(
            chains,
            key=lambda c: (STATE_RANK[c.elements[index].state], c.region.name),
        )
    else:
        ordered = sorted(chains, key=lambda c: c.region.name)
    return list(reversed(ordered)) if descending else ordered


def region_chain_context(context) -> dict:
    """The region page's "Van regiobeeld naar contract" (regions.slots)."""
    region = with_chain(Region.objects.without_borders()).get(pk=context["region"].pk)
    return {"chain": chain(region), "region": region}
