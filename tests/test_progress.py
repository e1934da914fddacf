"""Progress over time (issue 11): status history, the map on a date,
/voortgang/, feeds."""

import datetime
import importlib
import io
import xml.etree.ElementTree as ET

import pytest
from django.apps import apps as global_apps
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management import call_command
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from plans.models import PlanElement
from progress import stats
from regions import services
from regions.maplayer.history import load_timeline
from regions.models import GemeenteMove, Region, ReminderLog, StatusChange

from .conftest import REGION_A, REGION_B, REGION_C
from .factories import make_editor, make_gemeente
from .helpers import region_admin_post
from .test_admin_data_import import PROCESS, regions_csv, upload
from .test_editing import plan_data

pytestmark = pytest.mark.django_db

ATOM = "{http://www.w3.org/2005/Atom}"
D = datetime.date


def changes_of(slug):
    return list(
        StatusChange.objects.filter(region__slug=slug).order_by("created_at", "pk")
    )


def add_change(region, day, old, new, **fields):
    """A recorded change on a past day, as a curator would date it."""
    region.status = new
    Region.objects.filter(pk=region.pk).update(status=new)
    return services.record_status(region, old, effective_date=day, **fields)


# -- history is recorded on every path ------------------------------------------


def test_editor_change_is_recorded_and_confirms(client, editor_a, world):
    client.force_login(editor_a)
    response = client.post(
        reverse("editing:regioplan", args=[REGION_A]),
        plan_data(world.region_a, status="in_ontwikkeling"),
    )
    assert response.status_code == 302
    [change] = changes_of(REGION_A)
    assert (change.previous_status, change.status) == ("openbaar", "in_ontwikkeling")
    assert change.recorded_by == editor_a
    assert change.effective_date == timezone.localdate()
    assert Region.objects.get(slug=REGION_A).confirmed_at is not None


def test_editor_save_without_status_change_records_nothing(client, editor_a, world):
    client.force_login(editor_a)
    client.post(
        reverse("editing:regioplan", args=[REGION_A]),
        plan_data(world.region_a, description="Alleen de toelichting"),
    )
    assert changes_of(REGION_A) == []


def admin_change(client, region, **changes):
    url = reverse("admin:regions_region_change", args=[region.pk])
    form = client.get(url).context["adminform"].form
    return client.post(url, region_admin_post(form, region, **changes))


def test_curator_change_in_the_admin_has_its_date_and_note(
    curator_client, curator, world
):
    response = admin_change(
        curator_client,
        world.region_b,
        status="geen",
        status_effective_date="2025-03-01",
        status_note="Plan ingetrokken",
    )
    assert response.status_code == 302, response.context["adminform"].form.errors
    [change] = changes_of(REGION_B)
    assert change.status == "geen" and change.previous_status == "niet_openbaar"
    assert change.effective_date == D(2025, 3, 1)
    assert change.recorded_by == curator and change.note == "Plan ingetrokken"


def test_admin_refuses_a_future_effective_date(curator_client, world):
    tomorrow = timezone.localdate() + datetime.timedelta(days=1)
    response = admin_change(
        curator_client, world.region_b, status="geen", status_effective_date=tomorrow
    )
    assert response.status_code == 200
    assert "toekomst" in response.content.decode()
    assert Region.objects.get(slug=REGION_B).status == "niet_openbaar"
    assert changes_of(REGION_B) == []


def test_import_records_each_changed_row(curator_client, curator, world):
    text = regions_csv(curator_client).replace(
        "beekdal,Beekdal,niet_openbaar", "beekdal,Beekdal,in_ontwikkeling"
    )
    response = upload(curator_client, text.encode("utf-8-sig"), "bewerkt.csv")
    assert changes_of(REGION_B) == []  # the preview writes nothing
    confirm = response.context["confirm_form"].initial
    curator_client.post(PROCESS, {**confirm, "resource": "0"})
    [change] = changes_of(REGION_B)
    assert (change.previous_status, change.status) == (
        "niet_openbaar",
        "in_ontwikkeling",
    )
    assert change.recorded_by == curator
    assert changes_of(REGION_A) == [] and changes_of(REGION_C) == []


