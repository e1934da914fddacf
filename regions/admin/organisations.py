"""Organisations and insurers, with the regions they work in: their changes
redraw the map, so they are registered here rather than in organisations."""

from django import forms
from django.contrib import admin, messages
from django.db.models import Count
from django.template.response import TemplateResponse
from django.utils.translation import gettext_lazy as _

from core.versioning import StateGuardedInlineFormSet, VersionedFormMixin
from organisations import duplicates
from organisations.admin import InsurerAdmin, OrganisationAdmin
from organisations.models import ContactPerson, Insurer, Organisation

from .. import services
from ..models import (
    RegionOrganisation,
)
from ..resources import (
    InsurerMapResource,
    OrganisationResource,
)
from .mixins import (
    InstanceAutocompleteForm,
    InstanceAutocompleteInlineMixin,
    MapDataAdminMixin,
    RegionListFilter,
    borders_of,
)


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
                # The one duplicate rule (organisations.duplicates), as the
                # new-organisation warning and the workbench use it.
                "look_alike": duplicates.alike(*organisations),
                "opts": self.model._meta,
                "action_checkbox_name": admin.helpers.ACTION_CHECKBOX_NAME,
            },
        )


@admin.register(Insurer)
class RegionalInsurerAdmin(MapDataAdminMixin, InsurerAdmin):
    """Insurers; a rename or delete shows on the map at once."""

    resource_classes = [InsurerMapResource]
