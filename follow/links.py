from django.urls import reverse
from django.utils.http import urlencode
from django.utils.translation import gettext as _

from regions.page_links import PageLink


def follow_region_link(region) -> PageLink:
    url = reverse("follow:subscribe") + "?" + urlencode({"regio": region.slug})
    return PageLink(_("Volg deze regio per e-mail"), url)
