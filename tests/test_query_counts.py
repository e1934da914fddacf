"""Pages and downloads do a fixed number of queries, however much data there is:
measured with the synthetic world, then with ten times more rows.

Every admin page of every registered model is measured (the list comes from the
admin registry, so a newly registered model is measured too): its list, add,
change, history, delete and revert pages, its autocompletes, its spreadsheet
import and export pages and the exports themselves, CSV and XLSX. No admin page
reads a border (GeoJSON) where it shows a region or gemeente by name.
grow_everything() adds rows of every model with an admin page, many of them
attached to the object whose pages are measured (target())."""

import datetime
import re

import pytest
from axes.models import AccessAttempt, AccessFailureLog, AccessLog
from django import forms
from django.contrib import admin
from django.contrib.admin.models import CHANGE, LogEntry
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group, Permission
from django.contrib.contenttypes.models import ContentType
from django.core.files.base import ContentFile
from django.db import connection
from django.test import RequestFactory
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone
from import_export.admin import ExportMixin, ImportMixin
from simple_history.admin import SimpleHistoryAdmin

from core.models import ImportLog
from geo.models import Gemeente, GemeenteZone, PostcodeArea
from organisations.models import ContactPerson, Insurer, Organisation
from plans.models import (
    Contract,
    ElementKind,
    Goal,
    Milestone,
    PlanDetails,
    PlanElement,
    PlanText,
    Regiobeeld,
    Theme,
)
from regions import services
from regions.models import (
    Activity,
    GemeenteMove,
    Region,
    RegionFigure,
    RegionGemeente,
    RegionMembership,
    RegionOrganisation,
    ReminderLog,
    StatusChange,
)
from regions.reference_imports import KINDS
from selfscan.models import SelfScan

from .factories import PDF, make_plans_rows, square
from .import_files import CASES
from .import_files import url as import_url

pytestmark = pytest.mark.django_db

User = get_user_model()

SMALL, MORE = 2, 20  # rows added for the small world, then for the big one

# Who the measured User and Group pages are about; grow_everything() gives them
# a membership of every new region, every new group, more permissions.
MANY_REGIONS_USER = "veelzijdig"
MANY_PERMISSIONS_GROUP = "Redactie"


def grow(world, n: int) -> None:
    """n more organisations, activities and figures in region A (and B)."""
    start = Organisation.objects.count()
    organisations = Organisation.objects.bulk_create(
        Organisation(name=f"Groei {i}", slug=f"groei-{i}", type="ros")
        for i in range(start, start + n)
    )
    services.set_organisation_links(
        {org: [world.region_a, world.region_b] for org in organisations}
    )
    Activity.objects.bulk_create(
        Activity(region=world.region_a, title=f"Activiteit {i}", organisation=org)
        for i, org in enumerate(organisations)
    )
    RegionFigure.objects.bulk_create(
        RegionFigure(
            region=world.region_a, kind="huisartsen", value=i, year=2000 + i, source="x"
        )
        for i in range(start, start + n)
    )


def grow_everything(world, n: int) -> None:
    """grow(), and n more rows of every other model with an admin page."""
    grow(world, n)
    start = User.objects.count()
    numbers = range(start, start + n)
    users = User.objects.bulk_create(
        User(username=f"groei-{i}", email=f"groei-{i}@example.org") for i in numbers
    )
    many = User.objects.get_or_create(username=MANY_REGIONS_USER)[0]
    insurers = Insurer.objects.bulk_create(
        Insurer(name=f"Verzekeraar {i}", slug=f"verzekeraar-{i}") for i in numbers
    )
    regions = Region.objects.bulk_create(
        Region(
            name=f"Groeiregio {i}",
            slug=f"groeiregio-{i}",
            regional_organisation=world.ros,
            preferred_insurer=world.insurer,
        )
        for i in numbers
    )
    RegionOrganisation.objects.bulk_create(
        RegionOrganisation(region=region, organisation=world.ros) for region in regions
    )
    grow_users(world, users, many, regions)
    grow_gemeenten(world, users, regions, numbers)
    grow_plans(world, regions, insurers, numbers)
    SelfScan.objects.bulk_create(
        SelfScan(region=r, obstacle_mandate="overwonnen", mandate_how="Zo.")
        for r in regions
    )
    PlanText.objects.bulk_create(
        PlanText(region=r, kind="regioplan", file_name=r.slug, state="niet_leesbaar")
        for r in regions
    )
    ContactPerson.objects.bulk_create(
        ContactPerson(organisation=world.ros, name=f"Contact {i}") for i in numbers
    )
    StatusChange.objects.bulk_create(
        StatusChange(region=world.region_a, status="openbaar", recorded_by=user)
        for user in users
    )
    ReminderLog.objects.bulk_create(
        ReminderLog(region=world.region_a, user=user, email=user.email)
        for user in users
    )
    ImportLog.objects.bulk_create(
        ImportLog(user=user, model="organisaties", file_name=f"{user}.csv")
        for user in users
    )
    grow_login_records(numbers)
    grow_history(world, users)


