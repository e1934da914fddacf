"""Spreadsheet import and export (django-import-export) for regions and their data.

Every resource keys rows on a stable natural key, so re-importing a file changes
nothing and an edited file updates in place. A file with any error imports
nothing (the import runs in one transaction); every problem is named per row and
column, in Dutch.
"""

from collections import Counter

from django.core.exceptions import ValidationError
from django.core.management.color import no_style
from django.db import connection
from import_export import fields, resources, widgets

from organisations.models import Insurer, Organisation

from . import services
from .models import Activity, Gemeente, Region, RegionFigure

# Cells a spreadsheet would run as a formula.
FORMULA_PREFIXES = ("=", "+", "-", "@")
ESCAPE = "'"


def escape_formula(value):
    """Make a text cell inert in Excel or LibreOffice: prefix a quote."""
    if isinstance(value, str) and value.startswith(FORMULA_PREFIXES):
        return ESCAPE + value
    return value


def reset_sequence(model) -> None:
    """After rows were written with explicit ids (PostgreSQL needs this)."""
    statements = connection.ops.sequence_reset_sql(no_style(), [model])
    with connection.cursor() as cursor:
        for sql in statements:
            cursor.execute(sql)


class KeyWidget(widgets.ForeignKeyWidget):
    """A foreign key by natural key, with a Dutch message for an unknown key."""

    def __init__(self, model, field, label):
        super().__init__(model, field)
        self.label = label

    def clean(self, value, row=None, **kwargs):
        try:
            return super().clean(value, row, **kwargs)
        except self.model.DoesNotExist:
            raise ValueError(f"onbekende {self.label} '{value}'") from None


class KeysWidget(widgets.Widget):
    """Several natural keys in one cell, separated by ';' (set by the resource)."""

    def __init__(self, model, field, label):
        super().__init__()
        self.model = model
        self.field = field
        self.label = label

        self.known = None

    def clean(self, value, row=None, **kwargs):
        if self.known is None:  # one query per import, not per row
            self.known = {
                getattr(obj, self.field): obj for obj in self.model.objects.all()
            }
        keys = [key.strip() for key in str(value or "").split(";") if key.strip()]
        missing = sorted(key for key in set(keys) if key not in self.known)
        if missing:
            raise ValueError(f"onbekende {self.label}: {', '.join(missing)}")
        return [self.known[key] for key in keys]


class SpreadsheetResource(resources.ModelResource):
    """What every resource shares: checks on the whole file, formula safety."""

    required_columns: tuple[str, ...] = ()
    # Bulk resources check their unique keys once per file instead of per row.
    validate_in_database = True

    class Meta:  # inherited by every resource below
        skip_unchanged = True
        report_skipped = True
        clean_model_instances = True

    def before_import(self, dataset, **kwargs):
        self.import_user = kwargs.get("user")
        for field in self.fields.values():
            if isinstance(field.widget, KeysWidget):
                field.widget.known = None  # look the keys up afresh for this file
        headers = [str(h or "").strip() for h in dataset.headers or []]
        if dataset.height == 0:
            raise ValueError("Het bestand is leeg: er staan geen rijen in.")
        missing = [c for c in self.required_columns if c not in headers]
        if missing:
            raise ValueError(
                f"Deze kolommen ontbreken: {', '.join(missing)}. Aanwezig: "
                f"{', '.join(h for h in headers if h) or 'geen'}."
            )
        key_columns = [self.fields[f].column_name for f in self._meta.import_id_fields]
        keys = [
            tuple(str(row.get(column) or "").strip() for column in key_columns)
            for row in dataset.dict
        ]
        counts = Counter(key for key in keys if any(key))
        self.duplicate_keys = {key for key, n in counts.items() if n > 1}
        self.key_columns = key_columns

    def import_data(self, dataset, **kwargs):
        # Any error, also a validation error in one row, and nothing is written.
        kwargs.setdefault("rollback_on_validation_errors", True)
        return super().import_data(dataset, **kwargs)

    def get_bulk_update_fields(self):
        return [
            field.attribute
            for name, field in self.fields.items()
            if field.attribute
            and not field.readonly
            and name not in self._meta.import_id_fields
        ]

    def before_import_row(self, row, **kwargs):
        errors = {}
        for column, value in list(row.items()):
            if value is None:
                row[column] = ""  # an empty XLSX cell is an empty CSV cell
                continue
            if not isinstance(value, str):
                continue
            if value.startswith(ESCAPE) and value[1:2] in FORMULA_PREFIXES:
                row[column] = value[1:]  # escaped on export: the plain text
            elif value.startswith("="):
                errors[column] = (
                    f"‘{value}’ is een formule; formules zijn niet toegestaan."
                )
        key = tuple(str(row.get(column) or "").strip() for column in self.key_columns)
        if key in self.duplicate_keys:
            errors[self.key_columns[0]] = (
                f"‘{' / '.join(key)}’ staat meer dan eens in het bestand."
            )
        if errors:
            raise ValidationError(errors)

    def validate_instance(self, instance, import_validation_errors=None, **kwargs):
        """full_clean the row, naming each error by the file's column."""
        errors = dict(import_validation_errors or {})
        if self._meta.clean_model_instances:
            try:
                instance.full_clean(
                    exclude=errors.keys(),
                    validate_unique=self.validate_in_database,
                    validate_constraints=self.validate_in_database,
                )
            except ValidationError as exc:
                errors = exc.update_error_dict(errors)
        if errors:
            columns = {
                field.attribute: field.column_name
                for field in self.fields.values()
                if field.attribute
            }
            raise ValidationError(
                {columns.get(key, key): value for key, value in errors.items()}
            )

    def export_field(self, field, instance, **kwargs):
        return escape_formula(super().export_field(field, instance, **kwargs))


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


