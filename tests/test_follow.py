"""Following regions by e-mail (follow): double opt-in, the weekly digest,
one-click unsubscribe, rate limits, and addresses kept only as long as needed."""

import datetime
import re
import smtplib

import pytest
from django.core import mail
from django.core.cache import cache
from django.core.management import call_command
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from follow.models import Subscription
from organisations.models import ContactPerson
from plans.models import Contract
from regions import services
from regions.models import Activity, RegioplanStatus, StatusChange

from .conftest import REGION_A, REGION_B

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def empty_cache():
    cache.clear()  # the rate limits count in the cache
    yield
    cache.clear()


def subscribe(client, email="lid@example.org", **fields):
    data = {"email": email, "scope": "regio", "region": REGION_A, **fields}
    return client.post(reverse("follow:subscribe"), data)


def link_in(message, name):
    path = reverse(f"follow:{name}", args=["TOKEN"]).replace("TOKEN/", "")
    return re.search(re.escape(path) + r"[\w-]+/", message.body).group(0)


def confirmed(email="lid@example.org", days_ago=8, **target) -> Subscription:
    """A subscription confirmed days ago, older than everything in the world."""
    moment = timezone.now() - datetime.timedelta(days=days_ago)
    older = moment - datetime.timedelta(days=1)
    Activity.objects.update(created_at=older)
    StatusChange.objects.update(created_at=older)
    target.setdefault("scope", "regio")
    return Subscription.objects.create(
        email=email, confirmed_at=moment, sent_until=moment, created_at=moment, **target
    )


# -- Subscribing and confirming ----------------------------------------------------


def test_region_page_links_to_following_it(client, world):
    html = client.get(world.region_a.get_absolute_url()).content.decode()
    assert f'href="/volgen/?regio={REGION_A}"' in html
    form = client.get(f"/volgen/?regio={REGION_A}").context["form"]
    assert form["region"].value() == REGION_A


def test_subscribing_sends_one_confirmation_and_confirming_takes_a_post(client, world):
    response = subscribe(client)
    assert response.status_code == 302 and response.url == reverse("follow:sent")
    subscription = Subscription.objects.get()
    assert (subscription.region, subscription.is_confirmed) == (world.region_a, False)
    assert len(mail.outbox) == 1
    message = mail.outbox[0]
    assert message.to == ["lid@example.org"] and "Aaland" in message.subject
    assert message.extra_headers["List-Unsubscribe-Post"] == (
        "List-Unsubscribe=One-Click"
    )
    confirm = link_in(message, "confirm")

    # A mail scanner that opens the link confirms nothing.
    assert client.get(confirm).status_code == 200
    subscription.refresh_from_db()
    assert not subscription.is_confirmed
    page = client.post(confirm).content.decode()
    subscription.refresh_from_db()
    assert subscription.is_confirmed and "U volgt nu Aaland" in page

    # The same form again: the same answer, no second mail, no second row.
    assert subscribe(client).url == reverse("follow:sent")
    assert len(mail.outbox) == 1 and Subscription.objects.count() == 1


def test_follow_all_regions_and_an_insurers_regions(client, world):
    subscribe(client, scope="alle", region="")
    subscribe(client, scope="verzekeraar", region="", insurer="noord")
    assert sorted(Subscription.objects.values_list("scope", "insurer__slug")) == [
        ("alle", None),
        ("verzekeraar", "noord"),
    ]


@pytest.mark.parametrize(
    "fields, message",
    [
        ({"email": "geen-adres"}, "Dit is geen geldig e-mailadres"),
        ({"email": "a@b"}, "Dit is geen geldig e-mailadres"),
        ({"region": "bestaat-niet"}, "Kies een regio uit de lijst."),
        ({"region": ""}, "Kies de regio die u wilt volgen."),
        ({"scope": "verzekeraar", "region": ""}, "Kies de zorgverzekeraar."),
    ],
)
def test_bad_input_is_a_dutch_message_and_changes_nothing(
    client, world, fields, message
):
    response = subscribe(client, **fields)
    assert response.status_code == 400
    assert message in response.content.decode()
    assert Subscription.objects.count() == 0 and mail.outbox == []


def test_rate_limit_per_client_address(client, world, settings):
    settings.FOLLOW_MAX_PER_ADDRESS = 3
    for n in range(3):
        assert subscribe(client, email=f"lid{n}@example.org").status_code == 302
    response = subscribe(client, email="nog-een@example.org")
    assert response.status_code == 429
    assert "te vaak" in response.content.decode()
    assert Subscription.objects.count() == 3 and len(mail.outbox) == 3
    other = Client(REMOTE_ADDR="192.0.2.7")
    assert subscribe(other, email="nog-een@example.org").status_code == 302


def test_rate_limit_on_mails_to_one_address(client, world, settings):
    settings.FOLLOW_MAX_MAILS_PER_EMAIL = 2
    for slug in (REGION_A, REGION_B, "ceeland"):
        assert subscribe(client, region=slug).status_code == 302
    assert len(mail.outbox) == 2  # the third is stored unconfirmed, not mailed


# -- Unsubscribing ----------------------------------------------------------------


def test_unsubscribe_page_then_one_click_deletes_the_address(client, world):
    subscription = confirmed(region=world.region_a)
    url = reverse("follow:unsubscribe", args=[subscription.token])
    assert "lid@example.org" in client.get(url).content.decode()
    assert Subscription.objects.exists()  # opening the link changes nothing
    assert client.post(url).status_code == 200
    assert not Subscription.objects.exists()


