"""Reminders to editors whose region was not confirmed for a while.

manage.py send_reminders calls these; a reminder goes at most once per period
to each active editor with an e-mail address, and every one sent is logged."""

from dataclasses import dataclass

from django.conf import settings
from django.core.mail import send_mail
from django.db.models import Q
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils.translation import gettext as _

from regions.models import (
    Region,
    RegionMembership,
    ReminderLog,
    confirmation_period_start,
)


@dataclass(frozen=True)
class Reminder:
    region: Region
    user: object
    email: str


def due_reminders(months: int | None = None) -> list[Reminder]:
    """Who gets a reminder now: active editors with an address, of regions not
    confirmed for months, not reminded about that region within the period."""
    since = confirmation_period_start(months)
    reminded = set(
        ReminderLog.objects.filter(sent_at__gte=since).values_list(
            "region_id", "user_id"
        )
    )
    memberships = (
        RegionMembership.objects.filter(
            region__in=Region.objects.unconfirmed_since(since).values("pk"),
            user__is_active=True,
        )
        .exclude(Q(user__email="") | Q(user__email__isnull=True))
        .select_related("region", "user")
        .order_by("region__name", "user__email")
    )
    return [
        Reminder(m.region, m.user, m.user.email)
        for m in memberships
        if (m.region_id, m.user_id) not in reminded
    ]


def send_reminder(reminder: Reminder, site_url: str) -> None:
    region = reminder.region
    link = site_url.rstrip("/") + reverse("editing:region", args=[region.slug])
    body = render_to_string(
        "editing/reminder_email.txt",
        {
            "user": reminder.user,
            "region": region,
            "last_confirmed": region.confirmed_at,
            "link": link,
            "months": settings.REGIOKAART_REMINDER_MONTHS,
        },
    )
    subject = _("Kloppen de gegevens van %(region)s nog?") % {"region": region.name}
    send_mail(subject, body, None, [reminder.email])
    ReminderLog.objects.create(region=region, user=reminder.user, email=reminder.email)
