"""From regiobeeld to regioplan to contract: model rules, the region page, the
national overview, compare, activities by theme, open data, import-export."""

import datetime

import pytest
import tablib
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.urls import NoReverseMatch, reverse

from plans.models import (
    Contract,
    ElementKind,
    ElementState,
    PlanDetails,
    PlanElement,
    Regiobeeld,
    Theme,
)
from plans.resources import ContractResource, PlanElementResource
from regions.models import Activity, Region

from .factories import make_gemeente, make_region

pytestmark = pytest.mark.django_db

SECRET = "Geheime kwartaalrapportage Zuid"
TODAY = datetime.date.today()


def element(region, kind, state=ElementState.AANWEZIG, **fields):
    return PlanElement.objects.create(
        region=region, element=kind, state=state, **fields
    )


def contract(region, insurer, **fields):
    fields.setdefault("start", datetime.date(2025, 1, 1))
    return Contract.objects.create(region=region, insurer=insurer, **fields)


@pytest.fixture
def chain(world):
    """Aaland: regiobeeld ready, ICT vision present, a public contract.
    Beekdal: no regiobeeld, monitoring absent, a PRIVATE contract with a secret."""
    a, b = world.region_a, world.region_b
    Regiobeeld.objects.create(
        region=a,
        stage=Regiobeeld.Stage.GEREED,
        with_insurer="ja",
        covers_parties=True,
        covers_challenges=True,
    )
    element(a, ElementKind.ICT_VISIE, note="Zie hoofdstuk 3.", page=12)
    element(a, ElementKind.MONITORING)
    element(b, ElementKind.ICT_VISIE, ElementState.DEELS)
    element(b, ElementKind.MONITORING, ElementState.AFWEZIG)
    PlanDetails.objects.create(
        region=a, agreed_with_insurer="ja", period_kind="meerjarig"
    )
    public = contract(
        a,
        world.insurer,
        end=datetime.date(2027, 12, 31),
        kind=Contract.Kind.MEERJARIG,
        state=Contract.State.GETEKEND,
        monitoring_agreed="ja",
        monitoring_how="Halfjaarlijks overleg",
        contents_public=True,
    )
    public.themes.set(Theme.objects.filter(slug="ouderenzorg"))
    private = contract(
        b,
        world.other_insurer,
        state=Contract.State.GETEKEND,
        monitoring_agreed="ja",
        monitoring_how=SECRET,
        contents_public=False,
    )
    private.themes.set(Theme.objects.filter(slug="ggz"))
    return world


# -- Model rules -----------------------------------------------------------------


def test_the_curated_themes_are_there():
    names = set(Theme.objects.values_list("name", flat=True))
    assert {"Ouderenzorg", "GGZ", "Digitalisering en ICT", "Acute zorg"} <= names
    assert Theme.objects.count() == 8


def test_a_contract_period_runs_forward(world):
    backwards = Contract(
        region=world.region_a,
        insurer=world.insurer,
        start=datetime.date(2025, 1, 1),
        end=datetime.date(2024, 12, 31),
    )
    with pytest.raises(ValidationError) as error:
        backwards.full_clean()
    assert "De einddatum ligt vóór de begindatum." in error.value.message_dict["end"]
    with pytest.raises(IntegrityError), transaction.atomic():
        backwards.save()


def test_expired_follows_from_the_end_date_and_is_never_stored(world):
    old = contract(
        world.region_a,
        world.insurer,
        start=datetime.date(2020, 1, 1),
        end=TODAY - datetime.timedelta(days=1),
        state=Contract.State.GETEKEND,
    )
    running = contract(
        world.region_a,
        world.other_insurer,
        start=datetime.date(2020, 1, 1),
        end=TODAY,
        state=Contract.State.GETEKEND,
    )
    open_ended = contract(world.region_b, world.insurer, state="in_voorbereiding")
    assert old.expired and str(old.state_label) == "Verlopen"
    assert old.state == Contract.State.GETEKEND  # stored state unchanged
    assert not running.expired and str(running.state_label) == "Getekend"
    assert str(open_ended.state_label) == "In voorbereiding"
    assert list(Contract.objects.expired()) == [old]
    assert set(Contract.objects.not_expired()) == {running, open_ended}
    # Tomorrow the running one has expired too, without any save.
    tomorrow = TODAY + datetime.timedelta(days=1)
    assert running.is_expired(tomorrow)
    assert set(Contract.objects.expired(tomorrow)) == {old, running}


