"""Subscribe, confirm (double opt-in) and unsubscribe, without an account.

Every answer to a subscription is the same page whether or not the address
was known, so the form reveals nothing about who follows what. Confirming and
unsubscribing take a POST (a mail scanner that opens links changes nothing);
the unsubscribe URL also takes the one-click POST of RFC 8058."""

from django.conf import settings
from django.db import IntegrityError, transaction
from django.shortcuts import redirect, render
from django.utils import timezone, translation
from django.utils.translation import gettext as _
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_http_methods, require_safe

from . import mail, throttle
from .forms import SubscribeForm
from .models import Subscription


def _site_url(request) -> str:
    return request.build_absolute_uri("/")


@require_http_methods(["GET", "HEAD", "POST"])
def subscribe(request):
    if request.method != "POST":
        form = SubscribeForm(
            initial={
                "region": request.GET.get("regio"),
                "insurer": request.GET.get("verzekeraar"),
                "scope": Subscription.Scope.INSURER
                if request.GET.get("verzekeraar")
                else (
                    Subscription.Scope.ALL
                    if request.GET.get("alle")
                    else Subscription.Scope.REGION
                ),
            }
        )
        return render(request, "follow/subscribe.html", {"form": form})
    if not throttle.allow_request(request):
        form = SubscribeForm()
        return render(
            request,
            "follow/subscribe.html",
            {
                "form": form,
                "error": _(
                    "U heeft vanaf dit adres te vaak een aanmelding verstuurd. "
                    "Probeer het over een uur opnieuw."
                ),
            },
            status=429,
        )
    form = SubscribeForm(request.POST)
    if not form.is_valid():
        return render(request, "follow/subscribe.html", {"form": form}, status=400)
    email = form.cleaned_data["email"]
    subscription = Subscription.objects.filter(email=email, **form.target()).first()
    if subscription is None:
        try:
            with transaction.atomic():
                subscription = Subscription.objects.create(
                    email=email,
                    language=translation.get_language() or settings.LANGUAGE_CODE,
                    **form.target(),
                )
        except IntegrityError:  # the same form sent twice at once
            subscription = Subscription.objects.get(email=email, **form.target())
    if not subscription.is_confirmed and throttle.allow_mail_to(email):
        mail.send_confirmation(subscription, _site_url(request))
    return redirect("follow:sent")


@require_safe
def sent(request):
    return render(request, "follow/sent.html")


def _invalid_link(request):
    return render(request, "follow/invalid_link.html", status=404)


@require_http_methods(["GET", "HEAD", "POST"])
def confirm(request, token):
    subscription = (
        Subscription.objects.filter(token=token)
        .select_related("region", "insurer")
        .first()
    )
    if subscription is None:
        return _invalid_link(request)
    if request.method == "POST" and not subscription.is_confirmed:
        now = timezone.now()
        Subscription.objects.filter(pk=subscription.pk).update(
            confirmed_at=now, sent_until=now
        )
        subscription.confirmed_at = now
    return render(
        request,
        "follow/confirm.html",
        {"subscription": subscription, "done": request.method == "POST"},
    )


@csrf_exempt  # the token is the secret; mail clients post without a form
@require_http_methods(["GET", "HEAD", "POST"])
def unsubscribe(request, token):
    subscription = (
        Subscription.objects.filter(token=token)
        .select_related("region", "insurer")
        .first()
    )
    if request.method == "POST":
        if subscription is not None:
            subscription.delete()  # nothing of the address is kept
        return render(request, "follow/unsubscribed.html")
    if subscription is None:
        return _invalid_link(request)
    return render(request, "follow/unsubscribe.html", {"subscription": subscription})
