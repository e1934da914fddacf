"""What the admin classes of regions (and of higher apps) share."""

from django import forms
from django.contrib import admin
from django.contrib.admin.widgets import AutocompleteSelect
from django.utils.translation import gettext_lazy as _

from .. import services
from ..models import (
    Region,
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
