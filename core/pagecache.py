"""Pages and downloads for visitors, rendered once per data generation.

A visitor's page is the same for every visitor until the data changes, so it is
rendered once per generation (core.generation) and then served from Django's
cache framework (local memory by default; Redis through CACHE_URL when several
workers share it), with an ETag so a browser or proxy that has it gets a 304.
Never cached: a logged-in user's page (or any request with a session or pending
messages), anything but GET/HEAD, anything but a 200.

While the database is unreachable, the last generation this process knew is
used, so the pages it has cached keep being served.

The rule for every public page (tests/test_public_pages.py walks the URLconf
and holds every anonymous GET view to it):

- it is @public_page, or on that test's short, commented list of exceptions
  (pages that vary per visitor, forms, tokens, files, the admin);
- it declares its query parameters once, as a Query (Query.of(FilterSet) reads
  them from the page's FilterSet); the cache key is the page's canonical
  query, so only URLs the page understands can fill the cache;
- a request whose query string is not canonical (an unknown parameter such as
  ?utm_source=, a single parameter given twice, an empty value, parameters in
  another order, untrimmed text) is redirected (301) to the canonical URL. A
  known parameter with an unknown *value* is left to the page, which answers
  400 with its Dutch message (core.filters), and a 400 is never cached.
"""

import hashlib
from dataclasses import dataclass
from functools import wraps
from urllib.parse import parse_qsl, urlencode

import django_filters
from django.conf import settings
from django.core.cache import caches
from django.db import transaction
from django.http import (
    HttpResponse,
    HttpResponseNotModified,
    HttpResponsePermanentRedirect,
)
from django.utils import timezone
from django.utils.cache import patch_vary_headers
from django.utils.http import parse_etags, quote_etag
from django.utils.translation import get_language

from . import generation

CACHE_CONTROL = "public, max-age=0, must-revalidate"
# Headers a cached response keeps; the rest (cookies, CSP) is per response.
KEPT_HEADERS = (
    "Content-Type",
    "Content-Disposition",
    "Content-Language",
    "X-Robots-Tag",
)


def is_cacheable_request(request) -> bool:
    return (
        request.method in ("GET", "HEAD")
        and settings.SESSION_COOKIE_NAME not in request.COOKIES
        and "messages" not in request.COOKIES
        and not request.user.is_authenticated
    )


MAX_VALUES = 10  # of a "list" parameter; more is no page anyone links to


@dataclass(frozen=True)
class Param:
    """One query parameter a page reads, and how its canonical form is made.

    kind: "one" (a single value: the first is kept), "set" (several values,
    order does not matter: sorted, without repeats), "list" (several values in
    the visitor's order, repeats kept for the page to refuse, at most
    MAX_VALUES), "page" (a page number: digits, and
    page 1 is no parameter at all). Values are trimmed; max_length cuts text
    where the page itself would (it then answers the same); casefold where the
    page ignores case anyway."""

    name: str
    kind: str = "one"
    max_length: int = 0
    casefold: bool = False

    def canonical(self, values: list[str]) -> list[str]:
        values = [self._clean(value) for value in values]
        values = [value for value in values if value]
        if self.kind == "one":
            return values[:1]
        if self.kind == "page":
            return [v for v in values[:1] if v.isdigit() and v.lstrip("0") != "1"]
        if self.kind == "list":
            return values[:MAX_VALUES]
        return sorted(set(values))

    def _clean(self, value: str) -> str:
        value = value.strip()
        if self.max_length:
            value = value[: self.max_length].strip()
        return value.casefold() if self.casefold else value


class Query:
    """The query parameters a page knows, in their canonical order."""

    def __init__(self, *params: Param):
        self.params = params

    @classmethod
    def of(cls, filterset_class, *extra: Param, **options: dict) -> "Query":
        """A FilterSet's filters (a multiple-choice filter is a set), then
        extra parameters; options: {filter name: Param keyword arguments}."""
        params = []
        for name, flt in filterset_class.base_filters.items():
            multiple = isinstance(flt, django_filters.MultipleChoiceFilter)
            kwargs = {"kind": "set" if multiple else "one", **options.get(name, {})}
            params.append(Param(name, **kwargs))
        return cls(*params, *extra)

    @property
    def names(self) -> list[str]:
        return [param.name for param in self.params]

    def canonical(self, query_string: str) -> list[tuple[str, str]]:
        given: dict[str, list[str]] = {}
        for name, value in parse_qsl(query_string, keep_blank_values=True):
            given.setdefault(name, []).append(value)
        return [
            (param.name, value)
            for param in self.params
            for value in param.canonical(given.get(param.name, []))
        ]


NO_QUERY = Query()


def canonical_redirect(request, query: Query):
    """A redirect to the canonical URL, or None when the request has it."""
    query_string = request.META.get("QUERY_STRING", "")
    canonical = query.canonical(query_string)
    if parse_qsl(query_string, keep_blank_values=True) == canonical:
        return None
    url = request.path + (f"?{urlencode(canonical)}" if canonical else "")
    return HttpResponsePermanentRedirect(url)


def _key(request, current: int) -> str:
    """Per generation, language, URL and day: pages say what expired by today.
    The URL is canonical here (public_page redirected any other)."""
    path = request.get_full_path()
    digest = hashlib.sha256(f"{get_language()}|{path}".encode()).hexdigest()[:40]
    return f"page:{current}:{timezone.localdate():%Y%m%d}:{digest}"


def public_page(view=None, *, query: Query = NO_QUERY):
    """Cache a visitor's page per data generation, with ETag and 304; redirect
    a query string that is not canonical (see the module docstring).

    @public_page for a page without parameters, @public_page(query=Query(...))
    for one with. Visitors' pages only read, so they run outside a transaction:
    a cached page costs one query, and none of its own while the database is
    away."""
    if view is None:
        return lambda view: _public_page(view, query)
    return _public_page(view, query)


def _public_page(view, query: Query):
    @transaction.non_atomic_requests
    @wraps(view)
    def wrapper(request, *args, **kwargs):
        if request.method in ("GET", "HEAD"):
            redirect = canonical_redirect(request, query)
            if redirect is not None:
                return redirect
        if not is_cacheable_request(request):
            response = view(request, *args, **kwargs)
            patch_vary_headers(response, ["Cookie"])
            return response
        cache = caches[settings.PAGE_CACHE]
        key = _key(request, generation.current())
        entry = cache.get(key)
        if entry is None:
            response = view(request, *args, **kwargs)
            if response.status_code != 200 or response.streaming:
                return response
            if hasattr(response, "render"):
                response.render()
            entry = {
                "content": response.content,
                "headers": {h: response[h] for h in KEPT_HEADERS if h in response},
                "etag": hashlib.sha256(response.content).hexdigest()[:32],
            }
            cache.set(key, entry, settings.PAGE_CACHE_SECONDS)
        etag = quote_etag(entry["etag"])
        # GZipMiddleware weakens the ETag it sends (W/"..."): compare weakly.
        known = parse_etags(request.headers.get("If-None-Match", ""))
        if etag in {tag.removeprefix("W/") for tag in known}:
            response = HttpResponseNotModified()
        else:
            response = HttpResponse(entry["content"])
            for header, value in entry["headers"].items():
                response[header] = value
        response["ETag"] = etag
        response["Cache-Control"] = CACHE_CONTROL
        patch_vary_headers(response, ["Cookie"])
        return response

    wrapper.public_query = query
    return wrapper
