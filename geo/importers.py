"""Imports for koepel staff: gemeente boundaries (any format, any CRS) and CBS figures.

Every import validates the whole file first and reports every problem in Dutch.
Only a file without errors is written, in one transaction.
"""

import csv
import io
import unicodedata
from dataclasses import dataclass, field
from decimal import Decimal, InvalidOperation
from pathlib import Path

import shapely
from django.db import models, transaction
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy, ngettext
from shapely.geometry.base import BaseGeometry

from . import geometry
from .models import (
    DECIMAL_FIGURES,
    KERNCIJFERS,
    SHARE_FIGURES,
    Gemeente,
    is_gemeente_code,
)

BOUNDARY_SUFFIXES = (".geojson", ".json", ".gpkg", ".zip")
# Generous box around the Netherlands (WGS84): anything outside means a wrong CRS.
NL_BOUNDS = (2.5, 50.3, 7.8, 54.0)
MAX_ERRORS_SHOWN = 25


class ImportFileError(Exception):
    """The file cannot be read at all; the message is for the user, in Dutch."""


class Action(models.TextChoices):
    """What an import does with one gemeente."""

    NEW = "new", gettext_lazy("toegevoegd")
    CHANGED = "changed", gettext_lazy("gewijzigd")
    UNCHANGED = "unchanged", gettext_lazy("ongewijzigd")
    REMOVED = "removed", gettext_lazy("verwijderd")
    IN_USE = "in_use", gettext_lazy("verwijderd maar nog in gebruik (blijft staan)")


@dataclass
class Change:
    code: str
    name: str
    action: Action
    fields: list[str] = field(default_factory=list)


@dataclass
class ImportReport:
    errors: list[str] = field(default_factory=list)
    changes: list[Change] = field(default_factory=list)
    committed: bool = False

    @property
    def ok(self) -> bool:
        return not self.errors

    def error(self, message: str) -> None:
        self.errors.append(message)

    def count(self, action: Action) -> int:
        return sum(1 for change in self.changes if change.action == action)

    def counts(self) -> list[tuple[str, int]]:
        return [(action.label, self.count(action)) for action in Action]

    def shown_changes(self) -> list[Change]:
        """What a preview lists: everything but the unchanged."""
        return [c for c in self.changes if c.action != Action.UNCHANGED]

    def summary(self) -> str:
        if not self.ok:
            return ngettext(
                "%(count)d fout(en); er is niets gewijzigd.",
                "%(count)d fout(en); er is niets gewijzigd.",
                len(self.errors),
            ) % {"count": len(self.errors)}
        counts = ", ".join(f"{label}: {n}" for label, n in self.counts())
        if self.committed:
            return _("Geïmporteerd. %(counts)s.") % {"counts": counts}
        return _("Proefimport, niets opgeslagen. %(counts)s.") % {"counts": counts}

    def shown_errors(self) -> list[str]:
        extra = len(self.errors) - MAX_ERRORS_SHOWN
        shown = self.errors[:MAX_ERRORS_SHOWN]
        if extra > 0:
            shown.append(
                ngettext(
                    "… en nog %(count)d fout(en).",
                    "… en nog %(count)d fout(en).",
                    extra,
                )
                % {"count": extra}
            )
        return shown


def _has_mojibake(text: str) -> bool:
    return "\ufffd" in text or any(
        unicodedata.category(ch) == "Cc" for ch in text if ch not in "\t\n"
    )


# -- Boundaries ----------------------------------------------------------------


@dataclass
class BoundaryRecord:
    code: str
    name: str
    province: str | None
    province_code: str | None
    shape: shapely.MultiPolygon


def _has_nul(path: Path) -> bool:
    """GDAL cuts text at a NUL character: look for one before reading."""
    with open(path, "rb") as f:
        while chunk := f.read(1 << 20):
            if b"\x00" in chunk or b"\\u0000" in chunk:
                return True
    return False


def read_boundary_frame(path: Path):
    """Read a GeoJSON, GeoPackage or zipped Shapefile with geopandas (pyogrio)."""
    import geopandas  # imported here: it is slow to import and only imports need it

    if path.suffix.lower() not in BOUNDARY_SUFFIXES:
        raise ImportFileError(
            _(
                "Onbekend bestandstype. Gebruik GeoJSON (.geojson), GeoPackage (.gpkg) "
                "of een gezipte Shapefile (.zip)."
            )
        )
    if path.suffix.lower() in (".geojson", ".json") and _has_nul(path):
        raise ImportFileError(
            _(
                "Het bestand bevat onleesbare tekens (een NUL-teken, \\u0000). "
                "Herstel het bestand en probeer het opnieuw."
            )
        )
    try:
        return geopandas.read_file(path, engine="pyogrio")
    except UnicodeDecodeError as exc:
        raise ImportFileError(
            _(
                "Het bestand bevat tekst die geen UTF-8 is (misschien Latin-1). Sla "
                "het op als UTF-8 en probeer het opnieuw."
            )
        ) from exc
    except Exception as exc:  # pyogrio raises several kinds; all mean "unreadable"
        raise ImportFileError(
            _(
                "Dit bestand kan niet worden gelezen als GeoJSON, GeoPackage of "
                "gezipte Shapefile (%(error)s). Is het beschadigd of onvolledig?"
            )
            % {"error": type(exc).__name__}
        ) from exc


