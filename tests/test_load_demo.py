"""The demo data set (fixtures/): the one place, with the browser tests, that
loads it. Every other test runs on the synthetic world of tests/factories.py."""

import json

import pytest
import shapely
from django.core.management import call_command

from geo import geometry
from geo.models import Gemeente
from organisations.models import Organisation
from regions.models import Activity, Region, RegionFigure, RegioplanStatus

pytestmark = pytest.mark.django_db


@pytest.fixture
def demo(db):
    """The demo database: the 342 real CBS gemeenten, 37 demo regions."""
    call_command("load_demo", verbosity=0)
    return Region.objects.all()


def test_demo_marks_regions_as_demo_and_covers_the_country(demo):
    assert Region.objects.count() == 37
    assert not Region.objects.filter(is_demo=False).exists()
    assert Gemeente.objects.count() == 342
    assert not Gemeente.objects.filter(region_link__isnull=True).exists()
    counts = Region.objects.status_counts()
    assert set(counts) == set(RegioplanStatus.values)
    assert min(counts.values()) >= 3, "the demo set shows every status several times"
    # Nothing invented: no region figure until a region enters it; every
    # activity, and every organisation the guidance does not name, is marked demo.
    assert not RegionFigure.objects.exists()
    assert Activity.objects.exists()
    assert not Activity.objects.filter(is_demo=False).exists()
    assert set(
        Organisation.objects.filter(is_demo=False).values_list("name", flat=True)
    ) == {"OCE", "Onze Huisartsen", "Unicum-Lekstroom", "Medrie"}


def test_the_four_guidance_regions_are_there(demo):
    expected = {
        "nijmegen-e-o": ("OCE", "VGZ"),
        "arnhem": ("Onze Huisartsen", "Menzis"),
        "zuidoost-west-utrecht": ("Unicum-Lekstroom", "Zilveren Kruis"),
        "flevoland-zwolle-vechtdal": ("Medrie", "Zilveren Kruis"),
    }
    for slug, (organisation, insurer) in expected.items():
        region = Region.objects.get(slug=slug)
        assert region.regional_organisation.name == organisation
        assert region.preferred_insurer.name == insurer


def test_the_real_layer_covers_all_342_gemeenten_without_overlap(client, demo):
    """coverage_simplify on the real borders: valid, no gaps, no overlaps."""
    data = client.get("/data/regios.geojson").json()
    shapes = [shapely.from_geojson(json.dumps(f["geometry"])) for f in data["features"]]
    assert len(shapes) == 37
    assert all(shape.is_valid and not shape.is_empty for shape in shapes)
    assert shapely.coverage_is_valid(shapes), "regions overlap or leave slivers"
    gemeenten = shapely.union_all(
        [
            geometry.to_shape(g)
            for g in Gemeente.objects.values_list("geometry", flat=True)
        ]
    )
    regions = shapely.union_all(shapes)
    # Simplified borders: the same land within 0.5 % of its area.
    assert regions.symmetric_difference(gemeenten).area / gemeenten.area < 0.005
    # Every gemeente's centre lies in exactly one region.
    for geojson in Gemeente.objects.values_list("geometry", flat=True):
        point = geometry.to_shape(geojson).point_on_surface()
        assert sum(shape.covers(point) for shape in shapes) in (1, 2)  # 2 on a border
    overlaps = sum(
        a.intersection(b).area
        for i, a in enumerate(shapes)
        for b in shapes[i + 1 :]
        if a.intersects(b)
    )
    assert overlaps < 1e-10


def test_second_run_keeps_edits(demo, capsys):
    region = Region.objects.get(slug="twente")
    region.name = "Twente (bewerkt)"
    region.save()
    call_command("load_demo")
    assert "niets geladen" in capsys.readouterr().out
    region.refresh_from_db()
    assert region.name == "Twente (bewerkt)"
    assert Region.objects.count() == 37


def test_demo_documents_are_in_the_plan_search(demo, client):
    """load_demo indexes what an upload indexes: every public regioplan and
    regiobeeld, and nothing else, so the search works right after `make run`."""
    from plans.models import PlanText, Regiobeeld
    from plans.search import query

    public_plans = set(
        Region.objects.filter(status=RegioplanStatus.OPENBAAR)
        .exclude(plan_document="")
        .values_list("slug", flat=True)
    )
    public_beelden = set(
        Regiobeeld.objects.filter(document_public=True)
        .exclude(document="")
        .values_list("region__slug", flat=True)
    )
    assert public_plans and public_beelden
    assert Regiobeeld.objects.filter(document_public=False).exclude(document="")
    indexed = PlanText.objects.filter(state=PlanText.State.INDEXED)
    assert (
        set(indexed.filter(kind="regioplan").values_list("region__slug", flat=True))
        == public_plans
    )
    assert (
        set(indexed.filter(kind="regiobeeld").values_list("region__slug", flat=True))
        == public_beelden
    )
    assert PlanText.objects.count() == indexed.count()
    hits = query.search(query.parse("demogegevens"))
    assert {h.region.slug for h in hits} == public_plans | public_beelden
    page = client.get("/regioplannen/zoeken/", {"q": "huisartsenposten"})
    assert page.status_code == 200 and b"<mark>" in page.content
