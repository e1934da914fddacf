"""Which of the seven elements the text of a regioplan seems to cover.

For the region's editor only (Mijn regio); nothing here is published. The
terms come from plans.element_terms, the one list a curator reads.
"""

from collections import Counter
from dataclasses import dataclass, field

from django.utils.safestring import SafeString

from regions.models import Region

from .. import element_terms
from ..models import ElementKind
from . import index, query, text

MAX_PAGES_SHOWN = 5


@dataclass
class Suggestion:
    element: str
    label: str
    hits: int
    pages: list[int] = field(default_factory=list)
    snippet: SafeString | str = ""


def _terms(kind: str) -> list[tuple[str, ...]]:
    """Each term as its tuple of stems."""
    return [
        tuple(text.stem(w) for w in text.words(term))
        for term in element_terms.TERMS.get(kind, [])
    ]


def _count(page_stems: list[str], term: tuple[str, ...]) -> int:
    if len(term) == 1:
        return page_stems.count(term[0])
    n = len(term)
    return sum(
        1
        for i in range(len(page_stems) - n + 1)
        if tuple(page_stems[i : i + n]) == term
    )


def suggest(pages: list[str]) -> list[Suggestion]:
    """The elements whose terms occur at least MIN_HITS times, in the fixed
    order of the seven; with the pages (most hits first) and one passage."""
    stemmed = [text.stems(p) for p in pages]
    found = []
    for kind, label in ElementKind.choices:
        terms = _terms(kind)
        per_page: Counter = Counter()
        for number, page_stems in enumerate(stemmed, start=1):
            hits = sum(_count(page_stems, term) for term in terms)
            if hits:
                per_page[number] = hits
        total = sum(per_page.values())
        if total < element_terms.MIN_HITS:
            continue
        best = [n for n, _hits in per_page.most_common(MAX_PAGES_SHOWN)]
        wanted = {s for term in terms for s in term}
        found.append(
            Suggestion(
                kind,
                str(label),
                total,
                sorted(best),
                query.highlight(pages[best[0] - 1], wanted),
            )
        )
    return found


def plan_pages(region: Region) -> list[str] | None:
    """The text of the region's uploaded regioplan, public or not; None when
    there is no upload or no text to read. From the index when it is there."""
    if not region.plan_document:
        return None
    plan_text = index.document_text(region, index.Kind.REGIOPLAN)
    if plan_text and plan_text.file_name == region.plan_document.name:
        if plan_text.state != text.State.INDEXED:
            return None
        return list(
            plan_text.page_texts.order_by("number").values_list("text", flat=True)
        )
    data = index._read(region.plan_document)
    if data is None:
        return None
    extracted = text.extract(data)
    return extracted.pages if extracted.state == text.State.INDEXED else None


def for_region(region: Region) -> list[Suggestion] | None:
    """None: no readable plan text; []: text, but no element recognised."""
    pages = plan_pages(region)
    if pages is None:
        return None
    return suggest(pages)


def term_lists() -> list[tuple[str, list[str]]]:
    """The terms per element, for the help beside the suggestions."""
    return [
        (str(label), element_terms.TERMS.get(kind, []))
        for kind, label in ElementKind.choices
    ]
