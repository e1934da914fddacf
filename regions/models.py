import datetime
import uuid
from dataclasses import dataclass

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models.functions import Coalesce
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from core.documents import validate_pdf
from core.permissions import is_curator
from core.versioning import Versioned
from geo.models import Gemeente
from organisations.models import Insurer, Organisation


@dataclass(frozen=True)
class StatusStyle:
    colour: str  # fill colour on the map
    colour_name: str  # the colour in words, for the legend
    text_colour: str  # readable text on top of the fill


class RegioplanStatus(models.TextChoices):
    """The five statuses of a region's regioplan, in legend order."""

    OPENBAAR = "openbaar", _("Regioplan openbaar")
    NIET_OPENBAAR = "niet_openbaar", _("Regioplan niet openbaar")
    IN_ONTWIKKELING = "in_ontwikkeling", _("Regioplan in ontwikkeling")
    ONBEKEND = "onbekend", _("Status regioplan onbekend")
    GEEN = "geen", _("Geen regioplan")

    @property
    def style(self) -> StatusStyle:
        return STATUS_STYLES[self]

    @property
    def colour(self) -> str:
        return self.style.colour


# Shades chosen so that every two statuses differ by at least 1.6:1 in
# luminance, also under simulated protanopia, deuteranopia and tritanopia
# (tests/test_status_colours.py); each status also has a pattern (status.css).
STATUS_STYLES = {
    RegioplanStatus.OPENBAAR: StatusStyle("#7b3fa6", _("paars"), "#ffffff"),
    RegioplanStatus.NIET_OPENBAAR: StatusStyle("#14213d", _("donkerblauw"), "#ffffff"),
    RegioplanStatus.IN_ONTWIKKELING: StatusStyle(
        "#3d87d4", _("middenblauw"), "#000000"
    ),
    RegioplanStatus.ONBEKEND: StatusStyle("#8fc1ec", _("lichtblauw"), "#10223f"),
    RegioplanStatus.GEEN: StatusStyle("#ffffff", _("wit"), "#10223f"),
}


def legend(counts: dict[str, int]) -> list[dict]:
    """The map legend: each status with its label, colour and number of regions.

    Templates colour a status by its CSS class (status-<value>, static/css/
    status.css), never by an inline style."""
    return [
        {
            "status": status.value,
            "label": status.label,
            "colour_name": status.style.colour_name,
            "count": counts.get(status.value, 0),
        }
        for status in RegioplanStatus
    ]


class YesNoUnknown(models.TextChoices):
    JA = "ja", _("Ja")
    NEE = "nee", _("Nee")
    ONBEKEND = "onbekend", _("Onbekend")


def regioplan_upload_to(instance, filename: str) -> str:
    """Store uploaded regioplannen under a name nobody can guess."""
    return f"regioplannen/{uuid.uuid4().hex}.pdf"


DAYS_PER_MONTH = 30.44


def confirmation_period_start(months: int | None = None, now=None):
    """The moment from which a confirmation still counts as recent."""
    months = settings.REGIOKAART_REMINDER_MONTHS if months is None else months
    now = now or timezone.now()
    return now - datetime.timedelta(days=round(months * DAYS_PER_MONTH))


