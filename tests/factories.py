"""A tiny synthetic country for the tests: eight square gemeenten, three regions.

Plain functions in the spirit of healthchecks' hc/test.py: every test that asks
for `world` (tests/conftest.py) gets the same small, fully known data set, built
through the same services the site uses, so borders and the map layer exist.

The map, 0.1° squares around Utrecht (lon 5.0-5.4, lat 52.0-52.2)::

    lat 52.2 +-----------+-----------+--------------+-----------+
             | Aastad    | Bergdorp  | 's-Heerenbeek| Beekdorp  |
             | GM9001  A | GM9002  A | GM9004  B    | GM9005  B |
    lat 52.1 +-----------+-----------+--------------+-----------+
             | Súdwest-  | Ceestad   | Berg en Beek | Zeedorp   |
             | Wâlden    | GM9007  C | GM9006  B    | GM9008  B |
             | GM9003  A |           |              |           |
    lat 52.0 +-----------+-----------+--------------+-----------+
            5.0         5.1         5.2            5.3         5.4

CBS figures are round numbers so sums can be checked by hand: Aaland (A) has
20 000 inwoners, Beekdal (B) 30 000, Ceeland (C) 10 000; the country 60 000.
"""

from dataclasses import dataclass, field
from decimal import Decimal

from django.contrib.auth import get_user_model
from django.core.files.base import ContentFile

from geo import geometry
from geo.models import Gemeente
from organisations.models import Insurer, Organisation
from regions import services
from regions.models import Activity, Region, RegionMembership, RegioplanStatus

PASSWORD = "een-lang-wachtwoord-42"
PDF = b"%PDF-1.4\n% synthetisch regioplan voor de tests\n"

REGION_A = "aaland"
REGION_B = "beekdal"
REGION_C = "ceeland"

# code, name, (west, south) corner, region, then CBS figures:
# inwoners, huishoudens, aandeel_65plus, aandeel_0_15, bevolkingsdichtheid.
# Land area (inwoners / dichtheid) is 10, 10 and 20 km² in Aaland: 40 km².
GEMEENTEN = [
    ("GM9001", "Aastad", (5.0, 52.1), REGION_A, 10_000, 4_000, 20, 15, 1_000),
    ("GM9002", "Bergdorp", (5.1, 52.1), REGION_A, 5_000, 2_000, 30, 10, 500),
    ("GM9003", "Súdwest-Wâlden", (5.0, 52.0), REGION_A, 5_000, 2_000, 10, 20, 250),
    ("GM9004", "'s-Heerenbeek", (5.2, 52.1), REGION_B, 18_000, 9_000, 15, 20, 1_800),
    ("GM9005", "Beekdorp", (5.3, 52.1), REGION_B, 4_000, 2_000, 25, 15, 400),
    ("GM9006", "Berg en Beek", (5.2, 52.0), REGION_B, 6_000, 3_000, 20, 15, 300),
    ("GM9007", "Ceestad", (5.1, 52.0), REGION_C, 10_000, 5_000, 22, 18, 2_000),
    ("GM9008", "Zeedorp", (5.3, 52.0), REGION_B, 2_000, 1_000, 30, 10, 100),
]
KERNCIJFERS_YEAR = 2024


def square(x: float, y: float, size: float = 0.1) -> dict:
    """A square MultiPolygon (GeoJSON, WGS84) with its south-west corner at x, y."""
    x, y, x2, y2 = (round(v, 6) for v in (x, y, x + size, y + size))
    return {
        "type": "MultiPolygon",
        "coordinates": [[[[x, y], [x2, y], [x2, y2], [x, y2], [x, y]]]],
    }


def centre(gemeente: Gemeente) -> tuple[float, float]:
    """(lat, lon) of the middle of a gemeente, for point look-ups."""
    point = geometry.to_shape(gemeente.geometry).centroid
    return point.y, point.x


