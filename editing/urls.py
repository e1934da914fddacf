from django.urls import path

from . import views as editing

app_name = "editing"

urlpatterns = [
    path("", editing.my_regions, name="my_regions"),
    path("<slug:slug>/", editing.region_overview, name="region"),
    path("<slug:slug>/regioplan/", editing.edit_regioplan, name="regioplan"),
    path("<slug:slug>/bevestigen/", editing.confirm_region, name="confirm"),
    path("<slug:slug>/regioplan.pdf", editing.regioplan_preview, name="regioplan_pdf"),
    path("<slug:slug>/contact/", editing.edit_contact, name="contact"),
    path("<slug:slug>/organisaties/", editing.edit_organisations, name="organisations"),
    path(
        "<slug:slug>/organisaties/nieuw/",
        editing.new_organisation,
        name="new_organisation",
    ),
    path(
        "<slug:slug>/contactpersonen/", editing.contact_persons, name="contact_persons"
    ),
    path(
        "<slug:slug>/contactpersonen/nieuw/<slug:organisation>/",
        editing.edit_contact_person,
        name="new_contact_person",
    ),
    path(
        "<slug:slug>/contactpersonen/<int:pk>/",
        editing.edit_contact_person,
        name="contact_person",
    ),
    path(
        "<slug:slug>/contactpersonen/<int:pk>/verwijderen/",
        editing.delete_contact_person,
        name="delete_contact_person",
    ),
    path("<slug:slug>/activiteiten/nieuw/", editing.edit_activity, name="new_activity"),
    path("<slug:slug>/activiteiten/<int:pk>/", editing.edit_activity, name="activity"),
    path(
        "<slug:slug>/activiteiten/<int:pk>/verwijderen/",
        editing.delete_activity,
        name="delete_activity",
    ),
    path("<slug:slug>/kerngetallen/", editing.edit_figures, name="figures"),
    path(
        "<slug:slug>/export/<slug:kind>.<str:fmt>",
        editing.export_region_data,
        name="export",
    ),
]
