"""E-mail subscriptions to changes: one region, every region or the regions of
one preferred insurer, without an account.

An address is kept only as long as needed: unconfirmed subscriptions expire
after FOLLOW_CONFIRM_DAYS (send_digest deletes them), an unsubscribe deletes
the row at once, and an address the mail server refuses is deleted too. Nothing
else about the subscriber is stored: no name, no IP address.
"""

import secrets

from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from organisations.models import Insurer
from regions.models import Region


def new_token() -> str:
    return secrets.token_urlsafe(32)


class SubscriptionQuerySet(models.QuerySet):
    def confirmed(self):
        return self.filter(confirmed_at__isnull=False)

    def unconfirmed_before(self, moment):
        return self.filter(confirmed_at__isnull=True, created_at__lt=moment)


class Subscription(models.Model):
    class Scope(models.TextChoices):
        ALL = "alle", _("alle regio's")
        REGION = "regio", _("één regio")
        INSURER = "verzekeraar", _("de regio's van een preferente zorgverzekeraar")

    email = models.EmailField(_("e-mailadres"), max_length=254)
    scope = models.CharField(_("wat"), max_length=20, choices=Scope.choices)
    region = models.ForeignKey(
        Region,
        verbose_name=_("regio"),
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="+",
    )
    insurer = models.ForeignKey(
        Insurer,
        verbose_name=_("zorgverzekeraar"),
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="+",
    )
    language = models.CharField(_("taal"), max_length=5, default="nl")
    token = models.CharField(
        _("sleutel"), max_length=64, unique=True, default=new_token, editable=False
    )
    created_at = models.DateTimeField(_("aangemeld op"), default=timezone.now)
    confirmed_at = models.DateTimeField(_("bevestigd op"), null=True, blank=True)
    sent_until = models.DateTimeField(
        _("wijzigingen gemaild tot"),
        null=True,
        blank=True,
        help_text=_("Het volgende overzicht begint hier."),
    )

    objects = SubscriptionQuerySet.as_manager()

    class Meta:
        verbose_name = _("abonnement op wijzigingen")
        verbose_name_plural = _("abonnementen op wijzigingen")
        ordering = ["email", "scope", "pk"]
        constraints = [
            models.CheckConstraint(
                condition=(
                    models.Q(scope="alle", region__isnull=True, insurer__isnull=True)
                    | models.Q(
                        scope="regio", region__isnull=False, insurer__isnull=True
                    )
                    | models.Q(
                        scope="verzekeraar", region__isnull=True, insurer__isnull=False
                    )
                ),
                name="subscription_scope_matches_target",
            ),
            models.UniqueConstraint(
                fields=["email"],
                condition=models.Q(scope="alle"),
                name="subscription_once_for_all",
            ),
            models.UniqueConstraint(
                fields=["email", "region"],
                condition=models.Q(scope="regio"),
                name="subscription_once_per_region",
            ),
            models.UniqueConstraint(
                fields=["email", "insurer"],
                condition=models.Q(scope="verzekeraar"),
                name="subscription_once_per_insurer",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.email}: {self.subject_name}"

    @property
    def subject_name(self) -> str:
        """What is followed, in words."""
        if self.scope == self.Scope.REGION:
            return str(self.region)
        if self.scope == self.Scope.INSURER:
            return _("regio's met preferente zorgverzekeraar %(insurer)s") % {
                "insurer": self.insurer
            }
        return str(_("alle regio's"))

    @property
    def is_confirmed(self) -> bool:
        return self.confirmed_at is not None
