from pathlib import Path

from django.core.management.base import BaseCommand
from django.utils.translation import gettext as _

from geo.reference_imports import ZoneImport
from regions import services

from .import_gemeenten import report_to


class Command(BaseCommand):
    @property
    def help(self) -> str:
        return _(
            "Importeer per gemeente de provincie, GGD-regio, veiligheidsregio "
            "(gemeente_regio_indelingen.csv) en zorgkantoorregio "
            "(zorgkantoorregios_2024.csv). Zonder --commit is het een proefimport."
        )

    def add_arguments(self, parser):
        parser.add_argument(
            "indelingen", help=_("pad naar gemeente_regio_indelingen.csv")
        )
        parser.add_argument(
            "zorgkantoren", help=_("pad naar zorgkantoorregios_2024.csv")
        )
        parser.add_argument("--commit", action="store_true", help=_("echt opslaan"))

    def handle(self, *args, **options):
        job = ZoneImport(
            Path(options["indelingen"]).read_bytes(),
            Path(options["zorgkantoren"]).read_bytes(),
        )
        report = (
            services.commit_reference_import(job)
            if options["commit"]
            else job.validate()
        )
        report_to(self, report, options["verbosity"])
