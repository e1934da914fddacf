"""The admin list filters that the workbench links to.

Each filter names its parameter and value once; the workbench builds its links
from `query()`, so a renamed parameter cannot leave a dead link behind."""

from django.contrib import admin
from django.utils.translation import gettext_lazy as _


class OneChoiceFilter(admin.SimpleListFilter):
    """A filter with one choice: `value` narrows the list to `filter()`."""

    value_name: str = ""
    choice_label = ""

    @classmethod
    def query(cls) -> str:
        return f"{cls.parameter_name}={cls.value_name}"

    def lookups(self, request, model_admin):
        return [(self.value_name, self.choice_label)]

    def queryset(self, request, queryset):
        if self.value() == self.value_name:
            return self.filter(queryset)
        return queryset

    def filter(self, queryset):
        raise NotImplementedError


class StaleFilter(OneChoiceFilter):
    title = _("bevestiging")
    parameter_name = "bevestigd"
    value_name = "verouderd"
    choice_label = _("Niet bevestigd in de afgelopen periode")

    def filter(self, queryset):
        return queryset.unconfirmed()


class PlanExpiredFilter(OneChoiceFilter):
    title = _("looptijd regioplan")
    parameter_name = "looptijd"
    value_name = "verlopen"
    choice_label = _("Eindjaar verstreken")

    def filter(self, queryset):
        return queryset.plan_expired()


class ContactFilter(OneChoiceFilter):
    title = _("contactgegevens")
    parameter_name = "contact"
    value_name = "ontbreekt"
    choice_label = _("Geen telefoon of e-mail bekend")

    def filter(self, queryset):
        return queryset.without_contact()
