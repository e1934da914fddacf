"""No lost update: a stale form or inline is refused with a message, never saved
over someone else's change; a race on the same new figure is a message, not a 500."""

from pathlib import Path
from unittest import mock

import pytest
from django.test import Client
from django.urls import reverse

from core.versioning import CONFLICT_MESSAGE, StateGuardedInlineFormSet, rows_state
from regions.models import Activity, RegionFigure

from .conftest import REGION_A
from .helpers import region_admin_post

pytestmark = pytest.mark.django_db

FIGURES = reverse("editing:figures", args=[REGION_A])


def figure_post(state, rows, new=None) -> dict:
    """The figures formset as the browser posts it: existing rows, one new."""
    data = {
        "figures-TOTAL_FORMS": len(rows) + (1 if new else 0),
        "figures-INITIAL_FORMS": len(rows),
        "figures-STATE": state,
    }
    for i, figure in enumerate(rows):
        data.update(
            {
                f"figures-{i}-id": figure.pk,
                f"figures-{i}-region": figure.region_id,
                f"figures-{i}-kind": figure.kind,
                f"figures-{i}-value": figure.value,
                f"figures-{i}-year": figure.year,
                f"figures-{i}-source": figure.source,
            }
        )
    if new:
        i = len(rows)
        data.update({f"figures-{i}-{key}": value for key, value in new.items()})
    return data


@pytest.fixture
def figure(world):
    return RegionFigure.objects.create(
        region=world.region_a, kind="huisartsen", value=40, year=2025, source="Kring"
    )


def as_editor(editor):
    client = Client()
    client.force_login(editor)
    return client


def test_the_second_of_two_figure_edits_is_refused_not_saved_over(editor_a, figure):
    first, second = as_editor(editor_a), as_editor(editor_a)
    state = first.get(FIGURES).context["formset"].management_form["STATE"].value()
    assert second.get(FIGURES).context["formset"].management_form["STATE"].value()
    figure.value = 41
    assert first.post(FIGURES, figure_post(state, [figure])).status_code == 302
    figure.value = 39
    response = second.post(FIGURES, figure_post(state, [figure]))
    assert response.status_code == 200
    assert str(CONFLICT_MESSAGE) in response.content.decode()
    assert RegionFigure.objects.get(pk=figure.pk).value == 41
    # The form now carries the current state: a deliberate second save wins.
    fresh = response.context["formset"].management_form["STATE"].value()
    assert second.post(FIGURES, figure_post(fresh, [figure])).status_code == 302
    assert RegionFigure.objects.get(pk=figure.pk).value == 39


def test_a_figures_post_without_its_state_changes_nothing(editor_a, figure):
    data = figure_post("", [figure])
    data["figures-0-value"] = 99
    response = as_editor(editor_a).post(FIGURES, data)
    assert response.status_code == 200
    assert str(CONFLICT_MESSAGE) in response.content.decode()
    assert RegionFigure.objects.get(pk=figure.pk).value == 40


def test_a_tampered_formset_that_saves_nothing_does_not_say_saved(editor_a, figure):
    state = rows_state(RegionFigure.objects.filter(region__slug=REGION_A))
    data = {**figure_post(state, []), "figures-INITIAL_FORMS": 0}
    response = as_editor(editor_a).post(FIGURES, data, follow=True)
    messages = [str(m) for m in response.context["messages"]]
    assert messages == ["Er is niets gewijzigd."]


def test_two_identical_new_figures_at_once_give_a_message_not_a_500(editor_a, world):
    new = {"kind": "praktijken", "value": 12, "year": 2025, "source": "Kring"}
    original_clean = StateGuardedInlineFormSet.clean

    def clean_then_someone_else_saves(formset):
        original_clean(formset)
        RegionFigure.objects.create(region=world.region_a, **new)

    state = rows_state(RegionFigure.objects.filter(region__slug=REGION_A))
    with mock.patch.object(
        StateGuardedInlineFormSet, "clean", clean_then_someone_else_saves
    ):
        response = as_editor(editor_a).post(FIGURES, figure_post(state, [], new))
    assert response.status_code == 200
    assert "zojuist door iemand anders opgeslagen" in response.content.decode()
    assert RegionFigure.objects.filter(region=world.region_a).count() == 1


def test_a_curator_saving_an_open_region_page_does_not_revert_an_activity(
    curator_client, editor_a, world
):
    region, activity = world.region_a, world.activity_a
    url = reverse("admin:regions_region_change", args=[region.pk])
    form = curator_client.get(url).context["adminform"].form
    data = region_admin_post(form, region)
    data.update(
        {
            "activities-TOTAL_FORMS": 1,
            "activities-INITIAL_FORMS": 1,
            "activities-0-id": activity.pk,
            "activities-0-region": region.pk,
            "activities-0-title": activity.title,
            "activities-0-description": activity.description,
            "activities-0-edit_version": activity.version,
        }
    )
    # Meanwhile the region's editor renames the activity in Mijn regio.
    response = as_editor(editor_a).post(
        reverse("editing:activity", args=[REGION_A, activity.pk]),
        {"title": "Nieuwe titel van de redacteur", "edit_version": activity.version},
    )
    assert response.status_code == 302
    response = curator_client.post(url, data)
    assert response.status_code == 200
    assert str(CONFLICT_MESSAGE) in response.content.decode()
    assert Activity.objects.get(pk=activity.pk).title == "Nieuwe titel van de redacteur"


def test_a_curator_saving_stale_figures_in_the_admin_is_refused(
    curator_client, world, figure
):
    region = world.region_a
    url = reverse("admin:regions_region_change", args=[region.pk])
    form = curator_client.get(url).context["adminform"].form
    data = region_admin_post(form, region)  # the state as opened, no figure rows
    RegionFigure.objects.filter(pk=figure.pk).update(value=50)  # someone else
    response = curator_client.post(url, data)
    assert response.status_code == 200
    assert str(CONFLICT_MESSAGE) in response.content.decode()


def test_a_replaced_plan_leaves_no_file_behind(
    editor_a, world, django_capture_on_commit_callbacks
):
    from django.core.files.uploadedfile import SimpleUploadedFile

    from .factories import PDF
    from .test_editing import plan_data

    region = world.region_a
    old = Path(region.plan_document.path)
    assert old.exists()
    data = {
        **plan_data(region),
        "plan_document": SimpleUploadedFile("nieuw.pdf", PDF + b"% versie 2\n"),
    }
    with django_capture_on_commit_callbacks(execute=True):
        response = as_editor(editor_a).post(
            reverse("editing:regioplan", args=[REGION_A]), data
        )
    assert response.status_code == 302
    region.refresh_from_db()
    assert Path(region.plan_document.path).exists()
    assert not old.exists()


def test_a_curator_adds_a_region_in_the_admin(curator_client, world):
    url = reverse("admin:regions_region_add")
    response = curator_client.get(url)
    data = {"name": "Nieuwland", "slug": "nieuwland", "status": "onbekend"}
    for formset in response.context["inline_admin_formsets"]:
        management = formset.formset.management_form
        data.update(
            {management.add_prefix(k): v for k, v in management.initial.items()}
        )
    data.update(
        {"patients_involved": "onbekend", "non_practice_holders_involved": "onbekend"}
    )
    response = curator_client.post(url, data)
    assert response.status_code == 302, response.context["adminform"].form.errors
    assert world.region_a.__class__.objects.filter(slug="nieuwland").exists()
