"""The zelfscan form for editors: five characteristics, five obstacles."""

from django import forms
from django.utils.translation import gettext_lazy as _

from core.versioning import VersionedFormMixin
from selfscan.models import CHARACTERISTICS, OBSTACLES, SINCE_MAX, SINCE_MIN, SelfScan

DATE_WIDGET = forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")


class SelfScanForm(VersionedFormMixin, forms.ModelForm):
    class Meta:
        model = SelfScan
        fields = [
            "is_public",
            "date",
            *(f for c in CHARACTERISTICS for f in (c.state_field, c.note_field)),
            *(
                f
                for o in OBSTACLES
                for f in (o.state_field, o.how_field, o.since_field)
            ),
        ]
        widgets = {
            "date": DATE_WIDGET,
            **{c.state_field: forms.RadioSelect for c in CHARACTERISTICS},
            **{
                c.note_field: forms.Textarea(attrs={"rows": 2, "maxlength": 300})
                for c in CHARACTERISTICS
            },
            **{o.state_field: forms.RadioSelect for o in OBSTACLES},
            **{
                o.how_field: forms.Textarea(attrs={"rows": 2, "maxlength": 300})
                for o in OBSTACLES
            },
            **{
                o.since_field: forms.NumberInput(
                    attrs={"min": SINCE_MIN, "max": SINCE_MAX, "inputmode": "numeric"}
                )
                for o in OBSTACLES
            },
        }

    def __init__(self, *args, region, **kwargs):
        super().__init__(*args, **kwargs)
        self.instance.region = region
        # Each group is a fieldset named after its characteristic or obstacle
        # (templates/editing/selfscan.html); the fields inside say what they ask.
        for c in CHARACTERISTICS:
            self.fields[c.state_field].label = _("Stand van zaken")
            self.fields[c.state_field].help_text = c.help
            self.fields[c.note_field].label = _("Toelichting")
        for o in OBSTACLES:
            self.fields[o.state_field].label = _("Speelt dit in uw regio?")
            self.fields[o.state_field].help_text = _("Tip: %(tip)s") % {"tip": o.tip}
            self.fields[o.how_field].label = _("Hoe overwonnen")
            self.fields[o.since_field].label = _("Overwonnen sinds (jaar)")

    def groups(self) -> tuple[list, list]:
        """(legend, bound fields) per characteristic and obstacle, for the template."""
        return [
            (c.label, [self[c.state_field], self[c.note_field]])
            for c in CHARACTERISTICS
        ], [
            (o.label, [self[o.state_field], self[o.how_field], self[o.since_field]])
            for o in OBSTACLES
        ]
