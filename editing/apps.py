from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class EditingConfig(AppConfig):
    """'Mijn regio': regional editors edit their own region's entry."""

    name = "editing"
    verbose_name = _("Redacteuren")

    def ready(self):
        from regions import slots

        slots.register_link("edit_region", "editing:region")
