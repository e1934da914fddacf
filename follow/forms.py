from django import forms
from django.utils.translation import gettext_lazy as _

from organisations.models import Insurer
from regions.models import Region

from .models import Subscription


class SubscribeForm(forms.Form):
    email = forms.EmailField(
        label=_("Uw e-mailadres"),
        max_length=254,
        error_messages={
            "required": _("Vul uw e-mailadres in."),
            "invalid": _(
                "Dit is geen geldig e-mailadres, bijvoorbeeld naam@example.org."
            ),
        },
        widget=forms.EmailInput(attrs={"autocomplete": "email"}),
    )
    scope = forms.ChoiceField(
        label=_("Wat wilt u volgen?"),
        choices=[
            (Subscription.Scope.REGION, _("Eén regio")),
            (
                Subscription.Scope.INSURER,
                _("De regio's van één preferente zorgverzekeraar"),
            ),
            (Subscription.Scope.ALL, _("Alle regio's")),
        ],
        initial=Subscription.Scope.REGION,
        widget=forms.RadioSelect,
        error_messages={"required": _("Kies wat u wilt volgen.")},
    )
    region = forms.ModelChoiceField(
        label=_("Regio"),
        queryset=Region.objects.without_borders().order_by("name"),
        to_field_name="slug",
        required=False,
        empty_label=_("Kies een regio"),
        error_messages={"invalid_choice": _("Kies een regio uit de lijst.")},
    )
    insurer = forms.ModelChoiceField(
        label=_("Preferente zorgverzekeraar"),
        queryset=Insurer.objects.order_by("name"),
        to_field_name="slug",
        required=False,
        empty_label=_("Kies een zorgverzekeraar"),
        error_messages={"invalid_choice": _("Kies een zorgverzekeraar uit de lijst.")},
    )

    def clean_email(self):
        return self.cleaned_data["email"].strip().lower()

    def clean(self):
        data = super().clean()
        scope = data.get("scope")
        if scope == Subscription.Scope.REGION and not data.get("region"):
            self.add_error("region", _("Kies de regio die u wilt volgen."))
        if scope == Subscription.Scope.INSURER and not data.get("insurer"):
            self.add_error("insurer", _("Kies de zorgverzekeraar."))
        return data

    def target(self) -> dict:
        """The subscription's scope and what it points at."""
        scope = self.cleaned_data["scope"]
        return {
            "scope": scope,
            "region": self.cleaned_data["region"]
            if scope == Subscription.Scope.REGION
            else None,
            "insurer": self.cleaned_data["insurer"]
            if scope == Subscription.Scope.INSURER
            else None,
        }
