"""/doelen/: the regions' public goals by theme, across the country."""

from django.shortcuts import render
from django.views.decorators.http import require_safe

from core.pagecache import public_page

from . import goals


@public_page
@require_safe
def goals_overview(request):
    themes = goals.by_theme()
    return render(
        request,
        "plans/goals.html",
        {
            "themes": themes,
            "region_count": len({g.region_id for t in themes for g in t.goals}),
            "has_demo": any(g.is_demo for t in themes for g in t.goals),
        },
    )
