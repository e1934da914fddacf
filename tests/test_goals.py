"""Goals and milestones of a regioplan: who may edit, stale forms, private
goals, counts per theme (plans.Goal, editing/views/goals.py, /doelen/)."""

import datetime
import re

import pytest
from django.urls import reverse

from plans.models import Goal, Milestone
from regions.models import Theme


def login(client, user):
    client.force_login(user)
    return client


def make_goal(region, title, theme="ouderenzorg", **fields):
    return Goal.objects.create(
        region=region,
        title=title,
        theme=Theme.objects.get(slug=theme),
        indicator=fields.pop("indicator", "Aantal ouderen met een zorgplan"),
        **fields,
    )


def goal_post(goal=None, **overrides):
    data = {
        "title": "Meer ouderen met een zorgplan",
        "theme": str(Theme.objects.get(slug="ouderenzorg").pk),
        "indicator": "Aandeel kwetsbare ouderen met een zorgplan",
        "baseline": "35%",
        "baseline_date": "2025-01-01",
        "target": "60%",
        "target_date": "2027-12-31",
        "owner": "",
        "reached_on": "",
        "edit_version": str(goal.version) if goal else "1",
        "mijlpalen-TOTAL_FORMS": "1",
        "mijlpalen-INITIAL_FORMS": "0",
        "mijlpalen-MIN_NUM_FORMS": "0",
        "mijlpalen-MAX_NUM_FORMS": "1000",
        "mijlpalen-0-title": "Nulmeting klaar",
        "mijlpalen-0-due": "2025-06-30",
        "mijlpalen-0-state": "gepland",
        "mijlpalen-0-edit_version": "1",
    }
    data.update(overrides)
    return data


# -- Permissions ------------------------------------------------------------------


def test_editor_keeps_goals_of_own_region(client, world, editor_a):
    login(client, editor_a)
    url = reverse("editing:new_goal", args=[world.region_a.slug])
    assert client.get(url).status_code == 200
    response = client.post(url, goal_post())
    assert response.status_code == 302, response.content.decode()[:2000]
    goal = Goal.objects.get(region=world.region_a)
    assert goal.title == "Meer ouderen met een zorgplan"
    assert [m.title for m in goal.milestones.all()] == ["Nulmeting klaar"]
    assert goal.history.count() == 1
    listing = client.get(reverse("editing:goals", args=[world.region_a.slug]))
    assert "Meer ouderen met een zorgplan" in listing.content.decode()


def test_other_regions_goals_are_404_get_and_post(client, world, editor_b):
    goal = make_goal(world.region_a, "Doel van Aaland")
    login(client, editor_b)
    slug = world.region_a.slug
    for name, args in [
        ("editing:goals", [slug]),
        ("editing:new_goal", [slug]),
        ("editing:goal", [slug, goal.pk]),
    ]:
        url = reverse(name, args=args)
        assert client.get(url).status_code == 404
        assert client.post(url, goal_post(goal)).status_code == 404
    delete = reverse("editing:delete_goal", args=[slug, goal.pk])
    assert client.post(delete).status_code == 404
    # A's goal through B's own URL: not found either
    own = reverse("editing:goal", args=[world.region_b.slug, goal.pk])
    assert client.post(own, goal_post(goal, title="Gekaapt")).status_code == 404
    goal.refresh_from_db()
    assert goal.title == "Doel van Aaland"
    assert Goal.objects.count() == 1


def test_anonymous_is_sent_to_login(client, world):
    url = reverse("editing:new_goal", args=[world.region_a.slug])
    response = client.post(url, goal_post())
    assert response.status_code == 302 and "/account/" in response["Location"]
    assert not Goal.objects.exists()


def test_owner_must_be_an_organisation_of_the_region(client, world, editor_a):
    login(client, editor_a)
    url = reverse("editing:new_goal", args=[world.region_a.slug])
    response = client.post(url, goal_post(owner=str(world.organisation_b.pk)))
    assert response.status_code == 200
    assert not Goal.objects.exists()
    ok = client.post(url, goal_post(owner=str(world.organisation_a.pk)))
    assert ok.status_code == 302
    assert Goal.objects.get().owner == world.organisation_a


def test_bad_dates_are_a_dutch_message_and_nothing_changes(client, world, editor_a):
    login(client, editor_a)
    url = reverse("editing:new_goal", args=[world.region_a.slug])
    response = client.post(url, goal_post(target_date="2024-01-01"))
    assert response.status_code == 200
    assert "De streefdatum ligt vóór de datum van de nulmeting." in (
        response.content.decode()
    )
    bad = client.post(url, goal_post(**{"mijlpalen-0-due": "geen datum"}))
    assert bad.status_code == 200
    assert not Goal.objects.exists() and not Milestone.objects.exists()


# -- Versions ---------------------------------------------------------------------


def test_stale_goal_form_is_refused(client, world, editor_a):
    goal = make_goal(world.region_a, "Oud doel")
    opened = goal.version
    goal.title = "Door een ander gewijzigd"
    goal.save()
    login(client, editor_a)
    url = reverse("editing:goal", args=[world.region_a.slug, goal.pk])
    response = client.post(
        url, goal_post(goal, title="Mijn versie", edit_version=str(opened))
    )
    assert response.status_code == 200
    assert "Iemand anders heeft deze gegevens gewijzigd" in response.content.decode()
    goal.refresh_from_db()
    assert goal.title == "Door een ander gewijzigd"
    assert not goal.milestones.exists()


