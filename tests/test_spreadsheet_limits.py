"""Spreadsheet imports refuse what would exhaust a worker or slip a formula
through, with a Dutch message, and leave no upload behind."""

import io
import os
import time
import zipfile

import pytest
import tablib
from django.core.management import call_command
from django.test import override_settings

from core import staging
from core.spreadsheets import escape_formula
from regions.models import Region
from regions.resources import RegionResource

from .test_admin_data_import import CSV_FORMAT, PROCESS, XLSX_FORMAT, upload

pytestmark = pytest.mark.django_db

HEADER = "sleutel,naam,status\n"


def errors(response) -> str:
    return response.content.decode()


def test_a_zip_bomb_xlsx_is_refused_before_it_is_unpacked(curator_client, world):
    bomb = io.BytesIO()
    with zipfile.ZipFile(bomb, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("xl/worksheets/sheet1.xml", b"\0" * (30 * 1024 * 1024))
    assert len(bomb.getvalue()) < 100_000
    response = upload(curator_client, bomb.getvalue(), "regios.xlsx", XLSX_FORMAT)
    assert response.status_code == 200
    assert "uitgepakt" in errors(response) and "het maximum is" in errors(response)


def test_a_file_that_is_not_xlsx_is_named_as_such(curator_client, world):
    response = upload(curator_client, b"geen zip", "regios.xlsx", XLSX_FORMAT)
    assert "het is geen XLSX-bestand" in errors(response)


@override_settings(IMPORT_MAX_ROWS=5)
def test_too_many_rows_are_refused_before_the_preview(curator_client, world):
    rows = "".join(f"r{n},Regio {n},onbekend\n" for n in range(6))
    response = upload(curator_client, (HEADER + rows).encode())
    assert "per keer kunnen er hooguit 5" in errors(response)
    assert not Region.objects.filter(slug="r0").exists()


def test_a_cell_over_the_csv_field_limit_is_refused(curator_client, world):
    data = HEADER + f"lang,{'x' * 140_000},onbekend\n"
    response = upload(curator_client, data.encode())
    assert response.status_code == 200
    assert "te lang of onleesbaar" in errors(response)


def load(text: str):
    dataset = tablib.Dataset().load(text, format="csv")
    return RegionResource().import_data(dataset, dry_run=True)


def row_errors(result) -> str:
    return " ".join(
        str(message)
        for row in result.invalid_rows
        for messages in row.error_dict.values()
        for message in messages
    )


@pytest.mark.parametrize("cell", ["\t=1+1", "\r=HYPERLINK(1)", " =SUM(A1)", "\t+1"])
def test_formulas_behind_a_tab_or_cr_are_refused(world, cell):
    result = load(HEADER + f'nieuw,"{cell}",onbekend\n')
    assert "formules zijn niet toegestaan" in row_errors(result)


def test_a_nul_byte_in_a_cell_is_refused(world):
    result = load(HEADER + "nieuw,Re\x00gio,onbekend\n")
    assert "NUL-teken" in row_errors(result)


@override_settings(IMPORT_MAX_CELL_CHARS=20)
def test_a_cell_longer_than_the_limit_is_refused(world):
    result = load(HEADER + f"nieuw,{'n' * 21},onbekend\n")
    assert "de cel is te lang (21 tekens; het maximum is 20)" in row_errors(result)


@pytest.mark.parametrize("value", ["=1+1", "+31", "-2", "@SUM", "\t=1", "\r=1"])
def test_exports_make_every_formula_prefix_inert(value):
    assert escape_formula(value) == "'" + value


def test_a_confirmed_import_leaves_no_upload_behind(curator_client, world):
    before = set(os.listdir(staging._folder()))
    preview = upload(
        curator_client, (HEADER + "nieuw,Nieuwe regio,onbekend\n").encode()
    )
    assert set(os.listdir(staging._folder())) - before  # the preview keeps the file
    form = preview.context["confirm_form"]
    response = curator_client.post(
        PROCESS, {**form.initial, "format": CSV_FORMAT, "resource": "0"}
    )
    assert response.status_code == 302
    assert Region.objects.filter(slug="nieuw").exists()
    assert set(os.listdir(staging._folder())) == before


def test_clean_staging_removes_previews_nobody_confirmed(curator_client, world, capsys):
    upload(curator_client, (HEADER + "nieuw,Nieuwe regio,onbekend\n").encode())
    old = max(staging._folder().iterdir(), key=lambda p: p.stat().st_mtime)
    an_hour_ago = time.time() - 3600
    os.utime(old, (an_hour_ago, an_hour_ago))
    call_command("clean_staging", "--hours=0.5")
    assert old.exists()  # a dry run
    call_command("clean_staging", "--hours=0.5", "--commit")
    assert not old.exists()
    assert "verwijderd" in capsys.readouterr().out
