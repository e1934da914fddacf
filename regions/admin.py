"""The admin for curators: regions, their composition, activities and figures,
and the organisations and insurers (whose changes redraw the map)."""

from django import forms
from django.contrib import admin, messages
from django.contrib.admin.widgets import AutocompleteSelect, FilteredSelectMultiple
from django.db.models import Count
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.urls import path
from django.utils import timezone
from django.utils.html import format_html
from django.utils.translation import gettext_lazy as _
from django.views.decorators.http import require_POST
from simple_history.admin import SimpleHistoryAdmin

from core.admin import DeletePageMixin, HistoryPageMixin
from core.spreadsheet_admin import DataImportExportMixin
from core.versioning import StateGuardedInlineFormSet, VersionedFormMixin
from geo.models import KERNCIJFERS, Gemeente
from organisations.admin import InsurerAdmin, OrganisationAdmin
from organisations.models import ContactPerson, Insurer, Organisation

from . import admin_imports, reminders, services
from .models import (
    ACTIVITY_FIELDS,
    REGIOPLAN_FIELDS,
    Activity,
    GemeenteMove,
    Region,
    RegionFigure,
    RegionOrganisation,
    RegioplanStatus,
    ReminderLog,
    StatusChange,
)
from .resources import (
    ActivityResource,
    CompositionResource,
    InsurerMapResource,
    OrganisationResource,
    RegionFigureResource,
    RegionResource,
)


class MapDataAdminMixin:
    """Saves and deletes here change what the map shows: rebuild it once after."""

    def save_model(self, request, obj, form, change):
        super().save_model(request, obj, form, change)
        services.data_changed()

    def delete_model(self, request, obj):
        super().delete_model(request, obj)
        services.data_changed()

    def delete_queryset(self, request, queryset):
        super().delete_queryset(request, queryset)
        services.data_changed()


class GemeenteChoiceField(forms.ModelMultipleChoiceField):
    """Each gemeente with the region it is in now."""

    def label_from_instance(self, gemeente):
        link = getattr(gemeente, "region_link", None)
        if link is None:
            return _("%(name)s (geen regio)") % {"name": gemeente.name}
        return f"{gemeente.name} ({link.region.name})"


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


def borders_of(*relations: str) -> list[str]:
    """The border columns of the regions behind relations, to defer where only
    their names are shown."""
    return [f"{r}__{f}" for r in relations for f in ("geometry", "display_geometry")]


class RegionListFilter(admin.RelatedFieldListFilter):
    """Filter by region: the choices are the regions' names, not their borders."""

    def field_choices(self, field, request, model_admin):
        return list(Region.objects.values_list("pk", "name"))


class RegionNamesMixin:
    """An admin that shows the regions its rows point to by name only: they
    come joined without their borders, and so do the regions to choose from."""

    region_fields = ["region"]

    def get_queryset(self, request):
        # The changelist joins list_select_related only to a queryset that
        # joins nothing yet: join those here too.
        related = [*self.region_fields, *(self.list_select_related or [])]
        return (
            super()
            .get_queryset(request)
            .select_related(*related)
            .defer(*borders_of(*self.region_fields))
        )

    def formfield_for_foreignkey(self, db_field, request, **kwargs):
        if db_field.related_model is Region:
            kwargs.setdefault("queryset", Region.objects.without_borders())
        return super().formfield_for_foreignkey(db_field, request, **kwargs)


class InstanceAutocompleteSelect(AutocompleteSelect):
    """An autocomplete whose selected option comes from the form's instance
    (loaded by the inline's select_related), not from one query per row."""

    selected_object = None

    def optgroups(self, name, value, attr=None):
        obj = self.selected_object
        if obj is None or [str(v) for v in value if v] != [str(obj.pk)]:
            return super().optgroups(name, value, attr)
        options = []
        if not self.is_required:
            options.append(self.create_option(name, "", "", False, 0))
        label = self.choices.field.label_from_instance(obj)
        options.append(
            self.create_option(name, obj.pk, label, {str(obj.pk)}, len(options))
        )
        return [(None, options, 0)]