class BoundaryImport:
    """Import gemeente boundaries; `validate()` is the dry run, `commit()` writes."""

    def __init__(
        self,
        path: Path | str,
        code_column: str = "code",
        name_column: str = "name",
        province_column: str = "province",
        province_code_column: str = "province_code",
        fix_invalid: bool = False,
        progress=None,
        in_use=frozenset(),
    ):
        """in_use: codes of gemeenten something else still uses; a file without
        them keeps them rather than deleting them."""
        self.path = Path(path)
        self.code_column = code_column
        self.name_column = name_column
        self.province_column = province_column
        self.province_code_column = province_code_column
        self.fix_invalid = fix_invalid
        self.progress = progress or (lambda message: None)
        self.records: list[BoundaryRecord] = []
        self.in_use = frozenset(in_use)

    def validate(self) -> ImportReport:
        report = ImportReport()
        self.progress(_("Lezen van %(name)s …") % {"name": self.path.name})
        try:
            frame = read_boundary_frame(self.path)
        except ImportFileError as exc:
            report.error(str(exc))
            return report
        self.progress(
            ngettext(
                "Controleren van %(count)d object …",
                "Controleren van %(count)d objecten …",
                len(frame),
            )
            % {"count": len(frame)}
        )
        if len(frame) == 0:
            report.error(_("Het bestand bevat geen gemeenten."))
            return report
        missing = [
            column
            for column in (self.code_column, self.name_column)
            if column not in frame.columns
        ]
        if missing:
            available = ", ".join(c for c in frame.columns if c != "geometry")
            for column in missing:
                report.error(
                    _(
                        "Kolom '%(column)s' ontbreekt. Beschikbare kolommen: "
                        "%(available)s. Kies de juiste kolom met de opties voor code "
                        "en naam."
                    )
                    % {"column": column, "available": available}
                )
            return report
        if frame.crs is None:
            report.error(
                _(
                    "Het bestand heeft geen coördinatenstelsel (CRS). Voeg het toe "
                    "(bij een Shapefile: het .prj-bestand) en probeer het opnieuw."
                )
            )
            return report
        self._check_rows(frame, report)
        if report.ok:
            self._plan_changes(report)
        return report

    def _check_rows(self, frame, report: ImportReport) -> None:
        frame = frame.to_crs(4326)

        def optional(row, column):
            return str(row[column]).strip() if column in frame.columns else None

        seen: dict[str, int] = {}
        for number, (_index, row) in enumerate(frame.iterrows(), start=1):
            code = str(row[self.code_column] or "").strip().upper()
            name = str(row[self.name_column] or "").strip()
            if not is_gemeente_code(code):
                report.error(
                    _(
                        "Rij %(number)d: '%(code)s' is geen CBS-gemeentecode (zoals "
                        "GM0363)."
                    )
                    % {"number": number, "code": code}
                )
                continue
            # Translators: where in the file: the row number and gemeente code.
            where = _("Rij %(number)d (%(code)s)") % {"number": number, "code": code}
            if code in seen:
                report.error(
                    _("%(where)s: code komt dubbel voor (ook in rij %(other)d).")
                    % {"where": where, "other": seen[code]}
                )
                continue
            seen[code] = number
            if not name:
                report.error(_("%(where)s: de naam is leeg.") % {"where": where})
            elif _has_mojibake(name):
                report.error(
                    _(
                        "%(where)s: de naam bevat onleesbare tekens; is het bestand "
                        "UTF-8?"
                    )
                    % {"where": where}
                )
            shape = self._check_shape(row.geometry, where, report)
            if shape is None:
                continue
            self.records.append(
                BoundaryRecord(
                    code,
                    name,
                    optional(row, self.province_column),
                    optional(row, self.province_code_column),
                    shape,
                )
            )

    def _check_shape(self, shape, where: str, report: ImportReport):
        if not isinstance(shape, BaseGeometry) or shape.is_empty:  # null: NaN
            report.error(_("%(where)s: de geometrie is leeg.") % {"where": where})
            return None
        if shape.geom_type not in ("Polygon", "MultiPolygon"):
            report.error(
                _("%(where)s: verwacht een (multi)polygoon, maar dit is een %(type)s.")
                % {"where": where, "type": shape.geom_type}
            )
            return None
        if not shape.is_valid:
            if not self.fix_invalid:
                report.error(
                    _(
                        "%(where)s: ongeldige geometrie (%(reason)s). Herstel het "
                        "bestand of importeer met --fix-invalid."
                    )
                    % {"where": where, "reason": shapely.is_valid_reason(shape)}
                )
                return None
            shape = geometry.as_multipolygon(shapely.make_valid(shape))
        xmin, ymin, xmax, ymax = shape.bounds
        if (
            xmin < NL_BOUNDS[0]
            or ymin < NL_BOUNDS[1]
            or xmax > NL_BOUNDS[2]
            or ymax > NL_BOUNDS[3]
        ):
            report.error(
                _(
                    "%(where)s: ligt niet in Nederland. Klopt het coördinatenstelsel "
                    "van het bestand?"
                )
                % {"where": where}
            )
            return None
        return geometry.as_multipolygon(shape)

    def _plan_changes(self, report: ImportReport) -> None:
        existing = {g.code: g for g in Gemeente.objects.all()}
        for record in self.records:
            current = existing.get(record.code)
            if current is None:
                report.changes.append(Change(record.code, record.name, Action.NEW))
                continue
            changed = []
            if current.name != record.name:
                changed.append(_("naam"))
            if record.province is not None and current.province != record.province:
                changed.append(_("provincie"))
            if (
                record.province_code is not None
                and current.province_code != record.province_code
            ):
                changed.append(_("provinciecode"))
            if not _same_shape(geometry.to_shape(current.geometry), record.shape):
                changed.append(_("grens"))
            action = Action.CHANGED if changed else Action.UNCHANGED
            report.changes.append(Change(record.code, record.name, action, changed))
        imported = {record.code for record in self.records}
        for code, gemeente in existing.items():
            if code not in imported:
                action = Action.IN_USE if code in self.in_use else Action.REMOVED
                report.changes.append(Change(code, gemeente.name, action))

    def commit(self) -> ImportReport:
        report = self.validate()
        if not report.ok:
            return report
        self.progress(_("Opslaan …"))
        with transaction.atomic():
            self._write(report)
        report.committed = True
        return report

    def _write(self, report: ImportReport) -> None:
        actions = {change.code: change.action for change in report.changes}
        existing = {g.code: g for g in Gemeente.objects.all()}
        new, changed = [], []
        for record in self.records:
            action = actions[record.code]
            if action == Action.UNCHANGED:
                continue
            gemeente = existing.get(record.code) or Gemeente(code=record.code)
            gemeente.name = record.name
            if record.province is not None:
                gemeente.province = record.province
            if record.province_code is not None:
                gemeente.province_code = record.province_code
            gemeente.geometry = geometry.to_geojson(record.shape)
            gemeente.area_km2 = round(geometry.area_km2(record.shape), 3)
            (new if action == Action.NEW else changed).append(gemeente)
        Gemeente.objects.bulk_create(new)
        Gemeente.objects.bulk_update(
            changed,
            ["name", "province", "province_code", "geometry", "area_km2"],
            batch_size=200,
        )
        removed = [code for code, action in actions.items() if action == Action.REMOVED]
        Gemeente.objects.filter(code__in=removed).delete()