def test_revert_in_the_admin_is_recorded(curator_client, curator, editor_a, world):
    region = world.region_a
    original = region.history.first()
    editor = Client()
    editor.force_login(editor_a)
    editor.post(
        reverse("editing:regioplan", args=[REGION_A]),
        plan_data(region, status="geen"),
    )
    region.refresh_from_db()
    url = reverse("admin:regions_region_simple_history", args=[region.pk, original.pk])
    form = curator_client.get(url).context["adminform"].form
    response = curator_client.post(url, region_admin_post(form, region))
    assert response.status_code == 302
    first, second = changes_of(REGION_A)
    assert (first.status, first.recorded_by) == ("geen", editor_a)
    assert (second.previous_status, second.status) == ("geen", "openbaar")
    assert second.recorded_by == curator


# -- backfill from the history tables -------------------------------------------


def test_backfill_turns_history_into_status_changes(client, editor_a, world):
    client.force_login(editor_a)
    client.post(
        reverse("editing:regioplan", args=[REGION_A]),
        plan_data(world.region_a, status="geen"),
    )
    world.region_a.refresh_from_db()
    client.post(  # not a status change: no row
        reverse("editing:regioplan", args=[REGION_A]),
        plan_data(world.region_a, description="Toelichting"),
    )
    StatusChange.objects.all().delete()
    migration = importlib.import_module(
        "regions.migrations.0003_backfill_status_changes"
    )
    migration.backfill_status_changes(global_apps, None)
    rows = changes_of(REGION_A)
    assert [(c.previous_status, c.status) for c in rows] == [
        ("", "openbaar"),
        ("openbaar", "geen"),
    ]
    assert rows[1].recorded_by == editor_a and rows[0].recorded_by is None
    assert [(c.previous_status, c.status) for c in changes_of(REGION_C)] == [
        ("", "in_ontwikkeling")
    ]
    assert changes_of(REGION_C)[0].is_demo
    migration.backfill_status_changes(global_apps, None)  # twice adds nothing
    assert len(changes_of(REGION_A)) == 2


# -- status on a date -----------------------------------------------------------


def test_status_on_a_date_including_the_boundary_day(world):
    region = world.region_b
    add_change(region, D(2024, 1, 10), "", "onbekend")
    add_change(region, D(2024, 6, 1), "onbekend", "in_ontwikkeling")
    add_change(region, D(2025, 2, 1), "in_ontwikkeling", "niet_openbaar")
    timeline = load_timeline()
    assert timeline.status_on(region.pk, D(2024, 1, 9)) is None  # not yet a region
    assert timeline.status_on(region.pk, D(2024, 1, 10)) == "onbekend"
    assert timeline.status_on(region.pk, D(2024, 5, 31)) == "onbekend"
    assert timeline.status_on(region.pk, D(2024, 6, 1)) == "in_ontwikkeling"
    assert timeline.status_on(region.pk, D(2025, 1, 31)) == "in_ontwikkeling"
    assert timeline.status_on(region.pk, D(2025, 2, 1)) == "niet_openbaar"
    # A region without recorded changes always had its current status.
    assert timeline.status_on(world.region_a.pk, D(2001, 1, 1)) == "openbaar"


def test_map_on_a_date_colours_and_counts_as_then(client, world):
    add_change(world.region_a, D(2024, 6, 1), "in_ontwikkeling", "openbaar")
    response = client.get("/?datum=2024-05-31")
    assert response.status_code == 200
    html = response.content.decode()
    assert (
        "Op 31 mei 2024: 0 regio&#x27;s openbaar, 1 niet openbaar, 2 in ontwikkeling"
        in html
    )
    layer = client.get(response.context["layer_url"]).json()
    statuses = {f["id"]: f["properties"]["status"] for f in layer["features"]}
    assert statuses == {
        REGION_A: "in_ontwikkeling",
        REGION_B: "niet_openbaar",
        REGION_C: "in_ontwikkeling",
    }
    on_day = client.get("/?datum=2024-06-01").content.decode()
    assert "Op 1 juni 2024: 1 regio openbaar" in on_day
    today = client.get("/")
    assert today.context["map_date"] is None
    assert "datum=" not in today.context["layer_url"]


def test_dated_layer_is_rebuilt_when_history_changes(client, world):
    change = add_change(world.region_a, D(2024, 6, 1), "geen", "openbaar")
    url = reverse("regions:geojson") + "?datum=2024-07-01"

    def status_a():
        layer = client.get(url).json()
        return next(f for f in layer["features"] if f["id"] == REGION_A)["properties"][
            "status"
        ]

    assert status_a() == "openbaar"
    change.effective_date = D(2024, 8, 1)  # a curator corrects the date
    change.save()
    assert status_a() == "geen"


