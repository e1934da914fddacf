"""The regiokaart workbook: one XLSX with a sheet per table, imported at once.

A thin layer over the resources (one django-import-export resource per sheet):
the sheets, their order and the "Toelichting" (every column, whether it is
required, its allowed values) all come from SHEETS and the resources, so the
explanation cannot drift from what the import does.

The import is all-or-nothing across sheets: every sheet is written inside one
transaction, in dependency order (insurers, organisations, regions, contact
persons, composition); an error on any sheet, or a dry run, rolls all of it
back. The map layer and the data generation are rebuilt once, after a commit
(services.data_changes_collected). A preview records what every existing row
was (core.spreadsheets versions, per sheet); the confirmation passes them back
and is refused when any row changed in between.

The lead organisation of a region can be named twice: `regionale_organisatie`
on the regions sheet and `regionale_organisatie_van` on the organisations
sheet. When both columns are there, the regions sheet writes the lead and the
organisations sheet must say the same; any disagreement is an error and
nothing is written. With only one of the two columns, that one is written.
"""

import io
import logging
from dataclasses import dataclass, field

import tablib
from django.core.exceptions import NON_FIELD_ERRORS
from django.core.validators import (
    MaxValueValidator,
    MinValueValidator,
    RegexValidator,
)
from django.db import models, transaction
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from import_export import widgets
from import_export.results import RowResult
from openpyxl import Workbook, load_workbook
from openpyxl.styles import Font

from core.models import ImportLog
from core.spreadsheets import (
    KeysWidget,
    KeyWidget,
    SpreadsheetRefused,
    check_xlsx,
    refuse_rows,
)
from organisations.models import Insurer, Organisation
from organisations.resources import ContactPersonResource

from . import services
from .columns import ORGANISATION_COLUMNS, REGION_COLUMNS
from .models import Region
from .resources import (
    CompositionResource,
    InsurerMapResource,
    OrganisationResource,
    RegionResource,
)

logger = logging.getLogger(__name__)

FILE_NAME = "regiokaart-werkboek.xlsx"
GUIDE = "Toelichting"
LEAD = REGION_COLUMNS.header("regional_organisation")
LEADS_OF = ORGANISATION_COLUMNS.header("lead_links")


@dataclass(frozen=True)
class Sheet:
    name: str
    resource_class: type
    what: str


INSURERS = Sheet(
    "zorgverzekeraars", InsurerMapResource, gettext_lazy("de zorgverzekeraars")
)
ORGANISATIONS = Sheet(
    "organisaties",
    OrganisationResource,
    gettext_lazy(
        "de organisaties: soort, contactgegevens, de regio's waarin ze actief zijn "
        "en die ze leiden"
    ),
)
CONTACTS = Sheet(
    "contactpersonen",
    ContactPersonResource,
    gettext_lazy(
        "de contactpersonen van de organisaties; alleen wie openbaar = 1 heeft, "
        "staat op de openbare website"
    ),
)
REGIONS = Sheet(
    "regio's",
    RegionResource,
    gettext_lazy(
        "de regio's: status van het regioplan, zorgverzekeraar, regionale "
        "organisatie en het regioplan"
    ),
)
COMPOSITION = Sheet(
    "samenstelling",
    CompositionResource,
    gettext_lazy("welke gemeente bij welke regio hoort: één rij per gemeente"),
)

# The order in the file, and the order of the import (each sheet's keys exist
# before a later sheet names them).
SHEETS = (INSURERS, ORGANISATIONS, CONTACTS, REGIONS, COMPOSITION)
IMPORT_ORDER = (INSURERS, ORGANISATIONS, REGIONS, CONTACTS, COMPOSITION)
SHEET_OF_MODEL = {Insurer: INSURERS, Organisation: ORGANISATIONS, Region: REGIONS}


# -- The Toelichting ---------------------------------------------------------


@dataclass(frozen=True)
class ColumnDoc:
    sheet: str
    header: str
    required: bool
    imported: bool
    meaning: str
    allowed: str


