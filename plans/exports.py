"""Open data: the public parts of regiobeelden, regioplannen and contracts.

Contract contents a region keeps private are never exported: every contract
row goes through Contract.public(), the one place that decides. Both tables are
plain tablib datasets that core.spreadsheets.export_response writes out.
"""

import tablib

from core.spreadsheets import PUBLIC, escape_formula
from regions.columns import REGION_COLUMNS

from .columns import CONTRACT_COLUMNS
from .models import REGIOBEELD_ELEMENTS, ElementKind


def _yes_no(value: bool) -> str:
    return "ja" if value else "nee"


def _dataset(headers: list[str], rows) -> tablib.Dataset:
    dataset = tablib.Dataset(headers=headers)
    for row in rows:
        dataset.append([escape_formula(value) for value in row])
    return dataset


class PublicPlanResource:
    """One row per region (an overview.Chain): regiobeeld and plan elements."""

    def __init__(self, request=None):
        self.request = request

    def headers(self) -> list[str]:
        """The region's own columns are named as in the open data of regions
        (regions.columns); "status_regioplan" is this table's own."""
        region = REGION_COLUMNS
        return [
            *region.headers_of("slug", "name", audience=PUBLIC),
            "status_regioplan",
            "regioplan_afgestemd_met_verzekeraar",
            "regioplan_looptijd",
            region.header("patients_involved", PUBLIC),
            "regiobeeld",
            "regiobeeld_met_verzekeraar",
            *(
                f"regiobeeld_{e.field.removeprefix('covers_')}"
                for e in REGIOBEELD_ELEMENTS
            ),
            *(f"plan_{kind}" for kind in ElementKind.values),
            "contractafspraken",
            *region.headers_of("url", "is_demo", audience=PUBLIC),
        ]

    def row(self, chain) -> list:
        region, beeld = chain.region, chain.regiobeeld
        url = region.get_absolute_url()
        if self.request:
            url = self.request.build_absolute_uri(url)
        return [
            region.slug,
            region.name,
            region.status,
            chain.details.agreed_with_insurer,
            chain.details.period_kind,
            region.patients_involved,
            beeld.stage if beeld else "geen",
            beeld.with_insurer if beeld else "onbekend",
            *(
                _yes_no(bool(beeld and getattr(beeld, e.field)))
                for e in REGIOBEELD_ELEMENTS
            ),
            *(element.state for element in chain.elements),
            len(chain.contracts),
            url,
            _yes_no(chain.has_demo),
        ]

    def export(self, queryset) -> tablib.Dataset:
        return _dataset(self.headers(), (self.row(chain) for chain in queryset))


class PublicContractResource:
    """Contracts: region, insurer and period always; contents only when public.
    Its columns are plans.columns.CONTRACT_COLUMNS for the public."""

    COLUMNS = CONTRACT_COLUMNS.for_audience(PUBLIC)
    HEADERS = [column.header for column in COLUMNS]

    def row(self, contract) -> list:
        public = contract.public()
        values = {
            "region": contract.region.slug,
            "insurer": public.insurer,
            "start": public.start.isoformat(),
            "end": public.end.isoformat() if public.end else "",
            "contents_public": _yes_no(public.contents_public),
            "state": public.state,
            "kind": public.kind,
            "themes": ";".join(public.themes),
            "monitoring_agreed": public.monitoring_agreed,
            "monitoring_how": public.monitoring_how,
            "is_demo": _yes_no(public.is_demo),
        }
        return [values[column.name] for column in self.COLUMNS]

    def export(self, queryset) -> tablib.Dataset:
        return _dataset(self.HEADERS, (self.row(c) for c in queryset))
