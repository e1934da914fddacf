from pathlib import Path

from django.core.management.base import BaseCommand
from django.utils.translation import gettext as _

from geo.importers import KerncijfersImport
from regions import services

from .import_gemeenten import report_to


class Command(BaseCommand):
    @property
    def help(self) -> str:  # argparse needs a str, so not gettext_lazy
        return _(
            "Importeer CBS-kerncijfers per gemeente uit een CSV-bestand (UTF-8, komma "
            "of puntkomma). Zonder --commit is het een proefimport."
        )

    def add_arguments(self, parser):
        parser.add_argument("file", help=_("pad naar het CSV-bestand"))
        parser.add_argument(
            "--year", type=int, required=True, help=_("peiljaar, bv. 2024")
        )
        parser.add_argument("--commit", action="store_true", help=_("echt opslaan"))

    def handle(self, *args, **options):
        job = KerncijfersImport(Path(options["file"]).read_bytes(), options["year"])
        if options["commit"]:
            report = services.commit_gemeente_import(job)
        else:
            report = job.validate()
        report_to(self, report, options["verbosity"])