def key_headers(resource) -> list[str]:
    return [resource.fields[f].column_name for f in resource._meta.import_id_fields]


def column_docs(sheet: Sheet) -> list[ColumnDoc]:
    """Every column of a sheet, as its resource declares it."""
    resource = sheet.resource_class()
    keys = key_headers(resource)
    required = {*resource.required_columns, *keys}
    docs = []
    for export_field in resource.get_export_fields():
        header = export_field.column_name
        model_field = _model_field(resource, export_field)
        imported = not export_field.readonly
        docs.append(
            ColumnDoc(
                sheet=sheet.name,
                header=header,
                required=header in required,
                imported=imported,
                meaning=_meaning(resource, export_field, model_field, header in keys),
                allowed=_allowed(resource, export_field, model_field),
            )
        )
    return docs


def _model_field(resource, export_field):
    try:
        return resource._meta.model._meta.get_field(export_field.attribute or "")
    except Exception:
        return None


def _meaning(resource, export_field, model_field, is_key: bool) -> str:
    if export_field.column_name == resource.VERSION_COLUMN:
        return _("versie van de rij bij de export")
    if model_field is not None:
        meaning = str(model_field.verbose_name)
    elif isinstance(export_field.widget, KeyWidget):
        meaning = str(export_field.widget.label)
    else:
        meaning = export_field.column_name.replace("_", " ")
    if is_key:
        meaning = _("%(meaning)s (sleutel van de rij)") % {"meaning": meaning}
    return meaning


def _allowed(resource, export_field, model_field) -> str:
    widget = export_field.widget
    if export_field.column_name == resource.VERSION_COLUMN:
        return _(
            "het getal uit de export; laat het staan (of de cel leeg). Is de rij "
            "intussen gewijzigd, dan wordt niets geïmporteerd."
        )
    if export_field.readonly:
        return _("alleen ter informatie; wordt niet geïmporteerd")
    if isinstance(widget, KeysWidget):
        target = SHEET_OF_MODEL.get(widget.model)
        return _(
            "sleutels van %(label)s, gescheiden door ; (bijvoorbeeld a;b)%(where)s"
        ) % {"label": widget.label, "where": _on_sheet(target)}
    if isinstance(widget, KeyWidget):
        target = SHEET_OF_MODEL.get(widget.model)
        return _("de sleutel van een %(label)s%(where)s") % {
            "label": widget.label,
            "where": _on_sheet(target),
        }
    if isinstance(widget, widgets.BooleanWidget):
        return _("1 (ja) of 0 (nee)")
    if model_field is None:
        return _("tekst")
    if model_field.choices:
        return _("een van: %(values)s") % {
            "values": ", ".join(
                str(value) for value, _label in model_field.choices if value != ""
            )
        }
    parts = []
    for validator in model_field.validators:
        if isinstance(validator, RegexValidator) and validator.message:
            parts.append(str(validator.message))
    if isinstance(model_field, models.FileField):
        return _(
            "de bestandsnaam zoals een export hem gaf, of leeg (een nieuw bestand "
            "upload u in de regio zelf)"
        )
    if isinstance(model_field, models.URLField):
        parts.insert(0, _("een link die begint met https://"))
    elif isinstance(model_field, models.EmailField):
        parts.insert(0, _("een e-mailadres"))
    elif isinstance(model_field, models.SlugField):
        parts.insert(
            0,
            _(
                "kleine letters, cijfers en koppeltekens (a-z, 0-9, -), hooguit "
                "%(n)d tekens; verander hem niet"
            )
            % {"n": model_field.max_length},
        )
    elif isinstance(model_field, models.IntegerField):
        low = [
            v.limit_value
            for v in model_field.validators
            if isinstance(v, MinValueValidator)
        ]
        high = [
            v.limit_value
            for v in model_field.validators
            if isinstance(v, MaxValueValidator)
        ]
        if low and high:
            parts.insert(
                0,
                _("een jaartal of getal van %(low)s tot en met %(high)s")
                % {"low": low[0], "high": high[0]},
            )
        else:
            parts.insert(0, _("een geheel getal"))
    elif isinstance(model_field, models.CharField) and not parts:
        parts.append(_("tekst, hooguit %(n)d tekens") % {"n": model_field.max_length})
    elif not parts:
        parts.append(_("tekst"))
    if model_field.blank:
        parts.append(_("mag leeg"))
    return "; ".join(parts)


