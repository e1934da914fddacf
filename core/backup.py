"""Back up and restore the whole site: every table and the uploaded files.

One .tar.gz holds data.json (Django's dumpdata of every app, foreign keys by
natural key, so it loads into any freshly migrated database, SQLite or
PostgreSQL) and media/ (the uploaded regioplannen and regiobeelden).

Invariants:
- The dump is one consistent snapshot, even while others write: on PostgreSQL
  it is read in one REPEATABLE READ, READ ONLY transaction on a connection of
  its own; on SQLite the online backup API copies the database first and the
  dump reads the copy.
- A restore goes into a freshly migrated database only. Rows a migration seeds
  (models with ``seeded_by_migrations = True``, such as the themes) may be
  there; they are replaced by the backup's own rows, in the same transaction.
- Every model with natural_key() has get_by_natural_key() on its manager
  (tests/test_backup_restore.py checks), or loaddata cannot link it.
"""

import io
import re
import sqlite3
import tarfile
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from django.apps import apps
from django.conf import settings
from django.core import serializers
from django.core.management import call_command
from django.db import DEFAULT_DB_ALIAS, connections, transaction
from django.db.utils import load_backend

# Rebuilt by migrate, or kept per server; never part of a backup.
EXCLUDED = ["contenttypes", "auth.permission", "sessions", "admin.logentry"]
DATA = "data.json"
MEDIA = "media"
SNAPSHOT_ALIAS = "backup-snapshot"


def own_models() -> list:
    """The models of the site's own apps (not Django's or a library's)."""
    return [
        model
        for model in apps.get_models()
        if Path(model._meta.app_config.path).parent == Path(settings.BASE_DIR)
    ]


def seeded_models() -> list:
    """Models whose rows a migration inserts: a fresh database already has them."""
    return [m for m in own_models() if getattr(m, "seeded_by_migrations", False)]


@contextmanager
def _extra_connection(settings_dict: dict) -> Iterator[str]:
    """A connection of its own under SNAPSHOT_ALIAS, for the duration of the block
    (in this thread only; never added to settings.DATABASES)."""
    backend = load_backend(settings_dict["ENGINE"])
    setattr(
        connections._connections,
        SNAPSHOT_ALIAS,
        backend.DatabaseWrapper(settings_dict, SNAPSHOT_ALIAS),
    )
    try:
        yield SNAPSHOT_ALIAS
    finally:
        getattr(connections._connections, SNAPSHOT_ALIAS).close()
        delattr(connections._connections, SNAPSHOT_ALIAS)


@contextmanager
def snapshot(using: str = DEFAULT_DB_ALIAS) -> Iterator[str]:
    """A database alias that reads one consistent state of the database."""
    connection = connections[using]
    settings_dict = {**connection.settings_dict, "ATOMIC_REQUESTS": False}
    if connection.vendor == "sqlite":
        with tempfile.TemporaryDirectory(prefix="regiokaart-backup-") as folder:
            copy = Path(folder) / "snapshot.sqlite3"
            connection.ensure_connection()
            target = sqlite3.connect(copy)
            try:
                connection.connection.backup(target)  # one consistent copy
            finally:
                target.close()
            with _extra_connection({**settings_dict, "NAME": str(copy)}) as alias:
                yield alias
        return
    with _extra_connection(settings_dict) as alias:
        with transaction.atomic(using=alias):
            if connection.vendor == "postgresql":
                with connections[alias].cursor() as cursor:
                    cursor.execute(
                        "SET TRANSACTION ISOLATION LEVEL REPEATABLE READ, READ ONLY"
                    )
            yield alias


def _dumped_models() -> list:
    """Every model dumpdata would write (minus EXCLUDED), dependencies first."""
    labels = set(EXCLUDED)
    app_list = {
        config: None
        for config in apps.get_app_configs()
        if config.models_module is not None and config.label not in labels
    }
    return [
        model
        for model in serializers.sort_dependencies(app_list.items(), allow_cycles=True)
        if model._meta.label_lower not in labels and not model._meta.proxy
    ]


def dump(using: str = DEFAULT_DB_ALIAS) -> bytes:
    """Every table as JSON (what `dumpdata --natural-foreign --all` writes), read
    from one snapshot."""
    data = io.StringIO()
    with snapshot(using) as alias:

        def rows():
            for model in _dumped_models():
                queryset = model._base_manager.using(alias).order_by(
                    model._meta.pk.name
                )
                yield from queryset.iterator()

        serializers.serialize(
            "json", rows(), indent=0, use_natural_foreign_keys=True, stream=data
        )
    return data.getvalue().encode()


