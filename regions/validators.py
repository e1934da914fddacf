from django.conf import settings
from django.core.exceptions import ValidationError
from django.template.defaultfilters import filesizeformat
from django.utils.translation import gettext as _


def validate_pdf(upload) -> None:
    """Accept a PDF of at most REGIOPLAN_MAX_UPLOAD_BYTES, judged by its content."""
    limit = settings.REGIOPLAN_MAX_UPLOAD_BYTES
    if upload.size > limit:
        raise ValidationError(
            _("Het bestand is te groot (%(size)s); het maximum is %(limit)s.")
            % {"size": filesizeformat(upload.size), "limit": filesizeformat(limit)}
        )
    position = upload.tell() if hasattr(upload, "tell") else 0
    upload.seek(0)
    header = upload.read(5)
    upload.seek(position)
    if header != b"%PDF-":
        raise ValidationError(_("Alleen PDF-bestanden zijn toegestaan."))
