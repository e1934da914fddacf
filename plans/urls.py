from django.urls import path

from . import views

app_name = "plans"

urlpatterns = [
    path("regioplannen/", views.plans_overview, name="overview"),
    path("vergelijk/", views.compare, name="compare"),
    path("activiteiten/", views.activities, name="activities"),
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
    # Editors ("Mijn regio"): every view finds its region through for_user().
    path("mijn-regio/<slug:slug>/keten/", views.edit_chain, name="edit_chain"),
    path(
        "mijn-regio/<slug:slug>/regiobeeld/",
        views.edit_regiobeeld,
        name="edit_regiobeeld",
    ),
    path(
        "mijn-regio/<slug:slug>/regiobeeld.pdf",
        views.regiobeeld_preview,
        name="regiobeeld_preview",
    ),
    path(
        "mijn-regio/<slug:slug>/regioplan-onderdelen/",
        views.edit_plan_elements,
        name="edit_plan_elements",
    ),
    path(
        "mijn-regio/<slug:slug>/contracten/nieuw/",
        views.edit_contract,
        name="new_contract",
    ),
    path(
        "mijn-regio/<slug:slug>/contracten/<int:pk>/",
        views.edit_contract,
        name="edit_contract",
    ),
    path(
        "mijn-regio/<slug:slug>/contracten/<int:pk>/verwijderen/",
        views.delete_contract,
        name="delete_contract",
    ),
]
