"""The zelfscan: editing rights, versions, privacy everywhere, counts, who
overcame an obstacle, the filter policy, the spreadsheet round trip, and query
counts that do not grow with ten times more regions."""

import datetime

import pytest
import tablib
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from core.versioning import CONFLICT_MESSAGE
from organisations.models import ContactPerson, Organisation
from progress import stats
from regions.models import Region
from selfscan.history import load_scan_timeline
from selfscan.models import OBSTACLES, SelfScan
from selfscan.resources import SelfScanResource

from .factories import make_region

pytestmark = pytest.mark.django_db

PRIVATE_HOW = "Geheim-recept-uit-een-besloten-zelfscan"
PUBLIC_HOW = "Samen-een-cooperatie-opgericht-in-Beekdal"


def make_scan(region, public=True, **fields) -> SelfScan:
    scan = SelfScan(region=region, is_public=public, **fields)
    scan.full_clean()
    scan.save()
    return scan


def overcame(key: str, how: str, since: int = 2024) -> dict:
    return {f"obstacle_{key}": "overwonnen", f"{key}_how": how, f"{key}_since": since}


@pytest.fixture
def scans(world):
    """Aaland meets the mandate obstacle; Beekdal overcame it in public (with a
    published and an unpublished contact person); Ceeland overcame it in a
    private scan."""
    ContactPerson.objects.create(
        organisation=world.organisation_b,
        name="Petra Publiek",
        email="petra@example.org",
        is_public=True,
    )
    ContactPerson.objects.create(
        organisation=world.organisation_b, name="Victor Verborgen", is_public=False
    )
    return {
        "a": make_scan(
            world.region_a, obstacle_mandate="speelt", governance_state="op_orde"
        ),
        "b": make_scan(
            world.region_b,
            governance_state="op_orde",
            obstacle_trust="speelt",
            **overcame("mandate", PUBLIC_HOW),
        ),
        "c": make_scan(
            world.region_c,
            public=False,
            governance_state="op_orde",
            obstacle_content="speelt",
            support_note=PRIVATE_HOW,
            **overcame("mandate", PRIVATE_HOW),
        ),
    }


def form_data(scan: SelfScan | None, **changes) -> dict:
    data = {
        "is_public": "on",
        "date": "2026-11-01",
        "edit_version": scan.version if scan else "",
        **{f"{k}_state": "onbekend" for k in ("governance", "means", "mandate")},
        **{f"{k}_state": "onbekend" for k in ("leadership", "support")},
        **{o.state_field: "onbekend" for o in OBSTACLES},
    }
    data.update(changes)
    return {k: v for k, v in data.items() if v is not None}


# -- Editing rights ------------------------------------------------------------


@pytest.mark.parametrize(
    "person, region, expected",
    [
        ("visitor", "a", 302),  # to the login page
        ("editor_a", "a", 200),
        ("editor_a", "b", 404),
        ("editor_b", "a", 404),
        ("curator", "a", 200),
    ],
)
def test_who_may_open_the_form(as_person, world, person, region, expected):
    slug = {"a": world.region_a, "b": world.region_b}[region].slug
    response = as_person(person).get(reverse("editing:selfscan", args=[slug]))
    assert response.status_code == expected


def test_an_editor_saves_the_own_scan_with_history(as_person, world):
    client = as_person("editor_a")
    url = reverse("editing:selfscan", args=[world.region_a.slug])
    response = client.post(
        url, form_data(None, governance_state="op_orde", **overcame("funding", "Zo."))
    )
    assert response.status_code == 302
    scan = SelfScan.objects.get(region=world.region_a)
    assert scan.governance_state == "op_orde" and scan.funding_how == "Zo."
    assert scan.history.count() == 1
    region = Region.objects.get(pk=world.region_a.pk)
    assert region.confirmed_at is not None  # saved() confirms the region


def test_an_editor_cannot_post_to_another_region(as_person, world):
    client = as_person("editor_b")
    url = reverse("editing:selfscan", args=[world.region_a.slug])
    response = client.post(url, form_data(None, governance_state="op_orde"))
    assert response.status_code == 404
    assert not SelfScan.objects.exists()


def test_overcome_without_how_is_refused_in_dutch(as_person, world):
    client = as_person("editor_a")
    url = reverse("editing:selfscan", args=[world.region_a.slug])
    response = client.post(url, form_data(None, obstacle_trust="overwonnen"))
    assert response.status_code == 200
    assert "Schrijf in één zin hoe de regio dit heeft overwonnen." in (
        response.content.decode()
    )
    assert not SelfScan.objects.exists()


def test_a_stale_form_is_refused(as_person, world):
    scan = make_scan(world.region_a)
    stale_version = scan.version
    scan.governance_state = "deels"
    scan.save()  # someone else saved in between
    client = as_person("editor_a")
    url = reverse("editing:selfscan", args=[world.region_a.slug])
    data = form_data(scan, governance_state="op_orde")
    data["edit_version"] = stale_version
    response = client.post(url, data)
    assert response.status_code == 200
    assert str(CONFLICT_MESSAGE)[:40] in response.content.decode()
    scan.refresh_from_db()
    assert scan.governance_state == "deels"


