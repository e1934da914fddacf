import pytest
from django.urls import reverse

from geo.models import Gemeente
from regions.models import Region

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
def test_curator_opens_every_list_add_and_change_page(curator_client, demo, app, model):
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


def test_admin_speaks_dutch(curator_client, demo):
    html = curator_client.get(reverse("admin:index")).content.decode()
    assert "Regiokaart beheer" in html
    assert "Regio&#x27;s" in html and "Gemeenten" in html


def test_anonymous_visitor_is_sent_to_login(client, demo):
    response = client.get(reverse("admin:regions_region_changelist"))
    assert response.status_code == 302
    assert "/beheer/login/" in response["Location"]


def test_region_filter_by_status_and_search_by_gemeente(curator_client, demo):
    url = reverse("admin:regions_region_changelist")
    response = curator_client.get(url, {"status__exact": "geen"})
    assert {r.status for r in response.context["cl"].result_list} == {"geen"}
    response = curator_client.get(url, {"q": "Lelystad"})
    assert [r.slug for r in response.context["cl"].result_list] == [
        "flevoland-zwolle-vechtdal"
    ]


def test_curator_recomposes_a_region_in_the_admin(curator_client, demo):
    region = Region.objects.get(slug="almere")
    lelystad = Gemeente.objects.get(name="Lelystad")
    url = reverse("admin:regions_region_change", args=[region.pk])
    form = curator_client.get(url).context["adminform"].form
    data = region_admin_post(
        form,
        region,
        composition=[Gemeente.objects.get(name="Almere").pk, lelystad.pk],
        regional_organisation=region.regional_organisation_id,
        preferred_insurer=region.preferred_insurer_id,
    )
    response = curator_client.post(url, data, follow=True)
    assert response.status_code == 200, response.content
    messages = [str(m) for m in response.context["messages"]]
    assert any(
        "Lelystad is verplaatst uit regio Flevoland/Zwolle/Vechtdal" in m
        for m in messages
    )
    assert region_of(lelystad) == region
