"""'Mijn regio': regional editors edit their own region's entry, and nothing else.

Every view finds its region through Region.objects.for_user(), so a region the
user may not edit is a 404, for GET and POST alike.
"""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST

from core.documents import pdf_response
from core.spreadsheets import export_response
from regions import services
from regions.models import Region
from regions.resources import (
    ActivityResource,
    OrganisationResource,
    RegionFigureResource,
    RegionResource,
)

from .forms import (
    ActivityForm,
    ContactForm,
    FigureFormSet,
    NewOrganisationForm,
    RegionOrganisationsForm,
    RegioplanForm,
)


def editable_region(request, slug) -> Region:
    return get_object_or_404(
        Region.objects.for_user(request.user).with_related(), slug=slug
    )


def _saved(request, region, message: str):
    """message: a whole sentence such as "Regioplan opgeslagen."."""
    messages.success(request, " ".join([message, _("Bezoekers zien het meteen.")]))
    return redirect("editing:region", region.slug)


@login_required
def my_regions(request):
    regions = Region.objects.for_user(request.user).with_related()
    if len(regions) == 1:
        return redirect("editing:region", regions[0].slug)
    return render(request, "editing/my_regions.html", {"regions": regions})


@login_required
def region_overview(request, slug):
    region = editable_region(request, slug)
    return render(
        request,
        "editing/region.html",
        {
            "region": region,
            "status": region.status_choice,
            "activities": region.activities.for_display(),
            "figures": region.figures.order_by("kind", "-year"),
            "organisations": region.organisations.order_by("type", "name"),
            "export_kinds": [
                ("regio", _("De regio en het regioplan")),
                ("organisaties", _("Organisaties")),
                ("activiteiten", _("Activiteiten")),
                ("kerngetallen", _("Eigen kerngetallen")),
            ],
        },
    )


@login_required
@require_http_methods(["GET", "HEAD", "POST"])
def edit_regioplan(request, slug):
    region = editable_region(request, slug)
    form = RegioplanForm(request.POST or None, request.FILES or None, instance=region)
    if request.method == "POST" and form.is_valid():
        form.save()
        services.data_changed()
        return _saved(request, region, _("Regioplan opgeslagen."))
    return render(
        request, "editing/form.html", _form_context(region, form, _("Regioplan"))
    )


@login_required
@require_http_methods(["GET", "HEAD", "POST"])
def edit_contact(request, slug):
    region = editable_region(request, slug)
    organisation = region.regional_organisation
    if organisation is None:
        raise Http404("Deze regio heeft nog geen regionale organisatie.")
    form = ContactForm(request.POST or None, instance=organisation)
    if request.method == "POST" and form.is_valid():
        form.save()
        return _saved(request, region, _("Contactgegevens opgeslagen."))
    title = _("Contactgegevens van %(name)s") % {"name": organisation.name}
    return render(request, "editing/form.html", _form_context(region, form, title))


@login_required
@require_http_methods(["GET", "HEAD", "POST"])
def edit_organisations(request, slug):
    region = editable_region(request, slug)
    form = RegionOrganisationsForm(request.POST or None, region=region)
    if request.method == "POST" and form.is_valid():
        form.save()
        return _saved(request, region, _("Organisaties opgeslagen."))
    return render(
        request,
        "editing/form.html",
        _form_context(region, form, _("Organisaties in de regio")),
    )


@login_required
@require_http_methods(["GET", "HEAD", "POST"])
def new_organisation(request, slug):
    region = editable_region(request, slug)
    form = NewOrganisationForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        organisation = form.save()
        services.add_organisation(region, organisation)
        return _saved(
            request,
            region,
            _("Organisatie %(name)s opgeslagen.") % {"name": organisation.name},
        )
    return render(
        request,
        "editing/form.html",
        _form_context(region, form, _("Nieuwe organisatie")),
    )


@login_required
@require_http_methods(["GET", "HEAD", "POST"])
def edit_activity(request, slug, pk=None):
    region = editable_region(request, slug)
    activity = get_object_or_404(region.activities, pk=pk) if pk else None
    form = ActivityForm(request.POST or None, instance=activity, region=region)
    if request.method == "POST" and form.is_valid():
        form.save()
        return _saved(request, region, _("Activiteit opgeslagen."))
    title = _("Activiteit wijzigen") if activity else _("Nieuwe activiteit")
    context = _form_context(region, form, title)
    context["activity"] = activity
    return render(request, "editing/form.html", context)


@login_required
@require_POST
def delete_activity(request, slug, pk):
    region = editable_region(request, slug)
    activity = get_object_or_404(region.activities, pk=pk)
    activity.delete()
    messages.success(
        request, _("Activiteit ‘%(title)s’ verwijderd.") % {"title": activity.title}
    )
    return redirect("editing:region", region.slug)


@login_required
@require_http_methods(["GET", "HEAD", "POST"])
def edit_figures(request, slug):
    region = editable_region(request, slug)
    formset = FigureFormSet(request.POST or None, instance=region)
    if request.method == "POST" and formset.is_valid():
        formset.save()
        return _saved(request, region, _("Kerngetallen opgeslagen."))
    return render(
        request,
        "editing/figures.html",
        {"region": region, "formset": formset, "title": _("Eigen kerngetallen")},
    )


@login_required
def regioplan_preview(request, slug):
    """Editors may read their own plan, public or not."""
    region = editable_region(request, slug)
    if not region.plan_document:
        raise Http404("Er is geen regioplan geüpload.")
    return pdf_response(region.plan_document, region.plan_filename)


EDITOR_EXPORTS = {
    "regio": (RegionResource, lambda region: Region.objects.filter(pk=region.pk)),
    "organisaties": (
        OrganisationResource,
        lambda region: (
            OrganisationResource()
            .get_queryset()
            .filter(regions=region)
            .order_by("name")
        ),
    ),
    "activiteiten": (ActivityResource, lambda region: region.activities.order_by("pk")),
    "kerngetallen": (RegionFigureResource, lambda region: region.figures.all()),
}


@login_required
def export_region_data(request, slug, kind, fmt):
    """An editor downloads their own region's data; other regions are a 404."""
    region = editable_region(request, slug)
    if kind not in EDITOR_EXPORTS:
        raise Http404("Onbekende export.")
    resource_class, rows = EDITOR_EXPORTS[kind]
    filename = f"regiokaart-{region.slug}-{kind}"
    return export_response(resource_class(), rows(region), fmt, filename)


def _form_context(region, form, title: str) -> dict:
    return {"region": region, "form": form, "title": title}