def test_list_unsubscribe_one_click_post_without_csrf(world):
    subscription = confirmed(region=world.region_a)
    strict = Client(enforce_csrf_checks=True)
    response = strict.post(
        reverse("follow:unsubscribe", args=[subscription.token]),
        "List-Unsubscribe=One-Click",
        content_type="application/x-www-form-urlencoded",
    )
    assert response.status_code == 200
    assert not Subscription.objects.exists()


def test_unknown_link_is_a_dutch_404(client, world):
    response = client.get(reverse("follow:confirm", args=["onzin"]))
    assert response.status_code == 404
    assert "Deze link werkt niet (meer)" in response.content.decode()


# -- The digest -------------------------------------------------------------------


def make_changes(world, editor):
    """A week of changes in Aaland, some of it private."""
    region = world.region_a
    region.status = RegioplanStatus.NIET_OPENBAAR
    region.save()
    services.record_status(region, "openbaar", editor, note="GEHEIME TOELICHTING")
    Activity.objects.create(region=region, title="Nieuwe huisartsenpost")
    Contract.objects.create(
        region=region,
        insurer=world.insurer,
        start=timezone.localdate() - datetime.timedelta(days=2),
        state=Contract.State.GETEKEND,
        monitoring_how="GEHEIME MONITORING",
    )
    ContactPerson.objects.create(
        organisation=world.organisation_a,
        name="Geheime Contactpersoon",
        email="geheim@example.org",
        is_public=False,
    )
    Activity.objects.create(region=world.region_b, title="Alleen in Beekdal")


def test_digest_is_a_dry_run_unless_commit(world, capsys):
    confirmed(region=world.region_a)
    Activity.objects.create(region=world.region_a, title="Nieuw")
    call_command("send_digest")
    assert mail.outbox == []
    assert "1 overzicht(en) te versturen" in capsys.readouterr().out


def test_digest_tells_what_changed_and_nothing_private(world, editor_a, capsys):
    subscription = confirmed(region=world.region_a)
    make_changes(world, editor_a)
    call_command("send_digest", "--commit", "--site-url", "https://regiokaart.test")
    assert len(mail.outbox) == 1
    body = mail.outbox[0].body
    assert "Aaland: Regioplan niet openbaar" in body
    assert "Aaland: nieuwe activiteit ‘Nieuwe huisartsenpost’" in body
    assert "Aaland: contract met Verzekeraar Noord getekend" in body
    assert "https://regiokaart.test/regio/aaland/" in body
    assert "Beekdal" not in body
    for private in ("GEHEIME", "Geheime Contactpersoon", "geheim@", "redacteur-a"):
        assert private not in body
    unsubscribe = "https://regiokaart.test" + reverse(
        "follow:unsubscribe", args=[subscription.token]
    )
    assert unsubscribe in body
    assert mail.outbox[0].extra_headers["List-Unsubscribe"] == f"<{unsubscribe}>"
    assert "1 overzicht(en) verstuurd" in capsys.readouterr().out

    # Sent once: the next run within the week sends nothing.
    call_command("send_digest", "--commit")
    assert len(mail.outbox) == 1


def test_digest_per_insurer_and_for_all(world):
    confirmed(email="noord@example.org", scope="verzekeraar", insurer=world.insurer)
    confirmed(email="alles@example.org", scope="alle")
    Activity.objects.create(region=world.region_b, title="Alleen in Beekdal")
    call_command("send_digest", "--commit")
    assert [m.to for m in mail.outbox] == [["alles@example.org"]]
    Activity.objects.create(region=world.region_c, title="In Ceeland")
    Subscription.objects.update(sent_until=timezone.now() - datetime.timedelta(days=8))
    call_command("send_digest", "--commit")
    assert sorted(m.to[0] for m in mail.outbox[1:]) == [
        "alles@example.org",
        "noord@example.org",
    ]


def test_no_changes_no_mail(world):
    confirmed(region=world.region_b)
    call_command("send_digest", "--commit")
    assert mail.outbox == []


def test_digest_in_the_language_subscribed_in(world):
    confirmed(region=world.region_a, language="en")
    Activity.objects.create(region=world.region_a, title="Nieuw")
    call_command("send_digest", "--commit")
    assert "Aaland: new activity" in mail.outbox[0].body
    assert "/en/volgen/afmelden/" in mail.outbox[0].body


def test_an_address_the_server_refuses_is_deleted(world, monkeypatch, capsys):
    confirmed(email="weg@example.org", region=world.region_a)
    Activity.objects.create(region=world.region_a, title="Nieuw")

    def refuse(self, *args, **kwargs):
        raise smtplib.SMTPRecipientsRefused({"weg@example.org": (550, b"No such user")})

    monkeypatch.setattr("django.core.mail.EmailMessage.send", refuse)
    call_command("send_digest", "--commit")
    assert not Subscription.objects.exists()
    out = capsys.readouterr().out
    assert "weg@example.org: geweigerd door de mailserver" in out
    assert "1 adres(sen) geweigerd" in out


def test_unconfirmed_subscriptions_expire(world, settings):
    settings.FOLLOW_CONFIRM_DAYS = 7
    old = timezone.now() - datetime.timedelta(days=8)
    Subscription.objects.create(email="oud@example.org", scope="alle", created_at=old)
    Subscription.objects.create(email="nieuw@example.org", scope="alle")
    call_command("send_digest")
    assert Subscription.objects.count() == 2  # a dry run deletes nothing
    call_command("send_digest", "--commit")
    assert list(Subscription.objects.values_list("email", flat=True)) == [
        "nieuw@example.org"
    ]


def test_privacy_statement_names_the_addresses(client, world):
    html = client.get(reverse("regions:accessibility")).content.decode()
    assert 'id="privacy"' in html and "e-mailadres" in html
    assert "binnen een week is bevestigd" in html
