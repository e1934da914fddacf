"""Imports of CBS reference tables per gemeente: postcodes (PC4), other region
layers (province, GGD-regio, veiligheidsregio, zorgkantoorregio) and the
distance to the nearest GP practice.

The same interface as `importers.BoundaryImport` and `KerncijfersImport`:
`validate()` is the dry run (it reads the whole file, writes nothing and
returns an `ImportReport` with every problem in Dutch, or what would be new,
changed, unchanged or removed); `commit()` validates again and writes only a
file without errors, in one transaction. The management commands and the
admin's upload pages use these same classes.
"""

import re
from decimal import Decimal

from django.db import transaction
from django.utils.translation import gettext as _

from . import csvfiles
from .importers import Action, Change, ImportReport, update_gemeenten
from .models import Gemeente, GemeenteZone, PostcodeArea, ZoneLayer

POSTCODE = re.compile(r"[1-9][0-9]{3}", re.ASCII)
PLACE_MAX_CHARS = PostcodeArea._meta.get_field("place").max_length
ZONE_CODE_MAX_CHARS = GemeenteZone._meta.get_field("code").max_length
ZONE_NAME_MAX_CHARS = GemeenteZone._meta.get_field("name").max_length


def known_gemeenten() -> dict[str, tuple[int, str]]:
    """code -> (pk, name) of every gemeente, in one query."""
    return {
        code: (pk, name)
        for code, pk, name in Gemeente.objects.values_list("code", "pk", "name")
    }


def check_gemeente(report, number: int, column: str, code: str, known) -> bool:
    if code in known:
        return True
    csvfiles.cell_error(
        report,
        number,
        column,
        _(
            "onbekende gemeentecode '%(code)s' (alleen codes van gemeenten die er "
            "al zijn, zoals GM0363; importeer eerst de gemeentegrenzen)."
        )
        % {"code": code},
    )
    return False


def check_text(report, number: int, column: str, value: str, limit: int) -> bool:
    if not value:
        csvfiles.cell_error(report, number, column, _("de cel is leeg."))
        return False
    if len(value) > limit:
        csvfiles.cell_error(
            report,
            number,
            column,
            _("'%(value)s…' is langer dan %(limit)d tekens.")
            % {"value": value[:20], "limit": limit},
        )
        return False
    return True


def parse_share(report, number: int, column: str, raw: str) -> Decimal | None:
    """An area share from 0 to 1, or empty."""
    if raw == "":
        return None
    try:
        return csvfiles.parse_decimal(raw, Decimal(0), Decimal(1), "0.001")
    except csvfiles.CellError as exc:
        csvfiles.cell_error(report, number, column, str(exc))
        return None


def check_duplicate(report, number: int, key: str, seen: dict) -> bool:
    if key in seen:
        report.error(
            _("Regel %(number)d: %(key)s komt dubbel voor (ook op regel %(other)d).")
            % {"number": number, "key": key, "other": seen[key]}
        )
        return False
    seen[key] = number
    return True


