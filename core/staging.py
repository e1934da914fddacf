"""Uploaded import files, kept between the preview and the confirmation."""

import os
import re
import secrets
import tempfile
import time
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
    return next(_folder().glob(f"{token}.*"), None)


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
