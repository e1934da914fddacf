"""Rate limits on subscribing, so the form cannot be used to flood an inbox
or the database: per client address and per e-mail address, counted in the
cache (shared by every worker when CACHE_URL is set). Only hashes of the
addresses are kept, and only for the window."""

import hashlib

from django.conf import settings
from django.core.cache import cache
from ipware import get_client_ip

HOUR = 3600
DAY = 24 * HOUR


def _key(kind: str, value: str) -> str:
    digest = hashlib.sha256(f"{settings.SECRET_KEY}:{value}".encode()).hexdigest()
    return f"follow:{kind}:{digest[:32]}"


def _hit(key: str, limit: int, window: int) -> bool:
    """Count one more; False once the limit for the window is passed."""
    if cache.add(key, 1, window):
        return True
    try:
        count = cache.incr(key)
    except ValueError:  # expired between add and incr
        cache.add(key, 1, window)
        return True
    return count <= limit


def client_address(request) -> str:
    address, _routable = get_client_ip(
        request, proxy_count=settings.AXES_IPWARE_PROXY_COUNT
    )
    return address or "onbekend"


def allow_request(request) -> bool:
    """At most FOLLOW_MAX_PER_ADDRESS subscribe attempts an hour per address."""
    return _hit(
        _key("adres", client_address(request)),
        settings.FOLLOW_MAX_PER_ADDRESS,
        HOUR,
    )


def allow_mail_to(email: str) -> bool:
    """At most FOLLOW_MAX_MAILS_PER_EMAIL confirmation mails a day per address."""
    return _hit(_key("mail", email.lower()), settings.FOLLOW_MAX_MAILS_PER_EMAIL, DAY)
