"""Nothing lost: every change is kept with who and when; curators diff and revert."""

import pytest
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from regions.models import Activity, Region, RegionOrganisation

from .conftest import REGION_A
from .helpers import region_admin_post
from .test_editing import plan_data

pytestmark = pytest.mark.django_db


def test_editor_change_is_recorded_with_who_and_what(client, editor_a):
    client.force_login(editor_a)
    region = Region.objects.get(slug=REGION_A)
    client.post(
        reverse("editing:regioplan", args=[REGION_A]),
        plan_data(region, status="in_ontwikkeling"),
    )
    latest, previous = region.history.all()[:2]
    assert latest.history_user == editor_a
    delta = latest.diff_against(previous)
    assert [(c.field, c.old, c.new) for c in delta.changes] == [
        ("status", "openbaar", "in_ontwikkeling")
    ]


def test_curator_sees_the_diff_in_the_admin_history(curator_client, editor_a):
    client = Client()
    client.force_login(editor_a)
    organisation = Region.objects.get(slug=REGION_A).regional_organisation
    client.post(
        reverse("editing:contact", args=[REGION_A]),
        {
            "city": "Aastad",
            "phone": "026 123 45 67",
            "edit_version": organisation.version,
        },
    )
    url = reverse("admin:organisations_organisation_history", args=[organisation.pk])
    html = curator_client.get(url).content.decode()
    assert "redacteur-a" in html
    assert "026 123 45 67" in html


def test_curator_reverts_a_region_to_an_earlier_version(curator_client, editor_a):
    region = Region.objects.get(slug=REGION_A)
    original = region.history.first()
    client = Client()
    client.force_login(editor_a)
    client.post(
        reverse("editing:regioplan", args=[REGION_A]),
        plan_data(region, status="geen", description="Per ongeluk gewist"),
    )
    region.refresh_from_db()
    assert region.status == "geen"
    url = reverse("admin:regions_region_simple_history", args=[region.pk, original.pk])
    form = curator_client.get(url).context["adminform"].form
    data = region_admin_post(form, region)
    response = curator_client.post(url, data)
    assert response.status_code == 302, response.context["adminform"].form.errors
    region.refresh_from_db()
    assert region.status == "openbaar"
    assert region.description == ""


def test_deleted_activity_stays_in_history(client, editor_a):
    client.force_login(editor_a)
    activity = Activity.objects.create(
        region=Region.objects.get(slug=REGION_A), title="Tijdelijk"
    )
    client.post(reverse("editing:delete_activity", args=[REGION_A, activity.pk]))
    assert not Activity.objects.filter(pk=activity.pk).exists()
    deleted = Activity.history.filter(id=activity.pk, history_type="-").get()
    assert deleted.title == "Tijdelijk" and deleted.history_user == editor_a


def test_organisation_region_links_are_in_history(client, editor_a):
    client.force_login(editor_a)
    region = Region.objects.get(slug=REGION_A)
    hds = region.organisations.get(type="hds")
    client.post(reverse("editing:organisations", args=[REGION_A]), {"remove": [hds.pk]})
    latest = RegionOrganisation.history.filter(organisation=hds, region=region).first()
    assert latest.history_type == "-"
    assert latest.history_user == editor_a
    assert not region.organisations.filter(pk=hds.pk).exists()


def test_region_page_shows_last_updated(client, editor_a):
    client.force_login(editor_a)
    region = Region.objects.get(slug=REGION_A)
    client.post(
        reverse("editing:regioplan", args=[REGION_A]),
        plan_data(region, description="Nieuw"),
    )
    region.refresh_from_db()
    html = client.get(region.get_absolute_url()).content.decode()
    local = timezone.localtime(region.updated_at)
    assert f'datetime="{local.strftime("%Y-%m-%dT%H:%M")}' in html
