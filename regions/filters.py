"""The filters of the map (/?status=&verzekeraar=) and the organisation
directory (/organisaties/?soort=&provincie=&regio=&q=).

Both follow core.filters: a bad value is a 400 with a Dutch message that names
it and lists the allowed values, and no results. The directory's download
(/organisaties/selectie.csv) follows the same filter; a bad one is a 404.
"""

from collections import Counter
from dataclasses import dataclass

from django.db.models import Prefetch, Q
from django.utils.translation import gettext_lazy as _
from django_filters import CharFilter, ChoiceFilter

from core.filters import StrictFilterSet
from core.text import plain as normalise
from geo.models import Gemeente
from organisations.models import ContactPerson, Insurer, Organisation

from .maplayer import choropleth
from .models import Region, RegioplanStatus

MAX_TEXT = 100

# -- The map -----------------------------------------------------------------


@dataclass(frozen=True)
class MapFilter:
    """What the map's filter selects; `valid` is False after bad input, and
    then nothing matches."""

    status: str = ""
    insurer: str = ""  # an insurer's slug
    valid: bool = True

    @property
    def active(self) -> bool:
        return bool(self.status or self.insurer) or not self.valid

    def matches(self, region) -> bool:
        if not self.valid:
            return False
        if self.status and region.status != self.status:
            return False
        insurer = region.preferred_insurer
        return not self.insurer or bool(insurer and insurer.slug == self.insurer)

    def apply(self, regions) -> tuple[list, Counter]:
        """The matching regions and their counts per status."""
        matching = [region for region in regions if self.matches(region)]
        return matching, Counter(region.status for region in matching)


class MapFilterSet(StrictFilterSet):
    """The map's filter: validated by this FilterSet's form, matched in Python.

    Its queryset is never used. On a past date (?datum=) a region's status is
    the one it had then, assigned in Python from the status history
    (regions.maplayer.on_date) and never stored, so a database filter on
    Region.status would select by today's status. MapFilter.matches compares
    the status each region shows, whichever day it is; the FilterSet gives it
    the same validation, message and 400 as every other filter.
    """

    status = ChoiceFilter(
        choices=RegioplanStatus.choices,
        error_messages={"invalid_choice": _("Onbekende status ‘%(value)s’.")},
    )
    verzekeraar = ChoiceFilter(
        field_name="preferred_insurer__slug",
        error_messages={"invalid_choice": _("Onbekende verzekeraar ‘%(value)s’.")},
    )

    class Meta:
        model = Region
        fields: list[str] = []

    def __init__(self, data=None, *, insurers: list[Insurer]):
        super().__init__(data, queryset=Region.objects.none())
        self.set_choices("verzekeraar", ((i.slug, i.name) for i in insurers))

    def selection(self) -> MapFilter:
        if self.problems:
            return MapFilter(valid=False)
        data = self.form.cleaned_data
        return MapFilter(
            status=data.get("status") or "", insurer=data.get("verzekeraar") or ""
        )


@dataclass(frozen=True)
class FigureChoice:
    """What the map is coloured by: the regioplan status (figure "") or a CBS
    figure, per region or gemeente, classed by a scheme."""

    figure: str = ""
    level: str = choropleth.REGIO
    scheme: str = choropleth.KWANTIELEN

    @property
    def active(self) -> bool:
        return bool(self.figure)


class FigureFilterSet(StrictFilterSet):
    """?kleur=&niveau=&indeling=: the same validation, message and 400 as the
    map's filter. Empty values are the defaults (status map, per region,
    quantiles)."""

    kleur = ChoiceFilter(
        choices=[(choropleth.STATUS, _("Status regioplan"))]
        + [(f.key, f.label) for f in choropleth.FIGURES],
        error_messages={"invalid_choice": _("Onbekend kerngetal ‘%(value)s’.")},
    )
    niveau = ChoiceFilter(
        choices=choropleth.LEVELS,
        error_messages={"invalid_choice": _("Onbekend niveau ‘%(value)s’.")},
    )
    indeling = ChoiceFilter(
        choices=choropleth.SCHEMES,
        error_messages={"invalid_choice": _("Onbekende klasse-indeling ‘%(value)s’.")},
    )

    class Meta:
        model = Region
        fields: list[str] = []

    def __init__(self, data=None):
        super().__init__(data, queryset=Region.objects.none())

    def selection(self) -> FigureChoice:
        if self.problems:
            return FigureChoice()
        data = self.form.cleaned_data
        figure = data.get("kleur") or ""
        return FigureChoice(
            figure="" if figure == choropleth.STATUS else figure,
            level=data.get("niveau") or choropleth.REGIO,
            scheme=data.get("indeling") or choropleth.KWANTIELEN,
        )


# -- The organisation directory ----------------------------------------------


def provinces() -> list[str]:
    return list(
        Gemeente.objects.order_by("province")
        .values_list("province", flat=True)
        .distinct()
    )


def directory_queryset():
    """Every organisation, by name, with its regions and public contact persons
    prefetched: the directory reads a fixed number of queries."""
    regions = Region.objects.without_borders().only("pk", "slug", "name")
    return Organisation.objects.order_by("name").prefetch_related(
        Prefetch("regions", queryset=regions.order_by("name")),
        Prefetch(
            "contact_persons",
            queryset=ContactPerson.objects.public().order_by("name"),
            to_attr="public_persons",
        ),
    )


class DirectoryFilterSet(StrictFilterSet):
    """GET parameters, so a filtered list is a URL that works without
    JavaScript, and its download follows the same filter."""

    soort = ChoiceFilter(
        field_name="type",
        choices=Organisation.Type.choices,
        error_messages={"invalid_choice": _("Onbekende soort ‘%(value)s’.")},
    )
    provincie = ChoiceFilter(
        method="filter_province",
        error_messages={"invalid_choice": _("Onbekende provincie ‘%(value)s’.")},
    )
    regio = ChoiceFilter(
        method="filter_region",
        error_messages={"invalid_choice": _("Onbekende regio ‘%(value)s’.")},
    )
    q = CharFilter(  # last: it reads the names the other filters left
        method="filter_text",
        max_length=MAX_TEXT,
        error_messages={
            "max_length": _(
                "De zoektekst is te lang (%(show_value)s tekens); "
                "gebruik hoogstens %(limit_value)s tekens."
            )
        },
    )

    class Meta:
        model = Organisation
        fields: list[str] = []

    def __init__(self, data=None):
        super().__init__(data, queryset=directory_queryset())
        self.provinces = provinces()
        self.regions = list(Region.objects.without_borders().only("slug", "name"))
        self.set_choices("provincie", ((p, p) for p in self.provinces))
        self.set_choices("regio", ((r.slug, r.name) for r in self.regions))

    def filter_province(self, queryset, name, value):
        return queryset.filter(
            Q(regions__gemeenten__province=value)
            | Q(regions_led__gemeenten__province=value)
        ).distinct()

    def filter_region(self, queryset, name, value):
        return queryset.filter(
            Q(regions__slug=value) | Q(regions_led__slug=value)
        ).distinct()

    def filter_text(self, queryset, name, value):
        """Name contains the text, ignoring case, accents and punctuation
        (the stored Organisation.name_plain: no normalising per request)."""
        return queryset.filter(name_plain__contains=normalise(value))
