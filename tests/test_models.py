import pytest
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import IntegrityError, transaction

from core.documents import validate_pdf
from regions.models import Region, RegioplanStatus

from .conftest import REGION_A, REGION_B, REGION_C

pytestmark = pytest.mark.django_db


def test_public_plan_needs_a_document_or_link(world):
    region = Region.objects.get(slug=REGION_C)  # no plan uploaded, no link
    region.status = RegioplanStatus.OPENBAAR
    with pytest.raises(ValidationError) as excinfo:
        region.full_clean()
    assert "openbaar regioplan heeft een document" in str(excinfo.value)
    with pytest.raises(IntegrityError), transaction.atomic():
        region.save()


def test_plan_period_must_run_forwards(world):
    region = Region.objects.get(slug=REGION_B)
    region.plan_start_year, region.plan_end_year = 2027, 2024
    with pytest.raises(ValidationError) as excinfo:
        region.full_clean()
    assert "eindjaar" in str(excinfo.value)
    with pytest.raises(IntegrityError), transaction.atomic():
        region.save()


def test_plan_period_in_words():
    region = Region(plan_start_year=2025, plan_end_year=2025)
    assert region.plan_period == "2025"
    region.plan_end_year = None
    assert region.plan_period == "vanaf 2025"


def test_pdf_validator_accepts_pdf_and_rejects_everything_else(settings):
    validate_pdf(SimpleUploadedFile("plan.pdf", b"%PDF-1.4\n..."))
    with pytest.raises(ValidationError, match="Alleen PDF"):
        validate_pdf(SimpleUploadedFile("plan.pdf", b"<html>not a pdf</html>"))
    settings.REGIOPLAN_MAX_UPLOAD_BYTES = 10
    with pytest.raises(ValidationError, match="te groot"):
        validate_pdf(SimpleUploadedFile("plan.pdf", b"%PDF-" + b"x" * 20))


def test_uploaded_plans_get_unguessable_names(world):
    # Both regions uploaded a file called regioplan.pdf.
    region = Region.objects.get(slug=REGION_A)
    other = Region.objects.get(slug=REGION_B)
    assert region.plan_document.name.startswith("regioplannen/")
    assert other.plan_document.name.startswith("regioplannen/")
    assert REGION_A not in region.plan_document.name
    assert region.plan_document.name != other.plan_document.name
    assert len(region.plan_document.name.split("/")[-1]) == len("0" * 32 + ".pdf")


def test_every_model_has_a_readable_str(world):
    from geo.models import Gemeente
    from organisations.models import Insurer, Organisation
    from regions.models import Activity

    assert str(Gemeente.objects.get(code="GM9001")) == "Aastad (GM9001)"
    assert str(Region.objects.get(slug=REGION_A)) == "Aaland"
    assert str(Insurer.objects.get(slug="noord")) == "Verzekeraar Noord"
    assert str(Organisation.objects.get(slug="ros-midden")) == "ROS Midden"
    assert str(Activity.objects.get(pk=world.activity_b.pk)) == "Werkgroep ICT-visie"
