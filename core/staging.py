"""Uploaded import files, kept between the preview and the confirmation."""

import json
import os
import re
import secrets
import tempfile
import time
from contextlib import contextmanager
from pathlib import Path

from django.conf import settings
from import_export.tmp_storages import TempFolderStorage

TOKEN = re.compile(r"^[0-9a-f]{32}$")


def _folder() -> Path:
    folder = Path(settings.IMPORT_STAGING_DIR)
    folder.mkdir(parents=True, exist_ok=True)
    return folder


def store(upload) -> tuple[str, Path]:
    """Save an uploaded file under a random token; returns (token, path)."""
    token = secrets.token_hex(16)
    suffix = Path(upload.name).suffix.lower()
    if not re.fullmatch(r"\.[a-z0-9]{1,10}", suffix):
        suffix = ".bin"
    path = _folder() / f"{token}{suffix}"
    with open(path, "wb") as f:
        for chunk in upload.chunks():
            f.write(chunk)
    return token, path


def find(token: str) -> Path | None:
    if not TOKEN.match(token or ""):
        return None
    uploads = (
        path
        for path in _folder().glob(f"{token}.*")
        if not path.name.endswith((VERSIONS, CONFIRMING))  # its companions
    )
    return next(uploads, None)


def discard(token: str) -> None:
    path = find(token)
    if path:
        path.unlink(missing_ok=True)


class ImportExportStaging(TempFolderStorage):
    """django-import-export's preview uploads, kept in our staging folder."""

    def get_full_path(self):
        return str(_folder() / self.name)

    def _open(self, mode="r"):
        if self.name:
            return open(self.get_full_path(), mode, encoding=self.encoding)
        handle = tempfile.NamedTemporaryFile(dir=_folder(), prefix="ie-", delete=False)
        self.name = os.path.basename(handle.name)
        return handle


def stale(max_age_hours: float) -> list[Path]:
    """Staged files older than max_age_hours: previews nobody confirmed."""
    folder = Path(settings.IMPORT_STAGING_DIR)
    if not folder.exists():
        return []
    cutoff = time.time() - max_age_hours * 3600
    return sorted(
        path
        for path in folder.iterdir()
        if path.is_file() and path.stat().st_mtime < cutoff
    )


# Beside an import-export upload (name from the confirm form): what the preview
# saw of every row (core.spreadsheets versions), and a marker while a worker
# confirms it. A worker killed during the import leaves the marker behind.
SAFE_NAME = re.compile(r"^[\w.-]{1,100}$")
VERSIONS = ".versions.json"
CONFIRMING = ".confirming"


def companion(name: str, suffix: str) -> Path | None:
    if not SAFE_NAME.match(name or "") or name.startswith("."):
        return None
    return _folder() / f"{name}{suffix}"


def save_versions(name: str, versions: dict) -> None:
    path = companion(name, VERSIONS)
    if path is not None:
        path.write_text(json.dumps(versions), encoding="utf-8")


def load_versions(name: str) -> dict | None:
    path = companion(name, VERSIONS)
    if path is None or not path.exists():
        return None
    try:
        return json.loads(path.read_text(encoding="utf-8"))
    except ValueError:
        return None


@contextmanager
def confirming(name: str):
    """Marks an upload as being imported; afterwards its companions go."""
    marker = companion(name, CONFIRMING)
    if marker is not None:
        marker.touch()
    try:
        yield
    finally:
        for suffix in (CONFIRMING, VERSIONS):
            path = companion(name, suffix)
            if path is not None:
                path.unlink(missing_ok=True)


def abandoned(max_age_minutes: float) -> list[Path]:
    """Uploads whose import started longer ago than max_age_minutes and never
    finished (the worker was killed): the upload, its versions and the marker."""
    folder = Path(settings.IMPORT_STAGING_DIR)
    if not folder.exists():
        return []
    cutoff = time.time() - max_age_minutes * 60
    found = []
    for marker in folder.glob(f"*{CONFIRMING}"):
        if marker.stat().st_mtime >= cutoff:
            continue
        name = marker.name.removesuffix(CONFIRMING)
        found += [
            p for p in (folder / name, folder / f"{name}{VERSIONS}") if p.exists()
        ]
        found.append(marker)
    return sorted(found)
