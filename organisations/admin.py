from django import forms
from django.contrib import admin
from django.db.models import Count
from django.utils.translation import gettext_lazy as _
from simple_history.admin import SimpleHistoryAdmin

from regions.admin_data import DataImportExportMixin
from regions.resources import InsurerResource
from regions.versioning import VersionedFormMixin

from .models import CONTACT_FIELDS, Insurer, Organisation
from .resources import OrganisationResource


class OrganisationAdminForm(VersionedFormMixin, forms.ModelForm):
    class Meta:
        model = Organisation
        fields = [
            "name",
            "slug",
            "type",
            "kvk_number",
            "is_demo",
            *CONTACT_FIELDS,
            "regions",
        ]


CONTACT_FIELDSET = (
    _("Contactgegevens"),
    {
        "fields": [
            "street_address",
            ("postal_code", "city"),
            ("phone", "email"),
            "website",
        ]
    },
)


@admin.register(Organisation)
class OrganisationAdmin(DataImportExportMixin, SimpleHistoryAdmin):
    form = OrganisationAdminForm
    resource_classes = [OrganisationResource]
    list_display = ["name", "type", "city", "region_count", "is_demo"]
    list_filter = ["type", "is_demo", "regions"]
    search_fields = ["name", "slug", "kvk_number", "city", "regions__name"]
    prepopulated_fields = {"slug": ["name"]}
    autocomplete_fields = ["regions"]
    fieldsets = [
        (
            None,
            {
                "fields": [
                    "name",
                    "slug",
                    "type",
                    "kvk_number",
                    "is_demo",
                    "edit_version",
                ]
            },
        ),
        CONTACT_FIELDSET,
        (_("Werkgebied"), {"fields": ["regions"]}),
    ]

    @admin.display(description=_("regio's"), ordering="n_regions")
    def region_count(self, obj):
        return obj.n_regions

    def get_queryset(self, request):
        return super().get_queryset(request).annotate(n_regions=Count("regions"))


@admin.register(Insurer)
class InsurerAdmin(DataImportExportMixin, admin.ModelAdmin):
    resource_classes = [InsurerResource]
    list_display = ["name", "website"]
    search_fields = ["name", "slug"]
    prepopulated_fields = {"slug": ["name"]}
    fieldsets = [(None, {"fields": ["name", "slug"]}), CONTACT_FIELDSET]
