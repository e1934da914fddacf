"""The map coloured by a CBS figure (/?kleur=&niveau=&indeling=): classes,
the URL choice, no-JS SVG, legend, table twin, English, cache, colours."""

import json
import re
from html.parser import HTMLParser
from pathlib import Path

import pytest
from django.conf import settings
from django.db import connection
from django.test.utils import CaptureQueriesContext

from core import generation
from regions.maplayer import choropleth
from regions.maplayer.choropleth import KWANTIELEN, NATUURLIJK, classify

from .conftest import REGION_A, REGION_B, REGION_C
from .test_status_colours import SIMULATIONS, contrast, linear, luminance, simulate

# -- Classification (no database) --------------------------------------------


def hand_quantile(values: list[float], share: float) -> float:
    """Linear interpolation between order statistics (numpy's default),
    written out: position share * (n - 1) in the sorted values."""
    ordered = sorted(values)
    position = share * (len(ordered) - 1)
    below = int(position)
    above = min(below + 1, len(ordered) - 1)
    return ordered[below] + (position - below) * (ordered[above] - ordered[below])


def test_quantiles_of_one_to_ten_are_the_hand_computed_bounds():
    values = [float(v) for v in range(1, 11)]
    result = classify(values, KWANTIELEN)
    # by hand: position 1.8 between 2 and 3 is 2.8; 3.6 -> 4.6; 5.4; 7.2; 10
    assert result.bounds == pytest.approx((2.8, 4.6, 6.4, 8.2, 10.0))
    expected = [hand_quantile(values, p / 5) for p in range(1, 6)]
    assert result.bounds == pytest.approx(tuple(expected))
    assert result.lowest == 1.0
    assert result.of_value == (0, 0, 1, 1, 2, 2, 3, 3, 4, 4)


def test_natural_breaks_find_five_obvious_clusters():
    values = [40, 1, 21, 2, 3, 10, 11, 12, 20, 22, 30, 31, 32, 41, 42]
    result = classify(values, NATUURLIJK)
    assert result.bounds == (3.0, 12.0, 22.0, 32.0, 42.0)
    assert result.of_value == (4, 0, 2, 0, 0, 1, 1, 1, 2, 2, 3, 3, 3, 4, 4)


def test_quantiles_and_natural_breaks_differ_on_skewed_values():
    values = [1, 2, 3, 4, 5, 6, 7, 8, 100, 200]
    assert classify(values, KWANTIELEN).bounds != classify(values, NATUURLIJK).bounds


@pytest.mark.parametrize("scheme", [KWANTIELEN, NATUURLIJK])
@pytest.mark.parametrize(
    "values,classes",
    [
        ([], 0),
        ([3.0], 1),
        ([5, 5, 5], 1),
        ([1, 1, 2], 2),
        ([1, 2], 2),
        ([7, 7, 7, 7, 8, 8, 9], 3),
    ],
)
def test_few_values_or_ties_give_fewer_classes_not_an_error(scheme, values, classes):
    result = classify(values, scheme)
    assert len(result.bounds) <= classes
    assert len(result.of_value) == len(values)
    if values:
        assert len(result.bounds) >= 1
        assert result.bounds[-1] == max(values)
        assert all(0 <= c < len(result.bounds) for c in result.of_value)
        # every value is in the class whose bounds hold it
        for value, klass in zip(values, result.of_value, strict=True):
            lower = result.lowest if klass == 0 else result.bounds[klass - 1]
            assert lower <= value <= result.bounds[klass]


# -- The page ----------------------------------------------------------------

# Aaland (20 000 inh.): 20, 30, 10 % 65+ -> 20.0; Beekdal (30 000): 15, 25,
# 20, 30 % -> 18.33; Ceeland: 22. Three regions, three classes.
SHARE_65 = {REGION_A: 20.0, REGION_B: 55 / 3, REGION_C: 22.0}


