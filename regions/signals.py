"""Keep region borders and the stored map layer in step with edits.

Bulk changes (imports, set_region_gemeenten) bypass these signals and call
services.rebuild_region_geometries() once themselves.
"""

from django.db.models.signals import post_delete, post_save
from django.dispatch import receiver

from organisations.models import Insurer

from . import layer, services
from .models import Gemeente, Region


@receiver(post_save, sender=Region)
def region_saved(sender, instance, raw=False, **kwargs):
    if not raw:
        layer.refresh_regions_layer()


@receiver(post_delete, sender=Region)
def region_deleted(sender, instance, **kwargs):
    services.rebuild_region_geometries()


@receiver(post_save, sender=Gemeente)
def gemeente_saved(sender, instance, raw=False, created=False, **kwargs):
    if raw:
        return
    if created or instance.region_id != instance.loaded_region_id:
        services.rebuild_region_geometries()
        instance.loaded_region_id = instance.region_id


@receiver(post_delete, sender=Gemeente)
def gemeente_deleted(sender, instance, **kwargs):
    if instance.region_id:
        services.rebuild_region_geometries()


@receiver(post_save, sender=Insurer)
def insurer_saved(sender, instance, raw=False, **kwargs):
    if not raw:
        layer.refresh_regions_layer()
