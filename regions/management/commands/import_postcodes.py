from pathlib import Path

from django.core.management.base import BaseCommand
from django.utils.translation import gettext as _

from .import_gemeenten import run


class Command(BaseCommand):
    @property
    def help(self) -> str:
        return _(
            "Importeer postcodes (PC4) per gemeente uit postcode4_gemeenten.csv. "
            "Zonder --commit is het een proefimport."
        )

    def add_arguments(self, parser):
        parser.add_argument("file", help=_("pad naar het CSV-bestand"))
        parser.add_argument("--commit", action="store_true", help=_("echt opslaan"))

    def handle(self, *args, **options):
        run(self, "postcodes", {"file": Path(options["file"])}, {}, options)
