from django.conf import settings


def site(request):
    """What every page shows in its header and footer. Never queries the database."""
    return {"SITE_NAME": settings.SITE_NAME}
