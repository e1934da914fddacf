"""Bad files from a hurried curator: a Dutch message naming the place, nothing
changed, never a 500 — in the boundary and CBS figure imports."""

import json

import pytest

from geo.importers import BoundaryImport, KerncijfersImport
from geo.models import Gemeente

from .factories import square

pytestmark = pytest.mark.django_db


def snapshot():
    return list(Gemeente.objects.order_by("code").values())


def figures_refused(data: bytes, message: str):
    before = snapshot()
    report = KerncijfersImport(data, 2025).commit()
    assert not report.ok and not report.committed
    assert any(message in error for error in report.errors), report.errors
    assert snapshot() == before


@pytest.mark.parametrize("value", ["NaN", "nan", "Infinity", "-Infinity", "sNaN"])
def test_not_a_number_as_a_household_size(world, value):
    figures_refused(
        f"code,gem_huishoudensgrootte\nGM9001,{value}\n".encode(),
        "kolom 'gem_huishoudensgrootte'",
    )


def test_a_20_digit_inhabitant_count_is_refused_in_the_preview(world):
    figures_refused(
        b"code,inwoners\nGM9001,12345678901234567890\n",
        "Regel 2, kolom 'inwoners'",
    )


def test_a_cell_over_the_csv_field_limit(world):
    figures_refused(
        b"code,inwoners\nGM9001," + b"1" * 140_000 + b"\n",
        "te lang",
    )


def test_a_nul_byte_in_the_figures_file(world):
    figures_refused(b"code,inwoners\nGM9001,12\x000\n", "onleesbare tekens")


def boundary_file(tmp_path, features) -> str:
    path = tmp_path / "grenzen.geojson"
    path.write_text(json.dumps({"type": "FeatureCollection", "features": features}))
    return str(path)


def feature(code, name, geometry):
    return {
        "type": "Feature",
        "properties": {"code": code, "name": name},
        "geometry": geometry,
    }


def test_a_feature_without_geometry(world, tmp_path):
    path = boundary_file(
        tmp_path,
        [
            feature("GM9001", "Aastad", square(5.0, 52.1)),
            feature("GM9002", "Bergdorp", None),
        ],
    )
    before = snapshot()
    report = BoundaryImport(path).commit()
    assert not report.ok
    assert any("GM9002" in e and "geometrie is leeg" in e for e in report.errors)
    assert snapshot() == before


def test_a_nul_byte_in_a_gemeente_name(world, tmp_path):
    path = boundary_file(
        tmp_path, [feature("GM9001", "Aa\u0000stad", square(5.0, 52.1))]
    )
    before = snapshot()
    report = BoundaryImport(path).commit()
    assert not report.ok
    assert any("onleesbare tekens" in e for e in report.errors), report.errors
    assert snapshot() == before
