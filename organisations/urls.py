from django.urls import path

from . import views

app_name = "organisations"

urlpatterns = [
    path(
        "organisatie/<slug:slug>/contactpersoon/<int:pk>.vcf",
        views.person_vcard,
        name="vcard",
    ),
]
