"""manage.py import_gemeenten: any format, any CRS, and nothing half-imported."""

import json
import zipfile

import geopandas
import pytest
import shapely
from django.core.management import CommandError, call_command
from shapely.geometry import Point, Polygon

from geo import geometry
from geo.importers import Action, BoundaryImport
from geo.models import Gemeente
from regions import services
from regions.models import Region

from .helpers import FIXTURES, boundary_frame

pytestmark = pytest.mark.django_db

GPKG = FIXTURES / "gemeenten_rd.gpkg"
GEOJSON = FIXTURES / "gemeenten.geojson"


def snapshot():
    return list(
        Gemeente.objects.order_by("code").values_list(
            "code", "name", "province", "geometry", "region_link__region_id", "area_km2"
        )
    )


def import_fails(path, message, **options):
    """The import refuses the file with this message and changes nothing."""
    before = snapshot()
    with pytest.raises(CommandError):
        call_command("import_gemeenten", str(path), "--commit", **options)
    report = BoundaryImport(path).validate()
    assert not report.ok
    assert any(message in error for error in report.errors), report.errors
    assert snapshot() == before


def frame(n=8):
    """The synthetic world's gemeenten as a boundary file has them, in RD New."""
    return boundary_frame(crs=28992).head(n)


def test_dry_run_reports_and_changes_nothing(world, tmp_path, capsys):
    path = tmp_path / "gemeenten.gpkg"
    frame().to_file(path)
    before = snapshot()
    call_command("import_gemeenten", str(path))
    out = capsys.readouterr().out
    assert "Proefimport, niets opgeslagen" in out
    assert "ongewijzigd: 8" in out
    assert snapshot() == before


def test_rd_new_geopackage_agrees_with_the_geojson_within_10_cm(capsys):
    """The real CBS files in fixtures/: the GeoPackage in RD New and the GeoJSON."""
    assert not Gemeente.objects.exists()
    report = BoundaryImport(GPKG).commit()
    assert report.ok and report.committed
    assert report.count(Action.NEW) == 342
    reference = geopandas.read_file(GEOJSON).set_index("code").to_crs(28992)
    imported = (
        geopandas.GeoDataFrame(
            {"code": [g.code for g in Gemeente.objects.all()]},
            geometry=[geometry.to_shape(g.geometry) for g in Gemeente.objects.all()],
            crs=4326,
        )
        .set_index("code")
        .to_crs(28992)
    )
    distances = [
        imported.geometry[code].hausdorff_distance(reference.geometry[code])
        for code in reference.index
    ]
    assert max(distances) < 0.1
    assert Gemeente.objects.get(code="GM0363").province == "Noord-Holland"
    # Within the stored precision, too: the GeoJSON finds nothing to change.
    call_command("import_gemeenten", str(GEOJSON))
    assert "ongewijzigd: 342" in capsys.readouterr().out


def test_changed_boundary_and_name_update_in_place_and_rebuild_the_region(
    world, tmp_path
):
    data = frame()
    index = data.index[data.code == "GM9007"][0]  # Ceestad, all of Ceeland
    data.loc[index, "name"] = "Ceestad-Noord"
    data.loc[index, "geometry"] = data.geometry[index].buffer(500)
    path = tmp_path / "gewijzigd.gpkg"
    data.to_file(path)
    report = BoundaryImport(path).validate()
    changed = [c for c in report.changes if c.action == Action.CHANGED]
    assert [(c.code, c.fields) for c in changed] == [("GM9007", ["naam", "grens"])]
    region = Region.objects.get(slug="ceeland")
    area_before = geometry.to_shape(region.geometry).area
    call_command("import_gemeenten", str(path), "--commit")
    region.refresh_from_db()
    assert Gemeente.objects.get(code="GM9007").name == "Ceestad-Noord"
    assert geometry.to_shape(region.geometry).area > area_before


def test_zipped_shapefile_with_other_column_names(world, tmp_path, capsys):
    data = frame().rename(columns={"code": "statcode", "name": "statnaam"})
    shp = tmp_path / "shp"
    shp.mkdir()
    data.to_file(shp / "gemeenten.shp")
    archive = tmp_path / "gemeenten.zip"
    with zipfile.ZipFile(archive, "w") as zf:
        for part in shp.iterdir():
            zf.write(part, part.name)
    call_command(
        "import_gemeenten",
        str(archive),
        "--code-column=statcode",
        "--name-column=statnaam",
    )
    assert "ongewijzigd: 8" in capsys.readouterr().out


