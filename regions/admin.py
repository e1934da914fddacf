from django import forms
from django.contrib import admin, messages
from django.contrib.admin.widgets import FilteredSelectMultiple
from django.contrib.auth import get_user_model
from django.contrib.auth.admin import UserAdmin
from django.db.models import Count
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.urls import path
from django.utils.html import format_html
from django.utils.translation import gettext_lazy as _
from simple_history.admin import SimpleHistoryAdmin

from . import admin_imports, services
from .admin_data import DataImportExportMixin
from .forms import REGIOPLAN_FIELDS
from .invitations import invite_editor
from .models import (
    Activity,
    Gemeente,
    ImportLog,
    Region,
    RegionFigure,
    RegionMembership,
    RegioplanStatus,
)
from .resources import (
    ActivityResource,
    CompositionResource,
    RegionFigureResource,
    RegionResource,
)
from .versioning import VersionedFormMixin


class RegionAdminForm(VersionedFormMixin, forms.ModelForm):
    gemeenten = forms.ModelMultipleChoiceField(
        label=_("gemeenten"),
        queryset=Gemeente.objects.order_by("name"),
        required=False,
        widget=FilteredSelectMultiple(_("gemeenten"), is_stacked=False),
        help_text=_(
            "Een gemeente hoort bij hooguit één regio. Kiest u een gemeente die al "
            "bij een andere regio hoort, dan wordt ze daarheen verplaatst."
        ),
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

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if self.instance.pk:
            self.fields["gemeenten"].initial = self.instance.gemeenten.all()


class RegionFigureInline(admin.TabularInline):
    model = RegionFigure
    extra = 0


class ActivityInline(admin.StackedInline):
    model = Activity
    extra = 0
    autocomplete_fields = ["organisation"]
    fields = [
        ("title", "organisation"),
        "description",
        ("start_date", "end_date"),
        "url",
        "is_demo",
    ]


@admin.register(Region)
class RegionAdmin(DataImportExportMixin, SimpleHistoryAdmin):
    form = RegionAdminForm
    resource_classes = [RegionResource]
    list_display = [
        "name",
        "status_display",
        "regional_organisation",
        "preferred_insurer",
        "gemeente_count",
        "updated_at",
        "is_demo",
    ]
    list_filter = ["status", "preferred_insurer", "is_demo"]
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
                    ("plan_document", "plan_url"),
                    ("plan_start_year", "plan_end_year"),
                    "patients_involved",
                    "non_practice_holders_involved",
                    "description",
                ]
            },
        ),
        (_("Partijen"), {"fields": ["regional_organisation", "preferred_insurer"]}),
        (_("Samenstelling"), {"fields": ["gemeenten"]}),
        (_("Wijzigingen"), {"fields": ["created_at", "updated_at"]}),
    ]

    def get_queryset(self, request):
        return (
            super()
            .get_queryset(request)
            .select_related("regional_organisation", "preferred_insurer")
            .annotate(n_gemeenten=Count("gemeenten"))
        )

    @admin.display(description=_("status regioplan"), ordering="status")
    def status_display(self, obj):
        status = RegioplanStatus(obj.status)
        return format_html(
            '<span style="display:inline-block;width:.9em;height:.9em;'
            'background:{};border:1px solid #37414f;vertical-align:-.1em"></span> {}',
            status.colour,
            status.label,
        )

    @admin.display(description=_("gemeenten"), ordering="n_gemeenten")
    def gemeente_count(self, obj):
        return obj.n_gemeenten

    def save_related(self, request, form, formsets, change):
        super().save_related(request, form, formsets, change)
        chosen = form.cleaned_data["gemeenten"]
        moved = [g for g in chosen if g.region_id not in (None, form.instance.pk)]
        services.set_region_gemeenten(form.instance, chosen)
        for gemeente in moved:
            messages.info(
                request,
                _("%(gemeente)s is verplaatst uit regio %(old)s.")
                % {"gemeente": gemeente.name, "old": gemeente.region},
            )


