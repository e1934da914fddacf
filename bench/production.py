"""The shipped production setup, checked for the traps of issue 19, in one run.

Starts the shipped nginx site (deploy/nginx/regiokaart.conf, pointed at this
checkout and loopback ports, its own prefix in a temporary folder; never the
system nginx) in front of gunicorn (deploy/gunicorn.conf.py, 2 workers) on a
fresh database with the demo data, then prints:

1. lockouts of a third address after a spray from one address (must be 0):
   client sockets are bound to other loopback addresses (127.0.0.2 sprays,
   127.0.0.3 and 127.0.0.4 are real users), which is how nginx sees
   different visitors ($remote_addr); the sprayer also claims the third
   address in X-Forwarded-For, which must not matter;
2. a long URL (6 kB) through nginx (must be 200), and the headers of a
   static file (one Cache-Control, nosniff);
3. a restore round trip: backup, `migrate` a new database, restore, backup
   again; the two dumps and the uploaded files must be identical;
4. Django's throughput (wrk on gunicorn, a visitor's page) without and with a
   background of failed-login and password-reset POSTs through nginx (about
   4 a second from the spraying address); the ratio must be at least 0.9.

Every loop is bounded in count and time; nothing leaves the machine.
    .venv/bin/python bench/production.py [seconds per wrk run, default 8]
Needs nginx and wrk. BENCH_DATABASE_URL=postgres://... uses PostgreSQL (the
restore then goes into a new database next to it, dropped afterwards).
"""

import http.client
import json
import os
import re
import shutil
import signal
import subprocess
import sys
import tarfile
import tempfile
import threading
import time
import urllib.parse
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PYTHON = str(ROOT / ".venv" / "bin" / "python")
APP_PORT = 8821
PROXY_PORT = 8822
PASSWORD = "bench-wachtwoord-met-lengte-42"
SPRAYER, THIRD, FOURTH = "127.0.0.2", "127.0.0.3", "127.0.0.4"


def run(*args, env, check=True, **kwargs):
    return subprocess.run(
        [PYTHON, "manage.py", *args],
        cwd=ROOT,
        env=env,
        check=check,
        capture_output=True,
        text=True,
        timeout=600,
        **kwargs,
    )


def site_config(work: Path) -> str:
    """The shipped site, pointed at this checkout, these ports and work/."""
    text = (ROOT / "deploy/nginx/regiokaart.conf").read_text()
    text = re.sub(
        r"# http -> https \(begin\).*?# http -> https \(end\)\n", "", text, flags=re.S
    )
    text = text.replace("/srv/regiokaart/staticfiles/", f"{work}/staticfiles/")
    text = text.replace("/srv/regiokaart", str(ROOT))
    text = text.replace("/var/cache/nginx/regiokaart", f"{work}/cache")
    text = text.replace("server 127.0.0.1:8000;", f"server 127.0.0.1:{APP_PORT};")
    text = text.replace("listen 443 ssl http2;", f"listen 127.0.0.1:{PROXY_PORT};")
    text = re.sub(r"\n\s*listen \[::\]:443 ssl http2;", "", text)
    text = re.sub(r"\n\s*ssl_certificate(_key)? [^\n]*;", "", text)
    return text


def nginx_config(work: Path) -> str:
    (work / "site.conf").write_text(site_config(work))
    return f"""
worker_processes 2;
pid {work}/nginx.pid;
error_log {work}/nginx-error.log;
daemon off;
events {{ worker_connections 1024; }}
http {{
  include /etc/nginx/mime.types;
  access_log off;
  client_body_temp_path {work}/tmp/body;
  proxy_temp_path {work}/tmp/proxy;
  fastcgi_temp_path {work}/tmp/fastcgi;
  uwsgi_temp_path {work}/tmp/uwsgi;
  scgi_temp_path {work}/tmp/scgi;
  include {work}/site.conf;
}}
"""


