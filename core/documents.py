"""Uploaded documents (regioplannen): PDF only, judged by content, served by a view."""

from django import forms
from django.conf import settings
from django.core.exceptions import ValidationError
from django.http import FileResponse
from django.template.defaultfilters import filesizeformat
from django.utils.translation import gettext as _


def validate_pdf(upload) -> None:
    """Accept a PDF of at most REGIOPLAN_MAX_UPLOAD_BYTES, judged by its content."""
    limit = settings.REGIOPLAN_MAX_UPLOAD_BYTES
    try:
        size = upload.size
    except OSError:  # a stored name whose file is gone
        raise ValidationError(
            _("Het document ‘%(name)s’ is niet gevonden.") % {"name": upload.name}
        ) from None
    if size > limit:
        raise ValidationError(
            _("Het bestand is te groot (%(size)s); het maximum is %(limit)s.")
            % {"size": filesizeformat(size), "limit": filesizeformat(limit)}
        )
    upload.open("rb")
    position = upload.tell()
    upload.seek(0)
    header = upload.read(5)
    upload.seek(position)
    if header != b"%PDF-":
        raise ValidationError(_("Alleen PDF-bestanden zijn toegestaan."))


def pdf_response(document, filename: str) -> FileResponse:
    """Serve a stored PDF inline under a readable name, never its storage path."""
    return FileResponse(
        document.open("rb"), content_type="application/pdf", filename=filename
    )


class DocumentInput(forms.ClearableFileInput):
    """An uploaded document, linked through a preview view (preview_url), never
    through its storage path."""

    template_name = "core/widgets/document.html"
    preview_url = ""

    def get_context(self, name, value, attrs):
        context = super().get_context(name, value, attrs)
        context["preview_url"] = self.preview_url
        return context
