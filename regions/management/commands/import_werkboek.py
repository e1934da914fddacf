"""manage.py import_werkboek FILE [--commit]: the workbook (regions.workbook)."""

from pathlib import Path

from django.core.management.base import BaseCommand, CommandError
from django.utils.translation import gettext as _

from core.spreadsheets import SpreadsheetRefused
from regions import workbook


class Command(BaseCommand):
    help = (
        "Importeer een regiokaart-werkboek (XLSX): alle bladen in één keer, alles "
        "of niets. Een proefimport, tenzij --commit."
    )

    def add_arguments(self, parser):
        parser.add_argument("file", help="het werkboek (.xlsx)")
        parser.add_argument(
            "--commit", action="store_true", help="de wijzigingen echt opslaan"
        )

    def handle(self, *args, file, commit, **options):
        path = Path(file)
        if not path.is_file():
            raise CommandError(_("Bestand niet gevonden: %(file)s") % {"file": file})
        try:
            sheets = workbook.read_workbook(path.read_bytes())
        except SpreadsheetRefused as exc:
            raise CommandError(str(exc)) from None
        report = workbook.import_workbook(sheets, commit=commit, file_name=path.name)
        for sheet in report.sheets:
            self.stdout.write(sheet.summary())
            if options["verbosity"] > 1:
                for row in sheet.shown_rows:
                    changes = ", ".join(
                        f"{column}: ‘{old}’ → ‘{new}’"
                        for column, old, new in row.changes
                    )
                    self.stdout.write(
                        f"  {_('rij')} {row.line} {row.key}: {row.label}"
                        + (f" ({changes})" if changes else "")
                    )
        if not report.ok:
            for error in report.all_errors:
                self.stderr.write(error)
            raise CommandError(
                _("%(n)d fout(en); er is niets geïmporteerd.")
                % {"n": len(report.all_errors)}
            )
        if report.committed:
            self.stdout.write(_("Geïmporteerd."))
        else:
            self.stdout.write(
                _(
                    "Proefimport: er is niets opgeslagen. Gebruik --commit om op "
                    "te slaan."
                )
            )