def _same_shape(a, b) -> bool:
    """Equal up to the stored precision (1e-6 degrees, about 0.1 m)."""
    return shapely.hausdorff_distance(a, b) <= 2e-6


# -- CBS kerncijfers -----------------------------------------------------------


def decode_csv(data: bytes) -> str:
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise ImportFileError(
            _(
                "Het bestand is geen UTF-8 (misschien Latin-1 of Windows-1252). Sla "
                "het in Excel op als 'CSV UTF-8 (door komma's gescheiden)'."
            )
        ) from exc


class KerncijfersImport:
    """Import CBS kerncijfers per gemeente from a CSV file (comma or semicolon)."""

    def __init__(self, data: bytes, year: int, progress=None):
        self.data = data
        self.year = year
        self.progress = progress or (lambda message: None)
        self.rows: dict[str, dict] = {}

    def validate(self) -> ImportReport:
        report = ImportReport()
        try:
            text = decode_csv(self.data)
        except ImportFileError as exc:
            report.error(str(exc))
            return report
        if not text.strip():
            report.error(_("Het bestand is leeg."))
            return report
        if "\x00" in text:
            line = text[: text.index("\x00")].count("\n") + 1
            report.error(
                _(
                    "Regel %(line)d bevat onleesbare tekens (een NUL-teken). Is het "
                    "bestand wel een CSV-bestand in UTF-8?"
                )
                % {"line": line}
            )
            return report
        dialect = (
            ";"
            if text.splitlines()[0].count(";") > text.splitlines()[0].count(",")
            else ","
        )
        reader = csv.DictReader(io.StringIO(text), delimiter=dialect)
        columns = [c.strip() for c in reader.fieldnames or []]
        reader.fieldnames = columns
        if "code" not in columns:
            report.error(
                _(
                    "Kolom 'code' ontbreekt. De eerste regel moet de kolomnamen "
                    "bevatten, zoals code,inwoners. Gevonden: %(columns)s."
                )
                # Translators: no column names found at all.
                % {"columns": ", ".join(columns) or _("niets")}
            )
            return report
        figures = [c for c in columns if c in KERNCIJFERS]
        if not figures:
            report.error(
                _(
                    "Geen enkele bekende kolom met kerncijfers gevonden. Bekend zijn: "
                    "%(known)s."
                )
                % {"known": ", ".join(KERNCIJFERS)}
            )
            return report
        known = set(Gemeente.objects.values_list("code", flat=True))
        try:
            for number, row in enumerate(reader, start=2):
                self._check_row(number, row, figures, known, report)
        except csv.Error:  # e.g. a cell over the csv module's field limit
            report.error(
                _(
                    "Regel %(line)d is te lang of onleesbaar (een cel van meer dan "
                    "%(limit)d tekens?). Er is niets geïmporteerd."
                )
                % {"line": reader.line_num, "limit": csv.field_size_limit()}
            )
            return report
        if report.ok:
            self._plan_changes(report, figures)
        return report

    def _check_row(self, number, row, figures, known, report) -> None:
        code = (row.get("code") or "").strip().upper()
        if code not in known:
            report.error(
                _("Regel %(number)d: onbekende gemeentecode '%(code)s'.")
                % {"number": number, "code": code}
            )
            return
        if code in self.rows:
            report.error(
                _("Regel %(number)d: gemeente %(code)s komt dubbel voor.")
                % {"number": number, "code": code}
            )
            return
        values = {}
        for column in figures:
            raw = (row.get(column) or "").strip()
            try:
                values[column] = _parse_figure(column, raw)
            except ValueError as exc:
                report.error(
                    _("Regel %(number)d, kolom '%(column)s': %(error)s")
                    % {"number": number, "column": column, "error": exc}
                )
        self.rows[code] = values

    def _plan_changes(self, report, figures) -> None:
        for gemeente in Gemeente.objects.filter(code__in=self.rows):
            new = self.rows[gemeente.code]
            changed = [c for c in figures if getattr(gemeente, c) != new[c]]
            if gemeente.kerncijfers_year != self.year:
                changed.append(_("peiljaar"))
            action = Action.CHANGED if changed else Action.UNCHANGED
            report.changes.append(Change(gemeente.code, gemeente.name, action, changed))

    def commit(self) -> ImportReport:
        report = self.validate()
        if not report.ok:
            return report
        changed = {
            change.code for change in report.changes if change.action == Action.CHANGED
        }
        # One plain UPDATE per changed gemeente: bulk_update's CASE expression
        # over 342 rows and twenty columns costs seconds to build in Python.
        with transaction.atomic():
            for code in sorted(changed):
                Gemeente.objects.filter(code=code).update(
                    **self.rows[code], kerncijfers_year=self.year
                )
        report.committed = True
        return report


