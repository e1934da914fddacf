"""Spreadsheet import and export of insurers and contact persons (see
core.spreadsheets)."""

from django.utils.translation import gettext_lazy
from import_export import fields, widgets

from core.spreadsheets import KeyWidget, SpreadsheetResource

from .models import ContactPerson, Insurer, Organisation


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


class ContactPersonResource(SpreadsheetResource):
    """Contact persons, keyed on their organisation's slug and their name: a
    person is the same row as long as both stay the same (a new name is a new
    person; rename a person in the admin). `openbaar` decides whether the
    public site shows them (ContactPerson.objects.public())."""

    organisation = fields.Field(
        "organisation",
        "organisatie",
        widget=KeyWidget(Organisation, "slug", gettext_lazy("organisatie")),
    )
    name = fields.Field("name", "naam")
    function = fields.Field("function", "functie")
    email = fields.Field("email", "email")
    phone = fields.Field("phone", "telefoon")
    is_public = fields.Field("is_public", "openbaar", widget=widgets.BooleanWidget())
    is_demo = fields.Field("is_demo", "demo", widget=widgets.BooleanWidget())
    required_columns = ("organisatie", "naam")

    class Meta:
        model = ContactPerson
        name = gettext_lazy("Contactpersonen")
        import_id_fields = ["organisation", "name"]
        fields = [
            "organisation",
            "name",
            "function",
            "email",
            "phone",
            "is_public",
            "is_demo",
        ]

    def get_queryset(self):
        return ContactPerson.objects.select_related("organisation").order_by(
            "organisation__slug", "name", "pk"
        )
