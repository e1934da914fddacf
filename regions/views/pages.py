"""Pages without a region: open data, accessibility, robots.txt."""

from django.http import HttpResponse
from django.shortcuts import render
from django.urls import reverse
from django.views.decorators.http import require_safe

from core.pagecache import public_page


@public_page
@require_safe
def open_data(request):
    return render(
        request,
        "regions/open_data.html",
        {"embed_url": request.build_absolute_uri(reverse("regions:embed"))},
    )


@public_page
@require_safe
def accessibility(request):
    """Toegankelijkheidsverklaring: which WCAG 2.1 AA criteria are met."""
    return render(request, "regions/accessibility.html")


@public_page
@require_safe
def robots_txt(request):
    sitemap_url = request.build_absolute_uri(
        reverse("django.contrib.sitemaps.views.sitemap")
    )
    lines = [
        "User-agent: *",
        "Disallow: /beheer/",
        "Disallow: /account/",
        "Disallow: /mijn-regio/",
        "Disallow: /en/mijn-regio/",
        "Disallow: /embed/",
        "Disallow: /en/embed/",
        f"Sitemap: {sitemap_url}",
    ]
    return HttpResponse("\n".join(lines) + "\n", content_type="text/plain")
