"""Backups you can trust: a world with every model filled and linked backs up,
restores into a freshly migrated database (themes seeded by a migration
included) and backs up again to the identical dump and files; a backup taken
while another connection writes is one snapshot and restores.

The fresh database is made the way an operator makes one: `manage.py migrate`
in a separate process, on SQLite a new file, on PostgreSQL a new database of
its own (created and dropped here).
"""

import json
import os
import subprocess
import sys
import tarfile
import threading
import uuid
from datetime import date
from pathlib import Path

import pytest
from django.apps import apps
from django.conf import settings
from django.contrib.auth import get_user_model
from django.core import serializers
from django.core.files.base import ContentFile
from django.core.management import call_command
from django.db import connection

from core import backup
from core.models import ImportLog
from follow.models import Subscription
from organisations.models import ContactPerson
from plans.models import Regiobeeld, Theme
from plans.search.models import PageText, PlanText, Posting
from regions import services
from regions.models import (
    RegionFigure,
    RegionMembership,
    ReminderLog,
    StatusChange,
)

from .factories import (
    PDF,
    add_postcodes,
    add_zones,
    make_curator,
    make_editor,
    make_gemeenten,
    make_plans_rows,
    make_world,
)

pytestmark = pytest.mark.django_db(transaction=True)
ROOT = Path(settings.BASE_DIR)


def fill_every_model():
    """The synthetic world, and a row in every model of the site, linked."""
    for slug in ("ouderenzorg", "ggz", "preventie", "arbeidsmarkt"):
        # A transactional test empties the tables the migration seeded.
        Theme.objects.get_or_create(slug=slug, defaults={"name": slug.title()})
    world = make_world()
    add_postcodes(world)
    add_zones(world)
    make_plans_rows(world)
    curator = make_curator()
    editor = make_editor("redacteur-a", world.region_a)
    regiobeeld = Regiobeeld.objects.get(region=world.region_a)
    regiobeeld.document.save("beeld.pdf", ContentFile(PDF + b"regiobeeld\n"))
    world.activity_a.themes.set(Theme.objects.filter(slug__in=["ggz", "preventie"]))
    Theme.objects.create(slug="eigen-thema", name="Eigen thema")
    Theme.objects.get(slug="arbeidsmarkt").delete()  # the backup holds the list whole
    ContactPerson.objects.create(organisation=world.organisation_a, name="A. Contact")
    RegionFigure.objects.create(
        region=world.region_a, kind="huisartsen", value=12, year=2025, source="eigen"
    )
    ReminderLog.objects.create(region=world.region_a, user=editor, email="a@a.nl")
    ImportLog.objects.create(user=curator, model="regio's", file_name="r.csv", new=1)
    text = PlanText.objects.create(
        region=world.region_a,
        kind="regioplan",
        file_name="plan.pdf",
        state=PlanText.State.INDEXED,
    )
    PageText.objects.create(document=text, number=1, text="Ouderenzorg.")
    Posting.objects.create(
        document=text,
        stem="ouderenzorg",
        pages="[1,1]",
        positions='{"ouderenzorg":{"1":[0]}}',
    )
    Subscription.objects.create(
        email="volger@example.org",
        scope=Subscription.Scope.REGION,
        region=world.region_a,
    )
    old = world.region_b.status
    world.region_b.status = "in_ontwikkeling" if old != "in_ontwikkeling" else "geen"
    world.region_b.save()
    services.record_status(world.region_b, old, curator, date(2025, 3, 1), "test")
    services.data_changed()
    return world


def empty_models() -> list[str]:
    return [
        model._meta.label
        for model in backup.own_models()
        if not model._default_manager.exists()
    ]


def read_backup(path: Path) -> tuple[list, dict]:
    with tarfile.open(path, "r:gz") as archive:
        data = json.loads(archive.extractfile(backup.DATA).read())
        files = {
            m.name: archive.extractfile(m).read()
            for m in archive.getmembers()
            if m.isfile() and m.name != backup.DATA
        }
    return data, files


def manage(env: dict, *args: str) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "manage.py", *args],
        cwd=ROOT,
        env={**os.environ, **env},
        capture_output=True,
        text=True,
        timeout=180,
    )


@pytest.fixture
def fresh_database(tmp_path):
    """The environment of a freshly migrated, empty database of its own."""
    media = tmp_path / "fresh-media"
    env = {"DJANGO_MEDIA_ROOT": str(media), "DJANGO_DEBUG": "true"}
    if connection.vendor == "postgresql":
        import psycopg

        params = connection.settings_dict
        name = f"rk_restore_{uuid.uuid4().hex[:10]}"
        admin = psycopg.connect(
            host=params["HOST"] or "127.0.0.1",
            port=params["PORT"] or 5432,
            user=params["USER"],
            password=params["PASSWORD"] or None,
            dbname="postgres",
            autocommit=True,
        )
        admin.execute(f'CREATE DATABASE "{name}"')
        env["DATABASE_URL"] = (
            f"postgres://{params['USER']}@{params['HOST'] or '127.0.0.1'}:"
            f"{params['PORT'] or 5432}/{name}"
        )
    else:
        env["DATABASE_URL"] = f"sqlite:///{tmp_path / 'fresh.sqlite3'}"
    migrated = manage(env, "migrate", "--verbosity=0")
    assert migrated.returncode == 0, migrated.stderr
    env["media"] = media
    yield env
    if connection.vendor == "postgresql":
        admin.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
        admin.close()


