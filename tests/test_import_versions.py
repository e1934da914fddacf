"""Imports check versions like the site's forms do: a confirmation is refused
when a row changed after the preview (changed or unchanged in it), and a stale
export never overwrites a newer edit. Every refusal is in Dutch, names the row
and who changed it, and writes nothing."""

import html

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from core.models import ImportLog
from geo.models import Gemeente
from regions import services
from regions.models import Region, RegionFigure

from .conftest import REGION_A, REGION_B
from .test_admin_data_import import CSV_FORMAT, PROCESS, regions_csv, upload

pytestmark = pytest.mark.django_db


def edit_as(user, region, **changes):
    """An editor saves through the site: a new version, in the history."""
    for name, value in changes.items():
        setattr(region, name, value)
    region._history_user = user
    region.save()


def confirm(client, preview):
    form = preview.context["confirm_form"]
    return client.post(PROCESS, {**form.initial, "resource": "0"})


def page(response) -> str:
    return html.unescape(response.content.decode())


def change_beekdal(text: str) -> bytes:
    assert "beekdal,Beekdal,niet_openbaar" in text
    return text.replace(
        "beekdal,Beekdal,niet_openbaar", "beekdal,Beekdal,in_ontwikkeling"
    ).encode("utf-8-sig")


def test_a_row_the_preview_called_unchanged_and_edited_since_refuses(
    curator_client, editor_a, world
):
    preview = upload(curator_client, change_beekdal(regions_csv(curator_client)))
    result = preview.context["result"]
    assert (result.totals["update"], result.totals["skip"]) == (1, 2)
    edit_as(editor_a, Region.objects.get(slug=REGION_A), description="Nieuw")

    response = confirm(curator_client, preview)
    assert response.status_code == 200  # not the redirect of a done import
    text = page(response)
    assert "‘Aaland’ is na de proefimport gewijzigd door redacteur-a" in text
    assert "Er is niets geïmporteerd" in text
    assert Region.objects.get(slug=REGION_A).description == "Nieuw"
    assert Region.objects.get(slug=REGION_B).status == "niet_openbaar"
    assert not ImportLog.objects.exists()
    assert "Traceback" not in text and "Error" not in text


def test_a_row_the_preview_changes_and_edited_since_refuses(
    curator_client, editor_a, curator, world
):
    preview = upload(curator_client, change_beekdal(regions_csv(curator_client)))
    region = Region.objects.get(slug=REGION_B)
    edit_as(curator, region, description="Intussen bewerkt")
    text = page(confirm(curator_client, preview))
    assert "‘Beekdal’ is na de proefimport gewijzigd door curator" in text
    region.refresh_from_db()
    assert (region.status, region.description) == ("niet_openbaar", "Intussen bewerkt")


def test_a_row_new_in_the_preview_but_created_since_refuses(curator_client, world):
    data = b"sleutel,naam,status\nnieuw,Nieuwe regio,onbekend\n"
    preview = upload(curator_client, data)
    assert preview.context["result"].totals["new"] == 1
    Region.objects.create(slug="nieuw", name="Al aangemaakt", status="geen")
    text = page(confirm(curator_client, preview))
    assert "‘Al aangemaakt’ is na de proefimport aangemaakt" in text
    assert Region.objects.get(slug="nieuw").name == "Al aangemaakt"


def test_an_unchanged_preview_confirms(curator_client, editor_a, world):
    preview = upload(curator_client, change_beekdal(regions_csv(curator_client)))
    assert confirm(curator_client, preview).status_code == 302
    assert Region.objects.get(slug=REGION_B).status == "in_ontwikkeling"


def test_a_confirmation_without_its_preview_is_refused(curator_client, world):
    preview = upload(curator_client, change_beekdal(regions_csv(curator_client)))
    form = preview.context["confirm_form"]
    assert confirm(curator_client, preview).status_code == 302
    again = curator_client.post(PROCESS, {**form.initial, "resource": "0"})
    assert "Dit voorbeeld is niet meer geldig" in page(again)


