from django.urls import path

from . import feeds, views

app_name = "progress"

urlpatterns = [
    path("voortgang/", views.progress_page, name="index"),
    path("voortgang/feed/", feeds.AllChangesFeed(), name="feed"),
    path("regio/<slug:slug>/feed/", feeds.RegionFeed(), name="region_feed"),
]