def make_gemeente(code: str, name: str, x: float, y: float, **figures) -> Gemeente:
    shape = square(x, y)
    return Gemeente.objects.create(
        code=code,
        name=name,
        province="Utrecht",
        province_code="PV26",
        geometry=shape,
        area_km2=round(geometry.area_km2(geometry.to_shape(shape)), 3),
        **figures,
    )


def make_gemeenten() -> list[Gemeente]:
    gemeenten = []
    for code, name, (x, y), _region, inw, hh, p65, p015, dichtheid in GEMEENTEN:
        gemeenten.append(
            make_gemeente(
                code,
                name,
                x,
                y,
                kerncijfers_year=KERNCIJFERS_YEAR,
                inwoners=inw,
                mannen=inw // 2,
                vrouwen=inw - inw // 2,
                huishoudens=hh,
                gem_huishoudensgrootte=Decimal(inw / hh).quantize(Decimal("0.1")),
                aandeel_65plus=p65,
                aandeel_0_15=p015,
                bevolkingsdichtheid=dichtheid,
            )
        )
    return gemeenten


def make_insurer(name: str, slug: str) -> Insurer:
    return Insurer.objects.create(name=name, slug=slug)


def make_organisation(name: str, slug: str, type: str, **fields) -> Organisation:
    return Organisation.objects.create(name=name, slug=slug, type=type, **fields)


def make_region(name: str, slug: str, plan_pdf: bytes | None = None, **fields):
    """A region without gemeenten; a plan PDF, if given, is uploaded first."""
    region = Region(name=name, slug=slug, **fields)
    if plan_pdf is not None:
        region.plan_document.save("regioplan.pdf", ContentFile(plan_pdf), save=False)
    region.save()
    return region


def make_user(username: str, **fields):
    return get_user_model().objects.create_user(
        username, f"{username}@example.org", PASSWORD, **fields
    )


def make_editor(username: str, region: Region):
    user = make_user(username)
    RegionMembership.objects.create(user=user, region=region)
    return user


def make_curator(username: str = "curator"):
    return get_user_model().objects.create_superuser(
        username, f"{username}@example.org", PASSWORD
    )


@dataclass
class World:
    gemeenten: list[Gemeente]
    region_a: Region
    region_b: Region
    region_c: Region
    insurer: Insurer  # preferred in Aaland and Ceeland
    other_insurer: Insurer  # preferred in Beekdal
    organisation_a: Organisation  # the regional organisation of each region
    organisation_b: Organisation
    organisation_c: Organisation
    hds_a: Organisation
    lhv_kring: Organisation  # active in Aaland and Beekdal
    ros: Organisation  # active in all three
    activity_a: Activity
    activity_b: Activity
    organisations: list[Organisation] = field(default_factory=list)

    @property
    def regions(self) -> list[Region]:
        return [self.region_a, self.region_b, self.region_c]

    def gemeente(self, name: str) -> Gemeente:
        return next(g for g in self.gemeenten if g.name == name)

    def refresh(self) -> "World":
        """Read every region afresh (borders, versions) after a change."""
        for region in self.regions:
            region.refresh_from_db()
        return self