def _on_sheet(target: Sheet | None) -> str:
    if target is None:
        return ""
    return _(" (bestaand, of op het blad ‘%(sheet)s’)") % {"sheet": target.name}


def guide_rows(sample_note: str = "") -> list[list[str]]:
    """The Toelichting: what the workbook is, the rules, then every column."""
    rows = [
        [_("Regiokaart-werkboek")],
        [
            _(
                "Eén bestand voor de gegevens van de regiokaart. Bewerk het in Excel "
                "en importeer het in het beheer (Regio's → Werkboek importeren) of "
                "met manage.py import_werkboek."
            )
        ],
    ]
    if sample_note:
        rows.append([sample_note])
    rows += [
        [
            _(
                "Alles of niets: bevat één blad een fout, dan wordt niets "
                "geïmporteerd. De bladen worden geïmporteerd in de volgorde "
                "%(order)s."
            )
            % {"order": ", ".join(s.name for s in IMPORT_ORDER)}
        ],
        [
            _(
                "Een blad dat ontbreekt of leeg is, wordt overgeslagen. Elke rij "
                "wordt gevonden aan zijn sleutel; staat de sleutel er nog niet, "
                "dan is het een nieuwe rij. Rijen verwijderen gebeurt in het beheer, "
                "niet met het werkboek."
            )
        ],
        [
            _(
                "Regionale organisatie: de kolom %(lead)s op het blad regio's is "
                "leidend. Staat op het blad organisaties ook de kolom %(leads)s, "
                "dan moet die hetzelfde zeggen; wijken ze af, dan wordt niets "
                "geïmporteerd."
            )
            % {"lead": LEAD, "leads": LEADS_OF}
        ],
        [
            _(
                "Contactpersonen: de sleutel is organisatie + naam. Een andere naam "
                "is een nieuwe persoon; hernoem iemand in het beheer."
            )
        ],
        [],
        [_("Blad"), _("Inhoud"), _("Sleutel")],
    ]
    for sheet in SHEETS:
        resource = sheet.resource_class()
        rows.append([sheet.name, str(sheet.what), " + ".join(key_headers(resource))])
    rows += [
        [],
        [
            _("Blad"),
            _("Kolom"),
            _("Verplicht"),
            _("Betekenis"),
            _("Toegestane waarden"),
        ],
    ]
    for sheet in SHEETS:
        for doc in column_docs(sheet):
            rows.append(
                [
                    doc.sheet,
                    doc.header,
                    _("ja") if doc.required else _("nee"),
                    doc.meaning,
                    doc.allowed,
                ]
            )
    return rows


# -- Export ------------------------------------------------------------------


def export_workbook(*, empty: bool = False, sample: dict | None = None) -> bytes:
    """The workbook as XLSX bytes: the Toelichting, then one sheet per table,
    empty (headers only), with the current data, or with `sample` rows
    (sheet name -> list of dicts by column header)."""
    book = Workbook()
    guide = book.active
    guide.title = GUIDE
    note = (sample or {}).get(GUIDE, "")
    bold = Font(bold=True)
    for row in guide_rows(note):
        guide.append(row)
    for cell in guide["A"][:1]:
        cell.font = bold
    for letter, width in zip("ABCDE", (22, 30, 12, 40, 70), strict=True):
        guide.column_dimensions[letter].width = width
    for sheet in SHEETS:
        resource = sheet.resource_class()
        headers = resource.get_export_headers()
        ws = book.create_sheet(sheet.name)
        ws.append(headers)
        for cell in ws[1]:
            cell.font = bold
        if sample is not None:
            for row in sample.get(sheet.name, []):
                ws.append([row.get(h, "") for h in headers])
        elif not empty:
            for row in resource.export():
                ws.append(list(row))
        for index, header in enumerate(headers):
            ws.column_dimensions[ws.cell(1, index + 1).column_letter].width = max(
                12, len(header) + 2
            )
        ws.freeze_panes = "A2"
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


