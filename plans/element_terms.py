"""The words that suggest each of the seven elements of a good regioplan.

Curators: this is the one list the site uses to *suggest*, from the text of an
uploaded regioplan, which elements it seems to cover (shown to the region's
editor on the plan-elements page, with pages and a passage as evidence). A
suggestion is never published: visitors only see what an editor confirmed.

How a term matches: every word is reduced to its Dutch stem (Snowball), so
"afspraken" also finds "afspraak"; a term of several words must appear as a
group on one page. An element is suggested when its terms occur at least
MIN_HITS times in the plan. Add terms here; keep them specific, since a word
that every plan uses ("zorg", "regio") suggests everything and so nothing.
"""

from .models import ElementKind

MIN_HITS = 2

TERMS: dict[str, list[str]] = {
    ElementKind.MISSIE_VISIE: [
        "missie",
        "visie",
        "ambitie",
        "stip op de horizon",
        "waar wij voor staan",
        "kernwaarden",
    ],
    ElementKind.ICT_VISIE: [
        "ict-visie",
        "ict",
        "digitalisering",
        "informatievoorziening",
        "gegevensuitwisseling",
        "e-health",
        "digitale zorg",
        "informatiebeveiliging",
    ],
    ElementKind.GOVERNANCE: [
        "governance",
        "zeggenschap",
        "bestuur",
        "ledenraad",
        "mandaat",
        "niet-praktijkhoudende",
        "praktijkhoudende",
        "besluitvorming",
        "inspraak",
    ],
    ElementKind.OPGAVEN: [
        "opgaven",
        "opgave",
        "prioritering",
        "prioriteiten",
        "regiobeeld",
        "knelpunten",
        "uitdagingen",
    ],
    ElementKind.ACTIVITEITEN: [
        "tijdpad",
        "tijdlijn",
        "planning",
        "jaarplan",
        "meerjarenplan",
        "activiteiten",
        "mijlpalen",
        "projectplan",
    ],
    ElementKind.MONITORING: [
        "monitoring",
        "monitoren",
        "indicatoren",
        "evaluatie",
        "evalueren",
        "kpi",
        "voortgangsrapportage",
        "meetbare doelen",
    ],
    ElementKind.DRAAGVLAK: [
        "draagvlak",
        "zorgverzekeraar",
        "zorgverzekeraars",
        "gedragen",
        "onderschreven",
        "commitment",
        "steun",
    ],
}
