"""The permission matrix for the plans editing pages: visitor, editor of region
A, editor of region B, curator, over every URL, GET and POST. A contract, element
or regiobeeld asks its region; another region's URL is a 404, never a hint."""

import datetime

import pytest
from django.core.files.base import ContentFile
from django.urls import reverse

from plans.models import (
    Contract,
    ElementKind,
    PlanDetails,
    PlanElement,
    Regiobeeld,
    Theme,
)

from .conftest import REGION_A, REGION_B
from .factories import PDF

pytestmark = pytest.mark.django_db

PEOPLE = ["visitor", "editor_a", "editor_b", "curator"]
SECRET = "Alleen voor Aaland: monitoring via het dashboard"


@pytest.fixture
def private_contract(world):
    """Region A's private contract, with a regiobeeld document that is not public."""
    beeld = Regiobeeld(region=world.region_a, stage="gereed")
    beeld.document.save("beeld.pdf", ContentFile(PDF), save=False)
    beeld.save()
    contract = Contract.objects.create(
        region=world.region_a,
        insurer=world.insurer,
        start=datetime.date(2025, 1, 1),
        monitoring_how=SECRET,
        contents_public=False,
    )
    contract.themes.set(Theme.objects.filter(slug="ggz"))
    return contract


def urls(contract):
    return {
        "keten": reverse("editing:chain", args=[REGION_A]),
        "regiobeeld": reverse("editing:regiobeeld", args=[REGION_A]),
        "regiobeeld-pdf": reverse("editing:regiobeeld_pdf", args=[REGION_A]),
        "onderdelen": reverse("editing:plan_elements", args=[REGION_A]),
        "nieuw-contract": reverse("editing:new_contract", args=[REGION_A]),
        "contract": reverse("editing:contract", args=[REGION_A, contract.pk]),
    }


def state():
    """Everything an editor could touch through these pages."""
    return (
        list(Regiobeeld.objects.order_by("pk").values()),
        list(PlanElement.objects.order_by("pk").values()),
        list(PlanDetails.objects.order_by("pk").values()),
        list(Contract.objects.order_by("pk").values()),
        sorted(Contract.themes.through.objects.values_list("contract", "theme")),
    )


EXPECTED_GET = {"visitor": 302, "editor_a": 200, "editor_b": 404, "curator": 200}


@pytest.mark.parametrize("person", PEOPLE)
def test_get_every_editing_page(as_person, person, private_contract):
    client = as_person(person)
    for name, url in urls(private_contract).items():
        response = client.get(url)
        assert response.status_code == EXPECTED_GET[person], (name, person)
        if person == "visitor":
            assert response["Location"].startswith(reverse("login"))
        body = b"".join(response) if response.streaming else response.content
        if person in ("visitor", "editor_b"):
            assert SECRET.encode() not in body, name


def forged_posts(contract, world):
    return {
        "regiobeeld": {"stage": "gereed", "with_insurer": "ja", "edit_version": 1},
        "onderdelen": {
            "plan-agreed_with_insurer": "ja",
            "plan-period_kind": "eenjarig",
            **{f"{kind}-state": "onbekend" for kind in ElementKind.values},
            "ict_visie-state": "aanwezig",
            "ict_visie-note": "Vastgesteld in 2025.",
        },
        "nieuw-contract": {
            "insurer": world.other_insurer.pk,
            "start": "2026-01-01",
            "kind": "eenjarig",
            "state": "getekend",
            "monitoring_agreed": "ja",
        },
        "contract": {
            "insurer": contract.insurer_id,
            "start": "2025-01-01",
            "kind": "meerjarig",
            "state": "getekend",
            "monitoring_agreed": "nee",
            "contents_public": "on",
            "edit_version": contract.version,
        },
    }


@pytest.mark.parametrize("person, status", [("visitor", 302), ("editor_b", 404)])
def test_forged_posts_change_nothing(
    as_person, person, status, private_contract, world
):
    client = as_person(person)
    before = state()
    all_urls = urls(private_contract)
    for name, data in forged_posts(private_contract, world).items():
        response = client.post(all_urls[name], data)
        assert response.status_code == status, (name, person)
    delete = reverse("editing:delete_contract", args=[REGION_A, private_contract.pk])
    assert client.post(delete).status_code == status
    assert state() == before


