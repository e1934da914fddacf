"""Demo regioplannen and regiobeelden as PDF, written with fpdf2 at demo-load time.

Every page says DEMOGEGEVENS. The texts are generic Dutch prose about a demo
region: no patient numbers, amounts or percentages. Each plan holds one page
per element it covers (plans.models.ElementKind), so the plan elements of the
demo match its text and page numbers. Deterministic: the same input gives the
same bytes (a fixed creation date).
"""

import datetime
import textwrap
from functools import lru_cache

from fpdf import FPDF

from .models import ElementKind

CREATED = datetime.datetime(2025, 1, 1, tzinfo=datetime.UTC)
MARK = "DEMOGEGEVENS"

CHALLENGES = [
    ("Ouderenzorg",
     "Steeds meer ouderen wonen langer thuis. De ouderenzorg vraagt om vaste "
     "teams van huisarts, wijkverpleging en specialist ouderengeneeskunde en om "
     "proactieve zorgplanning."),
    ("Acute zorg en de huisartsenpost",
     "De huisartsenpost en de spoedeisende hulp stemmen de triage af. De "
     "regio onderzoekt hoe de huisartsenpost ook in de toekomst goed "
     "bereikbaar blijft."),
    ("GGZ",
     "Wachttijden in de GGZ leggen druk op de huisartsenpraktijk. Consultatie "
     "en afspraken met de wijk-GGZ moeten de praktijk ontlasten."),
    ("Arbeidsmarkt",
     "Het vinden van huisartsen, assistenten en praktijkondersteuners is "
     "lastig. De regio investeert in opleiden, werkplezier en taakherschikking."),
    ("Preventie",
     "Samen met gemeenten en de GGD richt de regio zich op leefstijl, stoppen "
     "met roken en gezondheidsvaardigheden."),
    ("Samenwerking in de wijk",
     "Huisartsen, wijkverpleging en het sociaal domein kennen elkaar in de wijk "
     "en maken vaste werkafspraken over gezamenlijke patiënten."),
]  # fmt: skip

SECTIONS = {
    ElementKind.MISSIE_VISIE: (
        "Missie en visie",
        "De huisartsen in {region} willen dat iedere inwoner toegankelijke, "
        "persoonsgerichte zorg dichtbij huis krijgt. {organisation} brengt de "
        "huisartsen samen en werkt met {insurer} en andere partners aan "
        "duurzame zorg in de regio.\n\n"
        "Onze visie: de huisartsenpraktijk blijft het vaste aanspreekpunt, "
        "ondersteund door sterke samenwerking in de wijk en in de regio. Wat "
        "praktijken samen beter kunnen, organiseren we regionaal.",
    ),
    ElementKind.ICT_VISIE: (
        "ICT-visie",
        "De ICT-visie van {region} staat apart beschreven, omdat digitale zorg "
        "alle andere onderdelen van dit plan raakt. Uitgangspunten: gegevens "
        "worden met toestemming van de patiënt gedeeld, systemen sluiten op "
        "elkaar aan en praktijkteams krijgen scholing.\n\n"
        "{organisation} kiest samen met de huisartsenpost en de wijkverpleging "
        "voor één regionale manier van gegevensuitwisseling en "
        "informatiebeveiliging.",
    ),
    ElementKind.GOVERNANCE: (
        "Governance en mandaat",
        "{organisation} heeft het mandaat van de huisartsen in {region} om "
        "namens hen afspraken te maken. Het bestuur legt verantwoording af aan "
        "de ledenraad; praktijkhoudende en niet-praktijkhoudende huisartsen "
        "hebben daarin een stem.\n\n"
        "Per onderwerp is vastgelegd wie besluit en wie meepraat. "
        "Multidisciplinaire partners zijn via een adviesraad betrokken, en de "
        "afspraken over praktijk, wijk en regio staan in een apart reglement.",
    ),
    ElementKind.OPGAVEN: (
        "Opgaven uit het regiobeeld, geprioriteerd",
        "Uit het regiobeeld, dat {organisation} samen met {insurer} opstelde, "
        "volgen de opgaven hieronder, in volgorde van prioriteit.",
    ),
    ElementKind.ACTIVITEITEN: (
        "Activiteiten en tijdpad",
        "De activiteiten voor het eerste jaar zijn concreet en leiden tot "
        "contractafspraken; voor de jaren daarna zijn ze op hoofdlijnen "
        "beschreven.",
    ),
    ElementKind.MONITORING: (
        "Afspraken en monitoring",
        "Elke afspraak heeft een eigenaar en een manier van volgen. "
        "{organisation} en {insurer} bespreken de voortgang periodiek en "
        "passen het plan zo nodig aan.\n\n"
        "De monitoring gebruikt gegevens die de praktijken al vastleggen; "
        "de uitkomsten worden gedeeld met de ledenraad en de partners.",
    ),
    ElementKind.DRAAGVLAK: (
        "Draagvlak en ondersteuning",
        "Dit plan is besproken met de huisartsen, de huisartsenpost, "
        "multidisciplinaire partners en {insurer}. Zij steunen de "
        "prioriteiten en de benodigde ondersteuning, onder meer van de ROS.",
    ),
}

