"""The organisation directory in pages (issue 21) in the browser: axe-core
finds nothing at 1366 and 390 px, in Dutch and English, on the first and the
second page; the page links are reached and followed by keyboard alone.
Screenshots go to A11Y_SHOTS_DIR when set."""

import pytest

from organisations.models import Organisation
from regions import services

from .a11y import SIZES
from .test_accessibility import check_pages, page_shots_dir

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def two_pages() -> None:
    """Enough organisations for a second page of the directory."""
    for i in range(60):
        Organisation(
            name=f"Zorggroep Bladzijde {i:02d}", slug=f"bladzijde-{i}", type="ros"
        ).save()
    services.data_changed()


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
def test_the_paged_directory_has_no_axe_violations(sized, live_demo):
    two_pages()
    paths = [
        "/organisaties/",
        "/organisaties/?pagina=2",
        "/en/organisaties/?pagina=2",
        "/organisaties/?q=zorggroep&pagina=2",
    ]
    page = sized.new_page()
    assert (
        check_pages(page, live_demo.url, paths, sized.size_name, page_shots_dir()) == {}
    )


def test_the_page_links_work_by_keyboard(browser, live_demo):
    two_pages()
    context = browser.new_context(viewport={"width": 390, "height": 844})
    page = context.new_page()
    page.goto(f"{live_demo.url}/organisaties/?q=zorggroep")
    nav = page.locator("nav.pagination")
    assert "Pagina 1 van 2" in nav.inner_text()
    for _ in range(400):
        page.keyboard.press("Tab")
        if page.evaluate("document.activeElement.rel") == "next":
            break
    else:
        pytest.fail("the link to the next page is not reached by Tab")
    page.keyboard.press("Enter")
    page.wait_for_url("**/organisaties/?q=zorggroep&pagina=2")
    assert "Pagina 2 van 2" in page.locator("nav.pagination").inner_text()
    assert page.locator("nav.pagination a[rel=prev]").get_attribute("href") == (
        "/organisaties/?q=zorggroep"
    )
    context.close()