@pytest.mark.parametrize(
    "value", ["gisteren", "2024-13-01", "2999-01-01", "1999-12-31", "2024-02-30"]
)
def test_bad_dates_get_a_dutch_message_and_400(client, world, value):
    response = client.get("/", {"datum": value})
    assert response.status_code == 400
    assert response.context["map_date_error"]
    assert response.context["map_date"] is None
    assert client.get(reverse("regions:geojson"), {"datum": value}).status_code == 400


# -- /voortgang/ ------------------------------------------------------------------


def composition_since_2000():
    """The world's gemeenten joined their regions when it was built, today;
    for tests about earlier years they were there long before."""
    GemeenteMove.objects.update(
        created_at=timezone.make_aware(datetime.datetime(2000, 1, 1))
    )


def test_inhabitant_share_sums_cbs_figures(world):
    # Aaland (20 000 of 60 000 inwoners) public since 1 June 2024; Beekdal
    # (30 000) public from 1 March 2025.
    composition_since_2000()
    add_change(world.region_c, D(2024, 1, 1), "onbekend", "in_ontwikkeling")
    add_change(world.region_a, D(2024, 6, 1), "in_ontwikkeling", "openbaar")
    world.region_b.plan_url = "https://example.org/plan.pdf"
    world.region_b.save()
    add_change(world.region_b, D(2025, 3, 1), "niet_openbaar", "openbaar")
    points = {p.day: p for p in stats.monthly(today=D(2025, 3, 15))}
    assert points[D(2024, 5, 31)].share_public == 0
    assert points[D(2024, 6, 30)].share_public == pytest.approx(100 * 20 / 60)
    assert points[D(2025, 2, 28)].share_public == pytest.approx(100 * 20 / 60)
    assert points[D(2025, 3, 15)].share_public == pytest.approx(100 * 50 / 60)
    assert points[D(2025, 3, 15)].counts["openbaar"] == 2


def test_progress_page_shows_charts_tables_and_changes(client, world):
    add_change(world.region_b, D(2024, 6, 1), "onbekend", "niet_openbaar")
    response = client.get(reverse("progress:index"))
    assert response.status_code == 200
    html = response.content.decode()
    assert html.count("<svg viewBox") >= 2
    assert '<title id="grafiek-status-titel">' in html
    assert "<desc id=" in html and "<table" in html
    assert 'rel="alternate" type="application/atom+xml"' in html
    assert "Beekdal" in html


def many_regions_with_history(n: int):
    """n more regions, each with a status history, plan elements that changed
    over the years and a gemeente that moved in and out again."""
    extra = make_gemeente("GM9099", "Verhuisdorp", 5.4, 52.1, inwoners=3_000)
    for i in range(n):
        region = Region.objects.create(name=f"Extra {i}", slug=f"extra-{i}")
        old = ""
        for year, status in ((2022, "geen"), (2023, "onbekend"), (2024, "geen")):
            old = add_change(region, D(year, 3, 1), old, status).status
        for kind in ("ict_visie", "governance"):
            element = PlanElement.objects.create(region=region, element=kind)
            for state in ("afwezig", "deels", "aanwezig"):
                element.state = state
                element.save()
        services.move_gemeenten({extra: region})
    services.move_gemeenten({extra: None})


def test_progress_page_query_count_does_not_grow(
    client, world, django_assert_max_num_queries
):
    with django_assert_max_num_queries(50) as small:
        small_points = client.get(reverse("progress:index")).context["points"]
    many_regions_with_history(15)
    assert PlanElement.history.count() >= 15 * 2 * 4
    assert GemeenteMove.objects.count() >= 16
    with django_assert_max_num_queries(len(small.captured_queries)):
        response = client.get(reverse("progress:index"))
    assert response.context["now"].total == 18
    assert len(response.context["points"]) > len(small_points)
    present = {row.label: row.present for row in response.context["elements"]}
    assert present["Aparte ICT-visie"] == present["Governance en zeggenschap"] == 15


# -- feeds -------------------------------------------------------------------------


