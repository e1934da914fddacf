"""The workbook (regions.workbook): one XLSX, every sheet imported at once, all
or nothing, the map rebuilt once, version-checked between preview and confirm,
curators only; and the sample workbook imports on a freshly set-up site."""

import io
import itertools
from pathlib import Path

import pytest
from django.conf import settings
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management import CommandError, call_command
from django.db import models
from django.urls import reverse
from import_export import widgets
from openpyxl import load_workbook

from core import generation
from core.models import ImportLog
from core.spreadsheets import KeysWidget, KeyWidget, SpreadsheetRefused
from geo.models import Gemeente
from organisations.models import ContactPerson, Insurer, Organisation
from regions import services, workbook
from regions.models import GemeenteMove, Region, RegionGemeente, StatusChange

from .conftest import REGION_A, REGION_B

pytestmark = pytest.mark.django_db

IMPORT_URL = "admin:regions_region_workbook"
DOWNLOAD_URL = "admin:regions_region_workbook_download"


def rows_of(data: bytes) -> dict[str, list[dict]]:
    """The workbook's sheets as lists of rows by header (the Toelichting left out)."""
    book = load_workbook(io.BytesIO(data))
    sheets = {}
    for ws in book.worksheets[1:]:
        values = list(ws.iter_rows(values_only=True))
        headers = list(values[0])
        sheets[ws.title] = [dict(zip(headers, row, strict=True)) for row in values[1:]]
    return sheets


def book_of(sheets: dict[str, list[dict]]) -> bytes:
    """A workbook with these rows (missing sheets: headers only)."""
    return workbook.export_workbook(sample=sheets)


def run(data: bytes, commit: bool, **kwargs) -> workbook.WorkbookReport:
    return workbook.import_workbook(
        workbook.read_workbook(data), commit=commit, **kwargs
    )


def counts() -> dict:
    """Rows and history rows of everything the workbook writes."""
    tables = [Insurer, Organisation, ContactPerson, Region, RegionGemeente]
    state = {m.__name__: m.objects.count() for m in tables}
    for model in (Organisation, ContactPerson, Region):
        state[f"{model.__name__} history"] = model.history.count()
    state["moves"] = GemeenteMove.objects.count()
    state["status changes"] = StatusChange.objects.count()
    state["import log"] = ImportLog.objects.count()
    return state


@pytest.fixture
def people(world):
    public = ContactPerson.objects.create(
        organisation=world.organisation_a,
        name="Petra Publiek",
        function="Coördinator",
        email="petra@example.org",
        is_public=True,
    )
    private = ContactPerson.objects.create(
        organisation=world.organisation_a,
        name="Geheime Gerrit",
        email="gerrit@example.org",
        phone="00-GEHEIM",
    )
    return public, private


def test_an_unchanged_export_re_imports_as_unchanged(world, people):
    data = workbook.export_workbook()
    report = run(data, commit=True)
    assert report.ok, report.all_errors
    for sheet in report.sheets:
        assert sheet.present, sheet.name
        assert (sheet.new, sheet.changed, sheet.error_count) == (0, 0, 0), sheet.name
        assert sheet.unchanged > 0, sheet.name
    # Nothing was written, so nothing new in the history either.
    before = counts()
    assert run(data, commit=True).ok
    after = counts()
    assert {k: v for k, v in after.items() if k != "import log"} == {
        k: v for k, v in before.items() if k != "import log"
    }


def test_an_error_on_the_last_sheet_writes_nothing_on_any_sheet(world, people):
    sheets = rows_of(workbook.export_workbook())
    sheets["zorgverzekeraars"][0]["naam"] = "Verzekeraar Noord en West"
    sheets["organisaties"][0]["plaats"] = "Nieuwstad"
    sheets["contactpersonen"][0]["functie"] = "Voorzitter"
    sheets["regio's"][0]["toelichting"] = "Anders"
    sheets["samenstelling"][0]["regio"] = "bestaat-niet"  # the last sheet
    before = counts()
    report = run(book_of(sheets), commit=True)
    assert not report.ok
    assert report.by_name("zorgverzekeraars").changed == 1  # it would change...
    assert any(
        "samenstelling" in e and "bestaat-niet" in e for e in report.all_errors
    ), report.all_errors
    assert counts() == before  # ...but nothing was written
    assert Insurer.objects.filter(name="Verzekeraar Noord en West").count() == 0
    assert not report.committed


