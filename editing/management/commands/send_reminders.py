from django.conf import settings
from django.core.management.base import BaseCommand
from django.db import transaction
from django.utils.translation import gettext as _

from editing import reminders


class Command(BaseCommand):
    help = (
        "Mail the editors of regions not confirmed for REGIOKAART_REMINDER_MONTHS "
        "months (at most once per period). A dry run unless --commit."
    )

    def add_arguments(self, parser):
        parser.add_argument("--commit", action="store_true", help="really send")
        parser.add_argument(
            "--site-url",
            default=settings.REGIOKAART_SITE_URL,
            help="the site's address, for the link in the mail",
        )

    def handle(self, *args, commit, site_url, **options):
        due = reminders.due_reminders()
        for reminder in due:
            self.stdout.write(f"{reminder.region.name}: {reminder.email}")
            if commit:
                with transaction.atomic():
                    reminders.send_reminder(reminder, site_url)
        if commit:
            summary = _("%(n)d herinnering(en) verstuurd.")
        else:
            summary = _(
                "%(n)d herinnering(en) te versturen (proefdraai; --commit verstuurt)."
            )
        self.stdout.write(summary % {"n": len(due)})