def test_active_on_a_date(world):
    c = contract(
        world.region_a,
        world.insurer,
        start=datetime.date(2025, 1, 1),
        end=datetime.date(2025, 12, 31),
    )
    open_ended = contract(
        world.region_b, world.insurer, start=datetime.date(2026, 1, 1)
    )
    active = Contract.objects.active_on
    assert list(active(datetime.date(2024, 12, 31))) == []
    assert list(active(datetime.date(2025, 1, 1))) == [c]
    assert list(active(datetime.date(2025, 12, 31))) == [c]
    assert list(active(datetime.date(2030, 1, 1))) == [open_ended]


def test_one_element_of_a_kind_per_region(world):
    element(world.region_a, ElementKind.ICT_VISIE)
    with pytest.raises(IntegrityError), transaction.atomic():
        element(world.region_a, ElementKind.ICT_VISIE, ElementState.AFWEZIG)


def test_a_note_is_at_most_500_characters(world):
    too_long = PlanElement(
        region=world.region_a, element=ElementKind.GOVERNANCE, note="x" * 501
    )
    with pytest.raises(ValidationError) as error:
        too_long.full_clean()
    assert "note" in error.value.message_dict


def test_private_contract_shows_only_existence_insurer_and_period(chain):
    private = Contract.objects.get(region=chain.region_b).public()
    assert private.insurer == "Verzekeraar Zuid"
    assert private.start == datetime.date(2025, 1, 1)
    assert (private.state, private.kind, private.themes) == ("", "", ())
    assert (private.monitoring_agreed, private.monitoring_how) == ("", "")
    public = Contract.objects.get(region=chain.region_a).public()
    assert public.themes == ("Ouderenzorg",)
    assert public.monitoring_how == "Halfjaarlijks overleg"


# -- Region page -----------------------------------------------------------------


def test_region_page_shows_the_three_steps_in_words(client, chain):
    html = client.get(reverse("regions:detail", args=["aaland"])).content.decode()
    assert "Van regiobeeld naar contract" in html
    assert "Regiobeeld gereed" in html
    assert "Wat het regiobeeld beschrijft (2 van 6)" in html
    assert "Aparte ICT-visie" in html and "(p. 12)" in html
    assert "Zie hoofdstuk 3." in html
    assert "Onderdelen van het plan (2 van 7 aanwezig)" in html
    assert "Verzekeraar Noord" in html and "Halfjaarlijks overleg" in html
    assert "Ouderenzorg" in html
    html_b = client.get(reverse("regions:detail", args=["beekdal"])).content.decode()
    assert "Geen regiobeeld" in html_b
    assert "Niet aanwezig" in html_b and "Deels aanwezig" in html_b
    assert "Verzekeraar Zuid" in html_b
    assert "houdt de inhoud van deze afspraak voor zich" in html_b
    assert SECRET not in html_b


def test_region_page_without_any_plans_data(client, world):
    response = client.get(reverse("regions:detail", args=["ceeland"]))
    html = response.content.decode()
    assert "Geen regiobeeld" in html
    assert "Geen contractafspraken bekend" in html
    assert html.count(">Onbekend</span>") >= 7


