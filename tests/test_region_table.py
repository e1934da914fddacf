import pytest

from regions.models import Region, RegioplanStatus

pytestmark = pytest.mark.django_db


def names(response):
    return [region.name for region in response.context["regions"]]


def test_table_lists_every_region_with_status_organisation_and_insurer(client, world):
    response = client.get("/regios/")
    html = response.content.decode()
    assert names(response) == ["Aaland", "Beekdal", "Ceeland"]
    aaland = world.region_a
    assert f'<a href="{aaland.get_absolute_url()}">Aaland</a>' in html
    assert "Huisartsen Aaland" in html and "Verzekeraar Noord" in html
    assert "Zorggroep Beekdal" in html and "Verzekeraar Zuid" in html


def test_table_sorts_by_name_both_ways(client, world):
    ascending = names(client.get("/regios/?sorteer=naam"))
    assert ascending == sorted(ascending, key=str.lower) or ascending == sorted(
        ascending
    )
    descending = names(client.get("/regios/?sorteer=naam&richting=af"))
    assert descending == list(reversed(ascending))


def test_table_sorts_status_in_legend_order(client, world):
    # Not the order of their names: Aaland is public, Beekdal not, Ceeland in
    # development, and Abdij has no plan at all.
    Region.objects.create(name="Abdij", slug="abdij", status=RegioplanStatus.GEEN)
    regions = list(client.get("/regios/?sorteer=status").context["regions"])
    ranks = [RegioplanStatus.values.index(r.status) for r in regions]
    assert ranks == sorted(ranks)
    assert [r.name for r in regions] == ["Aaland", "Beekdal", "Ceeland", "Abdij"]
    html = client.get("/regios/?sorteer=status").content.decode()
    assert 'aria-sort="ascending"' in html


def test_unknown_sort_key_falls_back_to_name(client, world):
    response = client.get("/regios/?sorteer=<script>")
    assert response.status_code == 200
    assert response.context["sort"] == "naam"
