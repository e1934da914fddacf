"""A region's own entry: the overview, the regioplan, contact, organisations,
activities, figures and the region's own downloads."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.db import IntegrityError, transaction
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST

from core.documents import pdf_response
from core.spreadsheets import export_response
from core.versioning import CONFLICT_MESSAGE
from regions import services
from regions.access import editable_region, readable_region
from regions.models import Region
from regions.resources import (
    ActivityResource,
    OrganisationResource,
    RegionFigureResource,
    RegionResource,
)

from ..forms import (
    ActivityForm,
    ContactForm,
    FigureFormSet,
    NewOrganisationForm,
    RegionOrganisationsForm,
    RegioplanForm,
)
from .common import form_context, saved


@login_required
def my_regions(request):
    regions = Region.objects.for_user(request.user).with_related()
    if len(regions) == 1:
        return redirect("editing:region", regions[0].slug)
    return render(request, "editing/my_regions.html", {"regions": regions})


@login_required
def region_overview(request, slug):
    region = readable_region(request, slug)
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
    old_status, old_document = region.status, region.plan_document.name
    form = RegioplanForm(request.POST or None, request.FILES or None, instance=region)
    if request.method == "POST" and form.is_valid():
        form.save()
        services.document_replaced(old_document, region.plan_document.name)
        services.record_status(region, old_status, request.user)
        services.documents_changed(region)
        services.data_changed()
        if region.plan_document and region.plan_document.name != old_document:
            # a new upload: the editor checks the elements its text suggests
            return saved(
                request, region, _("Regioplan opgeslagen."), to="editing:plan_elements"
            )
        return saved(request, region, _("Regioplan opgeslagen."))
    return render(
        request, "editing/form.html", form_context(region, form, _("Regioplan"))
    )


@login_required
@require_POST
def confirm_region(request, slug):
    """'Klopt nog': the editor says the entry is still right, in one click.

    Carries the version the editor saw; if the entry changed since, nothing is
    confirmed and the editor is asked to look again."""
    region = editable_region(request, slug)
    if request.POST.get("edit_version") != str(region.version):
        messages.error(request, CONFLICT_MESSAGE)
        return redirect("editing:region", region.slug)
    services.confirm(region)
    messages.success(request, _("Bevestigd: de gegevens van deze regio kloppen nog."))
    return redirect("editing:region", region.slug)


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
        return saved(request, region, _("Contactgegevens opgeslagen."))
    title = _("Contactgegevens van %(name)s") % {"name": organisation.name}
    return render(request, "editing/form.html", form_context(region, form, title))


@login_required
@require_http_methods(["GET", "HEAD", "POST"])
def edit_organisations(request, slug):
    region = editable_region(request, slug)
    form = RegionOrganisationsForm(request.POST or None, region=region)
    if request.method == "POST" and form.is_valid():
        form.save()
        services.data_changed()  # the search knows which regions it works in
        return saved(request, region, _("Organisaties opgeslagen."))
    return render(
        request,
        "editing/form.html",
        form_context(region, form, _("Organisaties in de regio")),
    )


@login_required
@require_http_methods(["GET", "HEAD", "POST"])
def new_organisation(request, slug):
    region = editable_region(request, slug)
    form = NewOrganisationForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        organisation = form.save()
        services.add_organisation(region, organisation)
        services.data_changed()
        return saved(
            request,
            region,
            _("Organisatie %(name)s opgeslagen.") % {"name": organisation.name},
        )
    return render(
        request,
        "editing/form.html",
        form_context(region, form, _("Nieuwe organisatie")),
    )


@login_required
@require_http_methods(["GET", "HEAD", "POST"])
def edit_activity(request, slug, pk=None):
    region = editable_region(request, slug)
    activity = get_object_or_404(region.activities, pk=pk) if pk else None
    form = ActivityForm(request.POST or None, instance=activity, region=region)
    if request.method == "POST" and form.is_valid():
        form.save()
        return saved(request, region, _("Activiteit opgeslagen."))
    title = _("Activiteit wijzigen") if activity else _("Nieuwe activiteit")
    context = form_context(region, form, title)
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
        if not formset.has_changed():
            messages.info(request, _("Er is niets gewijzigd."))
            return redirect("editing:region", region.slug)
        try:
            with transaction.atomic():
                formset.save()
        except IntegrityError:  # the same figure saved by someone else just now
            formset._non_form_errors.append(
                _(
                    "Dit kerngetal voor dit jaar is zojuist door iemand anders "
                    "opgeslagen. Er is niets gewijzigd; bekijk de huidige gegevens."
                )
            )
        else:
            return saved(request, region, _("Kerngetallen opgeslagen."))
    return render(
        request,
        "editing/figures.html",
        {"region": region, "formset": formset, "title": _("Eigen kerngetallen")},
    )


@login_required
def regioplan_preview(request, slug):
    """Editors may read their own plan, public or not."""
    region = readable_region(request, slug)
    if not region.plan_document:
        raise Http404("Er is geen regioplan geüpload.")
    return pdf_response(region.plan_document, region.plan_filename)


EDITOR_EXPORTS = {
    "regio": (RegionResource, lambda region: Region.objects.filter(pk=region.pk)),
    "organisaties": (
        OrganisationResource,
        lambda region: region.organisations.order_by("name"),
    ),
    "activiteiten": (
        ActivityResource,
        lambda region: region.activities.select_related("organisation").order_by("pk"),
    ),
    "kerngetallen": (RegionFigureResource, lambda region: region.figures.all()),
}


@login_required
def export_region_data(request, slug, kind, fmt):
    """An editor downloads their own region's data; other regions are a 404."""
    region = readable_region(request, slug)
    if kind not in EDITOR_EXPORTS:
        raise Http404("Onbekende export.")
    resource_class, rows = EDITOR_EXPORTS[kind]
    filename = f"regiokaart-{region.slug}-{kind}"
    return export_response(resource_class(), rows(region), fmt, filename)
