"""The filters of the plans overview (/regioplannen/?met=&zonder=) and the
activities (/activiteiten/?thema=&regio=&jaar=).

Both follow core.filters: a bad value is a 400 with a Dutch message that names
it and lists the allowed values, and no results. The overview's download
(/data/regioplannen.csv|xlsx) follows the same filter; a bad one is a 404.
"""

from django.db.models import Q
from django.utils.translation import gettext_lazy as _
from django_filters import ChoiceFilter

from core.filters import MultipleChoiceFilter, StrictFilterSet, YearFilter
from regions.models import Activity, Region

from .models import ElementKind, PlanElement, Theme

UNKNOWN_ELEMENT = {"invalid_choice": _("Onbekend onderdeel: %(value)s.")}


class PlanFilterSet(StrictFilterSet):
    """?met=ict_visie: the element is present; ?zonder=monitoring: it is not
    (absent, partly, unknown or not filled in). Each may be repeated."""

    met = MultipleChoiceFilter(
        choices=ElementKind.choices,
        method="filter_with",
        error_messages=UNKNOWN_ELEMENT,
    )
    zonder = MultipleChoiceFilter(
        choices=ElementKind.choices,
        method="filter_without",
        error_messages=UNKNOWN_ELEMENT,
    )

    class Meta:
        model = Region
        fields: list[str] = []

    def __init__(self, data=None):
        super().__init__(data, queryset=Region.objects.without_borders())

    def filter_with(self, queryset, name, elements):
        present = PlanElement.objects.present()
        for element in elements:
            queryset = queryset.filter(
                pk__in=present.filter(element=element).values("region")
            )
        return queryset

    def filter_without(self, queryset, name, elements):
        present = PlanElement.objects.present()
        for element in elements:
            queryset = queryset.exclude(
                pk__in=present.filter(element=element).values("region")
            )
        return queryset

    def selected(self, name: str) -> list[str]:
        """The elements asked for, for the form; none when the field is bad."""
        self.form.is_valid()
        return self.form.cleaned_data.get(name) or []


class ActivityFilterSet(StrictFilterSet):
    """By theme, region and year; an activity without an end runs on."""

    thema = ChoiceFilter(
        field_name="themes__slug",
        error_messages={"invalid_choice": _("Onbekend thema ‘%(value)s’.")},
    )
    regio = ChoiceFilter(
        field_name="region__slug",
        error_messages={"invalid_choice": _("Onbekende regio ‘%(value)s’.")},
    )
    jaar = YearFilter(method="filter_year")

    class Meta:
        model = Activity
        fields: list[str] = []

    def __init__(self, data=None):
        super().__init__(
            data,
            queryset=Activity.objects.select_related("region", "organisation")
            .defer("region__geometry", "region__display_geometry")
            .prefetch_related("themes")
            .order_by("-start_date", "title"),
        )
        self.themes = list(Theme.objects.order_by("name"))
        self.regions = list(Region.objects.without_borders().only("slug", "name"))
        self.set_choices("thema", ((t.slug, t.name) for t in self.themes))
        self.set_choices("regio", ((r.slug, r.name) for r in self.regions))

    def filter_year(self, queryset, name, year):
        return queryset.filter(start_date__year__lte=year).filter(
            Q(end_date__isnull=True) | Q(end_date__year__gte=year)
        )
