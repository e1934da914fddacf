"""The seven plan elements suggested from the text of an uploaded plan."""

from django.core.files.base import ContentFile
from django.urls import reverse

from plans.models import ElementKind, PlanElement
from plans.search import suggest
from regions import services
from regions.models import Region, RegioplanStatus
from tests.factories import REGION_A, REGION_B
from tests.plan_pdfs import make_pdf

# Covers three elements: missie en visie (p. 1), governance (p. 2) and
# monitoring (p. 3); page 4 is filler that matches none.
THREE_ELEMENTS = [
    "Onze missie: goede zorg dichtbij. Onze visie: huisartsen staan samen sterker.",
    "Governance: het bestuur besluit; de ledenraad geeft zeggenschap aan "
    "praktijkhoudende en niet-praktijkhoudende huisartsen.",
    "Monitoring: elk kwartaal volgen wij de indicatoren, en jaarlijks een evaluatie.",
    "Bijlage met adressen en telefoonnummers.",
]


def test_suggestions_name_exactly_the_covered_elements_with_pages():
    found = {s.element: s for s in suggest.suggest(THREE_ELEMENTS)}
    assert set(found) == {
        ElementKind.MISSIE_VISIE,
        ElementKind.GOVERNANCE,
        ElementKind.MONITORING,
    }
    assert found[ElementKind.MISSIE_VISIE].pages == [1]
    assert found[ElementKind.GOVERNANCE].pages == [2]
    assert found[ElementKind.MONITORING].pages == [3]
    assert "<mark>indicatoren</mark>" in found[ElementKind.MONITORING].snippet


def test_editor_sees_suggestions_even_for_a_private_plan_and_visitors_do_not(
    world, client, editor_b
):
    region = Region.objects.get(slug=REGION_B)
    assert region.status == RegioplanStatus.NIET_OPENBAAR
    region.plan_document.save("p.pdf", ContentFile(make_pdf(THREE_ELEMENTS)))
    services.documents_changed(region)
    client.force_login(editor_b)
    page = client.get(reverse("editing:plan_elements", args=[REGION_B]))
    html = page.content.decode()
    assert "<mark>ledenraad</mark>" in html or "<mark>bestuur</mark>" in html
    assert "Afspraken en monitoring" in html and "pagina 3" in html
    # Not confirmed, so not saved and not public.
    assert not PlanElement.objects.filter(region=region).exists()
    client.logout()
    assert "ledenraad" not in client.get(f"/regio/{REGION_B}/").content.decode()


def test_without_readable_text_the_editor_is_told(world, client, editor_a):
    client.force_login(editor_a)  # the world's plan of Aaland is no real PDF
    html = client.get(reverse("editing:plan_elements", args=[REGION_A])).content
    assert "kon niet worden gelezen" in html.decode()