def make_world() -> World:
    """Build the whole synthetic country; see the module docstring."""
    gemeenten = make_gemeenten()
    insurer = make_insurer("Verzekeraar Noord", "noord")
    other_insurer = make_insurer("Verzekeraar Zuid", "zuid")
    huisartsenorganisatie = Organisation.Type.HUISARTSENORGANISATIE
    organisation_a = make_organisation(
        "Huisartsen Aaland", "huisartsen-aaland", huisartsenorganisatie, city="Aastad"
    )
    organisation_b = make_organisation(
        "Zorggroep Beekdal", "zorggroep-beekdal", huisartsenorganisatie
    )
    organisation_c = make_organisation(
        "Eerstelijn Ceeland",
        "eerstelijn-ceeland",
        Organisation.Type.MULTIDISCIPLINAIR,
        is_demo=True,
    )
    hds_a = make_organisation(
        "Huisartsenposten Aaland", "hds-aaland", Organisation.Type.HDS
    )
    hds_b = make_organisation(
        "Huisartsenposten Beekdal", "hds-beekdal", Organisation.Type.HDS
    )
    lhv_kring = make_organisation(
        "LHV-kring Aa en Beek", "lhv-kring-aa-en-beek", Organisation.Type.LHV_KRING
    )
    ros = make_organisation("ROS Midden", "ros-midden", Organisation.Type.ROS)

    region_a = make_region(
        "Aaland",
        REGION_A,
        plan_pdf=PDF,
        status=RegioplanStatus.OPENBAAR,
        plan_start_year=2024,
        plan_end_year=2027,
        preferred_insurer=insurer,
        regional_organisation=organisation_a,
    )
    region_b = make_region(
        "Beekdal",
        REGION_B,
        plan_pdf=PDF,  # uploaded, but the plan is not public
        status=RegioplanStatus.NIET_OPENBAAR,
        preferred_insurer=other_insurer,
        regional_organisation=organisation_b,
    )
    region_c = make_region(
        "Ceeland",
        REGION_C,
        status=RegioplanStatus.IN_ONTWIKKELING,
        preferred_insurer=insurer,
        regional_organisation=organisation_c,
        is_demo=True,
    )
    by_slug = {r.slug: r for r in (region_a, region_b, region_c)}
    services.move_gemeenten(
        {g: by_slug[spec[3]] for g, spec in zip(gemeenten, GEMEENTEN, strict=True)}
    )
    services.set_organisation_links(
        {
            organisation_a: [region_a],
            organisation_b: [region_b],
            organisation_c: [region_c],
            hds_a: [region_a],
            hds_b: [region_b],
            lhv_kring: [region_a, region_b],
            ros: [region_a, region_b, region_c],
        }
    )
    activity_a = Activity.objects.create(
        region=region_a,
        title="Samenwerkingsafspraken gemaakt",
        description="Huisartsen en de HDS legden hun afspraken vast.",
        organisation=organisation_a,
        start_date="2024-01-15",
        end_date="2024-06-30",
    )
    activity_b = Activity.objects.create(
        region=region_b,
        title="Werkgroep ICT-visie",
        organisation=organisation_b,
        start_date="2025-03-01",
    )
    world = World(
        gemeenten=gemeenten,
        region_a=region_a,
        region_b=region_b,
        region_c=region_c,
        insurer=insurer,
        other_insurer=other_insurer,
        organisation_a=organisation_a,
        organisation_b=organisation_b,
        organisation_c=organisation_c,
        hds_a=hds_a,
        lhv_kring=lhv_kring,
        ros=ros,
        activity_a=activity_a,
        activity_b=activity_b,
        organisations=[
            organisation_a,
            organisation_b,
            organisation_c,
            hds_a,
            hds_b,
            lhv_kring,
            ros,
        ],
    )
    return world.refresh()


# -- Postcodes, aliases and other region layers (search, issue 9) ---------------

# postcode4, place, [(gemeente name, share)]: 3456 is split over two regions,
# 4567 over two gemeenten of the same region.
POSTCODES = [
    ("1234", "Aastad", [("Aastad", "1.000")]),
    ("1235", "Klein Aas", [("Súdwest-Wâlden", "0.998")]),
    ("2345", "Beekhoven", [("'s-Heerenbeek", "1.000")]),
    ("3456", "Grensdorp", [("Bergdorp", "0.600"), ("Ceestad", "0.400")]),
    ("4567", "Beekdorp", [("'s-Heerenbeek", "0.700"), ("Beekdorp", "0.300")]),
]


def add_postcodes(world: World) -> None:
    from geo.models import PostcodeArea

    PostcodeArea.objects.bulk_create(
        PostcodeArea(
            postcode4=postcode,
            place=place,
            gemeente=world.gemeente(name),
            share=Decimal(share),
        )
        for postcode, place, parts in POSTCODES
        for name, share in parts
    )
    services.data_changed()


