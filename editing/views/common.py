"""What every "Mijn regio" page shares."""

from django.contrib import messages
from django.shortcuts import redirect
from django.utils.translation import gettext as _

from regions import services


def saved(request, region, message: str, to: str = "editing:region"):
    """message: a whole sentence such as "Regioplan opgeslagen.". A change by
    an editor also confirms that the region's entry is up to date ("Klopt
    nog"); the editor goes back to `to`, the region's page or the chain."""
    services.confirm(region)
    messages.success(request, " ".join([message, _("Bezoekers zien het meteen.")]))
    return redirect(to, region.slug)


def form_context(region, form, title: str, **extra) -> dict:
    return {"region": region, "form": form, "title": title, **extra}