def test_the_map_is_rebuilt_once_on_commit_and_never_on_a_dry_run(
    world, people, monkeypatch
):
    rebuilt = []
    real = services.layer.refresh_regions_layer
    monkeypatch.setattr(
        services.layer,
        "refresh_regions_layer",
        lambda: rebuilt.append(1) or real(),
    )
    sheets = rows_of(workbook.export_workbook())
    sheets["zorgverzekeraars"][0]["naam"] = "Verzekeraar Noord en West"
    sheets["organisaties"][0]["plaats"] = "Nieuwstad"
    sheets["regio's"][0]["status"] = "geen"
    gemeente = sheets["samenstelling"][0]
    gemeente["regio"] = REGION_B if gemeente["regio"] != REGION_B else REGION_A
    data = book_of(sheets)
    start = generation.current()
    report = run(data, commit=False)
    assert report.ok, report.all_errors
    assert report.by_name("samenstelling").changed == 1
    assert (generation.current(), rebuilt) == (start, [])
    report = run(data, commit=True)
    assert report.ok and report.committed
    assert (generation.current(), len(rebuilt)) == (start + 1, 1)


def _distinct_value(doc, field, model_field, counter, current, keys):
    """A valid value for this column that no other column of the row has."""
    n = next(counter)
    widget = field.widget
    if isinstance(widget, widgets.BooleanWidget):
        return "1" if str(current) in ("0", "", "None") else "0"
    if isinstance(widget, KeysWidget):
        return ";".join(keys["regio's"][:2]) if n % 2 else keys["regio's"][2]
    if isinstance(widget, KeyWidget):
        sheet = workbook.SHEET_OF_MODEL[widget.model].name
        return next(k for k in keys[sheet] if k != current)
    if model_field is not None and model_field.choices:
        values = [v for v, _label in model_field.choices if v and v != current]
        return values[n % len(values)]
    if isinstance(model_field, models.FileField):
        return Region.objects.exclude(plan_document="").first().plan_document.name
    if isinstance(model_field, models.URLField):
        return f"https://example.org/kolom-{n}"
    if isinstance(model_field, models.EmailField):
        return f"kolom-{n}@example.org"
    if isinstance(model_field, models.IntegerField):
        return str(2030 + n)
    if doc.header == "postcode":
        return "1234 AB"
    if doc.header == "kvk":
        return "87654321"
    return f"waarde {n}"


def test_every_column_of_every_sheet_is_imported_and_read_back(world, people):
    """Walks the Toelichting: every importable column of every sheet gets a
    distinct value on one new (or, for the composition, moved) row."""
    base = rows_of(workbook.export_workbook())
    counter = itertools.count(1)
    new_keys = {
        "zorgverzekeraars": "nieuwe-verzekeraar",
        "organisaties": "nieuwe-organisatie",
        "regio's": "nieuwe-regio",
    }
    keys = {
        "zorgverzekeraars": ["noord", "zuid"],
        "organisaties": [
            o.slug for o in world.organisations if o.slug != "huisartsen-aaland"
        ],
        "regio's": [REGION_A, REGION_B, world.region_c.slug],
    }
    written = {}
    sheets = {}
    for sheet in workbook.SHEETS:
        resource = sheet.resource_class()
        fields_by_header = {f.column_name: f for f in resource.get_export_fields()}
        row = {}
        for doc in workbook.column_docs(sheet):
            if not doc.imported:
                continue
            field = fields_by_header[doc.header]
            model_field = workbook._model_field(resource, field)
            row[doc.header] = _distinct_value(
                doc, field, model_field, counter, None, keys
            )
        if sheet.name in new_keys:
            row["sleutel"] = new_keys[sheet.name]
        if sheet is workbook.CONTACTS:
            row["organisatie"] = "nieuwe-organisatie"
        if sheet is workbook.ORGANISATIONS:
            row["regionale_organisatie_van"] = "nieuwe-regio"
            row["regios"] = ";".join(sorted(["nieuwe-regio", REGION_B]))
        if sheet is workbook.REGIONS:
            row["regionale_organisatie"] = "nieuwe-organisatie"
            row["zorgverzekeraar"] = "nieuwe-verzekeraar"
            row["regioplan_vanaf"], row["regioplan_tot_en_met"] = "2031", "2033"
        if sheet is workbook.COMPOSITION:
            row["gemeentecode"] = base["samenstelling"][0]["gemeentecode"]
            row["regio"] = "nieuwe-regio"
        row = {k: v for k, v in row.items() if k != "versie"}
        written[sheet.name] = row
        sheets[sheet.name] = [row]
    report = run(book_of(sheets), commit=True)
    assert report.ok, report.all_errors
    after = rows_of(workbook.export_workbook())
    for sheet in workbook.SHEETS:
        row = written[sheet.name]
        resource = sheet.resource_class()
        key = workbook.key_headers(resource)
        found = [
            r for r in after[sheet.name] if all(str(r[k]) == str(row[k]) for k in key)
        ]
        assert len(found) == 1, sheet.name
        for header, value in row.items():
            assert workbook._norm(found[0][header]) == workbook._norm(value), (
                sheet.name,
                header,
            )
    docs = [d for s in workbook.SHEETS for d in workbook.column_docs(s)]
    assert {d.sheet for d in docs} == {s.name for s in workbook.SHEETS}
    assert all(
        d.header in written[d.sheet]
        for d in docs
        if d.imported and d.header != "versie"
    )


