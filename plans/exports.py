"""Open data: the public parts of regiobeelden, regioplannen and contracts.

Contract contents a region keeps private are never exported: every contract
row goes through Contract.public(), the one place that decides. Both tables are
plain tablib datasets that core.spreadsheets.export_response writes out.
"""

import tablib

from core.spreadsheets import escape_formula

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
        return [
            "sleutel",
            "naam",
            "status_regioplan",
            "regioplan_afgestemd_met_verzekeraar",
            "regioplan_looptijd",
            "patienten_betrokken",
            "regiobeeld",
            "regiobeeld_met_verzekeraar",
            *(
                f"regiobeeld_{e.field.removeprefix('covers_')}"
                for e in REGIOBEELD_ELEMENTS
            ),
            *(f"plan_{kind}" for kind in ElementKind.values),
            "contractafspraken",
            "pagina",
            "demo",
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
    """Contracts: region, insurer and period always; contents only when public."""

    HEADERS = [
        "regio",
        "zorgverzekeraar",
        "begindatum",
        "einddatum",
        "inhoud_openbaar",
        "stand_van_zaken",
        "eenjarig_of_meerjarig",
        "themas",
        "monitoring_afgesproken",
        "monitoring_hoe",
        "demo",
    ]

    def row(self, contract) -> list:
        public = contract.public()
        return [
            contract.region.slug,
            public.insurer,
            public.start.isoformat(),
            public.end.isoformat() if public.end else "",
            _yes_no(public.contents_public),
            public.state,
            public.kind,
            ";".join(public.themes),
            public.monitoring_agreed,
            public.monitoring_how,
            _yes_no(public.is_demo),
        ]

    def export(self, queryset) -> tablib.Dataset:
        return _dataset(self.HEADERS, (self.row(c) for c in queryset))
