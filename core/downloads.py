"""Downloads (open data files, feeds, the map layer), built once per data
generation.

A download is the same for every visitor, logged in or not, until the data
changes: it is built on the first request of a generation (core.generation),
kept in Django's cache framework (settings.PAGE_CACHE, for
settings.PAGE_CACHE_SECONDS) as bytes, and gzipped once when that makes it
smaller. Every later request of that generation reads the generation and
nothing else. The ETag is a digest of the bytes (with "-gz" for the gzipped
ones), so a client that has the file gets a 304.

Only a 200 is kept; a refused filter or format is answered afresh each time.
The key holds the host (files carry absolute links), the language, the full
path with its query string and the day (what is current may depend on it).
"""

import gzip
import hashlib
import re
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
KEPT_HEADERS = ("Content-Type", "Content-Disposition", "Last-Modified")
# Below this size gzip gains nothing worth a second copy.
GZIP_MIN_BYTES = 200


def accepts_gzip(request) -> bool:
    return bool(re.search(r"\bgzip\b", request.headers.get("Accept-Encoding", "")))


def _key(request, current: int) -> str:
    where = f"{request.scheme}|{request.get_host()}|{get_language()}"
    digest = hashlib.sha256(f"{where}|{request.get_full_path()}".encode())
    return f"download:{current}:{timezone.localdate():%Y%m%d}:{digest.hexdigest()}"


def _gzipped(response) -> bytes | None:
    """The body gzipped, or None when that is not smaller. A view that keeps
    its own gzipped bytes (the map layer) hands them over as
    response.gzipped."""
    given = getattr(response, "gzipped", None)
    if given is not None:
        return given
    content = response.content
    if len(content) < GZIP_MIN_BYTES:
        return None
    packed = gzip.compress(content, 6, mtime=0)
    return packed if len(packed) < len(content) else None


def built(response) -> dict:
    """What the cache keeps of a download: bytes, gzipped bytes, headers."""
    return {
        "content": response.content,
        "gzipped": _gzipped(response),
        "headers": {h: response[h] for h in KEPT_HEADERS if h in response},
        "etag": hashlib.sha256(response.content).hexdigest()[:32],
    }


def served(request, entry: dict) -> HttpResponse:
    """The kept download, gzipped when the client takes it; 304 when the
    client has it (compared weakly: a proxy may weaken the ETag)."""
    zipped = entry["gzipped"] is not None and accepts_gzip(request)
    etag = quote_etag(entry["etag"] + ("-gz" if zipped else ""))
    known = parse_etags(request.headers.get("If-None-Match", ""))
    if etag in {tag.removeprefix("W/") for tag in known}:
        response = HttpResponseNotModified()
    else:
        response = HttpResponse(entry["gzipped"] if zipped else entry["content"])
        for header, value in entry["headers"].items():
            response[header] = value
        if zipped:
            response["Content-Encoding"] = "gzip"
    response["ETag"] = etag
    response["Cache-Control"] = CACHE_CONTROL
    if entry["gzipped"] is not None:
        patch_vary_headers(response, ["Accept-Encoding"])
    return response


def stored_download(view):
    """Serve a download built once per data generation (see the module).

    Downloads only read, so they run outside a transaction: a kept download
    costs one query, and none of its own while the database is away."""

    @transaction.non_atomic_requests
    @wraps(view)
    def wrapper(request, *args, **kwargs):
        if request.method not in ("GET", "HEAD"):
            return view(request, *args, **kwargs)
        cache = caches[settings.PAGE_CACHE]
        key = _key(request, generation.current())
        entry = cache.get(key)
        if entry is None:
            response = view(request, *args, **kwargs)
            if response.status_code != 200 or response.streaming:
                return response
            entry = built(response)
            cache.set(key, entry, settings.PAGE_CACHE_SECONDS)
        return served(request, entry)

    wrapper.stored_download = True  # the public-page rule's test reads this
    return wrapper
