"""The workbook in the admin (regions.workbook): download it empty or filled;
upload → one preview over all sheets → confirm.

The flow is the reference imports' (regions/admin/imports.py) with the
spreadsheet imports' version check (core.spreadsheet_admin): the upload is
staged (core.staging), the preview's row versions are kept beside it, a token
in the session ties the confirm button to this preview. The confirmation
imports the staged file again in one transaction, with those versions
expected: a row someone changed in between refuses the whole workbook.
"""

import secrets

from django import forms
from django.conf import settings
from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.http import HttpResponse
from django.shortcuts import redirect
from django.template.defaultfilters import filesizeformat
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from core import staging
from core.permissions import is_curator
from core.spreadsheets import SpreadsheetRefused

from .. import workbook

TEMPLATE = "admin/regions/workbook.html"
SESSION_KEY = "import:werkboek"
XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


class WorkbookForm(forms.Form):
    werkboek = forms.FileField(
        label=gettext_lazy("Werkboek (XLSX)"),
        help_text=gettext_lazy(
            "Het bestand regiokaart-werkboek.xlsx, zoals u het hierboven "
            "downloadde en in Excel bewerkte."
        ),
        widget=forms.ClearableFileInput(attrs={"accept": ".xlsx"}),
    )

    def clean_werkboek(self):
        upload = self.cleaned_data["werkboek"]
        if not upload.name.lower().endswith(".xlsx"):
            raise forms.ValidationError(
                _("Kies een XLSX-bestand (Excel-werkmap, .xlsx).")
            )
        if upload.size > settings.IMPORT_MAX_UPLOAD_BYTES:
            raise forms.ValidationError(
                _("Het bestand is te groot (%(size)s; het maximum is %(limit)s).")
                % {
                    "size": filesizeformat(upload.size),
                    "limit": filesizeformat(settings.IMPORT_MAX_UPLOAD_BYTES),
                }
            )
        return upload


def download_view(model_admin, request):
    if not is_curator(request.user):
        raise PermissionDenied
    empty = request.GET.get("leeg") == "1"
    response = HttpResponse(workbook.export_workbook(empty=empty), content_type=XLSX)
    response["Content-Disposition"] = f'attachment; filename="{workbook.FILE_NAME}"'
    return response


def import_view(model_admin, request):
    if not is_curator(request.user):
        raise PermissionDenied
    context = {
        **model_admin.admin_site.each_context(request),
        "opts": model_admin.model._meta,
        "title": _("Werkboek importeren"),
        "sheets": workbook.SHEETS,
    }
    if request.method == "POST" and "confirm" in request.POST:
        return _confirm(model_admin, request, context)
    posted = request.method == "POST"
    form = WorkbookForm(request.POST, request.FILES) if posted else WorkbookForm()
    if posted and form.is_valid():
        _discard(request.session.pop(SESSION_KEY, None))  # an earlier preview
        upload = form.cleaned_data["werkboek"]
        token, path = staging.store(upload)
        try:
            sheets = workbook.read_workbook(path.read_bytes())
        except SpreadsheetRefused as exc:
            staging.discard(token)
            form.add_error("werkboek", str(exc))
        else:
            report = workbook.import_workbook(sheets, commit=False, user=request.user)
            if report.ok:
                staging.save_versions(path.name, report.versions)
                pending = {
                    "token": secrets.token_hex(16),
                    "file": token,
                    "name": upload.name,
                }
                request.session[SESSION_KEY] = pending
                context["token"] = pending["token"]
            else:
                staging.discard(token)
            context.update(report=report, filename=upload.name)
    context["form"] = form
    return TemplateResponse(request, TEMPLATE, context)


def _confirm(model_admin, request, context):
    pending = request.session.pop(SESSION_KEY, None)
    token = request.POST.get("token", "")
    path = staging.find(pending["file"]) if pending else None
    versions = staging.load_versions(path.name) if path else None
    if (
        not pending
        or not secrets.compare_digest(pending["token"].encode(), token.encode())
        or versions is None
    ):
        _discard(pending)
        messages.error(
            request,
            _(
                "Dit voorbeeld is niet meer geldig (verlopen of al geïmporteerd). "
                "Er is niets geïmporteerd; upload het bestand opnieuw."
            ),
        )
        return redirect(request.path)
    try:
        with staging.confirming(path.name):
            report = workbook.import_workbook(
                workbook.read_workbook(path.read_bytes()),
                commit=True,
                user=request.user,
                expected_versions=versions,
                file_name=pending["name"],
            )
    finally:
        staging.discard(pending["file"])
    if report.ok:
        messages.success(
            request,
            _("Werkboek geïmporteerd. %(summary)s")
            % {"summary": "; ".join(s.summary() for s in report.sheets if s.present)},
        )
        return redirect(reverse("admin:regions_region_changelist"))
    # Rows changed since the preview: nothing was written.
    context.update(report=report, filename=pending["name"], form=WorkbookForm())
    return TemplateResponse(request, TEMPLATE, context)


def _discard(pending) -> None:
    if not pending:
        return
    path = staging.find(pending.get("file", ""))
    if path is not None:
        versions = staging.companion(path.name, staging.VERSIONS)
        if versions is not None:
            versions.unlink(missing_ok=True)
    staging.discard(pending.get("file", ""))
