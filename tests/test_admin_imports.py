"""Curators upload every reference import in the admin (boundaries, CBS figures,
postcodes, zones, GP distance): upload, preview, confirm; the commands agree."""

import io

import pytest
from django.core.exceptions import PermissionDenied
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management import call_command
from django.db import transaction
from django.urls import reverse

from core import staging
from core.models import ImportLog
from geo.models import Gemeente, GemeenteZone
from regions.reference_imports import KINDS as KINDS_BY_SLUG

from .helpers import boundary_frame
from .import_files import CASES, url

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


# -- Every reference import: one flow (tests/import_files.py) ------------------

KINDS = list(CASES)


@pytest.mark.parametrize("slug", KINDS)
def test_upload_preview_confirm(curator_client, curator, world, slug):
    case = CASES[slug]
    before = case.state()
    response = curator_client.post(url(slug), case.post_data())
    html = response.content.decode()
    assert response.status_code == 200
    assert "Proefimport, niets opgeslagen" in html, html
    assert 'name="confirm"' in html
    assert case.state() == before  # the preview writes nothing
    assert not ImportLog.objects.exists()
    token = response.context["token"]
    response = curator_client.post(
        url(slug), {"token": token, "confirm": "1"}, follow=True
    )
    assert response.redirect_chain[-1][0] == reverse("admin:geo_gemeente_changelist")
    message = str(list(response.context["messages"])[0])
    assert "Geïmporteerd." in message
    after = case.state()
    assert after != before
    log = ImportLog.objects.get()
    assert (log.user, log.model) == (curator, str(KINDS_BY_SLUG[slug].what))
    assert log.file_name == ", ".join(name for name, _ in case.files(1).values())
    assert log.new + log.updated >= 1
    # Confirming the same preview twice does nothing more.
    response = curator_client.post(url(slug), {"token": token, "confirm": "1"})
    assert ImportLog.objects.count() == 1 and case.state() == after


@pytest.mark.parametrize("slug", KINDS)
def test_the_command_and_the_admin_give_the_same_result(
    curator_client, world, slug, tmp_path
):
    case = CASES[slug]
    before = case.state()
    paths = case.write(tmp_path)
    out = io.StringIO()
    call_command(case.command, *paths, *case.command_options, stdout=out)
    dry_run = out.getvalue().strip().splitlines()[-1]
    assert dry_run.startswith("Proefimport, niets opgeslagen.")
    assert case.state() == before  # a dry run without --commit
    with transaction.atomic():
        out = io.StringIO()
        call_command(
            case.command, *paths, *case.command_options, "--commit", stdout=out
        )
        assert out.getvalue().strip().splitlines()[-1].startswith("Geïmporteerd.")
        by_command = case.state()
        transaction.set_rollback(True)
    assert case.state() == before
    response = curator_client.post(url(slug), case.post_data())
    assert response.context["report"].summary() == dry_run
    curator_client.post(url(slug), {"token": response.context["token"], "confirm": "1"})
    assert case.state() == by_command != before


@pytest.mark.parametrize("slug", KINDS)
def test_only_curators_may_upload_or_confirm(client, world, slug, django_user_model):
    case = CASES[slug]
    before = case.state()
    staff = django_user_model.objects.create_user(
        f"medewerker-{slug}", password="x", is_staff=True
    )
    for person in (None, staff):
        client.logout()
        if person:
            client.force_login(person)
        assert client.get(url(slug)).status_code == 302
        response = client.post(url(slug), case.post_data())
        assert response.status_code == 302
        assert "/beheer/login/" in response["Location"]
        client.post(url(slug), {"token": "0" * 32, "confirm": "1"})
    assert case.state() == before and not ImportLog.objects.exists()


def test_a_curator_without_the_admin_flag_gets_403(rf, curator, world):
    """The view asks the curator rule itself, not only the admin site."""
    from django.contrib import admin

    from geo.models import Gemeente
    from regions.admin.imports import import_view

    request = rf.get(url("postcodes"))
    request.user = type("Staff", (), {"is_superuser": False, "is_active": True})()
    with pytest.raises(PermissionDenied):
        import_view(admin.site._registry[Gemeente], request, "postcodes")


@pytest.mark.parametrize("slug", KINDS)
def test_a_tampered_or_expired_confirm_changes_nothing(curator_client, world, slug):
    case = CASES[slug]
    before = case.state()
    for tampered in ("é" * 32, "f" * 32):
        token = curator_client.post(url(slug), case.post_data()).context["token"]
        response = curator_client.post(
            url(slug), {"token": tampered, "confirm": "1"}, follow=True
        )
        assert "Deze import is verlopen" in response.content.decode()
    # The real token no longer works either: a tampered confirm ends the preview.
    curator_client.post(url(slug), {"token": token, "confirm": "1"})
    assert case.state() == before
    # Expired: the staged file was cleaned up (clean_staging) before the confirm.
    token = curator_client.post(url(slug), case.post_data()).context["token"]
    for staged in curator_client.session[f"import:{slug}"]["files"].values():
        staging.discard(staged)
    response = curator_client.post(
        url(slug), {"token": token, "confirm": "1"}, follow=True
    )
    assert "Deze import is verlopen" in response.content.decode()
    assert case.state() == before and not ImportLog.objects.exists()


@pytest.mark.parametrize("slug", KINDS)
def test_a_confirm_after_the_data_changed_validates_again(curator_client, world, slug):
    """A gemeente removed between preview and confirm: errors, nothing written."""
    case = CASES[slug]
    token = curator_client.post(url(slug), case.post_data()).context["token"]
    Gemeente.objects.filter(code="GM9001").update(code="GM9101")
    before = case.state()
    response = curator_client.post(url(slug), {"token": token, "confirm": "1"})
    if slug == "grenzen":  # GM9001 is simply new in a boundary file
        assert response.status_code == 302
        return
    html = response.content.decode()
    assert "kan niet worden geïmporteerd" in html and "GM9001" in html
    assert case.state() == before and not ImportLog.objects.exists()


def test_the_zone_upload_takes_either_file(curator_client, world):
    zorgkantoren = CASES["indelingen"].files(8)["zorgkantoren"]
    response = curator_client.post(
        url("indelingen"), {"zorgkantoren": upload(*zorgkantoren)}
    )
    assert response.context["report"].ok
    curator_client.post(
        url("indelingen"), {"token": response.context["token"], "confirm": "1"}
    )
    assert set(GemeenteZone.objects.values_list("layer", flat=True)) == {
        "zorgkantoorregio"
    }
    response = curator_client.post(url("indelingen"), {})
    assert "Kies minstens één bestand" in response.content.decode()


def test_the_changelist_links_to_every_import(curator_client, world):
    html = curator_client.get(reverse("admin:geo_gemeente_changelist")).content.decode()
    for slug in KINDS:
        assert f'href="{url(slug)}"' in html
    assert len(KINDS_BY_SLUG) == 5


@pytest.mark.parametrize("slug", KINDS)
def test_derived_data_is_rebuilt_once_on_confirm_only(
    curator_client, world, slug, monkeypatch
):
    from regions import services

    calls = []
    real = services.data_changed
    monkeypatch.setattr(services, "data_changed", lambda: calls.append(1) or real())
    response = curator_client.post(url(slug), CASES[slug].post_data(8))
    assert calls == []  # the preview rebuilds nothing
    curator_client.post(url(slug), {"token": response.context["token"], "confirm": "1"})
    assert calls == [1]
