"""Who to call in a region: its organisations and their (published) contacts.

Also the one rule for who may maintain an organisation's contact persons: a
child asks its parent. An organisation is editable by a user when it is active
in, or leads, a region the user may edit (Region.objects.for_user).
"""

from dataclasses import dataclass, field

from django.db.models import Prefetch, Q
from django.utils.translation import gettext_lazy as _

from core.permissions import is_curator
from geo.models import GemeenteZone, ZoneLayer
from organisations.models import ContactPerson, Organisation

from .models import Region, RegionOrganisation


def editable_organisations(user):
    """The organisations whose contact persons this user may maintain."""
    if is_curator(user):
        return Organisation.objects.all()
    regions = Region.objects.for_user(user)
    return Organisation.objects.filter(
        Q(
            pk__in=RegionOrganisation.objects.filter(region__in=regions).values(
                "organisation"
            )
        )
        | Q(pk__in=regions.values("regional_organisation"))
    )


def can_edit_organisation(user, organisation: Organisation) -> bool:
    return editable_organisations(user).filter(pk=organisation.pk).exists()


def with_public_persons(organisations):
    """Prefetch only the persons the public may see, as .public_persons."""
    return organisations.prefetch_related(
        Prefetch(
            "contact_persons",
            queryset=ContactPerson.objects.public().order_by("name"),
            to_attr="public_persons",
        )
    )


# "Bij wie moet ik zijn?": what a visitor approaches each kind of organisation
# for, in the order the region page lists them (the regional organisation
# comes first).
LEAD_APPROACH = _(
    "Voor afspraken over de regio als geheel: het regioplan, samenwerking met "
    "ziekenhuis, gemeenten, ouderenzorg en de zorgverzekeraar."
)
APPROACH_FOR = {
    Organisation.Type.HUISARTSENORGANISATIE: _(
        "Voor afspraken met de huisartsen in (een deel van) de regio: "
        "zorgprogramma's, praktijkondersteuning en de zorg voor chronisch zieken."
    ),
    Organisation.Type.HDS: _(
        "Voor acute huisartsenzorg buiten kantoortijden: de huisartsenpost in de "
        "avond, de nacht en het weekend."
    ),
    Organisation.Type.MULTIDISCIPLINAIR: _(
        "Voor samenwerking in de wijk tussen huisartsen, wijkverpleging, "
        "fysiotherapie en andere zorgverleners in de eerste lijn."
    ),
    Organisation.Type.ROS: _(
        "Voor ondersteuning bij regionale samenwerking: procesbegeleiding, cijfers "
        "voor het regiobeeld en een onafhankelijke gespreksleider."
    ),
    Organisation.Type.LHV_KRING: _(
        "Voor de belangen en de stem van de huisartsen in de regio."
    ),
}


@dataclass
class Approach:
    label: str
    why: str
    organisations: list[Organisation]
    lead: bool = False


def region_organisations(region: Region) -> list[Organisation]:
    """The organisations active in the region, with their published persons
    as .public_persons: two queries."""
    return list(with_public_persons(region.organisations.order_by("name")))


def whom_to_approach(region: Region, organisations: list[Organisation]):
    """The region page's "Bij wie moet ik zijn?": the regional organisation,
    then each kind of organisation active in the region with what to approach
    it for. `organisations` come from region_organisations(); the regional
    organisation, if it is not among them, costs two queries more."""
    by_pk = {o.pk: o for o in organisations}
    lead = None
    if region.regional_organisation_id:
        lead = by_pk.get(region.regional_organisation_id) or next(
            iter(
                with_public_persons(
                    Organisation.objects.filter(pk=region.regional_organisation_id)
                )
            ),
            None,
        )
    groups = [
        Approach(
            _("Regionale organisatie"), LEAD_APPROACH, [lead] if lead else [], True
        )
    ]
    for value, why in APPROACH_FOR.items():
        mine = [o for o in organisations if o.type == value and o != lead]
        if mine:
            groups.append(Approach(Organisation.Type(value).label, why, mine))
    return groups


# The organisation types a visitor who asks "who do I call" looks for.
CONTACT_TYPES = [
    Organisation.Type.HDS,
    Organisation.Type.ROS,
    Organisation.Type.LHV_KRING,
]


@dataclass
class RegionContacts:
    region: Region
    organisation: Organisation | None
    by_type: list[tuple[str, list[Organisation]]] = field(default_factory=list)


def region_contacts(regions: list[Region]) -> list[RegionContacts]:
    """For each region: its regional organisation and its HDS, ROS and
    LHV-kring, with their public contact persons. Three queries for any number
    of regions."""
    ids = [region.pk for region in regions]
    lead_ids = [
        r.regional_organisation_id for r in regions if r.regional_organisation_id
    ]
    links = list(
        RegionOrganisation.objects.filter(
            region_id__in=ids, organisation__type__in=CONTACT_TYPES
        ).values_list("region_id", "organisation_id")
    )
    organisations = with_public_persons(
        Organisation.objects.filter(pk__in={o for _r, o in links} | set(lead_ids))
    ).in_bulk()
    result = []
    for region in regions:
        mine = [organisations[o] for r, o in links if r == region.pk]
        by_type = [
            (label, sorted((o for o in mine if o.type == value), key=lambda o: o.name))
            for value, label in Organisation.Type.choices
            if value in CONTACT_TYPES
        ]
        result.append(
            RegionContacts(
                region=region,
                organisation=organisations.get(region.regional_organisation_id),
                by_type=by_type,
            )
        )
    return result


def zones_of(gemeente_ids, layers=(ZoneLayer.ZORGKANTOORREGIO, ZoneLayer.GGD_REGIO)):
    """The zorgkantoorregio and GGD-regio (by default) of these gemeenten."""
    zones = GemeenteZone.objects.filter(
        gemeente_id__in=list(gemeente_ids), layer__in=layers
    ).select_related("gemeente")
    return sorted(zones, key=lambda z: (z.gemeente.name, z.layer))


def last_updated(organisation: Organisation):
    """The latest change to the organisation or one of its contact persons."""
    dates = [
        organisation.history.order_by("-history_date")
        .values_list("history_date", flat=True)
        .first(),
        organisation.contact_persons.order_by("-updated_at")
        .values_list("updated_at", flat=True)
        .first(),
    ]
    dates = [d for d in dates if d]
    return max(dates) if dates else None