def export_with_versions(client) -> str:
    response = client.post(
        reverse("admin:regions_region_export"),
        {
            "format": CSV_FORMAT,
            "resource": "0",
            **{
                f"regionresource_{f}": "on"
                for f in ("slug", "name", "status", "description", "version")
            },
        },
    )
    text = response.content.decode("utf-8-sig")
    assert text.startswith("sleutel,naam,status,toelichting,versie")
    return text


def test_a_stale_export_never_overwrites_a_newer_edit(curator_client, editor_a, world):
    text = export_with_versions(curator_client)  # the curator exports
    edit_as(editor_a, Region.objects.get(slug=REGION_A), description="Van de regio")
    preview = upload(curator_client, text.encode("utf-8-sig"))
    content = page(preview)
    assert "‘Aaland’ is gewijzigd na de export waar dit bestand uit komt" in content
    assert "het laatst door redacteur-a" in content
    assert not preview.context.get("confirm_form")  # nothing to confirm
    assert Region.objects.get(slug=REGION_A).description == "Van de regio"


def test_the_curator_may_decide_to_overwrite_by_taking_the_new_version(
    curator_client, editor_a, world
):
    text = export_with_versions(curator_client)
    region = Region.objects.get(slug=REGION_A)
    edit_as(editor_a, region, description="Van de regio")
    old = f"aaland,Aaland,{region.status},,{region.version - 1}"
    assert old in text, text
    text = text.replace(old, f"aaland,Aaland,{region.status},Van mij,{region.version}")
    preview = upload(curator_client, text.encode("utf-8-sig"))
    assert preview.context["result"].totals["update"] == 1
    assert confirm(curator_client, preview).status_code == 302
    assert Region.objects.get(slug=REGION_A).description == "Van mij"


def test_rows_without_a_version_are_compared_by_their_fields(curator_client, world):
    """Region figures have no version: the preview keeps a digest of each row."""
    figures = reverse("admin:regions_regionfigure_import")
    process = reverse("admin:regions_regionfigure_process_import")
    RegionFigure.objects.create(
        region=world.region_a, kind="huisartsen", value=10, year=2025, source="x"
    )
    from django.core.files.uploadedfile import SimpleUploadedFile

    data = "regio,kerngetal,jaar,waarde,bron\naaland,huisartsen,2025,10,x\n"
    preview = curator_client.post(
        figures,
        {
            "resource": "0",
            "format": CSV_FORMAT,
            "import_file": SimpleUploadedFile("f.csv", data.encode()),
        },
    )
    assert preview.status_code == 200
    assert preview.context["result"].totals["skip"] == 1, page(preview)[-3000:]
    RegionFigure.objects.filter(region=world.region_a).update(value=11)
    form = preview.context["confirm_form"]
    text = page(curator_client.post(process, {**form.initial, "resource": "0"}))
    assert "is na de proefimport gewijzigd" in text
    assert RegionFigure.objects.get(region=world.region_a).value == 11


def test_a_gemeente_moved_after_the_composition_preview_refuses(
    curator_client, curator, world
):
    """The composition's rows live in RegionGemeente: a move by someone else
    between preview and confirmation is a change of the row, too."""
    gemeente = Gemeente.objects.get(code="GM9001")
    data = f"gemeentecode,regio\n{gemeente.code},{REGION_B}\n".encode()
    preview = curator_client.post(
        reverse("admin:geo_gemeente_import"),
        {
            "resource": "0",
            "format": CSV_FORMAT,
            "import_file": SimpleUploadedFile("samenstelling.csv", data),
        },
    )
    assert preview.status_code == 200 and "confirm_form" in preview.context
    region_c = Region.objects.get(slug="ceeland")
    services.move_gemeenten({gemeente: region_c}, user=curator)  # meanwhile
    form = preview.context["confirm_form"]
    response = curator_client.post(
        reverse("admin:geo_gemeente_process_import"), {**form.initial, "resource": "0"}
    )
    text = page(response)
    assert "is na de proefimport gewijzigd" in text
    assert "Er is niets geïmporteerd" in text
    gemeente.refresh_from_db()
    assert gemeente.region_link.region == region_c
