"""{% slot %} and {% slot_link %}: what higher apps registered in regions.slots."""

from django import template
from django.utils.safestring import mark_safe

from .. import slots

register = template.Library()


@register.simple_tag
def slot_link(name: str, *args) -> str:
    return slots.link(name, *args)


@register.simple_tag(takes_context=True)
def slot(context, name: str):
    parts = []
    for section in slots.sections(name):
        extra = section.context(context) if section.context else {}
        with context.push(**extra):
            included = context.template.engine.get_template(section.template)
            parts.append(included.render(context))
    return mark_safe("".join(parts))
