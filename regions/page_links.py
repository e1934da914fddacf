"""Links a higher app adds to every region page, passed in at start-up.

regions never names a higher app's URLs or templates; the follow app registers
"Volg deze regio" here (follow.apps), and the region page shows what is
registered ({% region_page_links %} in regions_links)."""

from collections.abc import Callable
from dataclasses import dataclass


@dataclass(frozen=True)
class PageLink:
    text: str
    url: str


_makers: list[Callable] = []


def register(maker: Callable) -> None:
    """maker(region) -> PageLink; registered once per maker."""
    if maker not in _makers:
        _makers.append(maker)


def links_for(region) -> list[PageLink]:
    return [maker(region) for maker in _makers]
