"""The permission matrix: visitor, editor of region A, editor of region B, curator,
for every editing and admin URL, GET and POST."""

import pytest
from django.urls import reverse

from core.versioning import rows_state
from organisations.models import Organisation
from regions.models import Activity, Region, RegionFigure
from regions.reference_imports import KINDS

from .conftest import REGION_A, REGION_B

pytestmark = pytest.mark.django_db

PEOPLE = ["visitor", "editor_a", "editor_b", "curator"]


def activity_of(slug):
    return Activity.objects.filter(
        region__slug=slug
    ).first() or Activity.objects.create(
        region=Region.objects.get(slug=slug), title="Bestaande activiteit"
    )


def editing_urls():
    a = activity_of(REGION_A)
    return {
        "overzicht": reverse("editing:region", args=[REGION_A]),
        "regioplan": reverse("editing:regioplan", args=[REGION_A]),
        "regioplan-pdf": reverse("editing:regioplan_pdf", args=[REGION_A]),
        "contact": reverse("editing:contact", args=[REGION_A]),
        "organisaties": reverse("editing:organisations", args=[REGION_A]),
        "nieuwe-organisatie": reverse("editing:new_organisation", args=[REGION_A]),
        "nieuwe-activiteit": reverse("editing:new_activity", args=[REGION_A]),
        "activiteit": reverse("editing:activity", args=[REGION_A, a.pk]),
        "kerngetallen": reverse("editing:figures", args=[REGION_A]),
    }


def region_a_state():
    """Everything an editor could touch in region A."""
    region = Region.objects.get(slug=REGION_A)
    return (
        Region.objects.filter(pk=region.pk).values().get(),
        Organisation.objects.filter(pk=region.regional_organisation_id).values().get(),
        sorted(region.organisations.values_list("pk", flat=True)),
        list(Activity.objects.filter(region=region).order_by("pk").values()),
        list(RegionFigure.objects.filter(region=region).order_by("pk").values()),
        Organisation.objects.count(),
    )


EXPECTED_GET = {"visitor": 302, "editor_a": 200, "editor_b": 404, "curator": 200}


@pytest.mark.parametrize("person", PEOPLE)
def test_editing_pages_get(as_person, person):
    client = as_person(person)
    for name, url in editing_urls().items():
        response = client.get(url)
        assert response.status_code == EXPECTED_GET[person], (person, name)
        if person == "visitor":
            assert response["Location"].startswith("/account/login/?next=")


def forged_posts():
    a = activity_of(REGION_A)
    region = Region.objects.get(slug=REGION_A)
    return [
        (
            reverse("editing:regioplan", args=[REGION_A]),
            {
                "status": "geen",
                "patients_involved": "nee",
                "non_practice_holders_involved": "nee",
                "edit_version": region.version,
            },
        ),
        (
            reverse("editing:contact", args=[REGION_A]),
            {
                "city": "Elders",
                "edit_version": region.regional_organisation.version,
            },
        ),
        (
            reverse("editing:organisations", args=[REGION_A]),
            {
                "remove": list(region.organisations.values_list("pk", flat=True)),
            },
        ),
        (
            reverse("editing:new_organisation", args=[REGION_A]),
            {
                "name": "Nep-organisatie",
                "type": "ros",
            },
        ),
        (reverse("editing:new_activity", args=[REGION_A]), {"title": "Nep"}),
        (
            reverse("editing:activity", args=[REGION_A, a.pk]),
            {
                "title": "Overschreven",
                "edit_version": a.version,
            },
        ),
        (reverse("editing:delete_activity", args=[REGION_A, a.pk]), {}),
        (
            reverse("editing:figures", args=[REGION_A]),
            {
                "figures-TOTAL_FORMS": 1,
                "figures-INITIAL_FORMS": 0,
                "figures-STATE": rows_state(
                    RegionFigure.objects.filter(region__slug=REGION_A)
                ),
                "figures-0-kind": "huisartsen",
                "figures-0-value": 1,
                "figures-0-year": 2025,
                "figures-0-source": "nep",
            },
        ),
    ]


@pytest.mark.parametrize("person,status", [("visitor", 302), ("editor_b", 404)])
def test_forged_posts_change_nothing(as_person, person, status):
    client = as_person(person)
    posts = forged_posts()
    before = region_a_state()
    for url, data in posts:
        assert client.post(url, data).status_code == status, url
    assert region_a_state() == before