# -- Reading -----------------------------------------------------------------


@dataclass
class SheetData:
    dataset: tablib.Dataset
    lines: list[int]  # the Excel row number of each dataset row


def _cell(value):
    if isinstance(value, bool):
        return "1" if value else "0"
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    if isinstance(value, int | float):
        return str(value)
    return value


def read_workbook(data: bytes) -> dict[str, SheetData]:
    """The sheets of an uploaded workbook, by name. Refuses (in Dutch) a file
    that is no XLSX, too large, or has a sheet the workbook does not know."""
    check_xlsx(data)
    try:
        book = load_workbook(io.BytesIO(data), read_only=True, data_only=True)
    except Exception:
        raise SpreadsheetRefused(
            _("Dit bestand kan niet worden gelezen als XLSX-werkboek.")
        ) from None
    known = {s.name.casefold(): s.name for s in SHEETS}
    unknown = [
        ws.title
        for ws in book.worksheets
        if ws.title.strip().casefold() not in known
        and ws.title.strip().casefold() != GUIDE.casefold()
    ]
    if unknown:
        raise SpreadsheetRefused(
            _(
                "Onbekend blad: %(unknown)s. Een werkboek heeft de bladen "
                "%(known)s. Er is niets geïmporteerd."
            )
            % {
                "unknown": ", ".join(f"‘{name}’" for name in unknown),
                "known": ", ".join([GUIDE, *(s.name for s in SHEETS)]),
            }
        )
    sheets = {}
    for ws in book.worksheets:
        name = known.get(ws.title.strip().casefold())
        if name is None:
            continue
        rows = ws.iter_rows(values_only=True)
        header_row = next(rows, None) or ()
        headers = [str(h).strip() if h is not None else "" for h in header_row]
        while headers and not headers[-1]:
            headers.pop()
        dataset = tablib.Dataset(headers=headers)
        lines = []
        for number, values in enumerate(rows, start=2):
            values = list(values[: len(headers)])
            values += [None] * (len(headers) - len(values))
            if all(v is None or (isinstance(v, str) and not v.strip()) for v in values):
                continue  # Excel keeps empty rows around
            dataset.append([_cell(v) for v in values])
            lines.append(number)
            refuse_rows(len(lines))
        sheets[name] = SheetData(dataset, lines)
    book.close()
    return sheets


# -- Import ------------------------------------------------------------------

NEW, CHANGED, UNCHANGED, ERROR = "new", "changed", "unchanged", "error"
ACTION_LABELS = {
    NEW: gettext_lazy("nieuw"),
    CHANGED: gettext_lazy("gewijzigd"),
    UNCHANGED: gettext_lazy("ongewijzigd"),
    ERROR: gettext_lazy("fout"),
}


@dataclass
class RowChange:
    line: int
    key: str
    action: str
    changes: list[tuple[str, str, str]] = field(default_factory=list)

    @property
    def label(self) -> str:
        return str(ACTION_LABELS[self.action])


@dataclass
class SheetReport:
    name: str
    present: bool = False
    rows: list[RowChange] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)

    def count(self, action: str) -> int:
        return sum(1 for row in self.rows if row.action == action)

    @property
    def new(self) -> int:
        return self.count(NEW)

    @property
    def changed(self) -> int:
        return self.count(CHANGED)

    @property
    def unchanged(self) -> int:
        return self.count(UNCHANGED)

    @property
    def error_count(self) -> int:
        return max(self.count(ERROR), 1 if self.errors else 0)

    @property
    def shown_rows(self) -> list[RowChange]:
        return [row for row in self.rows if row.action != UNCHANGED]

    def summary(self) -> str:
        if not self.present:
            return _("%(sheet)s: niet in het bestand (overgeslagen)") % {
                "sheet": self.name
            }
        return _(
            "%(sheet)s: %(new)d nieuw, %(changed)d gewijzigd, %(unchanged)d "
            "ongewijzigd, %(errors)d fouten"
        ) % {
            "sheet": self.name,
            "new": self.new,
            "changed": self.changed,
            "unchanged": self.unchanged,
            "errors": self.error_count,
        }