class RegionQuerySet(models.QuerySet):
    def get_by_natural_key(self, slug):
        return self.get(slug=slug)

    def for_user(self, user):
        """The regions this user may edit: all for a curator, their own for an
        editor, none for anyone else."""
        if is_curator(user):
            return self
        if not user.is_authenticated:
            return self.none()
        return self.filter(
            pk__in=RegionMembership.objects.filter(user=user).values("region")
        )

    def for_member(self, user):
        """The regions this user may open in Mijn regio, whatever their role,
        each with `member_can_edit`: all for a curator, none for anyone else.
        regions.access is the one place that asks this."""
        if is_curator(user):
            return self.annotate(member_can_edit=models.Value(True))
        if not user.is_authenticated:
            return self.none()
        mine = RegionMembership.objects.filter(user=user, region=models.OuterRef("pk"))
        return self.filter(models.Exists(mine)).annotate(
            member_can_edit=models.Exists(
                mine.filter(role__in=RegionMembership.EDITING_ROLES)
            )
        )

    def without_borders(self):
        return self.defer("geometry", "display_geometry")

    def unconfirmed(self, months: int | None = None):
        """Not confirmed within the confirmation period (REGIOKAART_REMINDER_
        MONTHS): the workbench, its admin filter and the reminders agree."""
        return self.unconfirmed_since(confirmation_period_start(months))

    def unconfirmed_since(self, moment):
        """Not confirmed (nor created) since moment: the entry may be stale."""
        return self.alias(
            confirmed_or_created=Coalesce("confirmed_at", "created_at")
        ).filter(confirmed_or_created__lt=moment)

    def plan_expired(self, year: int | None = None):
        """Plans whose end year has passed."""
        year = year or timezone.localdate().year
        return self.filter(plan_end_year__lt=year)

    def without_contact(self):
        """No regional organisation, or one without phone and e-mail."""
        return self.filter(
            models.Q(regional_organisation__isnull=True)
            | models.Q(regional_organisation__phone="", regional_organisation__email="")
        )

    def with_related(self):
        """With organisation and insurer, without the (large) borders."""
        return self.select_related("regional_organisation", "preferred_insurer").defer(
            "geometry", "display_geometry"
        )

    def sorted_by(self, key: str, descending: bool = False):
        """Order for the region table; status sorts in legend order."""
        status_rank = models.Case(
            *(
                models.When(status=status, then=models.Value(rank))
                for rank, status in enumerate(RegioplanStatus.values)
            ),
            output_field=models.IntegerField(),
        )
        columns = {
            "naam": [models.F("name")],
            "status": [status_rank, models.F("name")],
            "organisatie": [models.F("regional_organisation__name"), models.F("name")],
            "verzekeraar": [models.F("preferred_insurer__name"), models.F("name")],
        }
        first, *rest = columns.get(key, columns["naam"])
        first = (
            first.desc(nulls_last=True) if descending else first.asc(nulls_last=True)
        )
        return self.order_by(first, *rest)

    def status_counts(self) -> dict[str, int]:
        counts = dict(
            self.order_by()
            .values_list("status")
            .annotate(n=models.Count("pk"))
            .values_list("status", "n")
        )
        return {status: counts.get(status, 0) for status in RegioplanStatus.values}


