"""Activities and region figures."""

from django import forms
from django.contrib import admin
from simple_history.admin import SimpleHistoryAdmin

from core.admin import HistoryPageMixin
from core.spreadsheet_admin import DataImportExportMixin
from core.versioning import VersionedFormMixin

from ..models import (
    ACTIVITY_FIELDS,
    Activity,
    RegionFigure,
    Theme,
)
from ..resources import (
    ActivityResource,
    RegionFigureResource,
)
from .mixins import (
    RegionListFilter,
    RegionNamesMixin,
)


class ActivityAdminForm(VersionedFormMixin, forms.ModelForm):
    class Meta:
        model = Activity
        fields = ["region", *ACTIVITY_FIELDS, "themes", "is_demo"]


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
    filter_horizontal = ["themes"]
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


@admin.register(Theme)
class ThemeAdmin(HistoryPageMixin, SimpleHistoryAdmin):
    list_display = ["name", "name_en", "slug"]
    search_fields = ["name", "name_en", "slug"]
    prepopulated_fields = {"slug": ["name"]}
    fields = ["name", "name_en", "slug"]
