"""Uploaded import files, kept between the preview and the confirmation."""

import re
import secrets
from pathlib import Path

from django.conf import settings

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
