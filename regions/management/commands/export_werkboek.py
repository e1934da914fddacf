"""manage.py export_werkboek FILE [--leeg]: the workbook (regions.workbook)."""

from pathlib import Path

from django.core.management.base import BaseCommand
from django.utils.translation import gettext as _

from regions import workbook


class Command(BaseCommand):
    help = (
        "Schrijf het regiokaart-werkboek (XLSX) met de huidige gegevens, of met "
        "--leeg alleen de kolommen en de toelichting."
    )

    def add_arguments(self, parser):
        parser.add_argument("file", help="waar het werkboek komt (.xlsx)")
        parser.add_argument(
            "--leeg", action="store_true", help="alleen kolommen en toelichting"
        )

    def handle(self, *args, file, leeg, **options):
        Path(file).write_bytes(workbook.export_workbook(empty=leeg))
        self.stdout.write(_("Werkboek geschreven: %(file)s") % {"file": file})
