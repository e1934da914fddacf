"""The membership admin: curators invite regional editors and see who edits what."""

from django import forms
from django.contrib import admin, messages
from django.contrib.admin.widgets import FilteredSelectMultiple
from django.contrib.auth import get_user_model
from django.contrib.auth.admin import GroupAdmin, UserAdmin
from django.contrib.auth.models import Group, Permission
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.urls import path
from django.utils.text import capfirst
from django.utils.translation import gettext_lazy as _

from core.admin import DeletePageMixin
from regions.admin.mixins import (
    InstanceAutocompleteForm,
    InstanceAutocompleteInlineMixin,
    RegionListFilter,
    RegionNamesMixin,
    borders_of,
)
from regions.models import Region, RegionMembership

from .invitations import invite_editor


class InviteForm(forms.Form):
    email = forms.EmailField(label=_("E-mailadres"))
    first_name = forms.CharField(label=_("Voornaam"), required=False)
    last_name = forms.CharField(label=_("Achternaam"), required=False)
    regions = forms.ModelMultipleChoiceField(
        label=_("Regio's"),
        queryset=Region.objects.without_borders().order_by("name"),
        widget=FilteredSelectMultiple(_("regio's"), is_stacked=False),
    )


@admin.register(RegionMembership)
class RegionMembershipAdmin(RegionNamesMixin, admin.ModelAdmin):
    change_list_template = "admin/editing/regionmembership/change_list.html"
    list_display = ["user", "region", "role", "created_at"]
    list_filter = [("region", RegionListFilter), "role"]
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
            request, "admin/editing/regionmembership/invite.html", context
        )


class MembershipInline(InstanceAutocompleteInlineMixin, admin.TabularInline):
    model = RegionMembership
    form = InstanceAutocompleteForm
    extra = 0
    autocomplete_fields = ["region"]

    def get_queryset(self, request):
        """Each row is named 'user – region'."""
        return (
            super()
            .get_queryset(request)
            .select_related("user", "region")
            .defer(*borders_of("region"))
        )


PERMISSION_ACTIONS = {
    "add": _("toevoegen"),
    "change": _("wijzigen"),
    "delete": _("verwijderen"),
    "view": _("bekijken"),
}


class PermissionsField(forms.ModelMultipleChoiceField):
    """Django stores permission names in English ("Can add user"): name them here."""

    def label_from_instance(self, permission):
        action = PERMISSION_ACTIONS.get(permission.codename.partition("_")[0])
        model = permission.content_type.model_class()
        if action is None or model is None:
            return str(permission)
        name = model._meta.verbose_name
        if history_of := getattr(model, "instance_type", None):  # simple-history
            name = _("geschiedenis van %s") % history_of._meta.verbose_name
        return f"{model._meta.app_config.verbose_name} | {capfirst(name)} {action}"


class DutchPermissionsMixin:
    def formfield_for_manytomany(self, db_field, request, **kwargs):
        if db_field.related_model is Permission:
            kwargs["form_class"] = PermissionsField
        return super().formfield_for_manytomany(db_field, request, **kwargs)


admin.site.unregister(Group)


@admin.register(Group)
class RegiokaartGroupAdmin(DeletePageMixin, DutchPermissionsMixin, GroupAdmin):
    pass


User = get_user_model()
admin.site.unregister(User)


@admin.register(User)
class RegiokaartUserAdmin(DeletePageMixin, DutchPermissionsMixin, UserAdmin):
    inlines = [MembershipInline]
    list_display = [
        "username",
        "email",
        "first_name",
        "last_name",
        "is_superuser",
        "is_active",
    ]
