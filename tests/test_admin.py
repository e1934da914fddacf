import pytest
from django.urls import reverse

from regions.models import Region

from .conftest import REGION_B, REGION_C
from .helpers import region_admin_post, region_of

pytestmark = pytest.mark.django_db

MODELS = [
    ("regions", "region"),
    ("geo", "gemeente"),
    ("regions", "activity"),
    ("organisations", "organisation"),
    ("organisations", "insurer"),
]


@pytest.mark.parametrize("app,model", MODELS)
def test_curator_opens_every_list_add_and_change_page(
    curator_client, world, app, model
):
    changelist = reverse(f"admin:{app}_{model}_changelist")
    response = curator_client.get(changelist, {"q": "a"})
    assert response.status_code == 200
    if model != "gemeente":
        assert (
            curator_client.get(reverse(f"admin:{app}_{model}_add")).status_code == 200
        )
    obj = response.context["cl"].result_list[0]
    change = reverse(f"admin:{app}_{model}_change", args=[obj.pk])
    assert curator_client.get(change).status_code == 200


def test_admin_speaks_dutch(curator_client, world):
    html = curator_client.get(reverse("admin:index")).content.decode()
    assert "Regiokaart beheer" in html
    assert "Regio&#x27;s" in html and "Gemeenten" in html


def test_anonymous_visitor_is_sent_to_login(client, world):
    response = client.get(reverse("admin:regions_region_changelist"))
    assert response.status_code == 302
    assert "/beheer/login/" in response["Location"]


def test_region_filter_by_status_and_search_by_gemeente(curator_client, world):
    url = reverse("admin:regions_region_changelist")
    response = curator_client.get(url, {"status__exact": "niet_openbaar"})
    assert [r.slug for r in response.context["cl"].result_list] == [REGION_B]
    response = curator_client.get(url, {"q": "Ceestad"})
    assert [r.slug for r in response.context["cl"].result_list] == [REGION_C]


def test_curator_recomposes_a_region_in_the_admin(curator_client, world):
    region = world.region_a
    ceestad = world.gemeente("Ceestad")
    url = reverse("admin:regions_region_change", args=[region.pk])
    form = curator_client.get(url).context["adminform"].form
    data = region_admin_post(
        form,
        region,
        composition=[*region.gemeenten.values_list("pk", flat=True), ceestad.pk],
        regional_organisation=region.regional_organisation_id,
        preferred_insurer=region.preferred_insurer_id,
    )
    response = curator_client.post(url, data, follow=True)
    assert response.status_code == 200, response.content
    messages = [str(m) for m in response.context["messages"]]
    assert any("Ceestad is verplaatst uit regio Ceeland" in m for m in messages)
    assert region_of(ceestad) == region
    assert Region.objects.get(slug=REGION_C).gemeenten.count() == 0
