"""Goals and milestones of the region's regioplan: the editor's side.

The region comes from regions.access only (outsiders 404, members who may not
edit 403); a goal is looked up inside that region, so another region's goal is
a 404 for GET and POST alike."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.db import IntegrityError, transaction
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST

from plans.models import Goal
from regions.access import editable_region, readable_region

from ..forms.goals import GoalForm, MilestoneFormSet
from .common import saved

GOALS = "editing:goals"


@login_required
def goal_list(request, slug):
    region = readable_region(request, slug)
    goals = (
        Goal.objects.filter(region=region)
        .select_related("theme", "owner")
        .prefetch_related("milestones")
    )
    return render(
        request,
        "editing/goal_list.html",
        {
            "region": region,
            "goals": goals,
            "can_edit": region.can_edit(request.user),
        },
    )


@login_required
@require_http_methods(["GET", "HEAD", "POST"])
def edit_goal(request, slug, pk=None):
    region = editable_region(request, slug)
    goal = get_object_or_404(Goal.objects.filter(region=region), pk=pk) if pk else None
    data = request.POST if request.method == "POST" else None
    form = GoalForm(data, instance=goal, region=region)
    formset = MilestoneFormSet(data, instance=form.instance, prefix="mijlpalen")
    if request.method == "POST":
        try:
            with transaction.atomic():
                if form.is_valid() and formset.is_valid():
                    form.save()
                    formset.instance = form.instance
                    formset.save()
                    return saved(request, region, _("Doel opgeslagen."), to=GOALS)
        except IntegrityError:  # the same title saved by someone else just now
            form.add_error(
                None,
                _(
                    "Dit doel of deze mijlpaal is zojuist door iemand anders "
                    "opgeslagen. Er is niets gewijzigd; bekijk de huidige gegevens."
                ),
            )
    title = _("Doel wijzigen") if goal else _("Nieuw doel")
    return render(
        request,
        "editing/goal_form.html",
        {
            "region": region,
            "form": form,
            "formset": formset,
            "goal": goal,
            "title": title,
        },
    )


@login_required
@require_POST
def delete_goal(request, slug, pk):
    region = editable_region(request, slug)
    goal = get_object_or_404(Goal.objects.filter(region=region), pk=pk)
    goal.delete()
    messages.success(request, _("Doel ‘%(title)s’ verwijderd.") % {"title": goal.title})
    return redirect(GOALS, region.slug)
