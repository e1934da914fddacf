"""Small files for the five reference imports, written against the synthetic
world (tests/factories.py), and what each import changes: one place for the
admin flow tests, the bad-file tests and the query-count tests."""

from dataclasses import dataclass, field

from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from geo.models import Gemeente, GemeenteZone, PostcodeArea

from .helpers import boundary_frame

CODES = ["GM9001", "GM9002", "GM9003", "GM9004", "GM9005", "GM9006", "GM9007"]
CODES.append("GM9008")


def url(slug: str) -> str:
    return reverse("admin:geo_gemeente_import", args=[slug])


def boundaries(n: int = 1) -> bytes:
    """The world's gemeenten as GeoJSON, the first n renamed."""
    frame = boundary_frame()
    frame.loc[: n - 1, "name"] = [f"{name} (nieuw)" for name in frame["name"][:n]]
    return frame.to_json().encode()


def figures(n: int = 1) -> bytes:
    rows = "".join(f"{code},{12_000 + i}\n" for i, code in enumerate(CODES[:n]))
    return ("code,inwoners\n" + rows).encode()


def postcodes(n: int = 1) -> bytes:
    """n postcodes, the first split over two gemeenten."""
    rows = "1234,Aastad,GM9001,Aastad,0.6\n1234,Aastad,GM9002,Bergdorp,0.4\n"
    rows += "".join(f"{2000 + i},Plaats {i},GM9003,W,\n" for i in range(n - 1))
    return (
        "postcode4,plaats,gemeente_code,gemeente_naam,aandeel_oppervlak\n" + rows
    ).encode()


INDELINGEN_HEADER = (
    "code,name,provincie_code,provincie_naam,ggd_regio_code,ggd_regio_naam,"
    "veiligheidsregio_code,veiligheidsregio_naam\n"
)
ZORGKANTOREN_HEADER = (
    "gemeente_code,gemeente_naam,zorgkantoorregio_code,zorgkantoorregio_naam,"
    "aandeel_oppervlak\n"
)


def indelingen(n: int = 2) -> bytes:
    rows = "".join(
        f"{code},X,PV26,Utrecht,GG02,GGD Beek,VR09,Utrecht\n" for code in CODES[:n]
    )
    return (INDELINGEN_HEADER + rows).encode()


def zorgkantoren(n: int = 2) -> bytes:
    rows = "".join(
        f"{code},X,ZK0{i % 2 + 1},Zorgkantoor {'WO'[i % 2]},0.97\n"
        for i, code in enumerate(CODES[:n])
    )
    return (ZORGKANTOREN_HEADER + rows).encode()


def distances(n: int = 2) -> bytes:
    rows = "".join(
        f"{code},X,2023,{1 + i / 10:.1f}\n" for i, code in enumerate(CODES[:n])
    )
    return ("code,name,jaar,afstand_huisartsenpraktijk_km\n" + rows).encode()


def gemeenten_state(*fields):
    def state():
        return list(Gemeente.objects.order_by("code").values_list("code", *fields))

    return state


def postcode_state():
    return list(
        PostcodeArea.objects.order_by("postcode4", "gemeente__code").values_list(
            "postcode4", "place", "gemeente__code", "share"
        )
    )


def zone_state():
    return list(
        GemeenteZone.objects.order_by("gemeente__code", "layer").values_list(
            "gemeente__code", "layer", "code", "name", "share"
        )
    )


@dataclass
class Case:
    slug: str
    command: str
    files: callable  # n -> {form field: (file name, bytes)}
    state: callable  # what the import changes, read afresh
    options: dict = field(default_factory=dict)
    command_options: list = field(default_factory=list)

    def uploads(self, n: int = 1) -> dict:
        return {
            name: SimpleUploadedFile(file_name, data)
            for name, (file_name, data) in self.files(n).items()
        }

    def post_data(self, n: int = 1) -> dict:
        return {**self.options, **self.uploads(n)}

    def write(self, tmp_path, n: int = 1) -> list[str]:
        paths = []
        for file_name, data in self.files(n).values():
            path = tmp_path / file_name
            path.write_bytes(data)
            paths.append(str(path))
        return paths


CASES = {
    "grenzen": Case(
        "grenzen",
        "import_gemeenten",
        lambda n: {"file": ("gemeenten.geojson", boundaries(n))},
        gemeenten_state("name"),
        {"code_column": "code", "name_column": "name"},
    ),
    "kerncijfers": Case(
        "kerncijfers",
        "import_kerncijfers",
        lambda n: {"file": ("kerncijfers.csv", figures(n))},
        gemeenten_state("inwoners", "kerncijfers_year"),
        {"year": 2025},
        ["--year=2025"],
    ),
    "postcodes": Case(
        "postcodes",
        "import_postcodes",
        lambda n: {"file": ("postcodes.csv", postcodes(n))},
        postcode_state,
    ),
    "indelingen": Case(
        "indelingen",
        "import_indelingen",
        lambda n: {
            "indelingen": ("indelingen.csv", indelingen(n)),
            "zorgkantoren": ("zorgkantoren.csv", zorgkantoren(n)),
        },
        zone_state,
    ),
    "afstand-huisarts": Case(
        "afstand-huisarts",
        "import_afstand_huisarts",
        lambda n: {"file": ("afstand.csv", distances(n))},
        gemeenten_state("afstand_huisarts_km", "afstand_huisarts_year"),
    ),
}
