from pathlib import Path

from django.core.management.base import BaseCommand
from django.utils.translation import gettext as _

from .import_gemeenten import run


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
        files = {"file": Path(options["file"])}
        run(self, "kerncijfers", files, {"year": options["year"]}, options)
