from django.urls import path

from . import views

app_name = "regions"

urlpatterns = [
    path("", views.map_page, name="map"),
    path("regios/", views.region_list, name="list"),
    path("zoek/", views.search_page, name="search"),
    path("regio/<slug:slug>/", views.region_detail, name="detail"),
    path(
        "regio/<slug:slug>/regioplan.pdf",
        views.regioplan_document,
        name="regioplan_document",
    ),
    path("data/regios.geojson", views.regions_geojson, name="geojson"),
    path(
        "data/regios.<str:fmt>", views.regions_table_download, name="regions_download"
    ),
    path(
        "data/organisaties.<str:fmt>",
        views.organisations_download,
        name="organisations_download",
    ),
    path("open-data/", views.open_data, name="open_data"),
    path("embed/", views.embed, name="embed"),
    path("organisaties/", views.organisation_directory, name="organisations"),
    path(
        "organisaties/selectie.<str:fmt>",
        views.organisation_directory_download,
        name="organisations_selection",
    ),
    path("organisatie/<slug:slug>/", views.organisation_detail, name="organisation"),
    path("toegankelijkheid/", views.accessibility, name="accessibility"),
]