def test_feeds_are_atom_without_private_data(client, curator, editor_a, world):
    add_change(
        world.region_b,
        D(2025, 1, 5),
        "onbekend",
        "niet_openbaar",
        user=curator,
        note="Geheim: gebeld met de voorzitter",
    )
    for url in (
        reverse("progress:feed"),
        reverse("progress:region_feed", args=[REGION_B]),
    ):
        response = client.get(url)
        assert response.status_code == 200
        assert response["Content-Type"].startswith("application/atom+xml")
        root = ET.fromstring(response.content)
        assert root.tag == f"{ATOM}feed"
        entries = root.findall(f"{ATOM}entry")
        assert entries
        text = response.content.decode()
        assert "Beekdal" in text
        for private in ("Geheim", "curator", "@example.org", "redacteur"):
            assert private not in text
    region_feed = client.get(reverse("progress:region_feed", args=[REGION_B]))
    titles = [
        e.find(f"{ATOM}title").text
        for e in ET.fromstring(region_feed.content).findall(f"{ATOM}entry")
    ]
    assert any("Werkgroep ICT-visie" in t for t in titles)  # new activity
    assert (
        client.get(reverse("progress:region_feed", args=["bestaat-niet"])).status_code
        == 404
    )


# -- region page: timeline, confirmation, expired plans ---------------------------


def test_region_page_shows_its_timeline_and_confirmation(client, world):
    add_change(world.region_b, D(2024, 6, 1), "onbekend", "niet_openbaar")
    html = client.get(reverse("regions:detail", args=[REGION_B])).content.decode()
    assert 'id="tijdlijn"' in html and "1 juni 2024" in html
    assert "nog niet bevestigd" in html
    assert reverse("progress:region_feed", args=[REGION_B]) in html
    services.confirm(world.region_b)
    html = client.get(reverse("regions:detail", args=[REGION_B])).content.decode()
    assert "laatst bevestigd op" in html


def test_expired_plan_is_shown_on_region_page_and_overview(client, world):
    Region.objects.filter(pk=world.region_a.pk).update(
        plan_start_year=2019, plan_end_year=2020
    )
    page = client.get(reverse("regions:detail", args=[REGION_A])).content.decode()
    assert "verlopen: liep tot en met 2020" in page
    overview = client.get(reverse("regions:list")).content.decode()
    assert "plan verlopen (2020)" in overview
    Region.objects.filter(pk=world.region_a.pk).update(
        plan_end_year=timezone.localdate().year
    )
    assert (
        "verlopen"
        not in client.get(reverse("regions:detail", args=[REGION_A])).content.decode()
    )


def test_klopt_nog_confirms_with_the_current_version(client, editor_a, world):
    client.force_login(editor_a)
    url = reverse("editing:confirm", args=[REGION_A])
    stale = world.region_a.version - 1
    client.post(url, {"edit_version": stale})
    assert Region.objects.get(slug=REGION_A).confirmed_at is None
    response = client.post(url, {"edit_version": world.region_a.version}, follow=True)
    assert "Bevestigd" in response.content.decode()
    region = Region.objects.get(slug=REGION_A)
    assert region.confirmed_at is not None
    assert region.version == world.region_a.version  # not a change of the entry
    # Another region's confirm is a 404; GET is not allowed.
    other = reverse("editing:confirm", args=[REGION_B])
    assert client.post(other, {"edit_version": 1}).status_code == 404
    assert client.get(url).status_code == 405


# -- reminders -------------------------------------------------------------------


def send_reminders(*args):
    out = io.StringIO()
    call_command("send_reminders", *args, stdout=out)
    return out.getvalue()


def test_reminders_go_once_per_period_and_never_to_inactive_users(
    world, editor_a, editor_b, settings, mailoutbox
):
    settings.REGIOKAART_REMINDER_MONTHS = 6
    long_ago = timezone.now() - datetime.timedelta(days=200)
    Region.objects.update(created_at=long_ago)
    Region.objects.filter(pk=world.region_c.pk).update(confirmed_at=timezone.now())
    inactive = make_editor("oud-redacteur", world.region_a)
    inactive.is_active = False
    inactive.save()

    output = send_reminders()  # dry run
    assert "2 herinnering(en) te versturen" in output
    assert mailoutbox == [] and not ReminderLog.objects.exists()

    send_reminders("--commit")
    assert sorted(m.to[0] for m in mailoutbox) == [editor_a.email, editor_b.email]
    mail = next(m for m in mailoutbox if m.to == [editor_a.email])
    assert "Kloppen de gegevens van Aaland nog?" == mail.subject
    assert "Klopt nog" in mail.body and "/mijn-regio/aaland/" in mail.body
    assert ReminderLog.objects.count() == 2

    assert "0 herinnering(en) verstuurd" in send_reminders("--commit")
    assert len(mailoutbox) == 2  # once per period

    ReminderLog.objects.update(sent_at=long_ago)  # a period later: again
    send_reminders("--commit")
    assert len(mailoutbox) == 4
    assert inactive.email not in {m.to[0] for m in mailoutbox}


