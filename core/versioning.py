"""Optimistic locking: a second save of a stale form is refused, never silent."""

from django import forms
from django.db import models
from django.utils.translation import gettext_lazy as _

CONFLICT_MESSAGE = _(
    "Iemand anders heeft deze gegevens gewijzigd nadat u ze opende. Uw wijzigingen "
    "zijn niet opgeslagen, maar staan nog in het formulier. Bekijk de huidige "
    "gegevens en sla opnieuw op als u ze wilt vervangen."
)


class Versioned(models.Model):
    """A model whose rows count their saves, so a stale form can be detected."""

    version = models.PositiveIntegerField(_("versie"), default=1, editable=False)

    class Meta:
        abstract = True

    def save(self, *args, **kwargs):
        if not self._state.adding:
            self.version += 1
            update_fields = kwargs.get("update_fields")
            if update_fields is not None:
                kwargs["update_fields"] = {*update_fields, "version"}
        super().save(*args, **kwargs)


class VersionedFormMixin(forms.Form):
    """Carries the version the user started from; refuses the save if it moved on."""

    # Not named "version": a form field may not share a non-editable field's name.
    edit_version = forms.IntegerField(
        label=_("versie"), widget=forms.HiddenInput, required=False
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["edit_version"].initial = self.instance.version

    def clean(self):
        cleaned = super().clean()
        if self.instance.pk is None:
            return cleaned
        current = (
            type(self.instance)
            ._default_manager.select_for_update()
            .filter(pk=self.instance.pk)
            .values_list("version", flat=True)
            .first()
        )
        if cleaned.get("edit_version") != current:
            # Keep what the user typed; the next deliberate save may replace.
            self.data = self.data.copy()
            self.data[self.add_prefix("edit_version")] = current
            raise forms.ValidationError(CONFLICT_MESSAGE, code="conflict")
        return cleaned
