"""Editors at work: saving, conflicts, documents and what visitors then see."""

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from core.versioning import rows_state
from regions.models import Region, RegionFigure

from .conftest import REGION_A, REGION_C

pytestmark = pytest.mark.django_db

PDF = b"%PDF-1.4\n% regioplan\n"


def plan_data(region, **changes):
    data = {
        "status": region.status,
        "plan_url": region.plan_url,
        "plan_start_year": region.plan_start_year or "",
        "plan_end_year": region.plan_end_year or "",
        "patients_involved": region.patients_involved,
        "non_practice_holders_involved": region.non_practice_holders_involved,
        "description": region.description,
        "edit_version": region.version,
    }
    data.update(changes)
    return data


@pytest.fixture
def editor_client(client, editor_a):
    client.force_login(editor_a)
    return client


def test_editor_changes_status_and_visitors_see_it(editor_client, client):
    region = Region.objects.get(slug=REGION_A)
    url = reverse("editing:regioplan", args=[REGION_A])
    response = editor_client.post(url, plan_data(region, status="in_ontwikkeling"))
    assert response.status_code == 302
    region.refresh_from_db()
    assert region.status == "in_ontwikkeling"
    client.logout()
    html = client.get(region.get_absolute_url()).content.decode()
    assert "Regioplan in ontwikkeling" in html
    layer = client.get("/data/regios.geojson").json()
    feature = next(f for f in layer["features"] if f["id"] == REGION_A)
    assert feature["properties"]["status"] == "in_ontwikkeling"


def test_second_save_of_a_stale_form_is_refused_with_a_clear_message(editor_client):
    region = Region.objects.get(slug=REGION_A)
    url = reverse("editing:regioplan", args=[REGION_A])
    stale = plan_data(region, description="Versie van Anna")
    first = plan_data(region, description="Versie van Bram")
    assert editor_client.post(url, first).status_code == 302
    response = editor_client.post(url, stale)
    assert response.status_code == 200
    html = response.content.decode()
    assert "Iemand anders heeft deze gegevens gewijzigd" in html
    assert "Versie van Anna" in html  # nothing the second person typed is lost
    region.refresh_from_db()
    assert region.description == "Versie van Bram"
    # Saving again, knowingly, now works.
    again = editor_client.post(
        url, {**stale, "edit_version": response.context["form"].data["edit_version"]}
    )
    assert again.status_code == 302
    region.refresh_from_db()
    assert region.description == "Versie van Anna"


def test_public_status_without_document_is_explained(editor_client, editor_a):
    region = Region.objects.get(slug=REGION_C)  # no plan uploaded, no link
    region.memberships.create(user=editor_a)
    url = reverse("editing:regioplan", args=[REGION_C])
    response = editor_client.post(url, plan_data(region, status="openbaar"))
    assert response.status_code == 200
    assert "Een openbaar regioplan heeft een document" in response.content.decode()
    region.refresh_from_db()
    assert region.status == "in_ontwikkeling"


def test_only_pdfs_are_accepted(editor_client):
    region = Region.objects.get(slug=REGION_A)
    url = reverse("editing:regioplan", args=[REGION_A])
    fake = SimpleUploadedFile(
        "plan.pdf", b"MZ\x90\x00 not a pdf", content_type="application/pdf"
    )
    response = editor_client.post(url, {**plan_data(region), "plan_document": fake})
    assert "Alleen PDF-bestanden zijn toegestaan." in response.content.decode()
    old_name = region.plan_document.name
    region.refresh_from_db()
    assert region.plan_document.name == old_name


def test_too_large_pdf_is_refused(editor_client, settings):
    settings.REGIOPLAN_MAX_UPLOAD_BYTES = 100
    region = Region.objects.get(slug=REGION_A)
    url = reverse("editing:regioplan", args=[REGION_A])
    big = SimpleUploadedFile("plan.pdf", PDF + b"0" * 200)
    response = editor_client.post(url, {**plan_data(region), "plan_document": big})
    assert "Het bestand is te groot" in response.content.decode()