class Region(Versioned):
    """A region of primary-care collaboration: a set of whole gemeenten."""

    name = models.CharField(_("naam"), max_length=200, unique=True)
    slug = models.SlugField(_("sleutel in de URL"), max_length=100, unique=True)
    status = models.CharField(
        _("status regioplan"),
        max_length=20,
        choices=RegioplanStatus.choices,
        default=RegioplanStatus.ONBEKEND,
    )
    regional_organisation = models.ForeignKey(
        Organisation,
        verbose_name=_("regionale organisatie"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="regions_led",
    )
    preferred_insurer = models.ForeignKey(
        Insurer,
        verbose_name=_("preferente zorgverzekeraar"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="preferred_in",
    )
    plan_document = models.FileField(
        _("regioplan (PDF)"),
        upload_to=regioplan_upload_to,
        blank=True,
        validators=[validate_pdf],
        help_text=_(
            "Alleen PDF. Alleen zichtbaar voor bezoekers als het plan openbaar is."
        ),
    )
    plan_url = models.URLField(_("regioplan (link)"), blank=True)
    plan_start_year = models.PositiveSmallIntegerField(
        _("regioplan vanaf jaar"),
        null=True,
        blank=True,
        validators=[MinValueValidator(2000), MaxValueValidator(2100)],
    )
    plan_end_year = models.PositiveSmallIntegerField(
        _("regioplan tot en met jaar"),
        null=True,
        blank=True,
        validators=[MinValueValidator(2000), MaxValueValidator(2100)],
    )
    patients_involved = models.CharField(
        _("patiënten betrokken bij het opstellen"),
        max_length=10,
        choices=YesNoUnknown.choices,
        default=YesNoUnknown.ONBEKEND,
    )
    non_practice_holders_involved = models.CharField(
        _("niet-praktijkhoudende huisartsen doen mee in de regionale organisatie"),
        max_length=10,
        choices=YesNoUnknown.choices,
        default=YesNoUnknown.ONBEKEND,
    )
    description = models.TextField(_("toelichting"), blank=True)
    gemeenten = models.ManyToManyField(
        Gemeente,
        verbose_name=_("gemeenten"),
        through="RegionGemeente",
        related_name="regions",
        blank=True,
    )
    organisations = models.ManyToManyField(
        Organisation,
        verbose_name=_("actieve organisaties"),
        through="RegionOrganisation",
        related_name="regions",
        blank=True,
    )
    geometry = models.JSONField(
        _("grens (GeoJSON, WGS84)"), null=True, blank=True, editable=False
    )
    display_geometry = models.JSONField(
        _("vereenvoudigde grens voor de kaart"), null=True, blank=True, editable=False
    )
    is_demo = models.BooleanField(
        _("demogegevens"),
        default=False,
        help_text=_("Aan zolang status, organisaties en plan niet zijn geverifieerd."),
    )
    created_at = models.DateTimeField(_("aangemaakt"), auto_now_add=True)
    updated_at = models.DateTimeField(_("laatst bijgewerkt"), auto_now=True)
    confirmed_at = models.DateTimeField(
        _("laatst bevestigd op"),
        null=True,
        blank=True,
        editable=False,
        help_text=_("Wanneer een redacteur voor het laatst zei dat alles nog klopt."),
    )

    objects = RegionQuerySet.as_manager()
    history = HistoricalRecords(
        excluded_fields=[
            "geometry",
            "display_geometry",
            "updated_at",
            "version",
            "confirmed_at",
        ]
    )

    class Meta:
        verbose_name = _("regio")
        verbose_name_plural = _("regio's")
        ordering = ["name"]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(plan_start_year__isnull=True)
                | models.Q(plan_end_year__isnull=True)
                | models.Q(plan_end_year__gte=models.F("plan_start_year")),
                name="region_plan_period_ordered",
            ),
            models.CheckConstraint(
                condition=~models.Q(status=RegioplanStatus.OPENBAAR)
                | ~models.Q(plan_document="")
                | ~models.Q(plan_url=""),
                name="region_public_plan_has_document",
            ),
        ]

    def __str__(self) -> str:
        return self.name

    def get_absolute_url(self) -> str:
        return reverse("regions:detail", args=[self.slug])

    def natural_key(self):
        return (self.slug,)

    @property
    def last_confirmed(self):
        """When the region last confirmed its entry, or else when it came on
        the map (created or imported): the confirmation clock starts there."""
        return self.confirmed_at or self.created_at

    @property
    def is_stale(self) -> bool:
        """Not confirmed within the period: the same rule as
        Region.objects.unconfirmed(), the workbench and the reminders."""
        return self.last_confirmed < confirmation_period_start()

    def can_edit(self, user) -> bool:
        return Region.objects.for_user(user).filter(pk=self.pk).exists()

    def clean(self):
        errors = {}
        if (
            self.plan_start_year
            and self.plan_end_year
            and self.plan_end_year < self.plan_start_year
        ):
            errors["plan_end_year"] = _(
                "Het eindjaar van het regioplan ligt vóór het beginjaar."
            )
        if self.status == RegioplanStatus.OPENBAAR and not (
            self.plan_document or self.plan_url
        ):
            errors["status"] = _(
                "Een openbaar regioplan heeft een document: upload een PDF of vul "
                "een link in."
            )
        if errors:
            raise ValidationError(errors)

    @property
    def status_choice(self) -> RegioplanStatus:
        return RegioplanStatus(self.status)

    @property
    def is_plan_public(self) -> bool:
        return self.status == RegioplanStatus.OPENBAAR

    def public_plan_url(self) -> str:
        """Where visitors can read the plan; empty unless the plan is public."""
        if not self.is_plan_public:
            return ""
        if self.plan_document:
            return reverse("regions:regioplan_document", args=[self.slug])
        return self.plan_url

    @property
    def plan_filename(self) -> str:
        return f"regioplan-{self.slug}.pdf"

    @property
    def is_plan_expired(self) -> bool:
        """The plan's end year has passed (shown as such; the status stays)."""
        return bool(
            self.plan_end_year and self.plan_end_year < timezone.localdate().year
        )

    @property
    def plan_period(self) -> str:
        if self.plan_start_year and self.plan_end_year:
            if self.plan_start_year == self.plan_end_year:
                return str(self.plan_start_year)
            return f"{self.plan_start_year}–{self.plan_end_year}"
        if self.plan_start_year:
            return _("vanaf %(year)s") % {"year": self.plan_start_year}
        return ""


