"""The new pages of goals and similar regions in the browser: axe-core finds
nothing at 1366 and 390 px, in Dutch and English; keyboard reaches the links.
Screenshots go to A11Y_SHOTS_DIR when set."""

import pytest

from plans.models import Goal
from regions.models import Region, RegionMembership

from .a11y import SIZES
from .test_accessibility import PASSWORD, check_pages, log_in, page_shots_dir

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


@pytest.fixture
def sized(browser, live_demo, request):
    width, height = SIZES[request.param]
    context = browser.new_context(
        viewport={"width": width, "height": height}, bypass_csp=True
    )
    context.size_name = request.param
    context.set_default_timeout(15_000)
    yield context
    context.close()


@pytest.mark.parametrize("sized", list(SIZES), indirect=True)
def test_goal_and_similar_pages_have_no_axe_violations(
    sized, live_demo, django_user_model
):
    region = (
        Region.objects.filter(goals__private=False, goals__milestones__isnull=False)
        .distinct()
        .first()
    )
    assert region is not None, "demo goals are loaded"
    goal = Goal.objects.filter(region=region).first()
    others = list(
        Region.objects.exclude(pk=region.pk).values_list("slug", flat=True)[:3]
    )
    compare = "/vergelijk/?regio=" + "&regio=".join([region.slug, *others])
    public = [
        f"/regio/{region.slug}/",
        f"/en/regio/{region.slug}/",
        "/doelen/",
        "/en/doelen/",
        "/voortgang/",
        "/en/voortgang/",
        compare,
        "/en" + compare,
    ]
    page = sized.new_page()
    found = check_pages(page, live_demo.url, public, sized.size_name, page_shots_dir())
    editor = django_user_model.objects.create_user(
        "redacteur-doelen", "doelen@example.org", PASSWORD
    )
    RegionMembership.objects.create(user=editor, region=region)
    log_in(page, live_demo.url, "redacteur-doelen")
    editing = [
        f"/mijn-regio/{region.slug}/doelen/",
        f"/mijn-regio/{region.slug}/doelen/nieuw/",
        f"/mijn-regio/{region.slug}/doelen/{goal.pk}/",
        f"/en/mijn-regio/{region.slug}/doelen/{goal.pk}/",
    ]
    found.update(
        check_pages(page, live_demo.url, editing, sized.size_name, page_shots_dir())
    )
    assert found == {}


def test_similar_regions_and_goals_by_keyboard(browser, live_demo):
    context = browser.new_context(viewport={"width": 1366, "height": 900})
    page = context.new_page()
    region = Region.objects.filter(goals__private=False).distinct().first()
    page.goto(f"{live_demo.url}/regio/{region.slug}/")
    link = page.locator(".similar-regions a[href^='/vergelijk/?regio=']")
    assert link.count() == 1
    first_similar = page.locator(".similar-list a").first
    for _ in range(300):
        page.keyboard.press("Tab")
        if page.evaluate("document.activeElement.closest('.similar-list') !== null"):
            break
    else:
        pytest.fail("Tab never reached the similar regions")
    href = first_similar.get_attribute("href")
    page.keyboard.press("Enter")
    page.wait_for_url(f"**{href}")
    context.close()
