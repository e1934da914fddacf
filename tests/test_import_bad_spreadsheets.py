"""Every bad spreadsheet a curator may upload gets a Dutch message they can act
on, through the admin page itself, and changes nothing: never a Python
exception text, a class name or a path of the server."""

import html
import re

import pytest
from django.conf import settings
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from geo.models import Gemeente
from regions.models import Activity, Region

from .conftest import REGION_B

pytestmark = pytest.mark.django_db

CSV_FORMAT = "0"
LEAKS = re.compile(
    r"Traceback|object has no attribute|<class |invalid literal|Value could not|"
    r"joined path|base path|Error\b|Exception|decimal\.|/tmp/|/work/"
)


def import_page(client, model: str, data: bytes, name="bestand.csv") -> str:
    app, _, model_name = model.partition(".")
    response = client.post(
        reverse(f"admin:{app}_{model_name}_import"),
        {
            "resource": "0",
            "format": CSV_FORMAT,
            "import_file": SimpleUploadedFile(name, data),
        },
    )
    assert response.status_code == 200
    assert not response.context.get("confirm_form"), "a bad file is never confirmable"
    text = html.unescape(response.content.decode())
    main = text[text.find("<main") :]  # the page's own content, not the admin menu
    assert not LEAKS.search(main), LEAKS.search(main)
    assert str(settings.MEDIA_ROOT) not in text and str(settings.BASE_DIR) not in text
    return main


def test_a_missing_key_column_is_named(curator_client, world):
    text = import_page(curator_client, "regions.region", b"naam,status\nB,geen\n")
    assert "Deze kolommen ontbreken: sleutel. Aanwezig: naam, status." in text


def test_a_missing_key_column_in_a_resource_without_required_columns(
    curator_client, world
):
    text = import_page(
        curator_client, "organisations.insurer", b"naam\nVerzekeraar X\n"
    )
    assert "Deze kolommen ontbreken: sleutel" in text


def test_a_semicolon_separated_csv_is_read(curator_client, world):
    """What Dutch Excel writes as CSV: semicolons."""
    response = curator_client.post(
        reverse("admin:regions_region_import"),
        {
            "resource": "0",
            "format": CSV_FORMAT,
            "import_file": SimpleUploadedFile(
                "excel.csv",
                "\ufeffsleutel;naam;status\nbeekdal;Beekdal;in_ontwikkeling\n".encode(),
            ),
        },
    )
    result = response.context["result"]
    assert not result.has_errors() and not result.has_validation_errors()
    assert result.totals["update"] == 1


def test_a_file_cell_naming_a_server_path_is_refused(curator_client, world):
    data = b"sleutel,naam,status,regioplan_bestand\nbeekdal,Beekdal,geen,/etc/passwd\n"
    text = import_page(curator_client, "regions.region", data)
    assert "is geen bestand van de regiokaart" in text
    assert Region.objects.get(slug=REGION_B).status == "niet_openbaar"


@pytest.mark.parametrize("path", ["../../settings.py", "regioplannen/bestaat-niet.pdf"])
def test_a_file_cell_outside_the_uploads_or_unknown_is_refused(
    curator_client, world, path
):
    data = f"sleutel,naam,status,regioplan_bestand\nbeekdal,Beekdal,geen,{path}\n"
    text = import_page(curator_client, "regions.region", data.encode())
    assert "is geen bestand van de regiokaart" in text


def test_the_exported_file_name_still_imports(curator_client, world):
    name = world.region_a.plan_document.name
    data = f"sleutel,naam,status,regioplan_bestand\naaland,Aaland,openbaar,{name}\n"
    response = curator_client.post(
        reverse("admin:regions_region_import"),
        {
            "resource": "0",
            "format": CSV_FORMAT,
            "import_file": SimpleUploadedFile("r.csv", data.encode()),
        },
    )
    assert not response.context["result"].has_validation_errors()


def test_a_date_that_cannot_be_read(curator_client, world):
    data = (
        b"id,regio,titel,begindatum\n"
        + f"{world.activity_a.pk},aaland,Titel,31-02-2025\n".encode()
    )
    text = import_page(curator_client, "regions.activity", data)
    assert "‘31-02-2025’ is geen datum; schrijf de datum als 2025-01-31" in text


def test_an_id_that_is_not_a_number(curator_client, world):
    before = Activity.objects.count()
    text = import_page(
        curator_client, "regions.activity", b"id,regio,titel\nabc,aaland,Titel\n"
    )
    assert "‘abc’ is geen geldige sleutel; gebruik de waarde uit een export." in text
    assert Activity.objects.count() == before


def test_an_invalid_choice_lists_the_valid_values(curator_client, world):
    text = import_page(
        curator_client,
        "regions.region",
        b"sleutel,naam,status\nbeekdal,Beekdal,blauw\n",
    )
    assert "Waarde 'blauw' is geen geldige keuze. Kies uit: " in text
    valid = [value for value, _label in Region._meta.get_field("status").choices]
    assert "Kies uit: " + ", ".join(valid) + "." in text


def test_a_superscript_digit_in_a_cbs_file(curator_client, world):
    response = curator_client.post(
        reverse("admin:geo_gemeente_import", args=["kerncijfers"]),
        {
            "file": SimpleUploadedFile("k.csv", "code,inwoners\nGM9001,2²\n".encode()),
            "year": 2025,
        },
    )
    text = html.unescape(response.content.decode())
    assert "'2²' is geen geheel getal (alleen de cijfers 0-9)." in text
    assert "invalid literal" not in text
    assert Gemeente.objects.get(code="GM9001").inwoners == 10_000
