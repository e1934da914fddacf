"""The shipped nginx site loads in the nginx a Debian 12 server installs (1.22):
`nginx -t` on deploy/nginx/regiokaart.conf as it is, with only its paths
pointed at a temporary folder and a self-signed certificate in place of
Let's Encrypt's. (`http2 on;` made 1.22 refuse the whole file.)
deploy/production-path.sh then serves the sample through it."""

import re
import shutil
import subprocess
from pathlib import Path

import pytest
from django.conf import settings

ROOT = Path(settings.BASE_DIR)
NGINX = shutil.which("nginx") or shutil.which("nginx", path="/usr/sbin:/sbin")

pytestmark = pytest.mark.skipif(
    not NGINX or not shutil.which("openssl"), reason="needs nginx and openssl"
)


def site_for(work: Path) -> str:
    text = (ROOT / "deploy" / "nginx" / "regiokaart.conf").read_text()
    text = text.replace("/etc/letsencrypt/live/regiokaart.example.org", str(work))
    text = text.replace("/var/cache/nginx/regiokaart", str(work / "cache"))
    return text.replace("/srv/regiokaart", str(ROOT))


def test_the_shipped_site_passes_nginx_t(tmp_path):
    subprocess.run(
        ["openssl", "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-days", "1",
         "-subj", "/CN=regiokaart.example.org",
         "-keyout", str(tmp_path / "privkey.pem"),
         "-out", str(tmp_path / "fullchain.pem")],
        check=True, capture_output=True, timeout=60,
    )  # fmt: skip
    (tmp_path / "site.conf").write_text(site_for(tmp_path))
    temp = "\n".join(
        f"  {kind}_temp_path {tmp_path}/{kind};"
        for kind in ("client_body", "proxy", "fastcgi", "uwsgi", "scgi")
    )
    (tmp_path / "nginx.conf").write_text(
        f"pid {tmp_path}/nginx.pid;\nerror_log {tmp_path}/error.log;\n"
        f"events {{}}\nhttp {{\n  include /etc/nginx/mime.types;\n{temp}\n"
        f"  include {tmp_path}/site.conf;\n}}\n"
    )
    result = subprocess.run(
        [NGINX, "-t", "-c", str(tmp_path / "nginx.conf")],
        capture_output=True, text=True, timeout=60,
    )  # fmt: skip
    assert result.returncode == 0, result.stderr
    assert "unknown directive" not in result.stderr


def test_env_example_names_every_setting_read_from_the_environment():
    """deploy/env.example explains every variable settings.py and the gunicorn
    config read, and names nothing they do not read."""
    read = set()
    for path, pattern in (
        (ROOT / "regiokaart" / "settings.py", r'env(?:\.\w+)?\(\s*"([A-Z0-9_]+)"'),
        (ROOT / "deploy" / "gunicorn.conf.py", r'os\.environ\.get\("([A-Z0-9_]+)"'),
    ):
        read |= set(re.findall(pattern, path.read_text()))
    assert {"DJANGO_SECRET_KEY", "DATABASE_URL", "GUNICORN_BIND"} <= read
    example = (ROOT / "deploy" / "env.example").read_text()
    named = set(re.findall(r"^#?([A-Z][A-Z0-9_]+)=", example, re.M))
    assert read - named == set(), "missing from deploy/env.example"
    assert named - read == set(), "deploy/env.example names what nothing reads"
