"""From regiobeeld to regioplan to contractafspraken: the chain per region.

The guidance of LHV, InEen and ZN (see the leidraad) describes three steps: a
regiobeeld drawn up together with the insurer, a regioplan that works it out,
and contractafspraken that fix it and are monitored. Each step is recorded here
in a form that can be compared across regions. The regioplan's status, document,
period and the patients' role stay on regions.Region.
"""

import uuid
from dataclasses import dataclass

from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from core.documents import validate_pdf
from core.versioning import Versioned
from organisations.models import Insurer, Organisation
from regions.models import Region, Theme, YesNoUnknown


def regiobeeld_upload_to(instance, filename: str) -> str:
    """Store uploaded regiobeelden under a name nobody can guess."""
    return f"regiobeelden/{uuid.uuid4().hex}.pdf"


@dataclass(frozen=True)
class Element:
    field: str  # the model field, or the PlanElement.Kind value
    label: str
    help: str


# The six parts of a regiobeeld, in the guidance's order; one boolean each.
REGIOBEELD_ELEMENTS = [
    Element(
        "covers_parties",
        _("Deelnemende partijen"),
        _(
            "Wie het regiobeeld samen opstellen en dragen: huisartsenorganisaties, "
            "zorgverzekeraars en andere partijen in de regio."
        ),
    ),
    Element(
        "covers_figures",
        _("De regio in cijfers"),
        _(
            "Hoeveel mensen er wonen en wat de bevolking kenmerkt, zoals leeftijd "
            "en gezondheid."
        ),
    ),
    Element(
        "covers_trends",
        _("Trends in het zorglandschap"),
        _("Ontwikkelingen die de zorg in de regio raken, nu en de komende jaren."),
    ),
    Element(
        "covers_demand",
        _("Ontwikkeling van de zorgvraag"),
        _("Hoe de vraag naar zorg in de regio naar verwachting verandert."),
    ),
    Element(
        "covers_supply",
        _("Het zorgaanbod"),
        _("Welke zorg er is: praktijken, huisartsenposten, andere zorgverleners."),
    ),
    Element(
        "covers_challenges",
        _("De opgaven van de regio"),
        _(
            "Waar de partijen in de regio samen voor staan, op basis van gedeelde "
            "cijfers en een gezamenlijke analyse."
        ),
    ),
]


