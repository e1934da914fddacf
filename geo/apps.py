from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class GeoConfig(AppConfig):
    """Gemeenten, CBS figures and geometry; knows nothing of regions."""

    name = "geo"
    verbose_name = _("Gemeenten en CBS-cijfers")
