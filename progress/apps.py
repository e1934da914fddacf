from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ProgressConfig(AppConfig):
    name = "progress"
    verbose_name = _("Voortgang")

    def ready(self):
        from regions import slots

        slots.register_link("progress", "progress:index")
        slots.register_link("region_feed", "progress:region_feed")
