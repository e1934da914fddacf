"""Forms for regional editors ("Mijn regio")."""

from django import forms
from django.forms import inlineformset_factory
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from core.documents import DocumentInput
from core.versioning import StateGuardedInlineFormSet, VersionedFormMixin
from organisations.duplicates import likely_duplicates
from organisations.models import CONTACT_FIELDS, ContactPerson, Organisation
from regions import services
from regions.models import (
    ACTIVITY_FIELDS,
    REGIOPLAN_FIELDS,
    Activity,
    Region,
    RegionFigure,
)

YEAR_WIDGET = forms.NumberInput(
    attrs={"min": 2000, "max": 2100, "inputmode": "numeric"}
)


class RegioplanForm(VersionedFormMixin, forms.ModelForm):
    class Meta:
        model = Region
        fields = REGIOPLAN_FIELDS
        widgets = {
            "status": forms.RadioSelect,
            "patients_involved": forms.RadioSelect,
            "non_practice_holders_involved": forms.RadioSelect,
            "plan_start_year": YEAR_WIDGET,
            "plan_end_year": YEAR_WIDGET,
            "plan_document": DocumentInput(attrs={"accept": "application/pdf"}),
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["plan_document"].widget.preview_url = reverse(
            "editing:regioplan_pdf", args=[self.instance.slug]
        )


class ContactForm(VersionedFormMixin, forms.ModelForm):
    class Meta:
        model = Organisation
        fields = CONTACT_FIELDS


class NewOrganisationForm(forms.ModelForm):
    """A new organisation; likely duplicates are shown and must be confirmed."""

    confirm_new = forms.BooleanField(
        label=_("Dit is echt een andere organisatie; toch aanmaken"),
        required=False,
    )

    class Meta:
        model = Organisation
        fields = ["name", "type", "kvk_number", "agb_number", *CONTACT_FIELDS]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.duplicates = []

    def clean(self):
        cleaned = super().clean()
        self.duplicates = likely_duplicates(
            cleaned.get("name") or "",
            cleaned.get("kvk_number") or "",
            cleaned.get("agb_number") or "",
        )
        if self.duplicates and not cleaned.get("confirm_new"):
            raise forms.ValidationError(
                _(
                    "Deze organisatie lijkt al te bestaan: %(names)s. Voeg de "
                    "bestaande toe via ‘Lijst aanpassen’, of vink aan dat het echt "
                    "een andere organisatie is."
                )
                % {"names": ", ".join(o.name for o in self.duplicates)},
                code="duplicate",
            )
        return cleaned

    def save(self, commit=True):
        organisation = super().save(commit=False)
        organisation.slug = Organisation.unique_slug(organisation.name)
        if commit:
            organisation.save()
        return organisation


class OrganisationDatalistInput(forms.TextInput):
    """A text box with a <datalist> of organisation names: searchable in every
    browser, no script. The chosen name is matched back by OrganisationNameField."""

    template_name = "editing/widgets/organisation_datalist.html"
    choices_queryset = Organisation.objects.none()

    def get_context(self, name, value, attrs):
        context = super().get_context(name, value, attrs)
        context["options"] = [
            f"{name} ({label})"
            for name, label in (
                (o.name, o.get_type_display()) for o in self.choices_queryset
            )
        ]
        context["widget"]["attrs"]["list"] = f"{attrs.get('id', name)}-lijst"
        context["list_id"] = context["widget"]["attrs"]["list"]
        return context


class OrganisationNameField(forms.ModelChoiceField):
    """Takes "Name (Soort)" or just the name, as typed from the datalist."""

    widget = OrganisationDatalistInput

    def prepare_value(self, value):
        return value if isinstance(value, str) else ""

    def to_python(self, value):
        value = (value or "").strip()
        if value in self.empty_values:
            return None
        candidates = {f"{o.name} ({o.get_type_display()})": o for o in self.queryset}
        if value in candidates:
            return candidates[value]
        by_name = [o for o in candidates.values() if o.name == value]
        if len(by_name) == 1:
            return by_name[0]
        raise forms.ValidationError(
            _(
                "Kies een organisatie uit de lijst. Staat ze er niet in, maak dan "
                "een nieuwe organisatie aan."
            ),
            code="invalid_choice",
        )


class ContactPersonForm(VersionedFormMixin, forms.ModelForm):
    class Meta:
        model = ContactPerson
        fields = ["name", "function", "email", "phone", "is_public"]
        widgets = {"phone": forms.TextInput(attrs={"type": "tel"})}


class RegionOrganisationsForm(forms.Form):
    """Which organisations are active in the region: remove some, add one."""

    remove = forms.ModelMultipleChoiceField(
        label=_("Niet meer actief in deze regio"),
        queryset=Organisation.objects.none(),
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )
    add = OrganisationNameField(
        label=_("Bestaande organisatie toevoegen"),
        queryset=Organisation.objects.none(),
        required=False,
        help_text=_("Typ een deel van de naam en kies uit de lijst."),
    )

    def __init__(self, *args, region: Region, **kwargs):
        super().__init__(*args, **kwargs)
        self.region = region
        current = region.organisations.order_by("type", "name")
        self.fields["remove"].queryset = current
        self.fields["add"].queryset = Organisation.objects.exclude(
            pk__in=current.values("pk")
        ).order_by("name")
        self.fields["add"].widget.choices_queryset = self.fields["add"].queryset

    def save(self) -> None:
        services.remove_organisations(self.region, self.cleaned_data["remove"])
        if self.cleaned_data["add"]:
            services.add_organisation(self.region, self.cleaned_data["add"])


class ActivityForm(VersionedFormMixin, forms.ModelForm):
    class Meta:
        model = Activity
        fields = [*ACTIVITY_FIELDS, "themes"]
        widgets = {
            "start_date": forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
            "end_date": forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
            "themes": forms.CheckboxSelectMultiple,
        }
        labels = {"themes": _("Thema's")}
        help_texts = {
            "themes": _(
                "Zo vinden andere regio's uw activiteit op /activiteiten/, per thema."
            )
        }

    def __init__(self, *args, region: Region, **kwargs):
        super().__init__(*args, **kwargs)
        self.instance.region = region
        self.fields["organisation"].queryset = region.organisations.order_by("name")


FigureFormSet = inlineformset_factory(
    Region,
    RegionFigure,
    formset=StateGuardedInlineFormSet,
    fields=["kind", "value", "year", "source"],
    extra=1,
    can_delete=True,
    widgets={"year": YEAR_WIDGET},
)
