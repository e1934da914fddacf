"""The admin for curators: themes, regiobeelden, plan elements and contracts."""

from django import forms
from django.contrib import admin
from django.utils.translation import gettext_lazy as _
from simple_history.admin import SimpleHistoryAdmin

from core.admin import HistoryPageMixin
from core.spreadsheet_admin import DataImportExportMixin
from core.versioning import VersionedFormMixin
from regions.admin.mixins import RegionNamesMixin

from .models import (
    REGIOBEELD_ELEMENTS,
    Contract,
    Goal,
    Milestone,
    PlanDetails,
    PlanElement,
    PlanText,
    Regiobeeld,
)
from .resources import (
    ContractResource,
    GoalResource,
    PlanDetailsResource,
    PlanElementResource,
    RegiobeeldResource,
)
from .search import index


class RegiobeeldAdminForm(VersionedFormMixin, forms.ModelForm):
    class Meta:
        model = Regiobeeld
        fields = [
            "region",
            "stage",
            "with_insurer",
            "date",
            "document",
            "url",
            "document_public",
            *(e.field for e in REGIOBEELD_ELEMENTS),
            "is_demo",
        ]


class PlanElementAdminForm(VersionedFormMixin, forms.ModelForm):
    class Meta:
        model = PlanElement
        fields = ["region", "element", "state", "note", "page", "is_demo"]


class PlanDetailsAdminForm(VersionedFormMixin, forms.ModelForm):
    class Meta:
        model = PlanDetails
        fields = ["region", "agreed_with_insurer", "period_kind", "is_demo"]


class ContractAdminForm(VersionedFormMixin, forms.ModelForm):
    class Meta:
        model = Contract
        fields = [
            "region",
            "insurer",
            "start",
            "end",
            "kind",
            "state",
            "themes",
            "monitoring_agreed",
            "monitoring_how",
            "contents_public",
            "is_demo",
        ]


@admin.register(Regiobeeld)
class RegiobeeldAdmin(
    RegionNamesMixin,
    HistoryPageMixin,
    DataImportExportMixin,
    SimpleHistoryAdmin,
):
    form = RegiobeeldAdminForm
    resource_classes = [RegiobeeldResource]
    list_display = ["region", "stage", "with_insurer", "date", "is_demo"]
    list_filter = ["stage", "with_insurer", "is_demo"]
    search_fields = ["region__name"]
    autocomplete_fields = ["region"]
    list_select_related = ["region"]
    readonly_fields = ["text_state"]

    @admin.display(description=_("tekst voor de zoekfunctie"))
    def text_state(self, obj):
        if obj is None or obj.pk is None:
            return "–"
        plan_text = index.document_text(obj.region, PlanText.Kind.REGIOBEELD)
        if plan_text is None:
            return _("niet doorzocht (geen openbaar document)")
        return plan_text.get_state_display()

    def save_model(self, request, obj, form, change):
        super().save_model(request, obj, form, change)
        index.index_document(obj.region, PlanText.Kind.REGIOBEELD)


@admin.register(PlanText)
class PlanTextAdmin(RegionNamesMixin, admin.ModelAdmin):
    """Read-only: what the search could read of each public document. A
    document whose text is not readable keeps its upload; it is only missing
    from the search."""

    list_display = [
        "region",
        "kind",
        "state",
        "page_count",
        "pages_indexed",
        "truncated",
        "indexed_at",
    ]
    list_filter = ["kind", "state", "truncated"]
    search_fields = ["region__name"]
    list_select_related = ["region"]
    fields = list_display
    readonly_fields = list_display

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False


@admin.register(PlanElement)
class PlanElementAdmin(
    RegionNamesMixin,
    HistoryPageMixin,
    DataImportExportMixin,
    SimpleHistoryAdmin,
):
    form = PlanElementAdminForm
    resource_classes = [PlanElementResource]
    list_display = ["region", "element", "state", "page", "is_demo"]
    list_filter = ["element", "state", "is_demo"]
    search_fields = ["region__name", "note"]
    autocomplete_fields = ["region"]
    list_select_related = ["region"]


@admin.register(PlanDetails)
class PlanDetailsAdmin(
    RegionNamesMixin,
    HistoryPageMixin,
    DataImportExportMixin,
    SimpleHistoryAdmin,
):
    form = PlanDetailsAdminForm
    resource_classes = [PlanDetailsResource]
    list_display = ["region", "agreed_with_insurer", "period_kind", "is_demo"]
    list_filter = ["agreed_with_insurer", "period_kind", "is_demo"]
    search_fields = ["region__name"]
    autocomplete_fields = ["region"]
    list_select_related = ["region"]


@admin.register(Contract)
class ContractAdmin(
    RegionNamesMixin,
    HistoryPageMixin,
    DataImportExportMixin,
    SimpleHistoryAdmin,
):
    form = ContractAdminForm
    resource_classes = [ContractResource]
    list_display = [
        "region",
        "insurer",
        "start",
        "end",
        "state_label",
        "contents_public",
        "is_demo",
    ]
    list_filter = ["state", "kind", "contents_public", "insurer", "is_demo"]
    search_fields = ["region__name", "insurer__name"]
    autocomplete_fields = ["region", "insurer"]
    filter_horizontal = ["themes"]
    list_select_related = ["region", "insurer"]
    date_hierarchy = "start"

    @admin.display(description=Contract._meta.get_field("state").verbose_name)
    def state_label(self, contract):
        return contract.state_label


class GoalAdminForm(VersionedFormMixin, forms.ModelForm):
    class Meta:
        model = Goal
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


class MilestoneAdminForm(VersionedFormMixin, forms.ModelForm):
    class Meta:
        model = Milestone
        fields = ["title", "due", "state"]


class MilestoneInline(admin.TabularInline):
    model = Milestone
    form = MilestoneAdminForm
    extra = 1


@admin.register(Goal)
class GoalAdmin(
    RegionNamesMixin,
    HistoryPageMixin,
    DataImportExportMixin,
    SimpleHistoryAdmin,
):
    form = GoalAdminForm
    resource_classes = [GoalResource]
    inlines = [MilestoneInline]
    list_display = ["title", "region", "theme", "reached_on", "private", "is_demo"]
    list_filter = ["theme", "private", "is_demo"]
    search_fields = ["title", "region__name", "indicator"]
    autocomplete_fields = ["region", "owner"]
    list_select_related = ["region", "theme"]