def test_a_stale_preview_is_refused_and_writes_nothing(world, people, curator_client):
    sheets = rows_of(workbook.export_workbook())
    sheets["organisaties"][0]["plaats"] = "Nieuwstad"
    upload = SimpleUploadedFile(workbook.FILE_NAME, book_of(sheets))
    url = reverse(IMPORT_URL)
    preview = curator_client.post(url, {"werkboek": upload})
    assert preview.status_code == 200
    token = preview.context["token"]
    assert "Nieuwstad" in preview.content.decode()
    # Someone else edits a region on the regions sheet after the preview.
    region = Region.objects.get(slug=REGION_A)
    region.description = "Intussen gewijzigd"
    region.save()
    before = counts()
    response = curator_client.post(url, {"confirm": "1", "token": token})
    page = response.content.decode()
    assert "na de proefimport gewijzigd" in page
    assert "Er is niets geïmporteerd" in page
    assert counts() == before
    assert not Organisation.objects.filter(city="Nieuwstad").exists()
    # The token was used: confirming again is refused too.
    again = curator_client.post(url, {"confirm": "1", "token": token}, follow=True)
    assert "niet meer geldig" in again.content.decode()


def test_the_admin_preview_then_confirm_writes_everything(
    world, people, curator_client
):
    sheets = rows_of(workbook.export_workbook())
    sheets["organisaties"][0]["plaats"] = "Nieuwstad"
    url = reverse(IMPORT_URL)
    preview = curator_client.post(
        url, {"werkboek": SimpleUploadedFile("w.xlsx", book_of(sheets))}
    )
    page = preview.content.decode()
    assert "Per blad" in page and "Import bevestigen" in page
    assert not Organisation.objects.filter(city="Nieuwstad").exists()
    response = curator_client.post(
        url, {"confirm": "1", "token": preview.context["token"]}, follow=True
    )
    assert response.redirect_chain[-1][0] == reverse("admin:regions_region_changelist")
    assert Organisation.objects.filter(city="Nieuwstad").count() == 1
    assert ImportLog.objects.filter(model="organisaties", updated=1).exists()


def test_the_workbook_is_for_curators_only(client, world, cast):
    for url in (reverse(IMPORT_URL), reverse(DOWNLOAD_URL)):
        assert client.get(url).status_code == 302  # to the login
        client.force_login(cast["editor_a"])
        assert client.get(url).status_code == 302
        client.logout()
    client.force_login(cast["curator"])
    response = client.get(reverse(DOWNLOAD_URL) + "?leeg=1")
    assert response.status_code == 200
    assert workbook.FILE_NAME in response["Content-Disposition"]
    empty = rows_of(response.content)
    assert list(empty) == [s.name for s in workbook.SHEETS]
    assert all(rows == [] for rows in empty.values())
    link = client.get(reverse("admin:regions_region_changelist")).content.decode()
    assert reverse(IMPORT_URL) in link


def test_the_toelichting_lists_every_column_with_its_allowed_values():
    book = load_workbook(io.BytesIO(workbook.export_workbook(empty=True)))
    assert book.sheetnames[0] == "Toelichting"
    guide = [tuple(r) for r in book["Toelichting"].iter_rows(values_only=True)]
    listed = {(r[0], r[1]) for r in guide if r[0] and r[1] and len(r) >= 5}
    for sheet in workbook.SHEETS:
        for header in book[sheet.name][1]:
            assert (sheet.name, header.value) in listed
    status = next(r for r in guide if r[:2] == ("regio's", "status"))
    assert status[2] == "ja" and "openbaar" in status[4] and "geen" in status[4]


def test_unknown_sheets_and_missing_columns_are_refused_in_dutch(world):
    book = load_workbook(io.BytesIO(workbook.export_workbook()))
    book.create_sheet("Blad1")
    out = io.BytesIO()
    book.save(out)
    with pytest.raises(SpreadsheetRefused, match="Onbekend blad: ‘Blad1’"):
        workbook.read_workbook(out.getvalue())
    before = counts()
    # Blank the header of a required column.
    book = load_workbook(io.BytesIO(workbook.export_workbook()))
    ws = book["organisaties"]
    for cell in ws[1]:
        if cell.value == "soort":
            cell.value = None
    out = io.BytesIO()
    book.save(out)
    report = run(out.getvalue(), commit=True)
    assert not report.ok
    assert any("soort" in e and "ontbreken" in e for e in report.all_errors)
    assert counts() == before