class Regiobeeld(Versioned):
    """The regiobeeld of a region: the shared picture the plan starts from."""

    class Stage(models.TextChoices):
        GEEN = "geen", _("Geen regiobeeld")
        IN_WORDING = "in_wording", _("Regiobeeld wordt opgesteld")
        GEREED = "gereed", _("Regiobeeld gereed")

    region = models.OneToOneField(
        Region,
        verbose_name=_("regio"),
        on_delete=models.CASCADE,
        related_name="regiobeeld",
    )
    stage = models.CharField(
        _("stand van zaken"),
        max_length=20,
        choices=Stage.choices,
        default=Stage.GEEN,
    )
    with_insurer = models.CharField(
        _("samen met de zorgverzekeraar opgesteld"),
        max_length=10,
        choices=YesNoUnknown.choices,
        default=YesNoUnknown.ONBEKEND,
        help_text=_(
            "Het regiobeeld is het sterkst als de huisartsenorganisatie en de "
            "zorgverzekeraar het samen opstellen en allebei onderschrijven."
        ),
    )
    date = models.DateField(_("datum"), null=True, blank=True)
    document = models.FileField(
        _("document (PDF)"),
        upload_to=regiobeeld_upload_to,
        blank=True,
        validators=[validate_pdf],
    )
    url = models.URLField(_("link naar het regiobeeld"), blank=True)
    document_public = models.BooleanField(
        _("document openbaar"),
        default=False,
        help_text=_("Alleen als dit aan staat, kunnen bezoekers het document lezen."),
    )
    covers_parties = models.BooleanField(REGIOBEELD_ELEMENTS[0].label, default=False)
    covers_figures = models.BooleanField(REGIOBEELD_ELEMENTS[1].label, default=False)
    covers_trends = models.BooleanField(REGIOBEELD_ELEMENTS[2].label, default=False)
    covers_demand = models.BooleanField(REGIOBEELD_ELEMENTS[3].label, default=False)
    covers_supply = models.BooleanField(REGIOBEELD_ELEMENTS[4].label, default=False)
    covers_challenges = models.BooleanField(REGIOBEELD_ELEMENTS[5].label, default=False)
    is_demo = models.BooleanField(_("demogegevens"), default=False)
    updated_at = models.DateTimeField(_("laatst bijgewerkt"), auto_now=True)

    history = HistoricalRecords(excluded_fields=["updated_at", "version"])

    class Meta:
        verbose_name = _("regiobeeld")
        verbose_name_plural = _("regiobeelden")
        ordering = ["region"]

    def __str__(self) -> str:
        return _("Regiobeeld %(region)s") % {"region": self.region}

    def covered(self) -> list[tuple[Element, bool]]:
        return [(e, getattr(self, e.field)) for e in REGIOBEELD_ELEMENTS]

    @property
    def covered_count(self) -> int:
        return sum(1 for e in REGIOBEELD_ELEMENTS if getattr(self, e.field))

    def public_document_url(self) -> str:
        """Where visitors can read the regiobeeld; empty unless it is public."""
        if not self.document_public:
            return ""
        if self.document:
            return reverse("plans:regiobeeld_document", args=[self.region.slug])
        return self.url

    @property
    def filename(self) -> str:
        return f"regiobeeld-{self.region.slug}.pdf"


class ElementKind(models.TextChoices):
    """The seven parts of a good regioplan, after the guidance."""

    MISSIE_VISIE = "missie_visie", _("Missie en visie")
    ICT_VISIE = "ict_visie", _("Aparte ICT-visie")
    GOVERNANCE = "governance", _("Governance en zeggenschap")
    OPGAVEN = "opgaven", _("Opgaven uit het regiobeeld geprioriteerd")
    ACTIVITEITEN = "activiteiten", _("Plannen en activiteiten met tijdpad")
    MONITORING = "monitoring", _("Afspraken en monitoring")
    DRAAGVLAK = "draagvlak", _("Draagvlak bij verzekeraars en zorgaanbieders")


# What "a region has X" reads like, for the counts on the overview.
ELEMENT_HAS = {
    ElementKind.MISSIE_VISIE: _("een missie en visie"),
    ElementKind.ICT_VISIE: _("een ICT-visie"),
    ElementKind.GOVERNANCE: _("governance en zeggenschap beschreven"),
    ElementKind.OPGAVEN: _("de opgaven geprioriteerd"),
    ElementKind.ACTIVITEITEN: _("activiteiten met een tijdpad"),
    ElementKind.MONITORING: _("monitoring-afspraken"),
    ElementKind.DRAAGVLAK: _("draagvlak beschreven"),
}

# A sentence of our own per element, drawn from the guidance, for the forms.
ELEMENT_HELP = {
    ElementKind.MISSIE_VISIE: _(
        "Waar de regio voor staat en naartoe wil: een heldere missie en visie die "
        "de huisartsenorganisatie en de zorgverzekeraar delen."
    ),
    ElementKind.ICT_VISIE: _(
        "Een eigen, apart uitgewerkte visie op digitalisering en ICT in de regio."
    ),
    ElementKind.GOVERNANCE: _(
        "Hoe besluiten worden genomen en hoe praktijkhoudende en "
        "niet-praktijkhoudende huisartsen en andere zorgverleners inspraak hebben; "
        "afspraken over samenwerking van praktijk tot wijk en regio."
    ),
    ElementKind.OPGAVEN: _(
        "Welke opgaven uit het regiobeeld de regio oppakt en in welke volgorde."
    ),
    ElementKind.ACTIVITEITEN: _(
        "Een overzicht van plannen en geprioriteerde activiteiten met een tijdpad; "
        "een eenjarig plan is concreet, een meerjarig plan mag globaler zijn."
    ),
    ElementKind.MONITORING: _(
        "Welke afspraken er zijn gemaakt en hoe van elke afspraak wordt gevolgd of "
        "die wordt nagekomen."
    ),
    ElementKind.DRAAGVLAK: _(
        "Wensen en mogelijkheden waar zowel de zorgverzekeraars als de "
        "zorgaanbieders achter staan."
    ),
}


