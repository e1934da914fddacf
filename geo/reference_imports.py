"""Imports of CBS reference tables per gemeente: postcodes (PC4), other region
layers (province, GGD-regio, veiligheidsregio, zorgkantoorregio) and the
distance to the nearest GP practice.

Like the other imports: validate the whole file first, report every problem in
Dutch, write only a file without errors, in one transaction.
"""

import csv
import io
import re
from decimal import Decimal, InvalidOperation

from django.db import transaction
from django.utils.translation import gettext as _

from .importers import Action, Change, ImportFileError, ImportReport, decode_csv
from .models import Gemeente, GemeenteZone, PostcodeArea, ZoneLayer


def read_rows(data: bytes, required: list[str], report: ImportReport):
    """(line number, row) for each data row; errors go to the report."""
    try:
        text = decode_csv(data)
    except ImportFileError as exc:
        report.error(str(exc))
        return []
    reader = csv.DictReader(io.StringIO(text))
    missing = [c for c in required if c not in (reader.fieldnames or [])]
    if missing:
        report.error(
            _("Kolom(men) ontbreken: %(columns)s.") % {"columns": ", ".join(missing)}
        )
        return []
    return [
        (number, {k: (v or "").strip() for k, v in row.items() if k})
        for number, row in enumerate(reader, start=2)
    ]


def parse_share(raw: str, number: int, report: ImportReport) -> Decimal | None:
    if raw == "":
        return None
    try:
        value = Decimal(raw)
    except InvalidOperation:
        value = None
    if value is None or not Decimal(0) <= value <= Decimal(1):
        report.error(
            _("Regel %(number)d: aandeel '%(value)s' ligt niet tussen 0 en 1.")
            % {"number": number, "value": raw}
        )
        return None
    return value.quantize(Decimal("0.001"))


def gemeente_ids(report: ImportReport, rows, column: str) -> dict[str, int]:
    known = dict(Gemeente.objects.values_list("code", "pk"))
    for number, row in rows:
        if row[column] not in known:
            report.error(
                _("Regel %(number)d: onbekende gemeentecode '%(code)s'.")
                % {"number": number, "code": row[column]}
            )
    return known


def _plan(report, old: dict, new: dict) -> None:
    for key in sorted(new.keys() | old.keys()):
        if key not in old:
            action = Action.NEW
        elif key not in new:
            action = Action.REMOVED
        else:
            action = Action.UNCHANGED if old[key] == new[key] else Action.CHANGED
        report.changes.append(Change(key, "", action))


class PostcodeImport:
    """postcode4_gemeenten.csv: postcode4, plaats, gemeente_code, aandeel_oppervlak."""

    def __init__(self, data: bytes):
        self.data = data
        self.rows: dict[str, list[tuple]] = {}

    def validate(self) -> ImportReport:
        report = ImportReport()
        rows = read_rows(self.data, ["postcode4", "plaats", "gemeente_code"], report)
        known = gemeente_ids(report, rows, "gemeente_code")
        for number, row in rows:
            if not re.fullmatch(r"[1-9]\d{3}", row["postcode4"]):
                report.error(
                    _("Regel %(number)d: '%(value)s' is geen postcode van 4 cijfers.")
                    % {"number": number, "value": row["postcode4"]}
                )
                continue
            share = parse_share(row.get("aandeel_oppervlak", ""), number, report)
            parts = self.rows.setdefault(row["postcode4"], [])
            if any(p[1] == known.get(row["gemeente_code"]) for p in parts):
                report.error(
                    _(
                        "Regel %(number)d: postcode %(postcode)s staat dubbel bij "
                        "dezelfde gemeente."
                    )
                    % {"number": number, "postcode": row["postcode4"]}
                )
            parts.append((row["plaats"][:100], known.get(row["gemeente_code"]), share))
        if report.ok:
            old: dict[str, list] = {}
            for postcode, place, gemeente_id, share in PostcodeArea.objects.values_list(
                "postcode4", "place", "gemeente_id", "share"
            ).order_by("postcode4", "gemeente_id"):
                old.setdefault(postcode, []).append((place, gemeente_id, share))
            new = {k: sorted(v, key=lambda p: p[1]) for k, v in self.rows.items()}
            _plan(report, old, new)
        return report

    def commit(self) -> ImportReport:
        report = self.validate()
        if not report.ok:
            return report
        with transaction.atomic():
            PostcodeArea.objects.all().delete()
            PostcodeArea.objects.bulk_create(
                (
                    PostcodeArea(
                        postcode4=postcode, place=place, gemeente_id=gid, share=share
                    )
                    for postcode, parts in self.rows.items()
                    for place, gid, share in parts
                ),
                batch_size=1000,
            )
        report.committed = True
        return report


