"""Plan elements over time on /voortgang/: per month, in how many regions' plans
each element of a good regioplan was present or partly present, reconstructed
from PlanElement's history (progress.element_history)."""

import datetime
import re

import pytest
from django.urls import reverse
from django.utils import timezone

from plans.models import PlanElement
from progress import stats
from progress.element_history import load_element_timeline

from .test_progress import add_change

pytestmark = pytest.mark.django_db

D = datetime.date
ICT = "Aparte ICT-visie"


def on(day: datetime.date) -> datetime.datetime:
    return timezone.make_aware(datetime.datetime.combine(day, datetime.time(10)))


def saved(element: PlanElement, day: datetime.date, **fields) -> PlanElement:
    """Save (or create) an element as an editor would, dated `day`."""
    for name, value in fields.items():
        setattr(element, name, value)
    element.save()
    PlanElement.history.filter(history_id=element.history.latest().history_id).update(
        history_date=on(day)
    )
    return element


def deleted(element: PlanElement, day: datetime.date) -> None:
    pk = element.pk
    element.delete()
    PlanElement.history.filter(id=pk, history_type="-").update(history_date=on(day))


def ict(point) -> tuple[int, int]:
    count = point.elements["ict_visie"]
    return count.present, count.partly


def test_element_counts_per_month_follow_the_history(world):
    a = PlanElement(region=world.region_a, element="ict_visie")
    saved(a, D(2024, 2, 10))  # created, unknown
    saved(a, D(2024, 5, 3), state="deels")
    saved(a, D(2024, 9, 20), state="aanwezig")
    b = saved(
        PlanElement(region=world.region_b, element="ict_visie", state="aanwezig"),
        D(2024, 3, 1),
    )
    deleted(b, D(2025, 1, 15))
    saved(
        PlanElement(region=world.region_c, element="monitoring", state="deels"),
        D(2024, 11, 1),
    )
    points = {p.day: p for p in stats.monthly(today=D(2025, 3, 15))}
    assert min(points) == D(2024, 2, 29)  # the chart starts with the history
    assert ict(points[D(2024, 2, 29)]) == (0, 0)
    assert ict(points[D(2024, 3, 31)]) == (1, 0)
    assert ict(points[D(2024, 5, 31)]) == (1, 1)
    assert ict(points[D(2024, 9, 30)]) == (2, 0)
    assert ict(points[D(2025, 1, 31)]) == (1, 0)
    assert points[D(2024, 10, 31)].elements["monitoring"].partly == 0
    assert points[D(2024, 11, 30)].elements["monitoring"].partly == 1
    assert points[D(2024, 11, 30)].elements["governance"].present == 0


def test_history_row_counts_from_its_local_day_on(world):
    element = saved(
        PlanElement(region=world.region_a, element="ict_visie"), D(2024, 1, 5)
    )
    element.state = "aanwezig"
    element.save()
    # 00:30 on 1 June in Amsterdam is still 31 May in UTC.
    moment = datetime.datetime(2024, 5, 31, 22, 30, tzinfo=datetime.UTC)
    PlanElement.history.filter(history_id=element.history.latest().history_id).update(
        history_date=moment
    )
    timeline = load_element_timeline()
    key = (world.region_a.pk, "ict_visie")
    assert timeline.state_on(key, D(2024, 5, 31)) == "onbekend"
    assert timeline.state_on(key, D(2024, 6, 1)) == "aanwezig"
    assert timeline.state_on(key, D(2024, 1, 4)) is None  # not created yet


def test_element_without_history_counts_only_while_its_region_existed(world):
    # Rows written in bulk (an import, the demo) leave no history: they count
    # as they are now, but not before their region existed.
    PlanElement.objects.bulk_create(
        [
            PlanElement(region=world.region_b, element="ict_visie", state="aanwezig"),
            PlanElement(region=world.region_c, element="ict_visie", state="deels"),
        ]
    )
    add_change(world.region_c, D(2024, 1, 1), "onbekend", "in_ontwikkeling")
    add_change(world.region_b, D(2024, 6, 1), "", "niet_openbaar")  # created then
    points = {p.day: p for p in stats.monthly(today=D(2024, 7, 10))}
    may, june = points[D(2024, 5, 31)], points[D(2024, 6, 30)]
    assert ict(may) == (0, 1) and may.total == 2
    assert may.counts["niet_openbaar"] == 0  # a region not yet is in no status
    assert ict(june) == (1, 1) and june.total == 3


def test_history_that_started_while_the_element_existed(world):
    # An element whose first history row is a change existed before it, with
    # the state that row recorded.
    element = saved(
        PlanElement(region=world.region_a, element="governance", state="deels"),
        D(2024, 4, 1),
    )
    PlanElement.history.filter(id=element.pk).update(history_type="~")
    saved(element, D(2024, 8, 1), state="aanwezig")
    timeline = load_element_timeline()
    key = (world.region_a.pk, "governance")
    assert timeline.state_on(key, D(2023, 1, 1)) == "deels"
    assert timeline.state_on(key, D(2024, 7, 31)) == "deels"
    assert timeline.state_on(key, D(2024, 8, 1)) == "aanwezig"


