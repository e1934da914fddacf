"""Regions, their status history, reminders sent and gemeente moves."""

from django import forms
from django.contrib import admin, messages
from django.contrib.admin.widgets import FilteredSelectMultiple
from django.db.models import Count
from django.shortcuts import get_object_or_404, redirect
from django.urls import path
from django.utils import timezone
from django.utils.html import format_html
from django.utils.translation import gettext_lazy as _
from django.views.decorators.http import require_POST
from simple_history.admin import SimpleHistoryAdmin

from core.admin import DeletePageMixin, HistoryPageMixin
from core.spreadsheet_admin import DataImportExportMixin
from core.versioning import StateGuardedInlineFormSet, VersionedFormMixin
from geo.models import Gemeente

from .. import services
from ..models import (
    ACTIVITY_FIELDS,
    REGIOPLAN_FIELDS,
    Activity,
    GemeenteMove,
    Region,
    RegionFigure,
    RegioplanStatus,
    ReminderLog,
    StatusChange,
)
from ..resources import (
    RegionResource,
)
from . import workbook as admin_workbook
from .filters import ContactFilter, PlanExpiredFilter, StaleFilter
from .mixins import (
    GemeenteChoiceField,
    InstanceAutocompleteForm,
    InstanceAutocompleteInlineMixin,
    MapDataAdminMixin,
    RegionListFilter,
    RegionNamesMixin,
    borders_of,
)


class RegionAdminForm(VersionedFormMixin, forms.ModelForm):
    # Not "gemeenten": that model field goes through RegionGemeente, and every
    # change to it goes through services.set_region_gemeenten.
    composition = GemeenteChoiceField(
        label=_("Gemeenten"),
        queryset=Gemeente.objects.without_borders()
        .select_related("region_link__region")
        .only("pk", "name", "region_link__region__name")
        .order_by("name"),
        required=False,
        widget=FilteredSelectMultiple(_("gemeenten"), is_stacked=False),
        help_text=_(
            "Een gemeente hoort bij hooguit één regio; tussen haakjes staat de regio "
            "waar ze nu bij hoort. Kiest u een gemeente uit een andere regio, dan "
            "wordt ze daarheen verplaatst. Elke verplaatsing staat in de "
            "geschiedenis van beide regio's en kan worden teruggedraaid."
        ),
    )

    # Recorded with a status change (StatusChange), not fields of the region.
    status_effective_date = forms.DateField(
        label=_("Status geldt vanaf"),
        required=False,
        widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
        help_text=_("Alleen bij een statuswijziging; leeg is vandaag."),
    )
    status_note = forms.CharField(
        label=_("Toelichting bij de statuswijziging"), required=False, max_length=500
    )

    class Meta:
        model = Region
        fields = [
            "name",
            "slug",
            "is_demo",
            *REGIOPLAN_FIELDS,
            "regional_organisation",
            "preferred_insurer",
        ]

    def clean_status_effective_date(self):
        day = self.cleaned_data.get("status_effective_date")
        if day and day > timezone.localdate():
            raise forms.ValidationError(_("Deze datum ligt in de toekomst."))
        return day

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if self.instance.pk:
            self.fields["composition"].initial = list(
                self.instance.gemeenten.values_list("pk", flat=True)
            )


class RegionFigureInline(admin.TabularInline):
    model = RegionFigure
    formset = StateGuardedInlineFormSet  # figures carry no version of their own
    extra = 0


class ActivityInlineForm(VersionedFormMixin, InstanceAutocompleteForm):
    class Meta:
        model = Activity
        fields = [*ACTIVITY_FIELDS, "is_demo"]


class ActivityInline(InstanceAutocompleteInlineMixin, admin.StackedInline):
    model = Activity
    form = ActivityInlineForm
    extra = 0
    autocomplete_fields = ["organisation"]

    def get_queryset(self, request):
        return super().get_queryset(request).select_related("organisation")

    fields = [
        ("title", "organisation"),
        "description",
        ("start_date", "end_date"),
        "url",
        "is_demo",
        "edit_version",
    ]


