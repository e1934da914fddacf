import pytest

from regions.models import Region, RegioplanStatus

pytestmark = pytest.mark.django_db


def names(response):
    return [region.name for region in response.context["regions"]]


def test_table_lists_every_region_with_status_organisation_and_insurer(client, demo):
    response = client.get("/regios/")
    html = response.content.decode()
    assert len(names(response)) == Region.objects.count()
    arnhem = Region.objects.get(slug="arnhem")
    assert f'<a href="{arnhem.get_absolute_url()}">Arnhem</a>' in html
    assert "Onze Huisartsen" in html and "Menzis" in html


def test_table_sorts_by_name_both_ways(client, demo):
    ascending = names(client.get("/regios/?sorteer=naam"))
    assert ascending == sorted(ascending, key=str.lower) or ascending == sorted(
        ascending
    )
    descending = names(client.get("/regios/?sorteer=naam&richting=af"))
    assert descending == list(reversed(ascending))


def test_table_sorts_status_in_legend_order(client, demo):
    regions = list(client.get("/regios/?sorteer=status").context["regions"])
    ranks = [RegioplanStatus.values.index(r.status) for r in regions]
    assert ranks == sorted(ranks)
    html = client.get("/regios/?sorteer=status").content.decode()
    assert 'aria-sort="ascending"' in html


def test_unknown_sort_key_falls_back_to_name(client, demo):
    response = client.get("/regios/?sorteer=<script>")
    assert response.status_code == 200
    assert response.context["sort"] == "naam"
