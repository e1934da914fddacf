"""Only real writes start a new data generation: a refused form, a failed login,
a password-reset request or an import preview moves nothing, so anonymous POSTs
cannot empty every cache; a saved change still does."""

import pytest
from django.test import Client
from django.urls import reverse

from core import generation

from .test_admin_data_import import upload

pytestmark = pytest.mark.django_db


def test_a_failed_login_moves_nothing(world, curator):
    before = generation.current()
    response = Client().post(
        "/account/login/", {"username": "curator", "password": "fout"}
    )
    assert response.status_code == 200  # the form again, with a message
    assert generation.current() == before


def test_a_password_reset_request_moves_nothing(world, curator):
    before = generation.current()
    response = Client().post(
        "/account/password_reset/", {"email": curator.email or "c@example.org"}
    )
    assert response.status_code == 302
    assert generation.current() == before


def test_a_refused_admin_form_moves_nothing(curator_client, world):
    before = generation.current()
    url = reverse("admin:organisations_insurer_change", args=[world.insurer.pk])
    response = curator_client.post(url, {"name": "", "slug": "noord"})
    assert response.status_code == 200  # refused: the name is required
    assert generation.current() == before


def test_an_import_preview_moves_nothing(curator_client, world):
    before = generation.current()
    response = upload(
        curator_client, b"sleutel,naam,status\nnieuw,Nieuwe regio,onbekend\n"
    )
    assert response.context["result"].totals["new"] == 1
    assert generation.current() == before


def test_a_saved_change_moves_the_generation(curator_client, world):
    before = generation.current()
    url = reverse("admin:organisations_insurer_change", args=[world.insurer.pk])
    response = curator_client.post(url, {"name": "Hernoemd", "slug": "noord"})
    assert response.status_code == 302
    assert generation.current() > before


@pytest.mark.django_db(transaction=True)
def test_outside_a_test_transaction_only_a_committed_write_counts(world, curator):
    """As in production: each request commits (or not) on its own."""
    client = Client()
    before = generation.current()
    client.post("/account/login/", {"username": "curator", "password": "fout"})
    assert generation.current() == before
    client.force_login(curator)
    url = reverse("admin:organisations_insurer_change", args=[world.insurer.pk])
    assert client.post(url, {"name": "", "slug": "noord"}).status_code == 200
    assert generation.current() == before
    assert client.post(url, {"name": "Anders", "slug": "noord"}).status_code == 302
    assert generation.current() > before
