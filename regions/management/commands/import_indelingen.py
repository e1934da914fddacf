from pathlib import Path

from django.core.management.base import BaseCommand
from django.utils.translation import gettext as _

from .import_gemeenten import run


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
        files = {
            "indelingen": Path(options["indelingen"]),
            "zorgkantoren": Path(options["zorgkantoren"]),
        }
        run(self, "indelingen", files, {}, options)
