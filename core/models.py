from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _


class ImportLog(models.Model):
    """One spreadsheet import by a curator: who, when, which file, what it did."""

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("door"),
        on_delete=models.SET_NULL,
        null=True,
        related_name="+",
    )
    created_at = models.DateTimeField(_("op"), auto_now_add=True)
    model = models.CharField(_("gegevens"), max_length=100)
    file_name = models.CharField(_("bestand"), max_length=255)
    new = models.PositiveIntegerField(_("nieuw"), default=0)
    updated = models.PositiveIntegerField(_("gewijzigd"), default=0)
    unchanged = models.PositiveIntegerField(_("ongewijzigd"), default=0)
    deleted = models.PositiveIntegerField(_("verwijderd"), default=0)

    class Meta:
        verbose_name = _("import")
        verbose_name_plural = _("importlogboek")
        ordering = ["-created_at"]

    def __str__(self) -> str:
        return f"{self.file_name} ({self.model}, {self.created_at:%Y-%m-%d %H:%M})"


class DataGeneration(models.Model):
    """A counter that moves whenever the site's data changes.

    Pages and downloads for visitors are cached per generation: a change anywhere
    starts a new generation, and so fresh pages. One row per key.
    """

    key = models.CharField(_("sleutel"), max_length=50, unique=True)
    value = models.PositiveBigIntegerField(_("generatie"), default=1)
    changed_at = models.DateTimeField(_("gewijzigd"), auto_now=True)

    # The row appears on first use; a restore replaces it with the backup's.
    seeded_by_migrations = True

    class Meta:
        verbose_name = _("gegevensgeneratie")
        verbose_name_plural = _("gegevensgeneraties")
        ordering = ["key"]

    def __str__(self) -> str:
        return f"{self.key}: {self.value}"
