"""Reads the search index: which regions' public documents mention the words.

A query is words and "phrases in quotes". Every word must occur in the
document (its Dutch stem, so 'huisartsenposten' finds 'huisartsenpost'); a
phrase must occur as such on a page. Documents are scored by the counts of the
words weighted by their rarity (tf-idf); a region's score is its best
document's. Snippets are built here from escaped text, with <mark> around the
matching words and nothing else unescaped.
"""

import math
import re
from collections import defaultdict
from dataclasses import dataclass, field

from django.db.models import F, Q
from django.urls import reverse
from django.utils.html import escape
from django.utils.safestring import SafeString, mark_safe

from regions.models import Region, RegioplanStatus

from . import text
from .models import PageText, PlanText, Posting

MAX_TERMS = 10
SNIPPETS = 3
# A phrase is checked in the text of at most this many best pages.
MAX_PHRASE_PAGES = 300
CONTEXT_CHARS = 90
PHRASE = re.compile(r'"([^"]*)"')


@dataclass(frozen=True)
class Query:
    words: tuple[str, ...]  # every word, phrases' words included
    phrases: tuple[str, ...]  # folded, single-spaced

    @property
    def stems(self) -> tuple[str, ...]:
        return tuple(dict.fromkeys(text.stem(w) for w in self.words))

    def __bool__(self) -> bool:
        return bool(self.words)


def parse(q: str) -> Query:
    phrases = []
    for found in PHRASE.findall(q):
        folded = " ".join(text.fold(w) for w in text.words(found))
        if " " in folded:
            phrases.append(folded)
    words = text.words(q.replace('"', " "))[:MAX_TERMS]
    return Query(tuple(words), tuple(dict.fromkeys(phrases)))


@dataclass
class Snippet:
    kind: str  # PlanText.Kind
    kind_label: str
    page: int
    html: SafeString
    url: str


@dataclass
class Hit:
    region: Region
    score: float
    snippets: list[Snippet] = field(default_factory=list)


def public_documents():
    """Indexed documents that are, right now, their region's public document."""
    return PlanText.objects.filter(
        Q(
            kind=PlanText.Kind.REGIOPLAN,
            region__status=RegioplanStatus.OPENBAAR,
            region__plan_document=F("file_name"),
        )
        | Q(
            kind=PlanText.Kind.REGIOBEELD,
            region__regiobeeld__document_public=True,
            region__regiobeeld__document=F("file_name"),
        ),
        state=PlanText.State.INDEXED,
    )


def _phrase_at(positions: list[dict[int, list[int]]], page: int) -> bool:
    """Whether the phrase's words stand one after the other on the page:
    positions holds, per word of the phrase, its form's word numbers per page."""
    first, *rest = (p.get(page, ()) for p in positions)
    following = [set(at) for at in rest]
    return any(
        all(start + i in at for i, at in enumerate(following, start=1))
        for start in first
    )


def _phrase_pages(query: Query, candidates: dict[int, set[int]]) -> set[tuple]:
    """The (document, page) pairs among candidates on which every phrase
    stands as such, as whole words in order (not 'ouderenzorg' for 'zorg'):
    from the word positions in the index, without reading the page text."""
    phrases = [p.split() for p in query.phrases]
    forms = {w for p in phrases for w in p}
    rows = Posting.objects.filter(
        stem__in={text.stem(w) for w in forms}, document_id__in=list(candidates)
    ).values_list("document_id", "positions")
    where: dict[int, dict[str, dict[int, list[int]]]] = defaultdict(dict)
    for doc, encoded in rows:
        for form, pages in text.decode_positions(encoded).items():
            if form in forms:
                where[doc][form] = pages
    found = set()
    for doc, pages in candidates.items():
        by_form = where[doc]
        for page in pages:
            if all(
                _phrase_at([by_form.get(w, {}) for w in phrase], page)
                for phrase in phrases
            ):
                found.add((doc, page))
    return found


def highlight(page_text: str, stems: set[str]) -> SafeString:
    """A passage around the first matching word, escaped, words in <mark>.
    Reads the words of the page only as far as the passage goes."""
    found = (m for m in text.WORD.finditer(page_text) if text.stem(m[0]) in stems)
    first = next(found, None)
    if first is None:
        start, end = 0, min(len(page_text), 2 * CONTEXT_CHARS)
        matches_in = []
    else:
        start = max(0, first.start() - CONTEXT_CHARS)
        end = min(len(page_text), first.end() + CONTEXT_CHARS)
        # do not cut words in half
        while start > 0 and page_text[start - 1].isalnum():
            start -= 1
        while end < len(page_text) and page_text[end].isalnum():
            end += 1
        matches_in = [first]
        for m in found:  # in order, so the first past the end ends the passage
            if m.end() > end:
                break
            matches_in.append(m)
    parts, at = [], start
    for m in matches_in:
        parts.append(escape(page_text[at : m.start()]))
        parts.append(f"<mark>{escape(m[0])}</mark>")
        at = m.end()
    parts.append(escape(page_text[at:end]))
    passage = " ".join("".join(parts).split())
    prefix = "… " if start > 0 else ""
    suffix = " …" if end < len(page_text) else ""
    return mark_safe(prefix + passage + suffix)  # every piece escaped above


