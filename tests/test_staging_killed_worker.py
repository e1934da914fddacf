"""A worker killed during an import leaves its staged upload behind; the
periodic clean_staging removes it once the import is clearly dead, while a
preview still waiting for its confirmation stays."""

import os
import time

import pytest
from django.conf import settings
from django.core.management import call_command

from core import staging

from .test_admin_data_import import PROCESS, upload

pytestmark = pytest.mark.django_db

HEADER = "sleutel,naam,status\n"


def test_an_upload_whose_import_never_finished_is_removed(
    curator_client, world, monkeypatch
):
    preview = upload(
        curator_client, (HEADER + "nieuw,Nieuwe regio,onbekend\n").encode()
    )
    name = preview.context["confirm_form"].initial["import_file_name"]
    folder = staging._folder()
    assert (folder / name).exists() and (folder / f"{name}.versions.json").exists()

    class Killed(BaseException):
        """What SIGKILL looks like from inside: nothing after it runs."""

    def killed(*args, **kwargs):
        raise Killed

    monkeypatch.setattr(staging, "confirming", _confirming_without_cleanup)
    monkeypatch.setattr(
        "import_export.admin.ImportMixin.process_dataset", killed, raising=True
    )
    form = preview.context["confirm_form"]
    with pytest.raises(Killed):
        curator_client.post(PROCESS, {**form.initial, "resource": "0"})
    marker = folder / f"{name}.confirming"
    assert marker.exists() and (folder / name).exists()

    call_command("clean_staging", "--commit", verbosity=0)
    assert (folder / name).exists()  # the import may still be running

    later = time.time() - (settings.IMPORT_STAGING_CONFIRM_MINUTES + 1) * 60
    os.utime(marker, (later, later))
    other = upload(curator_client, (HEADER + "ander,Andere regio,onbekend\n").encode())
    waiting = other.context["confirm_form"].initial["import_file_name"]
    call_command("clean_staging", "--commit", verbosity=0)
    assert not (folder / name).exists()
    assert not marker.exists() and not (folder / f"{name}.versions.json").exists()
    assert (folder / waiting).exists()  # a preview waiting for its confirmation


def _confirming_without_cleanup(name):
    """staging.confirming as a killed process runs it: the marker is made, the
    clean-up at the end never happens."""
    marker = staging.companion(name, staging.CONFIRMING)
    marker.touch()
    from contextlib import nullcontext

    return nullcontext()


def test_the_units_run_clean_staging_periodically():
    units = settings.BASE_DIR / "deploy" / "systemd"
    timer = (units / "regiokaart-staging.timer").read_text()
    service = (units / "regiokaart-staging.service").read_text()
    assert "OnCalendar=hourly" in timer
    assert "clean_staging --commit" in service
    assert "killed" in service
