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


def _folded(s: str) -> str:
    return " ".join(text.fold(w) for w in text.words(s))


def _has_phrases(page_text: str, phrases) -> bool:
    """Each phrase as whole words, in order (not 'ouderenzorg' for 'zorg')."""
    words = f" {_folded(page_text)} "
    return all(f" {p} " in words for p in phrases)


def highlight(page_text: str, stems: set[str]) -> SafeString:
    """A passage around the first matching word, escaped, words in <mark>."""
    matches = [m for m in text.WORD.finditer(page_text) if text.stem(m[0]) in stems]
    if not matches:
        start, end = 0, min(len(page_text), 2 * CONTEXT_CHARS)
        matches_in = []
    else:
        first = matches[0]
        start = max(0, first.start() - CONTEXT_CHARS)
        end = min(len(page_text), first.end() + CONTEXT_CHARS)
        # do not cut words in half
        while start > 0 and page_text[start - 1].isalnum():
            start -= 1
        while end < len(page_text) and page_text[end].isalnum():
            end += 1
        matches_in = [m for m in matches if m.start() >= start and m.end() <= end]
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
    """Regions (from `regions`, default all) whose public documents match."""
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
        .values_list("document_id", "page_id", "stem", "count")
    )
    # document -> stem -> count; page -> score
    doc_stems: dict[int, dict[str, int]] = defaultdict(lambda: defaultdict(int))
    page_hits: dict[int, dict[int, dict[str, int]]] = defaultdict(
        lambda: defaultdict(dict)
    )
    for doc, page, s, count in rows:
        doc_stems[doc][s] += count
        page_hits[doc][page][s] = count
    wanted = set(stems)
    docs = [d for d, found in doc_stems.items() if wanted <= found.keys()]
    if not docs:
        return []
    total = len(public_ids)
    df = {s: sum(1 for d in docs if s in doc_stems[d]) for s in stems}
    idf = {s: math.log(1 + total / df[s]) for s in stems}

    def page_score(hits: dict[str, int]) -> float:
        return sum((1 + math.log(c)) * idf[s] for s, c in hits.items())

    if query.phrases:  # a phrase must stand on a page as such
        # only pages with every word of the phrases, the best MAX_PHRASE_PAGES
        need = {text.stem(w) for p in query.phrases for w in p.split()}
        for d in docs:
            page_hits[d] = {
                pid: h for pid, h in page_hits[d].items() if need <= h.keys()
            }
        ranked_pages = sorted(
            ((page_score(h), pid) for d in docs for pid, h in page_hits[d].items()),
            reverse=True,
        )
        pages = {pid for _score, pid in ranked_pages[:MAX_PHRASE_PAGES]}
        texts = dict(PageText.objects.filter(pk__in=pages).values_list("pk", "text"))
        for d in docs:
            page_hits[d] = {
                pid: hits
                for pid, hits in page_hits[d].items()
                if pid in texts and _has_phrases(texts[pid], query.phrases)
            }
        docs = [d for d in docs if page_hits[d]]
    doc_score = {
        d: sum(page_score(h) for h in page_hits[d].values())
        / math.sqrt(len(page_hits[d]) + 1)
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
    best_pages: dict[int, list[tuple[float, int, int]]] = defaultdict(list)
    for d in docs:
        plan_text = info[d]
        region = plan_text.region
        hit = by_region.get(region.pk)
        if hit is None:
            hit = by_region[region.pk] = Hit(region, 0.0)
        hit.score = max(hit.score, doc_score[d])
        for pid, hits in page_hits[d].items():
            best_pages[region.pk].append((page_score(hits), d, pid))
    ranked = sorted(by_region.values(), key=lambda h: (-h.score, h.region.name))
    ranked = ranked[:limit]
    chosen = {
        h.region.pk: sorted(best_pages[h.region.pk], key=lambda t: (-t[0], t[2]))[
            :SNIPPETS
        ]
        for h in ranked
    }
    page_ids = [pid for picks in chosen.values() for _s, _d, pid in picks]
    pages = {
        p.pk: p for p in PageText.objects.filter(pk__in=page_ids).only("number", "text")
    }
    for hit in ranked:
        for _score, d, pid in chosen[hit.region.pk]:
            plan_text = info[d]
            page = pages[pid]
            hit.snippets.append(
                Snippet(
                    kind=plan_text.kind,
                    kind_label=str(plan_text.get_kind_display()),
                    page=page.number,
                    html=highlight(page.text, wanted),
                    url=_document_url(hit.region, plan_text.kind, page.number),
                )
            )
    return ranked


def _document_url(region: Region, kind: str, page: int) -> str:
    """The public PDF, opened on the page (#page=N)."""
    if kind == PlanText.Kind.REGIOPLAN:
        url = reverse("regions:regioplan_document", args=[region.slug])
    else:
        url = reverse("plans:regiobeeld_document", args=[region.slug])
    return f"{url}#page={page}"
