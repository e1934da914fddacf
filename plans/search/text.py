"""Text of a PDF, page by page (pypdf), and Dutch words to stems (Snowball).

pypdf was measured against pdfminer.six on generated 10- and 60-page plans:
7.3 ms against 86 ms per page, every word recovered by both.
"""

import io
import json
import logging
import re
import time
import unicodedata
from dataclasses import dataclass, field
from functools import lru_cache

import snowballstemmer
from django.conf import settings

log = logging.getLogger(__name__)

WORD = re.compile(r"\w+", re.UNICODE)
MAX_STEM = 60

_stemmer = snowballstemmer.stemmer("dutch")


@lru_cache(maxsize=200_000)
def fold(word: str) -> str:
    """Lower case without accents: 'Coöperatie' and 'cooperatie' are one word."""
    word = unicodedata.normalize("NFKD", word.lower())
    return "".join(c for c in word if not unicodedata.combining(c))


@lru_cache(maxsize=200_000)
def stem(word: str) -> str:
    return _stemmer.stemWord(fold(word))[:MAX_STEM]


def words(text: str) -> list[str]:
    return WORD.findall(text)


def indexed(word: str) -> bool:
    """Short numbers (page numbers, list items) are not worth a posting."""
    return not word.isdigit() or len(word) >= 4


def stems(text: str) -> list[str]:
    return [stem(w) for w in words(text) if indexed(w)]


@dataclass
class Postings:
    """One stem in one document: its count per page, and per page where each
    folded form of it stands (word numbers, counting every word), for phrases."""

    total: int = 0
    counts: dict[int, int] = field(default_factory=dict)  # page -> count
    positions: dict[str, dict[int, list[int]]] = field(default_factory=dict)

    def encoded_counts(self) -> str:
        """[page, count, page, count, ...] as JSON: compact and fast to read."""
        return json.dumps(
            [x for pair in self.counts.items() for x in pair], separators=(",", ":")
        )

    def encoded_positions(self) -> str:
        """{form: {page: [word number, ...]}} as JSON."""
        return json.dumps(self.positions, separators=(",", ":"), ensure_ascii=False)


def postings(pages: list[str]) -> dict[str, Postings]:
    """The inverted index of one document (pages from page 1), by stem."""
    found: dict[str, Postings] = {}
    for number, page in enumerate(pages, start=1):
        for position, word in enumerate(words(page)):
            if not indexed(word):
                continue
            s = stem(word)
            entry = found.get(s)
            if entry is None:
                entry = found[s] = Postings()
            entry.total += 1
            entry.counts[number] = entry.counts.get(number, 0) + 1
            entry.positions.setdefault(fold(word), {}).setdefault(number, []).append(
                position
            )
    return found


def decode_counts(encoded: str) -> list[tuple[int, int]]:
    flat = json.loads(encoded)
    it = iter(flat)
    return list(zip(it, it, strict=True))


def decode_positions(encoded: str) -> dict[str, dict[int, list[int]]]:
    return {
        form: {int(page): at for page, at in pages.items()}
        for form, pages in json.loads(encoded).items()
    }


class State:
    """What extraction found; the admin shows the label to curators."""

    INDEXED = "geindexeerd"
    NO_TEXT = "geen_tekstlaag"
    UNREADABLE = "niet_leesbaar"


@dataclass
class Extracted:
    state: str
    pages: list[str] = field(default_factory=list)  # text per page, from page 1
    page_count: int = 0  # pages in the document
    truncated: bool = False  # a limit stopped extraction early


def extract(data: bytes) -> Extracted:
    """The text of every page, within the page, time and character limits.

    Never raises: a PDF pypdf cannot read is UNREADABLE; one whose pages carry
    no text at all (a scan) is NO_TEXT."""
    import pypdf  # imported here: only uploads and the command need it

    max_pages = settings.PLAN_TEXT_MAX_PAGES
    max_chars = settings.PLAN_TEXT_MAX_CHARS
    deadline = time.monotonic() + settings.PLAN_TEXT_MAX_SECONDS
    try:
        reader = pypdf.PdfReader(io.BytesIO(data))
        if reader.is_encrypted:
            reader.decrypt("")
        page_count = len(reader.pages)
        pages: list[str] = []
        chars, truncated = 0, False
        for number, page in enumerate(reader.pages, start=1):
            if number > max_pages or time.monotonic() > deadline:
                truncated = True
                break
            text = page.extract_text() or ""
            if chars + len(text) > max_chars:
                text = text[: max_chars - chars]
                truncated = True
            pages.append(text)
            chars += len(text)
            if truncated:
                break
    except Exception:  # pypdf raises many kinds on broken files
        log.warning("PDF not readable", exc_info=True)
        return Extracted(State.UNREADABLE)
    if not any(p.strip() for p in pages):
        return Extracted(State.NO_TEXT, page_count=page_count)
    return Extracted(State.INDEXED, pages, page_count, truncated)