class ZoneImport:
    """gemeente_regio_indelingen.csv (province, GGD-regio, veiligheidsregio) and
    zorgkantoorregios_2024.csv (zorgkantoorregio with the area share)."""

    LAYERS = {
        ZoneLayer.PROVINCIE: ("provincie_code", "provincie_naam"),
        ZoneLayer.GGD_REGIO: ("ggd_regio_code", "ggd_regio_naam"),
        ZoneLayer.VEILIGHEIDSREGIO: ("veiligheidsregio_code", "veiligheidsregio_naam"),
    }

    def __init__(self, indelingen: bytes, zorgkantoren: bytes):
        self.indelingen = indelingen
        self.zorgkantoren = zorgkantoren
        self.zones: dict[tuple[str, str], tuple] = {}

    def validate(self) -> ImportReport:
        report = ImportReport()
        columns = [c for pair in self.LAYERS.values() for c in pair]
        rows = read_rows(self.indelingen, ["code", *columns], report)
        known = gemeente_ids(report, rows, "code")
        for number, row in rows:
            for layer, (code, name) in self.LAYERS.items():
                if not row[code] or not row[name]:
                    report.error(
                        _("Regel %(number)d: kolom '%(column)s' is leeg.")
                        % {"number": number, "column": code}
                    )
                self.zones[(row["code"], layer)] = (row[code], row[name], None)
        zk = read_rows(
            self.zorgkantoren,
            ["gemeente_code", "zorgkantoorregio_code", "zorgkantoorregio_naam"],
            report,
        )
        gemeente_ids(report, zk, "gemeente_code")
        for number, row in zk:
            share = parse_share(row.get("aandeel_oppervlak", ""), number, report)
            self.zones[(row["gemeente_code"], ZoneLayer.ZORGKANTOORREGIO)] = (
                row["zorgkantoorregio_code"],
                row["zorgkantoorregio_naam"],
                share,
            )
        self.known = known
        if report.ok:
            rows = GemeenteZone.objects.values_list(
                "gemeente__code", "layer", "code", "name", "share"
            )
            old = {
                (g, layer): (code, name, share) for g, layer, code, name, share in rows
            }
            _plan(
                report,
                {f"{g} {layer}": v for (g, layer), v in old.items()},
                {f"{g} {layer}": v for (g, layer), v in self.zones.items()},
            )
        return report

    def commit(self) -> ImportReport:
        report = self.validate()
        if not report.ok:
            return report
        with transaction.atomic():
            GemeenteZone.objects.all().delete()
            GemeenteZone.objects.bulk_create(
                GemeenteZone(
                    gemeente_id=self.known[gemeente],
                    layer=layer,
                    code=code,
                    name=name,
                    share=share,
                )
                for (gemeente, layer), (code, name, share) in self.zones.items()
            )
        report.committed = True
        return report


class GpDistanceImport:
    """gemeenten_afstand_huisarts.csv: code, jaar, afstand_huisartsenpraktijk_km."""

    def __init__(self, data: bytes):
        self.data = data
        self.values: dict[str, tuple] = {}

    def validate(self) -> ImportReport:
        report = ImportReport()
        rows = read_rows(
            self.data, ["code", "jaar", "afstand_huisartsenpraktijk_km"], report
        )
        gemeente_ids(report, rows, "code")
        for number, row in rows:
            try:
                km = Decimal(row["afstand_huisartsenpraktijk_km"]).quantize(
                    Decimal("0.1")
                )
                year = int(row["jaar"])
            except (InvalidOperation, ValueError):
                report.error(
                    _("Regel %(number)d: afstand of jaar is geen getal.")
                    % {"number": number}
                )
                continue
            if not (Decimal(0) <= km < Decimal(100) and 2000 <= year <= 2100):
                report.error(
                    _("Regel %(number)d: afstand of jaar ligt buiten het bereik.")
                    % {"number": number}
                )
                continue
            self.values[row["code"]] = (km, year)
        if report.ok:
            old = {
                code: (km, year)
                for code, km, year in Gemeente.objects.filter(
                    afstand_huisarts_km__isnull=False
                ).values_list("code", "afstand_huisarts_km", "afstand_huisarts_year")
            }
            new_keys = {k: v for k, v in self.values.items()}
            for code in sorted(new_keys):
                action = (
                    Action.NEW
                    if code not in old
                    else Action.UNCHANGED
                    if old[code] == new_keys[code]
                    else Action.CHANGED
                )
                report.changes.append(Change(code, "", action))
        return report

    def commit(self) -> ImportReport:
        report = self.validate()
        if not report.ok:
            return report
        with transaction.atomic():
            gemeenten = list(Gemeente.objects.filter(code__in=self.values))
            for gemeente in gemeenten:
                km, year = self.values[gemeente.code]
                gemeente.afstand_huisarts_km = km
                gemeente.afstand_huisarts_year = year
            Gemeente.objects.bulk_update(
                gemeenten, ["afstand_huisarts_km", "afstand_huisarts_year"], 200
            )
        report.committed = True
        return report
