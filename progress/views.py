from django.shortcuts import render
from django.views.decorators.http import require_safe

from core.pagecache import public_page
from regions.models import RegioplanStatus, legend

from . import charts, goals, stats


@public_page
@require_safe
def progress_page(request):
    """/voortgang/: how the regioplannen progressed, month by month."""
    points = stats.monthly()
    changes = list(stats.latest_changes())
    now = points[-1]
    obstacle_points = stats.obstacles_monthly(points)
    return render(
        request,
        "progress/index.html",
        {
            "points": points,
            "now": now,
            "first": points[0],
            "legend": legend(now.counts),
            "statuses": list(RegioplanStatus),
            "status_chart": charts.stacked_status_chart(points),
            "share_chart": charts.share_chart(points),
            "elements": stats.element_rows(now),
            "element_charts": charts.element_charts(points),
            "obstacle_points": obstacle_points,
            "obstacle_charts": charts.obstacle_charts(obstacle_points),
            "changes": changes,
            "has_demo": stats.has_demo(),
            **goals.progress_context(points),
        },
    )
