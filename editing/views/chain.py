"""From regiobeeld to regioplan to contract: the editor's side of plans.

plans keeps the models, the public pages and the downloads; the forms an
editor fills in live here, beside the rest of "Mijn regio". A contract or plan
element asks its region, which the view found through regions.access.
"""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.db import transaction
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST

from core.documents import pdf_response
from plans import overview
from plans.models import ElementState, PlanElement, PlanText, Regiobeeld
from plans.search import index, suggest
from regions.access import editable_region, readable_region
from regions.models import Region

from ..forms import ContractForm, PlanDetailsForm, PlanElementForm, RegiobeeldForm
from .common import form_context, saved

CHAIN = "editing:chain"


@login_required
def edit_chain(request, slug):
    """The editor's view of the three steps, with a link to each form."""
    region = readable_region(request, slug)
    region = overview.with_chain(Region.objects.without_borders()).get(pk=region.pk)
    return render(
        request,
        "editing/chain.html",
        {
            "region": region,
            "chain": overview.chain(region),
            "contracts": region.contracts.all(),
        },
    )


@login_required
@require_http_methods(["GET", "HEAD", "POST"])
def edit_regiobeeld(request, slug):
    region = editable_region(request, slug)
    regiobeeld = overview.regiobeeld_of(region) or Regiobeeld(region=region)
    form = RegiobeeldForm(
        request.POST or None,
        request.FILES or None,
        instance=regiobeeld,
        preview_url=reverse("editing:regiobeeld_pdf", args=[region.slug]),
    )
    if request.method == "POST" and form.is_valid():
        form.save()
        index.index_document(region, PlanText.Kind.REGIOBEELD)
        return saved(request, region, _("Regiobeeld opgeslagen."), to=CHAIN)
    return render(
        request,
        "editing/form.html",
        form_context(region, form, _("Regiobeeld"), in_chain=True),
    )


@login_required
def regiobeeld_preview(request, slug):
    """Editors may read their own regiobeeld, public or not."""
    region = readable_region(request, slug)
    regiobeeld = overview.regiobeeld_of(region)
    if regiobeeld is None or not regiobeeld.document:
        raise Http404("Er is geen regiobeeld geüpload.")
    return pdf_response(regiobeeld.document, regiobeeld.filename)


@login_required
@require_http_methods(["GET", "HEAD", "POST"])
def edit_plan_elements(request, slug):
    region = editable_region(request, slug)
    data = request.POST or None
    details_form = PlanDetailsForm(
        data, instance=overview.plan_details_of(region), prefix="plan"
    )
    element_forms = [
        PlanElementForm(data, instance=element, prefix=element.element)
        for element in PlanElement.complete_for(region)
    ]
    forms = [details_form, *element_forms]
    if request.method == "POST" and all([form.is_valid() for form in forms]):
        with transaction.atomic():
            for form in forms:
                if form.instance.pk is None or form.has_changed():
                    form.save()
        return saved(
            request, region, _("Onderdelen van het regioplan opgeslagen."), to=CHAIN
        )
    return render(
        request,
        "editing/plan_elements.html",
        {
            "region": region,
            "details_form": details_form,
            "element_forms": element_forms,
            "title": _("Onderdelen van het regioplan"),
            "unknown": ElementState.ONBEKEND,
            "suggestions": suggest.for_region(region),
            "has_plan_document": bool(region.plan_document),
            "element_terms": suggest.term_lists(),
        },
    )


@login_required
@require_http_methods(["GET", "HEAD", "POST"])
def edit_contract(request, slug, pk=None):
    region = editable_region(request, slug)
    contract = get_object_or_404(region.contracts, pk=pk) if pk else None
    form = ContractForm(request.POST or None, instance=contract, region=region)
    if request.method == "POST" and form.is_valid():
        form.save()
        return saved(request, region, _("Contractafspraak opgeslagen."), to=CHAIN)
    title = _("Contractafspraak wijzigen") if contract else _("Nieuwe contractafspraak")
    return render(
        request,
        "editing/form.html",
        form_context(region, form, title, in_chain=True, contract=contract),
    )


@login_required
@require_POST
def delete_contract(request, slug, pk):
    region = editable_region(request, slug)
    contract = get_object_or_404(region.contracts.select_related("insurer"), pk=pk)
    contract.delete()
    messages.success(
        request,
        _("Contractafspraak met %(insurer)s verwijderd.")
        % {"insurer": contract.insurer.name},
    )
    return redirect(CHAIN, region.slug)