@dataclass
class WorkbookReport:
    sheets: list[SheetReport]
    committed: bool = False
    versions: dict = field(default_factory=dict)
    errors: list[str] = field(default_factory=list)  # across sheets

    @property
    def ok(self) -> bool:
        return not self.errors and not any(s.errors for s in self.sheets)

    @property
    def changes_anything(self) -> bool:
        return any(s.new or s.changed for s in self.sheets)

    @property
    def all_errors(self) -> list[str]:
        return [*self.errors, *(e for s in self.sheets for e in s.errors)]

    def by_name(self, name: str) -> SheetReport:
        return next(s for s in self.sheets if s.name == name)


def import_workbook(
    sheets: dict[str, SheetData],
    *,
    commit: bool,
    user=None,
    expected_versions: dict | None = None,
    file_name: str = "",
) -> WorkbookReport:
    """Import every sheet in one transaction; keep it only if `commit` and no
    sheet has an error. The report counts per sheet what is (or would be) new,
    changed, unchanged or wrong; `versions` is what a later confirmation must
    find (expected_versions)."""
    report = WorkbookReport(sheets=[SheetReport(s.name) for s in SHEETS])
    # An empty sheet (headers only, as in the template) is skipped.
    sheets = {name: data for name, data in sheets.items() if data.dataset.height}
    docs = {s.name: {d.header: d for d in column_docs(s)} for s in SHEETS}
    report.errors += _lead_conflicts(sheets)
    with services.data_changes_collected():
        with transaction.atomic():
            organisations = None
            for sheet in IMPORT_ORDER:
                data = sheets.get(sheet.name)
                sheet_report = report.by_name(sheet.name)
                if data is None:
                    continue
                sheet_report.present = True
                resource = sheet.resource_class()
                if sheet is ORGANISATIONS:
                    organisations = resource
                    _prepare_organisations(resource, sheets)
                recorded = report.versions.setdefault(sheet.name, {})
                expected = None
                if expected_versions is not None:
                    expected = expected_versions.get(sheet.name, {})
                before = _current_rows(resource)
                result = resource.import_data(
                    data.dataset,
                    dry_run=False,
                    use_transactions=True,
                    raise_errors=False,
                    user=user,
                    recorded_versions=recorded,
                    expected_versions=expected,
                )
                _summarise(
                    sheet_report, resource, data, result, before, docs[sheet.name]
                )
                if sheet is REGIONS or (
                    sheet is ORGANISATIONS and REGIONS.name not in sheets
                ):
                    if organisations is not None and report.ok:
                        _apply_links(organisations, report.by_name(ORGANISATIONS.name))
            if commit and report.ok:
                for sheet_report in report.sheets:
                    if sheet_report.present:
                        ImportLog.objects.create(
                            user=user if getattr(user, "pk", None) else None,
                            model=sheet_report.name,
                            file_name=file_name[:255],
                            new=sheet_report.new,
                            updated=sheet_report.changed,
                            unchanged=sheet_report.unchanged,
                            deleted=0,
                        )
                report.committed = True
            else:
                transaction.set_rollback(True)
    if report.committed and report.changes_anything:
        services.data_changed()  # once, for every sheet
    return report