def test_private_contract_contents_appear_in_no_public_output(client, chain):
    """Page, CSV, XLSX, GeoJSON, embed, overview, compare, feed-like lists."""
    contract_b = Contract.objects.get(region=chain.region_b)
    urls = [
        reverse("regions:map"),
        reverse("regions:list"),
        reverse("regions:detail", args=["beekdal"]),
        reverse("regions:geojson"),
        reverse("regions:embed"),
        reverse("regions:open_data"),
        reverse("regions:regions_download", args=["csv"]),
        reverse("plans:overview"),
        reverse("plans:download", args=["csv"]),
        reverse("plans:contracts_download", args=["csv"]),
        reverse("plans:compare") + "?regio=aaland&regio=beekdal",
        reverse("plans:activities"),
    ]
    # The Atom feeds (issue 11's progress app), where they exist.
    for name, args in (("progress:feed", []), ("progress:region_feed", ["beekdal"])):
        try:
            urls.append(reverse(name, args=args))
        except NoReverseMatch:
            pass
    for url in urls:
        response = client.get(url)
        assert response.status_code == 200, url
        body = b"".join(response) if response.streaming else response.content
        if response.get("Content-Encoding") == "gzip":
            import gzip

            body = gzip.decompress(body)
        assert SECRET.encode() not in body, url
    # The contents themselves: neither the theme nor the state of B's contract.
    rows = client.get(reverse("plans:contracts_download", args=["csv"]))
    data = tablib.Dataset().load(rows.content.decode("utf-8-sig"), format="csv")
    by_region = {row["regio"]: row for row in data.dict}
    assert by_region["beekdal"]["zorgverzekeraar"] == "Verzekeraar Zuid"
    assert by_region["beekdal"]["begindatum"] == "2025-01-01"
    assert by_region["beekdal"]["inhoud_openbaar"] == "nee"
    assert by_region["beekdal"]["themas"] == ""
    assert by_region["beekdal"]["stand_van_zaken"] == ""
    assert by_region["aaland"]["themas"] == "Ouderenzorg"
    xlsx = client.get(reverse("plans:contracts_download", args=["xlsx"]))
    sheet = tablib.Dataset().load(xlsx.content, format="xlsx")
    assert SECRET not in str(sheet.dict)
    assert contract_b.monitoring_how == SECRET  # still stored for the region


# -- /regioplannen/ ----------------------------------------------------------------


def test_overview_counts_per_element(client, chain):
    response = client.get(reverse("plans:overview"))
    html = response.content.decode()
    assert "1 van 3 regio&#x27;s hebben een ICT-visie" in html
    assert "1 van 3 regio&#x27;s hebben monitoring-afspraken" in html
    assert "0 van 3 regio&#x27;s hebben een missie en visie" in html
    assert "(en 1 deels)" in html  # Beekdal's partial ICT vision
    assert "3 regio's getoond." in html


def test_overview_filters_with_and_without(client, chain):
    met = client.get(reverse("plans:overview") + "?met=ict_visie")
    assert [c.region.slug for c in met.context["chains"]] == ["aaland"]
    zonder = client.get(reverse("plans:overview") + "?zonder=monitoring")
    assert [c.region.slug for c in zonder.context["chains"]] == ["beekdal", "ceeland"]
    both = client.get(reverse("plans:overview") + "?met=ict_visie&zonder=monitoring")
    assert both.context["chains"] == []
    assert "Geen regio's met dit filter." in both.content.decode()


def test_overview_bad_filter_is_a_dutch_400(client, chain):
    response = client.get(reverse("plans:overview") + "?met=<script>")
    assert response.status_code == 400
    html = response.content.decode()
    assert "Onbekend onderdeel: &lt;script&gt;" in html
    assert "<script>" not in html.split("<main")[1].split("</main>")[0]


def test_overview_bad_filter_names_the_allowed_values_and_shows_no_regions(
    client, chain
):
    response = client.get(reverse("plans:overview") + "?met=ict_visie&zonder=<b>")
    assert response.status_code == 400
    assert response.context["chains"] == []
    html = response.content.decode()
    elements = ", ".join(ElementKind.values)
    assert f"Onbekend onderdeel: &lt;b&gt;. Kies uit: {elements}." in html
    assert 'id="filter-met" name="met"' in html  # the form is still there
    assert "<b>" not in html.split("<main")[1].split("</main>")[0]
    download = client.get(reverse("plans:download", args=["csv"]) + "?met=onzin")
    assert download.status_code == 404


