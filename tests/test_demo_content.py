"""The demo shows what a filled-in regiokaart teaches: varied activities, plan
elements that differ, plausible (demo) contact persons and multi-page demo
PDFs that say DEMOGEGEVENS on every page and have a text layer."""

import io

import pytest
from django.core.management import call_command
from pypdf import PdfReader

from core.documents import validate_pdf
from organisations.models import ContactPerson
from plans import demo_documents
from plans.demo import plan_documents
from plans.models import ElementKind, ElementState, PlanElement, Regiobeeld
from regions.models import Activity, Region, RegioplanStatus

pytestmark = pytest.mark.django_db


@pytest.fixture
def demo(db):
    call_command("load_demo", verbosity=0)


def pages_of(document) -> list[str]:
    with document.open("rb") as f:
        return [page.extract_text() for page in PdfReader(io.BytesIO(f.read())).pages]


def test_activities_are_varied_and_themed(demo):
    activities = Activity.objects.filter(region__is_demo=True)
    assert len(set(activities.values_list("title", flat=True))) >= 30
    assert len(set(activities.values_list("description", flat=True))) >= 30
    assert not activities.filter(themes__isnull=True).exists()
    used = set(activities.values_list("themes__slug", flat=True))
    assert len(used) == 8, "every curated theme has demo activities"
    for start, end in activities.exclude(end_date=None).values_list(
        "start_date", "end_date"
    ):
        assert start < end


def test_no_two_demo_regions_have_the_same_plan_elements(demo):
    seen = {}
    for region in Region.objects.filter(is_demo=True):
        elements = tuple(
            PlanElement.objects.filter(region=region)
            .order_by("element")
            .values_list("element", "state")
        )
        assert len(elements) == len(ElementKind.values)
        assert elements not in seen, f"{region} plans like {seen.get(elements)}"
        seen[elements] = region
    states = set(PlanElement.objects.values_list("state", flat=True))
    assert states == set(ElementState.values)


def test_contact_persons_are_marked_demo_and_unreachable(demo):
    persons = ContactPerson.objects.all()
    assert persons.count() > 71
    assert len(set(persons.values_list("name", flat=True))) > 50
    assert len(set(persons.values_list("function", flat=True))) >= 5
    for person in persons:
        assert person.is_demo and person.name.startswith("Demo: "), person.name
        assert person.email.endswith("@example.org"), person.email
        assert person.phone == "" or person.phone.startswith("+31 20 000 00")
    assert persons.filter(is_public=True).exists()
    assert persons.filter(is_public=False).exists()


def test_public_demo_plans_are_multi_page_pdfs_marked_on_every_page(demo, client):
    regions = Region.objects.filter(status=RegioplanStatus.OPENBAAR)
    assert regions.count() >= 5
    texts = set()
    for region in regions:
        validate_pdf(region.plan_document)
        pages = pages_of(region.plan_document)
        assert 4 <= len(pages) <= 10, region
        for text in pages:
            assert "DEMOGEGEVENS" in text
            assert len(text) > 200, "a real text layer"
        texts.add("\n".join(pages))
        # each element's page holds its text
        for element in PlanElement.objects.filter(region=region, page__isnull=False):
            page = pages[element.page - 1]
            words = {
                "ict_visie": "ICT-visie",
                "governance": "mandaat",
                "opgaven": "geprioriteerd",
                "missie_visie": "visie",
                "activiteiten": "tijdpad",
                "monitoring": "monitoring",
                "draagvlak": "Draagvlak",
            }
            assert words[element.element] in page, (region, element.element)
        missing = PlanElement.objects.filter(
            region=region, state=ElementState.AFWEZIG
        ).values_list("element", flat=True)
        if "ict_visie" in missing:
            assert not any("ICT-visie" in text for text in pages)
        response = client.get(f"/regio/{region.slug}/regioplan.pdf")
        assert response.status_code == 200
        assert b"".join(response.streaming_content).startswith(b"%PDF-")
    assert len(texts) == regions.count(), "every region's plan differs"
    for word in ("ouderenzorg", "huisartsenpost", "GGZ", "mandaat", "ICT-visie"):
        assert any(word in text for text in texts), word


def test_some_demo_regiobeelden_have_a_document(demo, client):
    beelden = Regiobeeld.objects.exclude(document="")
    assert beelden.exists()
    for beeld in beelden:
        pages = pages_of(beeld.document)
        assert len(pages) >= 2
        assert all("DEMOGEGEVENS" in text for text in pages)
    public = beelden.filter(document_public=True).first()
    assert client.get(f"/regio/{public.region.slug}/regiobeeld.pdf").status_code == 200


def test_demo_documents_are_deterministic(demo):
    regions = list(Region.objects.all())
    demo_documents.plan_pdf.cache_clear()
    first = plan_documents(regions)
    demo_documents.plan_pdf.cache_clear()
    assert plan_documents(regions) == first


def test_load_demo_twice_keeps_the_same_counts(demo):
    def counts():
        return [
            model.objects.count()
            for model in (Activity, ContactPerson, PlanElement, Regiobeeld, Region)
        ]

    before = counts()
    call_command("load_demo", verbosity=0)
    assert counts() == before