# The largest count a PositiveIntegerField holds on every database.
MAX_COUNT = 2_147_483_647


def _parse_figure(column: str, raw: str):
    if raw == "":
        return None
    if raw[0] in "=+-@":
        raise ValueError(
            _("'%(value)s' is geen getal (formules zijn niet toegestaan).")
            % {"value": raw}
        )
    if column in DECIMAL_FIGURES:
        try:
            value = Decimal(raw.replace(",", "."))
        except InvalidOperation:
            raise ValueError(_("'%(value)s' is geen getal.") % {"value": raw}) from None
        if not value.is_finite() or not Decimal("0") < value < Decimal("10"):
            raise ValueError(
                _("%(value)s is geen geldige huishoudensgrootte.") % {"value": raw}
            )
        return value.quantize(Decimal("0.1"))
    if not (raw.isascii() and raw.isdigit()):  # "2²" is a digit to isdigit()
        raise ValueError(_("'%(value)s' is geen geheel getal.") % {"value": raw})
    value = int(raw)
    if value > MAX_COUNT:
        raise ValueError(_("%(value)s is te groot voor een aantal.") % {"value": raw})
    if column in SHARE_FIGURES and value > 100:
        raise ValueError(
            _("%(value)s is geen percentage (0 tot en met 100).") % {"value": value}
        )
    return value