def search(query: Query, regions=None, limit: int = 50) -> list[Hit]:
    """Regions (from `regions`, default all) whose public documents match.

    One index row per word and document; pages are (document, number) pairs,
    and page text is read only for the snippets shown."""
    stems = query.stems
    if not stems:
        return []
    documents = public_documents()
    if regions is not None:
        documents = documents.filter(region__in=regions)
    # The public documents first (a few hundred ids at most): a plain IN list
    # keeps the stem index in use on SQLite and PostgreSQL alike.
    public_ids = list(documents.values_list("pk", flat=True))
    rows = (
        Posting.objects.filter(stem__in=stems, document_id__in=public_ids)
        .order_by()
        .values_list("document_id", "stem", "pages")
    )
    # document -> stems found; document -> page number -> stem -> count
    doc_stems: dict[int, set[str]] = defaultdict(set)
    page_hits: dict[int, dict[int, dict[str, int]]] = defaultdict(dict)
    for doc, s, encoded in rows:
        doc_stems[doc].add(s)
        hits = page_hits[doc]
        for page, count in text.decode_counts(encoded):
            if page in hits:
                hits[page][s] = count
            else:
                hits[page] = {s: count}
    wanted = set(stems)
    docs = [d for d, found in doc_stems.items() if wanted <= found]
    if not docs:
        return []
    total = len(public_ids)
    df = {s: sum(1 for d in docs if s in doc_stems[d]) for s in stems}
    idf = {s: math.log(1 + total / df[s]) for s in stems}

    def page_score(hits: dict[str, int]) -> float:
        # in the query's order of words: the same counts give the same score
        return sum((1 + math.log(hits[s])) * idf[s] for s in stems if s in hits)

    if query.phrases:  # a phrase must stand on a page as such
        # only pages with every word of the phrases, the best MAX_PHRASE_PAGES
        # (pages in the order they were indexed on equal scores)
        need = {text.stem(w) for p in query.phrases for w in p.split()}
        for d in docs:
            page_hits[d] = {
                page: h for page, h in page_hits[d].items() if need <= h.keys()
            }
        ranked_pages = sorted(
            (
                (page_score(h), d, page)
                for d in docs
                for page, h in page_hits[d].items()
            ),
            reverse=True,
        )
        candidates: dict[int, set[int]] = defaultdict(set)
        for _score, d, page in ranked_pages[:MAX_PHRASE_PAGES]:
            candidates[d].add(page)
        standing = _phrase_pages(query, candidates) if candidates else set()
        for d in docs:
            page_hits[d] = {
                page: hits
                for page, hits in page_hits[d].items()
                if (d, page) in standing
            }
        docs = [d for d in docs if page_hits[d]]
    # each page scored once: for its document's score and for the snippets
    page_scores = {
        d: {page: page_score(h) for page, h in page_hits[d].items()} for d in docs
    }
    doc_score = {
        d: sum(page_scores[d].values()) / math.sqrt(len(page_hits[d]) + 1)
        + len(page_hits[d])
        for d in docs
    }
    info = {
        p.pk: p
        for p in PlanText.objects.filter(pk__in=docs)
        .select_related("region")
        .defer("region__geometry", "region__display_geometry")
    }
    by_region: dict[int, Hit] = {}
    docs_of: dict[int, list[int]] = defaultdict(list)
    for d in docs:
        region = info[d].region
        hit = by_region.get(region.pk)
        if hit is None:
            hit = by_region[region.pk] = Hit(region, 0.0)
        hit.score = max(hit.score, doc_score[d])
        docs_of[region.pk].append(d)
    ranked = sorted(by_region.values(), key=lambda h: (-h.score, h.region.name))
    ranked = ranked[:limit]
    # Pages are scored only for the regions shown; ties go to the page
    # indexed first (document, then page number).
    chosen = {
        h.region.pk: sorted(
            (-score, d, page)
            for d in docs_of[h.region.pk]
            for page, score in page_scores[d].items()
        )[:SNIPPETS]
        for h in ranked
    }
    wanted_pages: dict[int, list[int]] = defaultdict(list)
    for picks in chosen.values():
        for _s, d, page in picks:
            wanted_pages[d].append(page)
    pages = {}
    if wanted_pages:
        which = Q()
        for d, numbers in wanted_pages.items():
            which |= Q(document_id=d, number__in=numbers)
        pages = {
            (d, number): page_text
            for d, number, page_text in PageText.objects.filter(which)
            .order_by()
            .values_list("document_id", "number", "text")
        }
    urls: dict[tuple[int, str], str] = {}
    labels = {kind: str(label) for kind, label in PlanText.Kind.choices}
    for hit in ranked:
        for _score, d, number in chosen[hit.region.pk]:
            plan_text = info[d]
            key = (hit.region.pk, plan_text.kind)
            if key not in urls:
                urls[key] = _document_url(hit.region, plan_text.kind)
            hit.snippets.append(
                Snippet(
                    kind=plan_text.kind,
                    kind_label=labels[plan_text.kind],
                    page=number,
                    html=highlight(pages.get((d, number), ""), wanted),
                    url=f"{urls[key]}#page={number}",
                )
            )
    return ranked


def _document_url(region: Region, kind: str) -> str:
    """The public PDF (a snippet adds #page=N to open it on the page)."""
    if kind == PlanText.Kind.REGIOPLAN:
        url = reverse("regions:regioplan_document", args=[region.slug])
    else:
        url = reverse("plans:regiobeeld_document", args=[region.slug])
    return url