def grow_users(world, users, many, regions) -> None:
    """Editors of region A; the MANY_REGIONS_USER edits every new region, and
    is in every new group, as are the new users in MANY_PERMISSIONS_GROUP."""
    RegionMembership.objects.bulk_create(
        [RegionMembership(user=user, region=world.region_a) for user in users]
        + [RegionMembership(user=many, region=region) for region in regions]
    )
    group = Group.objects.get_or_create(name=MANY_PERMISSIONS_GROUP)[0]
    start = Group.objects.count()
    groups = Group.objects.bulk_create(
        Group(name=f"Groep {i}") for i in range(start, start + len(users))
    )
    many.groups.add(*groups)
    group.user_set.add(*users)
    permissions = Permission.objects.order_by("pk")
    have = group.permissions.count()
    group.permissions.add(*permissions[have : have + len(users)])
    have = many.user_permissions.count()
    many.user_permissions.add(*permissions[have : have + len(users)])


def grow_gemeenten(world, users, regions, numbers) -> None:
    """New gemeenten in region A; Aastad moved about and with more postcodes."""
    gemeenten = Gemeente.objects.bulk_create(
        Gemeente(
            code=f"GM{7000 + i}",
            name=f"Groeigemeente {i}",
            geometry=square(6.0 + i / 10, 53.0),
            area_km2=1,
        )
        for i in numbers
    )
    RegionGemeente.objects.bulk_create(
        RegionGemeente(region=world.region_a, gemeente=g) for g in gemeenten
    )
    aastad = world.gemeente("Aastad")
    GemeenteMove.objects.bulk_create(
        GemeenteMove(gemeente=aastad, from_region=world.region_a, to_region=r, user=u)
        for r, u in zip(regions, users, strict=True)
    )
    PostcodeArea.objects.bulk_create(
        PostcodeArea(postcode4=str(2000 + i), place=f"Plaats {i}", gemeente=aastad)
        for i in numbers
    )


def grow_plans(world, regions, insurers, numbers) -> None:
    """Every new region with a regiobeeld, plan details, plan elements and a
    contract with world.insurer; contracts of region A with the new insurers;
    themes with region A's activities, and every theme on region A's first
    contract."""
    Regiobeeld.objects.bulk_create(
        Regiobeeld(region=r, stage="gereed", document=f"regiobeelden/{r.slug}.pdf")
        for r in regions
    )
    PlanDetails.objects.bulk_create(PlanDetails(region=r) for r in regions)
    PlanElement.objects.bulk_create(
        PlanElement(region=r, element=kind, state="aanwezig")
        for r in regions
        for kind in ElementKind.values
    )
    start = datetime.date(2025, 1, 1)
    contracts = Contract.objects.bulk_create(
        [
            Contract(region=world.region_a, insurer=insurer, start=start)
            for insurer in insurers
        ]
        + [Contract(region=r, insurer=world.insurer, start=start) for r in regions]
    )
    themes = Theme.objects.bulk_create(
        Theme(slug=f"thema-{i}", name=f"Thema {i}") for i in numbers
    )
    activities = list(world.region_a.activities.all())
    for theme in [target(world, Theme), *themes]:
        theme.activities.add(*activities)
    target(world, Contract).themes.add(*themes)
    for contract in contracts:
        contract.themes.add(*themes[:2])
    goal_theme = target(world, Theme)
    goals = Goal.objects.bulk_create(
        Goal(
            region=r,
            title=f"Doel {i}",
            theme=goal_theme,
            indicator="Indicator",
            owner=world.ros,
        )
        for i, r in zip(numbers, regions, strict=True)
    )
    Milestone.objects.bulk_create(
        Milestone(goal=g, title=f"Mijlpaal {i}", due=start)
        for i, g in zip(numbers, goals, strict=True)
    )
    Milestone.objects.bulk_create(
        Milestone(goal=target(world, Goal), title=f"Extra {i}", due=start)
        for i in numbers
    )


