from pathlib import Path

from django.core.management.base import BaseCommand
from django.utils.translation import gettext as _

from geo.reference_imports import GpDistanceImport
from regions import services

from .import_gemeenten import report_to


class Command(BaseCommand):
    @property
    def help(self) -> str:
        return _(
            "Importeer de CBS-afstand tot de dichtstbijzijnde huisartsenpraktijk per "
            "gemeente (gemeenten_afstand_huisarts.csv). Zonder --commit is het een "
            "proefimport."
        )

    def add_arguments(self, parser):
        parser.add_argument("file", help=_("pad naar het CSV-bestand"))
        parser.add_argument("--commit", action="store_true", help=_("echt opslaan"))

    def handle(self, *args, **options):
        job = GpDistanceImport(Path(options["file"]).read_bytes())
        report = (
            services.commit_reference_import(job)
            if options["commit"]
            else job.validate()
        )
        report_to(self, report, options["verbosity"])
