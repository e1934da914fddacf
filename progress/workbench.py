"""The curator's workbench on the admin index: what needs attention, each with
a link to the filtered admin list. A fixed number of queries, whatever the
number of regions or organisations."""

import difflib
import re
import unicodedata
from dataclasses import dataclass, field

from django.urls import reverse
from django.utils.translation import gettext as _

from core.models import ImportLog
from organisations.models import Organisation
from regions import reminders
from regions.models import Region, RegioplanStatus, legend

# Words that say what kind of legal body it is, not which one.
LEGAL_FORMS = {
    "stichting",
    "bv",
    "nv",
    "cooperatie",
    "cooperatieve",
    "ua",
    "vereniging",
    "zorggroep",
}
MAX_TYPOS = 2  # characters added, dropped or changed


def nearly_the_same(a: str, b: str) -> bool:
    """Names that differ by a typo or two, not by a place name."""
    matcher = difflib.SequenceMatcher(None, a, b, autojunk=False)
    same = sum(block.size for block in matcher.get_matching_blocks())
    return max(len(a), len(b)) - same <= MAX_TYPOS and min(len(a), len(b)) > 4


def normalised(name: str) -> str:
    """'Stichting Huisartsen-Aaland B.V.' -> 'huisartsen aaland'."""
    text = unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode()
    text = re.sub(r"\b([a-z])\.(?=[a-z]\.)", r"\1", text.lower())  # b.v. -> bv.
    words = re.sub(r"[^a-z0-9]+", " ", text.replace(".", "")).split()
    return " ".join(w for w in words if w not in LEGAL_FORMS)


def duplicate_groups(rows) -> list[list[tuple[int, str]]]:
    """Organisations that look like one: the same KvK number, or names that are
    the same or nearly the same once legal forms and punctuation are dropped.
    rows: (pk, name, kvk_number)."""
    groups: dict[str, list] = {}
    for pk, name, kvk in rows:
        groups.setdefault(f"n:{normalised(name)}", []).append((pk, name))
        if kvk:
            groups.setdefault(f"k:{kvk}", []).append((pk, name))
    keys = sorted(k for k in groups if k.startswith("n:"))
    for a, b in zip(keys, keys[1:], strict=False):  # near misses sort together
        if nearly_the_same(a[2:], b[2:]):
            groups[b] = groups[a] + groups[b]
            groups[a] = []
    seen, result = set(), []
    for members in groups.values():
        unique = sorted(set(members))
        key = tuple(pk for pk, _name in unique)
        if len(unique) > 1 and key not in seen:
            seen.add(key)
            result.append(unique)
    return sorted(result, key=lambda group: group[0][1])


@dataclass
class Panel:
    title: str
    count: int
    url: str
    items: list = field(default_factory=list)  # (label, url)


def workbench() -> dict:
    regions_url = reverse("admin:regions_region_changelist")
    organisations_url = reverse("admin:organisations_organisation_changelist")
    since = reminders.period_start()
    panels = [
        Panel(
            _("Regio's zonder contactgegevens"),
            Region.objects.without_contact().count(),
            f"{regions_url}?contact=ontbreekt",
        ),
        Panel(
            _("Regio's niet bevestigd in de afgelopen periode"),
            Region.objects.unconfirmed_since(since).count(),
            f"{regions_url}?bevestigd=verouderd",
        ),
        Panel(
            _("Regioplannen waarvan het eindjaar voorbij is"),
            Region.objects.plan_expired().count(),
            f"{regions_url}?looptijd=verlopen",
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