def _prepare_organisations(resource, sheets) -> None:
    """The organisations sheet comes before the regions sheet: its region
    links may name regions that sheet brings, so they wait for it."""
    regions = sheets.get(REGIONS.name)
    resource.defer_links = True
    if regions is not None and "sleutel" in regions.dataset.headers:
        resource.pending_regions = frozenset(
            str(v or "").strip() for v in regions.dataset["sleutel"]
        ) - {""}
        resource.leads_from_regions = LEAD in regions.dataset.headers


def _apply_links(resource, sheet_report: SheetReport) -> None:
    try:
        resource.apply_links()
    except ValueError as exc:  # a region named only in a failed sheet
        sheet_report.errors.append(
            _("Blad ‘%(sheet)s’: %(message)s")
            % {"sheet": sheet_report.name, "message": str(exc)}
        )


def _lead_conflicts(sheets) -> list[str]:
    """Both sheets name leads: they must agree (see the module docstring)."""
    orgs, regions = sheets.get(ORGANISATIONS.name), sheets.get(REGIONS.name)
    if orgs is None or regions is None:
        return []
    if LEADS_OF not in orgs.dataset.headers or LEAD not in regions.dataset.headers:
        return []
    if (
        "sleutel" not in orgs.dataset.headers
        or "sleutel" not in regions.dataset.headers
    ):
        return []
    lead_of_region = {}
    for line, row in zip(regions.lines, regions.dataset.dict, strict=True):
        slug = str(row.get("sleutel") or "").strip()
        if slug:
            lead_of_region[slug] = (str(row.get(LEAD) or "").strip(), line)
    errors = []
    claimed = set()
    for line, row in zip(orgs.lines, orgs.dataset.dict, strict=True):
        organisation = str(row.get("sleutel") or "").strip()
        for region in str(row.get(LEADS_OF) or "").split(";"):
            region = region.strip()
            if not region:
                continue
            claimed.add((region, organisation))
            lead, region_line = lead_of_region.get(region, (None, None))
            if lead is None:
                errors.append(
                    _(
                        "Blad ‘organisaties’, rij %(line)d, kolom %(column)s, waarde "
                        "‘%(region)s’: deze regio staat niet op het blad regio's. "
                        "Zet de regionale organisatie daar, in de kolom %(lead)s."
                    )
                    % {
                        "line": line,
                        "column": LEADS_OF,
                        "region": region,
                        "lead": LEAD,
                    }
                )
            elif lead != organisation:
                errors.append(
                    _(
                        "Blad ‘organisaties’, rij %(line)d, kolom %(column)s, waarde "
                        "‘%(region)s’: op het blad regio's (rij %(region_line)d, "
                        "kolom %(lead)s) is ‘%(other)s’ de regionale organisatie van "
                        "deze regio, niet ‘%(organisation)s’. Maak de twee bladen "
                        "gelijk of laat één van beide kolommen weg."
                    )
                    % {
                        "line": line,
                        "column": LEADS_OF,
                        "region": region,
                        "region_line": region_line,
                        "lead": LEAD,
                        "other": lead or _("(leeg)"),
                        "organisation": organisation,
                    }
                )
    in_orgs_sheet = {str(row.get("sleutel") or "").strip() for row in orgs.dataset.dict}
    for region, (lead, line) in lead_of_region.items():
        if lead and lead in in_orgs_sheet and (region, lead) not in claimed:
            errors.append(
                _(
                    "Blad ‘regio's’, rij %(line)d, kolom %(lead)s, waarde "
                    "‘%(organisation)s’: op het blad organisaties staat deze regio "
                    "niet in de kolom %(column)s van ‘%(organisation)s’. Maak de "
                    "twee bladen gelijk of laat één van beide kolommen weg."
                )
                % {
                    "line": line,
                    "lead": LEAD,
                    "organisation": lead,
                    "column": LEADS_OF,
                }
            )
    return errors


def _norm(value) -> str:
    value = _cell(value)
    if value is None:
        return ""
    if hasattr(value, "isoformat"):
        return value.isoformat()[:10]
    return str(value).strip()