class InstanceAutocompleteForm(forms.ModelForm):
    """Hands each InstanceAutocompleteSelect the object its row has already."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for name, field in self.fields.items():
            widget = getattr(field.widget, "widget", field.widget)  # unwrapped
            if isinstance(widget, InstanceAutocompleteSelect) and getattr(
                self.instance, f"{name}_id", None
            ):
                widget.selected_object = getattr(self.instance, name)


class InstanceAutocompleteInlineMixin:
    """An inline whose autocomplete_fields show the rows' own objects: its
    get_queryset joins them (select_related), its form is an
    InstanceAutocompleteForm."""

    def formfield_for_foreignkey(self, db_field, request, **kwargs):
        if db_field.name in self.get_autocomplete_fields(request):
            kwargs["widget"] = InstanceAutocompleteSelect(db_field, self.admin_site)
        return super().formfield_for_foreignkey(db_field, request, **kwargs)


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


class StaleFilter(admin.SimpleListFilter):
    title = _("bevestiging")
    parameter_name = "bevestigd"

    def lookups(self, request, model_admin):
        return [("verouderd", _("Niet bevestigd in de afgelopen periode"))]

    def queryset(self, request, queryset):
        if self.value() == "verouderd":
            return queryset.unconfirmed_since(reminders.period_start())
        return queryset


class PlanExpiredFilter(admin.SimpleListFilter):
    title = _("looptijd regioplan")
    parameter_name = "looptijd"

    def lookups(self, request, model_admin):
        return [("verlopen", _("Eindjaar verstreken"))]

    def queryset(self, request, queryset):
        if self.value() == "verlopen":
            return queryset.plan_expired()
        return queryset


class ContactFilter(admin.SimpleListFilter):
    title = _("contactgegevens")
    parameter_name = "contact"

    def lookups(self, request, model_admin):
        return [("ontbreekt", _("Geen telefoon of e-mail bekend"))]

    def queryset(self, request, queryset):
        if self.value() == "ontbreekt":
            return queryset.without_contact()
        return queryset


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


class ContactPersonInlineForm(VersionedFormMixin, forms.ModelForm):
    class Meta:
        model = ContactPerson
        fields = ["name", "function", "email", "phone", "is_public", "is_demo"]


class ContactPersonInline(admin.StackedInline):
    model = ContactPerson
    form = ContactPersonInlineForm
    extra = 0

    def get_queryset(self, request):
        """Each row is named after its organisation too."""
        return super().get_queryset(request).select_related("organisation")

    fields = [
        ("name", "function"),
        ("email", "phone"),
        "is_public",
        "is_demo",
        "edit_version",
    ]


class RegionOrganisationInline(InstanceAutocompleteInlineMixin, admin.TabularInline):
    model = RegionOrganisation
    form = InstanceAutocompleteForm
    formset = StateGuardedInlineFormSet  # link rows carry no version of their own
    extra = 0
    autocomplete_fields = ["region"]
    verbose_name = _("actief in regio")
    verbose_name_plural = _("werkgebied: actief in regio's")

    def get_queryset(self, request):
        """Each row is named 'organisation – region'."""
        return (
            super()
            .get_queryset(request)
            .select_related("organisation", "region")
            .defer(*borders_of("region"))
        )


@admin.register(Organisation)
class RegionalOrganisationAdmin(MapDataAdminMixin, OrganisationAdmin):
    """The organisation admin of organisations/, with the regions it works in."""

    resource_classes = [OrganisationResource]
    inlines = [RegionOrganisationInline, ContactPersonInline]
    actions = ["merge_organisations"]
    list_display = [*OrganisationAdmin.list_display, "region_count"]
    list_filter = [*OrganisationAdmin.list_filter, ("regions", RegionListFilter)]
    search_fields = [*OrganisationAdmin.search_fields, "regions__name"]

    @admin.display(description=_("regio's"), ordering="n_regions")
    def region_count(self, obj):
        return obj.n_regions

    def get_queryset(self, request):
        return (
            super()
            .get_queryset(request)
            .annotate(n_regions=Count("regions"))
            .order_by("name")  # an aggregate drops Meta.ordering (autocomplete)
        )

    @admin.action(description=_("Twee organisaties samenvoegen"))
    def merge_organisations(self, request, queryset):
        """Pick the one to keep on a confirmation page; the other is folded in."""
        organisations = list(queryset.order_by("name"))
        if len(organisations) != 2:
            self.message_user(
                request,
                _("Kies precies twee organisaties om samen te voegen."),
                messages.ERROR,
            )
            return None
        keep_pk = request.POST.get("keep")
        if keep_pk in {str(o.pk) for o in organisations}:
            keep = next(o for o in organisations if str(o.pk) == keep_pk)
            other = next(o for o in organisations if o is not keep)
            moved = services.merge_organisations(keep, other, request.user)
            self.message_user(
                request,
                _(
                    "%(other)s is samengevoegd met %(keep)s (%(moved)s). De "
                    "geschiedenis van beide blijft bewaard."
                )
                % {
                    "other": other.name,
                    "keep": keep.name,
                    "moved": ", ".join(f"{k}: {n}" for k, n in moved.items()),
                },
                messages.SUCCESS,
            )
            return None
        return TemplateResponse(
            request,
            "admin/regions/merge_organisations.html",
            {
                **self.admin_site.each_context(request),
                "title": _("Organisaties samenvoegen"),
                "organisations": organisations,
                "opts": self.model._meta,
                "action_checkbox_name": admin.helpers.ACTION_CHECKBOX_NAME,
            },
        )


@admin.register(Insurer)
class RegionalInsurerAdmin(MapDataAdminMixin, InsurerAdmin):
    """Insurers; a rename or delete shows on the map at once."""

    resource_classes = [InsurerMapResource]


class GemeenteAdminForm(forms.ModelForm):
    region = forms.ModelChoiceField(
        label=_("Regio"),
        queryset=Region.objects.without_borders(),
        required=False,
        help_text=_("Een verplaatsing staat in de geschiedenis van beide regio's."),
    )

    class Meta:
        model = Gemeente
        fields = ["name", "province", "province_code"]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        link = getattr(self.instance, "region_link", None)
        self.fields["region"].initial = link.region_id if link else None


@admin.register(Gemeente)
class GemeenteAdmin(DeletePageMixin, DataImportExportMixin, admin.ModelAdmin):
    form = GemeenteAdminForm
    resource_classes = [CompositionResource]
    import_export_change_list_template = "admin/geo/gemeente/change_list_imports.html"
    list_display = ["name", "code", "province", "region", "inwoners", "area_km2"]
    list_filter = [
        "province",
        ("region_link", admin.EmptyFieldListFilter),
        ("region_link__region", RegionListFilter),
    ]
    search_fields = ["name", "code"]
    list_select_related = ["region_link__region"]
    readonly_fields = ["code", "area_km2", "kerncijfers_year", *KERNCIJFERS]
    fieldsets = [
        (None, {"fields": ["code", "name", "province", "province_code", "region"]}),
        (
            _("CBS-kerncijfers (alleen via import te wijzigen)"),
            {"fields": readonly_fields[1:]},
        ),
    ]

    def get_urls(self):
        def view(request, kind):
            return admin_imports.import_view(self, request, kind)

        return [
            path(
                "importeren/<slug:kind>/",
                self.admin_site.admin_view(view),
                name="geo_gemeente_import",
            ),
            *super().get_urls(),
        ]

    def get_queryset(self, request):
        """No page here shows a border, nor the border of a gemeente's region."""
        return (
            super()
            .get_queryset(request)
            .without_borders()
            .select_related("region_link__region")
            .defer(*borders_of("region_link__region"))
        )

    def has_add_permission(self, request):
        return False  # gemeenten come from a boundary import, with their geometry

    @admin.display(description=_("regio"), ordering="region_link__region__name")
    def region(self, gemeente):
        link = getattr(gemeente, "region_link", None)
        return link.region if link else None

    def save_model(self, request, obj, form, change):
        super().save_model(request, obj, form, change)
        services.move_gemeenten({obj: form.cleaned_data["region"]}, user=request.user)


