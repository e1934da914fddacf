"""Open data: the public zelfscans, one row per region.

Only scans that SelfScan.objects.public() lets through reach this (the view
reads them through overview.public_scans()).
"""

import tablib

from core.spreadsheets import escape_formula

from .models import CHARACTERISTICS, OBSTACLES


class PublicSelfScanResource:
    def __init__(self, request=None):
        self.request = request

    def headers(self) -> list[str]:
        return [
            "sleutel",
            "naam",
            "datum_scan",
            *(h for c in CHARACTERISTICS for h in (c.key, f"{c.key}_toelichting")),
            *(
                h
                for o in OBSTACLES
                for h in (
                    f"belemmering_{o.key}",
                    f"{o.key}_hoe",
                    f"{o.key}_sinds",
                )
            ),
            "pagina",
            "demo",
        ]

    def row(self, scan) -> list:
        url = scan.region.get_absolute_url()
        if self.request:
            url = self.request.build_absolute_uri(url)
        return [
            scan.region.slug,
            scan.region.name,
            scan.date.isoformat(),
            *(
                v
                for c in CHARACTERISTICS
                for v in (getattr(scan, c.state_field), getattr(scan, c.note_field))
            ),
            *(
                v
                for o in OBSTACLES
                for v in (
                    getattr(scan, o.state_field),
                    getattr(scan, o.how_field),
                    getattr(scan, o.since_field) or "",
                )
            ),
            url,
            "ja" if scan.is_demo else "nee",
        ]

    def export(self, queryset) -> tablib.Dataset:
        dataset = tablib.Dataset(headers=self.headers())
        for scan in queryset:
            dataset.append([escape_formula(value) for value in self.row(scan)])
        return dataset