def grow_login_records(numbers) -> None:
    AccessAttempt.objects.bulk_create(
        AccessAttempt(
            username=f"groei-{i}",
            ip_address="192.0.2.1",
            user_agent="test",
            get_data="",
            post_data="",
            failures_since_start=i,
        )
        for i in numbers
    )
    AccessLog.objects.bulk_create(
        AccessLog(username=f"groei-{i}", ip_address="192.0.2.1") for i in numbers
    )
    AccessFailureLog.objects.bulk_create(
        AccessFailureLog(username=f"groei-{i}", ip_address="192.0.2.1") for i in numbers
    )


def grow_history(world, users) -> None:
    """Each measured object: a historical row (if it keeps history) and an
    admin log entry per user."""
    for model in admin.site._registry:
        obj = target(world, model)
        if obj is None:
            continue  # test_every_admin_page_and_export names the model
        if hasattr(model, "history"):
            history = model.history.model
            history.objects.bulk_create(
                history(
                    history_date=timezone.now(),
                    history_type="~",
                    history_user=user,
                    **{
                        f.attname: getattr(obj, f.attname)
                        for f in history.tracked_fields
                    },
                )
                for user in users
            )
        content_type = ContentType.objects.get_for_model(model)
        LogEntry.objects.bulk_create(
            LogEntry(
                user=user,
                content_type=content_type,
                object_id=str(obj.pk),
                object_repr=str(obj)[:200],
                action_flag=CHANGE,
                change_message="[]",
            )
            for user in users
        )


def target(world, model):
    """The object whose change, history and delete pages are measured; of a
    model not named here, its first row."""
    if model is Region:
        return world.region_a
    if model is Organisation:
        return world.ros
    if model is Insurer:
        return world.insurer
    if model is Gemeente:
        return world.gemeente("Aastad")
    if model is Activity:
        return world.activity_a
    if model is Theme:
        return Theme.objects.get(slug="ouderenzorg")
    if model is User:
        return User.objects.get(username=MANY_REGIONS_USER)
    if model is Group:
        return Group.objects.get(name=MANY_PERMISSIONS_GROUP)
    return model._default_manager.order_by("pk").first()


def captured(client, url: str, data=None, warm: bool = True) -> list[str]:
    """The SQL of a GET (or, with data, a POST) of url, caches warmed first."""
    send = client.post if data is not None else client.get
    if warm:
        send(url, data)  # per-process caches (content types, ...)
    with CaptureQueriesContext(connection) as context:
        response = send(url, data)
    assert response.status_code == 200, url
    return [query["sql"] for query in context.captured_queries]


def counts(client, urls) -> dict:
    return {url: len(captured(client, url)) for url in urls}


def make_plans_documents(world) -> None:
    """make_plans_rows(), and a public regiobeeld PDF in region A."""
    make_plans_rows(world)
    regiobeeld = Regiobeeld.objects.get(region=world.region_a)
    regiobeeld.document.save("regiobeeld.pdf", ContentFile(PDF), save=False)
    regiobeeld.document_public = True
    regiobeeld.save()


