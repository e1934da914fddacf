"""Load the whole demo data set into an empty database, app by app.

Each app that has demo data loads its own part (regions.demo, ...); this, the
top app, runs them in the order the apps depend on each other, in one
transaction.
"""

from django.db import transaction

from plans import demo as plans_demo
from plans import demo_goals
from progress import demo as progress_demo
from regions import demo as regions_demo
from regions import services
from regions.models import Region
from selfscan import demo as selfscan_demo


@transaction.atomic
def load_demo() -> dict:
    """Returns counts of what was loaded, by kind."""
    counts = regions_demo.load_demo(plans_demo.plan_documents)
    counts.update(plans_demo.load())
    counts.update(selfscan_demo.load())
    counts.update(demo_goals.load())
    counts.update(progress_demo.load())
    counts["documenten doorzoekbaar"] = index_documents()
    return counts


def index_documents() -> int:
    """Read the demo's public regioplannen and regiobeelden into the search
    inside plans, through the service every upload calls, so the search works
    right after `make run`. Returns the number of regions with a document."""
    regions = (
        Region.objects.filter(is_demo=True)
        .without_borders()
        .select_related("regiobeeld")
        .order_by("pk")
    )
    done = 0
    for region in regions:
        if region.plan_document or getattr(region, "regiobeeld", None):
            services.documents_changed(region)
            done += 1
    return done