class ActivityAdminForm(VersionedFormMixin, forms.ModelForm):
    class Meta:
        model = Activity
        fields = ["region", *ACTIVITY_FIELDS, "is_demo"]


@admin.register(Activity)
class ActivityAdmin(
    RegionNamesMixin, HistoryPageMixin, DataImportExportMixin, SimpleHistoryAdmin
):
    form = ActivityAdminForm
    resource_classes = [ActivityResource]
    list_display = [
        "title",
        "region",
        "organisation",
        "start_date",
        "end_date",
        "is_demo",
    ]
    list_filter = [("region", RegionListFilter), "is_demo"]
    search_fields = ["title", "description", "region__name", "organisation__name"]
    autocomplete_fields = ["region", "organisation"]
    date_hierarchy = "start_date"
    list_select_related = ["region", "organisation"]


@admin.register(RegionFigure)
class RegionFigureAdmin(
    RegionNamesMixin, HistoryPageMixin, DataImportExportMixin, SimpleHistoryAdmin
):
    resource_classes = [RegionFigureResource]
    list_display = ["region", "kind", "year", "value", "source", "is_demo"]
    list_filter = ["kind", "year", ("region", RegionListFilter)]
    search_fields = ["region__name", "source"]
    autocomplete_fields = ["region"]
    list_select_related = ["region"]
