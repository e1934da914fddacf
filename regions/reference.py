"""The real reference data a site starts from, and nothing invented.

`manage.py setup_site` (and the demo load) bring in, from fixtures/, the CBS
gemeenten with their borders and kerncijfers, postcodes, the other region
layers (province, GGD, veiligheidsregio, zorgkantoorregio) and the distance to
a GP practice, through the same imports curators use in the admin. Running it
again changes nothing that is already there. Regions, organisations and
contacts come after it, from the regiokaart workbook.
"""

from pathlib import Path

from django.conf import settings

from geo.importers import BoundaryImport, ImportFileError, KerncijfersImport
from geo.models import Gemeente, GemeenteZone, PostcodeArea
from geo.reference_imports import GpDistanceImport, PostcodeImport, ZoneImport

from . import services
from .models import ensure_themes

FIXTURES = Path(settings.BASE_DIR) / "fixtures"
GEMEENTEN_GEOJSON = FIXTURES / "gemeenten.geojson"
KERNCIJFERS_CSV = FIXTURES / "gemeenten_kerncijfers.csv"
KERNCIJFERS_YEAR = 2024
POSTCODES_CSV = FIXTURES / "postcode4_gemeenten.csv"
INDELINGEN_CSV = FIXTURES / "gemeente_regio_indelingen.csv"
ZORGKANTOREN_CSV = FIXTURES / "zorgkantoorregios_2024.csv"
AFSTAND_HUISARTS_CSV = FIXTURES / "gemeenten_afstand_huisarts.csv"


def load_gemeenten() -> int:
    """Real CBS gemeenten and figures, through the same imports curators use."""
    for job in (
        BoundaryImport(GEMEENTEN_GEOJSON),
        KerncijfersImport(KERNCIJFERS_CSV.read_bytes(), KERNCIJFERS_YEAR),
    ):
        report = job.commit()
        if not report.ok:
            raise ImportFileError("; ".join(report.errors))
    return Gemeente.objects.count()


def load_reference_tables() -> int:
    """Real CBS postcodes, other region layers and GP distances, through the
    same imports as the management commands; returns the number of postcodes."""
    for job in (
        PostcodeImport(POSTCODES_CSV.read_bytes()),
        ZoneImport(INDELINGEN_CSV.read_bytes(), ZORGKANTOREN_CSV.read_bytes()),
        GpDistanceImport(AFSTAND_HUISARTS_CSV.read_bytes()),
    ):
        report = job.commit()
        if not report.ok:
            raise ImportFileError("; ".join(report.errors))
    return PostcodeArea.objects.values("postcode4").distinct().count()


def setup_site() -> dict:
    """Load (or refresh) every reference table and the curated themes, then
    rebuild the derived data once. Returns counts of what is there."""
    counts = {
        "gemeenten": load_gemeenten(),
        "postcodes": load_reference_tables(),
        "indelingen": GemeenteZone.objects.count(),
        "thema's": len(ensure_themes()),
    }
    services.rebuild_region_geometries()
    return counts
