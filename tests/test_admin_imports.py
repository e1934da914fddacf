"""Curators upload boundaries or CBS figures in the admin: preview, then confirm."""

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from geo.models import Gemeente

from .helpers import boundary_frame

pytestmark = pytest.mark.django_db

BOUNDARIES = reverse("admin:geo_gemeente_import", args=["grenzen"])
FIGURES = reverse("admin:geo_gemeente_import", args=["kerncijfers"])


def upload(name, data):
    return SimpleUploadedFile(name, data)


def test_boundary_upload_previews_then_confirms(curator_client, world, tmp_path):
    path = tmp_path / "gemeenten.gpkg"
    boundary_frame(crs=28992).to_file(path)  # RD New, as CBS publishes them
    data = path.read_bytes()
    response = curator_client.post(
        BOUNDARIES,
        {
            "file": upload("gemeenten.gpkg", data),
            "code_column": "code",
            "name_column": "name",
        },
    )
    html = response.content.decode()
    assert "Proefimport, niets opgeslagen" in html
    assert "ongewijzigd" in html
    assert 'name="confirm"' in html
    token = response.context["token"]
    response = curator_client.post(
        BOUNDARIES, {"token": token, "confirm": "1"}, follow=True
    )
    assert response.redirect_chain[-1][0] == reverse("admin:geo_gemeente_changelist")
    assert "Geïmporteerd" in response.content.decode()


def test_figures_upload_changes_only_after_confirmation(curator_client, world):
    csv = b"code,inwoners\nGM9001,12000\n"
    response = curator_client.post(
        FIGURES, {"file": upload("k.csv", csv), "year": 2025}
    )
    assert "gewijzigd" in response.content.decode()
    assert Gemeente.objects.get(code="GM9001").inwoners == 10_000
    curator_client.post(FIGURES, {"token": response.context["token"], "confirm": "1"})
    assert Gemeente.objects.get(code="GM9001").inwoners == 12_000


def test_bad_file_shows_dutch_errors_and_no_confirm_button(curator_client, world):
    before = list(Gemeente.objects.values_list("code", "inwoners"))
    csv = "code,inwoners\nGM9001,Fryslân\n".encode("latin-1")
    response = curator_client.post(
        FIGURES, {"file": upload("k.csv", csv), "year": 2025}
    )
    html = response.content.decode()
    assert "kan niet worden geïmporteerd" in html
    assert "geen UTF-8" in html
    assert 'name="confirm"' not in html
    assert list(Gemeente.objects.values_list("code", "inwoners")) == before


def test_a_200_mb_upload_is_refused_with_a_clear_message():
    big = upload("groot.gpkg", b"x")
    big.size = 200 * 1024 * 1024  # what Django reports for a 200 MB upload
    from regions.reference_imports import BoundaryUploadForm

    form = BoundaryUploadForm(
        data={"code_column": "code", "name_column": "name"}, files={"file": big}
    )
    assert not form.is_valid()
    assert (
        "Het bestand is te groot (200,0\xa0MB); het maximum is 50,0\xa0MB."
        in form.errors["file"]
    )


def test_too_large_upload_through_the_admin_changes_nothing(
    curator_client, world, settings
):
    settings.IMPORT_MAX_UPLOAD_BYTES = 1024
    before = list(Gemeente.objects.values_list("code", "inwoners"))
    response = curator_client.post(
        FIGURES, {"file": upload("k.csv", b"code,inwoners\n" * 200), "year": 2025}
    )
    assert "Het bestand is te groot" in response.content.decode()
    assert "report" not in response.context
    assert list(Gemeente.objects.values_list("code", "inwoners")) == before


def test_confirming_an_unknown_or_expired_upload_changes_nothing(curator_client, world):
    before = list(Gemeente.objects.values_list("code", "name", "geometry"))
    response = curator_client.post(
        BOUNDARIES, {"token": "0" * 32, "confirm": "1"}, follow=True
    )
    assert "Deze import is verlopen" in response.content.decode()
    assert list(Gemeente.objects.values_list("code", "name", "geometry")) == before


def test_only_curators_may_import(client, django_user_model):
    staff = django_user_model.objects.create_user(
        "medewerker", password="x", is_staff=True
    )
    client.force_login(staff)
    response = client.get(BOUNDARIES)  # the admin is for curators only
    assert response.status_code == 302 and "/beheer/login/" in response["Location"]
    client.logout()
    assert client.get(BOUNDARIES).status_code == 302


def test_unknown_import_kind_is_404(curator_client):
    url = reverse("admin:geo_gemeente_import", args=["iets"])
    assert curator_client.get(url).status_code == 404


def test_changelist_links_to_both_imports(curator_client, world):
    html = curator_client.get(reverse("admin:geo_gemeente_changelist")).content.decode()
    assert BOUNDARIES in html and FIGURES in html
