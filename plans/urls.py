from django.urls import path

from . import goal_views, views
from .search import views as search_views

app_name = "plans"

urlpatterns = [
    path("regioplannen/", views.plans_overview, name="overview"),
    path("regioplannen/zoeken/", search_views.search_plans, name="search"),
    path("vergelijk/", views.compare, name="compare"),
    path("activiteiten/", views.activities, name="activities"),
    path("doelen/", goal_views.goals_overview, name="goals"),
    path(
        "regio/<slug:slug>/regiobeeld.pdf",
        views.regiobeeld_document,
        name="regiobeeld_document",
    ),
    path("data/regioplannen.<str:fmt>", views.plans_download, name="download"),
    path(
        "data/contractafspraken.<str:fmt>",
        views.contracts_download,
        name="contracts_download",
    ),
]
