"""manage.py setup_site: the real reference data, idempotently (regions.reference)."""

from django.core.management.base import BaseCommand, CommandError
from django.db import transaction

from geo.importers import ImportFileError
from regions import reference


class Command(BaseCommand):
    help = (
        "Laad de echte referentiegegevens uit fixtures/ (CBS-gemeenten met grenzen "
        "en kerncijfers, postcodes, indelingen, afstand tot de huisarts) en de "
        "thema's. Verzint niets; opnieuw draaien verandert niets wat er al is."
    )

    def handle(self, *args, **options):
        try:
            with transaction.atomic():
                counts = reference.setup_site()
        except ImportFileError as error:
            raise CommandError(f"Niets geladen: {error}") from None
        summary = ", ".join(f"{n} {kind}" for kind, n in counts.items())
        self.stdout.write(f"Referentiegegevens geladen: {summary}.")
