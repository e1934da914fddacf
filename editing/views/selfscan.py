"""The zelfscan, the editor's side: selfscan keeps the model and the public
pages; the form lives here, beside the rest of "Mijn regio". The region comes
from regions.access, so another region's scan is a 404 for GET and POST alike.
"""

from django.contrib.auth.decorators import login_required
from django.shortcuts import render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods

from regions.access import editable_region
from selfscan.models import SelfScan

from ..forms.selfscan import SelfScanForm
from .common import saved


@login_required
@require_http_methods(["GET", "HEAD", "POST"])
def edit_selfscan(request, slug):
    region = editable_region(request, slug)
    scan = SelfScan.objects.filter(region=region).first() or SelfScan(region=region)
    form = SelfScanForm(request.POST or None, instance=scan, region=region)
    if request.method == "POST" and form.is_valid():
        form.save()
        return saved(request, region, _("Zelfscan opgeslagen."))
    characteristics, obstacles = form.groups()
    return render(
        request,
        "editing/selfscan.html",
        {
            "region": region,
            "form": form,
            "characteristics": characteristics,
            "obstacles": obstacles,
            "title": _("Zelfscan"),
        },
    )
