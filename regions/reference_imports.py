"""The registry of reference imports: every file of CBS reference data a curator
may upload, each with its title, upload form and job.

One flow for all of them (the admin's `regions/admin/imports.py` and the
management commands): read the file with geo's import class, `validate()` it
as a dry run, show the report, and on confirmation write it through
`commit()` — one transaction, the derived data rebuilt once and the import
logged by `services.commit_import`.
"""

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from django import forms
from django.conf import settings
from django.template.defaultfilters import filesizeformat
from django.utils.functional import Promise
from django.utils.translation import gettext_lazy as _

from geo.importers import BoundaryImport, ImportReport, KerncijfersImport
from geo.reference_imports import GpDistanceImport, PostcodeImport, ZoneImport

from . import services


def check_size(upload) -> None:
    limit = settings.IMPORT_MAX_UPLOAD_BYTES
    if upload.size > limit:
        raise forms.ValidationError(
            _("Het bestand is te groot (%(size)s); het maximum is %(limit)s.")
            % {"size": filesizeformat(upload.size), "limit": filesizeformat(limit)}
        )


def file_field(help_text="", required: bool = True, label=None) -> forms.FileField:
    """A file of at most IMPORT_MAX_UPLOAD_BYTES, not empty."""
    return forms.FileField(
        label=label or _("bestand"),
        help_text=help_text,
        required=required,
        validators=[check_size],
        error_messages={"empty": _("Het bestand is leeg.")},
    )


class UploadForm(forms.Form):
    """An upload: its files (the fields named in `file_fields`) and options."""

    file_fields = ("file",)
    file = file_field()

    def options(self) -> dict:
        """What the job needs besides the files; kept in the session, so JSON."""
        return {}

    def uploads(self) -> dict:
        return {
            name: self.cleaned_data[name]
            for name in self.file_fields
            if self.cleaned_data.get(name)
        }


class BoundaryUploadForm(UploadForm):
    file = file_field(
        _("GeoJSON (.geojson), GeoPackage (.gpkg) of gezipte Shapefile (.zip)")
    )
    code_column = forms.CharField(label=_("Kolom met de CBS-code"), initial="code")
    name_column = forms.CharField(label=_("Kolom met de naam"), initial="name")
    fix_invalid = forms.BooleanField(
        label=_("Ongeldige polygonen herstellen (make_valid)"), required=False
    )

    def options(self) -> dict:
        return {
            key: self.cleaned_data[key]
            for key in ("code_column", "name_column", "fix_invalid")
        }


class KerncijfersUploadForm(UploadForm):
    file = file_field(_("CSV in UTF-8, met kolom code en kolommen zoals inwoners"))
    year = forms.IntegerField(label=_("Peiljaar"), min_value=2000, max_value=2100)

    def options(self) -> dict:
        return {"year": self.cleaned_data["year"]}


class PostcodeUploadForm(UploadForm):
    file = file_field(
        _(
            "CSV in UTF-8 met de kolommen postcode4, plaats, gemeente_code en "
            "aandeel_oppervlak (zoals postcode4_gemeenten.csv). Het bestand "
            "vervangt alle postcodes."
        )
    )


class ZoneUploadForm(UploadForm):
    file_fields = ("indelingen", "zorgkantoren")
    file = None
    indelingen = file_field(
        _(
            "Provincie, GGD-regio en veiligheidsregio: CSV in UTF-8 met de kolommen "
            "code, provincie_code, provincie_naam, ggd_regio_code, ggd_regio_naam, "
            "veiligheidsregio_code en veiligheidsregio_naam "
            "(zoals gemeente_regio_indelingen.csv)."
        ),
        required=False,
        label=_("Indelingen"),
    )
    zorgkantoren = file_field(
        _(
            "Zorgkantoorregio: CSV in UTF-8 met de kolommen gemeente_code, "
            "zorgkantoorregio_code, zorgkantoorregio_naam en aandeel_oppervlak "
            "(zoals zorgkantoorregios_2024.csv)."
        ),
        required=False,
        label=_("Zorgkantoorregio's"),
    )

    def clean(self):
        cleaned = super().clean()
        if not self.errors and not self.uploads():
            raise forms.ValidationError(
                _(
                    "Kies minstens één bestand: de indelingen, de "
                    "zorgkantoorregio's of beide."
                )
            )
        return cleaned


class GpDistanceUploadForm(UploadForm):
    file = file_field(
        _(
            "CSV in UTF-8 met de kolommen code, jaar en "
            "afstand_huisartsenpraktijk_km (zoals gemeenten_afstand_huisarts.csv)."
        )
    )


def _bytes(path: Path | None) -> bytes | None:
    return path.read_bytes() if path else None


def boundary_job(files: dict, options: dict, progress=None) -> BoundaryImport:
    return BoundaryImport(
        files["file"],
        in_use=services.gemeente_codes_in_use(),
        progress=progress,
        **options,
    )


def kerncijfers_job(files: dict, options: dict, progress=None) -> KerncijfersImport:
    return KerncijfersImport(files["file"].read_bytes(), options["year"], progress)


def postcode_job(files: dict, options: dict, progress=None) -> PostcodeImport:
    return PostcodeImport(files["file"].read_bytes())


def zone_job(files: dict, options: dict, progress=None) -> ZoneImport:
    return ZoneImport(
        _bytes(files.get("indelingen")), _bytes(files.get("zorgkantoren"))
    )


def gp_distance_job(files: dict, options: dict, progress=None) -> GpDistanceImport:
    return GpDistanceImport(files["file"].read_bytes())


@dataclass(frozen=True)
class ImportKind:
    slug: str  # in the URL: /beheer/geo/gemeente/importeren/<slug>/
    title: Promise  # the page's title
    link: Promise  # the link to it, in the gemeenten list's object tools
    what: Promise  # "gegevens" in the import log
    form: type[UploadForm]
    job: Callable  # (files: {field: Path}, options, progress=None) -> an import
    borders: bool  # region borders follow (boundaries, figures), else the layer

    def commit(self, job, file_name: str = "", user=None) -> ImportReport:
        return services.commit_import(
            job, borders=self.borders, what=self.what, file_name=file_name, user=user
        )


KINDS = {
    kind.slug: kind
    for kind in (
        ImportKind(
            "grenzen",
            _("Gemeentegrenzen importeren"),
            _("Grenzen importeren"),
            _("gemeentegrenzen"),
            BoundaryUploadForm,
            boundary_job,
            borders=True,
        ),
        ImportKind(
            "kerncijfers",
            _("CBS-kerncijfers importeren"),
            _("Kerncijfers importeren"),
            _("CBS-kerncijfers"),
            KerncijfersUploadForm,
            kerncijfers_job,
            borders=True,
        ),
        ImportKind(
            "postcodes",
            _("Postcodes (PC4) importeren"),
            _("Postcodes importeren"),
            _("postcodes"),
            PostcodeUploadForm,
            postcode_job,
            borders=False,
        ),
        ImportKind(
            "indelingen",
            _(
                "Indelingen importeren (provincie, GGD-regio, veiligheidsregio, "
                "zorgkantoorregio)"
            ),
            _("Indelingen importeren"),
            _("indelingen"),
            ZoneUploadForm,
            zone_job,
            borders=False,
        ),
        ImportKind(
            "afstand-huisarts",
            _("Afstand tot de huisartsenpraktijk importeren"),
            _("Afstand huisarts importeren"),
            _("afstand tot de huisartsenpraktijk"),
            GpDistanceUploadForm,
            gp_distance_job,
            borders=False,
        ),
    )
}