def test_overview_form_sent_without_a_choice_filters_nothing(client, chain):
    response = client.get(reverse("plans:overview") + "?met=&zonder=", follow=True)
    assert response.status_code == 200
    assert len(response.context["chains"]) == 3


def test_overview_sorts_by_an_element_and_by_count(client, chain):
    url = reverse("plans:overview")
    by_ict = client.get(url + "?sorteer=ict_visie").context["chains"]
    assert [c.region.slug for c in by_ict] == ["aaland", "beekdal", "ceeland"]
    by_count = client.get(url + "?sorteer=aantal&richting=af").context["chains"]
    assert by_count[-1].region.slug == "aaland"
    by_name_desc = client.get(url + "?sorteer=naam&richting=af").context["chains"]
    assert [c.region.slug for c in by_name_desc] == ["ceeland", "beekdal", "aaland"]


def test_overview_download_follows_the_filter(client, chain):
    response = client.get(
        reverse("plans:download", args=["csv"]) + "?zonder=monitoring"
    )
    assert response.status_code == 200
    data = tablib.Dataset().load(response.content.decode("utf-8-sig"), format="csv")
    assert [row["sleutel"] for row in data.dict] == ["beekdal", "ceeland"]
    beekdal = data.dict[0]
    assert beekdal["plan_ict_visie"] == "deels"
    assert beekdal["plan_monitoring"] == "afwezig"
    assert beekdal["contractafspraken"] == "1"
    xlsx = client.get(reverse("plans:download", args=["xlsx"]) + "?met=ict_visie")
    sheet = tablib.Dataset().load(xlsx.content, format="xlsx")
    assert [row["sleutel"] for row in sheet.dict] == ["aaland"]
    assert sheet.dict[0]["regiobeeld"] == "gereed"
    assert sheet.dict[0]["regiobeeld_parties"] == "ja"


def more_regions(n: int) -> None:
    """n extra regions, each with a gemeente, elements and a contract."""
    from organisations.models import Insurer

    insurer = Insurer.objects.first()
    for i in range(n):
        region = make_region(f"Extra {i}", f"extra-{i}")
        gemeente = make_gemeente(f"GM8{i:03d}", f"Extradorp {i}", 6.0, 52.0)
        region.gemeenten.add(gemeente)
        for kind in ElementKind.values:
            element(region, kind, ElementState.values[i % 4])
        Regiobeeld.objects.create(region=region, stage="in_wording")
        c = contract(region, insurer, contents_public=bool(i % 2))
        c.themes.set(Theme.objects.all()[:2])


def count_queries(client, url, django_assert_max_num_queries) -> int:
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    with CaptureQueriesContext(connection) as captured:
        assert client.get(url).status_code == 200
    return len(captured)


def test_overview_queries_do_not_grow_with_the_number_of_regions(
    client, chain, django_assert_max_num_queries
):
    url = reverse("plans:overview")
    small = count_queries(client, url, django_assert_max_num_queries)
    more_regions(7)  # 3 -> 10 regions
    assert Region.objects.count() == 10
    with django_assert_max_num_queries(small):
        response = client.get(url)
    assert len(response.context["chains"]) == 10
    download = reverse("plans:download", args=["csv"])
    with django_assert_max_num_queries(small):
        client.get(download)


def test_compare_queries_do_not_grow_with_the_number_of_regions(
    client, chain, django_assert_max_num_queries
):
    two = reverse("plans:compare") + "?regio=aaland&regio=beekdal"
    small = count_queries(client, two, django_assert_max_num_queries)
    more_regions(7)
    four = (
        reverse("plans:compare")
        + "?regio=aaland&regio=beekdal&regio=extra-0&regio=extra-1"
    )
    with django_assert_max_num_queries(small):
        response = client.get(four)
    assert len(response.context["columns"]) == 4


# -- /vergelijk/ --------------------------------------------------------------------


