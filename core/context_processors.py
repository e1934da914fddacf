from django.conf import settings
from django.urls import translate_url
from django.utils.translation import get_language, get_language_info

from .permissions import is_curator


def site(request):
    return {
        "DEBUG": settings.DEBUG,
        "is_curator": is_curator(getattr(request, "user", None)),
    }


def languages(request):
    """The current page in each language, for the language switch and hreflang."""
    path = request.get_full_path()
    current = get_language()
    others = []
    for code, _name in settings.LANGUAGES:
        url = translate_url(path, code)
        others.append(
            {
                "code": code,
                "name": get_language_info(code)["name_local"],
                "url": url,
                "absolute_url": request.build_absolute_uri(url),
                "current": code == current,
            }
        )
    return {"page_languages": others}
