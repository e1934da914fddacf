"""Atom feeds of progress: all status changes, and per region its status
changes, published plans, new activities and signed contracts. Public data only:
no names of who recorded a change, no notes, no contact details."""

import datetime
from dataclasses import dataclass

from django.contrib.syndication.views import Feed
from django.db.models import Exists, OuterRef, Q
from django.shortcuts import get_object_or_404
from django.urls import reverse
from django.utils import timezone
from django.utils.feedgenerator import Atom1Feed
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from plans.models import Contract
from regions.models import Activity, Region, RegioplanStatus, StatusChange

FEED_ITEMS = 50


@dataclass(frozen=True)
class Entry:
    title: str
    description: str
    link: str
    guid: str
    date: datetime.datetime


def _noon(day: datetime.date) -> datetime.datetime:
    return timezone.make_aware(datetime.datetime.combine(day, datetime.time(12)))


def status_entry(change: StatusChange) -> Entry:
    region = change.region
    status = change.status_choice
    if status == RegioplanStatus.OPENBAAR and getattr(change, "public_before", False):
        # Public again (a curator's revert, say): not a new publication.
        title = _("%(region)s: regioplan weer openbaar") % {"region": region.name}
    elif status == RegioplanStatus.OPENBAAR:
        title = _("%(region)s: regioplan gepubliceerd") % {"region": region.name}
    else:
        title = _("%(region)s: %(status)s") % {
            "region": region.name,
            "status": status.label,
        }
    parts = []
    if change.previous_status:
        parts.append(
            _("Van ‘%(old)s’ naar ‘%(new)s’, vanaf %(date)s.")
            % {
                "old": RegioplanStatus(change.previous_status).label,
                "new": status.label,
                "date": change.effective_date.strftime("%d-%m-%Y"),
            }
        )
    else:
        parts.append(
            _("Nieuwe regio op de kaart: ‘%(new)s’, vanaf %(date)s.")
            % {"new": status.label, "date": change.effective_date.strftime("%d-%m-%Y")}
        )
    if change.is_demo:
        parts.append(_("Demogegevens: een voorbeeld, niet geverifieerd."))
    link = region.get_absolute_url() + "#tijdlijn"
    return Entry(
        title,
        " ".join(parts),
        link,
        f"statuswijziging-{change.pk}",
        _noon(change.effective_date),
    )


def activity_entry(activity) -> Entry:
    region = activity.region
    description = activity.description[:500]
    if activity.is_demo:
        description = " ".join(
            [description, _("Demogegevens: een voorbeeld, niet geverifieerd.")]
        )
    return Entry(
        _("%(region)s: nieuwe activiteit ‘%(title)s’")
        % {"region": region.name, "title": activity.title},
        description.strip(),
        region.get_absolute_url() + "#activiteiten",
        f"activiteit-{activity.pk}",
        activity.created_at,
    )


def contract_entry(contract) -> Entry:
    """A signed contract: that it exists, with whom and from when (public);
    never its contents."""
    region = contract.region
    description = _("Looptijd vanaf %(start)s.") % {
        "start": contract.start.strftime("%d-%m-%Y")
    }
    if contract.is_demo:
        description = " ".join(
            [description, _("Demogegevens: een voorbeeld, niet geverifieerd.")]
        )
    return Entry(
        _("%(region)s: contract met %(insurer)s getekend")
        % {"region": region.name, "insurer": contract.insurer.name},
        description,
        region.get_absolute_url(),
        f"contract-{contract.pk}",
        _noon(contract.start),
    )


def with_public_before(changes):
    """Each change knows whether its region's plan was public at some earlier
    change, so being public again is not called a publication."""
    earlier = StatusChange.objects.filter(
        region=OuterRef("region"), status=RegioplanStatus.OPENBAAR
    ).filter(
        Q(effective_date__lt=OuterRef("effective_date"))
        | Q(effective_date=OuterRef("effective_date"), pk__lt=OuterRef("pk"))
    )
    return changes.annotate(public_before=Exists(earlier))


def region_entries(regions=None, since=None, limit=FEED_ITEMS) -> list[Entry]:
    """What the region feeds show: status changes, new activities and signed
    contracts of these regions (all when None), newest first; since (a
    moment) keeps only what was recorded after it (contracts: started)."""
    changes = with_public_before(StatusChange.objects.select_related("region"))
    activities = Activity.objects.select_related("region")
    contracts = Contract.objects.filter(state=Contract.State.GETEKEND).select_related(
        "region", "insurer"
    )
    if regions is not None:
        changes = changes.filter(region__in=regions)
        activities = activities.filter(region__in=regions)
        contracts = contracts.filter(region__in=regions)
    if since is not None:
        changes = changes.filter(created_at__gt=since)
        activities = activities.filter(created_at__gt=since)
        contracts = contracts.filter(
            start__gt=timezone.localtime(since).date(), start__lte=timezone.localdate()
        )
    entries = [
        status_entry(c) for c in changes.order_by("-effective_date", "-pk")[:limit]
    ]
    entries += [activity_entry(a) for a in activities.order_by("-created_at")[:limit]]
    entries += [contract_entry(c) for c in contracts.order_by("-start")[:limit]]
    entries.sort(key=lambda entry: entry.date, reverse=True)
    return entries[:limit]


class ProgressFeed(Feed):
    feed_type = Atom1Feed

    def item_title(self, item: Entry) -> str:
        return item.title

    def item_description(self, item: Entry) -> str:
        return item.description

    def item_link(self, item: Entry) -> str:
        return item.link

    def item_guid(self, item: Entry) -> str:
        return item.guid

    item_guid_is_permalink = False

    def item_pubdate(self, item: Entry) -> datetime.datetime:
        return item.date

    def item_updateddate(self, item: Entry) -> datetime.datetime:
        return item.date


class AllChangesFeed(ProgressFeed):
    title = gettext_lazy("Regiokaart: voortgang van de regioplannen")
    subtitle = gettext_lazy("Elke wijziging van de status van een regioplan.")

    def link(self):
        return reverse("progress:index")

    def items(self):
        changes = with_public_before(StatusChange.objects.for_display()).only(
            "pk",
            "region__name",
            "region__slug",
            "previous_status",
            "status",
            "effective_date",
            "is_demo",
        )
        return [status_entry(change) for change in changes[:FEED_ITEMS]]


class RegionFeed(ProgressFeed):
    def get_object(self, request, slug):
        return get_object_or_404(Region.objects.without_borders(), slug=slug)

    def title(self, region) -> str:
        return _("Regiokaart: %(region)s") % {"region": region.name}

    def subtitle(self, region) -> str:
        return _("Status van het regioplan, publicatie en nieuwe activiteiten.")

    def link(self, region) -> str:
        return region.get_absolute_url()

    def items(self, region):
        return region_entries([region])
