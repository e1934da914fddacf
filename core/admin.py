from django.contrib import admin
from django.contrib.admin.utils import NestedObjects, quote
from django.db import models, router
from django.urls import NoReverseMatch, reverse
from django.utils.html import format_html
from django.utils.text import capfirst
from django.utils.translation import gettext
from simple_history.template_utils import HistoricalRecordContextHelper

from .models import ImportLog


def joined_columns_to_leave_out(model) -> list[str]:
    """The JSON columns (borders) of the rows model's foreign keys point to:
    joined only for their names, so left in the database."""
    return [
        f"{key.name}__{field.name}"
        for key in model._meta.concrete_fields
        if key.many_to_one or key.one_to_one
        for field in key.related_model._meta.concrete_fields
        if isinstance(field, models.JSONField)
    ]


class NamedObjects(NestedObjects):
    """The admin's collector for the delete page, with each related row's
    foreign keys joined: the page names every row, and a name such as
    'user – region' would otherwise cost a query or two per row."""

    def related_objects(self, related_model, related_fields, objs):
        keys = [
            field.name
            for field in related_model._meta.concrete_fields
            if field.many_to_one or field.one_to_one
        ]
        return (
            super()
            .related_objects(related_model, related_fields, objs)
            .select_related(*keys)
            .defer(*joined_columns_to_leave_out(related_model))
        )


class DeletePageMixin:
    """The delete page (and the delete action's) in a fixed number of queries,
    however much is deleted with the object: Django's get_deleted_objects with
    NamedObjects as the collector."""

    def get_deleted_objects(self, objs, request):
        if not objs:
            return [], {}, set(), []
        collector = NamedObjects(using=router.db_for_write(self.model), origin=objs)
        collector.collect(objs)
        perms_needed = set()

        def format_callback(obj):
            opts = obj._meta
            name = capfirst(opts.verbose_name)
            if not self.admin_site.is_registered(obj.__class__):
                return f"{name}: {obj}"
            model_admin = self.admin_site.get_model_admin(obj.__class__)
            if not model_admin.has_delete_permission(request, obj):
                perms_needed.add(opts.verbose_name)
            try:
                url = reverse(
                    f"{self.admin_site.name}:{opts.app_label}_{opts.model_name}_change",
                    args=[quote(obj.pk)],
                )
            except NoReverseMatch:
                return f"{name}: {obj}"
            return format_html('{}: <a href="{}">{}</a>', name, url, obj)

        to_delete = collector.nested(format_callback)
        protected = [format_callback(obj) for obj in collector.protected]
        model_count = {
            model._meta.verbose_name_plural: len(rows)
            for model, rows in collector.model_objs.items()
        }
        return to_delete, model_count, perms_needed, protected


class ReadableHistoryHelper(HistoricalRecordContextHelper):
    """The history's "before → after" in words, not stored values: the label
    of a choice ("Regioplan openbaar", not "openbaar"), "ja"/"nee" for a yes/no
    field, a dash for empty."""

    def prepare_delta_change_value(self, change, value):
        value = super().prepare_delta_change_value(change, value)
        field = self.model._meta.get_field(change.field)
        if value is None or value == "":
            return "–"
        if isinstance(field, models.BooleanField):
            return gettext("ja") if value else gettext("nee")
        if field.choices and not isinstance(value, list):
            return str(dict(field.flatchoices).get(value, value))
        return value


class HistoryPageMixin:
    """simple-history's history page in a fixed number of queries.

    Its join of the tracked foreign keys replaces the join of history_user (one
    query per row otherwise), and each row's object is built afresh, without
    the rows its name is made of (a query per foreign key per row otherwise).
    Borders of joined rows stay in the database."""

    def get_history_queryset(self, request, history_manager, pk_name, object_id):
        queryset = super().get_history_queryset(
            request, history_manager, pk_name, object_id
        )
        return queryset.select_related("history_user").defer(
            *joined_columns_to_leave_out(history_manager.model)
        )

    def get_historical_record_context_helper(self, request, historical_record):
        return ReadableHistoryHelper(self.model, historical_record)

    def render_history_view(self, request, template, context, **kwargs):
        for record in context.get("page_obj", ()):  # not on the revert page
            obj = record.history_object
            for field in record.tracked_fields:
                if isinstance(field, models.ForeignKey) and field.is_cached(record):
                    field.set_cached_value(obj, field.get_cached_value(record))
            record.history_object = obj  # in place of the descriptor's fresh one
        return super().render_history_view(request, template, context, **kwargs)


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
    list_select_related = ["user"]
    search_fields = ["file_name", "user__username"]
    date_hierarchy = "created_at"

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False