class Table(HTMLParser):
    """The figure table's rows: (name, value text, class text)."""

    def __init__(self):
        super().__init__()
        self.rows, self.cell, self.inside, self.row = [], None, False, None

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "table" and "figure-table" in (attrs.get("class") or ""):
            self.inside = True
        if self.inside and tag == "tr" and "data-slug" in attrs:
            self.row = [attrs["data-slug"]]
        if self.row is not None and tag in ("th", "td"):
            self.cell = ""

    def handle_endtag(self, tag):
        if tag == "table":
            self.inside = False
        if self.row is not None and tag in ("th", "td"):
            self.row.append(self.cell.strip())
            self.cell = None
        if self.row is not None and tag == "tr":
            self.rows.append(tuple(self.row))
            self.row = None

    def handle_data(self, data):
        if self.cell is not None:
            self.cell += data


def table_rows(response) -> list[tuple]:
    parser = Table()
    parser.feed(response.content.decode())
    return parser.rows


def svg_classes(response) -> list[str]:
    svg = re.search(r'<svg class="map-preview".*?</svg>', response.content.decode())
    return re.findall(r'<path class="([^"]*)"', svg.group(0))


def figure_data(response) -> dict:
    found = re.search(
        r'<script id="kaart-klassen" type="application/json">(.*?)</script>',
        response.content.decode(),
    )
    return json.loads(found.group(1)) if found else {}


@pytest.mark.django_db
def test_region_shares_are_weighted_and_classed_by_quantiles(client, world):
    response = client.get("/", {"kleur": "aandeel_65plus"})
    assert response.status_code == 200
    result = response.context["figure_map"]
    values = {row.area.slug: row.area.value for row in result.rows}
    assert values == pytest.approx(SHARE_65)
    # three values, three quantile classes: 1/3 and 2/3 by hand, then the top
    ordered = sorted(SHARE_65.values())
    assert [c.upper for c in result.legend] == pytest.approx(
        [hand_quantile(ordered, 1 / 3), hand_quantile(ordered, 2 / 3), 22.0]
    )
    assert {row.area.slug: row.klass for row in result.rows} == {
        REGION_B: 1,
        REGION_A: 2,
        REGION_C: 3,
    }


@pytest.mark.django_db
def test_the_choice_is_in_the_url_and_every_form_keeps_it(client, world):
    params = {
        "kleur": "aandeel_0_15",
        "niveau": "gemeente",
        "indeling": "natuurlijke_grenzen",
    }
    response = client.get("/", params)
    assert response.status_code == 200
    html = response.content.decode()
    assert '<option value="aandeel_0_15" selected>' in html
    assert '<option value="gemeente" selected>' in html
    assert '<option value="natuurlijke_grenzen" selected>' in html
    # the filter and date forms carry the choice on
    hidden = re.findall(r'<input type="hidden" name="(kleur|niveau|indeling)"', html)
    assert hidden.count("kleur") == 2 and hidden.count("niveau") == 2
    choice = response.context["figure_choice"]
    assert (choice.figure, choice.level, choice.scheme) == (
        "aandeel_0_15",
        "gemeente",
        "natuurlijke_grenzen",
    )
    # the interactive map reads the gemeente layer
    assert 'data-layer-url="/data/gemeenten.geojson?v=' in html
    assert 'data-figure="gemeente"' in html


@pytest.mark.django_db
def test_the_status_map_stays_the_default(client, world):
    default = client.get("/")
    explicit = client.get("/", {"kleur": "status", "niveau": "gemeente"})
    for response in (default, explicit):
        assert response.status_code == 200
        assert response.context["figure_map"] is None
        assert not any("figure-area" in c for c in svg_classes(response))
        assert all(c.startswith("status-") for c in svg_classes(response))
        assert 'id="kaart-klassen"' not in response.content.decode()
        assert 'name="kleur" value=' not in response.content.decode()


