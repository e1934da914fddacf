"""Reading a CSV file a curator uploads: one reader and one set of cell rules
for every CSV import (CBS figures, postcodes, zones, GP distance).

Every problem becomes a Dutch message in the import's report that names the
line (the header is line 1), the column, the value and what is allowed; the
reader never raises. Comma and semicolon files are both read (Excel in Dutch
writes semicolons), so a decimal comma is fine in a semicolon file.
"""

import csv
import io
import re
from decimal import Decimal, InvalidOperation

from django.utils.translation import gettext as _

# Only the ASCII digits: str.isdigit() and int() also take '²' or '٣'.
INTEGER = re.compile(r"[0-9]+", re.ASCII)
DECIMAL = re.compile(r"[0-9]+([.,][0-9]+)?", re.ASCII)


class CellError(ValueError):
    """A cell's value is not allowed; the message is for the user, in Dutch."""


def decode(data: bytes) -> str | None:
    """The text of a UTF-8 file (with or without BOM), or None."""
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError:
        return None


def not_utf8() -> str:
    return _(
        "Het bestand is geen UTF-8 (misschien Latin-1 of Windows-1252). Sla het "
        "in Excel op als 'CSV UTF-8 (door komma's gescheiden)'."
    )


def read_table(data: bytes, required: list[str], report) -> tuple[list, list]:
    """(columns, [(line number, row), ...]) of a CSV file; problems go to the
    report and give ([], []). Cells are stripped; the header's names too."""
    text = decode(data)
    if text is None:
        report.error(not_utf8())
        return [], []
    if not text.strip():
        report.error(_("Het bestand is leeg."))
        return [], []
    if "\x00" in text:
        line = text[: text.index("\x00")].count("\n") + 1
        report.error(
            _(
                "Regel %(line)d bevat onleesbare tekens (een NUL-teken). Is het "
                "bestand wel een CSV-bestand in UTF-8?"
            )
            % {"line": line}
        )
        return [], []
    header = text.splitlines()[0]
    delimiter = ";" if header.count(";") > header.count(",") else ","
    reader = csv.DictReader(io.StringIO(text), delimiter=delimiter)
    try:
        columns = [c.strip() for c in reader.fieldnames or []]
        reader.fieldnames = columns
        missing = [c for c in required if c not in columns]
        if missing:
            names = ", ".join(f"'{c}'" for c in missing)
            message = (
                _("Kolom %(missing)s ontbreekt.")
                if len(missing) == 1
                else _("Kolommen %(missing)s ontbreken.")
            ) % {"missing": names}
            report.error(
                message
                + " "
                + _(
                    "De eerste regel moet de kolomnamen bevatten: %(required)s. "
                    "Gevonden: %(found)s."
                )
                % {
                    "required": ", ".join(required),
                    # Translators: no column names found at all.
                    "found": ", ".join(c for c in columns if c) or _("niets"),
                }
            )
            return [], []
        rows = [
            (number, {k: (v or "").strip() for k, v in row.items() if k})
            for number, row in enumerate(reader, start=2)
        ]
    except csv.Error:  # e.g. a cell over the csv module's field limit
        report.error(
            _(
                "Regel %(line)d is te lang of onleesbaar (een cel van meer dan "
                "%(limit)d tekens?). Er is niets geïmporteerd."
            )
            % {"line": reader.line_num, "limit": csv.field_size_limit()}
        )
        return [], []
    if not rows:
        report.error(
            _("Het bestand bevat alleen kolomnamen, geen regels met gegevens.")
        )
    return columns, rows


def cell_error(report, number: int, column: str, message: str) -> None:
    report.error(
        _("Regel %(number)d, kolom '%(column)s': %(error)s")
        % {"number": number, "column": column, "error": message}
    )


def parse_integer(raw: str, low: int, high: int) -> int:
    """An integer from low to high, written in the digits 0-9."""
    if not INTEGER.fullmatch(raw):
        raise CellError(
            _("'%(value)s' is geen geheel getal (alleen de cijfers 0-9).")
            % {"value": raw}
        )
    value = int(raw)
    if not low <= value <= high:
        raise CellError(
            _("%(value)s ligt niet tussen %(low)d en %(high)d.")
            % {"value": raw, "low": low, "high": high}
        )
    return value


def parse_decimal(raw: str, low: Decimal, high: Decimal, places: str) -> Decimal:
    """A number from low to high (a decimal point or comma), rounded to places."""
    if not DECIMAL.fullmatch(raw):
        raise CellError(
            _(
                "'%(value)s' is geen getal (alleen de cijfers 0-9 met een "
                "decimaalpunt of -komma, zoals 1.5)."
            )
            % {"value": raw}
        )
    try:
        value = Decimal(raw.replace(",", ".")).quantize(Decimal(places))
    except InvalidOperation:  # more digits than the quantum allows
        value = None
    if value is None or not low <= value <= high:
        raise CellError(
            _("%(value)s ligt niet tussen %(low)s en %(high)s.")
            % {"value": raw, "low": low, "high": high}
        )
    return value
