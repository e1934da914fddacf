from django.conf import settings

from .permissions import is_curator


def site(request):
    return {
        "DEBUG": settings.DEBUG,
        "is_curator": is_curator(getattr(request, "user", None)),
    }
