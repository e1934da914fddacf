"""Likely duplicates of an organisation someone is about to create."""

import difflib
import re
import unicodedata

from .models import Organisation

# Words that say what kind of organisation it is, not which one.
NOISE = {
    "bv",
    "stichting",
    "cooperatie",
    "cooperatieve",
    "vereniging",
    "ua",
    "de",
    "het",
    "eo",
}
SIMILAR = 0.9


def normalised_name(name: str) -> str:
    """'Coöperatie OCE U.A.' -> 'oce': no accents, case, punctuation or legal form."""
    plain = "".join(
        ch
        for ch in unicodedata.normalize("NFKD", name)
        if not unicodedata.combining(ch)
    )
    words = re.sub(r"[^0-9a-z]+", " ", plain.casefold()).split()
    return " ".join(word for word in words if word not in NOISE and len(word) > 1)


def likely_duplicates(
    name: str, kvk_number: str = "", agb_number: str = "", exclude_pk=None
) -> list[Organisation]:
    """Organisations with the same KvK or AGB number, or nearly the same name."""
    wanted = normalised_name(name)
    found = {}
    candidates = Organisation.objects.only(
        "pk", "name", "slug", "type", "kvk_number", "agb_number"
    )
    if exclude_pk:
        candidates = candidates.exclude(pk=exclude_pk)
    for organisation in candidates:
        same_number = (kvk_number and organisation.kvk_number == kvk_number) or (
            agb_number and organisation.agb_number == agb_number
        )
        other = normalised_name(organisation.name)
        close = bool(wanted) and (
            other == wanted
            or difflib.SequenceMatcher(None, wanted, other).ratio() >= SIMILAR
        )
        if same_number or close:
            found[organisation.pk] = organisation
    return sorted(found.values(), key=lambda o: o.name)
