from django import template

from regions import page_links

register = template.Library()


@register.simple_tag
def region_page_links(region) -> list:
    """The links higher apps add to a region page (regions.page_links)."""
    return page_links.links_for(region)
