"""Time of the search box in-process: 1,000 random queries (postcodes with and
without letters, places, gemeenten and their everyday names, regions,
organisations, and some bad input) over the demo data set with the real CBS
postcode table. Prints the median and p99 in milliseconds; target: single
milliseconds. Not a test.

    .venv/bin/python bench/search.py [N]
"""

import os
import random
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
os.environ["DATABASE_URL"] = f"sqlite:///{tempfile.mkdtemp()}/bench.sqlite3"
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "regiokaart.settings")

import django  # noqa: E402

django.setup()

from django.core.management import call_command  # noqa: E402

from geo.models import Gemeente, PostcodeArea  # noqa: E402
from organisations.models import Organisation  # noqa: E402
from regions import search  # noqa: E402
from regions.models import Region  # noqa: E402

BAD = ["0000", "12345", "abcd", "x" * 300, "<b>html</b>", "' OR 1=1; --", "😀"]


def queries(n: int, rng: random.Random) -> list[str]:
    postcodes = list(PostcodeArea.objects.values_list("postcode4", flat=True))
    places = list(
        PostcodeArea.objects.exclude(place="").values_list("place", flat=True)
    )
    gemeenten = list(Gemeente.objects.values_list("name", flat=True))
    regions = list(Region.objects.values_list("name", flat=True))
    organisations = list(Organisation.objects.values_list("name", flat=True))
    aliases = list(search.ALIASES)

    def one() -> str:
        kind = rng.random()
        if kind < 0.35:
            pc = rng.choice(postcodes)
            letters = "".join(rng.choice("ABCDEFGHJKLMNPRTVWXZ") for _ in range(2))
            return rng.choice([pc, f"{pc}{letters}", f"{pc} {letters.lower()}"])
        if kind < 0.55:
            return rng.choice(places)
        if kind < 0.75:
            name = rng.choice(gemeenten)
            return rng.choice([name, name.lower(), name[: max(3, len(name) // 2)]])
        if kind < 0.83:
            return rng.choice(regions)
        if kind < 0.91:
            return rng.choice(organisations)
        if kind < 0.96:
            return rng.choice(aliases)
        return rng.choice(BAD)

    return [one() for _ in range(n)]


def main() -> None:
    n = int(sys.argv[1]) if len(sys.argv) > 1 else 1000
    call_command("migrate", verbosity=0)
    call_command("load_demo", verbosity=0)
    started = time.perf_counter()
    search.current_index()
    build_ms = (time.perf_counter() - started) * 1000
    rng = random.Random(9)
    timings = []
    for query in queries(n, rng):
        started = time.perf_counter()
        search.lookup(query)
        timings.append((time.perf_counter() - started) * 1000)
    timings.sort()
    p99 = timings[min(len(timings) - 1, int(len(timings) * 0.99))]
    print(
        f"search: {n} queries, {PostcodeArea.objects.count()} postcode rows, "
        f"{len(search.current_index().entries)} names in the index"
    )
    print(f"index build (once per data change): {build_ms:.1f} ms")
    print(
        f"median {statistics.median(timings):.2f} ms, p99 {p99:.2f} ms, "
        f"max {timings[-1]:.2f} ms"
    )


if __name__ == "__main__":
    main()