def media_files() -> list[Path]:
    media_root = Path(settings.MEDIA_ROOT)
    staging = Path(settings.IMPORT_STAGING_DIR)
    return [
        p
        for p in sorted(media_root.rglob("*"))
        if p.is_file() and staging not in p.parents
    ]


def backup(path: Path) -> dict:
    """Write the backup to path; returns what it holds."""
    encoded = dump()
    media_root = Path(settings.MEDIA_ROOT)
    files = media_files()
    partial = path.with_name(path.name + ".partial")
    with tarfile.open(partial, "w:gz") as archive:
        info = tarfile.TarInfo(DATA)
        info.size = len(encoded)
        archive.addfile(info, io.BytesIO(encoded))
        for file in files:
            archive.add(file, f"{MEDIA}/{file.relative_to(media_root)}")
    partial.replace(path)  # a half-written backup never carries the real name
    return {"bytes": len(encoded), "files": len(files)}


def rotate(path: Path, keep: int) -> list[Path]:
    """Remove older backups beside path: files named like it (the same name with
    other digits, e.g. regiokaart-2026-12-01.tar.gz), keeping the newest `keep`."""
    stem = re.escape(path.name)
    pattern = re.compile(re.sub(r"(\\?\d)+", r"[0-9._-]*", stem) + "$")
    siblings = sorted(
        (p for p in path.parent.iterdir() if p.is_file() and pattern.match(p.name)),
        key=lambda p: (p.stat().st_mtime, p.name),
        reverse=True,
    )
    removed = [p for p in siblings[max(keep, 1) :] if p != path]
    for old in removed:
        old.unlink(missing_ok=True)
    return removed


def database_is_empty() -> bool:
    """No rows in any of the site's own tables, apart from those migrations seed."""
    seeded = set(seeded_models())
    return not any(
        model._default_manager.exists() for model in own_models() if model not in seeded
    )


def _clear(models: list) -> None:
    """Empty these tables and their many-to-many tables, without signals (no
    history rows for rows that were never the site's own)."""
    connection = connections[DEFAULT_DB_ALIAS]
    tables = []
    for model in models:
        for field in model._meta.get_fields(include_hidden=True):
            through = getattr(getattr(field, "remote_field", None), "through", None)
            if through is not None and through._meta.auto_created:
                tables.append(through._meta.db_table)
        tables.append(model._meta.db_table)
    with connection.cursor() as cursor:
        for table in dict.fromkeys(tables):
            cursor.execute(f"DELETE FROM {connection.ops.quote_name(table)}")


class RestoreError(Exception):
    """The backup cannot be restored here; the message says why, in Dutch."""


def restore(path: Path) -> dict:
    """Load a backup into a freshly migrated database and put the files back."""
    from django.utils.translation import gettext as _

    if not database_is_empty():
        raise RestoreError(
            _(
                "De database is niet leeg. Zet een back-up alleen terug in een "
                "lege, gemigreerde database."
            )
        )
    try:
        archive = tarfile.open(path, "r:gz")
        members = {m.name: m for m in archive.getmembers()}
    except (OSError, tarfile.TarError, EOFError) as exc:
        raise RestoreError(_("Dit is geen back-up van de regiokaart.")) from exc
    with archive:
        if DATA not in members:
            raise RestoreError(_("Dit is geen back-up van de regiokaart."))
        folder = Path(settings.IMPORT_STAGING_DIR)
        folder.mkdir(parents=True, exist_ok=True)
        with tempfile.NamedTemporaryFile(
            dir=folder, prefix="restore-", suffix=".json", delete=False
        ) as handle:
            handle.write(archive.extractfile(members[DATA]).read())
        fixture = Path(handle.name)
        media = [
            m for m in members.values() if m.isfile() and m.name.startswith(f"{MEDIA}/")
        ]
        try:
            with transaction.atomic():
                # The backup holds these tables whole: the seeded rows make way.
                _clear(seeded_models())
                call_command("loaddata", str(fixture), verbosity=0)
        finally:
            fixture.unlink(missing_ok=True)
        media_root = Path(settings.MEDIA_ROOT).resolve()
        for member in media:
            target = (media_root / member.name.removeprefix(f"{MEDIA}/")).resolve()
            if media_root not in target.parents:
                continue  # never write outside MEDIA_ROOT
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_bytes(archive.extractfile(member).read())
    return {"files": len(media)}
