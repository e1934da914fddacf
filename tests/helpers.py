import csv
import json
from pathlib import Path

from django.conf import settings

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
