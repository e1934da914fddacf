"""Back up and restore the whole site: every table and the uploaded files.

One .tar.gz holds data.json (Django's dumpdata of every app, foreign keys to
content types and permissions by natural key, so it loads into any freshly
migrated database, SQLite or PostgreSQL) and media/ (the uploaded regioplannen).
A restore goes into an empty, migrated database only.
"""

import io
import tarfile
from pathlib import Path

from django.apps import apps
from django.conf import settings
from django.core.management import call_command
from django.db import transaction

# Rebuilt by migrate, or kept per server; never part of a backup.
EXCLUDED = ["contenttypes", "auth.permission", "sessions", "admin.logentry"]
DATA = "data.json"
MEDIA = "media"


def backup(path: Path) -> dict:
    """Write the backup to path; returns what it holds."""
    data = io.StringIO()
    call_command(
        "dumpdata",
        *[f"--exclude={label}" for label in EXCLUDED],
        "--natural-foreign",
        "--indent=0",
        stdout=data,
    )
    encoded = data.getvalue().encode()
    media_root = Path(settings.MEDIA_ROOT)
    files = [
        p
        for p in sorted(media_root.rglob("*"))
        if p.is_file() and Path(settings.IMPORT_STAGING_DIR) not in p.parents
    ]
    with tarfile.open(path, "w:gz") as archive:
        info = tarfile.TarInfo(DATA)
        info.size = len(encoded)
        archive.addfile(info, io.BytesIO(encoded))
        for file in files:
            archive.add(file, f"{MEDIA}/{file.relative_to(media_root)}")
    return {"bytes": len(encoded), "files": len(files)}


def database_is_empty() -> bool:
    """No rows in any of the site's own tables (migrations may have seeded none)."""
    ours = [
        model
        for model in apps.get_models()
        if Path(model._meta.app_config.path).parent == Path(settings.BASE_DIR)
    ]
    return not any(model._default_manager.exists() for model in ours)


class RestoreError(Exception):
    """The backup cannot be restored here; the message says why, in Dutch."""


def restore(path: Path) -> dict:
    """Load a backup into an empty, migrated database and put the files back."""
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
    except (OSError, tarfile.TarError) as exc:
        raise RestoreError(_("Dit is geen back-up van de regiokaart.")) from exc
    with archive:
        members = {m.name: m for m in archive.getmembers()}
        if DATA not in members:
            raise RestoreError(_("Dit is geen back-up van de regiokaart."))
        fixture = Path(settings.IMPORT_STAGING_DIR) / "restore.json"
        fixture.parent.mkdir(parents=True, exist_ok=True)
        fixture.write_bytes(archive.extractfile(members[DATA]).read())
        media = [
            m for m in members.values() if m.isfile() and m.name.startswith(f"{MEDIA}/")
        ]
        try:
            with transaction.atomic():
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
