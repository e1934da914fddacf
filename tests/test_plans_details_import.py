"""Plan details (agreed with the insurer, period kind) as a spreadsheet: the
same safety as every import, keyed on the region."""

import pytest
import tablib

from plans.models import PlanDetails
from plans.resources import PlanDetailsResource

pytestmark = pytest.mark.django_db

HEADER = ["regio", "afgestemd_met_zorgverzekeraar", "looptijd"]


def load(rows, dry_run=False):
    data = tablib.Dataset(*rows, headers=HEADER)
    return PlanDetailsResource().import_data(data, dry_run=dry_run)


def test_plan_details_import_and_reimport(world):
    first = load([[world.region_a.slug, "ja", PlanDetails.PeriodKind.values[-1]]])
    assert not first.has_errors() and not first.has_validation_errors()
    details = PlanDetails.objects.get(region=world.region_a)
    assert details.agreed_with_insurer == "ja"
    exported = PlanDetailsResource().export()
    again = PlanDetailsResource().import_data(exported, dry_run=False)
    assert again.totals["skip"] == PlanDetails.objects.count()


def test_an_unknown_region_imports_nothing(world):
    result = load(
        [
            [world.region_a.slug, "ja", PlanDetails.PeriodKind.values[0]],
            ["atlantis", "nee", PlanDetails.PeriodKind.values[0]],
        ]
    )
    assert result.has_errors() or result.has_validation_errors()
    messages = [str(e.error) for _line, errors in result.row_errors() for e in errors]
    for row in result.invalid_rows:
        messages += [str(m) for errors in row.error_dict.values() for m in errors]
    assert any("atlantis" in m for m in messages), messages
    assert not PlanDetails.objects.filter(region=world.region_a).exists()
