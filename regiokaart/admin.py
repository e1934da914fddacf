from django.contrib import admin
from django.utils.translation import gettext_lazy as _

from core.permissions import is_curator


class RegiokaartAdminSite(admin.AdminSite):
    site_header = _("Regiokaart beheer")
    site_title = _("Regiokaart beheer")
    index_title = _("Regio's, organisaties en gemeenten")
    index_template = "admin/regiokaart_index.html"

    def has_permission(self, request):
        """Only curators (koepel staff) use the admin; editors use 'Mijn regio'."""
        return is_curator(request.user)

    def index(self, request, extra_context=None):
        """The admin index opens with the curator's workbench."""
        from regions.admin.workbench import workbench  # the admin site is loaded early

        return super().index(request, {**workbench(), **(extra_context or {})})
