from collections import Counter

from django.core.management.base import BaseCommand
from django.utils.translation import gettext as _

from plans.search import index
from regions.models import Region


class Command(BaseCommand):
    help = (
        "Index the text of every public regioplan and regiobeeld for the search "
        "inside plans; documents no longer public leave the index. A dry run "
        "unless --commit."
    )

    def add_arguments(self, parser):
        parser.add_argument("--commit", action="store_true", help="really index")
        parser.add_argument(
            "--force", action="store_true", help="read unchanged documents again"
        )

    def handle(self, *args, commit, force, **options):
        counts: Counter = Counter()
        states: Counter = Counter()
        regions = Region.objects.without_borders().select_related("regiobeeld")
        for region in regions:
            for kind in index.Kind.values:
                action = index.pending(region, kind, force)
                if action is None:
                    continue
                counts[action] += 1
                line = f"{region.name} ({kind}): {action}"
                if commit and action != index.Action.UNCHANGED:
                    plan_text = index.index_document(region, kind, force)
                    if plan_text is not None:
                        states[plan_text.get_state_display()] += 1
                        line += f" → {plan_text.get_state_display()}"
                        line += f", {plan_text.pages_indexed}/{plan_text.page_count}"
                if action != index.Action.UNCHANGED or options["verbosity"] > 1:
                    self.stdout.write(line)
        numbers = {
            "index": counts[index.Action.INDEX],
            "remove": counts[index.Action.REMOVE],
            "unchanged": counts[index.Action.UNCHANGED],
        }
        if commit:
            summary = _(
                "%(index)d document(en) gelezen, %(remove)d uit de zoekfunctie "
                "gehaald, %(unchanged)d ongewijzigd."
            )
        else:
            summary = _(
                "%(index)d document(en) te lezen, %(remove)d uit de zoekfunctie te "
                "halen, %(unchanged)d ongewijzigd (proefdraai; --commit voert uit)."
            )
        self.stdout.write(summary % numbers)
        for state, n in sorted(states.items()):
            self.stdout.write(f"  {state}: {n}")