def _current_rows(resource) -> dict[str, dict]:
    """Every existing row as an export writes it, by key: what the preview
    compares the file with."""
    keys = key_headers(resource)
    dataset = resource.export()
    return {"\x1f".join(_norm(row.get(k)) for k in keys): row for row in dataset.dict}


def _summarise(sheet_report, resource, data, result, before, docs) -> None:
    keys = key_headers(resource)
    rows = list(data.dataset.dict)
    for error in result.base_errors:
        sheet_report.errors.append(
            _("Blad ‘%(sheet)s’: %(message)s")
            % {"sheet": sheet_report.name, "message": _safe_message(error.error)}
        )
    for number, errors in result.row_errors():
        line = data.lines[number - 1]
        for error in errors:
            logger.error(
                "workbook sheet %s row %s: %r", sheet_report.name, line, error.error
            )
        sheet_report.errors.append(
            _(
                "Blad ‘%(sheet)s’, rij %(line)d: deze rij kon niet worden verwerkt; "
                "controleer de waarden."
            )
            % {"sheet": sheet_report.name, "line": line}
        )
    for invalid in result.invalid_rows:
        line = data.lines[invalid.number - 1]
        row = rows[invalid.number - 1]
        for column, messages in invalid.error_dict.items():
            text = " ".join(str(m) for m in messages)
            if column == NON_FIELD_ERRORS or column not in docs:
                sheet_report.errors.append(
                    _("Blad ‘%(sheet)s’, rij %(line)d: %(message)s")
                    % {"sheet": sheet_report.name, "line": line, "message": text}
                )
                continue
            doc = docs[column]
            if "Kies uit" in text:  # the message names the choices already
                sheet_report.errors.append(
                    _(
                        "Blad ‘%(sheet)s’, rij %(line)d, kolom %(column)s, waarde "
                        "‘%(value)s’: %(message)s"
                    )
                    % {
                        "sheet": sheet_report.name,
                        "line": line,
                        "column": column,
                        "value": _norm(row.get(column))[:80],
                        "message": text,
                    }
                )
                continue
            sheet_report.errors.append(
                _(
                    "Blad ‘%(sheet)s’, rij %(line)d, kolom %(column)s, waarde "
                    "‘%(value)s’: %(message)s Toegestaan: %(allowed)s."
                )
                % {
                    "sheet": sheet_report.name,
                    "line": line,
                    "column": column,
                    "value": _norm(row.get(column))[:80],
                    "message": text,
                    "allowed": doc.allowed,
                }
            )
    errors = {invalid.number for invalid in result.invalid_rows}
    errors |= {number for number, _errors in result.row_errors()}
    for index, row in enumerate(rows, start=1):
        key = "\x1f".join(_norm(row.get(k)) for k in keys)
        shown_key = key.replace("\x1f", " / ")
        line = data.lines[index - 1]
        if index in errors:
            sheet_report.rows.append(RowChange(line, shown_key, ERROR))
            continue
        row_result = result.rows[index - 1] if index - 1 < len(result.rows) else None
        import_type = getattr(row_result, "import_type", RowResult.IMPORT_TYPE_SKIP)
        if import_type == RowResult.IMPORT_TYPE_NEW:
            sheet_report.rows.append(RowChange(line, shown_key, NEW))
        elif import_type == RowResult.IMPORT_TYPE_UPDATE:
            old = before.get(key, {})
            changes = [
                (column, _norm(old.get(column)), _norm(value))
                for column, value in row.items()
                if column in docs
                and docs[column].imported
                and column != resource.VERSION_COLUMN
                and _norm(old.get(column)) != _norm(value)
            ]
            sheet_report.rows.append(RowChange(line, shown_key, CHANGED, changes))
        else:
            sheet_report.rows.append(RowChange(line, shown_key, UNCHANGED))


def _safe_message(exc) -> str:
    """Our own refusals are Dutch sentences for the curator; anything else
    is logged, never shown."""
    if isinstance(exc, ValueError):
        return str(exc)
    logger.error("workbook import: %r", exc)
    return _("dit blad kon niet worden gelezen; controleer de kolommen.")
