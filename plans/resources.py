"""Spreadsheet resources for curators: regiobeelden, plan elements, contracts.

Keyed on natural keys (region slug; region slug + element; region slug +
insurer slug + start), with what core.spreadsheets.SpreadsheetResource gives
every resource: any error imports nothing, Dutch messages per row and column,
formulas escaped on export.
"""

from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from import_export import fields, widgets

from core.spreadsheets import CURATOR, KeyWidget, SpreadsheetResource, columns_resource
from organisations.models import Insurer, Organisation
from regions.models import Region, Theme

from .columns import CONTRACT_COLUMNS
from .models import (
    REGIOBEELD_ELEMENTS,
    Contract,
    Goal,
    PlanDetails,
    PlanElement,
    Regiobeeld,
)


def region_field() -> fields.Field:
    return fields.Field(
        "region", "regio", widget=KeyWidget(Region, "slug", gettext_lazy("regio"))
    )


class ThemesWidget(widgets.ManyToManyWidget):
    """Theme slugs separated by ';', with a Dutch message for an unknown one."""

    def __init__(self):
        super().__init__(Theme, separator=";", field="slug")

    def clean(self, value, row=None, **kwargs):
        keys = [key.strip() for key in str(value or "").split(";") if key.strip()]
        themes = list(Theme.objects.filter(slug__in=keys))
        missing = sorted(set(keys) - {t.slug for t in themes})
        if missing:
            raise ValueError(
                _("onbekende thema's: %(keys)s") % {"keys": ", ".join(missing)}
            )
        return themes

    def render(self, value, obj=None, **kwargs):
        if value is None:
            return ""
        return ";".join(sorted(t.slug for t in value.all()))


class RegiobeeldResource(SpreadsheetResource):
    region = region_field()
    stage = fields.Field("stage", "stand")
    with_insurer = fields.Field("with_insurer", "met_verzekeraar")
    date = fields.Field("date", "datum", widget=widgets.DateWidget())
    url = fields.Field("url", "link")
    document_public = fields.Field(
        "document_public", "document_openbaar", widget=widgets.BooleanWidget()
    )
    covers_parties = fields.Field(
        "covers_parties", "partijen", widget=widgets.BooleanWidget()
    )
    covers_figures = fields.Field(
        "covers_figures", "cijfers", widget=widgets.BooleanWidget()
    )
    covers_trends = fields.Field(
        "covers_trends", "trends", widget=widgets.BooleanWidget()
    )
    covers_demand = fields.Field(
        "covers_demand", "zorgvraag", widget=widgets.BooleanWidget()
    )
    covers_supply = fields.Field(
        "covers_supply", "zorgaanbod", widget=widgets.BooleanWidget()
    )
    covers_challenges = fields.Field(
        "covers_challenges", "opgaven", widget=widgets.BooleanWidget()
    )
    is_demo = fields.Field("is_demo", "demo", widget=widgets.BooleanWidget())
    required_columns = ("regio", "stand")

    class Meta:
        model = Regiobeeld
        import_id_fields = ["region"]
        fields = [
            "region",
            "stage",
            "with_insurer",
            "date",
            "url",
            "document_public",
            *(e.field for e in REGIOBEELD_ELEMENTS),
            "is_demo",
        ]

    def after_import(self, dataset, result, **kwargs):
        """A regiobeeld made private (or public) leaves (or enters) the search."""
        super().after_import(dataset, result, **kwargs)
        if kwargs.get("dry_run") or result.has_errors():
            return
        if result.has_validation_errors():
            return
        from .search import index

        regiobeelden = Regiobeeld.objects.select_related("region").defer(
            "region__geometry", "region__display_geometry"
        )
        for regiobeeld in regiobeelden:
            index.index_document(regiobeeld.region, index.Kind.REGIOBEELD)