@pytest.mark.django_db
@pytest.mark.parametrize(
    "params,message",
    [
        ({"kleur": "aandeel_75plus"}, "Onbekend kerngetal ‘aandeel_75plus’."),
        ({"kleur": "inwoners", "niveau": "wijk"}, "Onbekend niveau ‘wijk’."),
        (
            {"kleur": "inwoners", "indeling": "<b>"},
            "Onbekende klasse-indeling ‘&lt;b&gt;’.",
        ),
    ],
)
def test_an_unknown_choice_is_a_dutch_400_that_lists_the_allowed(
    client, world, params, message
):
    response = client.get("/", params)
    assert response.status_code == 400
    html = response.content.decode()
    assert message in html
    assert "Kies uit:" in html
    if "kleur" in params and params["kleur"] != "inwoners":
        assert (
            "Kies uit: status, aandeel_65plus, aandeel_0_15, dichtheid, "
            "inwoners, afstand_huisarts." in html
        )
    assert response.context["figure_map"] is None
    assert "<b>" not in html.split("<main")[1].split("</main>")[0]


@pytest.mark.django_db
def test_without_javascript_the_svg_is_coloured_by_class_per_gemeente(client, world):
    response = client.get(
        "/", {"kleur": "dichtheid", "niveau": "gemeente", "indeling": "kwantielen"}
    )
    classes = svg_classes(response)
    assert len(classes) == 8  # the eight gemeenten, not the three regions
    assert all(re.fullmatch(r"figure-area klasse-[1-5]", c) for c in classes)
    assert len(set(classes)) == 5
    assert "style=" not in response.content.decode().split("<svg")[1]


@pytest.mark.django_db
def test_the_table_twin_matches_the_map_and_the_legend(client, world):
    response = client.get("/", {"kleur": "inwoners", "niveau": "gemeente"})
    rows = table_rows(response)
    data = figure_data(response)
    result = response.context["figure_map"]
    assert len(rows) == 8 == len(data)
    total = len(result.legend)
    for slug, _name, value, klass in rows:
        number = int(data[slug]["klasse"].removeprefix("klasse-"))
        assert klass == f"{number} van {total}"
        assert value == data[slug]["tekst"]
    assert ("GM9001", "Aastad", "10.000") in [r[:3] for r in rows]  # Dutch grouping
    counts = [c.count for c in result.legend]
    assert sum(counts) == 8
    for legend_class in result.legend:
        in_class = [r for r in result.rows if r.klass == legend_class.number]
        assert all(
            legend_class.lower <= r.area.value <= legend_class.upper for r in in_class
        )
    # SVG classes are the same multiset as the table's
    svg = sorted(c.split()[-1] for c in svg_classes(response))
    assert svg == sorted(d["klasse"] for d in data.values())


@pytest.mark.django_db
def test_legend_has_bounds_units_source_and_year(client, world):
    response = client.get("/", {"kleur": "aandeel_65plus"})
    html = response.content.decode()
    assert "18,3% – 19,4%" in html
    assert "&gt; 20,7% – 22,0%" in html
    assert "Bron: CBS – Kerncijfers wijken en buurten 2024 (CC BY 4.0)" in html


@pytest.mark.django_db
def test_english_labels_and_numbers(client, world):
    response = client.get("/en/", {"kleur": "dichtheid", "niveau": "gemeente"})
    assert response.status_code == 200
    html = response.content.decode()
    assert "Inhabitants per km² of land" in html
    assert "Colour the map" in html
    assert "Source: CBS – Kerncijfers wijken en buurten 2024 (CC BY 4.0)" in html
    assert "1,800" in html  # 's-Heerenbeek, English grouping
    assert "1.800" not in html
    assert "3 of 5" in html
    assert "Inwoners per km²" not in html


@pytest.mark.django_db
def test_no_data_loaded_says_so(client, world):
    """The synthetic world has no GP distances: a sentence, no empty table."""
    response = client.get("/", {"kleur": "afstand_huisarts"})
    assert response.status_code == 200
    assert "Voor dit kerngetal zijn geen gegevens geladen." in response.content.decode()
    assert table_rows(response) == []


