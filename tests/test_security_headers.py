"""Headers every response carries: a strict CSP, Permissions-Policy, gzip."""

import gzip

import pytest

from .test_settings import PRODUCTION_ENV, manage

pytestmark = pytest.mark.django_db


def test_production_refuses_a_secret_key_under_50_characters():
    result = manage("check", env={**PRODUCTION_ENV, "DJANGO_SECRET_KEY": "k" * 49})
    assert result.returncode != 0
    assert "DJANGO_SECRET_KEY is too short" in result.stderr


@pytest.mark.parametrize("url", ["/", "/regios/", "/open-data/", "/account/login/"])
def test_pages_send_a_strict_content_security_policy(client, world, url):
    response = client.get(url)
    policy = dict(
        part.strip().split(" ", 1)
        for part in response["Content-Security-Policy"].split(";")
    )
    assert policy["default-src"] == "'self'"
    assert policy["script-src"].startswith("'self'")
    assert policy["style-src"] == "'self'"
    assert policy["frame-ancestors"] == "'none'"
    assert policy["object-src"] == "'none'"
    assert "unsafe-inline" not in response["Content-Security-Policy"]
    assert "geolocation=()" in response["Permissions-Policy"]


def test_pages_have_no_inline_scripts_or_style_attributes(client, world):
    for url in ("/", "/regios/", world.region_a.get_absolute_url(), "/embed/"):
        html = client.get(url).content.decode()
        assert " style=" not in html, url
        for tag in html.split("<script")[1:]:
            opening = tag.split(">", 1)[0]
            assert "src=" in opening or "application/json" in opening, (url, tag)


def test_html_goes_out_gzipped(client, world):
    response = client.get("/regios/", HTTP_ACCEPT_ENCODING="gzip")
    assert response["Content-Encoding"] == "gzip"
    assert b"<html" in gzip.decompress(response.content)
