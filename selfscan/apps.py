from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class SelfscanConfig(AppConfig):
    name = "selfscan"
    verbose_name = _("Zelfscan")

    def ready(self):
        from regions import slots

        from . import overview

        slots.register_section(
            "region_detail.sections",
            "selfscan/_region_scan.html",
            context=overview.region_scan_context,
            order=20,
        )
