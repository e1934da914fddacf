"""Managers shared by the apps."""

from django.db import models


class SlugManager(models.Manager):
    """For models whose natural key is their slug (fixtures, backups)."""

    def get_by_natural_key(self, slug):
        return self.get(slug=slug)
