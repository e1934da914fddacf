"""Small middleware of our own."""

from django.conf import settings
from django.db import DatabaseError

from . import generation


class PermissionsPolicyMiddleware:
    """Send the Permissions-Policy header (settings.PERMISSIONS_POLICY)."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        if settings.PERMISSIONS_POLICY:
            response.headers.setdefault(
                "Permissions-Policy", settings.PERMISSIONS_POLICY
            )
        return response


class DataGenerationMiddleware:
    """Any successful write request starts a new data generation.

    The explicit service calls (regions.services.data_changed) cover the writes
    that change derived data; this covers every other edit made through the
    site or the admin, so no cached page outlives a change, whichever form made
    it. A failed request (4xx/5xx) changes nothing and keeps the generation.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        if request.method not in ("GET", "HEAD", "OPTIONS") and (
            response.status_code < 400
        ):
            try:
                generation.bump()
            except DatabaseError:
                pass  # the write itself failed with the database; nothing to mark
        return response