class Visitor:
    """A browser on one loopback address, through nginx: cookies and CSRF."""

    def __init__(self, address: str, claimed: str = ""):
        self.address = address
        self.claimed = claimed
        self.cookies: dict[str, str] = {}

    def request(self, method, path, body=None, timeout=30):
        connection = http.client.HTTPConnection(
            "127.0.0.1", PROXY_PORT, timeout=timeout, source_address=(self.address, 0)
        )
        headers = {"Host": "127.0.0.1"}
        if self.cookies:
            headers["Cookie"] = "; ".join(f"{k}={v}" for k, v in self.cookies.items())
        if self.claimed:
            headers["X-Forwarded-For"] = self.claimed
        if body is not None:
            headers["Content-Type"] = "application/x-www-form-urlencoded"
            body = urllib.parse.urlencode(body)
        try:
            connection.request(method, path, body=body, headers=headers)
            response = connection.getresponse()
            content = response.read()
            for header, value in response.getheaders():
                if header.lower() == "set-cookie":
                    name, _, rest = value.partition("=")
                    self.cookies[name] = rest.split(";", 1)[0]
            return response.status, response.getheaders(), content
        finally:
            connection.close()

    def post_form(self, path, fields):
        status, _headers, content = self.request("GET", path)
        token = re.search(rb'name="csrfmiddlewaretoken" value="([^"]+)"', content)
        if status == 429 or token is None:
            return status
        fields = {**fields, "csrfmiddlewaretoken": token.group(1).decode()}
        return self.request("POST", path, fields)[0]

    def login(self, username, password):
        self.cookies.pop("sessionid", None)
        return self.post_form(
            "/account/login/", {"username": username, "password": password}
        )


def lockouts() -> dict:
    sprayer = Visitor(SPRAYER, claimed=THIRD)  # claims to be the third address
    for _ in range(4):
        sprayer.login("curator", "fout")  # 4 wrong passwords for curator
    spray = [sprayer.login(f"gok-{n}", "fout") for n in range(12)]  # 12 usernames
    sprayer_locked = sprayer.login("redacteur", PASSWORD)
    third = [Visitor(THIRD).login("redacteur", PASSWORD)]
    third.append(Visitor(THIRD).login("curator", PASSWORD))
    fourth = Visitor(FOURTH).login("curator", PASSWORD)
    return {
        "spray": spray,
        "sprayer_locked": sprayer_locked,
        "third": third,
        "third_lockouts": sum(status == 429 for status in third),
        "fourth": fourth,
    }


def long_url_and_static(work: Path) -> dict:
    visitor = Visitor("127.0.0.1")
    long_path = "/regios/?sorteer=naam&q=" + "a" * 6000
    status, _h, _c = visitor.request("GET", long_path)
    css = next((work / "staticfiles" / "css").glob("*.css"))
    _s, headers, _c = visitor.request("GET", f"/static/css/{css.name}")
    names = [h.lower() for h, _v in headers]
    return {
        "url_bytes": len(long_path),
        "long_url_status": status,
        "static_cache_control": names.count("cache-control"),
        "static_nosniff": dict((h.lower(), v) for h, v in headers).get(
            "x-content-type-options"
        ),
    }


def read_backup(path: Path):
    with tarfile.open(path, "r:gz") as archive:
        data = json.loads(archive.extractfile("data.json").read())
        files = {
            m.name: archive.extractfile(m).read()
            for m in archive.getmembers()
            if m.isfile() and m.name != "data.json"
        }
    for row in data:  # a restore starts a new data generation, nothing else
        if row["model"] == "core.datageneration":
            row["fields"] = {}
    return data, files


def restore_round_trip(env: dict, work: Path) -> dict:
    first, second = work / "eerste.tar.gz", work / "tweede.tar.gz"
    run("backup", str(first), env=env)
    fresh = {**env, "DJANGO_MEDIA_ROOT": str(work / "fresh-media")}
    url = env["DATABASE_URL"]
    dropper = None
    if url.startswith("postgres"):
        name = f"rk_bench_restore_{os.getpid()}"
        base = url.rsplit("/", 1)[0]
        import psycopg

        dropper = psycopg.connect(f"{base}/postgres", autocommit=True)
        dropper.execute(f'CREATE DATABASE "{name}"')
        fresh["DATABASE_URL"] = f"{base}/{name}"
    else:
        fresh["DATABASE_URL"] = f"sqlite:///{work}/fresh.sqlite3"
    try:
        started = time.monotonic()
        run("migrate", "--verbosity=0", env=fresh)
        restored = run("restore", str(first), env=fresh, check=False)
        seconds = time.monotonic() - started
        if restored.returncode != 0:
            return {"identical": False, "error": restored.stderr[-500:]}
        run("backup", str(second), env=fresh)
    finally:
        if dropper is not None:
            dropper.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
            dropper.close()
    data_1, files_1 = read_backup(first)
    data_2, files_2 = read_backup(second)
    return {
        "identical": data_1 == data_2 and files_1 == files_2,
        "rows": len(data_1),
        "files": len(files_1),
        "seconds": round(seconds, 1),
    }


