"""The zelfscan: how well a region is organised and which obstacles it meets.

The guidance (LHV, InEen, ZN) names five characteristics of a strong regional
GP organisation and five obstacles that stall regions most, each with a tip.
A region scores itself: per characteristic a state and a short note; per
obstacle whether it meets it now, overcame it (how, and since which year) or
does not meet it. One row per region, so its history (django-simple-history)
is the scan over time.

A scan is public unless the region says otherwise: `SelfScan.objects.public()`
is the one place that decides what visitors see; a private scan counts in no
public number and appears in no public output.
"""

from dataclasses import dataclass

from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from core.versioning import Versioned
from regions.models import Region


class CharacteristicState(models.TextChoices):
    OP_ORDE = "op_orde", _("Op orde")
    DEELS = "deels", _("Deels")
    NOG_NIET = "nog_niet", _("Nog niet")
    ONBEKEND = "onbekend", _("Onbekend")


class ObstacleState(models.TextChoices):
    SPEELT = "speelt", _("Speelt nu")
    OVERWONNEN = "overwonnen", _("Overwonnen")
    SPEELT_NIET = "speelt_niet", _("Speelt niet")
    ONBEKEND = "onbekend", _("Niet ingevuld")


@dataclass(frozen=True)
class Characteristic:
    key: str  # fields <key>_state and <key>_note; ?sorteer=<key>
    label: str
    help: str

    @property
    def state_field(self) -> str:
        return f"{self.key}_state"

    @property
    def note_field(self) -> str:
        return f"{self.key}_note"


@dataclass(frozen=True)
class Obstacle:
    key: str  # fields obstacle_<key>, <key>_how, <key>_since
    label: str
    tip: str  # the guidance's tip, in our own words

    @property
    def state_field(self) -> str:
        return f"obstacle_{self.key}"

    @property
    def how_field(self) -> str:
        return f"{self.key}_how"

    @property
    def since_field(self) -> str:
        return f"{self.key}_since"


# The five characteristics of a good regional organisation, in the guidance's order.
CHARACTERISTICS = [
    Characteristic(
        "governance",
        _("Heldere governance"),
        _(
            "Wie meedoet, hoe besluiten worden genomen en wie welke rol en "
            "verantwoordelijkheid heeft."
        ),
    ),
    Characteristic(
        "means",
        _("Infrastructuur en middelen"),
        _(
            "Mensen, geld en ondersteuning om plannen uit te voeren, en dat ook "
            "op de lange duur."
        ),
    ),
    Characteristic(
        "mandate",
        _("Mandaat"),
        _(
            "De organisatie mag namens de huisartsen in de regio afspraken maken; "
            "het mandaat is steeds geregeld, per onderwerp en in de tijd."
        ),
    ),
    Characteristic(
        "leadership",
        _("Leiderschap"),
        _("Bestuurders die de leden meenemen in de keuzes die de regio maakt."),
    ),
    Characteristic(
        "support",
        _("Commitment en draagvlak"),
        _("De leden staan achter de koers, geborgd in de governance."),
    ),
]

# The five obstacles that stall regions most, each with the tip in our words.
OBSTACLES = [
    Obstacle(
        "mandate",
        _("Geen mandaat of gebundelde kracht"),
        _(
            "Bundel de huisartsen in één organisatie die namens hen mag spreken, "
            "en leg per onderwerp vast waarvoor dat mandaat geldt."
        ),
    ),
    Obstacle(
        "content",
        _("Geen gedeeld inhoudelijk beeld"),
        _(
            "Begin bij een regiobeeld dat u samen met de zorgverzekeraar opstelt: "
            "dezelfde cijfers en dezelfde analyse geven een gedeeld vertrekpunt."
        ),
    ),
    Obstacle(
        "continuity",
        _("Wisselende bestuurders of inkopers"),
        _(
            "Zorg voor continuïteit: leg afspraken en de stand van zaken vast en "
            "draag ze goed over als iemand vertrekt."
        ),
    ),
    Obstacle(
        "funding",
        _("Losse projectgelden in plaats van structurele financiering"),
        _(
            "Maak in het regioplan meerjarige afspraken, zodat duidelijk is wat er "
            "de komende jaren structureel gefinancierd wordt."
        ),
    ),
    Obstacle(
        "trust",
        _("Te weinig vertrouwen of afspraken niet nagekomen"),
        _(
            "Maak verwachtingen vooraf duidelijk, investeer in de relatie en "
            "overweeg een onafhankelijke bemiddelaar, bijvoorbeeld via de ROS."
        ),
    ),
]
OBSTACLE_KEYS = [o.key for o in OBSTACLES]
CHARACTERISTIC_KEYS = [c.key for c in CHARACTERISTICS]

SINCE_MIN, SINCE_MAX = 1990, 2100


def _state_field(label) -> models.CharField:
    return models.CharField(
        label,
        max_length=10,
        choices=CharacteristicState.choices,
        default=CharacteristicState.ONBEKEND,
    )


def _note_field() -> models.CharField:
    return models.CharField(_("toelichting"), max_length=300, blank=True)


