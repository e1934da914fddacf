"""One policy for every filter in a query string (?soort=hds, ?met=ict_visie).

Each filter page has a FilterSet (django-filter) built on StrictFilterSet. Its
form validates the query string; a value the filter does not know, or cannot
read, is bad input and never ignored:

- the page answers 400 and still shows its filter form;
- a Dutch message names the bad value and lists the values the filter takes
  (autoescaped by the template, core/_filter_problems.html);
- the page shows no results, so nothing is filtered silently (`qs` is empty).

A download that follows a filter answers 404 to a bad one (`valid_or_404`).
Valid and empty values filter as they always did. Each filter says in its own
words what is unknown (its `invalid_choice` message, with the value as
%(value)s); the list of allowed values is added here, the same for all.
"""

from urllib.parse import urlencode

import django_filters
from django import forms
from django.http import Http404
from django.utils.translation import gettext as _


class StrictFilterSet(django_filters.FilterSet):
    """A FilterSet that answers bad input with a message and no results."""

    def set_choices(self, name: str, choices) -> None:
        """Give filter `name` its choices before the form is built (choices the
        view read already, so validating them costs no query)."""
        self.filters[name].extra["choices"] = list(choices)

    @property
    def qs(self):
        if self.is_bound and not self.form.is_valid():
            return self.queryset.none()
        return super().qs

    @property
    def problems(self) -> list[str]:
        """One Dutch sentence per bad field; empty when the filter is valid."""
        if not self.is_bound or self.form.is_valid():
            return []
        return [
            problem
            for name, errors in self.form.errors.items()
            for problem in _problems(self.form.fields.get(name), errors)
        ]

    @property
    def status(self) -> int:
        return 400 if self.problems else 200

    @property
    def active(self) -> bool:
        """Something was asked for, valid or not."""
        return any(self._values(name) for name in self.filters)

    @property
    def query_string(self) -> str:
        """The filter's own parameters, as a download link repeats them."""
        return urlencode(
            [(name, value) for name in self.filters for value in self._values(name)]
        )

    def valid_or_404(self) -> "StrictFilterSet":
        """For downloads: a bad filter is a 404 with the Dutch message."""
        if self.problems:
            raise Http404(" ".join(self.problems))
        return self

    def _values(self, name: str) -> list[str]:
        return [value for value in self.data.getlist(name) if value.strip()]


def _problems(field, errors) -> list[str]:
    allowed = _allowed_values(field)
    if not allowed:
        return list(errors)
    return [
        f"{error} " + _("Kies uit: %(values)s.") % {"values": ", ".join(allowed)}
        for error in errors
    ]


def _allowed_values(field) -> list[str]:
    """The values a choice field takes (what goes in the URL), else none."""
    if not isinstance(field, forms.ChoiceField):
        return []
    return [str(value) for value, _label in field.choices if str(value) != ""]


class ChoicesField(django_filters.fields.MultipleChoiceField):
    """?met=a&met=b; an empty value (the form's "all" option) asks nothing."""

    def to_python(self, value):
        return [v for v in super().to_python(value) if v != ""]


class MultipleChoiceFilter(django_filters.MultipleChoiceFilter):
    field_class = ChoicesField


class YearField(forms.CharField):
    """A year between FIRST and LAST; anything else names itself in the error."""

    FIRST, LAST = 2000, 2100

    def to_python(self, value):
        value = super().to_python(value)
        if value in self.empty_values:
            return None
        if not value.isdigit() or not self.FIRST <= int(value) <= self.LAST:
            raise forms.ValidationError(
                _(
                    "Geen geldig jaar: ‘%(value)s’. "
                    "Kies een jaar tussen %(first)s en %(last)s."
                ),
                code="invalid",
                params={"value": value, "first": self.FIRST, "last": self.LAST},
            )
        return int(value)


class YearFilter(django_filters.Filter):
    field_class = YearField