def test_every_model_with_a_natural_key_can_be_found_by_it():
    for model in apps.get_models():
        if "natural_key" in vars(model) or any(
            "natural_key" in vars(base)
            for base in model.__mro__[1:]
            if base.__module__.split(".")[0] in {"geo", "regions", "plans", "core"}
        ):
            assert hasattr(model._default_manager, "get_by_natural_key"), model


def test_a_full_world_restores_into_a_freshly_migrated_database(
    tmp_path, fresh_database
):
    fill_every_model()
    assert empty_models() == []
    first = tmp_path / "eerste.tar.gz"
    call_command("backup", str(first), verbosity=0)

    env = {k: str(v) for k, v in fresh_database.items() if k != "media"}
    seeded = manage(
        env,
        "shell",
        "--no-imports",
        "-c",
        "from plans.models import Theme; print(Theme.objects.count())",
    )
    assert seeded.stdout.strip() == "8"  # the migration's themes are there
    restored = manage(env, "restore", str(first))
    assert restored.returncode == 0, restored.stderr
    second = tmp_path / "tweede.tar.gz"
    again = manage(env, "backup", str(second))
    assert again.returncode == 0, again.stderr

    data_1, files_1 = read_backup(first)
    data_2, files_2 = read_backup(second)
    # The restore moves the data generation on (cached pages are stale).
    generation = [r for r in data_2 if r["model"] == "core.datageneration"]
    for row in generation:
        row["fields"]["value"] -= 1
        row["fields"]["changed_at"] = next(
            r["fields"]["changed_at"]
            for r in data_1
            if r["model"] == "core.datageneration"
        )
    assert data_2 == data_1
    assert files_2 == files_1
    assert {name for name in files_1} >= {
        f"media/{p.relative_to(settings.MEDIA_ROOT)}"
        for p in Path(settings.MEDIA_ROOT).rglob("*.pdf")
        if "import-staging" not in p.parts
    }
    themes = {r["fields"]["slug"] for r in data_2 if r["model"] == "regions.theme"}
    assert "eigen-thema" in themes and "arbeidsmarkt" not in themes
    contracts = [r for r in data_2 if r["model"] == "plans.contract"]
    assert contracts and all(r["fields"]["themes"] for r in contracts)


def test_a_backup_taken_while_another_connection_writes_restores(
    tmp_path, fresh_database, monkeypatch
):
    world = fill_every_model()
    User = get_user_model()
    written = threading.Event()

    def add_an_editor():
        # Another connection, as another worker would: its own thread.
        try:
            user = User.objects.create_user("nieuwe-redacteur", password="x")
            RegionMembership.objects.create(user=user, region=world.region_b)
            StatusChange.objects.filter(region=world.region_b).update(note="later")
        finally:
            from django.db import connections

            connections.close_all()
            written.set()

    serializer = serializers.get_serializer("json")
    original = serializer.end_object

    def end_object(self, obj):
        original(self, obj)
        if isinstance(obj, User) and not written.is_set():
            thread = threading.Thread(target=add_an_editor)
            thread.start()
            thread.join(timeout=30)

    monkeypatch.setattr(serializer, "end_object", end_object)
    path = tmp_path / "tijdens.tar.gz"
    call_command("backup", str(path), verbosity=0)
    assert written.is_set()
    assert RegionMembership.objects.filter(user__username="nieuwe-redacteur").exists()

    env = {k: str(v) for k, v in fresh_database.items() if k != "media"}
    restored = manage(env, "restore", str(path))
    assert restored.returncode == 0, restored.stderr
    data, _files = read_backup(path)
    usernames = {r["fields"]["username"] for r in data if r["model"] == "auth.user"}
    members = [r for r in data if r["model"] == "regions.regionmembership"]
    assert all(r["fields"]["user"][0] in usernames for r in members)
    assert "nieuwe-redacteur" not in usernames  # written after the snapshot


def test_restore_accepts_the_seeded_themes_but_not_real_data(tmp_path):
    path = tmp_path / "leeg.tar.gz"
    call_command("backup", str(path), verbosity=0)
    if not Theme.objects.exists():  # as the migration seeds them, no history
        Theme.objects.bulk_create([Theme(slug="ggz", name="GGZ")])
    assert backup.database_is_empty()
    make_gemeenten()
    assert not backup.database_is_empty()


def test_the_nightly_backup_rotates_old_ones(tmp_path):
    folder = tmp_path / "backups"
    folder.mkdir()
    for day in range(1, 6):
        old = folder / f"regiokaart-2026-11-0{day}.tar.gz"
        old.write_bytes(b"oud")
        os.utime(old, (1_700_000_000 + day, 1_700_000_000 + day))
    other = folder / "iets-anders.tar.gz"
    other.write_bytes(b"niet van ons")
    today = folder / "regiokaart-2026-12-05.tar.gz"
    call_command("backup", str(today), "--keep=3", verbosity=0)
    assert sorted(p.name for p in folder.iterdir()) == [
        "iets-anders.tar.gz",
        "regiokaart-2026-11-04.tar.gz",
        "regiokaart-2026-11-05.tar.gz",
        "regiokaart-2026-12-05.tar.gz",
    ]
    unit = (ROOT / "deploy/systemd/regiokaart-daily.service").read_text()
    assert "backup" in unit and "--keep=" in unit
