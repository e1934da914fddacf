"""Strings obey the layers too: a lower app never names a higher app's URL,
template or template tag library (issue 17).

import-linter sees Python imports only; `{% url 'plans:…' %}` in a regions
template, `reverse("editing:…")` in regions code or `{% include "plans/…" %}`
are upward dependencies all the same. This test reads every app's code and
templates (templates/<app>/ and templates/admin/<app>/ belong to <app>) and
fails on any such reference. Project-level templates (templates/*.html,
registration/, the admin's own) and regiokaart/ sit on top and may name
anything.

A higher app that wants to appear on a lower app's page registers itself in a
slot (regions.slots), so the lower app never names it.
"""

import re
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent

# Lowest first, as in pyproject.toml's layers contract.
APPS = [
    "core",
    "geo",
    "organisations",
    "regions",
    "plans",
    "selfscan",
    "progress",
    "follow",
    "editing",
    "demo",
]
RANK = {app: rank for rank, app in enumerate(APPS)}

# Accepted exceptions: (file relative to the repository, the name it uses).
ACCEPTED: set[tuple[str, str]] = set()

URL_NAME = re.compile(
    r"""(?:\{%\s*url\s+|reverse(?:_lazy)?\(\s*|redirect\(\s*|resolve_url\(\s*)"""
    r"""["']([a-z_]+):([a-z0-9_]+)["']"""
)
INCLUDE = re.compile(r"""\{%\s*(?:include|extends)\s+["']([a-z_]+)/[^"']+["']""")
TEMPLATE_NAME = re.compile(
    r"""["'](?:admin/)?([a-z_]+)/[a-z0-9_/]+\.(?:html|txt)["']"""
)
LOAD = re.compile(r"\{%\s*load\s+([^%]+)%\}")
ADMIN_URL = re.compile(r"^([a-z]+)_")


def _tag_libraries() -> dict[str, str]:
    return {
        path.stem: path.parent.parent.name
        for app in APPS
        for path in (ROOT / app / "templatetags").glob("*.py")
        if path.stem != "__init__"
    }


def _owner(path: Path) -> str | None:
    parts = path.relative_to(ROOT).parts
    if parts[0] == "templates":
        inner = parts[2:] if parts[1] == "admin" and len(parts) > 3 else parts[1:]
        return inner[0] if len(inner) > 1 and inner[0] in RANK else None
    return parts[0] if parts[0] in RANK else None


def _files():
    for path in sorted(ROOT.glob("templates/**/*")):
        if path.is_file() and _owner(path):
            yield path
    for app in APPS:
        for path in sorted((ROOT / app).glob("**/*.py")):
            if "migrations" not in path.parts and "tests" not in path.parts:
                yield path


def _named_apps(text: str, libraries: dict[str, str]):
    for namespace, name in URL_NAME.findall(text):
        if namespace == "admin":
            match = ADMIN_URL.match(name)
            if match and match.group(1) in RANK:
                yield match.group(1), f"admin:{name}"
        elif namespace in RANK:
            yield namespace, f"{namespace}:{name}"
    for app in INCLUDE.findall(text):
        if app in RANK:
            yield app, f"template {app}/…"
    for app in TEMPLATE_NAME.findall(text):
        if app in RANK:
            yield app, f"template {app}/…"
    for names in LOAD.findall(text):
        for library in names.split():
            if library in libraries:
                yield libraries[library], f"{{% load {library} %}}"


def upward_references() -> list[str]:
    libraries = _tag_libraries()
    found = []
    for path in _files():
        owner = _owner(path)
        rel = str(path.relative_to(ROOT))
        for app, name in _named_apps(path.read_text(encoding="utf-8"), libraries):
            if RANK[app] > RANK[owner] and (rel, name) not in ACCEPTED:
                found.append(f"{rel} ({owner}) names {name} ({app})")
    return sorted(set(found))


def test_no_lower_app_names_a_higher_one():
    assert upward_references() == []


@pytest.mark.parametrize(
    "owner_file, text",
    [
        ("regions/x.py", 'reverse("plans:overview")'),
        ("templates/regions/x.html", "{% url 'progress:index' %}"),
        ("templates/regions/x.html", '{% include "plans/_chain.html" %}'),
        ("templates/regions/x.html", "{% load plans_tags %}"),
        ("regions/x.py", 'reverse("admin:plans_contract_changelist")'),
        ("organisations/x.py", 'render(request, "regions/map.html")'),
    ],
)
def test_the_check_finds_each_kind_of_reference(owner_file, text):
    libraries = {**_tag_libraries(), "plans_tags": "plans"}
    owner = _owner(ROOT / owner_file)
    named = [app for app, _name in _named_apps(text, libraries)]
    assert named and all(RANK[app] > RANK[owner] for app in named)


def test_references_down_or_within_are_fine():
    libraries = _tag_libraries()
    text = "{% url 'regions:map' %} {% include \"organisations/_contact.html\" %}"
    owner = _owner(ROOT / "templates/plans/x.html")
    assert all(RANK[app] <= RANK[owner] for app, _ in _named_apps(text, libraries))


def test_an_empty_slot_renders_nothing_and_a_missing_link_is_empty(rf):
    from django.template import Context, Template

    from regions import slots

    assert slots.link("nobody-registered-this") == ""
    page = Template('{% load slot_tags %}[{% slot "nobody.registered" %}]')
    assert page.render(Context({})) == "[]"
    # What the higher apps registered is there (their AppConfig.ready()).
    assert slots.link("compare") == "/vergelijk/"
    assert [s.template for s in slots.sections("region_detail.sections")] == [
        "plans/_chain.html",
        "plans/_region_goals.html",
        "selfscan/_region_scan.html",
    ]
