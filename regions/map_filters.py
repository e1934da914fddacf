"""Filters on the map page (?status=openbaar&verzekeraar=vgz): the region
list and legend counts follow them; the map dims the regions that do not
match. Unknown values are ignored, never an error."""

from collections import Counter
from dataclasses import dataclass

from organisations.models import Insurer

from .models import RegioplanStatus


@dataclass(frozen=True)
class MapFilter:
    status: str = ""
    insurer: str = ""  # an insurer's slug

    @classmethod
    def from_request(cls, request, insurers: list[Insurer]) -> "MapFilter":
        status = request.GET.get("status", "")
        insurer = request.GET.get("verzekeraar", "")
        return cls(
            status=status if status in RegioplanStatus.values else "",
            insurer=insurer if insurer in {i.slug for i in insurers} else "",
        )

    @property
    def active(self) -> bool:
        return bool(self.status or self.insurer)

    def matches(self, region) -> bool:
        if self.status and region.status != self.status:
            return False
        insurer = region.preferred_insurer
        return not self.insurer or bool(insurer and insurer.slug == self.insurer)

    def apply(self, regions) -> tuple[list, Counter]:
        """The matching regions and their counts per status."""
        matching = [region for region in regions if self.matches(region)]
        return matching, Counter(region.status for region in matching)
