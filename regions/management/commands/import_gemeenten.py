from django.core.management.base import BaseCommand, CommandError
from django.utils.translation import gettext as _

from geo.importers import Action, BoundaryImport
from regions import services


class Command(BaseCommand):
    @property
    def help(self) -> str:  # argparse needs a str, so not gettext_lazy
        return _(
            "Importeer gemeentegrenzen uit GeoJSON, GeoPackage of een gezipte "
            "Shapefile, in elk coördinatenstelsel. Zonder --commit is het een "
            "proefimport."
        )

    def add_arguments(self, parser):
        parser.add_argument("file", help=_("pad naar .geojson, .gpkg of .zip"))
        parser.add_argument("--code-column", default="code")
        parser.add_argument("--name-column", default="name")
        parser.add_argument("--province-column", default="province")
        parser.add_argument(
            "--fix-invalid",
            action="store_true",
            help=_("herstel ongeldige polygonen met shapely.make_valid"),
        )
        parser.add_argument("--commit", action="store_true", help=_("echt opslaan"))

    def handle(self, *args, **options):
        job = BoundaryImport(
            options["file"],
            code_column=options["code_column"],
            name_column=options["name_column"],
            province_column=options["province_column"],
            fix_invalid=options["fix_invalid"],
            progress=self.stdout.write,
            in_use=services.gemeente_codes_in_use(),
        )
        if options["commit"]:
            report = services.commit_gemeente_import(job)
        else:
            report = job.validate()
        report_to(self, report, options["verbosity"])


def report_to(command: BaseCommand, report, verbosity: int = 1) -> None:
    """Print an import report; errors end the command with a non-zero status."""
    if not report.ok:
        for error in report.shown_errors():
            command.stderr.write(error)
        raise CommandError(report.summary())
    for change in report.changes:
        if change.action != Action.UNCHANGED and verbosity >= 2:
            fields = f" ({', '.join(change.fields)})" if change.fields else ""
            command.stdout.write(
                f"  {change.action.label}: {change.code} {change.name}{fields}"
            )
    style = command.style.SUCCESS if report.committed else command.style.WARNING
    command.stdout.write(style(report.summary()))