def test_public_pages_and_downloads(client, world):
    make_plans_documents(world)
    slug = world.region_a.slug
    urls = [
        "/",
        "/regios/",
        world.region_a.get_absolute_url(),
        "/open-data/",
        "/sitemap.xml",
        reverse("regions:geojson"),
        reverse("regions:geojson") + "?datum=2025-06-01",
        reverse("regions:regioplan_document", args=[slug]),
        reverse("plans:regiobeeld_document", args=[slug]),
        *(
            reverse(name, args=[fmt])
            for name in (
                "regions:regions_download",
                "regions:organisations_download",
                "regions:organisations_selection",
                "plans:download",
                "plans:contracts_download",
            )
            for fmt in ("csv", "xlsx")
        ),
        reverse("progress:feed"),
        reverse("progress:region_feed", args=[slug]),
        reverse("selfscan:obstacles"),
        reverse("selfscan:download", args=["csv"]),
    ]
    grow_everything(world, SMALL)
    small = counts(client, urls)
    grow_everything(world, MORE)
    assert counts(client, urls) == small


def test_editor_pages_and_exports(client, editor_a, world):
    client.force_login(editor_a)
    make_plans_documents(world)
    slug = world.region_a.slug
    contract = target(world, Contract)
    urls = [
        reverse("editing:region", args=[slug]),
        reverse("editing:organisations", args=[slug]),
        reverse("editing:figures", args=[slug]),
        reverse("editing:regioplan_pdf", args=[slug]),
        reverse("editing:regiobeeld_pdf", args=[slug]),
        *(
            reverse("editing:export", args=[slug, kind, fmt])
            for kind in ("regio", "organisaties", "activiteiten", "kerngetallen")
            for fmt in ("csv", "xlsx")
        ),
        reverse("editing:chain", args=[slug]),
        reverse("editing:regiobeeld", args=[slug]),
        reverse("editing:plan_elements", args=[slug]),
        reverse("editing:new_contract", args=[slug]),
        reverse("editing:contract", args=[slug, contract.pk]),
        reverse("editing:selfscan", args=[slug]),
    ]
    grow_everything(world, SMALL)
    small = counts(client, urls)
    grow_everything(world, MORE)
    assert counts(client, urls) == small


# -- Every admin page ------------------------------------------------------------

# A border (GeoJSON) in a query: admin pages show regions and gemeenten by name.
BORDERS = re.compile(r'"(display_)?geometry"')
# Except simple-history's revert page: it builds the object from its historical
# row, and reads the fields history leaves out (a region's borders) and the
# region it names in full. One object, however long its history.
REVERT_PAGE = re.compile(r"/history/\d+/$")


def registered() -> list:
    return sorted(admin.site._registry, key=lambda model: model._meta.label)


def admin_url(model, view: str, *args) -> str:
    info = model._meta.app_label, model._meta.model_name
    return reverse("admin:{}_{}_{}".format(*info, view), args=args)


def autocomplete_url(model, field_name: str) -> str:
    info = model._meta.app_label, model._meta.model_name, field_name
    query = "app_label={}&model_name={}&field_name={}&term=a".format(*info)
    return f"{reverse('admin:autocomplete')}?{query}"


def admin_pages(model, obj, curator) -> list[str]:
    """The model's list, add, change, history, delete, revert, import and
    export pages and its autocompletes, as far as a curator may open them."""
    model_admin = admin.site._registry[model]
    request = RequestFactory().get("/")
    request.user = curator
    pages = [
        admin_url(model, "changelist"),
        admin_url(model, "change", obj.pk),
        admin_url(model, "history", obj.pk),
    ]
    if model_admin.has_add_permission(request):
        pages.append(admin_url(model, "add"))
    if model_admin.has_delete_permission(request, obj):
        pages.append(admin_url(model, "delete", obj.pk))
    if isinstance(model_admin, SimpleHistoryAdmin):
        record = obj.history.order_by("pk").first()
        pages.append(admin_url(model, "simple_history", obj.pk, record.pk))
    if isinstance(model_admin, ImportMixin):
        pages.append(admin_url(model, "import"))
    if isinstance(model_admin, ExportMixin):
        pages.append(admin_url(model, "export"))
    for owner in [model_admin, *model_admin.get_inline_instances(request, obj)]:
        for field_name in owner.get_autocomplete_fields(request):
            pages.append(autocomplete_url(owner.model, field_name))
    return pages


