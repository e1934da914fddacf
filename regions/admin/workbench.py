"""The curator's workbench on the admin index: what needs attention, each with
a link to the filtered admin list. A fixed number of queries, whatever the
number of regions or organisations."""

from dataclasses import dataclass, field

from django.urls import reverse
from django.utils.translation import gettext as _

from core.models import ImportLog
from organisations.duplicates import duplicate_groups
from organisations.models import Organisation

from ..models import Region, RegioplanStatus, legend
from .filters import ContactFilter, PlanExpiredFilter, StaleFilter


@dataclass
class Panel:
    title: str
    count: int
    url: str
    items: list = field(default_factory=list)  # (label, url)


def workbench() -> dict:
    regions_url = reverse("admin:regions_region_changelist")
    organisations_url = reverse("admin:organisations_organisation_changelist")
    panels = [
        Panel(
            _("Regio's zonder contactgegevens"),
            Region.objects.without_contact().count(),
            f"{regions_url}?{ContactFilter.query()}",
        ),
        Panel(
            _("Regio's niet bevestigd in de afgelopen periode"),
            Region.objects.unconfirmed().count(),
            f"{regions_url}?{StaleFilter.query()}",
        ),
        Panel(
            _("Regioplannen waarvan het eindjaar voorbij is"),
            Region.objects.plan_expired().count(),
            f"{regions_url}?{PlanExpiredFilter.query()}",
        ),
    ]
    groups = duplicate_groups(
        Organisation.objects.values_list("pk", "name", "kvk_number")
    )
    panels.append(
        Panel(
            _("Organisaties die op elkaar lijken"),
            len(groups),
            organisations_url,
            [
                (
                    " · ".join(name for _pk, name in group),
                    organisations_url
                    + "?id__in="
                    + ",".join(str(pk) for pk, _name in group),
                )
                for group in groups[:10]
            ],
        )
    )
    counts = Region.objects.status_counts()
    return {
        "panels": panels,
        "status_rows": [
            {**row, "url": f"{regions_url}?status={row['status']}"}
            for row in legend(counts)
        ],
        "regions_total": sum(counts.values()),
        "imports": list(ImportLog.objects.select_related("user")[:5]),
        "imports_url": reverse("admin:core_importlog_changelist"),
        "statuses": RegioplanStatus,
    }