class PostcodeImport:
    """postcode4_gemeenten.csv: postcode4, plaats, gemeente_code,
    aandeel_oppervlak (optional). The file is the whole table: postcodes not in
    it are removed."""

    REQUIRED = ["postcode4", "plaats", "gemeente_code"]

    def __init__(self, data: bytes):
        self.data = data
        self.rows: dict[str, list[tuple]] = {}

    def validate(self) -> ImportReport:
        report = ImportReport()
        self.rows = {}
        _columns, rows = csvfiles.read_table(self.data, self.REQUIRED, report)
        if not report.ok:
            return report
        known = known_gemeenten()
        seen: dict[str, int] = {}
        for number, row in rows:
            postcode, code = row["postcode4"], row["gemeente_code"].upper()
            if not POSTCODE.fullmatch(postcode):
                csvfiles.cell_error(
                    report,
                    number,
                    "postcode4",
                    _(
                        "'%(value)s' is geen postcode van 4 cijfers (1000 tot en "
                        "met 9999, zonder letters)."
                    )
                    % {"value": postcode},
                )
                continue
            place = row["plaats"]
            if len(place) > PLACE_MAX_CHARS:
                check_text(report, number, "plaats", place, PLACE_MAX_CHARS)
            share = parse_share(
                report, number, "aandeel_oppervlak", row.get("aandeel_oppervlak", "")
            )
            if not check_gemeente(report, number, "gemeente_code", code, known):
                continue
            if not check_duplicate(report, number, f"{postcode} {code}", seen):
                continue
            self.rows.setdefault(postcode, []).append((place, known[code][0], share))
        if report.ok:
            self._plan(report)
        return report

    def _plan(self, report: ImportReport) -> None:
        old: dict[str, list] = {}
        for postcode, place, gemeente_id, share in PostcodeArea.objects.values_list(
            "postcode4", "place", "gemeente_id", "share"
        ).order_by("postcode4", "gemeente_id"):
            old.setdefault(postcode, []).append((place, gemeente_id, share))
        new = {k: sorted(v, key=lambda p: p[1]) for k, v in self.rows.items()}
        for postcode in sorted(new.keys() | old.keys()):
            if postcode not in old:
                report.changes.append(Change(postcode, new[postcode][0][0], Action.NEW))
            elif postcode not in new:
                report.changes.append(
                    Change(postcode, old[postcode][0][0], Action.REMOVED)
                )
            else:
                was, now = old[postcode], new[postcode]
                fields = [
                    label
                    for label, index in (
                        (_("plaats"), 0),
                        (_("gemeente"), 1),
                        (_("aandeel"), 2),
                    )
                    if [p[index] for p in was] != [p[index] for p in now]
                ]
                action = Action.CHANGED if fields else Action.UNCHANGED
                report.changes.append(Change(postcode, now[0][0], action, fields))

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
    zorgkantoorregios_2024.csv (zorgkantoorregio with the area share); either
    or both. Each file replaces the layers it holds, for every gemeente."""

    LAYERS = {
        ZoneLayer.PROVINCIE: ("provincie_code", "provincie_naam"),
        ZoneLayer.GGD_REGIO: ("ggd_regio_code", "ggd_regio_naam"),
        ZoneLayer.VEILIGHEIDSREGIO: ("veiligheidsregio_code", "veiligheidsregio_naam"),
    }
    ZORGKANTOOR = ("zorgkantoorregio_code", "zorgkantoorregio_naam")

    def __init__(self, indelingen: bytes | None, zorgkantoren: bytes | None = None):
        self.indelingen = indelingen
        self.zorgkantoren = zorgkantoren
        self.zones: dict[tuple[str, str], tuple] = {}
        self.known: dict[str, tuple[int, str]] = {}

    @property
    def layers(self) -> list[str]:
        """The layers this import replaces."""
        return [*(self.LAYERS if self.indelingen is not None else ())] + (
            [ZoneLayer.ZORGKANTOORREGIO] if self.zorgkantoren is not None else []
        )

    def validate(self) -> ImportReport:
        report = ImportReport()
        self.zones = {}
        if self.indelingen is None and self.zorgkantoren is None:
            report.error(_("Kies minstens één bestand."))
            return report
        self.known = known_gemeenten()
        if self.indelingen is not None:
            self._read(
                report,
                self.indelingen,
                "code",
                [
                    (layer, code, name, None)
                    for layer, (code, name) in self.LAYERS.items()
                ],
            )
        if self.zorgkantoren is not None:
            code, name = self.ZORGKANTOOR
            self._read(
                report,
                self.zorgkantoren,
                "gemeente_code",
                [(ZoneLayer.ZORGKANTOORREGIO, code, name, "aandeel_oppervlak")],
            )
        if report.ok:
            self._plan(report)
        return report

    def _read(self, report, data: bytes, gemeente_column: str, layers) -> None:
        required = [gemeente_column]
        for _layer, code, name, _share in layers:
            required += [code, name]
        errors = len(report.errors)
        _columns, rows = csvfiles.read_table(data, required, report)
        if len(report.errors) > errors:
            return
        seen: dict[str, int] = {}
        for number, row in rows:
            gemeente = row[gemeente_column].upper()
            if not check_gemeente(
                report, number, gemeente_column, gemeente, self.known
            ):
                continue
            if not check_duplicate(report, number, gemeente, seen):
                continue
            for layer, code, name, share_column in layers:
                ok = check_text(report, number, code, row[code], ZONE_CODE_MAX_CHARS)
                ok &= check_text(report, number, name, row[name], ZONE_NAME_MAX_CHARS)
                share = (
                    parse_share(report, number, share_column, row.get(share_column, ""))
                    if share_column
                    else None
                )
                if ok:
                    self.zones[(gemeente, layer)] = (row[code], row[name], share)

    def _plan(self, report: ImportReport) -> None:
        old = {
            (g, layer): (code, name, share)
            for g, layer, code, name, share in GemeenteZone.objects.filter(
                layer__in=self.layers
            ).values_list("gemeente__code", "layer", "code", "name", "share")
        }
        labels = dict(ZoneLayer.choices)
        gemeenten = {g for g, _layer in old} | {g for g, _layer in self.zones}
        for gemeente in sorted(gemeenten):
            keys = [(gemeente, layer) for layer in self.layers]
            had = any(key in old for key in keys)
            has = any(key in self.zones for key in keys)
            name = self.known.get(gemeente, (None, ""))[1]
            if not had:
                report.changes.append(Change(gemeente, name, Action.NEW))
            elif not has:
                report.changes.append(Change(gemeente, name, Action.REMOVED))
            else:
                fields = [
                    str(labels[layer])
                    for (_g, layer) in keys
                    if old.get((gemeente, layer)) != self.zones.get((gemeente, layer))
                ]
                action = Action.CHANGED if fields else Action.UNCHANGED
                report.changes.append(Change(gemeente, name, action, fields))

    def commit(self) -> ImportReport:
        report = self.validate()
        if not report.ok:
            return report
        with transaction.atomic():
            GemeenteZone.objects.filter(layer__in=self.layers).delete()
            GemeenteZone.objects.bulk_create(
                (
                    GemeenteZone(
                        gemeente_id=self.known[gemeente][0],
                        layer=layer,
                        code=code,
                        name=name,
                        share=share,
                    )
                    for (gemeente, layer), (code, name, share) in self.zones.items()
                ),
                batch_size=1000,
            )
        report.committed = True
        return report


class GpDistanceImport:
    """gemeenten_afstand_huisarts.csv: code, jaar, afstand_huisartsenpraktijk_km.
    Gemeenten not in the file keep their value."""

    DISTANCE = "afstand_huisartsenpraktijk_km"
    REQUIRED = ["code", "jaar", DISTANCE]

    def __init__(self, data: bytes):
        self.data = data
        self.values: dict[str, tuple] = {}

    def validate(self) -> ImportReport:
        report = ImportReport()
        self.values = {}
        _columns, rows = csvfiles.read_table(self.data, self.REQUIRED, report)
        if not report.ok:
            return report
        known = known_gemeenten()
        seen: dict[str, int] = {}
        for number, row in rows:
            code = row["code"].upper()
            if not check_gemeente(report, number, "code", code, known):
                continue
            if not check_duplicate(report, number, code, seen):
                continue
            try:
                km = csvfiles.parse_decimal(
                    row[self.DISTANCE], Decimal(0), Decimal("99.9"), "0.1"
                )
            except csvfiles.CellError as exc:
                csvfiles.cell_error(report, number, self.DISTANCE, str(exc))
                km = None
            try:
                year = csvfiles.parse_integer(row["jaar"], 2000, 2100)
            except csvfiles.CellError as exc:
                csvfiles.cell_error(report, number, "jaar", str(exc))
                year = None
            if km is not None and year is not None:
                self.values[code] = (km, year)
        if report.ok:
            old = {
                code: (name, (km, year))
                for code, name, km, year in Gemeente.objects.filter(
                    code__in=self.values
                ).values_list(
                    "code", "name", "afstand_huisarts_km", "afstand_huisarts_year"
                )
            }
            for code in sorted(self.values):
                name, was = old[code]
                now = self.values[code]
                fields = [
                    label
                    for label, index in ((_("afstand"), 0), (_("jaar"), 1))
                    if was[index] != now[index]
                ]
                if was[0] is None:
                    action = Action.NEW
                else:
                    action = Action.CHANGED if fields else Action.UNCHANGED
                report.changes.append(Change(code, name, action, fields))
        return report

    def commit(self) -> ImportReport:
        report = self.validate()
        if not report.ok:
            return report
        write = {
            change.code
            for change in report.changes
            if change.action in (Action.NEW, Action.CHANGED)
        }
        with transaction.atomic():
            update_gemeenten(
                ["afstand_huisarts_km", "afstand_huisarts_year"],
                {
                    code: {
                        "afstand_huisarts_km": km,
                        "afstand_huisarts_year": year,
                    }
                    for code, (km, year) in self.values.items()
                    if code in write
                },
            )
        report.committed = True
        return report
