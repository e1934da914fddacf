"""Contact persons of the organisations active in, or leading, the region."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.db.models import Q
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST

from organisations.models import ContactPerson
from regions import contacts
from regions.access import editable_region, readable_region

from ..forms import (
    ContactPersonForm,
)
from .common import form_context


def _region_organisations(request, region):
    """The organisations active in or leading this region that the user may
    maintain (regions.contacts holds the rule)."""
    return (
        contacts.editable_organisations(request.user)
        .filter(Q(regions=region) | Q(regions_led=region))
        .distinct()
    )


@login_required
def contact_persons(request, slug):
    region = readable_region(request, slug)
    organisations = _region_organisations(request, region).prefetch_related(
        "contact_persons"
    )
    return render(
        request,
        "editing/contact_persons.html",
        {
            "region": region,
            "organisations": organisations.order_by("name"),
            "title": _("Contactpersonen"),
        },
    )


@login_required
@require_http_methods(["GET", "HEAD", "POST"])
def edit_contact_person(request, slug, organisation=None, pk=None):
    region = editable_region(request, slug)
    organisations = _region_organisations(request, region)
    if pk:
        person = get_object_or_404(
            ContactPerson.objects.select_related("organisation"),
            pk=pk,
            organisation__in=organisations,
        )
    else:
        person = ContactPerson(
            organisation=get_object_or_404(organisations, slug=organisation)
        )
    form = ContactPersonForm(request.POST or None, instance=person)
    if request.method == "POST" and form.is_valid():
        form.save()
        messages.success(
            request,
            _("Contactpersoon %(name)s opgeslagen.") % {"name": person.name},
        )
        return redirect("editing:contact_persons", region.slug)
    title = _("Contactpersoon bij %(organisation)s") % {
        "organisation": person.organisation.name
    }
    return render(request, "editing/form.html", form_context(region, form, title))


@login_required
@require_POST
def delete_contact_person(request, slug, pk):
    region = editable_region(request, slug)
    person = get_object_or_404(
        ContactPerson, pk=pk, organisation__in=_region_organisations(request, region)
    )
    person.delete()
    messages.success(
        request, _("Contactpersoon %(name)s verwijderd.") % {"name": person.name}
    )
    return redirect("editing:contact_persons", region.slug)
