"""The organisation directory (/organisaties/): filters and the public download.

The filters are GET parameters (soort, provincie, regio, q), so a filtered list
is a URL that works without JavaScript, and its CSV follows the same filter.
"""

from dataclasses import dataclass

from django.db.models import Prefetch, Q
from import_export import fields, resources

from core.spreadsheets import escape_formula
from core.text import plain as normalise
from geo.models import Gemeente
from organisations.models import ContactPerson, Organisation

from .models import Region

MAX_TEXT = 100


@dataclass
class DirectoryFilter:
    type: str = ""
    province: str = ""
    region: str = ""
    text: str = ""

    @classmethod
    def from_request(cls, request) -> "DirectoryFilter":
        """Unknown values are ignored (the whole list), never an error."""
        get = request.GET
        type_ = get.get("soort", "")
        province = get.get("provincie", "")
        return cls(
            type=type_ if type_ in Organisation.Type.values else "",
            province=province if province in provinces() else "",
            region=get.get("regio", "")[:100],
            text=get.get("q", "").strip()[:MAX_TEXT],
        )

    def as_params(self) -> dict:
        return {
            key: value
            for key, value in (
                ("soort", self.type),
                ("provincie", self.province),
                ("regio", self.region),
                ("q", self.text),
            )
            if value
        }

    @property
    def active(self) -> bool:
        return bool(self.as_params())


def provinces() -> list[str]:
    return list(
        Gemeente.objects.order_by("province")
        .values_list("province", flat=True)
        .distinct()
    )


def organisations(flt: DirectoryFilter):
    """The organisations the filter selects, with their regions and public
    contact persons prefetched: a fixed number of queries."""
    qs = Organisation.objects.all()
    if flt.type:
        qs = qs.filter(type=flt.type)
    if flt.region:
        qs = qs.filter(Q(regions__slug=flt.region) | Q(regions_led__slug=flt.region))
    if flt.province:
        qs = qs.filter(
            Q(regions__gemeenten__province=flt.province)
            | Q(regions_led__gemeenten__province=flt.province)
        )
    if flt.text:
        wanted = normalise(flt.text)
        ids = [
            pk for pk, name in qs.values_list("pk", "name") if wanted in normalise(name)
        ]
        qs = Organisation.objects.filter(pk__in=ids)
    regions = Region.objects.without_borders().only("pk", "slug", "name")
    return (
        qs.distinct()
        .order_by("name")
        .prefetch_related(
            Prefetch("regions", queryset=regions.order_by("name")),
            Prefetch(
                "contact_persons",
                queryset=ContactPerson.objects.public().order_by("name"),
                to_attr="public_persons",
            ),
        )
    )


class PublicOrganisationResource(resources.ModelResource):
    """Organisations as open data: what the public pages show, including only
    the contact persons their region chose to publish."""

    slug = fields.Field("slug", "sleutel")
    name = fields.Field("name", "naam")
    type = fields.Field(column_name="soort")
    kvk_number = fields.Field("kvk_number", "kvk")
    street_address = fields.Field("street_address", "adres")
    postal_code = fields.Field("postal_code", "postcode")
    city = fields.Field("city", "plaats")
    phone = fields.Field("phone", "telefoon")
    email = fields.Field("email", "email")
    website = fields.Field("website", "website")
    regions = fields.Field(column_name="regios")
    persons = fields.Field(column_name="contactpersonen")
    url = fields.Field(column_name="pagina")
    is_demo = fields.Field(column_name="demo")

    class Meta:
        model = Organisation
        fields = [
            "slug",
            "name",
            "type",
            "kvk_number",
            "street_address",
            "postal_code",
            "city",
            "phone",
            "email",
            "website",
            "regions",
            "persons",
            "url",
            "is_demo",
        ]

    def __init__(self, request=None):
        super().__init__()
        self.request = request

    def dehydrate_type(self, organisation):
        return str(organisation.get_type_display())

    def dehydrate_regions(self, organisation):
        return ";".join(r.slug for r in organisation.regions.all())

    def dehydrate_persons(self, organisation):
        return "; ".join(
            " ".join(
                part
                for part in (person.name, person.function, person.email, person.phone)
                if part
            )
            for person in organisation.public_persons
        )

    def dehydrate_url(self, organisation):
        path = organisation.get_absolute_url()
        return self.request.build_absolute_uri(path) if self.request else path

    def dehydrate_is_demo(self, organisation):
        return "ja" if organisation.is_demo else "nee"

    def export_field(self, field, instance, **kwargs):
        return escape_formula(super().export_field(field, instance, **kwargs))
