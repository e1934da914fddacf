from django.urls import path

from core.pagecache import public_page

from . import feeds, views

app_name = "progress"

urlpatterns = [
    path("voortgang/", views.progress_page, name="index"),
    path("voortgang/feed/", public_page(feeds.AllChangesFeed()), name="feed"),
    path(
        "regio/<slug:slug>/feed/", public_page(feeds.RegionFeed()), name="region_feed"
    ),
]
