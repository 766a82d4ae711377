from django.shortcuts import redirect
from django.urls import Resolver404, resolve, reverse
from django.utils.http import urlencode
from django_otp import user_has_device

from zugang.policy import second_factor_pending_in

# What someone halfway through the login may open under /admin/: the login itself and this app's pages.
OFFEN = {"admin:login", "zugang:einrichten", "zugang:bestaetigen", "zugang:abmelden"}


class ZweiterFaktorMiddleware:
    """Staff who need a second factor reach no admin page before they have confirmed it in this session.

    Every path under the admin's prefix counts (request lists, exports, figures,
    autocomplete), not only the ModelAdmin views. It sends them to the setup
    page (no factor yet) or to the code page, and back where they wanted to go
    afterwards. Must come after django-otp's OTPMiddleware.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if (
            request.path.startswith(reverse("admin:index"))
            and _url_name(request.path_info) not in OFFEN
            and second_factor_pending_in(request)
        ):
            ziel = "zugang:bestaetigen" if user_has_device(request.user) else "zugang:einrichten"
            return redirect(f"{reverse(ziel)}?{urlencode({'next': request.get_full_path()})}")
        return self.get_response(request)


def _url_name(path: str) -> str:
    try:
        return resolve(path).view_name
    except Resolver404:
        return ""
