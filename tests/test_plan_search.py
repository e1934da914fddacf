"""Search inside every public regioplan and regiobeeld (plans/search)."""

import pytest
from django.core.files.base import ContentFile
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management import call_command
from django.urls import reverse

from plans.models import ElementKind, PlanElement, PlanText, Posting, Regiobeeld
from plans.search import index, query, text
from regions import services
from regions.models import Region, RegioplanStatus
from tests.factories import REGION_A, REGION_B, REGION_C
from tests.plan_pdfs import make_pdf, scanned_pdf

PUBLIC_PAGES = [
    "Inleiding van het regioplan van Aaland.",
    "Wij versterken de huisartsenposten en de ouderenzorg in de wijk. "
    "Zie ook <script>alert(1)</script> & meer.",
    "De ouderen in de regio en de zorg in de wijk: twee onderwerpen.",
]
SECRET = "geheimplanwoord"
NEIGHBOUR = "verborgenbuurwoord"  # beside SECRET in the private plan


def upload_plan(region: Region, pages: list[str]) -> None:
    region.plan_document.save("plan.pdf", ContentFile(make_pdf(pages)), save=False)
    region.save()
    services.documents_changed(region)


@pytest.fixture
def indexed(world):
    a = Region.objects.get(slug=REGION_A)
    upload_plan(a, PUBLIC_PAGES)
    b = Region.objects.get(slug=REGION_B)  # niet openbaar
    upload_plan(b, [f"Het {SECRET} {NEIGHBOUR} staat in een niet-openbaar plan."])
    return a, b


def q(s: str, **kw):
    return query.search(query.parse(s), **kw)


def test_text_of_each_page_and_what_cannot_be_read(settings):
    pages = text.extract(make_pdf(["een huisartsenpost", "twee"]))
    assert pages.state == text.State.INDEXED
    assert pages.pages[0].strip() == "een huisartsenpost" and pages.page_count == 2
    assert text.extract(scanned_pdf()).state == text.State.NO_TEXT
    assert text.extract(b"%PDF-1.4\nkapot").state == text.State.UNREADABLE
    settings.PLAN_TEXT_MAX_PAGES = 2
    limited = text.extract(make_pdf(["een", "twee", "drie"]))
    assert len(limited.pages) == 2 and limited.truncated and limited.page_count == 3
    settings.PLAN_TEXT_MAX_CHARS = 5
    assert "".join(text.extract(make_pdf(["abcdefghij"])).pages) == "abcde"


def test_stemming_finds_other_forms_and_snippets_are_escaped(indexed):
    hits = q("huisartsenpost")
    assert [h.region.slug for h in hits] == [REGION_A]
    snippet = hits[0].snippets[0]
    assert snippet.page == 2
    assert snippet.url == f"/regio/{REGION_A}/regioplan.pdf#page=2"
    assert "<mark>huisartsenposten</mark>" in snippet.html
    assert "<script>" not in snippet.html and "&lt;script&gt;" in snippet.html


def test_all_words_must_occur_and_phrases_must_stand_together(indexed):
    assert q("ouderenzorg wijk")[0].snippets[0].page == 2
    assert q("ouderenzorg onbestaandwoord") == []
    pages = {s.page for s in q('"zorg in de wijk"')[0].snippets}
    assert pages == {3}  # page 2 has "ouderenzorg in de wijk", not the phrase
    assert q('"wijk ouderenzorg"') == []


def test_private_plan_is_never_indexed_nor_found(indexed):
    _a, b = indexed
    assert not PlanText.objects.filter(region=b).exists()
    assert q(SECRET) == []
    # Even rows left behind by a path that forgot to call the index stay out.
    forced = PlanText.objects.create(
        region=b, kind="regioplan", file_name=b.plan_document.name, state="geindexeerd"
    )
    forced.page_texts.create(number=1, text=f"Het {SECRET}.")
    index.write_postings(forced, [f"Het {SECRET}."])
    assert Posting.objects.filter(document=forced, stem=text.stem(SECRET)).exists()
    assert q(SECRET) == []


def test_plan_made_private_or_replaced_leaves_the_index_at_once(indexed, client):
    a, _b = indexed
    assert q("huisartsenpost")
    upload_plan(a, ["Een nieuw plan over iets heel anders: fietspaden."])
    assert q("huisartsenpost") == [] and q("fietspaden")
    assert Posting.objects.filter(stem=text.stem("huisartsenposten")).count() == 0
    a.status = RegioplanStatus.NIET_OPENBAAR
    a.save()
    services.documents_changed(a)
    assert not PlanText.objects.filter(region=a).exists()
    assert q("fietspaden") == []


def test_editor_upload_indexes_and_shows_the_suggestions(world, client, editor_a):
    client.force_login(editor_a)
    region = Region.objects.get(slug=REGION_A)
    upload = SimpleUploadedFile("plan.pdf", make_pdf(PUBLIC_PAGES))
    data = {
        "status": RegioplanStatus.OPENBAAR,
        "plan_url": "",
        "plan_start_year": 2024,
        "plan_end_year": 2027,
        "patients_involved": region.patients_involved,
        "non_practice_holders_involved": region.non_practice_holders_involved,
        "description": "",
        "edit_version": region.version,
        "plan_document": upload,
    }
    response = client.post(reverse("editing:regioplan", args=[REGION_A]), data)
    assert response.status_code == 302
    assert response.url == reverse("editing:plan_elements", args=[REGION_A])
    assert [h.region.slug for h in q("ouderenzorg")] == [REGION_A]


