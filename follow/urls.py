from django.urls import path

from . import views

app_name = "follow"

urlpatterns = [
    path("volgen/", views.subscribe, name="subscribe"),
    path("volgen/verstuurd/", views.sent, name="sent"),
    path("volgen/bevestigen/<str:token>/", views.confirm, name="confirm"),
    path("volgen/afmelden/<str:token>/", views.unsubscribe, name="unsubscribe"),
]
