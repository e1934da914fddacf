"""Small text filters for sentences built around names."""

from django import template

register = template.Library()


@register.filter
def before_stop(value) -> str:
    """A name that ends a sentence, without its own full stop: "Nijmegen e.o."
    before the sentence's "." would read "Nijmegen e.o.."."""
    text = str(value)
    return text[:-1] if text.endswith(".") and not text.endswith("..") else text
