"""The two mails: the confirmation (double opt-in) and the digest. Plain
text, in the language the visitor subscribed in, each with an unsubscribe link
and the List-Unsubscribe headers (one click, RFC 8058)."""

from django.conf import settings
from django.core.mail import EmailMessage
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import translation
from django.utils.translation import gettext as _

from .models import Subscription


def absolute(site_url: str, path: str) -> str:
    return site_url.rstrip("/") + path


def unsubscribe_url(subscription: Subscription, site_url: str) -> str:
    with translation.override(subscription.language):
        return absolute(
            site_url, reverse("follow:unsubscribe", args=[subscription.token])
        )


def _message(subscription, subject, template, context, site_url) -> EmailMessage:
    unsubscribe = unsubscribe_url(subscription, site_url)
    body = render_to_string(
        template,
        {
            "subscription": subscription,
            "unsubscribe_url": unsubscribe,
            "privacy_url": absolute(site_url, reverse("regions:accessibility"))
            + "#privacy",
            **context,
        },
    )
    return EmailMessage(
        subject,
        body,
        settings.DEFAULT_FROM_EMAIL,
        [subscription.email],
        headers={
            "List-Unsubscribe": f"<{unsubscribe}>",
            "List-Unsubscribe-Post": "List-Unsubscribe=One-Click",
            "Auto-Submitted": "auto-generated",
        },
    )


def send_confirmation(subscription: Subscription, site_url: str) -> None:
    with translation.override(subscription.language):
        confirm = absolute(
            site_url, reverse("follow:confirm", args=[subscription.token])
        )
        subject = _("Bevestig: wijzigingen volgen van %(what)s") % {
            "what": subscription.subject_name
        }
        _message(
            subscription,
            subject,
            "follow/confirm_email.txt",
            {"confirm_url": confirm, "days": settings.FOLLOW_CONFIRM_DAYS},
            site_url,
        ).send()


def send_digest(subscription: Subscription, entries, site_url: str) -> None:
    """entries: progress.feeds.Entry, built in the subscriber's language."""
    with translation.override(subscription.language):
        subject = _("Regiokaart: %(n)d wijziging(en) bij %(what)s") % {
            "n": len(entries),
            "what": subscription.subject_name,
        }
        lines = [
            {
                "date": entry.date,
                "title": entry.title,
                "description": entry.description,
                "url": absolute(site_url, entry.link),
            }
            for entry in entries
        ]
        _message(
            subscription,
            subject,
            "follow/digest_email.txt",
            {"entries": lines},
            site_url,
        ).send()