@pytest.mark.django_db
def test_gp_distance_per_region_is_weighted_by_inhabitants(client, world):
    world.gemeente("Aastad").__class__.objects.filter(code="GM9001").update(
        afstand_huisarts_km="1.0", afstand_huisarts_year=2023
    )
    world.gemeente("Aastad").__class__.objects.filter(code="GM9002").update(
        afstand_huisarts_km="4.0", afstand_huisarts_year=2023
    )
    response = client.get("/", {"kleur": "afstand_huisarts"})
    values = {r.area.slug: r.area.value for r in response.context["figure_map"].rows}
    assert values == pytest.approx({REGION_A: 2.0})  # (10 000 * 1 + 5 000 * 4) / 15 000
    html = response.content.decode()
    assert "2,0\u00a0km" in html
    assert "nabijheid (CC BY 4.0)" in html and "2023" in html


@pytest.mark.django_db
def test_built_once_per_data_generation(world):
    first = choropleth.figure_map("inwoners", "regio", KWANTIELEN)
    with CaptureQueriesContext(connection) as queries:
        again = choropleth.figure_map("inwoners", "regio", KWANTIELEN)
        layer_again = choropleth.gemeente_layer()
    assert again is first
    assert len(queries) <= 2 + 2  # generation.current() for each, and layer build
    layer = choropleth.gemeente_layer()
    with CaptureQueriesContext(connection) as queries:
        assert choropleth.gemeente_layer() is layer
    assert len(queries) == 1  # the generation only
    assert layer_again is layer
    generation.bump()
    assert choropleth.figure_map("inwoners", "regio", KWANTIELEN) is not first
    assert choropleth.gemeente_layer() is not layer


@pytest.mark.django_db
def test_the_figure_map_page_costs_few_queries_once_built(client, world):
    client.get("/", {"kleur": "inwoners"})
    with CaptureQueriesContext(connection) as status_queries:
        client.get("/")
    with CaptureQueriesContext(connection) as figure_queries:
        client.get("/", {"kleur": "inwoners"})
    # the status page's queries and the generation read
    assert len(figure_queries) <= len(status_queries) + 1


@pytest.mark.django_db
def test_gemeente_layer_is_geojson_with_etag(client, world):
    response = client.get("/data/gemeenten.geojson")
    assert response.status_code == 200
    assert response["Content-Type"] == "application/geo+json"
    data = json.loads(response.content)
    assert len(data["features"]) == 8
    feature = next(f for f in data["features"] if f["id"] == "GM9007")
    assert feature["properties"] == {
        "slug": "GM9007",
        "name": "Ceestad",
        "url": f"/regio/{REGION_C}/",
    }
    again = client.get("/data/gemeenten.geojson", HTTP_IF_NONE_MATCH=response["ETag"])
    assert again.status_code == 304


# -- Colours -----------------------------------------------------------------

STATUS_CSS = Path(settings.BASE_DIR) / "static/css/status.css"


def class_fills() -> list[str]:
    css = STATUS_CSS.read_text()
    return [
        re.search(rf"\.klasse-{n} {{ --fill: (#[0-9a-f]{{6}}); }}", css).group(1)
        for n in range(1, 6)
    ]


def test_the_border_stands_out_from_every_class():
    css = STATUS_CSS.read_text()
    border = re.search(r"--figure-border: (#[0-9a-f]{6})", css).group(1)
    for fill in class_fills():
        assert contrast(border, fill) >= 3.0, fill


@pytest.mark.parametrize("vision", SIMULATIONS)
def test_classes_get_darker_step_by_step_also_with_colour_blindness(vision):
    matrix = SIMULATIONS[vision]
    lightness = [luminance(simulate(linear(f), matrix)) for f in class_fills()]
    assert lightness == sorted(lightness, reverse=True)
    fills = class_fills()
    for lighter, darker in zip(fills, fills[1:], strict=False):
        assert contrast(lighter, darker, matrix) >= 1.3, (lighter, darker)
