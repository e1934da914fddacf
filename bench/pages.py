"""CPU time of every public page on a miss (the page cache cleared before each
request), in-process, at 1× and 10× the demo data; and a profile of one page.

    .venv/bin/python bench/pages.py [N]                 median over N (default 15)
    .venv/bin/python bench/pages.py --profile URL [--10x]   cProfile top 25

Goal (issue 21): every public page at most 15 ms CPU on a miss at 1×, and at
10× at most 1.5 times its 1× figure. Builds its own SQLite databases in a
temporary folder (migrate + load_demo; 10× = grow(): ten times the
organisations, contact persons, links, activities and status changes). Not a
test; nothing leaves the machine.
"""

import cProfile
import datetime
import os
import pstats
import shutil
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
WORK = Path(tempfile.mkdtemp(prefix="bench-pages-"))
os.environ["DATABASE_URL"] = f"sqlite:///{WORK}/x1.sqlite3"
os.environ.update(
    DJANGO_SETTINGS_MODULE="regiokaart.settings",
    DJANGO_DEBUG="false",
    DJANGO_SECURE_SSL_REDIRECT="false",
    DJANGO_ALLOWED_HOSTS="testserver",
    DJANGO_LOG_LEVEL="ERROR",
    DJANGO_MEDIA_ROOT=str(WORK / "media"),
    DJANGO_SECRET_KEY="bench-only-secret-key-0123456789abcdefghijklmnopqrstuvwxyz",
)

import django  # noqa: E402

django.setup()

from django.conf import settings  # noqa: E402

# No collectstatic here: plain static URLs (the manifest lookup is a dict).
settings.STORAGES = {
    **settings.STORAGES,
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}

from django.core.cache import caches  # noqa: E402
from django.core.management import call_command  # noqa: E402
from django.db import connections  # noqa: E402
from django.test import Client  # noqa: E402

from organisations.models import ContactPerson, Organisation  # noqa: E402
from regions import services  # noqa: E402
from regions.models import Activity, Region, StatusChange  # noqa: E402


def build(path: Path, factor: int) -> None:
    settings.DATABASES["default"]["NAME"] = str(path)
    connections["default"].close()
    call_command("migrate", verbosity=0)
    call_command("load_demo", verbosity=0)
    if factor > 1:
        grow(factor)
    services.data_changed()


def use(path: Path) -> None:
    connections["default"].close()
    settings.DATABASES["default"]["NAME"] = str(path)


def grow(factor: int) -> None:
    """(factor - 1) copies of every organisation (with its region links and
    contact persons), activity and status change."""
    regions = list(Region.objects.without_borders().only("pk", "status"))
    originals = list(Organisation.objects.prefetch_related("regions"))
    persons = list(ContactPerson.objects.all())
    activities = list(Activity.objects.all())
    changes = list(StatusChange.objects.all())
    for copy in range(2, factor + 1):
        links = {}
        for organisation in originals:
            clone = Organisation(
                name=f"{organisation.name} {copy}",
                slug=f"{organisation.slug}-{copy}",
                type=organisation.type,
                email=organisation.email,
                is_demo=organisation.is_demo,
            )
            clone.save()
            links[clone] = list(organisation.regions.all())
        services.set_organisation_links(links)
        clones = {o.name.rsplit(" ", 1)[0]: o for o in links}
        ContactPerson.objects.bulk_create(
            ContactPerson(
                organisation=clones[p.organisation.name],
                name=f"{p.name} {copy}",
                email=p.email,
                is_public=p.is_public,
            )
            for p in persons
        )
        Activity.objects.bulk_create(
            Activity(region_id=a.region_id, title=f"{a.title} {copy}")
            for a in activities
        )
        # Earlier history: the same changes, `copy` years before.
        StatusChange.objects.bulk_create(
            StatusChange(
                region_id=c.region_id,
                previous_status=c.previous_status,
                status=c.status,
                effective_date=c.effective_date
                - datetime.timedelta(days=30 * copy + 365 * (copy - 1)),
                is_demo=c.is_demo,
            )
            for c in changes
        )
    assert len(regions) == Region.objects.count()


def urls() -> list[str]:
    region = Region.objects.order_by("slug").first()
    organisation = Organisation.objects.order_by("slug").first()
    return [
        "/",
        "/?datum=2024-03-01",
        "/regios/",
        region.get_absolute_url(),
        "/zoek/?q=6511",
        "/zoek/?q=zorg",
        "/organisaties/",
        "/organisaties/?q=huisarts",
        organisation.get_absolute_url(),
        "/regioplannen/",
        "/activiteiten/",
        "/doelen/",
        "/belemmeringen/",
        "/voortgang/",
        "/vergelijk/",
        "/open-data/",
        "/toegankelijkheid/",
        "/sitemap.xml",
        "/voortgang/feed/",
    ]


def miss(client: Client, url: str) -> float:
    caches[settings.PAGE_CACHE].clear()
    started = time.process_time()
    response = client.get(url)
    spent = time.process_time() - started
    assert response.status_code == 200, (url, response.status_code)
    return spent * 1000


def medians(n: int) -> dict[str, float]:
    client = Client()
    result = {}
    for url in urls():
        miss(client, url)  # per-process caches: the map layer, translations
        result[url] = statistics.median(miss(client, url) for _ in range(n))
    return result


def profile(url: str) -> None:
    client = Client()
    miss(client, url)
    profiler = cProfile.Profile()
    for _ in range(10):
        caches[settings.PAGE_CACHE].clear()
        profiler.enable()
        client.get(url)
        profiler.disable()
    pstats.Stats(profiler).sort_stats("cumulative").print_stats(25)
    pstats.Stats(profiler).sort_stats("tottime").print_stats(15)


def main() -> None:
    args = sys.argv[1:]
    ten = "--10x" in args
    args = [a for a in args if a != "--10x"]
    try:
        if args and args[0] == "--profile":
            build(WORK / "db.sqlite3", 10 if ten else 1)
            profile(args[1])
            return
        n = int(args[0]) if args else 15
        build(WORK / "x1.sqlite3", 1)
        build(WORK / "x10.sqlite3", 10)
        use(WORK / "x1.sqlite3")
        one = medians(n)
        use(WORK / "x10.sqlite3")
        ten_x = medians(n)
        print(
            f"CPU ms per page on a miss, median of {n} "
            "(goal: ≤ 15 at 1×, ≤ 1.5× at 10×)"
        )
        print(f"{'page':32} {'1×':>8} {'10×':>8} {'ratio':>6}")
        for url in one:
            ratio = ten_x[url] / one[url] if one[url] else 0
            flag = "" if one[url] <= 15 and ratio <= 1.5 else "  over"
            print(f"{url[:32]:32} {one[url]:8.1f} {ten_x[url]:8.1f} {ratio:6.2f}{flag}")
    finally:
        shutil.rmtree(WORK, ignore_errors=True)


if __name__ == "__main__":
    main()