class ElementState(models.TextChoices):
    AANWEZIG = "aanwezig", _("Aanwezig")
    DEELS = "deels", _("Deels aanwezig")
    AFWEZIG = "afwezig", _("Niet aanwezig")
    ONBEKEND = "onbekend", _("Onbekend")


# Short words for the overview table; the full label is in the legend above it.
STATE_SHORT = {
    ElementState.AANWEZIG: _("Ja"),
    ElementState.DEELS: _("Deels"),
    ElementState.AFWEZIG: _("Nee"),
    ElementState.ONBEKEND: _("Onbekend"),
}


class PlanElementQuerySet(models.QuerySet):
    def get_by_natural_key(self, region_slug, element):
        return self.get(region__slug=region_slug, element=element)

    def present(self):
        return self.filter(state=ElementState.AANWEZIG)


class PlanElement(Versioned):
    """One element of a region's regioplan, and whether the plan has it."""

    region = models.ForeignKey(
        Region,
        verbose_name=_("regio"),
        on_delete=models.CASCADE,
        related_name="plan_elements",
    )
    element = models.CharField(
        _("onderdeel"), max_length=20, choices=ElementKind.choices
    )
    state = models.CharField(
        _("in het plan"),
        max_length=10,
        choices=ElementState.choices,
        default=ElementState.ONBEKEND,
    )
    note = models.CharField(_("toelichting"), max_length=500, blank=True)
    page = models.PositiveSmallIntegerField(
        _("pagina in het plan"),
        null=True,
        blank=True,
        validators=[MinValueValidator(1), MaxValueValidator(2000)],
    )
    is_demo = models.BooleanField(_("demogegevens"), default=False)

    objects = PlanElementQuerySet.as_manager()
    history = HistoricalRecords(excluded_fields=["version"])

    class Meta:
        verbose_name = _("onderdeel van het regioplan")
        verbose_name_plural = _("onderdelen van regioplannen")
        ordering = ["region", "element"]
        constraints = [
            models.UniqueConstraint(
                fields=["region", "element"], name="planelement_unique_per_region"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.region} – {self.get_element_display()}"

    def natural_key(self):
        return (self.region.slug, self.element)

    @property
    def help(self) -> str:
        return ELEMENT_HELP[self.element]

    @property
    def short_state(self) -> str:
        return STATE_SHORT[self.state]

    @classmethod
    def complete_for(cls, region: Region, elements=None) -> list["PlanElement"]:
        """All seven elements in order: the stored ones, unsaved blanks for the rest.

        elements: the region's stored elements if already fetched (prefetch)."""
        if elements is None:
            elements = cls.objects.filter(region=region)
        stored = {e.element: e for e in elements}
        return [
            stored.get(kind) or cls(region=region, element=kind)
            for kind in ElementKind.values
        ]


class PlanDetails(Versioned):
    """What the regioplan adds beside its status, document and period (on Region)."""

    class PeriodKind(models.TextChoices):
        EENJARIG = "eenjarig", _("Eén jaar")
        MEERJARIG = "meerjarig", _("Meerdere jaren")
        ONBEKEND = "onbekend", _("Onbekend")

    region = models.OneToOneField(
        Region,
        verbose_name=_("regio"),
        on_delete=models.CASCADE,
        related_name="plan_details",
    )
    agreed_with_insurer = models.CharField(
        _("afgestemd met de zorgverzekeraar"),
        max_length=10,
        choices=YesNoUnknown.choices,
        default=YesNoUnknown.ONBEKEND,
        help_text=_(
            "Een goed regioplan wordt gedeeld door de huisartsenorganisatie en de "
            "zorgverzekeraar."
        ),
    )
    period_kind = models.CharField(
        _("looptijd van het plan"),
        max_length=10,
        choices=PeriodKind.choices,
        default=PeriodKind.ONBEKEND,
        help_text=_(
            "Een eenjarig plan is concreet en leidt tot contractafspraken; een "
            "meerjarig plan geeft richting voor langere tijd."
        ),
    )
    is_demo = models.BooleanField(_("demogegevens"), default=False)

    history = HistoricalRecords(excluded_fields=["version"])

    class Meta:
        verbose_name = _("afspraken over het regioplan")
        verbose_name_plural = _("afspraken over regioplannen")
        ordering = ["region"]

    def __str__(self) -> str:
        return _("Regioplan %(region)s") % {"region": self.region}


class ContractQuerySet(models.QuerySet):
    def get_by_natural_key(self, region_slug, insurer_slug, start):
        return self.get(
            region__slug=region_slug, insurer__slug=insurer_slug, start=start
        )

    def active_on(self, date):
        """Contracts whose period includes date (an open end runs on)."""
        return self.filter(
            models.Q(start__lte=date)
            & (models.Q(end__gte=date) | models.Q(end__isnull=True))
        )

    def expired(self, today=None):
        today = today or timezone.localdate()
        return self.filter(end__lt=today)

    def not_expired(self, today=None):
        today = today or timezone.localdate()
        return self.filter(models.Q(end__gte=today) | models.Q(end__isnull=True))

    def for_display(self):
        return self.select_related("insurer").prefetch_related("themes")


@dataclass(frozen=True)
class PublicContract:
    """What a visitor may see of a contract: contents only when they are public."""

    insurer: str
    start: object
    end: object
    is_demo: bool
    contents_public: bool
    state: str = ""
    kind: str = ""
    themes: tuple[str, ...] = ()
    monitoring_agreed: str = ""
    monitoring_how: str = ""


class Contract(Versioned):
    """Contractafspraken between a region and an insurer for a period."""

    class Kind(models.TextChoices):
        EENJARIG = "eenjarig", _("Eenjarig")
        MEERJARIG = "meerjarig", _("Meerjarig")

    class State(models.TextChoices):
        IN_VOORBEREIDING = "in_voorbereiding", _("In voorbereiding")
        GETEKEND = "getekend", _("Getekend")

    region = models.ForeignKey(
        Region,
        verbose_name=_("regio"),
        on_delete=models.CASCADE,
        related_name="contracts",
    )
    insurer = models.ForeignKey(
        Insurer,
        verbose_name=_("zorgverzekeraar"),
        on_delete=models.PROTECT,
        related_name="contracts",
    )
    start = models.DateField(_("begindatum"))
    end = models.DateField(
        _("einddatum"),
        null=True,
        blank=True,
        help_text=_("Na deze datum geldt de afspraak als verlopen."),
    )
    kind = models.CharField(
        _("eenjarig of meerjarig"),
        max_length=10,
        choices=Kind.choices,
        default=Kind.EENJARIG,
    )
    themes = models.ManyToManyField(
        Theme, verbose_name=_("thema's"), related_name="contracts", blank=True
    )
    monitoring_agreed = models.CharField(
        _("monitoring afgesproken"),
        max_length=10,
        choices=YesNoUnknown.choices,
        default=YesNoUnknown.ONBEKEND,
        help_text=_(
            "Is afgesproken hoe de regio en de verzekeraar samen volgen of de "
            "afspraken worden nagekomen?"
        ),
    )
    monitoring_how = models.CharField(
        _("hoe wordt gemonitord"), max_length=500, blank=True
    )
    state = models.CharField(
        _("stand van zaken"),
        max_length=20,
        choices=State.choices,
        default=State.IN_VOORBEREIDING,
        help_text=_("‘Verlopen’ volgt vanzelf uit de einddatum."),
    )
    contents_public = models.BooleanField(
        _("inhoud openbaar"),
        default=False,
        help_text=_(
            "Uit: bezoekers zien alleen dat er een afspraak is, met welke "
            "verzekeraar en voor welke periode."
        ),
    )
    is_demo = models.BooleanField(_("demogegevens"), default=False)

    objects = ContractQuerySet.as_manager()
    history = HistoricalRecords(excluded_fields=["version"])

    class Meta:
        verbose_name = _("contractafspraak")
        verbose_name_plural = _("contractafspraken")
        ordering = ["region", "-start", "insurer"]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(end__isnull=True)
                | models.Q(end__gte=models.F("start")),
                name="contract_period_ordered",
            ),
            models.UniqueConstraint(
                fields=["region", "insurer", "start"],
                name="contract_unique_region_insurer_start",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.region} – {self.insurer} ({self.period})"

    def natural_key(self):
        return (self.region.slug, self.insurer.slug, self.start.isoformat())

    def clean(self):
        if self.start and self.end and self.end < self.start:
            raise ValidationError({"end": _("De einddatum ligt vóór de begindatum.")})

    def is_expired(self, today=None) -> bool:
        today = today or timezone.localdate()
        return self.end is not None and self.end < today

    @property
    def expired(self) -> bool:
        return self.is_expired()

    @property
    def state_label(self) -> str:
        """The state in words; expired follows from the end date, never stored."""
        if self.expired:
            return _("Verlopen")
        return self.get_state_display()

    @property
    def period(self) -> str:
        start = self.start.strftime("%d-%m-%Y") if self.start else "?"
        if self.end:
            return f"{start} – {self.end.strftime('%d-%m-%Y')}"
        return _("vanaf %(start)s") % {"start": start}

    def public(self) -> PublicContract:
        """The one place that decides what of a contract is public."""
        base = {
            "insurer": self.insurer.name,
            "start": self.start,
            "end": self.end,
            "is_demo": self.is_demo,
            "contents_public": self.contents_public,
        }
        if not self.contents_public:
            return PublicContract(**base)
        return PublicContract(
            **base,
            state=str(self.state_label),
            kind=str(self.get_kind_display()),
            themes=tuple(t.label for t in self.themes.all()),
            monitoring_agreed=str(self.get_monitoring_agreed_display()),
            monitoring_how=self.monitoring_how,
        )


