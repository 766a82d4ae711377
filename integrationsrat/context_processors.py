from django.conf import settings
from django.urls import translate_url
from django.utils.translation import get_language, get_language_info, gettext


def site(request):
    """What every page shows in its header and footer. Never queries the database."""
    current = get_language()
    query = request.GET.urlencode()
    # A path like "//evil.example/" must not become a link to another host.
    path = "/" + request.path.lstrip("/")
    languages = []
    for code, name in settings.LANGUAGES:
        url = translate_url(path, code)
        if url.startswith("//"):
            url = "/" + url.lstrip("/")
        languages.append(
            {
                "code": code,
                "name": name,
                "bidi": get_language_info(code)["bidi"],
                "url": f"{url}?{query}" if query else url,
                # The canonical address, not the Host header: that may be anything (even invalid, on a 400 page).
                "absolute_url": settings.SITE_URL + url,
                "current": code == current,
            }
        )
    return {"SITE_NAME": gettext("Integrationsrat der Stadt Beckum"), "LANGUAGE_LINKS": languages}
