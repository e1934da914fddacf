from pathlib import Path

from django.core.management.base import BaseCommand, CommandError
from django.utils.translation import gettext as _

from core import backup, generation


class Command(BaseCommand):
    @property
    def help(self) -> str:  # argparse needs a str, so not gettext_lazy
        return _(
            "Zet een back-up (manage.py backup) terug in een lege, gemigreerde "
            "database, met de geüploade bestanden."
        )

    def add_arguments(self, parser):
        parser.add_argument("file", help=_("pad naar het .tar.gz-bestand"))

    def handle(self, *args, **options):
        try:
            counts = backup.restore(Path(options["file"]))
        except backup.RestoreError as exc:
            raise CommandError(str(exc)) from exc
        generation.bump()
        self.stdout.write(_("Back-up teruggezet (%(files)d bestanden).") % counts)
