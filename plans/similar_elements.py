"""Beside each of "Regio's zoals deze" on the region page (regions.similar):
which elements of a good regioplan that region's plan has. Registered in
regions.slots from plans' AppConfig; one query for the whole list."""

from .models import ElementKind, PlanElement

KEY = "plans.similar_elements"


def elements_of(region_pks) -> dict[int, list[str]]:
    """Per region pk, the labels of the elements its plan has, in order."""
    present: dict[int, set] = {pk: set() for pk in region_pks}
    for region_pk, element in (
        PlanElement.objects.present()
        .filter(region__in=list(region_pks))
        .values_list("region_id", "element")
    ):
        present[region_pk].add(element)
    return {
        pk: [str(kind.label) for kind in ElementKind if kind.value in found]
        for pk, found in present.items()
    }


def similar_item_context(context) -> dict:
    """The elements of the similar region in context["item"]; read once per
    list (cached in the template's render context)."""
    cache = context.render_context
    if KEY not in cache:
        cache[KEY] = elements_of([item.pk for item in context.get("similar", ())])
    return {"similar_elements": cache[KEY].get(context["item"].pk, [])}
