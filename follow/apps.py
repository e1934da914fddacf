from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class FollowConfig(AppConfig):
    name = "follow"
    verbose_name = _("Volgen per e-mail")
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        # "Volg deze regio" on every region page, passed in: regions never
        # names this app (regions.slots).
        from regions import slots

        slots.register_section("region_detail.links", "follow/_region_link.html")
