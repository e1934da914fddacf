"""Gemeenten: CBS boundaries and key figures. Knows nothing of regions."""

import re

from django.core.validators import RegexValidator
from django.db import models
from django.utils.translation import gettext_lazy as _

GEMEENTE_CODE_PATTERN = r"^GM\d{4}$"

# CBS Kerncijfers wijken en buurten, as imported per gemeente: one definition
# for the model, the import and the admin.
COUNT_FIGURES = ("inwoners", "mannen", "vrouwen", "huishoudens", "bevolkingsdichtheid")
SHARE_FIGURES = (
    "aandeel_0_15",
    "aandeel_15_25",
    "aandeel_25_45",
    "aandeel_45_65",
    "aandeel_65plus",
)
DECIMAL_FIGURES = ("gem_huishoudensgrootte",)
KERNCIJFERS = COUNT_FIGURES + SHARE_FIGURES + DECIMAL_FIGURES


def is_gemeente_code(code: str) -> bool:
    return bool(re.match(GEMEENTE_CODE_PATTERN, code or ""))


class GemeenteQuerySet(models.QuerySet):
    def get_by_natural_key(self, code):
        return self.get(code=code)

    def without_borders(self):
        """For lists and names: the (large) border is not loaded."""
        return self.defer("geometry")

    def data_year(self) -> int | None:
        """The year of the CBS figures currently loaded (the latest, if mixed)."""
        return self.aggregate(year=models.Max("kerncijfers_year"))["year"]


class Gemeente(models.Model):
    """A Dutch municipality with its CBS boundary and key figures.

    Geo knows nothing of regions: which region a gemeente belongs to is kept by
    the regions app.
    """

    code = models.CharField(
        _("CBS-code"),
        max_length=6,
        unique=True,
        validators=[
            RegexValidator(GEMEENTE_CODE_PATTERN, _("Een CBS-code is GM en 4 cijfers."))
        ],
    )
    name = models.CharField(_("naam"), max_length=100)
    province = models.CharField(_("provincie"), max_length=50)
    province_code = models.CharField(_("provinciecode"), max_length=4)
    geometry = models.JSONField(_("grens (GeoJSON, WGS84)"))
    area_km2 = models.FloatField(_("oppervlakte (km²)"))
    # CBS Kerncijfers wijken en buurten; shares are whole percentages (0-100).
    kerncijfers_year = models.PositiveSmallIntegerField(
        _("peiljaar kerncijfers"), null=True, blank=True
    )
    inwoners = models.PositiveIntegerField(_("inwoners"), null=True, blank=True)
    mannen = models.PositiveIntegerField(_("mannen"), null=True, blank=True)
    vrouwen = models.PositiveIntegerField(_("vrouwen"), null=True, blank=True)
    aandeel_0_15 = models.PositiveSmallIntegerField(
        _("aandeel 0-15 jaar (%)"), null=True, blank=True
    )
    aandeel_15_25 = models.PositiveSmallIntegerField(
        _("aandeel 15-25 jaar (%)"), null=True, blank=True
    )
    aandeel_25_45 = models.PositiveSmallIntegerField(
        _("aandeel 25-45 jaar (%)"), null=True, blank=True
    )
    aandeel_45_65 = models.PositiveSmallIntegerField(
        _("aandeel 45-65 jaar (%)"), null=True, blank=True
    )
    aandeel_65plus = models.PositiveSmallIntegerField(
        _("aandeel 65+ (%)"), null=True, blank=True
    )
    huishoudens = models.PositiveIntegerField(_("huishoudens"), null=True, blank=True)
    gem_huishoudensgrootte = models.DecimalField(
        _("gemiddelde huishoudensgrootte"),
        max_digits=3,
        decimal_places=1,
        null=True,
        blank=True,
    )
    bevolkingsdichtheid = models.PositiveIntegerField(
        _("bevolkingsdichtheid (inwoners per km² land)"), null=True, blank=True
    )
    # CBS Nabijheidsstatistiek (KWB): average road distance from inhabitants'
    # addresses to the nearest GP practice; its own year, it lags the kerncijfers.
    afstand_huisarts_km = models.DecimalField(
        _("afstand tot huisartsenpraktijk (km)"),
        max_digits=3,
        decimal_places=1,
        null=True,
        blank=True,
    )
    afstand_huisarts_year = models.PositiveSmallIntegerField(
        _("peiljaar afstand tot huisartsenpraktijk"), null=True, blank=True
    )

    objects = GemeenteQuerySet.as_manager()

    class Meta:
        verbose_name = _("gemeente")
        verbose_name_plural = _("gemeenten")
        ordering = ["name"]

    def __str__(self) -> str:
        return f"{self.name} ({self.code})"

    def natural_key(self):
        return (self.code,)


