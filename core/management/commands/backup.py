from pathlib import Path

from django.core.management.base import BaseCommand
from django.utils.translation import gettext as _

from core import backup


class Command(BaseCommand):
    @property
    def help(self) -> str:  # argparse needs a str, so not gettext_lazy
        return _(
            "Maak een back-up van de hele database en de geüploade bestanden in één "
            ".tar.gz-bestand (terugzetten: manage.py restore)."
        )

    def add_arguments(self, parser):
        parser.add_argument("file", help=_("pad naar het .tar.gz-bestand"))
        parser.add_argument(
            "--keep",
            type=int,
            default=0,
            help=_(
                "bewaar alleen de nieuwste zoveel back-ups met dezelfde naam en "
                "een andere datum in die map (standaard: alle)"
            ),
        )

    def handle(self, *args, **options):
        counts = backup.backup(Path(options["file"]))
        self.stdout.write(
            _(
                "Back-up geschreven: %(file)s (%(bytes)d bytes gegevens, "
                "%(files)d bestanden)."
            )
            % {"file": options["file"], **counts}
        )
        if options["keep"] > 0:
            removed = backup.rotate(Path(options["file"]), options["keep"])
            self.stdout.write(
                _("%(count)d oude back-up(s) verwijderd.") % {"count": len(removed)}
            )
