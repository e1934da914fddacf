"""When two organisations are likely one: the one rule.

The new-organisation form (its warning), the curator's workbench (its panel of
look-alikes) and the merge action (its check) all ask this module, so they
never disagree about what a duplicate is: the same KvK or AGB number, or names
that are the same, or differ by a typo or two, once accents, case,
punctuation and legal forms are dropped.
"""

import difflib

from core.text import plain

from .models import Organisation

# Words that say what kind of legal body it is, not which one.
LEGAL_FORMS = {
    "bv",
    "nv",
    "stichting",
    "cooperatie",
    "cooperatieve",
    "vereniging",
    "ua",
    "de",
    "het",
    "eo",
}
MAX_TYPOS = 2  # characters added, dropped or changed
MIN_LENGTH = 5  # shorter names are too short to tell a typo from another name


def name_key(name: str) -> str:
    """'Stichting Huisartsen-Aaland B.V.' -> 'huisartsen aaland'."""
    words = plain(name.replace(".", "")).split()
    return " ".join(w for w in words if w not in LEGAL_FORMS and len(w) > 1)


def keys_alike(a: str, b: str) -> bool:
    """Two name keys that are the same or differ by a typo or two (not by a
    place name: 'huisartsenposten arnhem' and '… drenthe' are not alike)."""
    if not a or not b:
        return False
    if a == b:
        return True
    matcher = difflib.SequenceMatcher(None, a, b, autojunk=False)
    same = sum(block.size for block in matcher.get_matching_blocks())
    return max(len(a), len(b)) - same <= MAX_TYPOS and min(len(a), len(b)) >= MIN_LENGTH


def alike(a: Organisation, b: Organisation) -> bool:
    same_number = (a.kvk_number and a.kvk_number == b.kvk_number) or (
        a.agb_number and a.agb_number == b.agb_number
    )
    return bool(same_number) or keys_alike(name_key(a.name), name_key(b.name))


def likely_duplicates(
    name: str, kvk_number: str = "", agb_number: str = "", exclude_pk=None
) -> list[Organisation]:
    """Organisations that look like the one someone is about to create."""
    wanted = Organisation(name=name, kvk_number=kvk_number, agb_number=agb_number)
    candidates = Organisation.objects.only(
        "pk", "name", "slug", "type", "kvk_number", "agb_number"
    )
    if exclude_pk:
        candidates = candidates.exclude(pk=exclude_pk)
    found = [organisation for organisation in candidates if alike(wanted, organisation)]
    return sorted(found, key=lambda o: o.name)


def duplicate_groups(rows) -> list[list[tuple[int, str]]]:
    """Groups of organisations that look like one, for the workbench.
    rows: (pk, name, kvk_number)."""
    groups: dict[str, list] = {}
    for pk, name, kvk in rows:
        groups.setdefault(f"n:{name_key(name)}", []).append((pk, name))
        if kvk:
            groups.setdefault(f"k:{kvk}", []).append((pk, name))
    keys = sorted(k for k in groups if k.startswith("n:"))
    for a, b in zip(keys, keys[1:], strict=False):  # near misses sort together
        if a != "n:" and keys_alike(a[2:], b[2:]):
            groups[b] = groups[a] + groups[b]
            groups[a] = []
    seen, result = set(), []
    for members in groups.values():
        unique = sorted(set(members))
        key = tuple(pk for pk, _name in unique)
        if len(unique) > 1 and key not in seen:
            seen.add(key)
            result.append(unique)
    return sorted(result, key=lambda group: group[0][1])
