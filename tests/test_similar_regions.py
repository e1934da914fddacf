"""Regio's zoals de mijne (regions/similar.py) on the synthetic country."""

import itertools
import re

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from regions import services, similar
from regions.models import Region, RegioplanStatus

from .factories import PDF, make_gemeente, make_region

_codes = itertools.count(8000)


def add_region(name, slug, status, x, y, inwoners, p65, dichtheid, km=None):
    """A region of one square gemeente with the given CBS figures."""
    pdf = PDF if status == RegioplanStatus.OPENBAAR else None
    region = make_region(name, slug, plan_pdf=pdf, status=status)
    gemeente = make_gemeente(
        f"GM{next(_codes)}",
        name,
        x,
        y,
        kerncijfers_year=2024,
        inwoners=inwoners,
        huishoudens=inwoners // 2,
        aandeel_65plus=p65,
        aandeel_0_15=15,
        bevolkingsdichtheid=dichtheid,
        afstand_huisarts_km=km,
    )
    services.move_gemeenten({gemeente: region})
    return region


def twins(world):
    """Two exact twins of Aaland (20 000 inwoners, 20 % 65+, 500 per km² land):
    one not public whose name sorts first, one public whose name sorts last."""
    add_region(
        "Aa-tweeling",
        "aa-tweeling",
        RegioplanStatus.IN_ONTWIKKELING,
        5.5,
        52.0,
        20_000,
        20,
        500,
    )
    add_region(
        "Zee-tweeling",
        "zee-tweeling",
        RegioplanStatus.OPENBAAR,
        5.6,
        52.0,
        20_000,
        20,
        500,
    )
    # Far from everyone: a big, dense, old region.
    add_region(
        "Grootstad", "grootstad", RegioplanStatus.GEEN, 5.7, 52.0, 300_000, 30, 5_000
    )


def names(region):
    return [item.name for item in similar.for_region(region)]


def test_twins_come_first_and_public_plans_first_among_equals(world):
    twins(world)
    found = similar.for_region(world.region_a)
    # Both twins are at distance 0: the public one first although its name
    # sorts last; then the others by distance.
    assert [s.slug for s in found[:2]] == ["zee-tweeling", "aa-tweeling"]
    assert found[0].distance == pytest.approx(0)
    assert 3 <= len(found) <= 5
    assert "grootstad" not in [s.slug for s in found[:3]]
    assert found[0].sentence == (
        "vergelijkbaar in inwoners, stedelijkheid en vergrijzing"
    )


def test_without_the_public_rule_the_name_would_decide(world):
    twins(world)
    Region.objects.filter(slug="zee-tweeling").update(
        status=RegioplanStatus.NIET_OPENBAAR, plan_document=""
    )
    services.data_changed()  # a new generation: computed afresh
    assert names(world.region_a)[:2] == ["Aa-tweeling", "Zee-tweeling"]


def test_the_sentence_says_how_they_differ():
    # mine, a smaller and denser region with the same ageing
    features = {
        1: {"inwoners": 10.0, "dichtheid": 6.0, "aandeel_65plus": 20.0},
        2: {"inwoners": 9.0, "dichtheid": 8.0, "aandeel_65plus": 20.0},
        3: {"inwoners": 11.0, "dichtheid": 6.0, "aandeel_65plus": 30.0},
    }
    regions = [
        (1, "een", "Een", "geen"),
        (2, "twee", "Twee", "geen"),
        (3, "drie", "Drie", "openbaar"),
    ]
    found = {s.pk: s for s in similar.compute(regions, features)[1]}
    assert found[2].sentence == (
        "vergelijkbaar in vergrijzing, minder inwoners, meer stedelijk"
    )
    assert found[3].sentence == (
        "vergelijkbaar in stedelijkheid, meer inwoners, meer vergrijsd"
    )
    assert similar.sentence((), (("afstand_huisarts", -1),)) == "huisarts dichterbij"


