"""The status labels in the active language, for the map's script."""

from django import template
from django.utils.html import json_script

from ..models import RegioplanStatus

register = template.Library()


@register.simple_tag
def status_labels_script():
    """<script type="application/json" id="status-labels">{status: label}."""
    return json_script(
        {status.value: str(status.label) for status in RegioplanStatus},
        "status-labels",
    )
