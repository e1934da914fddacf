"""manage.py import_kerncijfers: CBS figures from CSV, all or nothing."""

import pytest
from django.core.management import CommandError, call_command

from geo.importers import KerncijfersImport
from geo.models import Gemeente

from .helpers import FIXTURES, real_gemeenten_without_borders

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


def test_reimporting_the_same_file_changes_nothing(capsys):
    """The real CBS figures file, imported twice."""
    assert real_gemeenten_without_borders() == 342
    call_command("import_kerncijfers", str(CSV), "--year=2024", "--commit")
    assert " gewijzigd: 342, ongewijzigd: 0" in capsys.readouterr().out
    before = snapshot()
    assert Gemeente.objects.get(code="GM0363").inwoners == 931_298  # Amsterdam
    call_command("import_kerncijfers", str(CSV), "--year=2024", "--commit")
    assert "ongewijzigd: 342" in capsys.readouterr().out
    assert snapshot() == before


def test_new_year_updates_in_place(world):
    data = b"code;inwoners;gem_huishoudensgrootte\nGM9001;12000;2,4\n"
    report = KerncijfersImport(data, 2025).commit()
    assert report.ok
    aastad = Gemeente.objects.get(code="GM9001")
    assert aastad.inwoners == 12_000
    assert str(aastad.gem_huishoudensgrootte) == "2.4"
    assert aastad.kerncijfers_year == 2025
    assert aastad.aandeel_65plus == 20  # columns not in the file stay
    assert Gemeente.objects.get(code="GM9002").kerncijfers_year == 2024


def test_utf8_with_bom_is_fine(world):
    assert (
        KerncijfersImport("\ufeffcode,inwoners\nGM9001,1\n".encode(), 2025)
        .validate()
        .ok
    )


def test_latin1(world):
    refused("code,inwoners,naam\nGM9001,1,Wâlden\n".encode("latin-1"), "geen UTF-8")


def test_empty_file(world):
    refused(b"", "leeg")


def test_missing_code_column(world):
    refused(b"gemeente,inwoners\nGM9001,1\n", "Kolom 'code' ontbreekt")


def test_no_known_figures(world):
    refused(b"code,iets\nGM9001,1\n", "Geen enkele bekende kolom")


def test_unknown_code(world):
    refused(b"code,inwoners\nGM9999,1\n", "onbekende gemeentecode 'GM9999'")


def test_duplicate_code(world):
    refused(b"code,inwoners\nGM9001,1\nGM9001,2\n", "komt dubbel voor")


def test_formula_in_a_cell(world):
    refused(b"code,inwoners\nGM9001,=1+1\n", "formules zijn niet toegestaan")


def test_share_over_100_and_text_in_a_number(world):
    before = snapshot()
    report = KerncijfersImport(
        b"code,inwoners,aandeel_65plus\nGM9001,veel,120\nGM9002,1,10\n", 2025
    ).commit()
    assert (
        "Regel 2, kolom 'inwoners': 'veel' is geen geheel getal (alleen de cijfers "
        "0-9)." in report.errors
    )
    assert (
        "Regel 2, kolom 'aandeel_65plus': 120 is geen percentage (0 tot en met 100)."
        in report.errors
    )
    assert snapshot() == before  # the good row GM9002 is not imported either


def test_command_fails_loudly(world, tmp_path):
    path = tmp_path / "fout.csv"
    path.write_bytes(b"code,inwoners\nGM9999,1\n")
    with pytest.raises(CommandError, match="niets gewijzigd"):
        call_command("import_kerncijfers", str(path), "--year=2025", "--commit")