@pytest.mark.parametrize("person", ["editor_a", "curator"])
def test_the_regions_own_editor_and_the_curator_may_post(as_person, person):
    client = as_person(person)
    before = region_a_state()
    for url, data in forged_posts():
        response = client.post(url, data)
        assert response.status_code == 302, (url, response.content[:2000])
    assert region_a_state() != before
    region = Region.objects.get(slug=REGION_A)
    assert region.status == "geen"
    assert region.figures.get().source == "nep"


def test_an_activity_of_another_region_is_404_even_under_your_own_slug(as_person):
    client = as_person("editor_a")
    other = activity_of(REGION_B)
    url = reverse("editing:activity", args=[REGION_A, other.pk])
    assert client.get(url).status_code == 404
    delete = reverse("editing:delete_activity", args=[REGION_A, other.pk])
    assert client.post(delete).status_code == 404
    assert Activity.objects.filter(pk=other.pk).exists()


@pytest.mark.parametrize("person", PEOPLE)
def test_my_regions_lists_exactly_what_each_may_edit(as_person, person):
    response = as_person(person).get(reverse("editing:my_regions"))
    if person == "visitor":
        assert response.status_code == 302
        return
    if person == "curator":
        assert len(response.context["regions"]) == Region.objects.count()
        return
    # An editor of one region goes straight to it.
    expected = REGION_A if person == "editor_a" else REGION_B
    assert response["Location"] == reverse("editing:region", args=[expected])


ADMIN_MODELS = [
    ("regions", "region", lambda: Region.objects.get(slug=REGION_A).pk),
    (
        "geo",
        "gemeente",
        lambda: Region.objects.get(slug=REGION_A).gemeenten.first().pk,
    ),
    ("regions", "activity", lambda: activity_of(REGION_A).pk),
    ("regions", "regionmembership", None),
    (
        "organisations",
        "organisation",
        lambda: Region.objects.get(slug=REGION_A).regional_organisation_id,
    ),
    (
        "organisations",
        "insurer",
        lambda: Region.objects.get(slug=REGION_A).preferred_insurer_id,
    ),
    ("auth", "user", None),
]


def admin_urls():
    urls = []
    for app, model, pk in ADMIN_MODELS:
        urls.append(reverse(f"admin:{app}_{model}_changelist"))
        if model not in ("gemeente",):
            urls.append(reverse(f"admin:{app}_{model}_add"))
        if pk:
            urls.append(reverse(f"admin:{app}_{model}_change", args=[pk()]))
            urls.append(reverse(f"admin:{app}_{model}_history", args=[pk()]))
    urls += [
        reverse("admin:index"),
        *(reverse("admin:geo_gemeente_import", args=[kind]) for kind in KINDS),
        reverse("admin:regions_regionmembership_invite"),
    ]
    return urls


@pytest.mark.parametrize("person", PEOPLE)
def test_admin_is_for_curators_only(as_person, person):
    client = as_person(person)
    for url in admin_urls():
        response = client.get(url)
        if person == "curator":
            assert response.status_code == 200, url
        else:
            assert response.status_code == 302, (person, url)
            assert response["Location"].startswith("/beheer/login/"), url


@pytest.mark.parametrize("person", ["visitor", "editor_a", "editor_b"])
def test_admin_posts_from_non_curators_change_nothing(as_person, person):
    client = as_person(person)
    region = Region.objects.get(slug=REGION_A)
    before = region_a_state()
    url = reverse("admin:regions_region_change", args=[region.pk])
    response = client.post(
        url, {"name": "Gekaapt", "slug": "gekaapt", "status": "geen"}
    )
    assert response.status_code == 302
    response = client.post(
        reverse("admin:regions_region_delete", args=[region.pk]), {"post": "yes"}
    )
    assert response.status_code == 302
    assert region_a_state() == before


def test_for_user_and_can_edit_agree(cast):
    for person, user in cast.items():
        from django.contrib.auth.models import AnonymousUser

        user = user or AnonymousUser()
        editable = set(Region.objects.for_user(user).values_list("slug", flat=True))
        for region in Region.objects.all():
            assert region.can_edit(user) == (region.slug in editable), (person, region)
    assert set(
        Region.objects.for_user(cast["editor_a"]).values_list("slug", flat=True)
    ) == {REGION_A}