class RegionResource(SpreadsheetResource):
    slug = fields.Field("slug", "sleutel")
    name = fields.Field("name", "naam")
    status = fields.Field("status", "status")
    status_label = fields.Field(
        column_name="status_omschrijving",
        readonly=True,
        dehydrate_method="dehydrate_status_label",
    )
    preferred_insurer = fields.Field(
        "preferred_insurer",
        "zorgverzekeraar",
        widget=KeyWidget(Insurer, "slug", "zorgverzekeraar"),
    )
    regional_organisation = fields.Field(
        column_name="regionale_organisatie",
        readonly=True,
        dehydrate_method="dehydrate_regional_organisation",
    )
    plan_url = fields.Field("plan_url", "regioplan_link")
    # The stored file's name: a curator's export re-imports with its document.
    plan_document = fields.Field("plan_document", "regioplan_bestand")
    plan_start_year = fields.Field(
        "plan_start_year", "regioplan_vanaf", widget=widgets.IntegerWidget()
    )
    plan_end_year = fields.Field(
        "plan_end_year", "regioplan_tot_en_met", widget=widgets.IntegerWidget()
    )
    patients_involved = fields.Field("patients_involved", "patienten_betrokken")
    non_practice_holders_involved = fields.Field(
        "non_practice_holders_involved", "niet_praktijkhouders_doen_mee"
    )
    description = fields.Field("description", "toelichting")
    is_demo = fields.Field("is_demo", "demo", widget=widgets.BooleanWidget())
    required_columns = ("sleutel", "naam", "status")

    class Meta:
        model = Region
        import_id_fields = ["slug"]
        fields = [
            "slug",
            "name",
            "status",
            "status_label",
            "preferred_insurer",
            "regional_organisation",
            "plan_url",
            "plan_document",
            "plan_start_year",
            "plan_end_year",
            "patients_involved",
            "non_practice_holders_involved",
            "description",
            "is_demo",
        ]

    def dehydrate_status_label(self, region):
        return str(region.get_status_display())

    def dehydrate_regional_organisation(self, region):
        org = region.regional_organisation
        return org.slug if org else ""


class CompositionResource(SpreadsheetResource):
    """Which gemeente belongs to which region: one row per gemeente."""

    code = fields.Field("code", "gemeentecode")
    name = fields.Field("name", "gemeente", readonly=True)
    region = fields.Field("region", "regio", widget=KeyWidget(Region, "slug", "regio"))
    required_columns = ("gemeentecode", "regio")

    class Meta:
        model = Gemeente
        name = "Samenstelling van regio's"
        import_id_fields = ["code"]
        fields = ["code", "name", "region"]
        clean_model_instances = False  # only the region changes; checked by its widget
        use_bulk = True

    def init_instance(self, row=None):
        code = (row or {}).get("gemeentecode")
        raise ValidationError(
            {"code": f"onbekende gemeentecode ‘{code}’; importeer eerst de grenzen."}
        )

    def after_import(self, dataset, result, **kwargs):
        if not kwargs.get("dry_run") and not result.has_errors():
            services.rebuild_region_geometries()


class RegionFigureResource(SpreadsheetResource):
    region = fields.Field("region", "regio", widget=KeyWidget(Region, "slug", "regio"))
    kind = fields.Field("kind", "kerngetal")
    year = fields.Field("year", "jaar", widget=widgets.IntegerWidget())
    value = fields.Field("value", "waarde", widget=widgets.IntegerWidget())
    source = fields.Field("source", "bron")
    is_demo = fields.Field("is_demo", "demo", widget=widgets.BooleanWidget())
    required_columns = ("regio", "kerngetal", "jaar", "waarde", "bron")

    class Meta:
        model = RegionFigure
        import_id_fields = ["region", "kind", "year"]
        fields = ["region", "kind", "year", "value", "source", "is_demo"]


class ActivityResource(SpreadsheetResource):
    id = fields.Field("id", "id", widget=widgets.IntegerWidget())
    region = fields.Field("region", "regio", widget=KeyWidget(Region, "slug", "regio"))
    title = fields.Field("title", "titel")
    description = fields.Field("description", "beschrijving")
    organisation = fields.Field(
        "organisation",
        "organisatie",
        widget=KeyWidget(Organisation, "slug", "organisatie"),
    )
    start_date = fields.Field("start_date", "begindatum", widget=widgets.DateWidget())
    end_date = fields.Field("end_date", "einddatum", widget=widgets.DateWidget())
    url = fields.Field("url", "link")
    is_demo = fields.Field("is_demo", "demo", widget=widgets.BooleanWidget())
    required_columns = ("id", "regio", "titel")

    class Meta:
        model = Activity
        import_id_fields = ["id"]
        fields = [
            "id",
            "region",
            "title",
            "description",
            "organisation",
            "start_date",
            "end_date",
            "url",
            "is_demo",
        ]

    def after_import(self, dataset, result, **kwargs):
        # Rows may bring their own ids; keep PostgreSQL's sequence ahead of them.
        if not kwargs.get("dry_run"):
            reset_sequence(Activity)
