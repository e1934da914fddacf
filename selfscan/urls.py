from django.urls import path

from . import views

app_name = "selfscan"

urlpatterns = [
    path("belemmeringen/", views.obstacles_page, name="obstacles"),
    path("data/zelfscans.<str:fmt>", views.download, name="download"),
]
