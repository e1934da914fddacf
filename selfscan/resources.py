"""The zelfscans as a spreadsheet for curators: one row per region, keyed on
the region's slug, with what core.spreadsheets.SpreadsheetResource gives every
resource (any error imports nothing, Dutch messages per row and column,
formulas escaped on export). Columns are named as in the public download.
"""

from django.utils.translation import gettext_lazy
from import_export import fields, widgets

from core.spreadsheets import KeyWidget, SpreadsheetResource
from regions.models import Region

from .models import CHARACTERISTICS, OBSTACLES, SelfScan


def _columns() -> dict[str, fields.Field]:
    columns = {
        "region": fields.Field(
            "region", "regio", widget=KeyWidget(Region, "slug", gettext_lazy("regio"))
        ),
        "is_public": fields.Field(
            "is_public", "openbaar", widget=widgets.BooleanWidget()
        ),
        "date": fields.Field("date", "datum_scan", widget=widgets.DateWidget()),
    }
    for c in CHARACTERISTICS:
        columns[c.state_field] = fields.Field(c.state_field, c.key)
        columns[c.note_field] = fields.Field(c.note_field, f"{c.key}_toelichting")
    for o in OBSTACLES:
        columns[o.state_field] = fields.Field(o.state_field, f"belemmering_{o.key}")
        columns[o.how_field] = fields.Field(o.how_field, f"{o.key}_hoe")
        columns[o.since_field] = fields.Field(
            o.since_field, f"{o.key}_sinds", widget=widgets.IntegerWidget()
        )
    columns["is_demo"] = fields.Field("is_demo", "demo", widget=widgets.BooleanWidget())
    return columns


class SelfScanResource(SpreadsheetResource):
    locals().update(_columns())
    required_columns = ("regio",)

    class Meta:
        model = SelfScan
        import_id_fields = ["region"]
        fields = list(_columns())

    def get_queryset(self):
        return (
            super()
            .get_queryset()
            .select_related("region")
            .defer("region__geometry", "region__display_geometry")
        )
