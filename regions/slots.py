"""Places on regions' pages where higher apps add their part.

A lower app never names a higher one, not even in a string
(tests/test_layers_in_strings.py). Yet the region page shows the plan chain
(plans), links to the feed and to progress over time (progress) and to "Mijn
regio" (editing). Each higher app registers what it adds, once, in its
AppConfig.ready():

    slots.register_link("region_feed", <its URL name>)
    slots.register_section("region_detail.sections", <its template>,
                           context=<a function of the page's context>)

and regions' templates ask by name, knowing nothing of who answers:

    {% load slot_tags %}
    {% slot_link "region_feed" region.slug as feed_url %}
    {% if feed_url %}<a href="{{ feed_url }}">…</a>{% endif %}
    {% slot "region_detail.sections" %}

A link nobody registered is "", a slot nobody fills renders nothing, so
regions works (and is tested) on its own.
"""

from collections.abc import Callable
from dataclasses import dataclass

from django.urls import reverse


@dataclass(frozen=True)
class Section:
    template: str
    # Extra context for the template from the page's context (a dict-like);
    # it does its own reading, in a fixed number of queries.
    context: Callable | None = None
    order: int = 0


_links: dict[str, str] = {}
_sections: dict[str, list[Section]] = {}


def register_link(name: str, view_name: str) -> None:
    _links[name] = view_name


def register_section(
    slot: str, template: str, context: Callable | None = None, order: int = 0
) -> None:
    section = Section(template, context, order)
    registered = _sections.setdefault(slot, [])
    if section not in registered:  # ready() may run twice in tests
        registered.append(section)
        registered.sort(key=lambda s: s.order)


def link(name: str, *args) -> str:
    view_name = _links.get(name)
    return reverse(view_name, args=args) if view_name else ""


def sections(slot: str) -> list[Section]:
    return list(_sections.get(slot, ()))
