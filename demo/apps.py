from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class DemoConfig(AppConfig):
    """The demo data set: each app loads its own part, in order (load_demo)."""

    name = "demo"
    verbose_name = _("Demogegevens")
