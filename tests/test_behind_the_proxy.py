"""Behind the shipped nginx: every visitor has their own address for login
throttling (django-ipware reads X-Real-IP, which nginx sets from the
connection), so one address's failures never lock out another; long URLs,
static headers and the health check's own answer during an outage.

The requests below carry exactly what nginx sends Django
(deploy/nginx/proxy_headers.conf): REMOTE_ADDR is nginx itself (127.0.0.1),
X-Real-IP the visitor's address, X-Forwarded-For whatever the visitor claimed
followed by that address. bench/production.sh repeats this through a real
nginx, from three loopback addresses.
"""

import re
from pathlib import Path
from unittest import mock

import pytest
from django.conf import settings
from django.db import OperationalError
from django.db.backends.utils import CursorWrapper
from django.test import Client

from .factories import PASSWORD, make_editor

pytestmark = pytest.mark.django_db

LOGIN = "/account/login/"
DEPLOY = Path(settings.BASE_DIR) / "deploy" / "nginx"


def through_nginx(address: str, claimed: str = "") -> Client:
    """A client whose requests arrive as nginx forwards them from `address`."""
    return Client(
        REMOTE_ADDR="127.0.0.1",
        HTTP_X_REAL_IP=address,
        HTTP_X_FORWARDED_FOR=f"{claimed}, {address}" if claimed else address,
    )


def test_failures_for_a_username_lock_only_that_address(world, curator):
    attacker = through_nginx("203.0.113.10")
    for _ in range(settings.AXES_FAILURE_LIMIT):
        attacker.post(LOGIN, {"username": "curator", "password": "fout"})
    response = attacker.post(LOGIN, {"username": "curator", "password": PASSWORD})
    assert response.status_code == 429  # locked per username and real address
    real = through_nginx("198.51.100.20")
    response = real.post(LOGIN, {"username": "curator", "password": PASSWORD})
    assert response.status_code == 302


def test_four_wrong_passwords_elsewhere_do_not_stop_the_real_curator(world, curator):
    attacker = through_nginx("203.0.113.11")
    for _ in range(4):
        attacker.post(LOGIN, {"username": "curator", "password": "fout"})
    real = through_nginx("198.51.100.21")
    response = real.post(LOGIN, {"username": "curator", "password": PASSWORD})
    assert response.status_code == 302


def test_a_spray_from_one_address_never_locks_out_another(world):
    editor = make_editor("redacteur-x", world.region_a)
    sprayer = through_nginx("203.0.113.12", claimed="198.51.100.22")
    for n in range(settings.AXES_SPRAY_USERNAMES + 2):
        sprayer.post(LOGIN, {"username": f"gok-{n}", "password": "fout"})
    response = sprayer.post(LOGIN, {"username": editor.username, "password": PASSWORD})
    assert response.status_code == 429  # the spraying address is locked as a whole
    # Another visitor, also the one the sprayer pretended to be, logs in.
    third = through_nginx("198.51.100.22")
    response = third.post(LOGIN, {"username": editor.username, "password": PASSWORD})
    assert response.status_code == 302


def test_an_address_the_client_claims_is_not_believed(world, curator):
    """X-Forwarded-For is the client's to fill; only X-Real-IP counts."""
    for n in range(settings.AXES_FAILURE_LIMIT):
        # Each request claims another address; nginx's X-Real-IP is the same.
        through_nginx("203.0.113.13", claimed=f"192.0.2.{n}").post(
            LOGIN, {"username": "curator", "password": "fout"}
        )
    response = through_nginx("203.0.113.13", claimed="192.0.2.99").post(
        LOGIN, {"username": "curator", "password": PASSWORD}
    )
    assert response.status_code == 429


def locations(config: str) -> dict[str, str]:
    return dict(re.findall(r"location ([^{]+?) \{(.*?)\n    \}", config, re.DOTALL))


def test_nginx_sets_the_real_address_on_every_proxied_location():
    config = (DEPLOY / "regiokaart.conf").read_text()
    headers = (DEPLOY / "proxy_headers.conf").read_text()
    assert "proxy_set_header X-Real-IP $remote_addr;" in headers
    proxied = {k: v for k, v in locations(config).items() if "proxy_pass" in v}
    assert len(proxied) >= 3
    for name, body in proxied.items():
        assert "deploy/nginx/proxy_headers.conf;" in body, name
        assert "proxy_params" not in body, name
    assert settings.AXES_IPWARE_META_PRECEDENCE_ORDER[0] == "HTTP_X_REAL_IP"


def test_nginx_static_files_carry_one_cache_control_and_nosniff():
    static = locations((DEPLOY / "regiokaart.conf").read_text())["/static/"]
    assert not re.search(r"^\s*expires ", static, re.M)  # a second Cache-Control
    assert len(re.findall(r"^\s*add_header Cache-Control", static, re.M)) == 1
    assert 'X-Content-Type-Options "nosniff"' in static


def test_nginx_buffers_fit_long_urls():
    config = (DEPLOY / "regiokaart.conf").read_text()
    size = re.search(r"proxy_buffer_size (\d+)k;", config)
    headers = re.search(r"large_client_header_buffers \d+ (\d+)k;", config)
    assert size and int(size.group(1)) >= 16
    assert headers and int(headers.group(1)) >= 16


def test_the_health_check_keeps_its_short_answer_during_an_outage(world):
    visitor = Client(raise_request_exception=False)
    with mock.patch.object(
        CursorWrapper, "execute", side_effect=OperationalError("verbinding geweigerd")
    ):
        response = visitor.get("/gezond")
    assert response.status_code == 503
    assert response["Content-Type"] == "application/json"
    assert response.json() == {"status": "database unreachable"}


def test_gunicorn_takes_long_request_lines():
    config = (Path(settings.BASE_DIR) / "deploy" / "gunicorn.conf.py").read_text()
    line = re.search(r"^limit_request_line = (\d+)", config, re.M)
    assert line and int(line.group(1)) >= 6 * 1024 + 100
