import csv
from pathlib import Path

from django.conf import settings

from core.versioning import rows_state
from regions.models import Region

FIXTURES = Path(settings.BASE_DIR) / "fixtures"


def cbs_rows() -> dict[str, dict]:
    """The CBS kerncijfers straight from the fixture file, by gemeente code."""
    with open(FIXTURES / "gemeenten_kerncijfers.csv", encoding="utf-8") as f:
        return {row["code"]: row for row in csv.DictReader(f)}


def real_gemeenten_without_borders() -> int:
    """The 342 gemeenten of the CBS figures file, each on the same dummy square:
    enough for tests about the real figures, without importing real borders."""
    from geo.models import Gemeente

    from .factories import square

    Gemeente.objects.bulk_create(
        Gemeente(
            code=code,
            name=row["name"],
            province="",
            province_code="",
            geometry=square(5.0, 52.0),
            area_km2=1,
        )
        for code, row in cbs_rows().items()
    )
    return Gemeente.objects.count()


def boundary_frame(crs: int = 4326):
    """The gemeenten in the database as a GeoDataFrame, as a boundary file has
    them (code, name, province, province_code), in the given CRS."""
    import geopandas

    from geo import geometry
    from geo.models import Gemeente

    gemeenten = list(Gemeente.objects.order_by("code"))
    return geopandas.GeoDataFrame(
        {
            "code": [g.code for g in gemeenten],
            "name": [g.name for g in gemeenten],
            "province": [g.province for g in gemeenten],
            "province_code": [g.province_code for g in gemeenten],
        },
        geometry=[geometry.to_shape(g.geometry) for g in gemeenten],
        crs=4326,
    ).to_crs(crs)


def region_of(gemeente) -> Region | None:
    """The region a gemeente is in now, read afresh from the database."""
    return Region.objects.filter(gemeenten=gemeente).first()


def region_admin_post(form, region, **changes) -> dict:
    """What the admin's region change form posts: its initial data, changed."""
    data = {
        key: value
        for key, value in form.initial.items()
        if value is not None and key not in ("composition", "plan_document")
    }
    data.update(
        {
            "composition": list(region.gemeenten.values_list("pk", flat=True)),
            "edit_version": region.version,
            "figures-TOTAL_FORMS": 0,
            "figures-INITIAL_FORMS": 0,
            "figures-STATE": rows_state(region.figures.all()),
            "activities-TOTAL_FORMS": 0,
            "activities-INITIAL_FORMS": 0,
        }
    )
    data.update(changes)
    return data