def test_gemeente_missing_from_file_is_kept_while_a_region_uses_it(world, tmp_path):
    path = tmp_path / "zonder-ceestad.gpkg"
    data = frame()
    data[data.code != "GM9007"].to_file(path)
    in_use = services.gemeente_codes_in_use()
    report = BoundaryImport(path, in_use=in_use).commit()
    assert report.count(Action.IN_USE) == 1
    assert report.count(Action.UNCHANGED) == 7
    assert Gemeente.objects.filter(code="GM9007").exists()
    # A gemeente no region uses goes.
    services.move_gemeenten({world.gemeente("Ceestad"): None})
    in_use = services.gemeente_codes_in_use()
    report = BoundaryImport(path, in_use=in_use).commit()
    assert report.count(Action.REMOVED) == 1
    assert not Gemeente.objects.filter(code="GM9007").exists()


def test_unknown_format(world, tmp_path):
    path = tmp_path / "gemeenten.txt"
    path.write_text("code,name\nGM9001,Aastad\n")
    import_fails(path, "Onbekend bestandstype")


def test_broken_zip(world, tmp_path):
    path = tmp_path / "kapot.zip"
    path.write_bytes(b"PK\x03\x04" + b"\x00garbage" * 100)
    import_fails(path, "kan niet worden gelezen")


def test_truncated_geopackage(world, tmp_path):
    whole = tmp_path / "heel.gpkg"
    frame().to_file(whole)
    data = whole.read_bytes()
    path = tmp_path / "half.gpkg"
    path.write_bytes(data[: len(data) // 2])
    import_fails(path, "kan niet worden gelezen")


def test_shapefile_without_crs(world, tmp_path):
    shp = tmp_path / "shp"
    shp.mkdir()
    frame().to_file(shp / "g.shp")
    (shp / "g.prj").unlink()
    archive = tmp_path / "zonder-prj.zip"
    with zipfile.ZipFile(archive, "w") as zf:
        for part in shp.iterdir():
            zf.write(part, part.name)
    import_fails(archive, "geen coördinatenstelsel")


def test_missing_columns_name_what_is_there(world, tmp_path):
    path = tmp_path / "kolommen.gpkg"
    frame().rename(columns={"code": "gm_code"}).to_file(path)
    import_fails(path, "Kolom 'code' ontbreekt. Beschikbare kolommen: gm_code, name")


def test_duplicate_codes(world, tmp_path):
    data = frame(2)
    data["code"] = "GM9001"
    path = tmp_path / "dubbel.gpkg"
    data.to_file(path)
    import_fails(path, "code komt dubbel voor")


def geojson_file(tmp_path, geom, name="Aastad", code="GM9001", encoding="utf-8"):
    path = tmp_path / "g.geojson"
    feature = {
        "type": "Feature",
        "properties": {"code": code, "name": name},
        "geometry": json.loads(shapely.to_geojson(geom)),
    }
    text = json.dumps(
        {"type": "FeatureCollection", "features": [feature]}, ensure_ascii=False
    )
    path.write_bytes(text.encode(encoding))
    return path


BOWTIE = Polygon([(6.5, 53.2), (6.6, 53.3), (6.6, 53.2), (6.5, 53.3), (6.5, 53.2)])


def test_invalid_polygon_is_refused_and_can_be_fixed(world, tmp_path):
    path = geojson_file(tmp_path, BOWTIE)
    import_fails(path, "ongeldige geometrie (Self-intersection")
    report = BoundaryImport(path, fix_invalid=True).commit()
    assert report.ok
    fixed = geometry.to_shape(Gemeente.objects.get(code="GM9001").geometry)
    assert fixed.is_valid and fixed.geom_type == "MultiPolygon"


def test_wrong_geometry_type(world, tmp_path):
    import_fails(geojson_file(tmp_path, Point(6.5, 53.2)), "dit is een Point")


def test_empty_geometry(world, tmp_path):
    import_fails(geojson_file(tmp_path, Polygon()), "de geometrie is leeg")


def test_non_utf8_names(world, tmp_path):
    path = geojson_file(
        tmp_path, BOWTIE.buffer(0), name="Súdwest-Wâlden", encoding="latin-1"
    )
    import_fails(path, "geen UTF-8")


def test_coordinates_outside_the_netherlands_mean_a_wrong_crs(world, tmp_path):
    # RD New metres declared as WGS84 degrees.
    rd = Polygon([(233000, 582000), (234000, 582000), (234000, 583000)])
    import_fails(geojson_file(tmp_path, rd), "ligt niet in Nederland")


def test_bad_code(world, tmp_path):
    import_fails(
        geojson_file(tmp_path, BOWTIE.buffer(0), code="9001"), "geen CBS-gemeentecode"
    )
