"""Following a region by e-mail in the browser: from the region page to a
confirmed subscription, by keyboard alone; axe on every step (issue 22)."""

import re

import pytest
from django.core import mail
from django.core.cache import cache

from follow.models import Subscription

from .a11y import axe_violations
from .test_accessibility import shots_dir

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


@pytest.fixture(autouse=True)
def no_rate_counts():
    cache.clear()  # the rate limits count in the cache, across tests


@pytest.mark.parametrize(
    "width, prefix", [(390, ""), (1366, ""), (390, "/en"), (1366, "/en")]
)
def test_follow_a_region_by_keyboard_with_no_axe_violations(
    browser, live_demo, width, prefix, tmp_path
):
    context = browser.new_context(
        viewport={"width": width, "height": 844}, bypass_csp=True
    )
    page = context.new_page()
    page.goto(live_demo.url + prefix + "/regio/arnhem/")
    link = page.locator("a.page-link, .page-link a")
    link.focus()
    page.keyboard.press("Enter")
    page.wait_for_url(f"**{prefix}/volgen/?regio=arnhem")
    assert axe_violations(page) == []
    page.locator("#id_email").focus()
    page.keyboard.type("volger@example.org")
    page.keyboard.press("Enter")  # submits the form
    page.wait_for_url(f"**{prefix}/volgen/verstuurd/")
    assert axe_violations(page) == []
    subscription = Subscription.objects.get()
    assert subscription.language == ("en" if prefix else "nl")
    confirm = re.search(r"https?://\S+/bevestigen/\S+/", mail.outbox[-1].body).group(0)
    page.goto(confirm)
    assert axe_violations(page) == []
    page.locator("main button[type=submit]").focus()
    with page.expect_navigation():
        page.keyboard.press("Enter")
    assert axe_violations(page) == []
    subscription.refresh_from_db()
    assert subscription.is_confirmed
    page.goto(live_demo.url + prefix + f"/volgen/afmelden/{subscription.token}/")
    assert axe_violations(page) == []
    page.screenshot(path=shots_dir(tmp_path) / f"afmelden-{width}{prefix[1:]}.png")
    with page.expect_navigation():
        page.locator("main button[type=submit]").click()
    assert axe_violations(page) == []
    assert not Subscription.objects.exists()
    context.close()


def test_phone_menu_opens_by_keyboard_without_script(browser, live_demo):
    context = browser.new_context(
        viewport={"width": 390, "height": 844}, java_script_enabled=False
    )
    page = context.new_page()
    page.goto(live_demo.url + "/")
    organisations = page.locator(".site-header nav a[href='/organisaties/']")
    assert not organisations.is_visible()
    page.keyboard.press("Tab")  # skip link
    page.keyboard.press("Tab")  # brand
    page.keyboard.press("Tab")  # Menu, before the language link as on screen
    assert page.evaluate("document.activeElement.textContent") == "Menu"
    page.keyboard.press("Enter")
    assert organisations.is_visible()
    context.close()

    context = browser.new_context(viewport={"width": 1366, "height": 900})
    page = context.new_page()
    page.goto(live_demo.url + "/")
    assert page.locator(".site-header nav a[href='/organisaties/']").is_visible()
    assert not page.locator(".site-menu > summary").is_visible()
    context.close()
