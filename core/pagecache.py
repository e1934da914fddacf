"""Pages and downloads for visitors, rendered once per data generation.

A visitor's page is the same for every visitor until the data changes, so it is
rendered once per generation (core.generation) and then served from Django's
cache framework (local memory by default; Redis through CACHE_URL when several
workers share it), with an ETag so a browser or proxy that has it gets a 304.
Never cached: a logged-in user's page (or any request with a session or pending
messages), anything but GET/HEAD, anything but a 200.

While the database is unreachable, the last generation this process knew is
used, so the pages it has cached keep being served.
"""

import hashlib
from functools import wraps

from django.conf import settings
from django.core.cache import caches
from django.db import transaction
from django.http import HttpResponse, HttpResponseNotModified
from django.utils import timezone
from django.utils.cache import patch_vary_headers
from django.utils.http import parse_etags, quote_etag
from django.utils.translation import get_language

from . import generation

CACHE_CONTROL = "public, max-age=0, must-revalidate"
# Headers a cached response keeps; the rest (cookies, CSP) is per response.
KEPT_HEADERS = ("Content-Type", "Content-Disposition", "Content-Language")


def is_cacheable_request(request) -> bool:
    return (
        request.method in ("GET", "HEAD")
        and settings.SESSION_COOKIE_NAME not in request.COOKIES
        and "messages" not in request.COOKIES
        and not request.user.is_authenticated
    )


def _key(request, current: int) -> str:
    """Per generation, language, URL and day: pages say what expired by today."""
    path = request.get_full_path()
    digest = hashlib.sha256(f"{get_language()}|{path}".encode()).hexdigest()[:40]
    return f"page:{current}:{timezone.localdate():%Y%m%d}:{digest}"


def public_page(view):
    """Cache a visitor's page per data generation, with ETag and 304.

    Visitors' pages only read, so they run outside a transaction: a cached page
    costs one query, and none of its own while the database is away."""

    @transaction.non_atomic_requests
    @wraps(view)
    def wrapper(request, *args, **kwargs):
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

    return wrapper