def wrk(url: str, seconds: int) -> float:
    out = subprocess.run(
        ["wrk", "-t2", "-c16", f"-d{seconds}s", url],
        capture_output=True,
        text=True,
        timeout=seconds + 60,
        check=True,
    ).stdout
    return float(re.search(r"Requests/sec:\s+([\d.]+)", out).group(1))


def background_posts(stop: threading.Event, counts: dict, rate: float = 4.0):
    """Failed logins and password-reset requests, `rate` POSTs a second, bounded.
    As a script would send them: one GET for the CSRF token, then only POSTs."""
    attacker = Visitor(SPRAYER)
    tokens = {}
    for path in ("/account/login/", "/account/password_reset/"):
        _status, _headers, content = attacker.request("GET", path)
        found = re.search(rb'name="csrfmiddlewaretoken" value="([^"]+)"', content)
        tokens[path] = found.group(1).decode() if found else ""
    deadline = time.monotonic() + 600
    n = 0
    while not stop.is_set() and time.monotonic() < deadline and n < 10_000:
        started = time.monotonic()
        if n % 4 == 3:
            path = "/account/password_reset/"
            fields = {"email": f"niemand{n}@example.org"}
        else:
            path = "/account/login/"
            fields = {"username": f"aanval-{n}", "password": "fout"}
        fields["csrfmiddlewaretoken"] = tokens[path]
        status = attacker.request("POST", path, fields)[0]
        counts[status] = counts.get(status, 0) + 1
        n += 1
        stop.wait(max(0.0, 1 / rate - (time.monotonic() - started)))


def generation(env) -> int:
    out = run(
        "shell",
        "--no-imports",
        "-c",
        "from core import generation; print(generation.current())",
        env=env,
    )
    return int(out.stdout.strip().splitlines()[-1])


