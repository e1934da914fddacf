"""The weekly digest: per confirmed subscription, what the region feeds
(progress.feeds.region_entries) show since the last digest. Public data only,
as in the feeds: status changes, new activities, signed contracts; no names,
notes, contact persons or contract contents.

send_digest (dry run unless --commit) calls these. It also deletes
subscriptions never confirmed within FOLLOW_CONFIRM_DAYS, and a subscription
whose address the mail server refuses."""

import datetime
import smtplib
from dataclasses import dataclass, field

from django.conf import settings
from django.db import transaction
from django.utils import timezone, translation

from progress.feeds import region_entries
from regions.models import Region

from . import mail
from .models import Subscription

DIGEST_INTERVAL = datetime.timedelta(days=7)
SLACK = datetime.timedelta(hours=12)  # a timer that runs a little early still sends


def regions_of(subscription: Subscription):
    """The regions a subscription follows; None for all of them."""
    if subscription.scope == Subscription.Scope.REGION:
        return [subscription.region]
    if subscription.scope == Subscription.Scope.INSURER:
        return Region.objects.filter(preferred_insurer=subscription.insurer).only("pk")
    return None


def entries_for(subscription: Subscription, since: datetime.datetime) -> list:
    with translation.override(subscription.language):
        return region_entries(regions_of(subscription), since=since)


def due(now: datetime.datetime | None = None):
    now = now or timezone.now()
    return (
        Subscription.objects.confirmed()
        .filter(sent_until__lte=now - DIGEST_INTERVAL + SLACK)
        .select_related("region", "insurer")
        .order_by("pk")
    )


def expired(now: datetime.datetime | None = None):
    now = now or timezone.now()
    days = datetime.timedelta(days=settings.FOLLOW_CONFIRM_DAYS)
    return Subscription.objects.unconfirmed_before(now - days)


@dataclass
class Summary:
    sent: int = 0
    quiet: int = 0  # nothing changed: no mail
    refused: list[str] = field(default_factory=list)
    expired: int = 0


def run(site_url: str, commit: bool, report=lambda line: None) -> Summary:
    now = timezone.now()
    summary = Summary()
    stale = expired(now)
    summary.expired = stale.count()
    if commit:
        stale.delete()
    for subscription in due(now):
        entries = entries_for(subscription, subscription.sent_until)
        report(f"{subscription.email}: {subscription.subject_name}: {len(entries)}")
        if not entries:
            summary.quiet += 1
            if commit:
                Subscription.objects.filter(pk=subscription.pk).update(sent_until=now)
            continue
        if not commit:
            summary.sent += 1
            continue
        try:
            mail.send_digest(subscription, entries, site_url)
        except smtplib.SMTPRecipientsRefused:
            # The server refuses the address (it bounced): keep it no longer.
            summary.refused.append(subscription.email)
            subscription.delete()
            continue
        with transaction.atomic():
            Subscription.objects.filter(pk=subscription.pk).update(sent_until=now)
        summary.sent += 1
    return summary
