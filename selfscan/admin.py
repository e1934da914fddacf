"""The admin for curators: zelfscans, with history, revert and spreadsheets."""

from django import forms
from django.contrib import admin
from simple_history.admin import SimpleHistoryAdmin

from core.admin import HistoryPageMixin
from core.spreadsheet_admin import DataImportExportMixin
from core.versioning import VersionedFormMixin
from regions.admin.mixins import RegionNamesMixin

from .models import CHARACTERISTICS, OBSTACLES, SelfScan
from .resources import SelfScanResource

FIELDS = [
    "region",
    "is_public",
    "date",
    *(f for c in CHARACTERISTICS for f in (c.state_field, c.note_field)),
    *(f for o in OBSTACLES for f in (o.state_field, o.how_field, o.since_field)),
    "is_demo",
]


class SelfScanAdminForm(VersionedFormMixin, forms.ModelForm):
    class Meta:
        model = SelfScan
        fields = FIELDS


@admin.register(SelfScan)
class SelfScanAdmin(
    RegionNamesMixin,
    HistoryPageMixin,
    DataImportExportMixin,
    SimpleHistoryAdmin,
):
    form = SelfScanAdminForm
    resource_classes = [SelfScanResource]
    list_display = ["region", "date", "is_public", "is_demo"]
    list_filter = ["is_public", *(o.state_field for o in OBSTACLES), "is_demo"]
    search_fields = ["region__name"]
    autocomplete_fields = ["region"]
    list_select_related = ["region"]
    date_hierarchy = "date"
