"""One admin page for every reference import: upload, preview, confirm.

Step 1 (POST with files): the form checks the size, the files are staged
(`core.staging`) and the import's `validate()` runs as a dry run; the page
shows what would be new, changed, unchanged or removed, or every error. Only a
file without errors gets a confirm button, its token kept in the session.
Step 2 (POST confirm): the token must be the one in the session and the staged
files still there, else nothing happens ("verlopen"); the import validates the
file again and writes it through `services.commit_import` (one transaction,
derived data rebuilt once, an ImportLog entry). The kinds are in
`regions.reference_imports.KINDS`.
"""

import secrets

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.http import Http404
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils.text import capfirst
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from core import staging
from core.permissions import is_curator

from ..reference_imports import KINDS

TEMPLATE = "admin/regions/reference_import.html"
MAX_CHANGES_SHOWN = 200


def import_view(model_admin, request, slug: str):
    if not is_curator(request.user):
        raise PermissionDenied
    kind = KINDS.get(slug)
    if kind is None:
        raise Http404
    context = {
        **model_admin.admin_site.each_context(request),
        "opts": model_admin.model._meta,
        "title": kind.title,
        "kind": kind,
    }
    session_key = f"import:{kind.slug}"
    if request.method == "POST" and "confirm" in request.POST:
        return _confirm(request, kind, session_key, context)

    posted = request.method == "POST"
    form = kind.form(request.POST, request.FILES) if posted else kind.form()
    if posted and form.is_valid():
        _discard(request.session.pop(session_key, None))  # an earlier preview
        uploads = form.uploads()
        staged = {name: staging.store(upload) for name, upload in uploads.items()}
        files = {name: path for name, (_token, path) in staged.items()}
        report = kind.job(files, form.options()).validate()
        pending = {
            "token": secrets.token_hex(16),
            "files": {name: token for name, (token, _path) in staged.items()},
            "names": ", ".join(upload.name for upload in uploads.values()),
            "options": form.options(),
        }
        if report.ok:
            request.session[session_key] = pending
        else:
            _discard(pending)
        context.update(_report_context(report), filename=pending["names"])
        if report.ok:
            context["token"] = pending["token"]
    context["form"] = form
    return TemplateResponse(request, TEMPLATE, context)


def _confirm(request, kind, session_key, context):
    pending = request.session.pop(session_key, None)
    token = request.POST.get("token", "")
    files = {
        name: staging.find(staged)
        for name, staged in (pending or {}).get("files", {}).items()
    }
    if (
        not pending
        or not secrets.compare_digest(pending["token"].encode(), token.encode())
        or not files
        or not all(files.values())
    ):
        _discard(pending)
        messages.error(
            request, _("Deze import is verlopen. Upload het bestand opnieuw.")
        )
        return redirect(request.path)
    try:
        report = kind.commit(
            kind.job(files, pending["options"]),
            file_name=pending["names"],
            user=request.user,
        )
    finally:
        _discard(pending)
    if report.ok:
        messages.success(request, f"{capfirst(kind.what)}: {report.summary()}")
        return redirect(reverse("admin:geo_gemeente_changelist"))
    # The data changed since the preview (a gemeente removed, say): nothing written.
    context.update(_report_context(report), form=kind.form(), filename=pending["names"])
    return TemplateResponse(request, TEMPLATE, context)


def _report_context(report) -> dict:
    changes = report.shown_changes()
    hidden = len(changes) - MAX_CHANGES_SHOWN
    return {
        "report": report,
        "changes": changes[:MAX_CHANGES_SHOWN],
        "more_changes": (
            ngettext(
                "… en nog %(count)d wijziging.",
                "… en nog %(count)d wijzigingen.",
                hidden,
            )
            % {"count": hidden}
            if hidden > 0
            else ""
        ),
    }


def _discard(pending) -> None:
    for token in (pending or {}).get("files", {}).values():
        staging.discard(token)