# -- the spreadsheet import preview ------------------------------------------------


def test_import_preview_shows_changes_with_line_numbers(curator_client, world):
    text = regions_csv(curator_client).replace(
        "beekdal,Beekdal,niet_openbaar", "beekdal,Beekdal,in_ontwikkeling"
    )
    lines = text.strip().splitlines()
    line_of_beekdal = next(i for i, line in enumerate(lines, 1) if "beekdal" in line)
    html = upload(curator_client, text.encode("utf-8-sig")).content.decode()
    assert 'id="toon-ongewijzigd"' in html  # unchanged rows hidden until asked
    assert (
        f'<tr class="update">\n        <th scope="row">{line_of_beekdal}</th>' in html
    )
    assert html.count('<tr class="skip">') == 2


def test_import_error_table_uses_the_summary_line_numbers(curator_client, world):
    text = regions_csv(curator_client).replace(
        "beekdal,Beekdal,niet_openbaar", "beekdal,Beekdal,paars"
    )
    lines = text.strip().splitlines()
    line = next(i for i, row in enumerate(lines, 1) if "beekdal" in row)
    html = upload(curator_client, text.encode("utf-8-sig")).content.decode()
    assert f"Regel {line}, kolom" in html
    assert f'<tr><th scope="row">{line}</th>' in html


def test_organisation_preview_fills_the_regions_column(curator_client, world):
    text = (
        "sleutel,naam,soort,regios\n"
        "ros-midden,ROS Midden,ros,aaland;beekdal\n"  # was in all three
        "nieuwe-ros,Nieuwe ROS,ros,ceeland\n"
    )
    response = curator_client.post(
        reverse("admin:organisations_organisation_import"),
        {
            "resource": "0",
            "format": "0",
            "import_file": SimpleUploadedFile("org.csv", text.encode()),
        },
    )
    assert response.status_code == 200
    rows = {
        row.import_type: "".join(str(cell) for cell in row.diff)
        for row in response.context["result"].rows
    }
    assert "ceeland" in rows["new"]
    assert "aaland;beekdal" in rows["update"]


def test_region_feed_has_signed_contracts_and_page_has_plan_elements(client, world):
    from plans.models import Contract

    Contract.objects.create(
        region=world.region_a,
        insurer=world.insurer,
        start=D(2025, 1, 1),
        state=Contract.State.GETEKEND,
    )
    Contract.objects.create(  # not signed yet: not news
        region=world.region_a, insurer=world.other_insurer, start=D(2026, 1, 1)
    )
    feed = client.get(reverse("progress:region_feed", args=[REGION_A]))
    titles = [
        e.find(f"{ATOM}title").text
        for e in ET.fromstring(feed.content).findall(f"{ATOM}entry")
    ]
    assert "Aaland: contract met Verzekeraar Noord getekend" in titles
    assert not any("Verzekeraar Zuid" in t for t in titles)

    PlanElement.objects.create(
        region=world.region_a, element="ict_visie", state="aanwezig"
    )
    PlanElement.objects.create(
        region=world.region_b, element="ict_visie", state="deels"
    )
    rows = {
        row.label: row
        for row in client.get(reverse("progress:index")).context["elements"]
    }
    assert (rows["Aparte ICT-visie"].present, rows["Aparte ICT-visie"].partly) == (1, 1)
    assert rows["Aparte ICT-visie"].regions == 3


