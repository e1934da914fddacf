"""manage.py import_kerncijfers: CBS figures from CSV, all or nothing."""

import pytest
from django.core.management import CommandError, call_command

from geo.importers import KerncijfersImport
from geo.models import Gemeente

from .helpers import FIXTURES

pytestmark = pytest.mark.django_db

CSV = FIXTURES / "gemeenten_kerncijfers.csv"


def snapshot():
    return list(
        Gemeente.objects.order_by("code").values_list(
            "code",
            "inwoners",
            "aandeel_65plus",
            "gem_huishoudensgrootte",
            "kerncijfers_year",
        )
    )


def refused(data: bytes, message: str):
    before = snapshot()
    report = KerncijfersImport(data, 2025).commit()
    assert not report.ok and not report.committed
    assert any(message in error for error in report.errors), report.errors
    assert snapshot() == before


def test_reimporting_the_same_file_changes_nothing(demo, tmp_path, capsys):
    call_command("import_kerncijfers", str(CSV), "--year=2024", "--commit")
    assert "ongewijzigd: 342" in capsys.readouterr().out


def test_new_year_updates_in_place(demo, tmp_path):
    data = b"code;inwoners;gem_huishoudensgrootte\nGM0363;940000;1,8\n"
    report = KerncijfersImport(data, 2025).commit()
    assert report.ok
    amsterdam = Gemeente.objects.get(code="GM0363")
    assert amsterdam.inwoners == 940_000
    assert str(amsterdam.gem_huishoudensgrootte) == "1.8"
    assert amsterdam.kerncijfers_year == 2025
    assert amsterdam.aandeel_65plus is not None  # columns not in the file stay


def test_utf8_with_bom_is_fine(demo):
    assert (
        KerncijfersImport("\ufeffcode,inwoners\nGM0363,1\n".encode(), 2025)
        .validate()
        .ok
    )


def test_latin1(demo):
    refused("code,inwoners,naam\nGM0363,1,Fryslân\n".encode("latin-1"), "geen UTF-8")


def test_empty_file(demo):
    refused(b"", "leeg")


def test_missing_code_column(demo):
    refused(b"gemeente,inwoners\nGM0363,1\n", "Kolom 'code' ontbreekt")


def test_no_known_figures(demo):
    refused(b"code,iets\nGM0363,1\n", "Geen enkele bekende kolom")


def test_unknown_code(demo):
    refused(b"code,inwoners\nGM9999,1\n", "onbekende gemeentecode 'GM9999'")


def test_duplicate_code(demo):
    refused(b"code,inwoners\nGM0363,1\nGM0363,2\n", "komt dubbel voor")


def test_formula_in_a_cell(demo):
    refused(b"code,inwoners\nGM0363,=1+1\n", "formules zijn niet toegestaan")


def test_share_over_100_and_text_in_a_number(demo):
    before = snapshot()
    report = KerncijfersImport(
        b"code,inwoners,aandeel_65plus\nGM0363,veel,120\nGM0014,1,10\n", 2025
    ).commit()
    assert "Regel 2, kolom 'inwoners': 'veel' is geen geheel getal." in report.errors
    assert (
        "Regel 2, kolom 'aandeel_65plus': 120 is geen percentage (0 tot en met 100)."
        in report.errors
    )
    assert snapshot() == before  # the good row GM0014 is not imported either


def test_command_fails_loudly(demo, tmp_path):
    path = tmp_path / "fout.csv"
    path.write_bytes(b"code,inwoners\nGM9999,1\n")
    with pytest.raises(CommandError, match="niets gewijzigd"):
        call_command("import_kerncijfers", str(path), "--year=2025", "--commit")
