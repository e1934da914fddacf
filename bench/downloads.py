"""Queries and milliseconds per public download, with 110 rows of every model
and then ten times as many (tests/test_download_query_counts.py grows the
data and finds the downloads), cold (nothing cached) and warm (the same
download again at the same data generation).

    .venv/bin/python bench/downloads.py

Runs on a fresh SQLite database in a temporary folder (BENCH_DATABASE_URL
for PostgreSQL); synthetic data only, nothing leaves the machine.
"""

import os
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
os.environ["DATABASE_URL"] = os.environ.get(
    "BENCH_DATABASE_URL", f"sqlite:///{tempfile.mkdtemp()}/bench.sqlite3"
)
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "regiokaart.settings")
os.environ["PAGE_CACHE_SECONDS"] = "3600"
os.environ["DJANGO_MEDIA_ROOT"] = tempfile.mkdtemp()

import django  # noqa: E402

django.setup()

from django.core.cache import caches  # noqa: E402
from django.core.management import call_command  # noqa: E402
from django.db import connection  # noqa: E402
from django.test import Client  # noqa: E402
from django.test.utils import CaptureQueriesContext  # noqa: E402

from regions.maplayer import layer  # noqa: E402
from tests.factories import make_world  # noqa: E402
from tests.test_download_query_counts import download_urls, grow  # noqa: E402

ROWS, TIMES = 110, 10


def timed(client, url: str) -> tuple[int, float]:
    with CaptureQueriesContext(connection) as queries:
        started = time.perf_counter()
        response = client.get(url)
        ms = (time.perf_counter() - started) * 1000
    assert response.status_code == 200, url
    return len(queries), ms


def measure(client, urls) -> dict:
    found = {}
    for url in urls:
        client.get(url)  # per-process caches (content types, translations)
        caches["default"].clear()
        layer._served.clear()
        layer._dated.clear()
        found[url] = (timed(client, url), timed(client, url))
    return found


def main() -> None:
    call_command("migrate", verbosity=0)
    world = make_world()
    urls = download_urls(world)
    client = Client(HTTP_HOST="localhost")
    grow(world, ROWS)
    small = measure(client, urls)
    grow(world, ROWS * (TIMES - 1))
    large = measure(client, urls)
    print(f"{'download':<30} {'1x cold':>14} {'10x cold':>14} {'10x warm':>14}")
    for url in urls:
        (q1, ms1), _warm = small[url]
        (q10, ms10), (qw, msw) = large[url]
        print(
            f"{url:<30} {q1:>3} q {ms1:>6.0f} ms {q10:>3} q {ms10:>6.0f} ms "
            f"{qw:>3} q {msw:>6.1f} ms"
        )


if __name__ == "__main__":
    main()