def test_demo_history_ends_at_todays_status_and_is_marked_demo(world):
    from progress import demo

    counts = demo.load()  # only Ceeland is a demo region in the world
    changes = changes_of(REGION_C)
    assert counts["statuswijzigingen (demo)"] == len(changes) and changes
    assert all(c.is_demo for c in changes)
    by_date = sorted(changes, key=lambda c: c.effective_date)
    assert by_date[0].previous_status == ""
    assert by_date[-1].status == world.region_c.status
    assert by_date[-1].effective_date <= timezone.localdate()
    assert [c.previous_status for c in by_date[1:]] == [c.status for c in by_date[:-1]]
    assert changes_of(REGION_A) == []  # real regions get no invented history
    assert demo.load() == {  # not twice
        "statuswijzigingen (demo)": 0,
        "historie van regioplanonderdelen (demo)": 0,
    }


def test_any_editor_change_confirms(client, editor_a, world):
    client.force_login(editor_a)
    client.post(
        reverse("editing:new_activity", args=[REGION_A]),
        {"title": "Nieuwe werkgroep", "edit_version": 1},
    )
    assert world.region_a.activities.filter(title="Nieuwe werkgroep").exists()
    assert Region.objects.get(slug=REGION_A).confirmed_at is not None


# -- saving a plans page confirms the region, as Mijn regio does ------------------


def plans_posts(world) -> dict:
    """Each plans editing page of Aaland and a valid post to it."""
    from plans.models import Contract, ElementKind

    contract = Contract.objects.create(
        region=world.region_a, insurer=world.insurer, start=D(2025, 1, 1)
    )
    return {
        "regiobeeld": (
            reverse("editing:regiobeeld", args=[REGION_A]),
            {"stage": "gereed", "with_insurer": "ja"},
        ),
        "onderdelen": (
            reverse("editing:plan_elements", args=[REGION_A]),
            {
                "plan-agreed_with_insurer": "ja",
                "plan-period_kind": "eenjarig",
                **{f"{kind}-state": "onbekend" for kind in ElementKind.values},
                "ict_visie-state": "aanwezig",
            },
        ),
        "nieuw-contract": (
            reverse("editing:new_contract", args=[REGION_A]),
            {
                "insurer": world.other_insurer.pk,
                "start": "2026-01-01",
                "kind": "eenjarig",
                "state": "getekend",
                "monitoring_agreed": "ja",
            },
        ),
        "contract": (
            reverse("editing:contract", args=[REGION_A, contract.pk]),
            {
                "insurer": world.insurer.pk,
                "start": "2025-01-01",
                "kind": "meerjarig",
                "state": "getekend",
                "monitoring_agreed": "nee",
                "edit_version": contract.version,
            },
        ),
    }


def confirmation_on_region_page(client) -> str:
    html = client.get(reverse("regions:detail", args=[REGION_A])).content.decode()
    if "nog niet bevestigd door de regio" in html:
        return "nog niet bevestigd"
    assert "laatst bevestigd op" in html
    return "bevestigd"


@pytest.mark.parametrize(
    "page", ["regiobeeld", "onderdelen", "nieuw-contract", "contract"]
)
def test_saving_a_plans_page_confirms_the_region(client, editor_a, world, page):
    url, data = plans_posts(world)[page]
    assert confirmation_on_region_page(client) == "nog niet bevestigd"
    client.force_login(editor_a)
    before = timezone.now()
    response = client.post(url, data)
    assert response.status_code == 302
    assert response["Location"] == reverse("editing:chain", args=[REGION_A])
    assert Region.objects.get(slug=REGION_A).confirmed_at >= before
    assert confirmation_on_region_page(client) == "bevestigd"


def test_a_refused_plans_save_does_not_confirm(client, editor_a, world):
    posts = plans_posts(world)
    client.force_login(editor_a)
    # Someone else saved the contract after this editor opened it: stale.
    url, data = posts["contract"]
    client.post(url, data)
    Region.objects.filter(pk=world.region_a.pk).update(confirmed_at=None)
    stale = client.post(url, {**data, "monitoring_agreed": "ja"})
    assert stale.status_code == 200
    assert "Iemand anders heeft deze gegevens gewijzigd" in stale.content.decode()
    # A form with an error is shown again, not saved.
    url, data = posts["regiobeeld"]
    invalid = client.post(url, {**data, "stage": "paars"})
    assert invalid.status_code == 200
    assert Region.objects.get(slug=REGION_A).confirmed_at is None
    assert confirmation_on_region_page(client) == "nog niet bevestigd"
