"""Demo goals and milestones for the demo regions, marked demo.

Made up, like every demo plan: a few measurable goals per region that has a
plan, spread over the themes, some reached, one in four private (so the demo
shows that private goals stay off the public site)."""

import datetime

from regions.models import Region, RegioplanStatus, Theme

from .models import Goal, Milestone

GOALS = [
    (
        "ouderenzorg",
        "Meer kwetsbare ouderen met een individueel zorgplan",
        "Aandeel kwetsbare thuiswonende ouderen met een zorgplan",
        "30%",
        "60%",
    ),
    (
        "digitalisering-ict",
        "Alle praktijken delen gegevens met de huisartsenpost",
        "Aandeel praktijken met gegevensuitwisseling met de HAP",
        "55%",
        "100%",
    ),
    (
        "acute-zorg",
        "Minder verwijzingen naar de SEH buiten kantoortijd",
        "Verwijzingen naar de SEH per 1.000 inwoners in de ANW-uren",
        "14",
        "11",
    ),
    (
        "samenwerking-in-de-wijk",
        "Een vast wijkoverleg in elke gemeente",
        "Aandeel gemeenten met maandelijks wijkoverleg",
        "40%",
        "100%",
    ),
]
PLAN_STATUSES = {
    RegioplanStatus.OPENBAAR,
    RegioplanStatus.NIET_OPENBAAR,
    RegioplanStatus.IN_ONTWIKKELING,
}


def load() -> dict:
    """Demo goals for each demo region with a plan; returns counts."""
    themes = {t.slug: t for t in Theme.objects.all()}
    regions = Region.objects.filter(is_demo=True, status__in=PLAN_STATUSES)
    goals = milestones = 0
    for i, region in enumerate(regions.without_borders().order_by("name")):
        for j, (theme, title, indicator, baseline, target) in enumerate(GOALS):
            if theme not in themes or (i + j) % 3 == 2:
                continue
            goal = Goal.objects.create(
                region=region,
                title=title,
                theme=themes[theme],
                indicator=indicator,
                baseline=baseline,
                baseline_date=datetime.date(2024, 1, 1),
                target=target,
                target_date=datetime.date(2027, 12, 31),
                owner_id=region.regional_organisation_id,
                reached_on=datetime.date(2025, 1 + (i + j) % 12, 1)
                if (i + j) % 4 == 0
                else None,
                private=(i + j) % 4 == 3,
                is_demo=True,
            )
            goals += 1
            for k, (step, due, state) in enumerate(
                [
                    ("Nulmeting gedaan", datetime.date(2024, 6, 30), "gehaald"),
                    ("Werkwijze afgesproken", datetime.date(2025, 6, 30), "bezig"),
                    (
                        "Halverwege de streefwaarde",
                        datetime.date(2026, 12, 31),
                        "gepland",
                    ),
                ]
            ):
                if goal.reached_on and k:
                    state = Milestone.State.GEHAALD
                Milestone.objects.create(goal=goal, title=step, due=due, state=state)
                milestones += 1
    return {"goals": goals, "milestones": milestones}
