"""The status labels in the active language, for the map's script."""

from django import template
from django.utils.html import json_script

from ..maplayer import on_date
from ..models import RegioplanStatus

register = template.Library()


@register.simple_tag
def status_labels_script():
    """<script type="application/json" id="status-labels">{status: label},
    with the label of a region that did not exist yet on a past date."""
    labels = {status.value: str(status.label) for status in RegioplanStatus}
    labels[on_date.NOT_YET] = on_date.not_yet_label()
    return json_script(labels, "status-labels")
