from pathlib import Path

from django.core.management.base import BaseCommand, CommandError
from django.utils.translation import gettext as _

from geo.importers import Action
from regions.reference_imports import KINDS


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
        run(
            self,
            "grenzen",
            {"file": Path(options["file"])},
            {
                "code_column": options["code_column"],
                "name_column": options["name_column"],
                "province_column": options["province_column"],
                "fix_invalid": options["fix_invalid"],
            },
            options,
            progress=self.stdout.write,
        )


def run(
    command: BaseCommand,
    slug: str,
    files: dict,
    job_options: dict,
    options,
    progress=None,
):
    """The admin's flow on the command line: the same job from the registry,
    a dry run unless --commit, then the report."""
    kind = KINDS[slug]
    missing = [str(path) for path in files.values() if path and not path.is_file()]
    if missing:
        raise CommandError(_("Bestand niet gevonden: %(path)s") % {"path": missing[0]})
    job = kind.job(files, job_options, progress=progress)
    if options["commit"]:
        names = ", ".join(path.name for path in files.values() if path)
        report = kind.commit(job, file_name=names)
    else:
        report = job.validate()
    report_to(command, report, options["verbosity"])


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
