"""Every admin page a curator sees is Dutch, also what third-party apps put there.

The pages come from the admin registry, so the test follows models to other apps.
"""

import json
import re
from collections import defaultdict
from html.parser import HTMLParser
from pathlib import Path

import django.contrib.admin
import pytest
from axes.models import AccessFailureLog
from django import forms
from django.apps import apps
from django.conf import settings
from django.contrib import admin
from django.contrib.auth.models import Group
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db.models import CharField, TextField
from django.test import Client
from django.urls import reverse
from django.utils import timezone
from import_export.admin import ExportMixin, ImportMixin
from simple_history.admin import SimpleHistoryAdmin

from core.models import ImportLog
from regions import services
from regions.models import RegionFigure, ReminderLog

from .conftest import make_editor
from .factories import make_plans_rows

pytestmark = pytest.mark.django_db

# English that shows only when a string is untranslated, matched case-sensitively
# on whole words. Not "Filter", "Import", "Export" or "Status" on their own: those
# are Dutch words too. Still English and so not listed, as no catalog reaches them:
# "True"/"False", the alt text of Django's yes/no icons; the names django-axes
# gives its records ("Attempted Access: ...").
ENGLISH = [
    "Action:",
    "Add ",
    "Add link",
    "Attempt Remaining",
    "Attempt Time",
    "Available",
    "Can add",
    "Can change",
    "Can delete",
    "Can view",
    "Change ",
    "Change history",
    "Change reason",
    "Changed",
    "Changed by",
    "Changes",
    "Choose",
    "Choose all",
    "Chosen",
    "Close",
    "Comment",
    "Confirm import",
    "Created",
    "Date/time",
    "Delete",
    "Deleted",
    "Error:",
    "Expires At",
    "Export selected",
    "Failed Logins",
    "File to import",
    "Form Data",
    "Go",
    "History",
    "Home",
    "IP Address",
    "Import finished",
    "Line number",
    "Locked Out",
    "Log out",
    "Logout Time",
    "Meta Data",
    "Model name",
    "No valid data",
    "None",
    "Not set",
    "Password",
    "Path",
    "Preview",
    "Recent actions",
    "Remove",
    "Remove all",
    "Resource",
    "Revert",
    "Save",
    "Search",
    "Select",
    "Select all",
    "Show all",
    "Skipped",
    "Submit",
    "This exporter will export the following fields",
    "This importer will import the following fields",
    "Update",
    "User Agent",
    "Username",
    "View ",
    "View on site",
    "Welcome",
    "Yes",
    "access attempt",
    "access failure",
    "access log",
    "Historical",
    "historical",
    "through import_export",
]
# An app's label where its name belongs ("Regions" for "Regio's").
APP_LABELS = {
    config.label.capitalize()
    for config in apps.get_app_configs()
    if config.label.capitalize() != config.verbose_name
}
PATTERN = re.compile(
    "|".join(rf"\b{re.escape(p)}" + (r"\b" if p[-1].isalnum() else "") for p in ENGLISH)
)


class VisibleText(HTMLParser):
    """What a person reads or hears: text, button values, titles, alt texts."""

    ATTRIBUTES = {"title", "placeholder", "aria-label", "alt"}

    def __init__(self):
        super().__init__()
        self.strings, self.skip = [], 0

    def handle_starttag(self, tag, attrs):
        if tag in ("script", "style"):
            self.skip += 1
        attrs = dict(attrs)
        if tag == "input" and attrs.get("type") in ("submit", "button", "reset"):
            self.strings.append(attrs.get("value") or "")
        self.strings += [v for k, v in attrs.items() if k in self.ATTRIBUTES and v]

    def handle_endtag(self, tag):
        if tag in ("script", "style"):
            self.skip -= 1

    def handle_data(self, data):
        if not self.skip and data.strip():
            self.strings.append(" ".join(data.split()))


def english(html: str, ignore: set[str] = frozenset()) -> list[str]:
    """The visible strings with English in them, apart from those in ignore."""
    parser = VisibleText()
    parser.feed(html)
    return [
        s
        for s in parser.strings
        if s not in ignore and (PATTERN.search(s) or s in APP_LABELS)
    ]


def url(model, view: str, *args) -> str:
    info = model._meta.app_label, model._meta.model_name
    return reverse("admin:{}_{}_{}".format(*info, view), args=args)


