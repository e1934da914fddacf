from django.urls import path

from .views import chain, contacts, goals, selfscan
from .views import region as editing

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
        "<slug:slug>/contactpersonen/", contacts.contact_persons, name="contact_persons"
    ),
    path(
        "<slug:slug>/contactpersonen/nieuw/<slug:organisation>/",
        contacts.edit_contact_person,
        name="new_contact_person",
    ),
    path(
        "<slug:slug>/contactpersonen/<int:pk>/",
        contacts.edit_contact_person,
        name="contact_person",
    ),
    path(
        "<slug:slug>/contactpersonen/<int:pk>/verwijderen/",
        contacts.delete_contact_person,
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
    # Goals and milestones of the regioplan (plans' models).
    path("<slug:slug>/doelen/", goals.goal_list, name="goals"),
    path("<slug:slug>/doelen/nieuw/", goals.edit_goal, name="new_goal"),
    path("<slug:slug>/doelen/<int:pk>/", goals.edit_goal, name="goal"),
    path(
        "<slug:slug>/doelen/<int:pk>/verwijderen/",
        goals.delete_goal,
        name="delete_goal",
    ),
    # From regiobeeld to contract (plans' models).
    path("<slug:slug>/keten/", chain.edit_chain, name="chain"),
    path("<slug:slug>/regiobeeld/", chain.edit_regiobeeld, name="regiobeeld"),
    path(
        "<slug:slug>/regiobeeld.pdf",
        chain.regiobeeld_preview,
        name="regiobeeld_pdf",
    ),
    path(
        "<slug:slug>/regioplan-onderdelen/",
        chain.edit_plan_elements,
        name="plan_elements",
    ),
    path("<slug:slug>/contracten/nieuw/", chain.edit_contract, name="new_contract"),
    path("<slug:slug>/contracten/<int:pk>/", chain.edit_contract, name="contract"),
    path(
        "<slug:slug>/contracten/<int:pk>/verwijderen/",
        chain.delete_contract,
        name="delete_contract",
    ),
    path("<slug:slug>/zelfscan/", selfscan.edit_selfscan, name="selfscan"),
]
