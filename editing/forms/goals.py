"""Goals and milestones of the region's regioplan (plans.Goal, plans.Milestone).

A goal and each milestone carry their version: a stale form is refused with
the conflict message, whatever changed first."""

from django import forms
from django.db.models import Q
from django.forms import inlineformset_factory
from django.utils.translation import gettext_lazy as _

from core.versioning import VersionedFormMixin
from organisations.models import Organisation
from plans.models import Goal, Milestone
from regions.models import Theme

from .chain import DATE_WIDGET


class GoalForm(VersionedFormMixin, forms.ModelForm):
    class Meta:
        model = Goal
        fields = [
            "title",
            "theme",
            "indicator",
            "baseline",
            "baseline_date",
            "target",
            "target_date",
            "owner",
            "reached_on",
            "private",
        ]
        widgets = {
            "baseline_date": DATE_WIDGET,
            "target_date": DATE_WIDGET,
            "reached_on": DATE_WIDGET,
        }

    def __init__(self, *args, region, **kwargs):
        super().__init__(*args, **kwargs)
        self.instance.region = region
        self.fields["theme"].queryset = Theme.objects.order_by("name")
        self.fields["owner"].queryset = (
            Organisation.objects.filter(
                Q(regions=region) | Q(pk=region.regional_organisation_id)
            )
            .distinct()
            .order_by("name")
        )

    def clean_title(self):
        title = self.cleaned_data["title"].strip()
        others = Goal.objects.filter(region=self.instance.region, title__iexact=title)
        if self.instance.pk:
            others = others.exclude(pk=self.instance.pk)
        if others.exists():
            raise forms.ValidationError(_("De regio heeft al een doel met deze naam."))
        return title


class MilestoneForm(VersionedFormMixin, forms.ModelForm):
    class Meta:
        model = Milestone
        fields = ["title", "due", "state"]
        widgets = {"due": DATE_WIDGET}


MilestoneFormSet = inlineformset_factory(
    Goal, Milestone, form=MilestoneForm, extra=2, can_delete=True
)
