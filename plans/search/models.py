"""The search index's tables (app label plans; imported by plans.models)."""

from django.db import models
from django.utils.translation import gettext_lazy as _

from regions.models import Region

from .text import State


class PlanText(models.Model):
    """One indexed document of a region: its regioplan or its regiobeeld."""

    class Kind(models.TextChoices):
        REGIOPLAN = "regioplan", _("Regioplan")
        REGIOBEELD = "regiobeeld", _("Regiobeeld")

    class State(models.TextChoices):
        INDEXED = State.INDEXED, _("Tekst doorzoekbaar")
        NO_TEXT = State.NO_TEXT, _("Geen tekstlaag (gescand document)")
        UNREADABLE = State.UNREADABLE, _("Tekst niet leesbaar")

    region = models.ForeignKey(
        Region,
        verbose_name=_("regio"),
        on_delete=models.CASCADE,
        related_name="plan_texts",
    )
    kind = models.CharField(_("document"), max_length=20, choices=Kind.choices)
    file_name = models.CharField(_("bestand"), max_length=255)
    state = models.CharField(_("tekst"), max_length=20, choices=State.choices)
    page_count = models.PositiveIntegerField(_("pagina's"), default=0)
    pages_indexed = models.PositiveIntegerField(_("pagina's doorzocht"), default=0)
    truncated = models.BooleanField(_("afgekapt door een limiet"), default=False)
    indexed_at = models.DateTimeField(_("gelezen op"), auto_now=True)

    class Meta:
        verbose_name = _("tekst van een plan")
        verbose_name_plural = _("teksten van plannen")
        ordering = ["region", "kind"]
        constraints = [
            models.UniqueConstraint(
                fields=["region", "kind"], name="plantext_one_per_region_kind"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.region} – {self.get_kind_display()}"


class PageText(models.Model):
    document = models.ForeignKey(
        PlanText, on_delete=models.CASCADE, related_name="page_texts"
    )
    number = models.PositiveIntegerField(_("pagina"))
    text = models.TextField(_("tekst"))

    class Meta:
        verbose_name = _("pagina")
        verbose_name_plural = _("pagina's")
        ordering = ["document", "number"]
        constraints = [
            models.UniqueConstraint(
                fields=["document", "number"], name="pagetext_unique_number"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.document} p. {self.number}"


class Posting(models.Model):
    """A stem in a document: the inverted index, one row per (stem, document).

    `pages` holds the count per page and `positions` where each form of the
    stem stands on each page (both JSON, see text.Postings), so a search reads
    one row per word and document, and checks a phrase without the page text."""

    document = models.ForeignKey(PlanText, on_delete=models.CASCADE)
    stem = models.CharField(max_length=60)
    count = models.PositiveIntegerField(default=1)
    pages = models.TextField(default="[]")
    positions = models.TextField(default="{}")

    class Meta:
        verbose_name = _("zoekterm")
        verbose_name_plural = _("zoektermen")
        ordering = ["stem"]
        constraints = [
            models.UniqueConstraint(
                fields=["stem", "document"], name="posting_one_per_stem_document"
            ),
        ]

    def __str__(self) -> str:
        return self.stem