class PlanElementResource(SpreadsheetResource):
    region = region_field()
    element = fields.Field("element", "onderdeel")
    state = fields.Field("state", "in_het_plan")
    note = fields.Field("note", "toelichting")
    page = fields.Field("page", "pagina", widget=widgets.IntegerWidget())
    is_demo = fields.Field("is_demo", "demo", widget=widgets.BooleanWidget())
    required_columns = ("regio", "onderdeel", "in_het_plan")

    class Meta:
        model = PlanElement
        import_id_fields = ["region", "element"]
        fields = ["region", "element", "state", "note", "page", "is_demo"]


class PlanDetailsResource(SpreadsheetResource):
    region = region_field()
    agreed_with_insurer = fields.Field(
        "agreed_with_insurer", "afgestemd_met_zorgverzekeraar"
    )
    period_kind = fields.Field("period_kind", "looptijd")
    is_demo = fields.Field("is_demo", "demo", widget=widgets.BooleanWidget())
    required_columns = ("regio",)

    class Meta:
        model = PlanDetails
        import_id_fields = ["region"]
        fields = ["region", "agreed_with_insurer", "period_kind", "is_demo"]


class ContractResource(
    columns_resource(
        SpreadsheetResource,
        Contract,
        CONTRACT_COLUMNS,
        CURATOR,
        widgets={
            "region": KeyWidget(Region, "slug", gettext_lazy("regio")),
            "insurer": KeyWidget(Insurer, "slug", gettext_lazy("zorgverzekeraar")),
            "start": widgets.DateWidget(),
            "end": widgets.DateWidget(),
            "themes": ThemesWidget(),
            "contents_public": widgets.BooleanWidget(),
            "is_demo": widgets.BooleanWidget(),
        },
    )
):
    required_columns = CONTRACT_COLUMNS.headers_of("region", "insurer", "start")

    class Meta:
        import_id_fields = ["region", "insurer", "start"]

    def get_queryset(self):
        return (
            super()
            .get_queryset()
            .select_related("region", "insurer")
            .defer("region__geometry", "region__display_geometry")
        )

    def export(self, queryset=None, **kwargs):
        """Every contract's themes in one query (also for the admin's queryset)."""
        queryset = queryset if queryset is not None else self.get_queryset()
        return super().export(queryset=queryset.prefetch_related("themes"), **kwargs)


class GoalResource(SpreadsheetResource):
    """Goals keyed on region slug + title; milestones are kept in the admin."""

    region = region_field()
    title = fields.Field("title", "doel")
    theme = fields.Field(
        "theme", "thema", widget=KeyWidget(Theme, "slug", gettext_lazy("thema"))
    )
    indicator = fields.Field("indicator", "indicator")
    baseline = fields.Field("baseline", "nulmeting")
    baseline_date = fields.Field(
        "baseline_date", "datum_nulmeting", widget=widgets.DateWidget()
    )
    target = fields.Field("target", "streefwaarde")
    target_date = fields.Field(
        "target_date", "streefdatum", widget=widgets.DateWidget()
    )
    owner = fields.Field(
        "owner",
        "eigenaar",
        widget=KeyWidget(Organisation, "slug", gettext_lazy("organisatie")),
    )
    reached_on = fields.Field("reached_on", "bereikt_op", widget=widgets.DateWidget())
    private = fields.Field("private", "niet_openbaar", widget=widgets.BooleanWidget())
    is_demo = fields.Field("is_demo", "demo", widget=widgets.BooleanWidget())
    required_columns = ("regio", "doel", "thema", "indicator")

    class Meta:
        model = Goal
        import_id_fields = ["region", "title"]
        fields = [
            "region",
            "title",
            "theme",
            "indicator",
            "baseline",
            "baseline_date",
            "target",
            "target_date",
            "owner",
            "reached_on",
            "private",
            "is_demo",
        ]

    def get_queryset(self):
        return self._joined(super().get_queryset())

    def export(self, queryset=None, **kwargs):
        """Region, theme and owner joined, also for the admin's queryset."""
        queryset = queryset if queryset is not None else self.get_queryset()
        return super().export(queryset=self._joined(queryset), **kwargs)

    @staticmethod
    def _joined(queryset):
        return queryset.select_related("region", "theme", "owner").defer(
            "region__geometry", "region__display_geometry"
        )
