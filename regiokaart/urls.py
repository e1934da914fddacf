from django.contrib import admin
from django.urls import include, path

urlpatterns = [
    path("beheer/", admin.site.urls),
    path("account/", include("django.contrib.auth.urls")),
    path("mijn-regio/", include("editing.urls")),
    path("", include("regions.urls")),
]
