"""manage.py setup_site: the real reference data and nothing invented, twice
without change (issue 18)."""

import io

import pytest
from django.core.management import call_command

from geo.models import Gemeente, GemeenteZone, PostcodeArea
from organisations.models import ContactPerson, Insurer, Organisation
from regions.models import Activity, MapLayer, Region, Theme

pytestmark = pytest.mark.django_db


def setup_site() -> str:
    out = io.StringIO()
    call_command("setup_site", stdout=out)
    return out.getvalue()


def snapshot():
    return {
        "gemeenten": sorted(
            Gemeente.objects.values_list("code", "name", "inwoners", "province")
        ),
        "postcodes": PostcodeArea.objects.count(),
        "zones": sorted(GemeenteZone.objects.values_list("gemeente__code", "layer")),
        "themes": sorted(Theme.objects.values_list("slug", flat=True)),
    }


def test_setup_site_loads_the_reference_data_and_nothing_invented():
    output = setup_site()
    assert output.startswith("Referentiegegevens geladen: 342 gemeenten")
    assert Gemeente.objects.count() == 342
    assert not Gemeente.objects.filter(geometry__isnull=True).exists()
    assert not Gemeente.objects.filter(inwoners__isnull=True).exists()
    assert PostcodeArea.objects.count() > 4000
    assert GemeenteZone.objects.exists()
    assert Theme.objects.count() == 8
    # Nothing invented: no regions, organisations, insurers, people, activities.
    for model in (Region, Organisation, Insurer, ContactPerson, Activity):
        assert not model.objects.exists(), model
    assert MapLayer.objects.exists()  # the (empty) layer is built


def test_setup_site_twice_changes_nothing():
    setup_site()
    first = snapshot()
    setup_site()
    assert snapshot() == first
