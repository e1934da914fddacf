from django.conf import settings
from django.core.management.base import BaseCommand
from django.utils.translation import gettext as _

from core import staging


class Command(BaseCommand):
    @property
    def help(self) -> str:  # argparse needs a str, so not gettext_lazy
        return _(
            "Verwijder geüploade importbestanden waarvan de import nooit is "
            "bevestigd of nooit klaar kwam. Zonder --commit wordt alleen getoond "
            "wat weg zou gaan."
        )

    def add_arguments(self, parser):
        parser.add_argument(
            "--hours",
            type=float,
            default=settings.IMPORT_STAGING_MAX_AGE_HOURS,
            help=_("ouder dan zoveel uur (standaard: %(default)s)"),
        )
        parser.add_argument(
            "--confirm-minutes",
            type=float,
            default=settings.IMPORT_STAGING_CONFIRM_MINUTES,
            help=_(
                "ook uploads waarvan de import zoveel minuten geleden begon en "
                "nooit klaar kwam (een gestopte worker) (standaard: %(default)s)"
            ),
        )
        parser.add_argument("--commit", action="store_true", help=_("echt verwijderen"))

    def handle(self, *args, **options):
        paths = sorted(
            {
                *staging.stale(options["hours"]),
                *staging.abandoned(options["confirm_minutes"]),
            }
        )
        for path in paths:
            if options["commit"]:
                path.unlink(missing_ok=True)
            if options["verbosity"] >= 2:
                self.stdout.write(f"  {path.name}")
        if options["commit"]:
            message = _("%(count)d bestand(en) verwijderd.")
        else:
            message = _("%(count)d bestand(en) zou(den) worden verwijderd (proef).")
        self.stdout.write(message % {"count": len(paths)})
