from django.core.management.base import BaseCommand

from geo.models import Gemeente
from regions.demo import load_demo
from regions.models import Region


class Command(BaseCommand):
    help = (
        "Laad de demogegevens (echte CBS-gemeenten, demoregio's) in een lege "
        "database. Doet niets als er al gegevens zijn, zodat bewerkingen blijven."
    )

    def handle(self, *args, **options):
        if Region.objects.exists() or Gemeente.objects.exists():
            self.stdout.write("Er staan al gegevens in de database; niets geladen.")
            return
        counts = load_demo()
        if options["verbosity"] == 0:
            return
        summary = ", ".join(f"{n} {what}" for what, n in counts.items())
        self.stdout.write(self.style.SUCCESS(f"Demogegevens geladen: {summary}."))
