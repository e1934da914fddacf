"""Spreadsheet import and export (django-import-export), shared by every app.

Every resource keys rows on a stable natural key, so re-importing a file changes
nothing and an edited file updates in place. A file with any error imports
nothing (the import runs in one transaction); every problem is named per row and
column, in Dutch. Exported text cells never run as formulas.
"""

import csv
import decimal
import hashlib
import io
import zipfile
from collections import Counter
from dataclasses import dataclass

from django.conf import settings
from django.core.exceptions import SuspiciousFileOperation, ValidationError
from django.core.management.color import no_style
from django.db import connection, models
from django.http import Http404, HttpResponse
from django.template.defaultfilters import filesizeformat
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext as _
from import_export import fields, resources, widgets
from import_export.formats.base_formats import CSV, XLSX
from import_export.results import RowResult

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


class CellError(ValueError):
    """A cell's value refused with a message for the curator, in Dutch."""


class KeyWidget(widgets.ForeignKeyWidget):
    """A foreign key by natural key, with a Dutch message for an unknown key."""

    def __init__(self, model, field, label):
        super().__init__(model, field)
        self.label = label

    def clean(self, value, row=None, **kwargs):
        try:
            return super().clean(value, row, **kwargs)
        except self.model.DoesNotExist:
            raise CellError(
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
        # Keys that will exist before the links are written (the workbook:
        # regions on a later sheet); they clean to unsaved placeholders.
        self.pending: set[str] = set()
        self.known = None

    def clean(self, value, row=None, **kwargs):
        if self.known is None:  # one query per import, not per row
            self.known = {
                getattr(obj, self.field): obj for obj in self.model.objects.all()
            }
        keys = [key.strip() for key in str(value or "").split(";") if key.strip()]
        missing = sorted(
            key
            for key in set(keys)
            if key not in self.known and key not in self.pending
        )
        if missing:
            raise CellError(
                # Translators: label names what the keys are, e.g. "regio's".
                _("onbekende %(label)s: %(keys)s")
                % {"label": self.label, "keys": ", ".join(missing)}
            )
        return [self.known.get(key) or self.model(**{self.field: key}) for key in keys]


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


def fingerprint(instance) -> str:
    """What a row is now: its version, or (without one) a digest of its fields."""
    if hasattr(instance, "version"):
        return f"v{instance.version}"
    deferred = instance.get_deferred_fields()
    values = [
        getattr(instance, f.attname)
        for f in instance._meta.concrete_fields
        if f.attname not in deferred
    ]
    return hashlib.sha256(repr(values).encode()).hexdigest()[:16]


def last_change(instance) -> str:
    """Who changed this row last and when, in words, from its history."""
    history = getattr(instance, "history", None)
    record = history.order_by("-history_date").first() if history else None
    if record is None:
        return _("iemand anders")
    who = getattr(record.history_user, "username", None) or _("iemand anders")
    return _("%(who)s (%(when)s)") % {
        "who": who,
        "when": date_format(timezone.localtime(record.history_date), "j F Y H:i"),
    }


def _cell_message(widget, value) -> str:
    """A Dutch message for a cell a library widget could not read."""
    shown = str(value).strip()[:50]
    if isinstance(widget, widgets.DateTimeWidget):
        return _(
            "‘%(value)s’ is geen datum en tijd; schrijf bijvoorbeeld 2025-01-31 14:30."
        ) % {"value": shown}
    if isinstance(widget, widgets.DateWidget):
        return _(
            "‘%(value)s’ is geen datum; schrijf de datum als 2025-01-31 "
            "(jaar-maand-dag)."
        ) % {"value": shown}
    if isinstance(widget, widgets.BooleanWidget):
        return _("‘%(value)s’ is geen ja/nee-waarde; schrijf 1 of 0.") % {
            "value": shown
        }
    if isinstance(widget, widgets.NumberWidget):
        return _("‘%(value)s’ is geen getal; schrijf alleen cijfers (0-9).") % {
            "value": shown
        }
    return _("‘%(value)s’ is geen geldige waarde voor deze kolom.") % {"value": shown}


class OnePassExport:
    """Export a queryset in one pass, so its prefetches run once.

    django-import-export pages a queryset with prefetch_related by
    IMPORT_EXPORT_CHUNK_SIZE rows and runs every prefetch again per page (as
    QuerySet.iterator(chunk_size=...) does per chunk): queries grow with the
    data. Evaluated once, an export costs one query per prefetch whatever its
    size; the rows are in memory anyway, in the tablib Dataset being built."""

    def iter_queryset(self, queryset):
        if isinstance(queryset, models.QuerySet) and queryset._prefetch_related_lookups:
            yield from queryset
        else:
            yield from super().iter_queryset(queryset)


class SpreadsheetResource(OnePassExport, resources.ModelResource):
    """What every resource shares: checks on the whole file, formula safety,
    Dutch messages for every cell, and the version check between preview,
    confirmation and the export a file came from.

    Versions (core.versioning, like the site's forms): the preview records what
    every existing row of the file is (its version, or a digest of its fields)
    in `recorded_versions`; the confirmation is given them as
    `expected_versions` and refuses, naming the rows and who changed them, when
    any of them is no longer so. Exports of a model with a version carry it in
    a `versie` column; a file whose row has an older version than the database
    is refused in the preview: it would overwrite a newer edit.
    """

    required_columns: tuple[str, ...] = ()
    # Bulk resources check their unique keys once per file instead of per row.
    validate_in_database = True
    VERSION_COLUMN = "versie"

    class Meta:  # inherited by every resource below
        skip_unchanged = True
        report_skipped = True
        clean_model_instances = True

    def __init__(self, **kwargs):
        super().__init__(**kwargs)
        model = self._meta.model
        if model is not None and any(
            f.name == "version" for f in model._meta.concrete_fields
        ):
            self.fields["version"] = fields.Field(
                attribute="version",
                column_name=self.VERSION_COLUMN,
                readonly=True,
                widget=widgets.IntegerWidget(),
            )
        self.key_columns: list[str] = []
        self.file_refused = False

    def before_import(self, dataset, **kwargs):
        self.file_refused = True  # until the file as a whole checks out
        self.import_user = kwargs.get("user")
        self.recorded_versions = kwargs.get("recorded_versions")
        self.expected_versions = kwargs.get("expected_versions")
        for field in self.fields.values():
            if isinstance(field.widget, KeysWidget):
                field.widget.known = None  # look the keys up afresh for this file
        headers = [str(h or "").strip() for h in dataset.headers or []]
        if dataset.height == 0:
            raise ValueError(_("Het bestand is leeg: er staan geen rijen in."))
        key_columns = [self.fields[f].column_name for f in self._meta.import_id_fields]
        required = dict.fromkeys([*self.required_columns, *key_columns])
        missing = [c for c in required if c not in headers]
        if missing:
            raise ValueError(
                _("Deze kolommen ontbreken: %(missing)s. Aanwezig: %(present)s.")
                % {
                    "missing": ", ".join(missing),
                    # Translators: no columns present at all.
                    "present": ", ".join(h for h in headers if h) or _("geen"),
                }
            )
        keys = [
            tuple(str(row.get(column) or "").strip() for column in key_columns)
            for row in dataset.dict
        ]
        counts = Counter(key for key in keys if any(key))
        self.duplicate_keys = {key for key, n in counts.items() if n > 1}
        self.key_columns = key_columns
        self.file_refused = False

    def import_data(self, dataset, **kwargs):
        # Any error, also a validation error in one row, and nothing is written.
        kwargs.setdefault("rollback_on_validation_errors", True)
        return super().import_data(dataset, **kwargs)

    def import_row(self, row, instance_loader, **kwargs):
        if self.file_refused:  # the file's own error says it all
            result = self.get_row_result_class()()
            result.import_type = RowResult.IMPORT_TYPE_SKIP
            return result
        return super().import_row(row, instance_loader, **kwargs)

    def row_key(self, row) -> str:
        return "\x1f".join(str(row.get(c) or "").strip() for c in self.key_columns)

    def get_or_init_instance(self, instance_loader, row):
        try:
            return super().get_or_init_instance(instance_loader, row)
        except ValidationError:
            raise
        except CellError as exc:
            raise ValidationError({self._bad_key_column(row): str(exc)}) from None
        except (ValueError, TypeError, ArithmeticError, decimal.DecimalException):
            column = self._bad_key_column(row)
            raise ValidationError(
                {
                    column: _(
                        "‘%(value)s’ is geen geldige sleutel; gebruik de waarde "
                        "uit een export."
                    )
                    % {"value": self.row_key(row).replace("\x1f", " / ")[:50]}
                }
            ) from None

    def _bad_key_column(self, row) -> str:
        """The key column whose cell cannot be read."""
        for name in self._meta.import_id_fields:
            field = self.fields[name]
            try:
                field.clean(row)
            except Exception:
                return field.column_name
        return self.key_columns[0] if self.key_columns else ""

    def fingerprint(self, instance) -> str:
        """What a row is now, for the version check; a resource whose rows
        live partly in another table (the composition) adds that part."""
        return fingerprint(instance)

    def after_init_instance(self, instance, new, row, **kwargs):
        super().after_init_instance(instance, new, row, **kwargs)
        key = self.row_key(row)
        now = None if new else self.fingerprint(instance)
        if self.recorded_versions is not None:
            self.recorded_versions[key] = now
        label = self.key_columns[0] if self.key_columns else "?"
        if self.expected_versions is not None:
            expected = self.expected_versions.get(key, "missing")
            if expected != now:
                if new:
                    message = _(
                        "‘%(row)s’ is na de proefimport verwijderd. Er is niets "
                        "geïmporteerd; upload het bestand opnieuw."
                    )
                elif expected is None:
                    message = _(
                        "‘%(row)s’ is na de proefimport aangemaakt door %(who)s. "
                        "Er is niets geïmporteerd; upload het bestand opnieuw en "
                        "bekijk het nieuwe voorbeeld."
                    )
                else:
                    message = _(
                        "‘%(row)s’ is na de proefimport gewijzigd door %(who)s. Er "
                        "is niets geïmporteerd; upload het bestand opnieuw en "
                        "bekijk het nieuwe voorbeeld."
                    )
                raise ValidationError(
                    {
                        label: message
                        % {"row": instance, "who": "" if new else last_change(instance)}
                    }
                )
        if "version" in self.fields and not new:
            self._check_exported_version(instance, row)

    def _check_exported_version(self, instance, row) -> None:
        """A row exported at an older version would overwrite a newer edit."""
        raw = str(row.get(self.VERSION_COLUMN) or "").strip()
        if not raw:
            return  # a file without versions: the preview shows what changes
        if not (raw.isascii() and raw.isdigit()):
            raise ValidationError(
                {
                    self.VERSION_COLUMN: _(
                        "‘%(value)s’ is geen versienummer; laat de kolom zoals de "
                        "export hem gaf, of laat de cel leeg."
                    )
                    % {"value": raw[:20]}
                }
            )
        if int(raw) != instance.version:
            raise ValidationError(
                {
                    self.VERSION_COLUMN: _(
                        "‘%(row)s’ is gewijzigd na de export waar dit bestand uit "
                        "komt (versie %(file)s, nu %(now)d), het laatst door "
                        "%(who)s. Importeren zou die wijziging ongedaan maken. "
                        "Exporteer opnieuw en breng uw wijzigingen daarin aan, of "
                        "zet %(now)d in de kolom versie om de wijziging bewust te "
                        "overschrijven."
                    )
                    % {
                        "row": instance,
                        "file": raw,
                        "now": instance.version,
                        "who": last_change(instance),
                    }
                }
            )

    def import_field(self, field, instance, row, is_m2m=False, **kwargs):
        if field.column_name in row and not is_m2m:
            self._check_file_name(field, row[field.column_name])
        try:
            return super().import_field(field, instance, row, is_m2m, **kwargs)
        except CellError:
            raise
        except (ValueError, TypeError, ArithmeticError, decimal.DecimalException):
            message = _cell_message(field.widget, row.get(field.column_name))
            raise CellError(message) from None

    def _check_file_name(self, field, value) -> None:
        """A file cell names a stored upload, as an export wrote it; never a
        path of the server."""
        model_field = self._model_field(field)
        if not isinstance(model_field, models.FileField) or not value:
            return
        name = str(value).strip()
        refused = CellError(
            _(
                "‘%(value)s’ is geen bestand van de regiokaart; laat de cel leeg "
                "of gebruik de naam uit een export."
            )
            % {"value": name[:80]}
        )
        parts = name.replace("\\", "/").split("/")
        if name.startswith(("/", "~")) or ".." in parts or ":" in name:
            raise refused
        try:
            if not model_field.storage.exists(name):
                raise refused
        except (SuspiciousFileOperation, OSError, ValueError):
            raise refused from None

    def _model_field(self, field):
        try:
            return self._meta.model._meta.get_field(field.attribute or "")
        except Exception:
            return None

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
        errors = {key: self._with_choices(key, value) for key, value in errors.items()}
        if errors:
            columns = {
                field.attribute: field.column_name
                for field in self.fields.values()
                if field.attribute
            }
            raise ValidationError(
                {columns.get(key, key): value for key, value in errors.items()}
            )

    def _with_choices(self, name, errors):
        """An invalid choice names the valid ones: 'Kies uit: a, b, c.'"""
        try:
            choices = self._meta.model._meta.get_field(name).choices
        except Exception:
            choices = None
        if not choices or not isinstance(errors, list):
            return errors
        valid = ", ".join(str(value) for value, _label in choices if value != "")
        return [
            ValidationError(
                _("%(message)s Kies uit: %(valid)s.")
                % {"message": " ".join(error.messages), "valid": valid}
            )
            if getattr(error, "code", None) == "invalid_choice"
            else error
            for error in errors
        ]

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
        first = text.lstrip("\ufeff").partition("\n")[0]
        if ";" in first and "," not in first:
            # Dutch Excel writes "CSV (gescheiden door lijstscheidingsteken)"
            # with semicolons.
            kwargs.setdefault("delimiter", ";")
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
        check_xlsx(in_stream)
        dataset = super().create_dataset(in_stream)
        _refuse_rows(dataset.height)
        return dataset


def check_xlsx(data: bytes) -> None:
    """Refuse a file that is no XLSX, or unpacks too large (a zip bomb)."""
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
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


def refuse_rows(rows: int) -> None:
    """Refuse a table with more rows than one import takes."""
    _refuse_rows(rows)
