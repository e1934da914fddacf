"""Other divisions of the country per gemeente (province, GGD-regio,
veiligheidsregio, zorgkantoorregio), the CBS distance to the GP, and their
imports: dry runs unless --commit."""

import re
from decimal import Decimal

import pytest
from django.core.management import CommandError, call_command

from geo.models import Gemeente, GemeenteZone, PostcodeArea
from geo.reference_imports import GpDistanceImport, PostcodeImport, ZoneImport

from .conftest import REGION_B
from .factories import add_zones

pytestmark = pytest.mark.django_db

INDELINGEN = (
    (
        "code,name,provincie_code,provincie_naam,ggd_regio_code,ggd_regio_naam,"
        "veiligheidsregio_code,veiligheidsregio_naam\n"
    )
    + """GM9004,'s-Heerenbeek,PV26,Utrecht,GG02,GGD Beek,VR09,Utrecht
GM9005,Beekdorp,PV26,Utrecht,GG02,GGD Beek,VR09,Utrecht
"""
)
ZORGKANTOREN = (
    (
        "gemeente_code,gemeente_naam,zorgkantoorregio_code,zorgkantoorregio_naam,"
        "aandeel_oppervlak\n"
    )
    + """GM9004,'s-Heerenbeek,ZK01,Zorgkantoor West,0.97
GM9005,Beekdorp,ZK02,Zorgkantoor Oost,1.0
"""
)


def write(tmp_path, name, text):
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return str(path)


def test_zone_import_is_a_dry_run_unless_commit(world, tmp_path):
    files = (
        write(tmp_path, "i.csv", INDELINGEN),
        write(tmp_path, "z.csv", ZORGKANTOREN),
    )
    call_command("import_indelingen", *files, verbosity=0)
    assert not GemeenteZone.objects.exists()
    call_command("import_indelingen", *files, "--commit", verbosity=0)
    zk = GemeenteZone.objects.get(gemeente__code="GM9004", layer="zorgkantoorregio")
    assert (zk.name, zk.share) == ("Zorgkantoor West", Decimal("0.970"))
    assert GemeenteZone.objects.count() == 8  # 2 gemeenten x 4 layers


def test_bad_files_import_nothing_with_a_dutch_message(world, tmp_path):
    bad = ZORGKANTOREN.replace("0.97", "7").replace("GM9005", "GM0000")
    job = ZoneImport(INDELINGEN.encode(), bad.encode())
    report = job.commit()
    assert not report.ok and not GemeenteZone.objects.exists()
    assert any("onbekende gemeentecode 'GM0000'" in e for e in report.errors)
    assert any("ligt niet tussen 0 en 1" in e for e in report.errors)
    assert not PostcodeImport(b"postcode4,plaats\n0123,X\n").commit().ok
    assert not PostcodeImport("\u00e9".encode("latin-1")).commit().ok
    with pytest.raises(CommandError):
        call_command(
            "import_postcodes", write(tmp_path, "p.csv", "a,b\n1,2\n"), "--commit"
        )
    assert not PostcodeArea.objects.exists()


def test_postcode_and_gp_distance_imports(world, tmp_path):
    postcodes = "postcode4,plaats,gemeente_code,gemeente_naam,aandeel_oppervlak\n"
    postcodes += "1234,Aastad,GM9001,Aastad,1.0\n1235,Grens,GM9001,Aastad,\n"
    path = write(tmp_path, "p.csv", postcodes)
    call_command("import_postcodes", path, verbosity=0)
    assert not PostcodeArea.objects.exists()
    call_command("import_postcodes", path, "--commit", verbosity=0)
    assert PostcodeArea.objects.count() == 2
    distances = "code,name,jaar,afstand_huisartsenpraktijk_km\n"
    distances += "GM9001,Aastad,2023,1.2\nGM9002,Bergdorp,2023,2.4\n"
    report = GpDistanceImport(distances.encode()).commit()
    assert report.ok
    assert Gemeente.objects.get(code="GM9002").afstand_huisarts_km == Decimal("2.4")
    assert not GpDistanceImport(distances.replace("2.4", "ver").encode()).commit().ok


def test_region_page_shows_overlap_with_other_divisions(client, world):
    add_zones(world)
    html = client.get(f"/regio/{REGION_B}/").content.decode()
    text = re.sub(r"\s+", " ", html)
    assert "Overlap met andere indelingen" in text
    # Beekdal: 's-Heerenbeek 18,000 of 30,000 inhabitants in Zorgkantoor West.
    assert "Zorgkantoor West: 60% van de inwoners" in text
    assert "Zorgkantoor Oost: 40% van de inwoners" in text
    assert "GGD Beek: 100% van de inwoners" in text


def test_region_page_shows_the_weighted_gp_distance_with_its_year(client, world):
    # Aaland: 10,000 x 1.0 + 5,000 x 2.0 + 5,000 x 3.0 = 1.75 km; NL adds the rest.
    for name, km in [("Aastad", "1.0"), ("Bergdorp", "2.0"), ("Súdwest-Wâlden", "3.0")]:
        Gemeente.objects.filter(name=name).update(
            afstand_huisarts_km=Decimal(km), afstand_huisarts_year=2023
        )
    Gemeente.objects.filter(name="Ceestad").update(
        afstand_huisarts_km=Decimal("0.5"), afstand_huisarts_year=2023
    )
    html = client.get("/regio/aaland/").content.decode()
    row = html.split('data-kerngetal="afstand_huisarts"')[1].split("</tr>")[0]
    assert "CBS 2023" in row
    assert re.findall(r'class="num">([^<]+)<', row) == ["1,8", "1,3"]  # (17.5+5)/30


def test_no_gp_distance_no_row(client, world):
    html = client.get("/regio/aaland/").content.decode()
    assert 'data-kerngetal="afstand_huisarts"' not in html
