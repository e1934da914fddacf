"""Find a region by what people type: a postcode, a place (woonplaats), a
gemeente (or its everyday name), a region or an organisation; or by a point.

Names are searched in an in-memory index, rebuilt only when the map layer or
the search generation changes (regions.services bumps it), so a query costs a
query for the generation key plus a few for the regions it finds."""

import bisect
import re
from collections import defaultdict
from dataclasses import dataclass, field
from decimal import Decimal

import shapely
from django.utils.translation import gettext as _
from shapely import STRtree

from core import generation
from core.text import plain
from geo import geometry
from geo.models import Gemeente, PostcodeArea
from organisations.models import Organisation

from .maplayer import layer
from .models import Region, RegionOrganisation

MIN_QUERY_LENGTH = 2
MAX_QUERY_LENGTH = 100
POSTCODE = re.compile(r"^([0-9]{4})\s*([a-z]{2})?$")
VALID_PC4 = re.compile(r"^[1-9][0-9]{3}$")
# A qualifier after a name, as in "Hengelo (O.)" and "Hengelo (Gld)".
QUALIFIER = re.compile(r"\s*\([^)]*\)\s*$")

# Names people use for a gemeente other than CBS's official one. CBS's 2024
# files (fixtures/SOURCES.md) carry only the official names, so the common
# Dutch/Frisian pairs are listed here by hand: alias -> official CBS name.
ALIASES = {
    "Den Haag": "'s-Gravenhage",
    "The Hague": "'s-Gravenhage",
    "Den Bosch": "'s-Hertogenbosch",
    "Ljouwert": "Leeuwarden",
    "Harns": "Harlingen",
    "Dantumadeel": "Dantumadiel",
    "Tietjerksteradeel": "Tytsjerksteradiel",
    "De Friese Meren": "De Fryske Marren",
    "Zuidwest-Friesland": "Súdwest-Fryslân",
    "Noordoost-Friesland": "Noardeast-Fryslân",
    "Skylge": "Terschelling",
    "Flylân": "Vlieland",
    "It Amelân": "Ameland",
    "Skiermûntseach": "Schiermonnikoog",
}


# One normaliser for every name on the site (core.text).
normalise = plain


# -- The in-memory index -------------------------------------------------------


@dataclass(frozen=True)
class Entry:
    """One searchable name: a region, a gemeente (or its alias), a place, an
    organisation."""

    key: str  # normalised
    words: tuple[str, ...]
    kind: str  # "region" | "gemeente" | "place" | "organisation"
    label: str  # what the visitor typed it as, e.g. "Den Haag"
    target: object  # region id, gemeente id, set of gemeente ids, organisation id


@dataclass
class Index:
    generation: str
    entries: list[Entry]
    gemeenten: dict[int, tuple[str, int | None]]  # id -> (name, region id)
    postcodes: dict[str, list[tuple[int, Decimal | None, str]]]
    organisations: dict[int, tuple[str, str, tuple[int, ...]]]  # name, slug, regions
    prefixes: list[tuple[str, int]] = field(default_factory=list)

    def __post_init__(self):
        # Every whole name and every word of it, sorted: a prefix search is a
        # bisection, not a scan of all names.
        self.prefixes = sorted(
            {
                (text, n)
                for n, entry in enumerate(self.entries)
                for text in (entry.key, *entry.words)
            }
        )

    def matching(self, query: str) -> list[Entry]:
        """Entries whose name, or a word of it, starts with the query."""
        found = set()
        start = bisect.bisect_left(self.prefixes, (query, -1))
        for text, n in self.prefixes[start:]:
            if not text.startswith(query):
                break
            found.add(n)
        return [self.entries[n] for n in sorted(found)]


_index: dict[str, Index] = {}


def _entry(name: str, kind: str, target, label: str | None = None) -> Entry:
    key = normalise(name)
    return Entry(key, tuple(key.split()), kind, label or name, target)