# -- Private scans nowhere public ----------------------------------------------


def public_urls(world) -> list[str]:
    slug_c = world.region_c.slug
    return [
        "/",
        "/regios/",
        world.region_a.get_absolute_url(),
        world.region_b.get_absolute_url(),
        world.region_c.get_absolute_url(),
        "/en" + world.region_a.get_absolute_url(),
        reverse("selfscan:obstacles"),
        reverse("selfscan:obstacles") + "?op_orde=governance",
        reverse("selfscan:download", args=["csv"]),
        reverse("selfscan:download", args=["xlsx"]),
        reverse("progress:index"),
        reverse("progress:feed"),
        reverse("progress:region_feed", args=[slug_c]),
        "/open-data/",
        "/sitemap.xml",
        "/zoek/?q=Ceestad",
        reverse("plans:download", args=["csv"]),
    ]


def contents(response) -> str:
    if response["Content-Type"].startswith("application/vnd.openxml"):
        book = tablib.Dataset().load(response.content, format="xlsx")
        return book.export("csv")
    return response.content.decode()


def test_a_private_scan_appears_in_no_public_output(client, world, scans):
    for url in public_urls(world):
        response = client.get(url, follow=True)
        assert response.status_code == 200, url
        assert PRIVATE_HOW not in contents(response), url
    # The region page of the private scan's region shows no scan.
    page = client.get(world.region_c.get_absolute_url()).content.decode()
    assert "geen openbare zelfscan" in page


def test_the_same_scan_made_public_shows(client, world, scans):
    """The control of the test above: the marker is found once it is public."""
    SelfScan.objects.filter(pk=scans["c"].pk).update(is_public=True)
    for url in (
        world.region_a.get_absolute_url(),
        world.region_c.get_absolute_url(),
        reverse("selfscan:obstacles"),
        reverse("selfscan:download", args=["xlsx"]),
    ):
        assert PRIVATE_HOW in contents(client.get(url)), url


def test_counts_leave_private_scans_out(client, world, scans):
    response = client.get(reverse("selfscan:obstacles"))
    assert response.context["scanned"] == 2
    mandate = response.context["summaries"][0]
    assert [r.slug for r in mandate.meeting] == [world.region_a.slug]
    assert [p.region.slug for p in mandate.overcame] == [world.region_b.slug]
    content = next(
        s for s in response.context["summaries"] if s.obstacle.key == "content"
    )
    assert content.meeting == []  # only Ceeland meets it, privately
    governance = response.context["counts"][0]
    assert governance["key"] == "governance" and governance["in_order"] == 2
    assert "2 van 3 regio's hebben een openbare zelfscan" in (response.content.decode())


def test_progress_counts_only_public_scans(world, scans):
    today = timezone.localdate()
    counts = load_scan_timeline().counts_on(today)
    assert counts["mandate"].meeting == 1 and counts["mandate"].overcame == 1
    assert counts["content"].meeting == 0  # Ceeland's is private
    points = stats.obstacles_monthly(stats.monthly())
    assert points[-1].counts["mandate"].overcame == 1


def test_the_timeline_follows_the_history(world):
    scan = SelfScan(region=world.region_a, obstacle_funding="speelt")
    scan._history_date = timezone.make_aware(datetime.datetime(2024, 2, 1, 12))
    scan.save()
    scan.obstacle_funding, scan.funding_how = "overwonnen", "Meerjarig contract."
    scan._history_date = timezone.make_aware(datetime.datetime(2025, 2, 1, 12))
    scan.save()
    timeline = load_scan_timeline()
    assert timeline.counts_on(datetime.date(2024, 1, 1))["funding"].meeting == 0
    assert timeline.counts_on(datetime.date(2024, 6, 1))["funding"].meeting == 1
    later = timeline.counts_on(datetime.date(2025, 6, 1))["funding"]
    assert (later.meeting, later.overcame) == (0, 1)
    scan.is_public = False
    scan.save()
    assert load_scan_timeline().counts_on(datetime.date(2024, 6, 1)) == {
        o.key: type(later)(0, 0) for o in OBSTACLES
    }


# -- Who overcame it -----------------------------------------------------------


def test_the_region_page_lists_who_overcame_it_publicly(client, world, scans):
    page = client.get(world.region_a.get_absolute_url()).content.decode()
    assert "Geen mandaat of gebundelde kracht" in page
    assert "Bundel de huisartsen" in page  # the tip beside the obstacle
    assert PUBLIC_HOW in page
    assert world.region_b.get_absolute_url() in page
    assert "Petra Publiek" in page and "petra@example.org" in page
    assert "Victor Verborgen" not in page
    assert world.region_c.get_absolute_url() not in page.split("zelfscan-titel")[1]