def test_uploaded_plan_gets_a_secret_name_and_is_hidden_while_not_public(
    editor_client, client
):
    region = Region.objects.get(slug=REGION_A)
    url = reverse("editing:regioplan", args=[REGION_A])
    upload = SimpleUploadedFile("Regioplan Aaland 2025.pdf", PDF)
    data = {**plan_data(region, status="niet_openbaar"), "plan_document": upload}
    assert editor_client.post(url, data).status_code == 302
    region.refresh_from_db()
    assert "Aaland" not in region.plan_document.name
    assert region.plan_document.read() == PDF
    # The form links the plan through the editors' preview, never the media path.
    form_html = editor_client.get(url).content.decode()
    assert reverse("editing:regioplan_pdf", args=[REGION_A]) in form_html
    assert "/media/" not in form_html and region.plan_document.name not in form_html
    # The editor can read it; a visitor cannot, and the page does not link it.
    preview = editor_client.get(reverse("editing:regioplan_pdf", args=[REGION_A]))
    assert preview.status_code == 200
    client.logout()
    assert client.get(f"/regio/{REGION_A}/regioplan.pdf").status_code == 404
    assert "regioplan.pdf" not in client.get(region.get_absolute_url()).content.decode()


def test_free_text_is_stored_as_typed_and_rendered_escaped(editor_client, client):
    region = Region.objects.get(slug=REGION_A)
    text = '<script>alert("x")</script> & "samen"'
    url = reverse("editing:regioplan", args=[REGION_A])
    editor_client.post(url, plan_data(region, description=text))
    region.refresh_from_db()
    assert region.description == text
    html = client.get(region.get_absolute_url()).content.decode()
    assert "<script>alert" not in html
    assert (
        "&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; &quot;samen&quot;"
        in html
    )


def test_editor_adds_an_activity_and_a_new_organisation(editor_client, client):
    response = editor_client.post(
        reverse("editing:new_organisation", args=[REGION_A]),
        {
            "name": "Gezondheidscentrum De Linde",
            "type": "multidisciplinair",
            "city": "Aastad",
        },
    )
    assert response.status_code == 302
    organisation = Region.objects.get(slug=REGION_A).organisations.get(
        name="Gezondheidscentrum De Linde"
    )
    response = editor_client.post(
        reverse("editing:new_activity", args=[REGION_A]),
        {
            "title": "Samen spreekuur ouderenzorg",
            "organisation": organisation.pk,
            "start_date": "2026-01-01",
        },
    )
    assert response.status_code == 302
    html = client.get(f"/regio/{REGION_A}/").content.decode()
    assert "Samen spreekuur ouderenzorg" in html
    assert "Gezondheidscentrum De Linde" in html


def test_activity_period_must_run_forwards(editor_client):
    response = editor_client.post(
        reverse("editing:new_activity", args=[REGION_A]),
        {
            "title": "Achterstevoren",
            "start_date": "2026-05-01",
            "end_date": "2026-01-01",
        },
    )
    assert response.status_code == 200
    assert "De einddatum ligt vóór de begindatum." in response.content.decode()


def test_editor_enters_own_figures(editor_client, client):
    response = editor_client.post(
        reverse("editing:figures", args=[REGION_A]),
        {
            "figures-TOTAL_FORMS": 1,
            "figures-INITIAL_FORMS": 0,
            "figures-STATE": rows_state(
                RegionFigure.objects.filter(region__slug=REGION_A)
            ),
            "figures-0-kind": "praktijken",
            "figures-0-value": 118,
            "figures-0-year": 2025,
            "figures-0-source": "Ledenlijst huisartsenorganisatie",
        },
    )
    assert response.status_code == 302
    html = client.get(f"/regio/{REGION_A}/").content.decode()
    assert "Huisartsenpraktijken" in html and "118" in html
