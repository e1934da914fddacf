from django.urls import path

from .views import figures, maps, organisations, pages, regions, search

app_name = "regions"

urlpatterns = [
    path("", maps.map_page, name="map"),
    path("regios/", regions.region_list, name="list"),
    path("zoek/", search.search_page, name="search"),
    path("regio/<slug:slug>/", regions.region_detail, name="detail"),
    path(
        "regio/<slug:slug>/regioplan.pdf",
        regions.regioplan_document,
        name="regioplan_document",
    ),
    path("data/regios.geojson", maps.regions_geojson, name="geojson"),
    path(
        "data/gemeenten.geojson",
        figures.gemeenten_geojson,
        name="gemeenten_geojson",
    ),
    path(
        "data/regios.<str:fmt>", regions.regions_table_download, name="regions_download"
    ),
    path(
        "data/organisaties.<str:fmt>",
        organisations.organisations_download,
        name="organisations_download",
    ),
    path("open-data/", pages.open_data, name="open_data"),
    path("embed/", maps.embed, name="embed"),
    path("organisaties/", organisations.organisation_directory, name="organisations"),
    path(
        "organisaties/selectie.<str:fmt>",
        organisations.organisation_directory_download,
        name="organisations_selection",
    ),
    path(
        "organisatie/<slug:slug>/",
        organisations.organisation_detail,
        name="organisation",
    ),
    path("toegankelijkheid/", pages.accessibility, name="accessibility"),
]
