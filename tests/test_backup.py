"""A backup restores into an empty database with every row and uploaded plan."""

from datetime import datetime
from pathlib import Path

import pytest
from django.core.management import CommandError, call_command

from core.backup import database_is_empty
from geo.models import Gemeente
from regions.models import GemeenteMove, Region, RegionOrganisation

from .factories import PDF, make_world

pytestmark = pytest.mark.django_db(transaction=True)


def to_millisecond(row: dict) -> dict:
    """Django's JSON serializer keeps times to the millisecond."""
    return {
        key: value.replace(microsecond=value.microsecond // 1000 * 1000)
        if isinstance(value, datetime)
        else value
        for key, value in row.items()
    }


def state() -> dict:
    return {
        "regions": [
            to_millisecond(row) for row in Region.objects.order_by("slug").values()
        ],
        "gemeenten": list(Gemeente.objects.order_by("code").values()),
        "links": sorted(
            RegionOrganisation.objects.values_list("region", "organisation")
        ),
        "history": Region.history.count(),
        "moves": GemeenteMove.objects.count(),
    }


def empty_the_database():
    call_command("flush", "--no-input", verbosity=0)


def test_backup_and_restore_into_an_empty_database(tmp_path, media_root):
    world = make_world()
    plan = Path(world.region_a.plan_document.path)
    assert plan.read_bytes() == PDF
    before = state()
    path = tmp_path / "regiokaart.tar.gz"
    call_command("backup", str(path), verbosity=0)

    empty_the_database()
    plan.unlink()
    assert database_is_empty()
    call_command("restore", str(path), verbosity=0)

    assert state() == before
    assert plan.read_bytes() == PDF
    # New rows get new ids after the restored ones (PostgreSQL sequences).
    region = Region.objects.create(name="Na de restore", slug="na-de-restore")
    assert region.pk > max(r["id"] for r in before["regions"])


def test_restore_refuses_a_database_that_is_not_empty(tmp_path, media_root):
    make_world()
    path = tmp_path / "b.tar.gz"
    call_command("backup", str(path), verbosity=0)
    with pytest.raises(CommandError, match="niet leeg"):
        call_command("restore", str(path), verbosity=0)


def test_restore_refuses_a_file_that_is_no_backup(tmp_path):
    path = tmp_path / "kapot.tar.gz"
    path.write_bytes(b"geen back-up")
    with pytest.raises(CommandError, match="geen back-up"):
        call_command("restore", str(path), verbosity=0)