def test_gp_distance_counts_when_known(world):
    twins(world)
    add_region(
        "Verweg", "verweg", RegioplanStatus.OPENBAAR, 5.8, 52.0, 20_000, 20, 500, km=9
    )
    add_region(
        "Dichtbij", "dichtbij", RegioplanStatus.GEEN, 5.9, 52.0, 20_000, 20, 500, km=1
    )
    verweg = Region.objects.get(slug="verweg")
    found = similar.for_region(verweg)
    dichtbij = next(s for s in found if s.slug == "dichtbij")
    assert ("afstand_huisarts", -1) in dichtbij.differs
    assert "huisarts dichterbij" in dichtbij.sentence


def test_region_page_lists_them_with_sentence_and_compare_link(client, world):
    twins(world)
    response = client.get(reverse("regions:detail", args=[world.region_a.slug]))
    html = response.content.decode()
    assert "Regio&#x27;s zoals deze" in html or "Regio's zoals deze" in html
    assert html.index('data-similar="zee-tweeling"') < html.index(
        'data-similar="aa-tweeling"'
    )
    assert "Vergelijkbaar in inwoners, stedelijkheid en vergrijzing." in html
    link = re.search(r'href="(/vergelijk/\?regio=[^"]+)"', html).group(1)
    slugs = re.findall(r"regio=([\w-]+)", link)
    assert slugs[0] == "aaland" and len(slugs) == 4
    assert slugs[1:3] == ["zee-tweeling", "aa-tweeling"]
    compare = client.get(link.replace("&amp;", "&"))
    assert compare.status_code == 200


def test_computed_once_per_generation(world, django_assert_num_queries):
    twins(world)
    similar.for_region(world.region_a)
    with django_assert_num_queries(1):  # the generation only
        similar.for_region(world.region_b)


def _page_queries(client, slug):
    url = reverse("regions:detail", args=[slug])
    client.get(url)  # warm: the similarity is computed once per generation
    with CaptureQueriesContext(connection) as ctx:
        assert client.get(url).status_code == 200
    return len(ctx.captured_queries)


def test_region_page_queries_constant_with_ten_times_the_regions(client, world):
    before = _page_queries(client, world.region_a.slug)
    for i in range(27):
        add_region(
            f"Extra {i:02d}",
            f"extra-{i:02d}",
            RegioplanStatus.OPENBAAR,
            6.0 + (i % 9) * 0.1,
            51.0 + (i // 9) * 0.1,
            5_000 + 1_000 * i,
            10 + i % 20,
            100 + 50 * i,
        )
    assert Region.objects.count() == 30
    assert _page_queries(client, world.region_a.slug) == before
    # and the first request of a generation too
    services.data_changed()
    url = reverse("regions:detail", args=[world.region_a.slug])
    with CaptureQueriesContext(connection) as ctx:
        client.get(url)
    first = len(ctx.captured_queries)
    assert first <= before + 3


def test_plans_adds_the_elements_beside_each_similar_region(client, world):
    from plans.models import ElementKind, ElementState, PlanElement

    twins(world)
    zee = Region.objects.get(slug="zee-tweeling")
    PlanElement.objects.create(
        region=zee, element=ElementKind.ICT_VISIE, state=ElementState.AANWEZIG
    )
    PlanElement.objects.create(
        region=zee, element=ElementKind.MONITORING, state=ElementState.DEELS
    )
    html = client.get(reverse("regions:detail", args=[world.region_a.slug]))
    html = html.content.decode()
    item = html[html.index('data-similar="zee-tweeling"') :]
    item = item[: item.index("</li>")]
    assert "Regioplan: 1 van 7 onderdelen aanwezig (Aparte ICT-visie)." in item
    other = html[html.index('data-similar="aa-tweeling"') :]
    assert "Regioplan: 0 van 7 onderdelen aanwezig." in other[: other.index("</li>")]
