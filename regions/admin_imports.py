"""Admin pages for curators: upload a boundary or CBS figures file, preview, confirm."""

from django import forms
from django.conf import settings
from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.http import Http404
from django.shortcuts import redirect
from django.template.defaultfilters import filesizeformat
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from core import staging
from core.permissions import is_curator
from geo.importers import BoundaryImport, KerncijfersImport

from . import services


class UploadForm(forms.Form):
    file = forms.FileField(label=_("Bestand"))

    def clean_file(self):
        upload = self.cleaned_data["file"]
        limit = settings.IMPORT_MAX_UPLOAD_BYTES
        if upload.size > limit:
            raise forms.ValidationError(
                _("Het bestand is te groot (%(size)s); het maximum is %(limit)s.")
                % {"size": filesizeformat(upload.size), "limit": filesizeformat(limit)}
            )
        return upload


class BoundaryUploadForm(UploadForm):
    file = forms.FileField(
        label=_("Bestand"),
        help_text=_(
            "GeoJSON (.geojson), GeoPackage (.gpkg) of gezipte Shapefile (.zip)"
        ),
    )
    code_column = forms.CharField(label=_("Kolom met de CBS-code"), initial="code")
    name_column = forms.CharField(label=_("Kolom met de naam"), initial="name")
    fix_invalid = forms.BooleanField(
        label=_("Ongeldige polygonen herstellen (make_valid)"), required=False
    )

    def options(self) -> dict:
        return {
            key: self.cleaned_data[key]
            for key in ("code_column", "name_column", "fix_invalid")
        }


class KerncijfersUploadForm(UploadForm):
    file = forms.FileField(
        label=_("Bestand"), help_text=_("CSV in UTF-8, met kolom code")
    )
    year = forms.IntegerField(label=_("Peiljaar"), min_value=2000, max_value=2100)

    def options(self) -> dict:
        return {"year": self.cleaned_data["year"]}


def boundary_job(path, options):
    return BoundaryImport(path, in_use=services.gemeente_codes_in_use(), **options)


def kerncijfers_job(path, options):
    return KerncijfersImport(path.read_bytes(), options["year"])


IMPORTS = {
    "grenzen": (_("Gemeentegrenzen importeren"), BoundaryUploadForm, boundary_job),
    "kerncijfers": (
        _("CBS-kerncijfers importeren"),
        KerncijfersUploadForm,
        kerncijfers_job,
    ),
}


def import_view(model_admin, request, kind: str):
    """Step 1: upload and preview. Step 2: confirm the previewed file."""
    if not is_curator(request.user):
        raise PermissionDenied
    if kind not in IMPORTS:
        raise Http404
    title, form_class, make_job = IMPORTS[kind]
    context = {
        **model_admin.admin_site.each_context(request),
        "opts": model_admin.model._meta,
        "title": title,
    }
    session_key = f"import:{kind}"
    if request.method == "POST" and "confirm" in request.POST:
        pending = request.session.pop(session_key, None)
        path = staging.find(pending["token"]) if pending else None
        if not pending or pending["token"] != request.POST.get("token") or not path:
            messages.error(
                request, _("Deze import is verlopen. Upload het bestand opnieuw.")
            )
            return redirect(request.path)
        report = services.commit_gemeente_import(make_job(path, pending["options"]))
        staging.discard(pending["token"])
        if report.ok:
            messages.success(request, report.summary())
            return redirect(reverse("admin:geo_gemeente_changelist"))
        context.update(form=form_class(), report=report)
        return TemplateResponse(request, "admin/geo/gemeente/import.html", context)

    form = form_class(request.POST or None, request.FILES or None)
    if request.method == "POST" and form.is_valid():
        token, path = staging.store(form.cleaned_data["file"])
        report = make_job(path, form.options()).validate()
        if report.ok:
            request.session[session_key] = {"token": token, "options": form.options()}
        else:
            staging.discard(token)
        context.update(
            report=report,
            token=token if report.ok else "",
            filename=form.cleaned_data["file"].name,
            changes=report.shown_changes(),
        )
    context["form"] = form
    return TemplateResponse(request, "admin/geo/gemeente/import.html", context)
