"""Small middleware of our own."""

import re

from django.conf import settings
from django.db import DEFAULT_DB_ALIAS, DatabaseError, connections, transaction

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


WRITE = re.compile(
    r"^\s*(?:INSERT\s+INTO|UPDATE|DELETE\s+FROM)\s+[`\"]?(\w+)", re.IGNORECASE
)


class DataGenerationMiddleware:
    """A request that really wrote the site's data starts a new data generation.

    The explicit service calls (regions.services.data_changed) cover the writes
    that change derived data; this covers every other edit made through the
    site or the admin, so no cached page outlives a change, whichever form made
    it. Only a write that stays counts: an INSERT, UPDATE or DELETE on a table
    not in settings.DATA_GENERATION_IGNORED_TABLES (sessions, login throttling,
    the counter itself) that was not rolled back. A refused form, a failed
    login, a password-reset request or an import preview moves nothing.
    """

    def __init__(self, get_response):
        self.get_response = get_response
        self.ignored = tuple(settings.DATA_GENERATION_IGNORED_TABLES)

    def __call__(self, request):
        if request.method in ("GET", "HEAD", "OPTIONS"):
            return self.get_response(request)
        connection = connections[DEFAULT_DB_ALIAS]
        committed = []

        def mark():
            committed.append(True)

        def watch(execute, sql, params, many, context):
            result = execute(sql, params, many, context)
            match = WRITE.match(sql) if isinstance(sql, str) else None
            if (
                match
                and not match.group(1).startswith(self.ignored)
                and not (committed or mark in _pending(connection))
            ):
                # Runs at commit; dropped if the write is rolled back.
                transaction.on_commit(mark)
            return result

        with connection.execute_wrapper(watch):
            response = self.get_response(request)
        # Inside an outer transaction (a test's) the write is still pending.
        if committed or mark in _pending(connection):
            try:
                generation.bump()
            except DatabaseError:
                pass  # the write itself failed with the database; nothing to mark
        return response


def _pending(connection) -> list:
    """The on-commit callbacks still waiting for the outermost commit."""
    return [func for _sids, func, _robust in connection.run_on_commit]
