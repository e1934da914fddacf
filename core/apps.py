from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CoreConfig(AppConfig):
    """Shared plumbing; imports no domain app."""

    name = "core"
    verbose_name = _("Beheer van gegevens")
