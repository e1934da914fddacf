"""Gemeenten: their region, CBS figures and the reference imports."""

from django import forms
from django.contrib import admin
from django.urls import path
from django.utils.translation import gettext_lazy as _

from core.admin import DeletePageMixin
from core.spreadsheet_admin import DataImportExportMixin
from geo.models import KERNCIJFERS, Gemeente

from .. import services
from ..models import (
    Region,
)
from ..reference_imports import KINDS
from ..resources import (
    CompositionResource,
)
from . import imports as admin_imports
from .mixins import (
    RegionListFilter,
    borders_of,
)


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
    import_export_change_list_template = "admin/regions/gemeente_change_list.html"
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

    def changelist_view(self, request, extra_context=None):
        extra_context = {"reference_imports": KINDS.values(), **(extra_context or {})}
        return super().changelist_view(request, extra_context)

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
