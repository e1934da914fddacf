"""Login throttling beyond django-axes' per-username limit: password spraying.

axes locks a username at one address after AXES_FAILURE_LIMIT failures. An
address that tries many usernames stays under that limit for each of them; once
it has failed for AXES_SPRAY_USERNAMES different usernames within the cool-off
time, the address itself is locked as well (its failures counted together).
"""

from axes.models import AccessAttempt
from django.conf import settings
from django.utils import timezone

PER_USERNAME = [["username", "ip_address"]]


def lockout_parameters(request_or_attempt, credentials=None) -> list:
    """AXES_LOCKOUT_PARAMETERS: per username and address, and per address alone
    while that address is spraying."""
    address = getattr(request_or_attempt, "axes_ip_address", None) or getattr(
        request_or_attempt, "ip_address", None
    )
    if not address:
        return PER_USERNAME
    since = timezone.now() - settings.AXES_COOLOFF_TIME_DELTA
    usernames = (
        AccessAttempt.objects.filter(ip_address=address, attempt_time__gte=since)
        .values("username")
        .distinct()
        .count()
    )
    if usernames >= settings.AXES_SPRAY_USERNAMES:
        return [*PER_USERNAME, "ip_address"]
    return PER_USERNAME