def _obstacle_field(label) -> models.CharField:
    return models.CharField(
        label,
        max_length=12,
        choices=ObstacleState.choices,
        default=ObstacleState.ONBEKEND,
    )


def _how_field() -> models.CharField:
    return models.CharField(
        _("hoe overwonnen"),
        max_length=300,
        blank=True,
        help_text=_("Eén zin: hoe de regio dit heeft opgelost."),
    )


def _since_field() -> models.PositiveSmallIntegerField:
    return models.PositiveSmallIntegerField(
        _("overwonnen sinds (jaar)"),
        null=True,
        blank=True,
        validators=[MinValueValidator(SINCE_MIN), MaxValueValidator(SINCE_MAX)],
    )


class SelfScanQuerySet(models.QuerySet):
    def get_by_natural_key(self, region_slug):
        return self.get(region__slug=region_slug)

    def public(self):
        """The scans visitors may see and count: the region made them public."""
        return self.filter(is_public=True)


class SelfScan(Versioned):
    """A region's own scan of its organisation and the obstacles it meets."""

    region = models.OneToOneField(
        Region,
        verbose_name=_("regio"),
        on_delete=models.CASCADE,
        related_name="selfscan",
    )
    is_public = models.BooleanField(
        _("openbaar"),
        default=True,
        help_text=_(
            "Staat dit uit, dan ziet alleen u deze zelfscan: hij telt nergens mee "
            "en staat nergens op de website of in downloads."
        ),
    )
    date = models.DateField(
        _("datum van de scan"),
        default=timezone.localdate,
        help_text=_("Wanneer de regio deze zelfscan voor het laatst heeft ingevuld."),
    )
    governance_state = _state_field(CHARACTERISTICS[0].label)
    governance_note = _note_field()
    means_state = _state_field(CHARACTERISTICS[1].label)
    means_note = _note_field()
    mandate_state = _state_field(CHARACTERISTICS[2].label)
    mandate_note = _note_field()
    leadership_state = _state_field(CHARACTERISTICS[3].label)
    leadership_note = _note_field()
    support_state = _state_field(CHARACTERISTICS[4].label)
    support_note = _note_field()
    obstacle_mandate = _obstacle_field(OBSTACLES[0].label)
    mandate_how = _how_field()
    mandate_since = _since_field()
    obstacle_content = _obstacle_field(OBSTACLES[1].label)
    content_how = _how_field()
    content_since = _since_field()
    obstacle_continuity = _obstacle_field(OBSTACLES[2].label)
    continuity_how = _how_field()
    continuity_since = _since_field()
    obstacle_funding = _obstacle_field(OBSTACLES[3].label)
    funding_how = _how_field()
    funding_since = _since_field()
    obstacle_trust = _obstacle_field(OBSTACLES[4].label)
    trust_how = _how_field()
    trust_since = _since_field()
    is_demo = models.BooleanField(_("demogegevens"), default=False)
    updated_at = models.DateTimeField(_("laatst bijgewerkt"), auto_now=True)

    objects = SelfScanQuerySet.as_manager()
    history = HistoricalRecords(excluded_fields=["updated_at", "version"])

    class Meta:
        verbose_name = _("zelfscan")
        verbose_name_plural = _("zelfscans")
        ordering = ["region"]

    def __str__(self) -> str:
        return _("Zelfscan %(region)s") % {"region": self.region}

    def natural_key(self):
        return (self.region.slug,)

    natural_key.dependencies = ["regions.region"]

    def clean(self):
        """An overcome obstacle says how; the others carry no 'how' or 'since'."""
        errors = {}
        for obstacle in OBSTACLES:
            state = getattr(self, obstacle.state_field)
            if state == ObstacleState.OVERWONNEN:
                if not getattr(self, obstacle.how_field).strip():
                    errors[obstacle.how_field] = _(
                        "Schrijf in één zin hoe de regio dit heeft overwonnen."
                    )
            else:
                setattr(self, obstacle.how_field, "")
                setattr(self, obstacle.since_field, None)
        if errors:
            raise ValidationError(errors)

    def characteristics(self) -> list[tuple[Characteristic, str, str, str]]:
        """(characteristic, state, state label, note) in order."""
        return [
            (
                c,
                getattr(self, c.state_field),
                CharacteristicState(getattr(self, c.state_field)).label,
                getattr(self, c.note_field),
            )
            for c in CHARACTERISTICS
        ]

    def obstacles(self) -> list[tuple[Obstacle, str, str, str, int | None]]:
        """(obstacle, state, state label, how, since) in order."""
        return [
            (
                o,
                getattr(self, o.state_field),
                ObstacleState(getattr(self, o.state_field)).label,
                getattr(self, o.how_field),
                getattr(self, o.since_field),
            )
            for o in OBSTACLES
        ]

    def state_of(self, key: str) -> str:
        return getattr(self, f"{key}_state")

    @property
    def in_order(self) -> int:
        """How many characteristics are 'op orde'."""
        return sum(
            1
            for c in CHARACTERISTICS
            if getattr(self, c.state_field) == CharacteristicState.OP_ORDE
        )
