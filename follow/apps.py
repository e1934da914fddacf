from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class FollowConfig(AppConfig):
    name = "follow"
    verbose_name = _("Volgen per e-mail")
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        # "Volg deze regio" on every region page, passed in: regions never
        # names this app (regions.page_links).
        from regions import page_links

        from .links import follow_region_link

        page_links.register(follow_region_link)