def test_regiobeeld_follows_its_public_flag(world):
    c = Region.objects.get(slug=REGION_C)
    regiobeeld = Regiobeeld(region=c, document_public=True)
    regiobeeld.document.save("rb.pdf", ContentFile(make_pdf(["Vergrijzing"])))
    index.index_document(c, PlanText.Kind.REGIOBEELD)
    hits = q("vergrijzing")
    assert hits[0].snippets[0].url == f"/regio/{REGION_C}/regiobeeld.pdf#page=1"
    Regiobeeld.objects.filter(pk=regiobeeld.pk).update(document_public=False)
    assert q("vergrijzing") == []  # the query checks the flag itself
    c.refresh_from_db()
    index.index_document(c, PlanText.Kind.REGIOBEELD)
    assert not PlanText.objects.filter(region=c).exists()


def test_search_page_filters_and_the_one_filter_policy(indexed, client):
    url = reverse("plans:search")
    page = client.get(url, {"q": "ouderenzorg"})
    html = page.content.decode()
    assert page.status_code == 200 and "Aaland" in html and "#page=2" in html
    assert "<mark>ouderenzorg</mark>" in html
    other = client.get(url, {"q": "ouderenzorg", "verzekeraar": "zuid"})
    assert "#page=2" not in other.content.decode()
    assert (
        "regioplan.pdf#page"
        in client.get(
            url, {"q": "ouderenzorg", "verzekeraar": "noord", "provincie": "Utrecht"}
        ).content.decode()
    )
    bad = client.get(url, {"q": "ouderenzorg", "status": "paars"})
    body = bad.content.decode()
    assert bad.status_code == 400
    assert "paars" in body and "openbaar" in body and 'name="q"' in body
    assert "#page=2" not in body
    PlanElement.objects.create(
        region=indexed[0], element=ElementKind.ICT_VISIE, state="aanwezig"
    )
    with_element = client.get(url, {"q": "ouderenzorg", "onderdeel": "ict_visie"})
    assert "#page=2" in with_element.content.decode()
    without = client.get(url, {"q": "ouderenzorg", "onderdeel": "monitoring"})
    assert "#page=2" not in without.content.decode()


def test_search_boxes_on_overview_and_region_page(world, client):
    search_url = reverse("plans:search")
    assert f'action="{search_url}"' in client.get("/regioplannen/").content.decode()
    region_page = client.get(f"/regio/{REGION_A}/").content.decode()
    assert f'action="{search_url}"' in region_page


def test_private_words_appear_on_no_public_page(indexed, client):
    a, b = indexed
    # Also the private plan's text suggested to its own editors stays theirs.
    urls = [
        "/",
        "/regios/",
        "/regioplannen/",
        f"/regioplannen/zoeken/?q={SECRET}",
        "/activiteiten/",
        "/voortgang/",
        "/voortgang/feed/",
        "/open-data/",
        "/organisaties/",
        f"/zoek/?q={SECRET}",
        "/data/regios.geojson",
        "/data/regios.csv",
        "/data/regioplannen.csv",
        "/data/contractafspraken.csv",
        "/sitemap.xml",
        f"/vergelijk/?regio={REGION_A}&regio={REGION_B}",
        "/en/regioplannen/zoeken/?q=" + SECRET,
    ]
    for region in (a, b):
        urls += [f"/regio/{region.slug}/", f"/regio/{region.slug}/feed/"]
    for url in urls:
        response = client.get(url)
        assert response.status_code in (200, 404), url
        body = b"".join(response) if response.streaming else response.content
        # A search page repeats the query, never the plan's words around it.
        assert NEIGHBOUR.encode() not in body, url
        if "q=" not in url:
            assert SECRET.encode() not in body, url


def test_unreadable_pdf_keeps_its_upload_and_curators_see_it(world, curator_client):
    a = Region.objects.get(slug=REGION_A)  # the world's plan is not a real PDF
    plan_text = index.index_document(a, PlanText.Kind.REGIOPLAN)
    assert plan_text.state == PlanText.State.UNREADABLE
    assert a.plan_document  # kept
    changelist = curator_client.get(reverse("admin:plans_plantext_changelist"))
    assert "Tekst niet leesbaar" in changelist.content.decode()
    upload_plan(a, ["", ""])  # pages without text
    a.plan_document.save("scan.pdf", ContentFile(scanned_pdf()), save=True)
    assert index.index_region(a)[0].state == PlanText.State.NO_TEXT
    assert curator_client.get(f"/regio/{REGION_A}/").status_code == 200


def test_index_plans_is_a_dry_run_unless_commit(world, capsys):
    a = Region.objects.get(slug=REGION_A)
    a.plan_document.save("plan.pdf", ContentFile(make_pdf(PUBLIC_PAGES)), save=True)
    call_command("index_plans")
    out = capsys.readouterr().out
    assert "1 document(en) te lezen" in out and "proefdraai" in out
    assert not PlanText.objects.exists()
    call_command("index_plans", "--commit")
    assert "1 document(en) gelezen" in capsys.readouterr().out
    assert PlanText.objects.get().pages_indexed == 3
    call_command("index_plans", "--commit")
    assert "1 ongewijzigd" in capsys.readouterr().out
