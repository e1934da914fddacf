from django.urls import path

from core.downloads import stored_download

from . import feeds, views

app_name = "progress"

urlpatterns = [
    path("voortgang/", views.progress_page, name="index"),
    path("voortgang/feed/", stored_download(feeds.AllChangesFeed()), name="feed"),
    path(
        "regio/<slug:slug>/feed/",
        stored_download(feeds.RegionFeed()),
        name="region_feed",
    ),
]
