"""Spreadsheet import and export (django-import-export), shared by every app.

Every resource keys rows on a stable natural key, so re-importing a file changes
nothing and an edited file updates in place. A file with any error imports
nothing (the import runs in one transaction); every problem is named per row and
column, in Dutch. Exported text cells never run as formulas.
"""

import csv
import io
import zipfile
from collections import Counter
from dataclasses import dataclass

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.management.color import no_style
from django.db import connection
from django.http import Http404, HttpResponse
from django.template.defaultfilters import filesizeformat
from django.utils.translation import gettext as _
from import_export import fields, resources, widgets
from import_export.formats.base_formats import CSV, XLSX

# Cells a spreadsheet would run as a formula.
# OWASP's list: a cell starting with one of these may run as a formula.
FORMULA_PREFIXES = ("=", "+", "-", "@", "\t", "\r")
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
            raise ValueError(
                # Translators: label names what the key is, e.g. "regio".
                _("onbekende %(label)s '%(value)s'")
                % {"label": self.label, "value": value}
            ) from None


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
            raise ValueError(
                # Translators: label names what the keys are, e.g. "regio's".
                _("onbekende %(label)s: %(keys)s")
                % {"label": self.label, "keys": ", ".join(missing)}
            )
        return [self.known[key] for key in keys]


# -- Column lists ------------------------------------------------------------

PUBLIC, CURATOR = "public", "curator"


@dataclass(frozen=True)
class Column:
    """One column of a table: the resource's field name, the column's name in
    the file, whether the field is computed (no model attribute; the resource's
    dehydrate_<name> fills it) and, when only one audience's file has it,
    which: PUBLIC (open data) or CURATOR (the admin's import and export)."""

    name: str
    header: str
    computed: bool = False
    only: str = ""


class Columns(tuple):
    """A table's columns in file order, each named once. The open data and
    the curators' file of the same table both take theirs from here, so a
    column both have is the same field under the same name."""

    def for_audience(self, audience: str) -> list[Column]:
        return [c for c in self if c.only in ("", audience)]

    def headers(self, audience: str) -> list[str]:
        return [c.header for c in self.for_audience(audience)]

    def header(self, name: str, audience: str = CURATOR) -> str:
        return next(c.header for c in self.for_audience(audience) if c.name == name)

    def headers_of(self, *names: str, audience: str = CURATOR) -> tuple[str, ...]:
        return tuple(self.header(name, audience) for name in names)


