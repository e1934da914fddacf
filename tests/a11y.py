"""Accessibility checks in the browser: axe-core (vendored) and the pages to check.

The pages are found generically, so new pages are checked as they land: every
page sitemap.xml lists (one per URL pattern and language), the public pages
the sitemap leaves out, every "Mijn regio" page of one region and the main
admin pages.
"""

from collections import OrderedDict
from pathlib import Path
from urllib.parse import urlsplit
from xml.etree import ElementTree

from django.test import Client
from django.urls import URLPattern, get_resolver, resolve, reverse, translate_url
from django.utils import translation

AXE = Path(__file__).parent / "vendor" / "axe.min.js"
WCAG_21_AA = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]
SIZES = {"breed": (1366, 900), "telefoon": (390, 844)}
LANGUAGES = ("nl", "en")

# Public pages that sitemap.xml does not list (search results, the embed).
EXTRA_PUBLIC = [
    ("regions:search", "?q=ut"),
    ("regions:embed", ""),
    ("follow:subscribe", "?regio=arnhem"),
    ("follow:sent", ""),
    ("plans:search", "?q=huisartsenpost"),
]
# Public pages that exist in Dutch only (accounts stay unprefixed).
DUTCH_ONLY_PUBLIC = ["login", "password_reset"]

_RUN_AXE = """async (tags) => {
  const result = await axe.run(document, {
    runOnly: {type: "tag", values: tags}, resultTypes: ["violations"]
  });
  return result.violations.map(v => ({
    id: v.id, impact: v.impact, help: v.help,
    nodes: v.nodes.slice(0, 5).map(n => n.target.join(" "))
  }));
}"""


def axe_violations(page) -> list[dict]:
    """Run axe-core for WCAG 2.1 A/AA in the page; its violations, summarised."""
    if not page.evaluate("() => typeof window.axe !== 'undefined'"):
        page.add_script_tag(path=str(AXE))
    return page.evaluate(_RUN_AXE, WCAG_21_AA)


def open_and_settle(page, url: str):
    """Go to url and wait until the maps on it have drawn their regions."""
    response = page.goto(url)  # waits for the load event
    if page.locator("#kaart").count():
        page.wait_for_selector("#kaart[data-loaded]")
    if page.locator("#regiokaartje").count():
        page.wait_for_selector("#regiokaartje path")
    return response


def in_language(path: str, language: str) -> str:
    return translate_url(path, language)


def sitemap_paths() -> list[str]:
    """One path per URL pattern and language from sitemap.xml (plus alternates)."""
    xml = Client().get("/sitemap.xml").content
    namespace = {
        "s": "http://www.sitemaps.org/schemas/sitemap/0.9",
        "x": "http://www.w3.org/1999/xhtml",
    }
    root = ElementTree.fromstring(xml)
    urls = [loc.text for loc in root.iterfind("s:url/s:loc", namespace)]
    urls += [link.get("href") for link in root.iterfind("s:url/x:link", namespace)]
    chosen: OrderedDict[tuple, str] = OrderedDict()
    for url in urls:
        path = urlsplit(url).path
        language = "en" if path.startswith("/en/") else "nl"
        with translation.override(language):
            match = resolve(path)
        chosen.setdefault((match.route, language), path)
    return list(chosen.values())


def public_paths() -> list[str]:
    paths = sitemap_paths()
    for name, query in EXTRA_PUBLIC:
        for language in LANGUAGES:
            paths.append(in_language(reverse(name), language) + query)
    paths += [reverse(name) for name in DUTCH_ONLY_PUBLIC]
    return list(dict.fromkeys(paths))


def _named_routes(resolver, prefix="", namespace=""):
    """(route, "namespace:name", pattern) for every named URL pattern."""
    for entry in resolver.url_patterns:
        route = prefix + str(entry.pattern)
        if isinstance(entry, URLPattern):
            if entry.name:
                yield route, namespace + entry.name, entry
        else:
            inner = namespace + (entry.namespace + ":" if entry.namespace else "")
            yield from _named_routes(entry, route, inner)


def editing_paths(slug: str, objects: dict[str, dict]) -> list[str]:
    """Every HTML page under "Mijn regio" (mijn-regio/...), whichever app adds it.

    slug fills <slug>; objects maps a piece of route to its other parameters,
    e.g. {"activiteiten/": {"pk": 3}}. Patterns needing anything else,
    documents and downloads (a "." in the route) are left out."""
    paths = []
    with translation.override("nl"):
        for route, name, pattern in _named_routes(get_resolver()):
            if not route.startswith("mijn-regio/") or "." in route:
                continue
            kwargs = {"slug": slug}
            for piece, extra in objects.items():
                if piece in route:
                    kwargs.update(extra)
            names = set(pattern.pattern.converters)
            if names <= set(kwargs):
                paths.append(reverse(name, kwargs={n: kwargs[n] for n in names}))
    return list(dict.fromkeys(paths))
