"""Forms for regional editors ("Mijn regio")."""

from django import forms
from django.forms import inlineformset_factory
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from core.versioning import VersionedFormMixin
from organisations.models import CONTACT_FIELDS, Organisation
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


class PlanDocumentInput(forms.ClearableFileInput):
    """Links the current plan through the editors' preview, never the media path."""

    template_name = "editing/widgets/plan_document.html"
    preview_url = ""

    def get_context(self, name, value, attrs):
        context = super().get_context(name, value, attrs)
        context["preview_url"] = self.preview_url
        return context


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
            "plan_document": PlanDocumentInput(attrs={"accept": "application/pdf"}),
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
    class Meta:
        model = Organisation
        fields = ["name", "type", *CONTACT_FIELDS]

    def save(self, commit=True):
        organisation = super().save(commit=False)
        organisation.slug = Organisation.unique_slug(organisation.name)
        if commit:
            organisation.save()
        return organisation


class RegionOrganisationsForm(forms.Form):
    """Which organisations are active in the region: remove some, add one."""

    remove = forms.ModelMultipleChoiceField(
        label=_("Niet meer actief in deze regio"),
        queryset=Organisation.objects.none(),
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )
    add = forms.ModelChoiceField(
        label=_("Bestaande organisatie toevoegen"),
        queryset=Organisation.objects.none(),
        required=False,
    )

    def __init__(self, *args, region: Region, **kwargs):
        super().__init__(*args, **kwargs)
        self.region = region
        current = region.organisations.order_by("type", "name")
        self.fields["remove"].queryset = current
        self.fields["add"].queryset = Organisation.objects.exclude(
            pk__in=current.values("pk")
        ).order_by("name")

    def save(self) -> None:
        services.remove_organisations(self.region, self.cleaned_data["remove"])
        if self.cleaned_data["add"]:
            services.add_organisation(self.region, self.cleaned_data["add"])


class ActivityForm(VersionedFormMixin, forms.ModelForm):
    class Meta:
        model = Activity
        fields = ACTIVITY_FIELDS
        widgets = {
            "start_date": forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
            "end_date": forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
        }

    def __init__(self, *args, region: Region, **kwargs):
        super().__init__(*args, **kwargs)
        self.instance.region = region
        self.fields["organisation"].queryset = region.organisations.order_by("name")


FigureFormSet = inlineformset_factory(
    Region,
    RegionFigure,
    fields=["kind", "value", "year", "source"],
    extra=1,
    can_delete=True,
    widgets={"year": YEAR_WIDGET},
)