def build_index(generation: str = "") -> Index:
    entries = [
        _entry(name, "region", pk)
        for pk, name in Region.objects.values_list("pk", "name")
    ]
    gemeenten = {}
    by_name = {}
    for pk, name, region_id in Gemeente.objects.values_list(
        "pk", "name", "region_link__region_id"
    ):
        gemeenten[pk] = (name, region_id)
        by_name[normalise(name)] = pk
        entries.append(_entry(name, "gemeente", pk))
    for alias, official in ALIASES.items():
        if normalise(official) in by_name:
            by_name[normalise(alias)] = by_name[normalise(official)]
            entries.append(_entry(alias, "gemeente", by_name[normalise(official)]))
    postcodes: dict[str, list] = defaultdict(list)
    places: dict[str, set[int]] = defaultdict(set)
    place_names: dict[str, str] = {}
    for postcode, place, gemeente_id, share in PostcodeArea.objects.values_list(
        "postcode4", "place", "gemeente_id", "share"
    ).order_by("postcode4", "-share"):
        first = not postcodes[postcode]
        postcodes[postcode].append((gemeente_id, share, place))
        key = normalise(place)
        if place and first and key not in by_name:
            places[key].add(gemeente_id)
            place_names.setdefault(key, place)
    entries.extend(
        _entry(place_names[key], "place", frozenset(ids)) for key, ids in places.items()
    )
    links = defaultdict(set)
    for organisation_id, region_id in RegionOrganisation.objects.values_list(
        "organisation_id", "region_id"
    ):
        links[organisation_id].add(region_id)
    for region_id, organisation_id in Region.objects.filter(
        regional_organisation__isnull=False
    ).values_list("pk", "regional_organisation_id"):
        links[organisation_id].add(region_id)
    organisations = {}
    for pk, name, slug in Organisation.objects.values_list("pk", "name", "slug"):
        organisations[pk] = (name, slug, tuple(sorted(links[pk])))
        entries.append(_entry(name, "organisation", pk))
    return Index(generation, entries, gemeenten, dict(postcodes), organisations)


def current_index() -> Index:
    """The index, rebuilt when the data changes (core.generation)."""
    current = generation.current()
    index = _index.get("current")
    if index is None or index.generation != current:
        index = _index["current"] = build_index(current)
    return index


# -- Answers -------------------------------------------------------------------


@dataclass
class Hit:
    region: Region
    by_name: bool = False
    gemeenten: list[str] = field(default_factory=list)
    places: list[tuple[str, str]] = field(default_factory=list)  # (place, gemeente)
    gemeente_ids: list[int] = field(default_factory=list)
    # (what was typed, official gemeente name): "Den Haag" -> "'s-Gravenhage"
    aliases: list[tuple[str, str]] = field(default_factory=list)


@dataclass
class PostcodePart:
    gemeente: str
    gemeente_id: int
    share: Decimal | None
    place: str
    region: Region | None


@dataclass
class Answer:
    query: str
    hits: list[Hit] = field(default_factory=list)
    organisations: list[dict] = field(default_factory=list)
    postcode: str = ""
    parts: list[PostcodePart] = field(default_factory=list)
    error: str = ""
    bad_request: bool = False

    @property
    def regions(self) -> list[Region]:
        if self.postcode:
            seen = {}
            for part in self.parts:
                if part.region:
                    seen.setdefault(part.region.pk, part.region)
            return list(seen.values())
        return [hit.region for hit in self.hits]

    @property
    def gemeente_ids(self) -> list[int]:
        if self.postcode:
            return [part.gemeente_id for part in self.parts]
        return [pk for hit in self.hits for pk in hit.gemeente_ids]

    @property
    def goes_straight_to_organisation(self) -> bool:
        return not (self.postcode or self.hits) and len(self.organisations) == 1

    @property
    def goes_straight_to_region(self) -> bool:
        """A region or gemeente name that is one region: its page answers best."""
        return (
            not self.postcode
            and len(self.hits) == 1
            and not self.hits[0].places
            and not self.hits[0].aliases  # say what "Den Haag" means first
            and (self.hits[0].by_name or bool(self.hits[0].gemeenten))
        )


def lookup(raw: str) -> Answer:
    """Understand what a visitor typed: a postcode, a place, a gemeente, a
    region or an organisation. Never raises on odd input."""
    if len(raw) > MAX_QUERY_LENGTH:
        return Answer(
            raw[:MAX_QUERY_LENGTH],
            error=_("Uw zoekopdracht is te lang: gebruik hoogstens 100 tekens."),
            bad_request=True,
        )
    query = normalise(raw)
    postcode = POSTCODE.match(query.replace(" ", "")) if query else None
    if postcode:
        return _postcode_answer(raw, postcode.group(1))
    if query.replace(" ", "").isdigit():
        return Answer(raw, error=_postcode_help())
    if len(query) < MIN_QUERY_LENGTH:
        return Answer(raw, error=_("Typ minstens twee letters of een postcode."))
    return _text_answer(raw, query)


def _postcode_help() -> str:
    return _(
        "Dat is geen geldige postcode. Een postcode heeft vier cijfers (niet "
        "beginnend met 0), eventueel gevolgd door twee letters, zoals 6511 of "
        "6511 AB."
    )


