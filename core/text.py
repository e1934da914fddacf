"""Plain text for comparing names: the one normaliser of the site."""

import re
import unicodedata


def plain(text: str) -> str:
    """Lower case, no accents or punctuation: 'Súdwest-Fryslân' -> 'sudwest fryslan'."""
    decomposed = unicodedata.normalize("NFKD", text)
    bare = "".join(ch for ch in decomposed if not unicodedata.combining(ch))
    return re.sub(r"[^0-9a-z]+", " ", bare.casefold()).strip()
