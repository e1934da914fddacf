"""Admin classes for organisations and insurers.

They are registered by regions.admin, which adds the regions an organisation
works in and keeps the map in step when an organisation or insurer changes.
"""

from django import forms
from django.contrib import admin
from django.utils.translation import gettext_lazy as _
from simple_history.admin import SimpleHistoryAdmin

from core.admin import DeletePageMixin, HistoryPageMixin
from core.spreadsheet_admin import DataImportExportMixin
from core.versioning import VersionedFormMixin

from .models import CONTACT_FIELDS, Organisation
from .resources import InsurerResource


class OrganisationAdminForm(VersionedFormMixin, forms.ModelForm):
    class Meta:
        model = Organisation
        fields = [
            "name",
            "slug",
            "type",
            "kvk_number",
            "agb_number",
            "is_demo",
            *CONTACT_FIELDS,
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


class OrganisationAdmin(
    DeletePageMixin, HistoryPageMixin, DataImportExportMixin, SimpleHistoryAdmin
):
    form = OrganisationAdminForm
    list_display = ["name", "type", "city", "is_demo"]
    list_filter = ["type", "is_demo"]
    search_fields = ["name", "slug", "kvk_number", "agb_number", "city"]
    prepopulated_fields = {"slug": ["name"]}
    fieldsets = [
        (
            None,
            {
                "fields": [
                    "name",
                    "slug",
                    "type",
                    "kvk_number",
                    "agb_number",
                    "is_demo",
                    "edit_version",
                ]
            },
        ),
        CONTACT_FIELDSET,
    ]


class InsurerAdmin(DeletePageMixin, DataImportExportMixin, admin.ModelAdmin):
    resource_classes = [InsurerResource]
    list_display = ["name", "website"]
    search_fields = ["name", "slug"]
    prepopulated_fields = {"slug": ["name"]}
    fieldsets = [(None, {"fields": ["name", "slug"]}), CONTACT_FIELDSET]
