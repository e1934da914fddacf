"""Open data: the public table of regions."""

from import_export import fields, resources

from core.spreadsheets import escape_formula

from .models import Region


class PublicRegionResource(resources.ModelResource):
    """The table of regions as open data: only what the public pages show."""

    slug = fields.Field("slug", "sleutel")
    name = fields.Field("name", "naam")
    status = fields.Field("status", "status")
    status_label = fields.Field(column_name="status_omschrijving")
    insurer = fields.Field(column_name="preferente_zorgverzekeraar")
    organisation = fields.Field(column_name="regionale_organisatie")
    plan = fields.Field(column_name="regioplan")
    plan_start_year = fields.Field("plan_start_year", "regioplan_vanaf")
    plan_end_year = fields.Field("plan_end_year", "regioplan_tot_en_met")
    patients_involved = fields.Field("patients_involved", "patienten_betrokken")
    non_practice_holders_involved = fields.Field(
        "non_practice_holders_involved", "niet_praktijkhouders_doen_mee"
    )
    gemeenten = fields.Field(column_name="gemeenten")
    updated_at = fields.Field(column_name="laatst_bijgewerkt")
    url = fields.Field(column_name="pagina")
    is_demo = fields.Field("is_demo", "demo")

    class Meta:
        model = Region
        fields = [
            "slug",
            "name",
            "status",
            "status_label",
            "insurer",
            "organisation",
            "plan",
            "plan_start_year",
            "plan_end_year",
            "patients_involved",
            "non_practice_holders_involved",
            "gemeenten",
            "updated_at",
            "url",
            "is_demo",
        ]

    def __init__(self, request=None):
        super().__init__()
        self.request = request

    def _absolute(self, path: str) -> str:
        if not path or not self.request or path.startswith("http"):
            return path
        return self.request.build_absolute_uri(path)

    def dehydrate_status_label(self, region):
        return str(region.get_status_display())

    def dehydrate_insurer(self, region):
        return region.preferred_insurer.name if region.preferred_insurer else ""

    def dehydrate_organisation(self, region):
        org = region.regional_organisation
        return org.name if org else ""

    def dehydrate_plan(self, region):
        return self._absolute(region.public_plan_url())

    def dehydrate_gemeenten(self, region):
        return ";".join(sorted(g.code for g in region.gemeenten.all()))

    def dehydrate_updated_at(self, region):
        return region.updated_at.date().isoformat()

    def dehydrate_url(self, region):
        return self._absolute(region.get_absolute_url())

    def dehydrate_is_demo(self, region):
        return "ja" if region.is_demo else "nee"

    def export_field(self, field, instance, **kwargs):
        return escape_formula(super().export_field(field, instance, **kwargs))