def test_compare_two_regions(client, chain):
    url = reverse("plans:compare") + "?regio=beekdal&regio=aaland"
    response = client.get(url)
    assert response.status_code == 200
    columns = response.context["columns"]
    assert [c["chain"].region.slug for c in columns] == ["beekdal", "aaland"]
    html = response.content.decode()
    assert "Regio's vergelijken" in html
    assert "Regioplan: 2 van 7 onderdelen aanwezig" in html
    assert "Regioplan: 0 van 7 onderdelen aanwezig" in html
    assert "inhoud niet openbaar" in html
    assert SECRET not in html
    # Kerngetallen against the Netherlands: Aaland 20 000, NL 60 000 inwoners.
    aaland = columns[1]["kerngetallen"][0]
    assert (aaland["label"], aaland["region"], aaland["nl"]) == (
        "Inwoners",
        20_000,
        60_000,
    )
    assert "20.000" in html and "60.000" in html


def test_compare_four_regions(client, chain):
    make_region("Deeland", "deeland")
    url = (
        reverse("plans:compare")
        + "?regio=aaland&regio=beekdal&regio=ceeland&regio=deeland"
    )
    response = client.get(url)
    assert response.status_code == 200
    assert len(response.context["columns"]) == 4
    assert 'class="compare compare-4"' in response.content.decode()


@pytest.mark.parametrize(
    "query, message",
    [
        ("regio=aaland&regio=nergensland", "Deze regio bestaat niet: nergensland."),
        ("regio=aaland", "Kies minstens twee regio&#x27;s om te vergelijken."),
        (
            "regio=aaland&regio=beekdal&regio=ceeland&regio=deeland&regio=eeland",
            "U kunt hoogstens vier regio&#x27;s tegelijk vergelijken.",
        ),
        (
            "regio=aaland&regio=aaland",
            "U heeft dezelfde regio meer dan eens gekozen; kies verschillende.",
        ),
    ],
)
def test_compare_bad_input_is_a_clear_dutch_400(client, chain, query, message):
    make_region("Deeland", "deeland")
    make_region("Eeland", "eeland")
    response = client.get(reverse("plans:compare") + "?" + query)
    assert response.status_code == 400
    assert message in response.content.decode()
    assert response.context["columns"] == []


def test_compare_without_regions_offers_the_picker(client, chain):
    response = client.get(reverse("plans:compare") + "?basis=aaland")
    assert response.status_code == 200
    html = response.content.decode()
    assert '<option value="aaland" selected>' in html
    assert "Kies twee tot vier regio" in html


def test_compare_links_on_region_page_and_table(client, chain):
    page = client.get(reverse("regions:detail", args=["aaland"])).content.decode()
    assert reverse("plans:compare") + "?basis=aaland" in page
    table = client.get(reverse("regions:list")).content.decode()
    assert f'action="{reverse("plans:compare")}"' in table
    assert 'name="regio" value="beekdal"' in table


# -- /activiteiten/ -----------------------------------------------------------------


@pytest.fixture
def themed(world):
    ouderen = Theme.objects.get(slug="ouderenzorg")
    ict = Theme.objects.get(slug="digitalisering-ict")
    world.activity_a.themes.set([ouderen])
    world.activity_b.themes.set([ict, ouderen])
    Activity.objects.create(
        region=world.region_c,
        title="Valpreventie",
        start_date="2023-01-01",
        end_date="2023-12-31",
    ).themes.set([Theme.objects.get(slug="preventie")])
    return world


def test_curated_theme_names_are_english_on_the_english_site(client, themed):
    """Activity.themes is a field of Activity; a curated name_en shows on /en/."""
    assert [t.slug for t in themed.activity_b.themes.order_by("slug")] == [
        "digitalisering-ict",
        "ouderenzorg",
    ]
    Theme.objects.filter(slug="preventie").update(name_en="")
    english = client.get("/en/activiteiten/").content.decode()
    assert "Care for older people" in english and "Ouderenzorg" not in english
    assert ">Preventie<" in english  # no English name: the Dutch one
    dutch = client.get("/activiteiten/").content.decode()
    assert "Ouderenzorg" in dutch and "Care for older people" not in dutch