def registered():
    return sorted(admin.site._registry.items(), key=lambda item: item[0]._meta.label)


def object_tools(html: str) -> list[str]:
    """The buttons above a list: add, import, export and our own tools."""
    tools = re.search(r'<ul class="object-tools">(.*?)</ul>', html, re.S)
    return re.findall(r'href="([^"#]+)"', tools.group(1)) if tools else []


@pytest.fixture
def filled(world, curator):
    """Something on every list: a membership, a group, an import, a move of a
    gemeente, login records."""
    make_editor("redacteur", world.region_a)
    Group.objects.create(name="Redactie")
    ImportLog.objects.create(user=curator, model="organisaties", file_name="o.csv")
    RegionFigure.objects.create(
        region=world.region_a, kind="huisartsen", value=120, year=2025
    )
    services.move_gemeenten({world.gemeente("Ceestad"): world.region_a}, curator)
    login = reverse("login")
    Client().post(login, {"username": "onbekend", "password": "fout"})
    Client().post(
        login, {"username": "redacteur", "password": "een-lang-wachtwoord-42"}
    )
    AccessFailureLog.objects.create(username="onbekend", ip_address="192.0.2.1")
    make_plans_rows(world)
    services.documents_changed(world.region_a)  # a PlanText: text not readable
    services.record_status(world.region_b, "onbekend", curator)  # a StatusChange
    ReminderLog.objects.create(region=world.region_a, user=curator, email="c@x.org")


def admin_pages(client) -> list[tuple[str, str]]:
    """(kind, url) of every page a curator reaches from the admin index."""
    pages = [("index", reverse("admin:index"))]
    for model, model_admin in registered():
        response = client.get(url(model, "changelist"))
        request = response.wsgi_request
        pages.append(("changelist", url(model, "changelist")))
        pages += [("tool", href) for href in object_tools(response.content.decode())]
        if model_admin.has_add_permission(request):
            pages.append(("add", url(model, "add")))
        obj = model_admin.get_queryset(request).first()
        assert obj is not None, f"no {model._meta.label} to open"
        pages.append(("change", url(model, "change", obj.pk)))
        pages.append(("history", url(model, "history", obj.pk)))
        if model_admin.has_delete_permission(request, obj):
            pages.append(("delete", url(model, "delete", obj.pk)))
        if isinstance(model_admin, SimpleHistoryAdmin):
            if not obj.history.exists():
                obj.save()  # rows made in bulk have no history yet
            record = obj.history.first()
            pages.append(("revert", url(model, "simple_history", obj.pk, record.pk)))
        if isinstance(model_admin, ImportMixin):
            pages.append(("import", url(model, "import")))
        if isinstance(model_admin, ExportMixin):
            pages.append(("export", url(model, "export")))
    return pages


def own_data() -> set[str]:
    """The text of our own records (names, titles, ...): data, not the interface."""
    values = set()
    for model in admin.site._registry:
        if Path(model._meta.app_config.path).parent != Path(settings.BASE_DIR):
            continue  # not one of our apps
        text = [
            f.name for f in model._meta.fields if isinstance(f, CharField | TextField)
        ]
        for row in model._default_manager.values_list(*text) if text else []:
            values.update(" ".join(value.split()) for value in row if value)
        values.update(str(obj) for obj in model._default_manager.all())
    return values


def assert_dutch(findings: dict):
    report = "\n".join(
        f"{kind} {page}: {strings}" for (kind, page), strings in findings.items()
    )
    counts = defaultdict(int)
    for kind, _page in findings:
        counts[kind] += 1
    assert not findings, f"English on {dict(counts)} pages:\n{report}"


def test_every_admin_page_is_dutch(curator_client, filled):
    findings, data = {}, own_data()
    for kind, page in admin_pages(curator_client):
        response = curator_client.get(page)
        assert response.status_code == 200, page
        found = english(response.content.decode(), data)
        if found:
            findings[kind, page] = sorted(set(found))
    assert_dutch(findings)


def export_csv(client, model) -> bytes:
    """The model's own export as CSV, every column ticked."""
    form = client.get(url(model, "export")).context["form"]
    data = {"resource": "0", "format": format_choice(form, "csv")}
    data |= ticked(form)
    response = client.post(url(model, "export"), data)
    assert response.status_code == 200, response.content[:500]
    return response.content


