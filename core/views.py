"""Error pages and the health check, for every app."""

import sys

from django.db import DatabaseError, connection, transaction
from django.http import HttpResponse, JsonResponse
from django.template import loader
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_safe


def server_error(request):
    """handler500: a database outage is a 503 with a Dutch page, the rest a 500.

    Rendered without context processors: they may need the database too."""
    _type, exc, _tb = sys.exc_info()
    if isinstance(exc, DatabaseError):
        response = HttpResponse(
            loader.render_to_string("503.html"), status=503, content_type="text/html"
        )
        response["Retry-After"] = "60"
        return response
    return HttpResponse(
        loader.render_to_string("500.html"), status=500, content_type="text/html"
    )


@transaction.non_atomic_requests
@never_cache
@require_safe
def health(request):
    """For the proxy and monitoring: 200 when the database answers, else 503.

    Not wrapped in ATOMIC_REQUESTS' transaction: opening it needs the database,
    and its failure would be the HTML error page instead of this answer."""
    try:
        with connection.cursor() as cursor:
            cursor.execute("SELECT 1")
            cursor.fetchone()
    except DatabaseError:
        return JsonResponse({"status": "database unreachable"}, status=503)
    return JsonResponse({"status": "ok"})
