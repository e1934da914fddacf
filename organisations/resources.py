"""Spreadsheet import and export of insurers (see core.spreadsheets)."""

from import_export import fields

from core.spreadsheets import SpreadsheetResource

from .models import Insurer


class InsurerResource(SpreadsheetResource):
    slug = fields.Field("slug", "sleutel")
    name = fields.Field("name", "naam")
    website = fields.Field("website", "website")
    phone = fields.Field("phone", "telefoon")
    email = fields.Field("email", "email")
    required_columns = ("sleutel", "naam")

    class Meta:
        model = Insurer
        import_id_fields = ["slug"]
        fields = ["slug", "name", "website", "phone", "email"]
