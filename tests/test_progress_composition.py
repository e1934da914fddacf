"""Which region each gemeente belonged to on a date (regions.composition), and
the share of inhabitants with a public plan counted with the gemeenten each
region had then."""

import datetime
import zoneinfo

import pytest
from django.urls import reverse
from django.utils import timezone

from progress import stats
from regions import services
from regions.maplayer.composition import load_composition
from regions.models import GemeenteMove, Region

from .factories import make_gemeente
from .test_progress import add_change, composition_since_2000

pytestmark = pytest.mark.django_db

D = datetime.date
AMSTERDAM = zoneinfo.ZoneInfo("Europe/Amsterdam")


def moved(world, name: str, region, at: datetime.datetime) -> None:
    """Move a gemeente through the service, as the admin does, made at `at`."""
    [move] = services.move_gemeenten({world.gemeente(name): region})
    GemeenteMove.objects.filter(pk=move.pk).update(created_at=at)


def local(day: datetime.date, hour: int = 12, minute: int = 0):
    return datetime.datetime(
        day.year, day.month, day.day, hour, minute, tzinfo=AMSTERDAM
    )


def test_a_past_date_undoes_the_moves_made_after_it(world):
    composition_since_2000()
    beekdal, ceeland = world.region_b, world.region_c
    berg_en_beek = world.gemeente("Berg en Beek")  # 6 000 inwoners
    moved(world, "Berg en Beek", ceeland, local(D(2024, 3, 10)))
    moved(world, "Berg en Beek", beekdal, local(D(2025, 8, 20)))
    moved(world, "Berg en Beek", ceeland, local(D(2026, 1, 5)))
    composition = load_composition()

    def region_on(day):
        return composition.regions_on(day)[berg_en_beek.pk]

    assert region_on(D(2024, 3, 9)) == beekdal.pk
    assert region_on(D(2024, 3, 10)) == ceeland.pk
    assert region_on(D(2025, 8, 19)) == ceeland.pk
    assert region_on(D(2025, 8, 20)) == beekdal.pk
    assert region_on(timezone.localdate()) == ceeland.pk
    assert composition.inhabitants_on(D(2024, 1, 1)) == {
        world.region_a.pk: 20_000,
        beekdal.pk: 30_000,
        ceeland.pk: 10_000,
    }
    assert composition.inhabitants_on(D(2025, 1, 1))[beekdal.pk] == 24_000
    assert composition.inhabitants_on(D(2025, 1, 1))[ceeland.pk] == 16_000
    assert composition.total_inhabitants == 60_000


@pytest.mark.parametrize(
    "hour, minute, counts_on",
    [
        (0, 30, D(2025, 6, 1)),  # 22:30 UTC on 31 May: still 1 June here
        (23, 59, D(2025, 6, 1)),
        (12, 0, D(2025, 6, 1)),
    ],
)
def test_a_move_counts_from_its_local_day_on(world, hour, minute, counts_on):
    composition_since_2000()
    moved(world, "Zeedorp", world.region_c, local(D(2025, 6, 1), hour, minute))
    composition = load_composition()
    zeedorp = world.gemeente("Zeedorp").pk
    day_before = counts_on - datetime.timedelta(days=1)
    assert composition.regions_on(day_before)[zeedorp] == world.region_b.pk
    assert composition.regions_on(counts_on)[zeedorp] == world.region_c.pk


def test_joining_from_no_region_is_where_the_record_starts(world):
    """The first import puts every gemeente in a region 'from no region' on
    the day of the import; dates before it still count them there, or every
    status dated back before the import would weigh nothing."""
    nieuwdorp = make_gemeente("GM9050", "Nieuwdorp", 5.4, 52.0, inwoners=4_000)
    [move] = services.move_gemeenten({nieuwdorp: world.region_a})
    GemeenteMove.objects.filter(pk=move.pk).update(created_at=local(D(2025, 1, 1)))
    moved(world, "Bergdorp", None, local(D(2025, 1, 1)))  # 5 000 leave Aaland
    composition = load_composition()
    before = D(2024, 12, 31)
    assert composition.regions_on(before)[nieuwdorp.pk] == world.region_a.pk
    # leaving a region for none is undone: Bergdorp was in Aaland then
    assert composition.regions_on(before)[world.gemeente("Bergdorp").pk] == (
        world.region_a.pk
    )
    assert composition.inhabitants_on(before)[world.region_a.pk] == 24_000
    assert composition.inhabitants_on(D(2025, 1, 1))[world.region_a.pk] == 19_000
    # Every gemeente counts in the country's total, in a region or not.
    assert composition.total_inhabitants == 64_000


def test_composition_is_read_in_three_queries(world, django_assert_num_queries):
    for i in range(10):
        target = world.region_c if i % 2 == 0 else world.region_b
        services.move_gemeenten({world.gemeente("Zeedorp"): target})
    with django_assert_num_queries(3):
        composition = load_composition()
    assert len(composition.moves) == 8 + 10


def test_share_counts_each_region_with_its_gemeenten_then(world):
    # Aaland (20 000 of 60 000) and Beekdal (30 000) public since 2024. On 1
    # March 2025 Berg en Beek and Zeedorp (8 000) leave Beekdal for Nieuwland, a
    # region new that day whose plan is still in development.
    composition_since_2000()
    Region.objects.filter(pk=world.region_b.pk).update(
        plan_url="https://example.org/plan.pdf"
    )
    add_change(world.region_b, D(2024, 1, 1), "niet_openbaar", "openbaar")
    nieuwland = Region.objects.create(name="Nieuwland", slug="nieuwland")
    add_change(nieuwland, D(2025, 3, 1), "", "in_ontwikkeling")
    moved(world, "Berg en Beek", nieuwland, local(D(2025, 3, 1), 9))
    moved(world, "Zeedorp", nieuwland, local(D(2025, 3, 1), 9))
    points = {p.day: p for p in stats.monthly(today=D(2025, 4, 10))}
    assert points[D(2025, 2, 28)].share_public == pytest.approx(100 * 50 / 60)
    assert points[D(2025, 2, 28)].total == 3  # Nieuwland did not exist yet
    assert points[D(2025, 3, 31)].share_public == pytest.approx(100 * 42 / 60)
    assert points[D(2025, 3, 31)].counts["in_ontwikkeling"] == 2
    assert points[D(2025, 3, 31)].total == 4


def test_progress_page_says_regions_count_with_their_gemeenten_then(client, world):
    html = client.get(reverse("progress:index")).content.decode()
    assert "met de gemeenten die er op die dag" in html
    assert "huidige gemeenten" not in html
