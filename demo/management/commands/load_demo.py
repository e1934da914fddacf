from django.core.management.base import BaseCommand
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from demo.loader import load_demo
from geo.models import Gemeente
from regions.models import Region


class Command(BaseCommand):
    @property
    def help(self) -> str:  # argparse needs a str, so not gettext_lazy
        return _(
            "Laad de demogegevens (echte CBS-gemeenten, demoregio's) in een lege "
            "database. Doet niets als er al gegevens zijn, zodat bewerkingen blijven."
        )

    def handle(self, *args, **options):
        if Region.objects.exists() or Gemeente.objects.exists():
            self.stdout.write(_("Er staan al gegevens in de database; niets geladen."))
            return
        counts = load_demo()
        if options["verbosity"] == 0:
            return
        gemeenten, regions = counts["gemeenten"], counts["regio's"]
        summary = _("Demogegevens geladen: %(gemeenten)s, %(regions)s.") % {
            "gemeenten": ngettext(
                "%(count)d gemeente", "%(count)d gemeenten", gemeenten
            )
            % {"count": gemeenten},
            "regions": ngettext("%(count)d regio", "%(count)d regio's", regions)
            % {"count": regions},
        }
        self.stdout.write(self.style.SUCCESS(summary))
