"""sitemap.xml: the public pages in Dutch and English, each with its alternates."""

from django.contrib.sitemaps import Sitemap
from django.urls import reverse

from organisations.models import Organisation

from .models import Region


class LocalizedSitemap(Sitemap):
    i18n = True
    alternates = True
    x_default = True


class PagesSitemap(LocalizedSitemap):
    """Pages without an object, by URL name (regiokaart/urls.py lists them)."""

    changefreq = "weekly"

    def __init__(self, names):
        self.names = names

    def items(self):
        return self.names

    def location(self, item):
        return reverse(item)


class RegionSitemap(LocalizedSitemap):
    changefreq = "weekly"

    def items(self):
        return Region.objects.without_borders().order_by("name")

    def lastmod(self, region):
        return region.updated_at


class OrganisationSitemap(LocalizedSitemap):
    changefreq = "monthly"

    def items(self):
        return Organisation.objects.order_by("name")


# This app's pages without an object; regiokaart/urls.py adds other apps'.
PAGE_NAMES = [
    "regions:map",
    "regions:list",
    "regions:organisations",
    "regions:open_data",
    "regions:accessibility",
]


def sitemaps(page_names: list[str]) -> dict:
    return {
        "pages": PagesSitemap(page_names),
        "regions": RegionSitemap,
        "organisations": OrganisationSitemap,
    }