def test_this_month_always_agrees_with_the_elements_now(world):
    # A change that left no history row (a fix in the shell, an update in bulk)
    # shows from the last history row on, so this month is what the table of
    # now says.
    element = saved(
        PlanElement(region=world.region_a, element="ict_visie"), D(2024, 4, 1)
    )
    saved(element, D(2024, 9, 1), state="deels")
    PlanElement.objects.filter(pk=element.pk).update(state="aanwezig")
    points = {p.day: p for p in stats.monthly(today=D(2025, 3, 15))}
    assert ict(points[D(2024, 8, 31)]) == (0, 0)
    assert ict(points[D(2024, 9, 30)]) == (1, 0)
    assert ict(points[D(2025, 3, 15)]) == (1, 0)
    assert stats.element_rows(points[D(2025, 3, 15)])[1].present == 1


def test_element_timeline_is_read_in_two_queries(world, django_assert_num_queries):
    for kind in ("ict_visie", "governance", "opgaven"):
        element = PlanElement.objects.create(region=world.region_a, element=kind)
        for state in ("deels", "aanwezig", "afwezig"):
            saved(element, D(2024, 3, 1), state=state)
    with django_assert_num_queries(2):
        timeline = load_element_timeline()
    assert len(timeline.steps[(world.region_a.pk, "opgaven")]) == 4


def test_progress_page_draws_a_small_chart_per_element_and_a_table(client, world):
    element = saved(
        PlanElement(region=world.region_a, element="ict_visie"), D(2024, 2, 10)
    )
    saved(element, D(2024, 5, 3), state="deels")
    saved(element, D(2024, 9, 20), state="aanwezig")
    response = client.get(reverse("progress:index"))
    html = response.content.decode()
    charts = re.findall(
        r'<svg [^>]*aria-labelledby="grafiek-onderdeel-(\w+)-titel', html
    )
    assert charts == [
        "missie_visie",
        "ict_visie",
        "governance",
        "opgaven",
        "activiteiten",
        "monitoring",
        "draagvlak",
    ]
    assert f'<title id="grafiek-onderdeel-ict_visie-titel">{ICT}</title>' in html
    assert ": 1 aanwezig en 0 deels, van 3 regio's." in html  # its description
    # The ICT chart: one path per series (present, partly), not a rect per
    # bar; the numbers per month are in the table twin below.
    ict_svg = html.split('id="grafiek-onderdeel-ict_visie-titel"')[1].split("</svg>")[0]
    assert "<rect" not in ict_svg
    assert ict_svg.count("<path") == 2
    assert '<path class="bar element-present" d="M' in ict_svg
    assert '<path class="bar element-partly" d="M' in ict_svg
    assert "<title>aanwezig</title>" in ict_svg and "<title>deels</title>" in ict_svg
    # The table twin: a row per month, two columns per element.
    table = html.split("elk onderdeel bevatte, op de laatste dag")[1].split("</table>")[
        0
    ]
    assert '<th scope="colgroup" colspan="2">Aparte ICT-visie</th>' in table
    assert re.search(
        r"<th scope=\"row\">mei 2024</th><td>3</td><td>0</td><td>0</td>"
        r"<td>0</td><td>1</td>",
        table,
    )
    assert response.context["elements"][1].present == 1  # the table of now


def test_demo_elements_get_a_demo_history_that_ends_at_their_state(world):
    from progress import demo

    demo_element, real_element = PlanElement.objects.bulk_create(
        [
            PlanElement(
                region=world.region_c,
                element="ict_visie",
                state="aanwezig",
                is_demo=True,
            ),
            PlanElement(region=world.region_a, element="ict_visie", state="aanwezig"),
        ]
    )
    counts = demo.load()  # Ceeland is the world's only demo region
    rows = list(demo_element.history.order_by("history_date", "history_id"))
    assert counts["historie van regioplanonderdelen (demo)"] == len(rows) == 3
    assert [(r.history_type, r.state) for r in rows] == [
        ("+", "onbekend"),
        ("~", "deels"),
        ("~", "aanwezig"),
    ]
    assert all(r.is_demo for r in rows)
    assert not real_element.history.exists()  # real rows get no invented history
    changes = world.region_c.status_changes.order_by("effective_date")
    first, last = changes.first().effective_date, changes.last().effective_date
    assert timezone.localdate(rows[0].history_date) == first
    assert first < timezone.localdate(rows[1].history_date)
    assert timezone.localdate(rows[-1].history_date) <= last
    # Ceeland's plan got the element only after its demo history began;
    # Aaland's, without history, always had it.
    points = stats.monthly()
    assert ict(points[0]) == (1, 0) and ict(points[-1]) == (2, 0)
    assert demo.load()["historie van regioplanonderdelen (demo)"] == 0  # once