def add_alias_gemeenten(world: World) -> None:
    """Two gemeenten with official names people rarely type: 's-Gravenhage
    (Den Haag) in Beekdal and Leeuwarden (Ljouwert) in Ceeland."""
    den_haag = make_gemeente("GM9010", "'s-Gravenhage", 5.4, 52.0, inwoners=1_000)
    leeuwarden = make_gemeente("GM9011", "Leeuwarden", 5.4, 52.1, inwoners=1_000)
    world.gemeenten += [den_haag, leeuwarden]
    services.move_gemeenten({den_haag: world.region_b, leeuwarden: world.region_c})


# gemeente name -> (GGD-regio, zorgkantoorregio with share); Beekdal is split.
ZONES = {
    "Aastad": ("GG01", "GGD Aaland", "ZK01", "Zorgkantoor West", "0.990"),
    "Bergdorp": ("GG01", "GGD Aaland", "ZK01", "Zorgkantoor West", "0.990"),
    "Súdwest-Wâlden": ("GG01", "GGD Aaland", "ZK01", "Zorgkantoor West", "0.990"),
    "Ceestad": ("GG01", "GGD Aaland", "ZK01", "Zorgkantoor West", "0.990"),
    "'s-Heerenbeek": ("GG02", "GGD Beek", "ZK01", "Zorgkantoor West", "0.970"),
    "Beekdorp": ("GG02", "GGD Beek", "ZK02", "Zorgkantoor Oost", "1.000"),
    "Berg en Beek": ("GG02", "GGD Beek", "ZK02", "Zorgkantoor Oost", "1.000"),
    "Zeedorp": ("GG02", "GGD Beek", "ZK02", "Zorgkantoor Oost", "1.000"),
}


def add_zones(world: World) -> None:
    from geo.models import GemeenteZone, ZoneLayer

    rows = []
    for name, (ggd, ggd_name, zk, zk_name, share) in ZONES.items():
        gemeente = world.gemeente(name)
        rows.append(
            GemeenteZone(
                gemeente=gemeente, layer=ZoneLayer.GGD_REGIO, code=ggd, name=ggd_name
            )
        )
        rows.append(
            GemeenteZone(
                gemeente=gemeente,
                layer=ZoneLayer.ZORGKANTOORREGIO,
                code=zk,
                name=zk_name,
                share=Decimal(share),
            )
        )
    GemeenteZone.objects.bulk_create(rows)


def make_plans_rows(world: World) -> None:
    """One of each plans model (regiobeeld, plan element and details, contract)
    and a zelfscan, for tests that open every admin page."""
    import datetime

    from plans.models import Contract, PlanDetails, PlanElement, Regiobeeld, Theme
    from selfscan.models import SelfScan

    Regiobeeld.objects.create(region=world.region_a, stage="gereed")
    PlanElement.objects.create(
        region=world.region_a, element="ict_visie", state="aanwezig"
    )
    PlanDetails.objects.create(region=world.region_a, agreed_with_insurer="ja")
    contract = Contract.objects.create(
        region=world.region_a,
        insurer=world.insurer,
        start=datetime.date(2025, 1, 1),
        end=datetime.date(2026, 12, 31),
    )
    contract.themes.set(Theme.objects.filter(slug="ouderenzorg"))
    SelfScan.objects.create(
        region=world.region_a,
        obstacle_mandate="overwonnen",
        mandate_how="Een coöperatie opgericht.",
    )
    from plans.models import Goal, Milestone

    goal = Goal.objects.create(
        region=world.region_a,
        title="Meer ouderen met een zorgplan",
        theme=Theme.objects.get(slug="ouderenzorg"),
        indicator="Aandeel ouderen met een zorgplan",
        owner=world.organisation_a,
    )
    Milestone.objects.create(
        goal=goal, title="Nulmeting", due=datetime.date(2025, 6, 1)
    )