def status_swatch(status: RegioplanStatus):
    return format_html(
        '<span class="status-{}"><span class="swatch" aria-hidden="true"></span>'
        "{}</span>",
        status.value,
        status.label,
    )


@admin.register(Region)
class RegionAdmin(
    MapDataAdminMixin,
    DeletePageMixin,
    HistoryPageMixin,
    DataImportExportMixin,
    SimpleHistoryAdmin,
):
    form = RegionAdminForm
    resource_classes = [RegionResource]
    import_export_change_list_template = "admin/regions/region_change_list.html"
    object_history_template = "admin/regions/region/object_history.html"
    list_display = [
        "name",
        "status_display",
        "regional_organisation",
        "preferred_insurer",
        "gemeente_count",
        "updated_at",
        "is_demo",
    ]
    list_filter = [
        "status",
        StaleFilter,
        PlanExpiredFilter,
        ContactFilter,
        "preferred_insurer",
        "is_demo",
    ]
    search_fields = ["name", "slug", "gemeenten__name", "regional_organisation__name"]
    prepopulated_fields = {"slug": ["name"]}
    autocomplete_fields = ["regional_organisation", "preferred_insurer"]
    readonly_fields = ["updated_at", "created_at"]
    inlines = [RegionFigureInline, ActivityInline]
    fieldsets = [
        (None, {"fields": ["name", "slug", "is_demo", "edit_version"]}),
        (
            _("Regioplan"),
            {
                "fields": [
                    "status",
                    ("status_effective_date", "status_note"),
                    ("plan_document", "plan_url"),
                    ("plan_start_year", "plan_end_year"),
                    "patients_involved",
                    "non_practice_holders_involved",
                    "description",
                ]
            },
        ),
        (_("Partijen"), {"fields": ["regional_organisation", "preferred_insurer"]}),
        (_("Samenstelling"), {"fields": ["composition"]}),
        (_("Wijzigingen"), {"fields": ["created_at", "updated_at"]}),
    ]

    class Media:
        css = {"all": ["css/status.css"]}

    def get_urls(self):
        def workbook_import(request):
            return admin_workbook.import_view(self, request)

        def workbook_download(request):
            return admin_workbook.download_view(self, request)

        return [
            path(
                "werkboek/",
                self.admin_site.admin_view(workbook_import),
                name="regions_region_workbook",
            ),
            path(
                "werkboek/download/",
                self.admin_site.admin_view(workbook_download),
                name="regions_region_workbook_download",
            ),
            *super().get_urls(),
        ]

    def get_queryset(self, request):
        return (
            super()
            .get_queryset(request)
            .without_borders()
            .select_related("regional_organisation", "preferred_insurer")
            .annotate(n_gemeenten=Count("gemeenten"))
            .order_by("name")  # an aggregate drops Meta.ordering (autocomplete)
        )

    @admin.display(description=_("status regioplan"), ordering="status")
    def status_display(self, obj):
        return status_swatch(RegioplanStatus(obj.status))

    @admin.display(description=_("gemeenten"), ordering="n_gemeenten")
    def gemeente_count(self, obj):
        return obj.n_gemeenten

    def save_model(self, request, obj, form, change):
        """Also the path of simple-history's revert, which calls save_model."""
        old_status, old_document = Region.objects.filter(pk=obj.pk).values_list(
            "status", "plan_document"
        ).first() or (None, "")
        super().save_model(request, obj, form, change)
        services.document_replaced(old_document, obj.plan_document.name)
        services.record_status(
            obj,
            old_status,
            request.user,
            effective_date=form.cleaned_data.get("status_effective_date"),
            note=form.cleaned_data.get("status_note", ""),
        )
        services.documents_changed(obj)

    def save_related(self, request, form, formsets, change):
        super().save_related(request, form, formsets, change)
        moves = services.set_region_gemeenten(
            form.instance, form.cleaned_data["composition"], user=request.user
        )
        for move in moves:
            if move.from_region_id and move.to_region_id == form.instance.pk:
                messages.info(
                    request,
                    _("%(gemeente)s is verplaatst uit regio %(old)s.")
                    % {"gemeente": move.gemeente.name, "old": move.from_region},
                )

    def history_view(self, request, object_id, extra_context=None):
        moves = (
            GemeenteMove.objects.filter(from_region_id=object_id)
            | GemeenteMove.objects.filter(to_region_id=object_id)
        ).select_related("gemeente", "from_region", "to_region", "user")
        moves = moves.defer(
            "gemeente__geometry", *borders_of("from_region", "to_region")
        )
        extra_context = {**(extra_context or {}), "gemeente_moves": moves}
        return super().history_view(request, object_id, extra_context)


