"""Bad files in every CSV reference import, uploaded in the admin: a Dutch
message naming the line, the column, the value and what is allowed; no confirm
button; nothing changed; never a Python exception, class name or server path."""

import re

import pytest

from core.models import ImportLog

from .import_files import CASES, ZORGKANTOREN_HEADER, url

pytestmark = pytest.mark.django_db

# slug: (form field, header, a row with {code} and {number}, number column, a
# good number).
FILES = {
    "postcodes": (
        "file",
        "postcode4,plaats,gemeente_code,gemeente_naam,aandeel_oppervlak",
        "1234,Aastad,{code},Aastad,{number}",
        "aandeel_oppervlak",
        "0.5",
    ),
    "indelingen": (
        "zorgkantoren",
        ZORGKANTOREN_HEADER.strip(),
        "{code},X,ZK01,Zorgkantoor West,{number}",
        "aandeel_oppervlak",
        "0.5",
    ),
    "afstand-huisarts": (
        "file",
        "code,name,jaar,afstand_huisartsenpraktijk_km",
        "{code},X,2023,{number}",
        "afstand_huisartsenpraktijk_km",
        "1.5",
    ),
    "kerncijfers": ("file", "code,inwoners", "{code},{number}", "inwoners", "15"),
}
CODE_COLUMN = {"postcodes": "gemeente_code", "indelingen": "gemeente_code"}
LEAKS = re.compile(
    r"Traceback|Exception|Error\b|ValueError|InvalidOperation|UnicodeDecode|"
    r"/work/|site-packages|\.py\b"
)


def csv(slug, code="GM9001", number=None) -> bytes:
    _field, header, row, _column, good = FILES[slug]
    return f"{header}\n{row.format(code=code, number=number or good)}\n".encode()


def refused(client, slug, data: bytes, *messages, name="bestand.csv"):
    from django.core.files.uploadedfile import SimpleUploadedFile

    case = CASES[slug]
    before = case.state()
    field = FILES[slug][0]
    post = {**case.options, field: SimpleUploadedFile(name, data)}
    response = client.post(url(slug), post)
    assert response.status_code == 200
    html = response.content.decode()
    for message in messages:
        assert message in html, (message, html[html.find("errornote") :][:2000])
    assert 'name="confirm"' not in html
    assert not LEAKS.search(html.split('id="content-main"')[1]), LEAKS.search(html)
    assert case.state() == before and not ImportLog.objects.exists()
    return html


@pytest.fixture(params=list(FILES))
def slug(request):
    return request.param


def test_the_good_file_is_accepted(curator_client, world, slug):
    """The bad files below differ from this one in one thing."""
    field = FILES[slug][0]
    from django.core.files.uploadedfile import SimpleUploadedFile

    post = {**CASES[slug].options, field: SimpleUploadedFile("b.csv", csv(slug))}
    response = curator_client.post(url(slug), post)
    assert response.context["report"].ok, response.context["report"].errors


def test_wrong_columns(curator_client, world, slug):
    html = refused(curator_client, slug, b"gemeente;getal\nGM9001;1\n")
    assert "ontbreek" in html or "ontbreken" in html
    assert "Gevonden: gemeente, getal." in html


def test_a_semicolon_file_reads_like_a_comma_file(curator_client, world, slug):
    """Excel in Dutch writes semicolons and decimal commas: read, not refused."""
    from django.core.files.uploadedfile import SimpleUploadedFile

    field = FILES[slug][0]
    comma = csv(slug)
    semicolon = comma.decode().replace(",", ";").replace(".", ",").encode()
    summaries = []
    for data in (comma, semicolon):
        post = {**CASES[slug].options, field: SimpleUploadedFile("b.csv", data)}
        report = curator_client.post(url(slug), post).context["report"]
        assert report.ok, report.errors
        summaries.append((report.summary(), [c.fields for c in report.changes]))
    assert summaries[0] == summaries[1]


def test_not_utf8(curator_client, world, slug):
    data = csv(slug).decode().replace("X", "Wâlden").replace("Aastad", "Fryslân")
    if "â" not in data:
        data = data.replace("code,", "cöde,")  # a header with a non-ASCII letter
    refused(curator_client, slug, data.encode("latin-1"), "geen UTF-8")


def test_an_unknown_gemeente_code(curator_client, world, slug):
    column = CODE_COLUMN.get(slug, "code")
    refused(
        curator_client,
        slug,
        csv(slug, code="GM0000"),
        f"Regel 2, kolom &#x27;{column}&#x27;: onbekende gemeentecode "
        "&#x27;GM0000&#x27;",
        "zoals GM0363",
    )


@pytest.mark.parametrize("number", ["1²", "²", "١"])
def test_a_superscript_or_foreign_digit(curator_client, world, slug, number):
    column = FILES[slug][3]
    refused(
        curator_client,
        slug,
        csv(slug, number=number),
        f"Regel 2, kolom &#x27;{column}&#x27;: &#x27;{number}&#x27; is geen",
        "alleen de cijfers 0-9",
    )


def test_a_number_out_of_range(curator_client, world, slug):
    column = FILES[slug][3]
    big = {"inwoners": "12345678901234567890"}.get(column, "120")
    html = refused(curator_client, slug, csv(slug, number=big))
    assert f"Regel 2, kolom &#x27;{column}&#x27;: {big}" in html


def test_an_empty_file(curator_client, world, slug):
    refused(curator_client, slug, b"", "Het bestand is leeg.")


def test_only_a_header(curator_client, world, slug):
    header = FILES[slug][1]
    refused(curator_client, slug, f"{header}\n".encode(), "alleen kolomnamen")


def test_a_file_too_large(curator_client, world, slug, settings):
    settings.IMPORT_MAX_UPLOAD_BYTES = 100
    html = refused(
        curator_client, slug, csv(slug) + b"#" * 200, "Het bestand is te groot"
    )
    assert "kan niet worden geïmporteerd" not in html  # refused before reading


def test_a_nul_byte(curator_client, world, slug):
    refused(curator_client, slug, csv(slug).replace(b"GM", b"G\x00M"), "NUL-teken")


def test_a_postcode_with_letters(curator_client, world):
    data = csv("postcodes").replace(b"1234,", b"1234 AB,")
    refused(
        curator_client,
        "postcodes",
        data,
        "Regel 2, kolom &#x27;postcode4&#x27;: &#x27;1234 AB&#x27; is geen postcode",
    )


def test_a_gemeente_twice(curator_client, world):
    data = csv("afstand-huisarts") + b"GM9001,X,2023,2.0\n"
    refused(
        curator_client, "afstand-huisarts", data, "Regel 3: GM9001 komt dubbel voor"
    )


def test_a_corrupt_boundary_file_names_no_class(curator_client, world):
    from django.core.files.uploadedfile import SimpleUploadedFile

    before = CASES["grenzen"].state()
    post = {
        **CASES["grenzen"].options,
        "file": SimpleUploadedFile("g.geojson", b'{"type": "FeatureCollection", '),
    }
    html = curator_client.post(url("grenzen"), post).content.decode()
    assert "kan niet worden gelezen als GeoJSON" in html
    assert not LEAKS.search(html.split('id="content-main"')[1])
    assert "DataSourceError" not in html and 'name="confirm"' not in html
    assert CASES["grenzen"].state() == before
