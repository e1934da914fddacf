"""Open data: the public tables of regions and organisations.

Their columns come from regions.columns, where the curators' files take
theirs too.
"""

from import_export import resources

from core.spreadsheets import PUBLIC, OnePassExport, columns_resource, escape_formula
from organisations.models import Organisation

from .columns import ORGANISATION_COLUMNS, REGION_COLUMNS
from .models import Region


class PublicResource(OnePassExport, resources.ModelResource):
    """Open data: absolute links for the request, formulas made inert."""

    def __init__(self, request=None):
        super().__init__()
        self.request = request

    def _absolute(self, path: str) -> str:
        if not path or not self.request or path.startswith("http"):
            return path
        return self.request.build_absolute_uri(path)

    def export_field(self, field, instance, **kwargs):
        return escape_formula(super().export_field(field, instance, **kwargs))


class PublicRegionResource(
    columns_resource(PublicResource, Region, REGION_COLUMNS, PUBLIC)
):
    """The table of regions as open data: only what the public pages show."""

    def dehydrate_status_label(self, region):
        return str(region.get_status_display())

    def dehydrate_insurer(self, region):
        return region.preferred_insurer.name if region.preferred_insurer else ""

    def dehydrate_regional_organisation_name(self, region):
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


class PublicOrganisationResource(
    columns_resource(PublicResource, Organisation, ORGANISATION_COLUMNS, PUBLIC)
):
    """Organisations as open data: what the public pages show, including only
    the contact persons their region chose to publish. The queryset comes
    from regions.filters.directory_queryset (regions and public persons)."""

    def dehydrate_type(self, organisation):
        return str(organisation.get_type_display())

    def dehydrate_region_links(self, organisation):
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
        return self._absolute(organisation.get_absolute_url())

    def dehydrate_is_demo(self, organisation):
        return "ja" if organisation.is_demo else "nee"