# The search index lives in plans.search; its models belong to this app.
from .search.models import PageText, PlanText, Posting  # noqa: E402, F401

# -- Goals and milestones (NZa: measurable goals per regioplan) -----------------


class GoalQuerySet(models.QuerySet):
    def get_by_natural_key(self, region_slug, title):
        return self.get(region__slug=region_slug, title=title)

    def public(self):
        """The one place that decides which goals visitors see: not private."""
        return self.filter(private=False)


class Goal(Versioned):
    """A measurable goal of a region's regioplan, with its milestones.

    Public unless the region marks it private: a private goal appears in no
    public output (pages, feeds, downloads, counts); Goal.objects.public()
    decides."""

    region = models.ForeignKey(
        Region, verbose_name=_("regio"), on_delete=models.CASCADE, related_name="goals"
    )
    title = models.CharField(_("doel"), max_length=200)
    theme = models.ForeignKey(
        Theme, verbose_name=_("thema"), on_delete=models.PROTECT, related_name="goals"
    )
    indicator = models.CharField(
        _("indicator"),
        max_length=300,
        help_text=_("Waaraan meet de regio of het doel bereikt is?"),
    )
    baseline = models.CharField(_("nulmeting"), max_length=100, blank=True)
    baseline_date = models.DateField(_("datum nulmeting"), null=True, blank=True)
    target = models.CharField(_("streefwaarde"), max_length=100, blank=True)
    target_date = models.DateField(_("streefdatum"), null=True, blank=True)
    owner = models.ForeignKey(
        Organisation,
        verbose_name=_("eigenaar"),
        on_delete=models.PROTECT,
        related_name="goals",
        null=True,
        blank=True,
        help_text=_("Een organisatie van de regio."),
    )
    reached_on = models.DateField(
        _("bereikt op"),
        null=True,
        blank=True,
        help_text=_("Leeg zolang het doel niet bereikt is."),
    )
    private = models.BooleanField(
        _("niet openbaar"),
        default=False,
        help_text=_("Aan: het doel staat nergens op de openbare website."),
    )
    is_demo = models.BooleanField(_("demogegevens"), default=False)

    objects = GoalQuerySet.as_manager()
    history = HistoricalRecords(excluded_fields=["version"])

    class Meta:
        verbose_name = _("doel")
        verbose_name_plural = _("doelen")
        ordering = ["region", "theme", "title"]
        constraints = [
            models.UniqueConstraint(
                fields=["region", "title"], name="goal_unique_region_title"
            ),
            models.CheckConstraint(
                condition=models.Q(baseline_date__isnull=True)
                | models.Q(target_date__isnull=True)
                | models.Q(target_date__gte=models.F("baseline_date")),
                name="goal_dates_ordered",
            ),
        ]

    def __str__(self) -> str:
        # The title alone: a theme's delete page names the goals it protects
        # without reading their regions (a region row carries its borders).
        return self.title

    def natural_key(self):
        return (self.region.slug, self.title)

    def clean(self):
        if (
            self.baseline_date
            and self.target_date
            and self.target_date < self.baseline_date
        ):
            raise ValidationError(
                {
                    "target_date": _(
                        "De streefdatum ligt vóór de datum van de nulmeting."
                    )
                }
            )
        if self.owner_id and self.region_id:
            region = self.region
            mine = region.regional_organisation_id == self.owner_id or (
                region.organisations.filter(pk=self.owner_id).exists()
            )
            if not mine:
                raise ValidationError(
                    {"owner": _("De eigenaar moet een organisatie van de regio zijn.")}
                )


