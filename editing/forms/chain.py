"""Forms for editors: regiobeeld, regioplan elements, contractafspraken."""

from django import forms
from django.utils.translation import gettext_lazy as _

from core.documents import DocumentInput
from core.versioning import VersionedFormMixin
from organisations.models import Insurer
from plans.models import (
    REGIOBEELD_ELEMENTS,
    Contract,
    PlanDetails,
    PlanElement,
    Regiobeeld,
)
from regions.models import Theme

DATE_WIDGET = forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")


class RegiobeeldForm(VersionedFormMixin, forms.ModelForm):
    class Meta:
        model = Regiobeeld
        fields = [
            "stage",
            "with_insurer",
            "date",
            "document",
            "url",
            "document_public",
            *(e.field for e in REGIOBEELD_ELEMENTS),
        ]
        widgets = {
            "stage": forms.RadioSelect,
            "with_insurer": forms.RadioSelect,
            "date": DATE_WIDGET,
            "document": DocumentInput(attrs={"accept": "application/pdf"}),
        }

    def __init__(self, *args, preview_url: str = "", **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["document"].widget.preview_url = preview_url
        for element in REGIOBEELD_ELEMENTS:
            self.fields[element.field].help_text = element.help


class PlanDetailsForm(VersionedFormMixin, forms.ModelForm):
    class Meta:
        model = PlanDetails
        fields = ["agreed_with_insurer", "period_kind"]
        widgets = {
            "agreed_with_insurer": forms.RadioSelect,
            "period_kind": forms.RadioSelect,
        }


class PlanElementForm(VersionedFormMixin, forms.ModelForm):
    """One element; the view shows seven, each with its own prefix."""

    class Meta:
        model = PlanElement
        fields = ["state", "note", "page"]
        widgets = {
            "state": forms.RadioSelect,
            "note": forms.Textarea(attrs={"rows": 2, "maxlength": 500}),
            "page": forms.NumberInput(attrs={"min": 1, "inputmode": "numeric"}),
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["state"].label = self.instance.get_element_display()
        self.fields["state"].help_text = self.instance.help


class ContractForm(VersionedFormMixin, forms.ModelForm):
    class Meta:
        model = Contract
        fields = [
            "insurer",
            "start",
            "end",
            "kind",
            "state",
            "themes",
            "monitoring_agreed",
            "monitoring_how",
            "contents_public",
        ]
        widgets = {
            "start": DATE_WIDGET,
            "end": DATE_WIDGET,
            "kind": forms.RadioSelect,
            "state": forms.RadioSelect,
            "themes": forms.CheckboxSelectMultiple,
            "monitoring_agreed": forms.RadioSelect,
            "monitoring_how": forms.Textarea(attrs={"rows": 3, "maxlength": 500}),
        }
        help_texts = {
            "kind": _(
                "Bij voorkeur meerjarig: dat geeft duidelijkheid voor langere tijd, "
                "in plaats van losse projectgelden."
            ),
            "themes": _("Waar de afspraken over gaan."),
        }

    def __init__(self, *args, region, **kwargs):
        super().__init__(*args, **kwargs)
        self.instance.region = region
        self.fields["insurer"].queryset = Insurer.objects.order_by("name")
        self.fields["themes"].queryset = Theme.objects.order_by("name")

    def clean(self):
        cleaned = super().clean()
        insurer, start = cleaned.get("insurer"), cleaned.get("start")
        others = Contract.objects.filter(
            region=self.instance.region, insurer=insurer, start=start
        ).exclude(pk=self.instance.pk)
        if insurer and start and others.exists():
            raise forms.ValidationError(
                _(
                    "Er is al een contractafspraak met %(insurer)s die op deze datum "
                    "begint."
                )
                % {"insurer": insurer.name}
            )
        return cleaned
