import csv
import json
from pathlib import Path

from django.conf import settings

from regions.models import Region

FIXTURES = Path(settings.BASE_DIR) / "fixtures"


def cbs_rows() -> dict[str, dict]:
    """The CBS kerncijfers straight from the fixture file, by gemeente code."""
    with open(FIXTURES / "gemeenten_kerncijfers.csv", encoding="utf-8") as f:
        return {row["code"]: row for row in csv.DictReader(f)}


def demo_spec() -> dict:
    with open(FIXTURES / "demo_regios.json", encoding="utf-8") as f:
        return json.load(f)


def demo_region(slug: str) -> dict:
    return next(r for r in demo_spec()["regions"] if r["slug"] == slug)


def region_of(gemeente) -> Region | None:
    """The region a gemeente is in now, read afresh from the database."""
    return Region.objects.filter(gemeenten=gemeente).first()


def region_admin_post(form, region, **changes) -> dict:
    """What the admin's region change form posts: its initial data, changed."""
    data = {
        key: value
        for key, value in form.initial.items()
        if value is not None and key not in ("composition", "plan_document")
    }
    data.update(
        {
            "composition": list(region.gemeenten.values_list("pk", flat=True)),
            "edit_version": region.version,
            "figures-TOTAL_FORMS": 0,
            "figures-INITIAL_FORMS": 0,
            "activities-TOTAL_FORMS": 0,
            "activities-INITIAL_FORMS": 0,
        }
    )
    data.update(changes)
    return data
