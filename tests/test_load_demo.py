import pytest
from django.core.management import call_command

from geo.models import Gemeente
from regions.models import Region

pytestmark = pytest.mark.django_db


def test_demo_marks_regions_as_demo_and_covers_the_country(demo):
    assert Region.objects.count() == 37
    assert not Region.objects.filter(is_demo=False).exists()
    assert Gemeente.objects.count() == 342
    assert not Gemeente.objects.filter(region_link__isnull=True).exists()


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


def test_second_run_keeps_edits(demo, capsys):
    region = Region.objects.get(slug="twente")
    region.name = "Twente (bewerkt)"
    region.save()
    call_command("load_demo")
    assert "niets geladen" in capsys.readouterr().out
    region.refresh_from_db()
    assert region.name == "Twente (bewerkt)"
    assert Region.objects.count() == 37
