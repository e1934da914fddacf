"""Curators import spreadsheets in the admin: preview, confirm, log."""

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from core.models import ImportLog
from regions.models import Region

from .conftest import REGION_B, REGION_C

pytestmark = pytest.mark.django_db

IMPORT = reverse("admin:regions_region_import")
PROCESS = reverse("admin:regions_region_process_import")
CSV_FORMAT = "0"
XLSX_FORMAT = "1"


def upload(client, data: bytes, name="regios.csv", fmt=CSV_FORMAT):
    return client.post(
        IMPORT,
        {
            "resource": "0",
            "format": fmt,
            "import_file": SimpleUploadedFile(name, data),
        },
    )


def regions_csv(client) -> str:
    response = client.post(
        reverse("admin:regions_region_export"),
        {
            "format": CSV_FORMAT,
            "resource": "0",
            **{
                f"regionresource_{f}": "on"
                for f in (
                    "slug",
                    "name",
                    "status",
                    "preferred_insurer",
                    "plan_url",
                    "plan_document",
                    "plan_start_year",
                    "plan_end_year",
                    "patients_involved",
                    "non_practice_holders_involved",
                    "description",
                    "is_demo",
                )
            },
        },
    )
    assert response.status_code == 200, response.content[:500]
    return response.content.decode("utf-8-sig")


def test_preview_shows_each_row_then_confirm_imports_and_logs(
    curator_client, curator, world
):
    text = regions_csv(curator_client)
    assert text.startswith("sleutel,naam,status")
    assert "beekdal,Beekdal,niet_openbaar" in text
    text = text.replace(
        "beekdal,Beekdal,niet_openbaar", "beekdal,Beekdal,in_ontwikkeling"
    )
    response = upload(curator_client, text.encode("utf-8-sig"), "bewerkt.csv")
    assert response.status_code == 200
    result = response.context["result"]
    assert result.totals["update"] == 1 and result.totals["skip"] == 2
    html = response.content.decode()
    assert "in_ontwikkeling" in html
    assert Region.objects.get(slug=REGION_B).status == "niet_openbaar"  # preview only

    confirm = response.context["confirm_form"].initial
    response = curator_client.post(PROCESS, {**confirm, "resource": "0"}, follow=True)
    assert response.status_code == 200
    assert Region.objects.get(slug=REGION_B).status == "in_ontwikkeling"
    log = ImportLog.objects.get()
    assert (log.user, log.file_name, log.updated, log.unchanged) == (
        curator,
        "bewerkt.csv",
        1,
        2,
    )
    assert (
        curator_client.get(reverse("admin:core_importlog_changelist")).status_code
        == 200
    )


def test_errors_are_listed_per_row_and_block_the_import(curator_client, world):
    data = b"sleutel,naam,status\nbeekdal,Beekdal,half af\n"
    response = upload(curator_client, data)
    html = response.content.decode()
    assert (
        "Regel 2, kolom <code>status</code>: Waarde &#x27;half af&#x27; is geen "
        "geldige keuze." in html
    )
    assert "confirm_form" not in response.context or not response.context.get(
        "confirm_form"
    )
    assert "Traceback" not in html
    assert Region.objects.get(slug=REGION_B).status == "niet_openbaar"


def test_file_level_error_has_no_traceback(curator_client, world):
    response = upload(curator_client, b"sleutel,naam\nbeekdal,Beekdal\n")
    html = response.content.decode()
    assert "Deze kolommen ontbreken: status." in html
    assert "Traceback" not in html and 'class="traceback"' not in html


def test_latin1_gets_a_dutch_message(curator_client, world):
    data = "sleutel,naam,status\nceeland,Ceelân,geen\n".encode("latin-1")
    response = upload(curator_client, data)
    assert "Het bestand is geen UTF-8" in response.content.decode()
    assert Region.objects.get(slug=REGION_C).status == "in_ontwikkeling"


def test_utf8_with_bom_is_read(curator_client, world):
    data = "\ufeffsleutel,naam,status\nceeland,Ceelân,geen\n".encode()
    response = upload(curator_client, data)
    assert response.context["result"].totals["update"] == 1


def test_not_an_xlsx(curator_client, world):
    response = upload(curator_client, b"no zip here", "regios.xlsx", XLSX_FORMAT)
    assert (
        "kan niet worden gelezen als het gekozen formaat" in response.content.decode()
    )
