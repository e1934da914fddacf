"""Rough edges a new visitor, an editor and a curator met (issue 22)."""

import re
from html import unescape

import pytest
from django.test import Client, RequestFactory
from django.urls import reverse

from editing.invitations import invite_editor
from geo.models import PostcodeArea
from plans.models import PlanDetails
from regions import services
from regions.models import Region, StatusChange

from .conftest import REGION_A, REGION_B, REGION_C
from .factories import add_alias_gemeenten, make_gemeente
from .helpers import region_admin_post
from .test_editing import plan_data

pytestmark = pytest.mark.django_db


def text_of(response) -> str:
    html = re.sub(r"</?(strong|em)>", "", response.content.decode())
    return re.sub(r"\s+", " ", unescape(re.sub(r"<[^>]+>", " ", html)))


def test_progress_sentence_does_not_run_two_numbers_together(client, world):
    text = text_of(client.get(reverse("progress:index")))
    assert "Van de inwoners van Nederland woont" in text
    assert not re.search(r"\d\. \d", text)


def test_a_name_ending_in_a_full_stop_gets_no_second_one(client, world, settings):
    settings.PAGE_CACHE_SECONDS = 0
    Region.objects.filter(slug=REGION_A).update(name="Aaland e.o.")
    add_alias_gemeenten(world)
    PostcodeArea.objects.create(
        postcode4="1234", place="Aastad", gemeente=world.gemeenten[0], share=1
    )
    text = text_of(client.get("/zoek/", {"q": "1234"}))
    assert "regio Aaland e.o. ." not in text and "e.o.." not in text
    assert "hoort bij regio Aaland e.o." in text

    request = RequestFactory().get("/")
    invite_editor(request, "nieuw@example.org", [Region.objects.get(slug=REGION_A)])
    # the mail goes out on commit; pytest-django's db fixture runs those hooks
    # only in transactional tests, so render what it would send
    from django.template.loader import render_to_string

    body = render_to_string(
        "registration/invitation_email.txt",
        {"user": None, "regions": ["Aaland e.o."], "link": "x"},
    )
    assert "voor Aaland e.o." in body and "e.o.." not in body


def test_one_looptijd_on_the_region_page(client, world):
    PlanDetails.objects.create(region=world.region_a)  # period kind unknown
    text = text_of(client.get(world.region_a.get_absolute_url()))
    assert "Looptijd 2024–2027" in text
    assert "Onbekend (2024–2027)" not in text
    PlanDetails.objects.filter(region=world.region_a).update(period_kind="meerjarig")
    text = text_of(client.get(world.region_a.get_absolute_url()))
    assert "2024–2027 (meerdere jaren)" in text


def test_admin_history_shows_words_not_stored_values(curator_client, editor_a):
    client = Client()
    client.force_login(editor_a)
    region = Region.objects.get(slug=REGION_A)
    client.post(
        reverse("editing:regioplan", args=[REGION_A]),
        plan_data(region, status="niet_openbaar"),
    )
    url = reverse("admin:regions_region_history", args=[region.pk])
    text = text_of(curator_client.get(url))
    assert "Regioplan openbaar → Regioplan niet openbaar" in text
    assert "openbaar → niet_openbaar" not in text


def test_admin_form_labels_start_with_a_capital(curator_client, world):
    html = curator_client.get(
        reverse("admin:regions_region_change", args=[world.region_a.pk])
    ).content.decode()
    assert "Status geldt vanaf" in html and "status geldt vanaf:" not in html
    html = curator_client.get(
        reverse("admin:regions_regionmembership_invite")
    ).content.decode()
    labels = re.findall(r"<label[^>]*>([^<]+)</label>", html)
    assert "E-mailadres:" in labels
    assert all(not label[:1].islower() for label in labels), labels


def test_a_persons_edit_in_a_demo_region_is_not_marked_demo(client, world, editor_a):
    from regions.models import RegionMembership

    RegionMembership.objects.create(user=editor_a, region=world.region_c)
    client.force_login(editor_a)
    region = world.region_c  # a demo region
    client.post(
        reverse("editing:regioplan", args=[REGION_C]),
        plan_data(region, status="niet_openbaar"),
    )
    change = StatusChange.objects.filter(region=region).latest("created_at")
    assert change.status == "niet_openbaar" and not change.is_demo
    client.logout()
    html = client.get(region.get_absolute_url()).content.decode()
    timeline = html[html.index('id="tijdlijn"') :]
    first_entry = timeline[: timeline.index("</li>")]
    assert "demo-tag" not in first_entry


def test_a_revert_is_not_announced_as_a_publication(curator_client, editor_a):
    region = Region.objects.get(slug=REGION_A)
    services.record_status(region, None)  # on the map as public
    original = region.history.first()
    client = Client()
    client.force_login(editor_a)
    client.post(
        reverse("editing:regioplan", args=[REGION_A]),
        plan_data(region, status="geen"),
    )
    region.refresh_from_db()
    url = reverse("admin:regions_region_simple_history", args=[region.pk, original.pk])
    form = curator_client.get(url).context["adminform"].form
    curator_client.post(url, region_admin_post(form, region))
    assert Region.objects.get(slug=REGION_A).status == "openbaar"
    feed = Client().get(reverse("progress:region_feed", args=[REGION_A]))
    titles = re.findall(r"<title>([^<]*)</title>", feed.content.decode())
    # Status entries only: an activity made today sorts among them by the
    # clock (status changes count from noon of their day).
    titles = [t for t in titles if "nieuwe activiteit" not in t]
    assert titles[1] == "Aaland: regioplan weer openbaar", titles
    assert titles.count("Aaland: regioplan gepubliceerd") == 1  # the first time


def test_den_haag_says_it_means_s_gravenhage(client, world):
    add_alias_gemeenten(world)
    response = client.get("/zoek/", {"q": "Den Haag"})
    assert response.status_code == 200
    text = text_of(response)
    assert (
        "“Den Haag” is de gemeente 's-Gravenhage, die hoort bij regio Beekdal." in text
    )


def test_hengelo_finds_both_hengelos(client, world):
    hengelo = make_gemeente("GM9020", "Hengelo (O.)", 5.6, 52.0)
    bronckhorst = make_gemeente("GM9021", "Bronckhorst", 5.6, 52.1)
    services.move_gemeenten({hengelo: world.region_a, bronckhorst: world.region_b})
    PostcodeArea.objects.create(
        postcode4="7551", place="Hengelo", gemeente=hengelo, share=1
    )
    PostcodeArea.objects.create(
        postcode4="7255", place="Hengelo (Gld)", gemeente=bronckhorst, share=1
    )
    response = client.get("/zoek/", {"q": "Hengelo"})
    assert {r.slug for r in response.context["answer"].regions} == {REGION_A, REGION_B}
    text = text_of(response)
    assert (
        "Hengelo (Gld) ligt in gemeente Bronckhorst, die hoort bij regio Beekdal."
        in (text)
    )
