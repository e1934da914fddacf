"""The map coloured by a CBS figure (?kleur=&niveau=&indeling=) and the
gemeente layer it draws at gemeente level. The classes themselves come from
regions.maplayer.choropleth, once per data generation; this module only
formats them for the page in its language."""

from django.conf import settings
from django.http import HttpResponse
from django.urls import reverse
from django.utils import formats, translation
from django.views.decorators.http import require_safe

from core.downloads import stored_download

from .. import filters
from ..maplayer import choropleth
from ..maplayer.layer import ServedLayer


def format_value(value: float, figure: choropleth.Figure) -> str:
    """A number as the page's language writes it (21,3 / 21.3; 1.234 / 1,234),
    with its unit."""
    # rounded first: number_format cuts a float's decimals off
    rounded = round(value, figure.decimals)
    text = formats.number_format(rounded, figure.decimals, force_grouping=True)
    if figure.unit == "%":
        return f"{text}%"
    return f"{text}\u00a0{figure.unit}" if figure.unit else text


def gemeente_layer_url(served: ServedLayer) -> str:
    with translation.override(settings.LANGUAGE_CODE):
        url = reverse("regions:gemeenten_geojson")
    return f"{url}?v={served.etag}"


def figure_context(data, regions_layer: ServedLayer, matching: set[str] | None) -> dict:
    """What the map page needs for the figure choice: the form's state and
    problems and, when a figure is chosen, the coloured SVG, the legend, the
    table twin and the classes for Leaflet (figure_map is None otherwise).
    regions_layer: the regions' layer the page shows; matching: the regions
    the map filter selects (None: no filter)."""
    filterset = filters.FigureFilterSet(data)
    choice = filterset.selection()
    context = {
        "figure_choice": choice,
        "figure_problems": filterset.problems,
        "figure_choices": filterset.form.fields,
        "figure_map": None,
    }
    if not choice.active:
        return context
    result = choropleth.figure_map(choice.figure, choice.level, choice.scheme)
    figure = result.figure
    if choice.level == choropleth.GEMEENTE:
        served = choropleth.gemeente_layer()
        context["figure_layer_url"] = gemeente_layer_url(served)
        matching = None  # the map filter selects regions, not gemeenten
    else:
        served = regions_layer
        context["figure_layer_url"] = ""  # the regions' layer of today
    rows = [
        {
            "slug": row.area.slug,
            "name": row.area.name,
            "region_slug": row.area.region_slug,
            "value": format_value(row.area.value, figure),
            "klass": row.klass,
        }
        for row in result.rows
    ]
    context.update(
        figure_map=result,
        figure_rows=rows,
        figure_classes=len(result.legend),
        figure_legend=[
            {
                "number": c.number,
                "lower": format_value(c.lower, figure),
                "upper": format_value(c.upper, figure),
                "first": c.first,
                "count": c.count,
            }
            for c in result.legend
        ],
        figure_preview=choropleth.painted(served, result.classes, matching),
        figure_data={
            row["slug"]: {"klasse": f"klasse-{row['klass']}", "tekst": row["value"]}
            for row in rows
        },
    )
    return context


@stored_download
@require_safe
def gemeenten_geojson(request):
    """All gemeenten, simplified, for the figure map at gemeente level; kept
    per data generation by core.downloads (ETag, 304, the layer's own gzip)."""
    served = choropleth.gemeente_layer()
    response = HttpResponse(served.content, content_type="application/geo+json")
    response.gzipped = served.gzipped
    return response