def columns_resource(
    base: type, model: type, columns: Columns, audience: str, widgets=None
) -> type:
    """A resource class with one field per column of `audience`, in order (as
    Django's modelform_factory makes a form). Subclass it for Meta options and
    the dehydrate_<name> methods of the computed columns."""
    widgets = widgets or {}
    attrs = {
        column.name: fields.Field(
            attribute=None if column.computed else column.name,
            column_name=column.header,
            widget=widgets.get(column.name),
            readonly=column.computed,
        )
        for column in columns.for_audience(audience)
    }
    attrs["Meta"] = type(
        "Meta",
        (),
        {"model": model, "fields": [c.name for c in columns.for_audience(audience)]},
    )
    attrs["__module__"] = base.__module__
    name = f"{model.__name__}{audience.title()}Columns"
    return type(name, (base,), attrs)


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
            raise ValueError(_("Het bestand is leeg: er staan geen rijen in."))
        missing = [c for c in self.required_columns if c not in headers]
        if missing:
            raise ValueError(
                _("Deze kolommen ontbreken: %(missing)s. Aanwezig: %(present)s.")
                % {
                    "missing": ", ".join(missing),
                    # Translators: no columns present at all.
                    "present": ", ".join(h for h in headers if h) or _("geen"),
                }
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
            elif value.lstrip("\t\r ").startswith("=") or (
                value[:1] in ("\t", "\r") and value.strip()[:1] in FORMULA_PREFIXES
            ):
                errors[column] = _(
                    "‘%(value)s’ is een formule; formules zijn niet toegestaan."
                ) % {"value": value.strip()[:50]}
            elif "\x00" in value:
                errors[column] = _(
                    "bevat onleesbare tekens (een NUL-teken); is het bestand UTF-8?"
                )
            elif len(value) > settings.IMPORT_MAX_CELL_CHARS:
                errors[column] = _(
                    "de cel is te lang (%(length)d tekens; het maximum is %(limit)d)."
                ) % {"length": len(value), "limit": settings.IMPORT_MAX_CELL_CHARS}
        key = tuple(str(row.get(column) or "").strip() for column in self.key_columns)
        if key in self.duplicate_keys:
            errors[self.key_columns[0]] = _(
                "‘%(key)s’ staat meer dan eens in het bestand."
            ) % {"key": " / ".join(key)}
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


FORMATS = {"csv": CSV, "xlsx": XLSX}


def export_response(resource, queryset, fmt: str, filename: str) -> HttpResponse:
    if fmt not in FORMATS:
        raise Http404("Onbekend formaat; kies csv of xlsx.")
    export_format = FORMATS[fmt]()
    data = export_format.export_data(resource.export(queryset=queryset))
    content_type = export_format.get_content_type()
    if fmt == "csv":
        data = "\ufeff" + data  # a BOM, so Excel reads the UTF-8 correctly
        content_type += "; charset=utf-8"
    response = HttpResponse(data, content_type=content_type)
    response["Content-Disposition"] = f'attachment; filename="{filename}.{fmt}"'
    return response


class SpreadsheetRefused(ValueError):
    """A file refused before it is read; the message is for the curator, in Dutch."""


def _refuse_rows(rows: int) -> None:
    if rows > settings.IMPORT_MAX_ROWS:
        raise SpreadsheetRefused(
            _(
                "Het bestand heeft %(rows)d regels; per keer kunnen er hooguit "
                "%(limit)d worden geïmporteerd. Splits het bestand."
            )
            % {"rows": rows, "limit": settings.IMPORT_MAX_ROWS}
        )


class SafeCSV(CSV):
    """CSV with limits checked before tablib parses it."""

    def create_dataset(self, in_stream, **kwargs):
        text = (
            in_stream.decode(self.encoding or "utf-8-sig")
            if isinstance(in_stream, bytes)
            else in_stream
        )
        _refuse_rows(text.count("\n"))
        try:
            return super().create_dataset(text, **kwargs)
        except csv.Error:
            raise SpreadsheetRefused(
                _(
                    "Een cel in dit bestand is te lang of onleesbaar (meer dan "
                    "%(limit)d tekens?). Er is niets geïmporteerd."
                )
                % {"limit": csv.field_size_limit()}
            ) from None


class SafeXLSX(XLSX):
    """XLSX with its unpacked size checked before openpyxl unpacks it: a small
    file can unpack to hundreds of megabytes (a zip bomb)."""

    def create_dataset(self, in_stream):
        try:
            with zipfile.ZipFile(io.BytesIO(in_stream)) as archive:
                unpacked = sum(item.file_size for item in archive.infolist())
        except zipfile.BadZipFile:
            raise SpreadsheetRefused(
                _(
                    "Dit bestand kan niet worden gelezen als het gekozen formaat: "
                    "het is geen XLSX-bestand. Kies CSV of sla het op als XLSX."
                )
            ) from None
        limit = settings.IMPORT_MAX_UNPACKED_BYTES
        if unpacked > limit:
            raise SpreadsheetRefused(
                _(
                    "Het XLSX-bestand is uitgepakt %(size)s groot; het maximum is "
                    "%(limit)s. Splits het bestand of gebruik CSV."
                )
                % {"size": filesizeformat(unpacked), "limit": filesizeformat(limit)}
            )
        dataset = super().create_dataset(in_stream)
        _refuse_rows(dataset.height)
        return dataset