def test_no_peers_when_no_public_scan_overcame_it(client, world, scans):
    SelfScan.objects.filter(pk=scans["b"].pk).update(is_public=False)
    page = client.get(world.region_a.get_absolute_url()).content.decode()
    assert "Nog geen regio meldt dat zij dit heeft overwonnen." in page
    assert PUBLIC_HOW not in page


# -- The filter policy and the download ----------------------------------------


def test_an_unknown_filter_value_is_a_dutch_400_with_the_form(client, world, scans):
    response = client.get(reverse("selfscan:obstacles") + "?op_orde=vliegen")
    assert response.status_code == 400
    html = response.content.decode()
    assert "Onbekend kenmerk: vliegen" in html and "governance" in html
    assert 'name="op_orde"' in html  # the form still renders
    download = client.get(reverse("selfscan:download", args=["csv"]) + "?op_orde=x")
    assert download.status_code == 400
    assert "Onbekend kenmerk: x" in download.content.decode()


def test_the_download_follows_the_filter(client, world, scans):
    url = reverse("selfscan:download", args=["csv"])
    everything = client.get(url).content.decode()
    assert world.region_a.slug in everything and world.region_b.slug in everything
    scans["a"].governance_state = "deels"
    scans["a"].save()
    filtered = client.get(url + "?op_orde=governance").content.decode()
    assert world.region_b.slug in filtered and world.region_a.slug not in filtered
    page = client.get(reverse("selfscan:obstacles") + "?niet_op_orde=governance")
    assert [s.region.slug for s in page.context["rows"]] == [world.region_a.slug]


def test_sorting_by_a_characteristic(client, world, scans):
    scans["a"].governance_state = "deels"
    scans["a"].save()
    response = client.get(reverse("selfscan:obstacles") + "?sorteer=governance")
    assert [s.region.slug for s in response.context["rows"]] == [
        world.region_b.slug,
        world.region_a.slug,
    ]


# -- Spreadsheet ---------------------------------------------------------------


def test_spreadsheet_round_trip_changes_nothing(world, scans):
    exported = SelfScanResource().export()
    assert "belemmering_mandate" in exported.headers
    result = SelfScanResource().import_data(exported, dry_run=False)
    assert not result.has_errors() and not result.has_validation_errors()
    assert result.totals["skip"] == SelfScan.objects.count() == 3


def test_an_import_with_a_bad_row_imports_nothing(world, scans):
    exported = SelfScanResource().export()
    rows = exported.dict
    rows[0]["governance"] = "nog_niet"
    rows[1]["belemmering_trust"] = "overwonnen"  # without how: refused
    data = tablib.Dataset(headers=exported.headers)
    for row in rows:
        data.append([row[h] for h in exported.headers])
    result = SelfScanResource().import_data(data, dry_run=False)
    assert result.has_validation_errors()
    messages = [
        str(m)
        for row in result.invalid_rows
        for errors in row.error_dict.values()
        for m in errors
    ]
    assert any("Schrijf in één zin" in m for m in messages), messages
    scans["a"].refresh_from_db()
    assert scans["a"].governance_state == "op_orde"


# -- Query counts --------------------------------------------------------------


def grow(world, n: int) -> None:
    """n more regions with public scans that overcame what Aaland meets, each
    with an organisation and a published contact person."""
    start = Region.objects.count()
    for i in range(start, start + n):
        organisation = Organisation.objects.create(
            name=f"Organisatie {i}", slug=f"organisatie-{i}", type="ros"
        )
        ContactPerson.objects.create(
            organisation=organisation, name=f"Persoon {i}", is_public=True
        )
        region = make_region(
            f"Groei {i}", f"groei-{i}", regional_organisation=organisation
        )
        make_scan(
            region,
            public=i % 3 != 0,
            obstacle_trust="speelt",
            **overcame("mandate", f"Zo deed regio {i} het."),
        )


def measured(client, urls) -> dict:
    result = {}
    for url in urls:
        client.get(url)  # warm per-process caches
        with CaptureQueriesContext(connection) as context:
            response = client.get(url)
        assert response.status_code == 200, url
        result[url] = len(context.captured_queries)
    return result


def test_query_counts_do_not_grow_with_ten_times_more_regions(
    client, world, scans, editor_a
):
    urls = [
        world.region_a.get_absolute_url(),
        reverse("selfscan:obstacles"),
        reverse("selfscan:obstacles") + "?op_orde=governance&sorteer=aantal",
        reverse("selfscan:download", args=["csv"]),
        reverse("selfscan:download", args=["xlsx"]),
        reverse("progress:index"),
    ]
    grow(world, 3)
    small = measured(client, urls)
    grow(world, 30)
    assert measured(client, urls) == small
    client.force_login(editor_a)
    editor = [reverse("editing:selfscan", args=[world.region_a.slug])]
    small = measured(client, editor)
    grow(world, 30)
    assert measured(client, editor) == small