@pytest.mark.parametrize("person", ["editor_a", "curator"])
def test_the_regions_own_editor_and_the_curator_may_post(
    as_person, person, private_contract, world
):
    client = as_person(person)
    all_urls = urls(private_contract)
    for name, data in forged_posts(private_contract, world).items():
        response = client.post(all_urls[name], data)
        assert response.status_code == 302, name
    assert Regiobeeld.objects.get(region__slug=REGION_A).with_insurer == "ja"
    ict = PlanElement.objects.get(region__slug=REGION_A, element="ict_visie")
    assert (ict.state, ict.note) == ("aanwezig", "Vastgesteld in 2025.")
    # Elements left unknown and untouched are still stored, all seven.
    assert PlanElement.objects.filter(region__slug=REGION_A).count() == 7
    assert PlanDetails.objects.get(region__slug=REGION_A).period_kind == "eenjarig"
    private_contract.refresh_from_db()
    assert private_contract.contents_public and private_contract.kind == "meerjarig"
    assert Contract.objects.filter(region__slug=REGION_A).count() == 2
    delete = reverse("editing:delete_contract", args=[REGION_A, private_contract.pk])
    assert client.post(delete).status_code == 302
    assert not Contract.objects.filter(pk=private_contract.pk).exists()


def test_editor_b_cannot_reach_region_as_contract_under_own_slug(
    as_person, private_contract
):
    client = as_person("editor_b")
    url = reverse("editing:contract", args=[REGION_B, private_contract.pk])
    assert client.get(url).status_code == 404
    before = state()
    response = client.post(
        url,
        {
            "insurer": private_contract.insurer_id,
            "start": "2025-01-01",
            "kind": "eenjarig",
            "state": "getekend",
            "monitoring_agreed": "ja",
            "contents_public": "on",
            "edit_version": private_contract.version,
        },
    )
    assert response.status_code == 404
    delete = reverse("editing:delete_contract", args=[REGION_B, private_contract.pk])
    assert client.post(delete).status_code == 404
    assert state() == before


def test_a_stale_contract_form_is_refused(as_person, private_contract):
    client = as_person("editor_a")
    url = reverse("editing:contract", args=[REGION_A, private_contract.pk])
    data = {
        "insurer": private_contract.insurer_id,
        "start": "2025-01-01",
        "kind": "eenjarig",
        "state": "getekend",
        "monitoring_agreed": "ja",
        "edit_version": private_contract.version,
    }
    assert client.post(url, data).status_code == 302
    data["monitoring_how"] = "Overschreven?"
    response = client.post(url, data)  # the same, now stale, version
    assert response.status_code == 200
    assert "Iemand anders heeft deze gegevens gewijzigd" in response.content.decode()
    private_contract.refresh_from_db()
    assert private_contract.monitoring_how != "Overschreven?"


def test_contract_form_explains_and_refuses_a_backward_period(as_person, world):
    client = as_person("editor_a")
    url = reverse("editing:new_contract", args=[REGION_A])
    page = client.get(url).content.decode()
    assert "Uit: bezoekers zien alleen dat er een afspraak is" in page
    response = client.post(
        url,
        {
            "insurer": world.insurer.pk,
            "start": "2026-01-01",
            "end": "2025-01-01",
            "kind": "eenjarig",
            "state": "getekend",
            "monitoring_agreed": "ja",
        },
    )
    assert response.status_code == 200
    assert "De einddatum ligt vóór de begindatum." in response.content.decode()
    assert not Contract.objects.exists()


def test_plan_element_form_explains_each_element(as_person, world):
    page = as_person("editor_a").get(reverse("editing:plan_elements", args=[REGION_A]))
    html = page.content.decode()
    assert "Een eigen, apart uitgewerkte visie op digitalisering en ICT" in html
    assert "niet-praktijkhoudende huisartsen" in html
    regiobeeld = as_person("editor_a").get(
        reverse("editing:regiobeeld", args=[REGION_A])
    )
    assert "op basis van gedeelde cijfers" in regiobeeld.content.decode()


def test_plans_admin_is_for_curators_only(as_person, private_contract):
    for app, model in [
        *[
            ("plans", m)
            for m in ("contract", "planelement", "regiobeeld", "plandetails")
        ],
        ("regions", "theme"),
    ]:
        url = reverse(f"admin:{app}_{model}_changelist")
        assert as_person("curator").get(url).status_code == 200
        for person in ("visitor", "editor_a", "editor_b"):
            assert as_person(person).get(url).status_code == 302, (model, person)
    change = reverse("admin:plans_contract_change", args=[private_contract.pk])
    assert as_person("curator").get(change).status_code == 200
    history = reverse("admin:plans_contract_history", args=[private_contract.pk])
    assert as_person("curator").get(history).status_code == 200


def test_editing_region_page_links_to_the_chain(as_person, world):
    html = as_person("editor_a").get(reverse("editing:region", args=[REGION_A]))
    assert reverse("editing:chain", args=[REGION_A]) in html.content.decode()