@admin.register(StatusChange)
class StatusChangeAdmin(RegionNamesMixin, admin.ModelAdmin):
    """Status changes are recorded by the region forms and imports; a curator
    may correct their date or note here (which redraws the map on that date)."""

    list_display = [
        "effective_date",
        "region",
        "previous_status",
        "status",
        "recorded_by",
        "is_demo",
    ]
    list_filter = ["status", "is_demo", ("region", RegionListFilter)]
    search_fields = ["region__name", "note"]
    list_select_related = ["region", "recorded_by"]
    date_hierarchy = "effective_date"
    fields = [
        "region",
        "previous_status",
        "status",
        "effective_date",
        "note",
        "recorded_by",
        "is_demo",
        "created_at",
    ]
    readonly_fields = [
        "region",
        "previous_status",
        "status",
        "recorded_by",
        "is_demo",
        "created_at",
    ]

    def has_add_permission(self, request):
        return False


@admin.register(ReminderLog)
class ReminderLogAdmin(RegionNamesMixin, admin.ModelAdmin):
    """What manage.py send_reminders sent: read only."""

    list_display = ["sent_at", "region", "email"]
    list_filter = [("region", RegionListFilter)]
    search_fields = ["region__name", "email"]
    list_select_related = ["region"]
    date_hierarchy = "sent_at"

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False


@admin.register(GemeenteMove)
class GemeenteMoveAdmin(admin.ModelAdmin):
    """Every change of a region's composition; a curator may undo one."""

    list_display = ["created_at", "gemeente", "from_region", "to_region", "user"]
    list_filter = [
        ("from_region", RegionListFilter),
        ("to_region", RegionListFilter),
    ]
    search_fields = ["gemeente__name", "gemeente__code"]
    list_select_related = ["gemeente", "from_region", "to_region", "user"]
    date_hierarchy = "created_at"

    def get_queryset(self, request):
        return (
            super()
            .get_queryset(request)
            .select_related("gemeente", "from_region", "to_region", "user")
            .defer("gemeente__geometry", *borders_of("from_region", "to_region"))
        )

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False

    def get_urls(self):
        return [
            path(
                "<int:pk>/terugdraaien/",
                self.admin_site.admin_view(self.revert_view),
                name="regions_gemeentemove_revert",
            ),
            *super().get_urls(),
        ]

    @staticmethod
    @require_POST
    def revert_view(request, pk):
        move = get_object_or_404(GemeenteMove.objects.select_related("gemeente"), pk=pk)
        services.revert_move(move, user=request.user)
        messages.success(
            request,
            _("%(gemeente)s is teruggezet naar %(region)s.")
            % {
                "gemeente": move.gemeente.name,
                "region": move.from_region or _("geen regio"),
            },
        )
        target = move.from_region or move.to_region
        if target:
            return redirect("admin:regions_region_history", target.pk)
        return redirect("admin:regions_gemeentemove_changelist")