def other_admin_pages(curator) -> list[str]:
    """The admin's pages of no model: the index with the workbench, each app,
    our own tools."""
    apps = sorted({model._meta.app_label for model in admin.site._registry})
    return [
        reverse("admin:index"),
        *(reverse("admin:app_list", args=[app]) for app in apps),
        reverse("admin:regions_regionmembership_invite"),
        *(reverse("admin:geo_gemeente_import", args=[slug]) for slug in KINDS),
        reverse("admin:auth_user_password_change", args=[curator.pk]),
    ]


def exports(client, model) -> list[tuple[str, str, dict]]:
    """(name, url, data) of the model's spreadsheet export, every column, in
    each format."""
    url = admin_url(model, "export")
    form = client.get(url).context["form"]
    columns = {
        name: "on"
        for name, field in form.fields.items()
        if isinstance(field, forms.BooleanField)
    }
    return [
        (f"{url} {label}", url, {"resource": "0", "format": value, **columns})
        for value, label in form.fields["format"].choices
        if value != ""
    ]


def admin_counts(client, world, curator, warm: bool = True) -> dict:
    """Queries per admin page and export; no page loads a border."""
    requests = [(url, url, None) for url in other_admin_pages(curator)]
    for model in registered():
        obj = target(world, model)
        assert obj is not None, f"no {model._meta.label}: grow_everything() adds none"
        requests += [(url, url, None) for url in admin_pages(model, obj, curator)]
        if isinstance(admin.site._registry[model], ExportMixin):
            requests += exports(client, model)
    found = {}
    for name, url, data in requests:
        if name in found:
            continue  # an autocomplete of a model and of an inline of it
        sql = captured(client, url, data, warm)
        found[name] = len(sql)
        if not REVERT_PAGE.search(url):
            assert not any(BORDERS.search(query) for query in sql), f"borders: {url}"
    return found


def test_every_admin_page_and_export(curator_client, curator, world):
    make_plans_rows(world)
    grow_everything(world, SMALL)
    rows = {model: model._default_manager.count() for model in registered()}
    small = admin_counts(curator_client, world, curator)
    grow_everything(world, MORE)
    not_grown = [
        model._meta.label
        for model in registered()
        if model._default_manager.count() < rows[model] + MORE
    ]
    assert not not_grown, f"grow_everything() adds no rows of {not_grown}: add them"
    # The first round warmed the process's caches (the admin caches nothing
    # that depends on the data).
    assert admin_counts(curator_client, world, curator, warm=False) == small


def import_queries(client, slug: str, n: int) -> tuple[int, int]:
    """Queries of the preview and of the confirm of a file that changes n rows."""
    PostcodeArea.objects.all().delete()
    GemeenteZone.objects.all().delete()
    Gemeente.objects.update(afstand_huisarts_km=None, kerncijfers_year=2024)
    with CaptureQueriesContext(connection) as preview:
        response = client.post(import_url(slug), CASES[slug].post_data(n))
    assert response.context["report"].ok, response.context["report"].errors
    token = response.context["token"]
    with CaptureQueriesContext(connection) as confirm:
        response = client.post(import_url(slug), {"token": token, "confirm": "1"})
    assert response.status_code == 302
    return len(preview), len(confirm)


@pytest.mark.parametrize("slug", list(CASES))
def test_reference_imports_do_not_grow_per_row(curator_client, world, slug):
    """Preview and confirm of a file changing one row, then all eight gemeenten
    (or eight postcodes): the same number of queries, bulk writes only."""
    import_queries(curator_client, slug, 1)  # warm the per-process caches
    ImportLog.objects.all().delete()
    one = import_queries(curator_client, slug, 1)
    eight = import_queries(curator_client, slug, 8)
    assert one == eight
    assert ImportLog.objects.count() == 2
