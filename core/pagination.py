"""A long list in pages: ?pagina=2, with links that keep the page's filter.

Page 1 has no ?pagina (core.pagecache's canonical form); a page past the end
is a 404, so every cached page is one that exists."""

from dataclasses import dataclass
from urllib.parse import urlencode

from django.core.paginator import InvalidPage, Page, Paginator
from django.http import Http404
from django.utils.translation import gettext as _

PER_PAGE = 50


@dataclass(frozen=True)
class Pages:
    page: Page
    previous_url: str
    next_url: str


def paginate(queryset, number: str, path: str, query_string: str) -> Pages:
    """Page `number` ('' is the first) of queryset; query_string is the
    filter the links repeat (without pagina)."""
    paginator = Paginator(queryset, PER_PAGE)
    try:
        page = paginator.page(number or 1)
    except InvalidPage:
        raise Http404(_("Deze pagina van de lijst bestaat niet.")) from None

    def url(n: int) -> str:
        pairs = query_string + (f"&{urlencode({'pagina': n})}" if n > 1 else "")
        pairs = pairs.lstrip("&")
        return f"{path}?{pairs}" if pairs else path

    return Pages(
        page,
        url(page.previous_page_number()) if page.has_previous() else "",
        url(page.next_page_number()) if page.has_next() else "",
    )
