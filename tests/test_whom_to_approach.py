"""'Bij wie moet ik zijn?' on the region page, vCards, and the confirmation
clock that the region page, the workbench and the reminders share (issue 18)."""

import datetime
import io

import pytest
from django.core import mail
from django.core.management import call_command
from django.urls import reverse
from django.utils import timezone

from organisations.models import ContactPerson
from regions.models import Region

from .conftest import REGION_A, REGION_B
from .factories import make_curator, make_editor

pytestmark = pytest.mark.django_db

SECRETS = ("Geheime Gerrit", "gerrit@", "00-GEHEIM")


@pytest.fixture
def persons(world):
    public = ContactPerson.objects.create(
        organisation=world.organisation_a,
        name="Petra Publiek",
        function="Coördinator",
        email="regio@huisartsen-aaland.example.org",
        phone="020 000 0001",
        is_public=True,
    )
    hds = ContactPerson.objects.create(
        organisation=world.hds_a,
        name="Dirk Dienst",
        function="Manager; avond, nacht",
        is_public=True,
    )
    private = ContactPerson.objects.create(
        organisation=world.organisation_a,
        name="Geheime Gerrit",
        email="gerrit@huisartsen-aaland.example.org",
        phone="00-GEHEIM",
    )
    return public, hds, private


def region_page(client, slug=REGION_A):
    return client.get(reverse("regions:detail", args=[slug])).content.decode()


def approach_block(html: str) -> str:
    return html.split('aria-labelledby="benaderen-titel"')[1].split("</section>")[0]


def test_the_region_page_says_whom_to_approach_for_what(client, world, persons):
    html = region_page(client)
    block = approach_block(html)
    # High up: before the regioplan card and the key figures.
    assert html.index("benaderen-titel") < html.index("regioplan-titel")
    assert "Bij wie moet ik zijn?" in html
    lead = block.split("approach-lead")[1].split("approach-group")[0]
    assert "Huisartsen Aaland" in lead
    assert "Petra Publiek" in lead and "Coördinator" in lead
    assert "regio@huisartsen-aaland.example.org" in lead
    assert 'href="tel:0200000001"' in lead
    # Per type, what for, with its own published persons.
    assert "Huisartsendienstenstructuur (HDS)" in block
    assert "buiten kantoortijden" in block and "Dirk Dienst" in block
    assert "ROS Midden" in block and "LHV-kring Aa en Beek" in block
    assert "belangen" in block  # what a LHV-kring is approached for
    assert "Geheime Gerrit" not in html


def test_a_region_without_a_lead_says_so(client, world):
    Region.objects.filter(slug=REGION_B).update(regional_organisation=None)
    block = approach_block(region_page(client, REGION_B))
    assert "Nog geen regionale organisatie bekend." in block
    assert "Huisartsenposten Beekdal" in block


def test_a_published_person_downloads_as_a_vcard(client, world, persons):
    public, hds, private = persons
    html = region_page(client)
    url = reverse("organisations:vcard", args=[world.hds_a.slug, hds.pk])
    assert f'href="{url}"' in html
    response = client.get(url)
    assert response.status_code == 200
    assert response["Content-Type"] == "text/vcard; charset=utf-8"
    assert 'filename="dirk-dienst.vcf"' in response["Content-Disposition"]
    card = response.content.decode()
    assert card.startswith("BEGIN:VCARD\r\nVERSION:3.0\r\n")
    assert "FN:Dirk Dienst\r\n" in card
    assert "TITLE:Manager\\; avond\\, nacht\r\n" in card  # escaped, one line
    assert "ORG:Huisartsenposten Aaland" in card
    assert card.endswith("END:VCARD\r\n")


def test_no_vcard_for_an_unpublished_person_or_the_wrong_organisation(
    client, world, persons
):
    public, hds, private = persons
    for organisation, pk in [
        (world.organisation_a, private.pk),  # not published
        (world.hds_a, public.pk),  # another organisation's person
        (world.organisation_a, 999),
    ]:
        url = reverse("organisations:vcard", args=[organisation.slug, pk])
        assert client.get(url).status_code == 404


def test_an_unpublished_person_is_in_no_public_output(client, world, persons):
    """Page, exports, feeds, search, embed, sitemap, vCard: in both languages."""
    urls = [
        reverse("regions:detail", args=[REGION_A]),
        reverse("regions:organisation", args=[world.organisation_a.slug]),
        reverse("regions:search") + "?q=Huisartsen+Aaland",
        reverse("regions:search") + "?q=Aaland",
        reverse("regions:organisations"),
        reverse("regions:organisations_selection", args=["csv"]),
        reverse("regions:organisations_download", args=["csv"]),
        reverse("regions:organisations_download", args=["xlsx"]),
        reverse("regions:regions_download", args=["csv"]),
        reverse("regions:geojson"),
        reverse("regions:embed"),
        reverse("regions:map"),
        reverse("regions:list"),
        reverse("plans:download", args=["csv"]),
        reverse("plans:contracts_download", args=["csv"]),
        reverse("progress:feed"),
        reverse("progress:region_feed", args=[REGION_A]),
        "/sitemap.xml",
    ]
    urls += ["/en" + url for url in urls if not url.endswith(".xml")]
    for url in urls:
        response = client.get(url, follow=True)
        assert response.status_code == 200, url
        body = response.content
        for secret in SECRETS:
            assert secret.encode() not in body, (url, secret)


# -- The confirmation clock ----------------------------------------------------


def agree(client, curator_client):
    """What the region page, the workbench and the reminders say of REGION_A."""
    html = region_page(client)
    panels = curator_client.get(reverse("admin:index")).context["panels"]
    stale_panel = next(p for p in panels if "bevestigd=" in p.url)
    mail.outbox.clear()
    call_command("send_reminders", "--commit", stdout=io.StringIO())
    reminded = {m.to[0] for m in mail.outbox}
    return (
        "niet bevestigd door de regio, sinds" in html,
        stale_panel.count,
        "redacteur-a@example.org" in reminded,
    )


def test_day_one_region_page_workbench_and_reminders_agree(client, world):
    """A region that came on the map today is not overdue anywhere."""
    editor = make_editor("redacteur-a", world.region_a)
    editor.email = "redacteur-a@example.org"
    editor.save()
    curator_client = type(client)()
    curator_client.force_login(make_curator())
    Region.objects.update(created_at=timezone.now(), confirmed_at=None)
    html = region_page(client)
    assert "op de kaart sinds" in html and "nog niet bevestigd door de regio" in html
    assert agree(client, curator_client) == (False, 0, False)
    # A year later, still not confirmed: overdue on all three.
    Region.objects.update(created_at=timezone.now() - datetime.timedelta(days=400))
    assert agree(client, curator_client) == (True, 3, True)
    # Confirmed now: on none.
    Region.objects.filter(slug=REGION_A).update(confirmed_at=timezone.now())
    assert agree(client, curator_client)[0] is False
    assert "laatst bevestigd op" in region_page(client)