def titles(response):
    return [a.title for a in response.context["page"].object_list]


def test_activities_by_theme_region_and_year(client, themed):
    url = reverse("plans:activities")
    everything = client.get(url)
    assert len(titles(everything)) == 3
    html = everything.content.decode()
    assert "Zorggroep Beekdal" in html  # the organisation's name
    assert reverse("regions:detail", args=["beekdal"]) in html  # links its region
    assert set(titles(client.get(url + "?thema=ouderenzorg"))) == {
        "Samenwerkingsafspraken gemaakt",
        "Werkgroep ICT-visie",
    }
    assert titles(client.get(url + "?thema=ouderenzorg&regio=beekdal")) == [
        "Werkgroep ICT-visie"
    ]
    assert titles(client.get(url + "?jaar=2023")) == ["Valpreventie"]
    # Open-ended activities count in every later year.
    assert titles(client.get(url + "?jaar=2030")) == ["Werkgroep ICT-visie"]


@pytest.mark.parametrize(
    "query, message",
    [
        ("thema=onzin", "Onbekend thema ‘onzin’."),
        ("regio=onzin", "Onbekende regio ‘onzin’."),
        ("jaar=twintig", "Kies een jaar tussen 2000 en 2100."),
    ],
)
def test_activities_bad_filter_is_a_dutch_400(client, themed, query, message):
    response = client.get(reverse("plans:activities") + "?" + query)
    assert response.status_code == 400
    assert message in response.content.decode()


def test_activities_bad_filter_names_the_allowed_values_and_shows_none(client, themed):
    response = client.get(
        reverse("plans:activities") + "?thema=<i>&regio=beekdal&jaar=2025"
    )
    assert response.status_code == 400
    assert titles(response) == []
    html = response.content.decode()
    themes = ", ".join(Theme.objects.order_by("name").values_list("slug", flat=True))
    assert f"Onbekend thema ‘&lt;i&gt;’. Kies uit: {themes}." in html
    assert "<i>" not in html.split("<main")[1].split("</main>")[0]
    assert 'id="filter-thema" name="thema"' in html  # the form is still there
    assert '<option value="beekdal" selected>' in html  # the good value stays
    year = client.get(reverse("plans:activities") + "?jaar=twintig")
    assert "Geen geldig jaar: ‘twintig’." in year.content.decode()


def test_editor_gives_an_activity_themes(as_person, themed):
    client = as_person("editor_a")
    activity = themed.activity_a
    url = reverse("editing:activity", args=["aaland", activity.pk])
    form = client.get(url).context["form"]
    assert list(form.initial["themes"]) == [Theme.objects.get(slug="ouderenzorg")]
    ggz = Theme.objects.get(slug="ggz")
    response = client.post(
        url,
        {
            "title": activity.title,
            "organisation": activity.organisation_id,
            "start_date": "2024-01-15",
            "themes": [ggz.pk],
            "edit_version": activity.version,
        },
    )
    assert response.status_code == 302
    assert list(activity.themes.all()) == [ggz]


# -- Open data ------------------------------------------------------------------------


def test_open_data_page_lists_the_plans_downloads(client, world):
    html = client.get(reverse("regions:open_data")).content.decode()
    assert reverse("plans:download", args=["csv"]) in html
    assert reverse("plans:contracts_download", args=["xlsx"]) in html


def test_a_public_regiobeeld_document_is_served_a_private_one_not(client, world):
    from django.core.files.base import ContentFile

    from .factories import PDF

    beeld = Regiobeeld(region=world.region_a, stage="gereed")
    beeld.document.save("x.pdf", ContentFile(PDF), save=False)
    beeld.save()
    url = reverse("plans:regiobeeld_document", args=["aaland"])
    assert client.get(url).status_code == 404
    page = client.get(reverse("regions:detail", args=["aaland"])).content.decode()
    assert "Niet openbaar" in page and url not in page
    beeld.document_public = True
    beeld.save()
    response = client.get(url)
    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    assert (
        "regiobeelden/"
        not in client.get(reverse("regions:detail", args=["aaland"])).content.decode()
    )