class MilestoneQuerySet(models.QuerySet):
    def get_by_natural_key(self, region_slug, goal_title, title):
        return self.get(
            goal__region__slug=region_slug, goal__title=goal_title, title=title
        )


class Milestone(Versioned):
    """A step on the way to a goal, due on a date."""

    class State(models.TextChoices):
        GEPLAND = "gepland", _("Gepland")
        BEZIG = "bezig", _("Bezig")
        GEHAALD = "gehaald", _("Gehaald")
        VERVALLEN = "vervallen", _("Vervallen")

    goal = models.ForeignKey(
        Goal,
        verbose_name=_("doel"),
        on_delete=models.CASCADE,
        related_name="milestones",
    )
    title = models.CharField(_("mijlpaal"), max_length=200)
    due = models.DateField(_("uiterste datum"))
    state = models.CharField(
        _("stand van zaken"),
        max_length=10,
        choices=State.choices,
        default=State.GEPLAND,
    )

    objects = MilestoneQuerySet.as_manager()
    history = HistoricalRecords(excluded_fields=["version"])

    class Meta:
        verbose_name = _("mijlpaal")
        verbose_name_plural = _("mijlpalen")
        ordering = ["goal", "due", "title"]
        constraints = [
            models.UniqueConstraint(
                fields=["goal", "title"], name="milestone_unique_goal_title"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.title} ({self.due:%d-%m-%Y})"

    def natural_key(self):
        return (*self.goal.natural_key(), self.title)

    natural_key.dependencies = ["plans.goal"]
