"""Who is who. The one rule every app asks: is this person a curator?"""


def is_curator(user) -> bool:
    """Koepel staff: they curate everything, in the admin."""
    return bool(user and user.is_active and user.is_superuser)
