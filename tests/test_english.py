"""The English site: every public page exists under /en/ and shows no Dutch
interface text, and the English catalog is complete."""

import html as html_lib
import re
import subprocess
from pathlib import Path

import pytest
from django.conf import settings
from django.utils import translation
from django.utils.translation import trans_real

from .a11y import public_paths

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def dutch_again_afterwards():
    """A request to /en/ leaves English active in this thread: restore Dutch
    so later tests are not affected."""
    yield
    translation.activate(settings.LANGUAGE_CODE)


EN_CATALOG = Path(settings.BASE_DIR) / "locale/en/LC_MESSAGES/django.po"


def dutch_interface_strings() -> list[str]:
    """Source strings of our catalog whose English differs, long enough to be
    unambiguous (a short word like "demo" or "Status" is the same in both)."""
    catalog = trans_real.translation("en")._catalog
    strings = []
    for msgid, msgstr in catalog.items():
        if isinstance(msgid, tuple):  # plural forms: (msgid, index)
            continue
        if msgid and msgstr != msgid and len(msgid) >= 12 and "%" not in msgid:
            strings.append(msgid)
    return strings


def text_nodes(page: str) -> list[str]:
    page = re.sub(r"<script.*?</script>", " ", page, flags=re.S)
    return [
        re.sub(r"\s+", " ", html_lib.unescape(node)).strip(" .:")
        for node in re.split(r"<[^>]+>", page)
        if node.strip()
    ]


def dutch_left(page: str, dutch: list[str]) -> list[str]:
    """Dutch interface strings in the page: a text node that is one, or holds
    a long one (data such as "Huisartsenposten Aaland" is no interface text)."""
    nodes = text_nodes(page)
    exact = set(nodes)
    return [
        s
        for s in dutch
        if s.strip(" .:") in exact or (len(s) >= 30 and any(s in n for n in nodes))
    ]


def test_every_public_page_exists_in_english_without_dutch_interface_text(
    client, world
):
    dutch = dutch_interface_strings()
    assert len(dutch) > 200
    english_paths = [path for path in public_paths() if path.startswith("/en/")]
    assert "/en/" in english_paths and "/en/regios/" in english_paths
    for path in english_paths:
        response = client.get(path)
        assert response.status_code == 200, path
        page = response.content.decode()
        assert '<html lang="en">' in page, path
        assert dutch_left(page, dutch) == [], path


def test_english_map_page_speaks_english(client, world):
    page = client.get("/en/").content.decode()
    assert "How far has regional cooperation in primary care come?" in page
    assert 'data-zoom-in="Zoom in"' in page
    assert '"openbaar": "Regioplan public"' in page
    dutch = client.get("/").content.decode()
    assert 'data-zoom-in="Inzoomen"' in dutch
    assert '"openbaar": "Regioplan openbaar"' in dutch


def test_english_catalog_has_nothing_untranslated_or_fuzzy():
    po = EN_CATALOG.read_text(encoding="utf-8")
    assert "#, fuzzy" not in po
    untranslated = subprocess.run(
        ["msgattrib", "--untranslated", str(EN_CATALOG)],
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    assert untranslated == ""


def test_every_url_of_the_site_has_an_english_twin(client, world):
    with translation.override("en"):
        assert client.get("/en/regio/" + world.region_a.slug + "/").status_code == 200
    assert client.get("/en/beheer/").status_code == 404