PARTLY = (
    "Dit onderdeel is nog niet volledig uitgewerkt; {organisation} werkt het "
    "in het komende jaar verder uit."
)


class DemoPDF(FPDF):
    def header(self):
        self.set_font("helvetica", "B", 10)
        self.set_text_color(170, 0, 0)
        self.cell(0, 8, f"{MARK} - fictief voorbeeld, geen echte regio-informatie")
        self.ln(12)
        self.set_text_color(0, 0, 0)

    def footer(self):
        self.set_y(-15)
        self.set_font("helvetica", "", 9)
        self.cell(0, 8, f"{MARK} - pagina {self.page_no()}", align="C")


def _new() -> DemoPDF:
    pdf = DemoPDF(format="A4")
    pdf.set_creation_date(CREATED)
    pdf.set_producer("regiokaart demo")
    pdf.set_auto_page_break(True, margin=20)
    return pdf


def _page(pdf: DemoPDF, title: str, text: str) -> None:
    """One page: a title and the text, wrapped here (fpdf2's multi_cell measures
    every word and would make the demo load noticeably slower)."""
    pdf.add_page()
    pdf.set_font("helvetica", "B", 16)
    y = 34
    pdf.text(10, y, title)
    pdf.set_font("helvetica", "", 11)
    y += 4
    for paragraph in text.split("\n"):
        for line in textwrap.wrap(paragraph, 88) or [""]:
            y += 6
            pdf.text(10, y, line)


@lru_cache(maxsize=64)
def plan_pdf(
    region: str,
    organisation: str,
    insurer: str,
    sections: tuple[tuple[str, bool], ...],
    order: int,
    years: tuple[int, int],
) -> tuple[bytes, dict[str, int]]:
    """A demo regioplan: a title page, then one page per element in sections
    ((element, fully worked out?), ...). Challenges come in an order rotated by
    order. Returns the PDF and the page of each element; built once per distinct
    input (the demo loads again for every browser test)."""
    names = {"region": region, "organisation": organisation, "insurer": insurer}
    pdf = _new()
    pdf.set_title(f"Regioplan {region} ({MARK})")
    _page(
        pdf,
        f"Regioplan {region}",
        f"Demoversie van het regioplan van {region}, opgesteld door "
        f"{organisation} en gedeeld met {insurer}. Looptijd {years[0]} tot en met "
        f"{years[1]}.\n\nDit document is gemaakt voor de demo van de regiokaart. "
        "Alle tekst is fictief en algemeen; er staan bewust geen cijfers in.",
    )
    pages = {}
    challenges = CHALLENGES[order:] + CHALLENGES[:order]
    for element, full in sections:
        title, text = SECTIONS[element]
        text = text.format(**names)
        if element == ElementKind.OPGAVEN:
            text += "".join(
                f"\n\n{n}. {name}\n{body}"
                for n, (name, body) in enumerate(challenges[: 6 if full else 3], 1)
            )
        elif element == ElementKind.ACTIVITEITEN:
            first, last = years
            text += "".join(
                f"\n\n{first + n if first + n <= last else last}: {name.lower()}. "
                f"{body.split('. ')[-1]}"
                for n, (name, body) in enumerate(challenges[:4])
            )
        if not full:
            text += "\n\n" + PARTLY.format(**names)
        _page(pdf, title, text)
        pages[element] = pdf.page_no()
    return bytes(pdf.output()), pages


@lru_cache(maxsize=64)
def regiobeeld_pdf(region: str, organisation: str, insurer: str) -> bytes:
    """A demo regiobeeld in the six parts of the guidance, without figures."""
    pdf = _new()
    pdf.set_title(f"Regiobeeld {region} ({MARK})")
    parts = [
        ("Regiobeeld " + region,
         f"Demoversie van het regiobeeld van {region}, opgesteld door "
         f"{organisation} en {insurer}. Alle tekst is fictief."),
        ("Deelnemende partijen",
         f"{organisation}, de huisartsenpost, de multidisciplinaire "
         f"zorgorganisatie en {insurer} stelden dit regiobeeld samen op."),
        ("De regio in cijfers",
         "De kerngetallen van de gemeenten in deze regio staan op de regiokaart "
         "(CBS). Dit demodocument noemt bewust geen eigen cijfers."),
        ("Trends en ontwikkelingen",
         "Vergrijzing, meer mensen met meerdere aandoeningen en krapte op de "
         "arbeidsmarkt veranderen het zorglandschap."),
        ("Zorgvraag en zorgaanbod",
         "De zorgvraag wordt complexer, terwijl het aanbod van huisartsenzorg, "
         "wijkverpleging en GGZ onder druk staat."),
        ("Opgaven",
         "Ouderenzorg, acute zorg, GGZ, arbeidsmarkt, preventie en "
         "samenwerking in de wijk zijn de opgaven voor het regioplan."),
    ]  # fmt: skip
    for title, text in (
        (parts[0][0], parts[0][1] + "\n\n" + parts[1][0] + "\n" + parts[1][1]),
        (parts[2][0], parts[2][1] + "\n\n" + parts[3][0] + "\n" + parts[3][1]),
        (parts[4][0], parts[4][1] + "\n\n" + parts[5][0] + "\n" + parts[5][1]),
    ):
        _page(pdf, title, text)
    return bytes(pdf.output())