class PostcodeAreaQuerySet(models.QuerySet):
    def for_postcode(self, postcode4: str):
        return self.filter(postcode4=postcode4).select_related("gemeente")


class PostcodeArea(models.Model):
    """The part of a four-digit postcode (PC4) that lies in a gemeente.

    From CBS PC4 polygons intersected with the gemeenten: a postcode split over
    gemeenten has a row per gemeente, each with its share of the postcode's area."""

    postcode4 = models.CharField(
        _("postcode (4 cijfers)"),
        max_length=4,
        validators=[RegexValidator(r"^[1-9]\d{3}$", _("Vier cijfers, zoals 6511."))],
    )
    place = models.CharField(_("woonplaats"), max_length=100, blank=True)
    gemeente = models.ForeignKey(
        Gemeente,
        verbose_name=_("gemeente"),
        on_delete=models.CASCADE,
        related_name="postcode_areas",
    )
    share = models.DecimalField(
        _("aandeel van de oppervlakte"),
        max_digits=4,
        decimal_places=3,
        null=True,
        blank=True,
        help_text=_("0 tot 1; leeg als CBS het niet kon bepalen."),
    )

    objects = PostcodeAreaQuerySet.as_manager()

    class Meta:
        verbose_name = _("postcodegebied")
        verbose_name_plural = _("postcodegebieden")
        ordering = ["postcode4", "-share"]
        constraints = [
            models.UniqueConstraint(
                fields=["postcode4", "gemeente"], name="postcodearea_unique_gemeente"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.postcode4} {self.place} – {self.gemeente.name}"


class ZoneLayer(models.TextChoices):
    """Other ways the country is divided, each per gemeente."""

    PROVINCIE = "provincie", _("Provincie")
    GGD_REGIO = "ggd_regio", _("GGD-regio")
    VEILIGHEIDSREGIO = "veiligheidsregio", _("Veiligheidsregio")
    ZORGKANTOORREGIO = "zorgkantoorregio", _("Zorgkantoorregio")


class GemeenteZone(models.Model):
    """The zone of another division (GGD-regio, zorgkantoorregio, ...) a gemeente
    is in. Each gemeente is in one zone per layer."""

    gemeente = models.ForeignKey(
        Gemeente,
        verbose_name=_("gemeente"),
        on_delete=models.CASCADE,
        related_name="zones",
    )
    layer = models.CharField(_("indeling"), max_length=20, choices=ZoneLayer.choices)
    code = models.CharField(_("code"), max_length=10)
    name = models.CharField(_("naam"), max_length=100)
    share = models.DecimalField(
        _("aandeel van de oppervlakte"),
        max_digits=4,
        decimal_places=3,
        null=True,
        blank=True,
        help_text=_("Het deel van de gemeente dat in deze zone ligt (0 tot 1)."),
    )

    class Meta:
        verbose_name = _("indeling van een gemeente")
        verbose_name_plural = _("indelingen van gemeenten")
        ordering = ["layer", "code", "gemeente"]
        constraints = [
            models.UniqueConstraint(
                fields=["gemeente", "layer"], name="gemeentezone_one_per_layer"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.get_layer_display()} {self.name} – {self.gemeente.name}"
