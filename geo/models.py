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

    objects = GemeenteQuerySet.as_manager()

    class Meta:
        verbose_name = _("gemeente")
        verbose_name_plural = _("gemeenten")
        ordering = ["name"]

    def __str__(self) -> str:
        return f"{self.name} ({self.code})"

    def natural_key(self):
        return (self.code,)
