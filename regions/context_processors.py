from django.conf import settings

CBS_ATTRIBUTION = (
    "Bron: CBS, Kadaster/PDOK – CBS Gebiedsindelingen 2024; "
    "CBS – Kerncijfers wijken en buurten 2024 (CC BY 4.0)"
)


def site(request):
    return {"CBS_ATTRIBUTION": CBS_ATTRIBUTION, "DEBUG": settings.DEBUG}
