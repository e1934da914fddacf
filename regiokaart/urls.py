from django.conf.urls.i18n import i18n_patterns
from django.contrib import admin
from django.contrib.sitemaps.views import sitemap
from django.urls import include, path

from core.pagecache import Param, Query, public_page
from core.views import health
from regions import sitemaps
from regions.views.pages import robots_txt

# Public pages without an object, for sitemap.xml (regions, organisations and
# their pages come from their own sitemaps).
SITEMAPS = sitemaps.sitemaps(
    sitemaps.PAGE_NAMES
    + [
        "plans:overview",
        "plans:compare",
        "plans:activities",
        "plans:goals",
        "selfscan:obstacles",
    ]
    + ["progress:index"]
)

# Language-neutral: the admin and accounts stay Dutch, robots and the sitemap
# serve both languages.
urlpatterns = [
    path("beheer/", admin.site.urls),
    path("account/", include("django.contrib.auth.urls")),
    path("taal/", include("django.conf.urls.i18n")),
    path("robots.txt", robots_txt, name="robots_txt"),
    path("gezond", health, name="health"),
    path(
        "sitemap.xml",
        public_page(sitemap, query=Query(Param("p", kind="page"))),
        {"sitemaps": SITEMAPS},
        name="django.contrib.sitemaps.views.sitemap",
    ),
]

# The site itself: Dutch without a prefix, English under /en/.
urlpatterns += i18n_patterns(
    path("mijn-regio/", include("editing.urls")),
    path("", include("follow.urls")),
    path("", include("plans.urls")),
    path("", include("selfscan.urls")),
    path("", include("progress.urls")),
    path("", include("regions.urls")),
    path("", include("organisations.urls")),
    prefix_default_language=False,
)

# A database outage is a 503 with a Dutch page, anything else a 500.
handler500 = "core.views.server_error"
