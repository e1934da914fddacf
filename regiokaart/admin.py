from django.contrib import admin
from django.utils.translation import gettext_lazy as _


class RegiokaartAdminSite(admin.AdminSite):
    site_header = _("Regiokaart beheer")
    site_title = _("Regiokaart beheer")
    index_title = _("Regio's, organisaties en gemeenten")
