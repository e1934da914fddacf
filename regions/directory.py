"""The organisation directory's public download (/organisaties/selectie.csv);
its filter is regions.filters.DirectoryFilterSet."""

from import_export import fields, resources

from core.spreadsheets import escape_formula
from organisations.models import Organisation


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