def _postcode_answer(raw: str, pc4: str) -> Answer:
    if not VALID_PC4.match(pc4):
        return Answer(raw, error=_postcode_help())
    index = current_index()
    rows = index.postcodes.get(pc4)
    if not rows:
        return Answer(
            raw,
            postcode=pc4,
            error=_("Postcode %(postcode)s komt niet voor in de postcodetabel van CBS.")
            % {"postcode": pc4},
        )
    region_ids = {index.gemeenten[g][1] for g, _share, _place in rows}
    regions = Region.objects.with_related().in_bulk(r for r in region_ids if r)
    parts = [
        PostcodePart(
            gemeente=index.gemeenten[gemeente_id][0],
            gemeente_id=gemeente_id,
            share=share,
            place=place,
            region=regions.get(index.gemeenten[gemeente_id][1]),
        )
        for gemeente_id, share, place in rows
    ]
    return Answer(raw, postcode=pc4, parts=parts)


def _text_answer(raw: str, query: str) -> Answer:
    index = current_index()
    found = index.matching(query)
    exact = [e for e in found if e.key == query and e.kind != "organisation"]
    if exact:  # "Hengelo" is also "Hengelo (O.)" and "Hengelo (Gld)"
        exact += [
            e
            for e in found
            if e.kind != "organisation"
            and e.key != query
            and normalise(QUALIFIER.sub("", e.label)) == query
        ]
    places_first = exact or [e for e in found if e.kind != "organisation"]
    region_ids: dict[int, Hit] = {}
    by_region: list[tuple] = []  # region id, kind, label, gemeente id
    for entry in places_first:
        if entry.kind == "region":
            by_region.append((entry.target, "region", entry.label, None))
        elif entry.kind == "gemeente":
            name, region_id = index.gemeenten[entry.target]
            label = name if normalise(name) == entry.key else f"{name} ({entry.label})"
            if region_id:
                by_region.append((region_id, "gemeente", label, entry.target))
                if normalise(name) != entry.key:
                    by_region.append(
                        (region_id, "alias", (entry.label, name), entry.target)
                    )
        else:
            for gemeente_id in sorted(entry.target):
                name, region_id = index.gemeenten[gemeente_id]
                if region_id:
                    by_region.append(
                        (region_id, "place", (entry.label, name), gemeente_id)
                    )
    regions = Region.objects.with_related().in_bulk({row[0] for row in by_region})
    for region_id, kind, label, gemeente_id in by_region:
        hit = region_ids.setdefault(region_id, Hit(regions[region_id]))
        if gemeente_id and gemeente_id not in hit.gemeente_ids:
            hit.gemeente_ids.append(gemeente_id)
        if kind == "region":
            hit.by_name = True
        elif kind == "gemeente" and label not in hit.gemeenten:
            hit.gemeenten.append(label)
        elif kind == "place" and label not in hit.places:
            hit.places.append(label)
        elif kind == "alias" and label not in hit.aliases:
            hit.aliases.append(label)
    organisations = [
        {
            "name": index.organisations[e.target][0],
            "slug": index.organisations[e.target][1],
        }
        for e in found
        if e.kind == "organisation"
    ][:20]
    hits = sorted(region_ids.values(), key=lambda h: (not h.by_name, h.region.name))
    return Answer(raw, hits=hits, organisations=organisations)


def search(query: str) -> list[Hit]:
    """The regions a text query finds (see lookup for the whole answer)."""
    return lookup(query).hits


_tree_cache: dict = {}


def _tree() -> tuple[STRtree, list[str]]:
    """An STRtree of region borders, rebuilt when the map layer changes.

    It keeps slugs, not ids: slugs are in the layer, so its ETag covers them."""
    etag = layer.current_etag()
    if _tree_cache.get("etag") != etag:
        rows = list(
            Region.objects.filter(geometry__isnull=False).values_list(
                "slug", "geometry"
            )
        )
        _tree_cache.update(
            etag=etag,
            slugs=[slug for slug, _geojson in rows],
            tree=STRtree([geometry.to_shape(geojson) for _slug, geojson in rows]),
        )
    return _tree_cache["tree"], _tree_cache["slugs"]


def region_at(lat: float, lon: float) -> Region | None:
    tree, slugs = _tree()
    hits = tree.query(shapely.Point(lon, lat), predicate="intersects")
    if len(hits) == 0:
        return None
    return Region.objects.without_borders().filter(slug=slugs[min(hits)]).first()