def ticked(form) -> dict:
    """Every column of the export form ticked."""
    fields = form.fields.items()
    return {name: "on" for name, f in fields if isinstance(f, forms.BooleanField)}


def format_choice(form, extension: str) -> str:
    choices = form.fields["format"].choices
    return next(value for value, label in choices if label == extension)


def spreadsheet_models() -> list:
    """The models a curator both exports and imports."""
    return [
        model
        for model, model_admin in registered()
        if isinstance(model_admin, ImportMixin) and isinstance(model_admin, ExportMixin)
    ]


def test_import_preview_and_result_are_dutch(curator_client, filled):
    """Each model's own export, imported again: the preview, then the result."""
    findings, data = {}, own_data()
    for model in spreadsheet_models():
        form = curator_client.get(url(model, "import")).context["form"]
        exported = SimpleUploadedFile("x.csv", export_csv(curator_client, model))
        upload = {
            "resource": "0",
            "format": format_choice(form, "csv"),
            "import_file": exported,
        }
        preview = curator_client.post(url(model, "import"), upload)
        confirm = {**preview.context["confirm_form"].initial, "resource": "0"}
        result = curator_client.post(url(model, "process_import"), confirm, follow=True)
        assert "Importeren voltooid" in result.content.decode()
        for kind, response in (("preview", preview), ("imported", result)):
            found = english(response.content.decode(), data)
            if found:
                findings[kind, url(model, "import")] = sorted(set(found))
    assert_dutch(findings)


# The admin's own JavaScript: every string it translates must be in the catalog.
ADMIN_JS = Path(django.contrib.admin.__file__).parent / "static" / "admin" / "js"
GETTEXT = re.compile(r"""\bn?gettext\(\s*(['"])((?:\\.|(?!\1).)*)\1""")
PGETTEXT = re.compile(r"""\bpgettext\(\s*'([^']*)'\s*,\s*'([^']*)'""")


def admin_js_strings() -> set[str]:
    strings = set()
    for path in ADMIN_JS.glob("**/*.js"):
        if "vendor" in path.parts:
            continue
        source = path.read_text(encoding="utf-8")
        strings |= {re.sub(r"\\(.)", r"\1", m[2]) for m in GETTEXT.finditer(source)}
        strings |= {f"{m[1]}\x04{m[2]}" for m in PGETTEXT.finditer(source)}
    return strings


def js_catalog(client) -> dict:
    text = client.get(reverse("admin:jsi18n")).content.decode()
    return json.loads(re.search(r"const newcatalog = (\{.*?\});", text, re.S)[1])


def test_admin_javascript_is_dutch(curator_client):
    catalog = js_catalog(curator_client)
    assert sorted(admin_js_strings() - set(catalog)) == []
    assert catalog["Choose all %s"] == "Alle %s kiezen"
    assert catalog["Remove all %s"] == "Alle %s verwijderen"
    assert catalog["Available %s"] == "Beschikbare %s"


def test_a_browser_asking_for_english_still_gets_dutch(client, curator, world):
    client.force_login(curator)
    english_browser = {"HTTP_ACCEPT_LANGUAGE": "en-GB,en;q=0.9"}
    response = client.get(reverse("admin:index"), **english_browser)
    assert response["Content-Language"] == "nl"
    assert "Website bekijken" in response.content.decode()
    assert english(response.content.decode()) == []
    page = client.get(reverse("regions:map"), **english_browser)
    assert page["Content-Language"] == "nl" and '<html lang="nl"' in page.text
    catalog = client.get(reverse("admin:jsi18n"), **english_browser)
    assert "Alle %s kiezen" in catalog.text


def test_export_file_is_named_in_dutch(curator_client, world):
    model = next(
        m for m in admin.site._registry if m._meta.model_name == "organisation"
    )
    form = curator_client.get(url(model, "export")).context["form"]
    data = {"resource": "0", "format": format_choice(form, "xlsx"), **ticked(form)}
    response = curator_client.post(url(model, "export"), data)
    today = timezone.localdate().isoformat()
    assert response["Content-Disposition"] == (
        f'attachment; filename="organisaties-{today}.xlsx"'
    )
