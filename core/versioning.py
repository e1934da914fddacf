"""Optimistic locking: a second save of a stale form is refused, never silent."""

import hashlib

from django import forms
from django.db import models
from django.forms.formsets import (
    INITIAL_FORM_COUNT,
    MAX_NUM_FORM_COUNT,
    MIN_NUM_FORM_COUNT,
    TOTAL_FORM_COUNT,
    ManagementForm,
)
from django.forms.models import BaseInlineFormSet
from django.utils.functional import cached_property
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


def rows_state(queryset) -> str:
    """A digest of rows as they are now: changes when any of them changes."""
    fields = [f.attname for f in queryset.model._meta.concrete_fields]
    rows = queryset.order_by("pk").values_list(*fields)
    return hashlib.sha256(repr(list(rows)).encode()).hexdigest()[:32]


class _GuardedManagementForm(ManagementForm):
    """The formset's management form, carrying the rows' state as opened."""

    STATE = forms.CharField(widget=forms.HiddenInput, required=False)


class StateGuardedInlineFormSet(BaseInlineFormSet):
    """Refuses the save when the rows changed since the form was opened.

    For rows without a version of their own (a region's figures): the state is
    a digest of the rows the formset edits, sent with the form and compared on
    submit. A missing or changed state is a conflict, never a silent overwrite.
    """

    def rows_state(self) -> str:
        return rows_state(self.get_queryset())

    @cached_property
    def management_form(self):
        if self.is_bound:
            form = _GuardedManagementForm(
                self.data,
                auto_id=self.auto_id,
                prefix=self.prefix,
                renderer=self.renderer,
            )
            form.full_clean()
            return form
        return _GuardedManagementForm(
            auto_id=self.auto_id,
            prefix=self.prefix,
            initial={
                TOTAL_FORM_COUNT: self.total_form_count(),
                INITIAL_FORM_COUNT: self.initial_form_count(),
                MIN_NUM_FORM_COUNT: self.min_num,
                MAX_NUM_FORM_COUNT: self.max_num,
                "STATE": self.rows_state(),
            },
            renderer=self.renderer,
        )

    def clean(self):
        super().clean()
        if self.management_form.cleaned_data.get("STATE") != self.rows_state():
            # Show the rows as they are now; the next deliberate save may replace.
            self.data = self.data.copy()
            self.data[self.management_form.add_prefix("STATE")] = self.rows_state()
            del self.management_form  # re-read from the data with the new state
            raise forms.ValidationError(CONFLICT_MESSAGE, code="conflict")
