"""How a region overlaps other divisions of the country (province, GGD-regio,
veiligheidsregio, zorgkantoorregio): per layer the zones it touches, with the
share of the region's inhabitants in each (CBS inwoners per gemeente)."""

from collections import defaultdict
from dataclasses import dataclass

from geo.models import GemeenteZone, ZoneLayer

from .models import Region


@dataclass(frozen=True)
class ZoneShare:
    code: str
    name: str
    inwoners: int
    share: float | None  # 0-1 of the region's inhabitants
    gemeenten: int


def region_overlap(region: Region) -> list[tuple[str, list[ZoneShare]]]:
    """[(layer label, [zones, largest share first])]; one query."""
    rows = GemeenteZone.objects.filter(
        gemeente__region_link__region=region
    ).values_list("layer", "code", "name", "gemeente__inwoners")
    per_layer = defaultdict(lambda: defaultdict(lambda: [None, 0, 0]))
    totals = defaultdict(int)
    for layer, code, name, inwoners in rows:
        zone = per_layer[layer][code]
        zone[0] = name
        zone[1] += inwoners or 0
        zone[2] += 1
        totals[layer] += inwoners or 0
    result = []
    for layer in ZoneLayer:
        zones = [
            ZoneShare(
                code,
                name,
                inwoners,
                inwoners / totals[layer] if totals[layer] else None,
                count,
            )
            for code, (name, inwoners, count) in per_layer[layer.value].items()
        ]
        if zones:
            zones.sort(key=lambda z: (-z.inwoners, z.name))
            result.append((layer.label, zones))
    return result
