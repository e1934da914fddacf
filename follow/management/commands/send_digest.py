from django.conf import settings
from django.core.management.base import BaseCommand
from django.utils.translation import gettext as _

from follow import digest


class Command(BaseCommand):
    help = (
        "Mail every confirmed follower what changed in the last week, and delete "
        "subscriptions never confirmed. A dry run unless --commit."
    )

    def add_arguments(self, parser):
        parser.add_argument("--commit", action="store_true", help="really send")
        parser.add_argument(
            "--site-url",
            default=settings.REGIOKAART_SITE_URL,
            help="the site's address, for the links in the mail",
        )

    def handle(self, *args, commit, site_url, **options):
        summary = digest.run(site_url, commit, report=self.stdout.write)
        for email in summary.refused:
            self.stdout.write(
                _("%(email)s: geweigerd door de mailserver, afmelding verwijderd.")
                % {"email": email}
            )
        values = {
            "sent": summary.sent,
            "quiet": summary.quiet,
            "refused": len(summary.refused),
            "expired": summary.expired,
        }
        if commit:
            line = _(
                "%(sent)d overzicht(en) verstuurd, %(quiet)d zonder wijzigingen, "
                "%(refused)d adres(sen) geweigerd, %(expired)d onbevestigde "
                "aanmelding(en) verwijderd."
            )
        else:
            line = _(
                "%(sent)d overzicht(en) te versturen, %(quiet)d zonder wijzigingen, "
                "%(expired)d onbevestigde aanmelding(en) te verwijderen "
                "(proefdraai; --commit verstuurt)."
            )
        self.stdout.write(line % values)
