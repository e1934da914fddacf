"""Logins: throttling, password reset by e-mail, invitations by curators."""

import re

import pytest
from django.core import mail
from django.urls import reverse

from .conftest import REGION_A
from .factories import PASSWORD

pytestmark = pytest.mark.django_db

LOGIN = "/account/login/"


def test_editor_logs_in_with_the_form_and_lands_on_their_region(client, editor_a):
    response = client.post(
        LOGIN, {"username": "redacteur-a", "password": "een-lang-wachtwoord-42"}
    )
    assert response.status_code == 302
    response = client.get(response["Location"])
    assert response["Location"] == reverse("editing:region", args=[REGION_A])


def test_wrong_password_gets_a_dutch_message(client, editor_a):
    response = client.post(LOGIN, {"username": "redacteur-a", "password": "fout"})
    assert response.status_code == 200
    assert "Deze combinatie van gebruikersnaam en wachtwoord kennen we niet" in (
        response.content.decode()
    )


def test_login_is_throttled_after_five_failures(client, editor_a):
    for _ in range(5):
        client.post(LOGIN, {"username": "redacteur-a", "password": "fout"})
    response = client.post(
        LOGIN, {"username": "redacteur-a", "password": "een-lang-wachtwoord-42"}
    )
    assert response.status_code == 429
    assert "Te veel mislukte pogingen" in response.content.decode()
    assert "_auth_user_id" not in client.session


def test_password_reset_by_email(client, editor_a):
    response = client.post(
        "/account/password_reset/", {"email": "redacteur-a@example.org"}
    )
    assert response.status_code == 302
    assert len(mail.outbox) == 1
    message = mail.outbox[0]
    assert message.subject == "Nieuw wachtwoord voor de regiokaart"
    link = re.search(r"http://testserver(/account/reset/\S+)", message.body).group(1)
    form_url = client.get(link)["Location"]
    response = client.post(
        form_url,
        {
            "new_password1": "nieuw-wachtwoord-77x",
            "new_password2": "nieuw-wachtwoord-77x",
        },
    )
    assert response.status_code == 302
    editor_a.refresh_from_db()
    assert editor_a.check_password("nieuw-wachtwoord-77x")


def test_weak_passwords_are_refused(client, editor_a):
    client.post("/account/password_reset/", {"email": "redacteur-a@example.org"})
    link = re.search(
        r"http://testserver(/account/reset/\S+)", mail.outbox[0].body
    ).group(1)
    form_url = client.get(link)["Location"]
    response = client.post(
        form_url, {"new_password1": "12345678", "new_password2": "12345678"}
    )
    assert response.status_code == 200
    assert "wachtwoord" in response.content.decode().lower()
    editor_a.refresh_from_db()
    assert not editor_a.check_password("12345678")


def test_curator_invites_an_editor(
    curator_client, client, world, django_capture_on_commit_callbacks
):
    region = world.region_c
    with django_capture_on_commit_callbacks(execute=True):
        response = curator_client.post(
            reverse("admin:regions_regionmembership_invite"),
            {
                "email": "Nieuwe.Redacteur@Example.org",
                "first_name": "Noor",
                "regions": [region.pk],
            },
        )
    assert response.status_code == 302
    assert len(mail.outbox) == 1
    body = mail.outbox[0].body
    assert "Ceeland" in body and "Noor" in body
    link = re.search(r"http://testserver(/account/reset/\S+)", body).group(1)
    form_url = client.get(link)["Location"]
    client.post(
        form_url,
        {
            "new_password1": "zeeuws-wachtwoord-9",
            "new_password2": "zeeuws-wachtwoord-9",
        },
    )
    response = client.post(
        LOGIN,
        {"username": "nieuwe.redacteur@example.org", "password": "zeeuws-wachtwoord-9"},
    )
    assert response.status_code == 302
    assert region.can_edit(response.wsgi_request.user)


def test_production_cookies_are_secure():
    from .test_settings import PRODUCTION_ENV, manage

    script = (
        "from django.conf import settings as s;"
        "print(s.SESSION_COOKIE_SECURE, s.CSRF_COOKIE_SECURE,"
        " s.SESSION_COOKIE_HTTPONLY)"
    )
    result = manage("shell", "-c", script, env=PRODUCTION_ENV)
    assert result.stdout.split()[-3:] == ["True", "True", "True"], result.stderr


def test_inviting_an_existing_account_sends_no_password_link(
    curator_client, editor_a, world, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        response = curator_client.post(
            reverse("admin:regions_regionmembership_invite"),
            {"email": editor_a.email, "regions": [world.region_c.pk]},
        )
    assert response.status_code == 302
    body = mail.outbox[-1].body
    assert "Ceeland" in body and "bestaande gebruikersnaam" in body
    assert "/account/reset/" not in body
    assert "http://testserver/account/login/" in body
    editor_a.refresh_from_db()
    assert editor_a.check_password(PASSWORD)
    assert world.region_c.can_edit(editor_a)


def test_an_address_trying_many_usernames_is_locked_out(client, editor_a, settings):
    settings.AXES_SPRAY_USERNAMES = 6
    for n in range(5):
        response = client.post(LOGIN, {"username": f"gok-{n}", "password": "fout"})
        assert response.status_code == 200  # each username failed only once
    response = client.post(LOGIN, {"username": "gok-5", "password": "fout"})
    assert response.status_code == 429  # the sixth username: the address is locked
    response = client.post(LOGIN, {"username": "redacteur-a", "password": PASSWORD})
    assert response.status_code == 429
    assert "_auth_user_id" not in client.session


def test_a_few_mistyped_usernames_do_not_lock_an_address(client, editor_a, settings):
    settings.AXES_SPRAY_USERNAMES = 6
    for n in range(5):
        client.post(LOGIN, {"username": f"typfout-{n}", "password": "fout"})
    response = client.post(LOGIN, {"username": "redacteur-a", "password": PASSWORD})
    assert response.status_code == 302