def main() -> None:
    seconds = int(sys.argv[1]) if len(sys.argv) > 1 else 8
    for tool in ("nginx", "wrk"):
        if not shutil.which(tool) and not Path(f"/usr/sbin/{tool}").exists():
            sys.exit(f"{tool} is needed")
    work = Path(tempfile.mkdtemp(prefix="rk-production-"))
    work.chmod(0o755)
    for folder in (
        "cache",
        "tmp/body",
        "tmp/proxy",
        "tmp/fastcgi",
        "tmp/uwsgi",
        "tmp/scgi",
    ):
        (work / folder).mkdir(parents=True, exist_ok=True)
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "regiokaart.settings",
        "DATABASE_URL": os.environ.get(
            "BENCH_DATABASE_URL", f"sqlite:///{work}/bench.sqlite3"
        ),
        "DJANGO_DEBUG": "false",
        "DJANGO_SECURE_SSL_REDIRECT": "false",
        "DJANGO_SECRET_KEY": "bench-only-secret-key-" + "0123456789" * 4,
        "DJANGO_ALLOWED_HOSTS": "127.0.0.1,localhost",
        "DJANGO_MEDIA_ROOT": str(work / "media"),
        "DJANGO_STATIC_ROOT": str(work / "staticfiles"),
        "DJANGO_LOG_LEVEL": "WARNING",
        "DJANGO_SUPERUSER_PASSWORD": PASSWORD,
    }
    processes = []
    try:
        run("migrate", "--verbosity=0", env=env)
        run("load_demo", "--verbosity=0", env=env)
        run("collectstatic", "--noinput", "--verbosity=0", env=env)
        run(
            "createsuperuser",
            "--noinput",
            "--username=curator",
            "--email=curator@example.org",
            env=env,
        )
        run(
            "shell",
            "--no-imports",
            "-c",
            "from django.contrib.auth import get_user_model;"
            "from regions.models import Region, RegionMembership;"
            "u = get_user_model().objects.create_user("
            f"'redacteur', 'r@example.org', '{PASSWORD}');"
            "RegionMembership.objects.create("
            "user=u, region=Region.objects.order_by('slug').first())",
            env=env,
        )
        gunicorn = subprocess.Popen(
            [
                str(ROOT / ".venv/bin/gunicorn"),
                "regiokaart.wsgi",
                "-c",
                "deploy/gunicorn.conf.py",
                "--access-logfile",
                "/dev/null",
                "--error-logfile",
                str(work / "gunicorn.log"),
            ],
            cwd=ROOT,
            env={
                **env,
                "GUNICORN_BIND": f"127.0.0.1:{APP_PORT}",
                "GUNICORN_WORKERS": "2",
            },
            stdout=subprocess.DEVNULL,
            stderr=open(work / "django.log", "w"),  # axes' warnings, not the report
        )
        processes.append(gunicorn)
        (work / "nginx.conf").write_text(nginx_config(work))
        nginx = subprocess.Popen(
            [
                "nginx",
                "-p",
                str(work),
                "-e",
                str(work / "nginx-error.log"),
                "-c",
                str(work / "nginx.conf"),
            ]
        )
        processes.append(nginx)
        for _ in range(100):  # at most 20 s
            try:
                if Visitor("127.0.0.1").request("GET", "/gezond", timeout=2)[0] == 200:
                    break
            except OSError:
                pass
            time.sleep(0.2)

        print(
            f"nginx (shipped site) -> gunicorn, 2 workers; {os.cpu_count()} cores; "
            f"database: {env['DATABASE_URL'].split(':')[0]}"
        )
        locks = lockouts()
        print(
            f"spray from {SPRAYER}: 4 wrong passwords for curator, 12 usernames -> "
            f"statuses {locks['spray']}; then the sprayer with a right password: "
            f"{locks['sprayer_locked']}"
        )
        print(
            f"lockouts of a third address ({THIRD}) after the spray: "
            f"{locks['third_lockouts']} (logins: {locks['third']}; must be 0)"
        )
        print(
            f"the real curator from {FOURTH} after 4 wrong elsewhere: {locks['fourth']}"
        )

        checks = long_url_and_static(work)
        print(
            f"a {checks['url_bytes']}-byte URL through nginx: "
            f"{checks['long_url_status']} (must be 200)"
        )
        print(
            f"a static file: {checks['static_cache_control']} Cache-Control header(s), "
            f"X-Content-Type-Options: {checks['static_nosniff']}"
        )

        trip = restore_round_trip(env, work)
        print(
            f"restore round trip: {'identical' if trip['identical'] else 'DIFFERENT'} "
            f"({json.dumps(trip)})"
        )

        page = f"http://127.0.0.1:{APP_PORT}/regios/"
        wrk(page, 2)  # warm the page cache
        # Alternate quiet and busy runs and keep the best of each: other work
        # on the machine then weighs on both alike.
        quiet, busy, counts, moved = [], [], {}, 0
        for _round in range(2):
            quiet.append(wrk(page, seconds))
            before = generation(env)
            stop = threading.Event()
            thread = threading.Thread(target=background_posts, args=(stop, counts))
            thread.start()
            time.sleep(1)
            busy.append(wrk(page, seconds))
            stop.set()
            thread.join(timeout=30)
            moved += generation(env) - before
        print(
            f"Django alone, {page}, wrk 2 threads 16 connections {seconds}s, "
            f"best of 2: {max(quiet):.0f} req/s quiet {quiet}, {max(busy):.0f} "
            f"req/s with background POSTs {busy}, statuses {counts}; the data "
            f"generation moved {moved}x"
        )
        print(
            f"throughput ratio with/without background POSTs: "
            f"{max(busy) / max(quiet):.2f} (must be >= 0.9; load average now "
            f"{os.getloadavg()[0]:.1f})"
        )
    finally:
        for process in reversed(processes):
            if process.poll() is None:
                process.send_signal(
                    signal.SIGTERM if process is not processes[-1] else signal.SIGQUIT
                )
                try:
                    process.wait(timeout=20)
                except subprocess.TimeoutExpired:
                    process.kill()
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