# -- Import and export (curators) ------------------------------------------------


def test_contract_export_reimports_unchanged(chain):
    exported = ContractResource().export()
    assert set(exported.headers) >= {"regio", "zorgverzekeraar", "begindatum", "themas"}
    result = ContractResource().import_data(exported, dry_run=False)
    assert not result.has_errors() and not result.has_validation_errors()
    assert result.totals["skip"] == 2
    assert Contract.objects.count() == 2


def test_plan_element_import_any_error_imports_nothing(chain):
    data = tablib.Dataset(headers=["regio", "onderdeel", "in_het_plan", "toelichting"])
    data.append(["ceeland", "governance", "aanwezig", "Goed geregeld"])
    data.append(["ceeland", "ict_visie", "misschien", ""])
    data.append(["nergensland", "monitoring", "aanwezig", ""])
    data.append(["ceeland", "draagvlak", "deels", '=HYPERLINK("x")'])
    before = PlanElement.objects.count()
    result = PlanElementResource().import_data(data, dry_run=False)
    assert result.has_validation_errors()
    assert PlanElement.objects.count() == before
    errors = {
        row.number: {k: [str(m) for m in v] for k, v in row.error_dict.items()}
        for row in result.invalid_rows
    }
    assert "misschien" in " ".join(errors[2]["in_het_plan"])
    row_errors = {
        line: [str(e.error) for e in errs] for line, errs in result.row_errors()
    }
    assert "onbekende regio 'nergensland'" in " ".join(
        row_errors.get(3, []) + [str(m) for m in errors.get(3, {}).values()]
    )
    assert "formule" in " ".join(errors[4]["toelichting"])


def test_plan_element_import_by_natural_key_updates_in_place(chain):
    data = tablib.Dataset(headers=["regio", "onderdeel", "in_het_plan", "toelichting"])
    data.append(["beekdal", "monitoring", "aanwezig", "Nu wel"])
    result = PlanElementResource().import_data(data, dry_run=False)
    assert not result.has_errors() and not result.has_validation_errors()
    row = PlanElement.objects.get(region__slug="beekdal", element="monitoring")
    assert (row.state, row.note) == ("aanwezig", "Nu wel")
    assert PlanElement.objects.filter(region__slug="beekdal").count() == 2


def test_contract_import_checks_period_and_themes(chain):
    data = tablib.Dataset(
        headers=["regio", "zorgverzekeraar", "begindatum", "einddatum", "themas"]
    )
    data.append(["ceeland", "noord", "2026-01-01", "2025-01-01", "ggz"])
    data.append(["ceeland", "zuid", "2026-01-01", "", "ggz;vliegeren"])
    result = ContractResource().import_data(data, dry_run=False)
    assert result.has_validation_errors() or result.has_errors()
    assert not Contract.objects.filter(region__slug="ceeland").exists()
    messages = str(
        [row.error_dict for row in result.invalid_rows]
        + [e.error for row in result.row_errors() for e in row[1]]
    )
    assert "einddatum ligt vóór de begindatum" in messages
    assert "vliegeren" in messages


def test_formulas_are_escaped_on_export(chain):
    c = Contract.objects.get(region=chain.region_a)
    c.monitoring_how = "=1+1"
    c.save()
    exported = ContractResource().export()
    assert exported.dict[0]["monitoring_hoe"] == "'=1+1" or any(
        row["monitoring_hoe"] == "'=1+1" for row in exported.dict
    )


def test_regiobeeld_export_reimports_unchanged(chain):
    from plans.resources import RegiobeeldResource

    exported = RegiobeeldResource().export()
    assert exported.dict[0]["regio"] == "aaland"
    assert exported.dict[0]["partijen"] in ("1", 1, True, "True")
    result = RegiobeeldResource().import_data(exported, dry_run=False)
    assert not result.has_errors() and not result.has_validation_errors()
    assert result.totals["skip"] == 1