@admin.register(Gemeente)
class GemeenteAdmin(DataImportExportMixin, admin.ModelAdmin):
    resource_classes = [CompositionResource]
    import_export_change_list_template = (
        "admin/regions/gemeente/change_list_imports.html"
    )

    def get_urls(self):
        def view(request, kind):
            return admin_imports.import_view(self, request, kind)

        return [
            path(
                "importeren/<slug:kind>/",
                self.admin_site.admin_view(view),
                name="regions_gemeente_import",
            ),
            *super().get_urls(),
        ]

    list_display = ["name", "code", "province", "region", "inwoners", "area_km2"]

    def has_add_permission(self, request):
        return False  # gemeenten come from a boundary import, with their geometry

    list_filter = ["province", ("region", admin.EmptyFieldListFilter), "region"]
    search_fields = ["name", "code"]
    autocomplete_fields = ["region"]
    list_select_related = ["region"]
    readonly_fields = [
        "code",
        "area_km2",
        "kerncijfers_year",
        "inwoners",
        "mannen",
        "vrouwen",
        "aandeel_0_15",
        "aandeel_15_25",
        "aandeel_25_45",
        "aandeel_45_65",
        "aandeel_65plus",
        "huishoudens",
        "gem_huishoudensgrootte",
        "bevolkingsdichtheid",
    ]
    fieldsets = [
        (None, {"fields": ["code", "name", "province", "province_code", "region"]}),
        (
            _("CBS-kerncijfers (alleen via import te wijzigen)"),
            {"fields": readonly_fields[1:]},
        ),
    ]


class ActivityAdminForm(VersionedFormMixin, forms.ModelForm):
    class Meta:
        model = Activity
        fields = [
            "region",
            "title",
            "description",
            "organisation",
            "start_date",
            "end_date",
            "url",
            "is_demo",
        ]


@admin.register(Activity)
class ActivityAdmin(DataImportExportMixin, SimpleHistoryAdmin):
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
    list_filter = ["region", "is_demo"]
    search_fields = ["title", "description", "region__name", "organisation__name"]
    autocomplete_fields = ["region", "organisation"]
    date_hierarchy = "start_date"
    list_select_related = ["region", "organisation"]


@admin.register(RegionFigure)
class RegionFigureAdmin(DataImportExportMixin, SimpleHistoryAdmin):
    resource_classes = [RegionFigureResource]
    list_display = ["region", "kind", "year", "value", "source", "is_demo"]
    list_filter = ["kind", "year", "region"]
    search_fields = ["region__name", "source"]
    autocomplete_fields = ["region"]
    list_select_related = ["region"]


@admin.register(ImportLog)
class ImportLogAdmin(admin.ModelAdmin):
    """Every spreadsheet import, to review; nobody edits the log."""

    list_display = [
        "created_at",
        "user",
        "model",
        "file_name",
        "new",
        "updated",
        "unchanged",
    ]
    list_filter = ["model", "user"]
    search_fields = ["file_name", "user__username"]
    date_hierarchy = "created_at"

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False


class InviteForm(forms.Form):
    email = forms.EmailField(label=_("e-mailadres"))
    first_name = forms.CharField(label=_("voornaam"), required=False)
    last_name = forms.CharField(label=_("achternaam"), required=False)
    regions = forms.ModelMultipleChoiceField(
        label=_("regio's"),
        queryset=Region.objects.order_by("name"),
        widget=FilteredSelectMultiple(_("regio's"), is_stacked=False),
    )


@admin.register(RegionMembership)
class RegionMembershipAdmin(admin.ModelAdmin):
    change_list_template = "admin/regions/regionmembership/change_list.html"
    list_display = ["user", "region", "role", "created_at"]
    list_filter = ["region", "role"]
    search_fields = ["user__username", "user__email", "region__name"]
    autocomplete_fields = ["user", "region"]
    list_select_related = ["user", "region"]

    def get_urls(self):
        return [
            path(
                "uitnodigen/",
                self.admin_site.admin_view(self.invite_view),
                name="regions_regionmembership_invite",
            ),
            *super().get_urls(),
        ]

    def invite_view(self, request):
        form = InviteForm(request.POST or None)
        if request.method == "POST" and form.is_valid():
            data = form.cleaned_data
            user = invite_editor(
                request,
                data["email"],
                list(data["regions"]),
                data["first_name"],
                data["last_name"],
            )
            messages.success(
                request,
                _("Uitnodiging verstuurd naar %(email)s.") % {"email": user.email},
            )
            return redirect("admin:regions_regionmembership_changelist")
        context = {
            **self.admin_site.each_context(request),
            "opts": self.model._meta,
            "title": _("Redacteur uitnodigen"),
            "form": form,
            "media": self.media + form.media,
        }
        return TemplateResponse(
            request, "admin/regions/regionmembership/invite.html", context
        )


class MembershipInline(admin.TabularInline):
    model = RegionMembership
    extra = 0
    autocomplete_fields = ["region"]


User = get_user_model()
admin.site.unregister(User)


@admin.register(User)
class RegiokaartUserAdmin(UserAdmin):
    inlines = [MembershipInline]
    list_display = [
        "username",
        "email",
        "first_name",
        "last_name",
        "is_superuser",
        "is_active",
    ]
