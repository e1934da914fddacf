"""Backfill StatusChange from the history tables simple-history kept so far."""

from django.db import migrations
from django.utils import timezone


def backfill_status_changes(apps, schema_editor):
    """One StatusChange per creation or status change in HistoricalRegion, dated
    by its history date and credited to its history user. Regions that already
    have status changes are left alone, so running it twice adds nothing."""
    Region = apps.get_model("regions", "Region")
    HistoricalRegion = apps.get_model("regions", "HistoricalRegion")
    StatusChange = apps.get_model("regions", "StatusChange")
    existing = set(Region.objects.values_list("pk", flat=True))
    done = set(StatusChange.objects.values_list("region_id", flat=True))
    rows = HistoricalRegion.objects.filter(id__in=existing - done).order_by(
        "id", "history_date", "history_id"
    )
    previous = {}
    changes = []
    for row in rows.iterator():
        old = previous.get(row.id)
        previous[row.id] = row.status
        if row.history_type == "-" or old == row.status:
            continue
        changes.append(
            StatusChange(
                region_id=row.id,
                previous_status=old or "",
                status=row.status,
                effective_date=timezone.localdate(row.history_date),
                recorded_by_id=row.history_user_id,
                note="",
                is_demo=row.is_demo,
            )
        )
    StatusChange.objects.bulk_create(changes, batch_size=500)


class Migration(migrations.Migration):
    dependencies = [("regions", "0002_status_history")]

    operations = [
        migrations.RunPython(backfill_status_changes, migrations.RunPython.noop),
    ]