def test_stale_milestone_is_refused(client, world, editor_a):
    goal = make_goal(world.region_a, "Doel")
    milestone = Milestone.objects.create(
        goal=goal, title="Stap 1", due=datetime.date(2026, 1, 1)
    )
    opened = milestone.version
    milestone.state = Milestone.State.BEZIG
    milestone.save()
    login(client, editor_a)
    url = reverse("editing:goal", args=[world.region_a.slug, goal.pk])
    data = goal_post(
        goal,
        title="Doel",
        **{
            "mijlpalen-INITIAL_FORMS": "1",
            "mijlpalen-0-id": str(milestone.pk),
            "mijlpalen-0-goal": str(goal.pk),
            "mijlpalen-0-title": "Stap 1",
            "mijlpalen-0-due": "2026-01-01",
            "mijlpalen-0-state": "gehaald",
            "mijlpalen-0-edit_version": str(opened),
        },
    )
    response = client.post(url, data)
    assert response.status_code == 200
    assert "Iemand anders heeft deze gegevens gewijzigd" in response.content.decode()
    milestone.refresh_from_db()
    assert milestone.state == Milestone.State.BEZIG


# -- Public output ------------------------------------------------------------------


@pytest.fixture
def goals(world):
    public = make_goal(world.region_a, "Openbaar doel Aaland", reached_on=None)
    Milestone.objects.create(
        goal=public, title="Eerste mijlpaal", due=datetime.date(2026, 3, 1)
    )
    make_goal(world.region_b, "Openbaar doel Beekdal")
    make_goal(world.region_c, "Digitaal doel Ceeland", theme="digitalisering-ict")
    secret = make_goal(
        world.region_a,
        "Geheim doel Zwijgdal",
        theme="acute-zorg",
        indicator="Geheime indicator Zwijgdal",
        private=True,
    )
    Milestone.objects.create(
        goal=secret, title="Geheime mijlpaal Zwijgdal", due=datetime.date(2026, 3, 1)
    )
    return public, secret


def public_urls(world):
    slugs = [r.slug for r in world.regions]
    urls = [reverse("plans:goals"), "/en" + reverse("plans:goals")]
    urls += [reverse("regions:detail", args=[s]) for s in slugs]
    urls += ["/en" + reverse("regions:detail", args=[s]) for s in slugs]
    urls.append(reverse("plans:compare") + "?" + "&".join(f"regio={s}" for s in slugs))
    urls += [
        reverse("progress:index"),
        reverse("progress:feed"),
        reverse("regions:regions_download", args=["csv"]),
        reverse("plans:download", args=["csv"]),
    ]
    urls += [reverse("progress:region_feed", args=[s]) for s in slugs]
    return urls


def test_private_goals_appear_in_no_public_output(client, world, goals):
    for url in public_urls(world):
        response = client.get(url)
        assert response.status_code == 200, url
        body = b"".join(response) if response.streaming else response.content
        assert b"Zwijgdal" not in body, url


def test_region_page_and_overview_show_public_goals(client, world, goals):
    page = client.get(reverse("regions:detail", args=[world.region_a.slug]))
    html = page.content.decode()
    assert "Openbaar doel Aaland" in html and "Eerste mijlpaal" in html
    overview = client.get(reverse("plans:goals")).content.decode()
    assert "Openbaar doel Beekdal" in overview
    slugs = f"regio={world.region_a.slug}&regio={world.region_c.slug}"
    compare = client.get(reverse("plans:compare") + "?" + slugs).content.decode()
    assert "Openbaar doel Aaland" in compare and "Digitaal doel Ceeland" in compare
    assert "1 openbaar doel" in compare


def test_counts_per_theme(client, world, goals):
    html = client.get(reverse("plans:goals")).content.decode()
    assert "2 regio&#x27;s werken aan Ouderenzorg" in html or (
        "2 regio's werken aan Ouderenzorg" in html
    )
    assert "1 regio werkt aan Digitalisering en ICT" in html
    # the private goal's theme is counted nowhere
    assert "Acute zorg" not in html
    # a second goal of the same region and theme counts the region once
    make_goal(world.region_a, "Nog een ouderendoel")
    html = client.get(reverse("plans:goals")).content.decode()
    assert "2 regio&#x27;s werken aan Ouderenzorg" in html or (
        "2 regio's werken aan Ouderenzorg" in html
    )


def test_english_overview(client, world, goals):
    html = client.get("/en" + reverse("plans:goals")).content.decode()
    assert "regions work on Care for older people" in html


def test_progress_counts_public_goals_reached_over_time(client, world, goals):
    from django.utils import timezone

    public, secret = goals

    def counts():
        html = client.get(reverse("progress:index")).content.decode()
        if "Aantal bereikte openbare doelen" not in html:
            return None
        assert 'id="grafiek-doelen' in html
        table = html[html.index("Aantal bereikte openbare doelen") :]
        table = table[: table.index("</table>")]
        return re.findall(r'<th scope="row">[^<]+</th><td>(\d+)</td>', table)

    assert counts()[0] == "0"  # newest month first
    secret.reached_on = timezone.localdate()
    secret.save()
    assert counts()[0] == "0"  # a private goal is in no count
    public.reached_on = timezone.localdate()
    public.save()
    assert counts()[0] == "1"
    Goal.objects.update(private=True)
    assert counts() is None  # no public goals: no chart at all
