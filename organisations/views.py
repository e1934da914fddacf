"""A published contact person's vCard; anyone else's is a 404."""

from django.http import HttpResponse
from django.shortcuts import get_object_or_404
from django.utils.text import slugify
from django.views.decorators.http import require_safe

from .models import ContactPerson
from .vcard import vcard


@require_safe
def person_vcard(request, slug, pk):
    person = get_object_or_404(
        ContactPerson.objects.public().select_related("organisation"),
        pk=pk,
        organisation__slug=slug,
    )
    response = HttpResponse(vcard(person), content_type="text/vcard; charset=utf-8")
    filename = slugify(person.name) or "contactpersoon"
    response["Content-Disposition"] = f'attachment; filename="{filename}.vcf"'
    response["X-Robots-Tag"] = "noindex"
    return response