def test_a_missing_sheet_is_skipped(world):
    report = run(
        book_of(
            {"zorgverzekeraars": [{"sleutel": "west", "naam": "Verzekeraar West"}]}
        ),
        commit=True,
    )
    assert report.ok and report.committed
    assert report.by_name("zorgverzekeraars").new == 1
    assert not report.by_name("regio's").present
    assert Insurer.objects.filter(slug="west").exists()


def test_the_regions_sheet_imports_the_lead_organisation(world):
    sheets = rows_of(workbook.export_workbook())
    region = next(r for r in sheets["regio's"] if r["sleutel"] == REGION_A)
    region["regionale_organisatie"] = "bestaat-niet"
    report = run(book_of({"regio's": [region]}), commit=True)
    assert any(
        "onbekende organisatie 'bestaat-niet'" in e for e in report.all_errors
    ), report.all_errors
    region["regionale_organisatie"] = "ros-midden"
    assert run(book_of({"regio's": [region]}), commit=True).ok
    assert Region.objects.get(slug=REGION_A).regional_organisation.slug == "ros-midden"


def test_the_two_lead_columns_must_agree(world):
    sheets = rows_of(workbook.export_workbook())
    region = next(r for r in sheets["regio's"] if r["sleutel"] == REGION_A)
    region["regionale_organisatie"] = "ros-midden"  # the organisations sheet
    before = counts()  # still says huisartsen-aaland
    report = run(book_of(sheets), commit=True)
    assert not report.ok
    assert any(
        "regionale_organisatie_van" in e and "ros-midden" in e
        for e in report.all_errors
    ), report.all_errors
    assert counts() == before
    # Made equal on both sheets, it imports.
    for org in sheets["organisaties"]:
        if org["sleutel"] == "huisartsen-aaland":
            org["regionale_organisatie_van"] = ""
        if org["sleutel"] == "ros-midden":
            org["regionale_organisatie_van"] = REGION_A
    assert run(book_of(sheets), commit=True).ok
    assert Region.objects.get(slug=REGION_A).regional_organisation.slug == "ros-midden"


def test_the_command_is_a_dry_run_unless_commit(world, tmp_path, capsys):
    sheets = rows_of(workbook.export_workbook())
    sheets["organisaties"][0]["plaats"] = "Nieuwstad"
    path = tmp_path / "werkboek.xlsx"
    path.write_bytes(book_of(sheets))
    call_command("import_werkboek", str(path))
    out = capsys.readouterr().out
    assert "organisaties: 0 nieuw, 1 gewijzigd" in out and "Proefimport" in out
    assert not Organisation.objects.filter(city="Nieuwstad").exists()
    call_command("import_werkboek", str(path), "--commit")
    assert Organisation.objects.filter(city="Nieuwstad").exists()
    sheets["regio's"][0]["status"] = "half"
    path.write_bytes(book_of(sheets))
    with pytest.raises(CommandError, match="niets geïmporteerd"):
        call_command("import_werkboek", str(path), "--commit")
    assert "Kies uit" in capsys.readouterr().err


def test_the_sample_workbook_imports_on_a_freshly_set_up_site(client):
    """Only setup_site (real gemeenten, no demo data), then the sample."""
    call_command("setup_site")
    sample = Path(settings.BASE_DIR) / "fixtures" / "voorbeeld-werkboek.xlsx"
    call_command("import_werkboek", str(sample), "--commit")
    rows = rows_of(sample.read_bytes())
    assert Organisation.objects.count() == len(rows["organisaties"])
    assert set(Organisation.objects.values_list("type", flat=True)) == set(
        Organisation.Type.values
    )
    assert not Organisation.objects.filter(is_demo=False).exists()
    assert not ContactPerson.objects.filter(is_demo=False).exists()
    assert all("(voorbeeld)" in p.name for p in ContactPerson.objects.all())
    assert all(p.email.endswith("@example.org") for p in ContactPerson.objects.all())
    assert ContactPerson.objects.filter(is_public=False).exists()
    guide = load_workbook(sample)["Toelichting"]
    assert any("VOORBEELD" in str(c.value) for c in guide["A"])
    # A region page shows its published person, never the unpublished one.
    region = Region.objects.get(slug="voorbeeld-arnhem-ede")
    page = client.get(region.get_absolute_url()).content.decode()
    assert "Anna de Vries (voorbeeld)" in page
    assert "Bram Jansen" not in page
    organisation = Organisation.objects.get(slug="voorbeeld-huisartsen-arnhem-ede")
    page = client.get(f"/organisatie/{organisation.slug}/").content.decode()
    assert "Anna de Vries (voorbeeld)" in page and "Bram Jansen" not in page
    search = client.get("/zoek/", {"q": "6811"}).content.decode()
    assert "Regio Arnhem en Ede (voorbeeld)" in search
    assert Gemeente.objects.get(code="GM0202").region_link.region == region
