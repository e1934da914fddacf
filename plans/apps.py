from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class PlansConfig(AppConfig):
    name = "plans"
    verbose_name = _("Regiobeeld, regioplan en contract")

    def ready(self):
        from regions import services, slots

        from . import goals, overview, similar_elements
        from .search import index

        services.on_documents_changed(index.index_region)

        slots.register_link("compare", "plans:compare")
        slots.register_section(
            "region_detail.sections",
            "plans/_chain.html",
            context=overview.region_chain_context,
        )
        slots.register_section(
            "region_detail.sections",
            "plans/_region_goals.html",
            context=goals.region_goals_context,
            order=10,
        )
        slots.register_section(
            "region_detail.similar_item",
            "plans/_similar_elements.html",
            context=similar_elements.similar_item_context,
        )
        slots.register_section("open_data.downloads", "plans/_open_data_rows.html")
