"""Seconds to import 10,000 organisations from CSV with django-import-export in bulk
mode: the preview (dry run) and the real import, then a re-import of the same file.

    .venv/bin/python bench/import_organisations.py [rows]
"""

import os
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
os.environ.setdefault("DATABASE_URL", f"sqlite:///{tempfile.mkdtemp()}/bench.sqlite3")
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "regiokaart.settings")

import django  # noqa: E402

django.setup()

import tablib  # noqa: E402
from django.core.management import call_command  # noqa: E402

from organisations.models import Organisation  # noqa: E402
from regions.models import Region  # noqa: E402
from regions.resources import OrganisationResource  # noqa: E402

TYPES = ["huisartsenorganisatie", "multidisciplinair", "lhv_kring", "hds", "ros"]


def synthetic_csv(rows: int) -> str:
    """Made-up organisations (bench data only, never loaded into the site)."""
    slugs = list(Region.objects.values_list("slug", flat=True))
    lines = ["sleutel,naam,soort,plaats,email,regios,demo"]
    for n in range(rows):
        regions = ";".join(slugs[(n + k) % len(slugs)] for k in range(2))
        lines.append(
            f"bench-{n:05d},Benchorganisatie {n},{TYPES[n % 5]},Plaats {n % 300},"
            f"info{n}@example.org,{regions},1"
        )
    return "\n".join(lines) + "\n"


def timed(label: str, text: str, dry_run: bool) -> None:
    dataset = tablib.Dataset().load(text, format="csv")
    started = time.perf_counter()
    result = OrganisationResource().import_data(dataset, dry_run=dry_run)
    seconds = time.perf_counter() - started
    assert not result.has_errors() and not result.has_validation_errors()
    totals = {k: v for k, v in result.totals.items() if v}
    print(
        f"{label:<28} {seconds:7.2f} s   "
        f"{dataset.height / seconds:8.0f} rows/s   {totals}"
    )


def main() -> None:
    rows = int(sys.argv[1]) if len(sys.argv) > 1 else 10_000
    call_command("migrate", verbosity=0)
    call_command("load_demo", verbosity=0)
    text = synthetic_csv(rows)
    print(
        f"{rows} organisations, {len(text) / 1024:.0f} KB CSV, "
        f"database {django.db.connection.vendor}"
    )
    timed("preview (dry run)", text, dry_run=True)
    timed("import", text, dry_run=False)
    timed("re-import, unchanged", text, dry_run=False)
    assert Organisation.objects.filter(slug__startswith="bench-").count() == rows


if __name__ == "__main__":
    main()
