"""The data generation: one number that moves whenever the site's data changes.

Writers bump it (regions.services.data_changed, and core.middleware after any
successful write request); readers key their caches on it. Reading it is one
indexed single-row query. While the database is unreachable, the last value
this process read is used, so cached pages keep being served.
"""

from django.db import DatabaseError, models

from .models import DataGeneration

KEY = "data"
_last_known: dict[str, int] = {}


def current() -> int:
    """The current generation; the last known one while the database is down."""
    try:
        rows = DataGeneration.objects.filter(key=KEY)
        value = rows.values_list("value", flat=True).first()
    except DatabaseError:
        if KEY in _last_known:
            return _last_known[KEY]
        raise
    _last_known[KEY] = value or 0
    return _last_known[KEY]


def bump() -> None:
    """Start a new generation: every cached page and download is stale."""
    updated = DataGeneration.objects.filter(key=KEY).update(value=models.F("value") + 1)
    if not updated:
        DataGeneration.objects.get_or_create(key=KEY)