# What an editor may change of their region's regioplan; curators see the same.
REGIOPLAN_FIELDS = [
    "status",
    "plan_document",
    "plan_url",
    "plan_start_year",
    "plan_end_year",
    "patients_involved",
    "non_practice_holders_involved",
    "description",
]


class RegionGemeente(models.Model):
    """A gemeente's place in a region: at most one region per gemeente."""

    region = models.ForeignKey(
        Region, verbose_name=_("regio"), on_delete=models.CASCADE, related_name="+"
    )
    gemeente = models.OneToOneField(
        Gemeente,
        verbose_name=_("gemeente"),
        on_delete=models.CASCADE,
        related_name="region_link",
    )

    class Meta:
        verbose_name = _("gemeente in een regio")
        verbose_name_plural = _("samenstelling van regio's")
        ordering = ["region", "gemeente"]

    def __str__(self) -> str:
        return f"{self.gemeente.name} – {self.region}"


class GemeenteMove(models.Model):
    """A gemeente that joined, left or changed region: who, when, from, to."""

    gemeente = models.ForeignKey(
        Gemeente,
        verbose_name=_("gemeente"),
        on_delete=models.CASCADE,
        related_name="+",
    )
    from_region = models.ForeignKey(
        Region,
        verbose_name=_("van regio"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    to_region = models.ForeignKey(
        Region,
        verbose_name=_("naar regio"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("door"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    created_at = models.DateTimeField(_("op"), auto_now_add=True)

    class Meta:
        verbose_name = _("verplaatsing van een gemeente")
        verbose_name_plural = _("verplaatsingen van gemeenten")
        ordering = ["-created_at", "-pk"]

    def __str__(self) -> str:
        return _("%(gemeente)s: %(old)s → %(new)s") % {
            "gemeente": self.gemeente.name,
            "old": self.from_region or _("geen regio"),
            "new": self.to_region or _("geen regio"),
        }


class RegionOrganisation(models.Model):
    """An organisation active in a region; links come and go with history."""

    region = models.ForeignKey(
        Region, verbose_name=_("regio"), on_delete=models.CASCADE, related_name="+"
    )
    organisation = models.ForeignKey(
        Organisation,
        verbose_name=_("organisatie"),
        on_delete=models.CASCADE,
        related_name="+",
    )

    history = HistoricalRecords()

    class Meta:
        verbose_name = _("organisatie in een regio")
        verbose_name_plural = _("organisaties in regio's")
        ordering = ["region", "organisation"]
        constraints = [
            models.UniqueConstraint(
                fields=["region", "organisation"], name="regionorganisation_unique"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.organisation} – {self.region}"


class RegionFigure(models.Model):
    """A key figure a region enters itself, such as its number of GPs."""

    class Kind(models.TextChoices):
        HUISARTSEN = "huisartsen", _("Huisartsen")
        PRAKTIJKEN = "praktijken", _("Huisartsenpraktijken")
        PATIENTEN = "patienten", _("Ingeschreven patiënten")
        HUISARTSENPOSTEN = "huisartsenposten", _("Huisartsenposten")

    region = models.ForeignKey(
        Region,
        verbose_name=_("regio"),
        on_delete=models.CASCADE,
        related_name="figures",
    )
    kind = models.CharField(_("kerngetal"), max_length=20, choices=Kind.choices)
    value = models.PositiveIntegerField(_("waarde"))
    year = models.PositiveSmallIntegerField(
        _("jaar"), validators=[MinValueValidator(2000), MaxValueValidator(2100)]
    )
    source = models.CharField(_("bron"), max_length=200)
    is_demo = models.BooleanField(_("demogegevens"), default=False)

    history = HistoricalRecords()

    class Meta:
        verbose_name = _("kerngetal van de regio")
        verbose_name_plural = _("kerngetallen van de regio")
        ordering = ["region", "kind", "-year"]
        constraints = [
            models.UniqueConstraint(
                fields=["region", "kind", "year"], name="regionfigure_unique_per_year"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.get_kind_display()} {self.year}: {self.value}"


# What anyone who adds an activity fills in: editors, curators, spreadsheets.
ACTIVITY_FIELDS = [
    "title",
    "description",
    "organisation",
    "start_date",
    "end_date",
    "url",
]


class ActivityQuerySet(models.QuerySet):
    def for_display(self):
        return self.select_related("organisation").order_by(
            models.F("start_date").desc(nulls_last=True), "title"
        )


class ThemeQuerySet(models.QuerySet):
    def get_by_natural_key(self, slug):
        return self.get(slug=slug)


class Theme(models.Model):
    """A theme from the curated list, shared by activities and contracts."""

    slug = models.SlugField(_("sleutel"), max_length=50, unique=True)
    name = models.CharField(_("naam"), max_length=100, unique=True)
    name_en = models.CharField(
        _("naam in het Engels"),
        max_length=100,
        blank=True,
        help_text=_("Getoond op de Engelse site; leeg: de Nederlandse naam."),
    )

    objects = ThemeQuerySet.as_manager()
    history = HistoricalRecords()
    # Seeded by migration (plans.0002, moved here by regions.0004): a restore
    # replaces them with the backup's rows (core.backup).
    seeded_by_migrations = True

    class Meta:
        verbose_name = _("thema")
        verbose_name_plural = _("thema's")
        ordering = ["name"]

    def __str__(self) -> str:
        return self.name

    def natural_key(self):
        return (self.slug,)

    @property
    def label(self) -> str:
        """The name in the visitor's language: English when it is filled in."""
        if self.name_en and translation.get_language() == "en":
            return self.name_en
        return self.name


# The curated themes (also seeded by migration); the demo load makes sure they
# exist in a database that was emptied, as the browser tests' is.
DEFAULT_THEMES = [
    ("basisfinanciering-organisatie", "Basisfinanciering organisatie", "Core funding"),
    ("ouderenzorg", "Ouderenzorg", "Care for older people"),
    ("digitalisering-ict", "Digitalisering en ICT", "Digitalisation and IT"),
    ("samenwerking-in-de-wijk", "Samenwerking in de wijk", "Neighbourhood care"),
    ("acute-zorg", "Acute zorg", "Acute care"),
    ("ggz", "GGZ", "Mental health care"),
    ("arbeidsmarkt", "Arbeidsmarkt", "Workforce"),
    ("preventie", "Preventie", "Prevention"),
]


def ensure_themes() -> list[Theme]:
    return [
        Theme.objects.get_or_create(
            slug=slug, defaults={"name": name, "name_en": name_en}
        )[0]
        for slug, name, name_en in DEFAULT_THEMES
    ]


class Activity(Versioned):
    """Something a party does in regional collaboration, shown on the region page."""

    region = models.ForeignKey(
        Region,
        verbose_name=_("regio"),
        on_delete=models.CASCADE,
        related_name="activities",
    )
    title = models.CharField(_("titel"), max_length=200)
    description = models.TextField(_("beschrijving"), blank=True)
    organisation = models.ForeignKey(
        Organisation,
        verbose_name=_("organisatie"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="activities",
    )
    start_date = models.DateField(_("begindatum"), null=True, blank=True)
    end_date = models.DateField(_("einddatum"), null=True, blank=True)
    url = models.URLField(_("link"), blank=True)
    themes = models.ManyToManyField(
        Theme, verbose_name=_("thema's"), related_name="activities", blank=True
    )
    is_demo = models.BooleanField(_("demogegevens"), default=False)
    created_at = models.DateTimeField(_("aangemaakt"), auto_now_add=True)
    updated_at = models.DateTimeField(_("laatst bijgewerkt"), auto_now=True)

    objects = ActivityQuerySet.as_manager()
    history = HistoricalRecords(excluded_fields=["updated_at", "version"])

    class Meta:
        verbose_name = _("activiteit")
        verbose_name_plural = _("activiteiten")
        ordering = ["region", "-start_date", "title"]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(start_date__isnull=True)
                | models.Q(end_date__isnull=True)
                | models.Q(end_date__gte=models.F("start_date")),
                name="activity_period_ordered",
            ),
        ]

    def __str__(self) -> str:
        return self.title

    def clean(self):
        if self.start_date and self.end_date and self.end_date < self.start_date:
            raise ValidationError(
                {"end_date": _("De einddatum ligt vóór de begindatum.")}
            )


class RegionMembership(models.Model):
    """A login that may edit a region's entry (a regional editor)."""

    class Role(models.TextChoices):
        EDITOR = "redacteur", _("Redacteur")

    # The roles that may change the region; every other role only reads.
    EDITING_ROLES = (Role.EDITOR,)

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("gebruiker"),
        on_delete=models.CASCADE,
        related_name="region_memberships",
    )
    region = models.ForeignKey(
        Region,
        verbose_name=_("regio"),
        on_delete=models.CASCADE,
        related_name="memberships",
    )
    role = models.CharField(
        _("rol"), max_length=20, choices=Role.choices, default=Role.EDITOR
    )
    created_at = models.DateTimeField(_("sinds"), auto_now_add=True)

    class Meta:
        verbose_name = _("redacteur van een regio")
        verbose_name_plural = _("redacteuren van regio's")
        ordering = ["region", "user"]
        constraints = [
            models.UniqueConstraint(
                fields=["user", "region"], name="regionmembership_unique_user_region"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.user} – {self.region}"


class MapLayer(models.Model):
    """A serialized map layer, rebuilt when its data changes, served as is."""

    key = models.CharField(_("sleutel"), max_length=50, unique=True)
    content = models.TextField(_("inhoud"))
    etag = models.CharField(_("ETag"), max_length=64)
    updated_at = models.DateTimeField(_("bijgewerkt"), auto_now=True)

    class Meta:
        verbose_name = _("kaartlaag")
        verbose_name_plural = _("kaartlagen")
        ordering = ["key"]

    def __str__(self) -> str:
        return self.key


class StatusChangeQuerySet(models.QuerySet):
    def for_display(self):
        return self.select_related("region").order_by(
            "-effective_date", "-created_at", "-pk"
        )


class StatusChange(models.Model):
    """A change of a region's regioplan status, with the date it took effect.

    Written only by regions.services.record_status, from every path that changes
    a status (Mijn regio, the admin and its revert, spreadsheet imports)."""

    region = models.ForeignKey(
        Region,
        verbose_name=_("regio"),
        on_delete=models.CASCADE,
        related_name="status_changes",
    )
    previous_status = models.CharField(
        _("vorige status"),
        max_length=20,
        choices=RegioplanStatus.choices,
        blank=True,
        help_text=_("Leeg bij een nieuwe regio."),
    )
    status = models.CharField(
        _("status regioplan"), max_length=20, choices=RegioplanStatus.choices
    )
    effective_date = models.DateField(_("geldt vanaf"), default=timezone.localdate)
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("vastgelegd door"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    note = models.CharField(_("toelichting"), max_length=500, blank=True)
    is_demo = models.BooleanField(_("demogegevens"), default=False)
    created_at = models.DateTimeField(_("vastgelegd op"), auto_now_add=True)
    updated_at = models.DateTimeField(_("laatst bijgewerkt"), auto_now=True)

    objects = StatusChangeQuerySet.as_manager()

    class Meta:
        verbose_name = _("statuswijziging")
        verbose_name_plural = _("statuswijzigingen")
        ordering = ["-effective_date", "-created_at", "-pk"]
        indexes = [
            models.Index(
                fields=["region", "effective_date"], name="statuschange_region_date"
            ),
        ]

    def __str__(self) -> str:
        return _("%(region)s: %(status)s vanaf %(date)s") % {
            "region": self.region,
            "status": self.get_status_display(),
            "date": self.effective_date,
        }

    @property
    def status_choice(self) -> RegioplanStatus:
        return RegioplanStatus(self.status)


class ReminderLog(models.Model):
    """A reminder mailed to an editor to confirm their region's entry."""

    region = models.ForeignKey(
        Region,
        verbose_name=_("regio"),
        on_delete=models.CASCADE,
        related_name="+",
    )
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("redacteur"),
        on_delete=models.CASCADE,
        related_name="+",
    )
    email = models.EmailField(_("e-mailadres"))
    sent_at = models.DateTimeField(_("verstuurd op"), default=timezone.now)

    class Meta:
        verbose_name = _("herinnering")
        verbose_name_plural = _("herinneringen")
        ordering = ["-sent_at", "-pk"]

    def __str__(self) -> str:
        return f"{self.region} → {self.email} ({self.sent_at:%Y-%m-%d})"
