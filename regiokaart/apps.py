from importlib import import_module

import axes.apps
from django.apps import apps
from django.contrib.admin.apps import SimpleAdminConfig
from django.utils.module_loading import module_has_submodule
from django.utils.translation import gettext_lazy as _

# leaflet/admin.py imports GeoDjango, and so GDAL, which this project never needs.
ADMIN_AUTODISCOVER_SKIP = {"leaflet"}


class RegiokaartAdminConfig(SimpleAdminConfig):
    """The Django admin with our own site, autodiscovering every app but leaflet."""

    default_site = "regiokaart.admin.RegiokaartAdminSite"

    def ready(self):
        super().ready()
        for app_config in apps.get_app_configs():
            if app_config.label in ADMIN_AUTODISCOVER_SKIP:
                continue
            if module_has_submodule(app_config.module, "admin"):
                import_module(f"{app_config.name}.admin")


class AxesConfig(axes.apps.AppConfig):
    """django-axes under a Dutch name in the admin."""

    verbose_name = _("Inlogbeveiliging")
