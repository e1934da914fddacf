"""Load the whole demo data set into an empty database, app by app.

Each app that has demo data loads its own part (regions.demo, ...); this, the
top app, runs them in the order the apps depend on each other, in one
transaction.
"""

from django.db import transaction

from regions import demo as regions_demo


@transaction.atomic
def load_demo() -> dict:
    """Returns counts of what was loaded, by kind."""
    return regions_demo.load_demo()
