from django.core.validators import RegexValidator
from django.db import models
from django.utils.text import slugify
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from core.text import plain
from core.versioning import Versioned

CONTACT_FIELDS = ["street_address", "postal_code", "city", "phone", "email", "website"]


class ContactDetails(models.Model):
    """Address and contact fields shared by organisations and insurers."""

    street_address = models.CharField(_("adres"), max_length=200, blank=True)
    postal_code = models.CharField(
        _("postcode"),
        max_length=7,
        blank=True,
        validators=[
            RegexValidator(
                r"^[1-9][0-9]{3} ?[A-Z]{2}$",
                _("Vul een Nederlandse postcode in, bijvoorbeeld 3511 AB."),
            )
        ],
    )
    city = models.CharField(_("plaats"), max_length=100, blank=True)
    phone = models.CharField(_("telefoon"), max_length=30, blank=True)
    email = models.EmailField(_("e-mail"), blank=True)
    website = models.URLField(_("website"), blank=True)

    class Meta:
        abstract = True

    @property
    def has_contact_details(self) -> bool:
        return any(
            (self.street_address, self.city, self.phone, self.email, self.website)
        )


class OrganisationQuerySet(models.QuerySet):
    def get_by_natural_key(self, slug):
        return self.get(slug=slug)


class Organisation(ContactDetails, Versioned):
    """A party active in primary care in one or more regions."""

    class Type(models.TextChoices):
        HUISARTSENORGANISATIE = "huisartsenorganisatie", _("Huisartsenorganisatie")
        MULTIDISCIPLINAIR = (
            "multidisciplinair",
            _("Multidisciplinaire eerstelijnszorgorganisatie"),
        )
        LHV_KRING = "lhv_kring", _("LHV-kring")
        HDS = "hds", _("Huisartsendienstenstructuur (HDS)")
        ROS = "ros", _("ROS (regionale ondersteuningsstructuur)")

    name = models.CharField(_("naam"), max_length=200)
    # The name as the directory's search compares it (core.text.plain), kept by
    # save() so a search reads it instead of normalising every name per request.
    name_plain = models.CharField(
        _("naam zonder accenten en leestekens"),
        max_length=400,
        editable=False,
        default="",
    )
    slug = models.SlugField(
        _("sleutel"),
        max_length=200,
        unique=True,
        help_text=_("Vaste sleutel voor import en export; verandert niet."),
    )
    type = models.CharField(_("soort"), max_length=30, choices=Type.choices)
    kvk_number = models.CharField(
        _("KvK-nummer"),
        max_length=8,
        blank=True,
        validators=[RegexValidator(r"^\d{8}$", _("Een KvK-nummer heeft 8 cijfers."))],
    )
    agb_number = models.CharField(
        _("AGB-code"),
        max_length=8,
        blank=True,
        validators=[RegexValidator(r"^\d{8}$", _("Een AGB-code heeft 8 cijfers."))],
        help_text=_("Optioneel; helpt dubbele organisaties te herkennen."),
    )
    is_demo = models.BooleanField(
        _("demogegevens"),
        default=False,
        help_text=_("Aan als deze organisatie of haar gegevens niet echt zijn."),
    )

    objects = OrganisationQuerySet.as_manager()
    history = HistoricalRecords(excluded_fields=["version", "name_plain"])

    class Meta:
        verbose_name = _("organisatie")
        verbose_name_plural = _("organisaties")
        ordering = ["name"]
        constraints = [
            models.UniqueConstraint(
                fields=["kvk_number"],
                condition=~models.Q(kvk_number=""),
                name="organisation_unique_kvk_number",
            ),
        ]

    def __str__(self) -> str:
        return self.name

    def save(self, *args, **kwargs):
        self.name_plain = plain(self.name)
        update_fields = kwargs.get("update_fields")
        if update_fields is not None and "name" in update_fields:
            kwargs["update_fields"] = {*update_fields, "name_plain"}
        super().save(*args, **kwargs)

    def natural_key(self):
        return (self.slug,)

    @classmethod
    def unique_slug(cls, name: str) -> str:
        base = slugify(name)[:190] or "organisatie"
        slug, n = base, 1
        while cls.objects.filter(slug=slug).exists():
            n += 1
            slug = f"{base}-{n}"
        return slug


class InsurerQuerySet(models.QuerySet):
    def get_by_natural_key(self, slug):
        return self.get(slug=slug)


class Insurer(ContactDetails):
    """A health insurer (zorgverzekeraar) that can be a region's preferred insurer."""

    name = models.CharField(_("naam"), max_length=200, unique=True)
    slug = models.SlugField(_("sleutel"), max_length=100, unique=True)

    objects = InsurerQuerySet.as_manager()

    class Meta:
        verbose_name = _("zorgverzekeraar")
        verbose_name_plural = _("zorgverzekeraars")
        ordering = ["name"]

    def __str__(self) -> str:
        return self.name

    def natural_key(self):
        return (self.slug,)


class ContactPersonQuerySet(models.QuerySet):
    def public(self):
        """Only the persons whose region chose to publish them (AVG)."""
        return self.filter(is_public=True)


class ContactPerson(Versioned):
    """Someone to contact at an organisation. Personal data: shown on the public
    site only when is_public is set; a functional mailbox is the better default."""

    organisation = models.ForeignKey(
        Organisation,
        verbose_name=_("organisatie"),
        on_delete=models.CASCADE,
        related_name="contact_persons",
    )
    name = models.CharField(_("naam"), max_length=200)
    function = models.CharField(_("functie"), max_length=200, blank=True)
    email = models.EmailField(
        _("e-mail"),
        blank=True,
        help_text=_(
            "Liefst een functioneel adres (zoals info@ of regio@) in plaats van een "
            "persoonlijk adres."
        ),
    )
    phone = models.CharField(_("telefoon"), max_length=30, blank=True)
    is_public = models.BooleanField(
        _("tonen op de openbare website"),
        default=False,
        help_text=_(
            "Alleen aanzetten als deze persoon ermee instemt: naam, functie, e-mail "
            "en telefoon zijn dan voor iedereen zichtbaar. Uit: alleen redacteuren "
            "en beheerders zien deze persoon."
        ),
    )
    is_demo = models.BooleanField(_("demogegevens"), default=False)
    updated_at = models.DateTimeField(_("laatst bijgewerkt"), auto_now=True)

    objects = ContactPersonQuerySet.as_manager()
    history = HistoricalRecords(excluded_fields=["version", "updated_at"])

    class Meta:
        verbose_name = _("contactpersoon")
        verbose_name_plural = _("contactpersonen")
        ordering = ["organisation", "name"]

    def __str__(self) -> str:
        return f"{self.name} ({self.organisation})"
