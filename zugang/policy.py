"""Who must confirm a second factor before the admin opens: the one place that decides it.

Beratung members and superusers read advice seekers' names, contacts and
messages, and whoever may see registrations for events reads names and
addresses too, so their admin login always asks for a code from an authenticator
app. Everyone else (the Redaktion) may opt in; once they have set one up, it is
asked for too, or opting in would protect nothing. The local try-out (`make
run`, DEBUG on) skips the check and says so on every admin page.
"""

from django.conf import settings
from django.urls import reverse
from django_otp import user_has_device

from anfragen.models import sees_personal_data
from teilnahmen.models import sees_registrations


def second_factor_skipped() -> bool:
    """True only in the local try-out: with DEBUG off the second factor is always enforced."""
    return settings.DEBUG


def second_factor_mandatory(user) -> bool:
    """Whether the user's role demands a second factor (they can see personal data), whatever DEBUG says."""
    return sees_personal_data(user) or sees_registrations(user)


def second_factor_required(user) -> bool:
    """Whether the user must confirm a second factor before any admin page: their role, or they opted in."""
    if second_factor_skipped() or not (user.is_authenticated and user.is_active):
        return False
    return second_factor_mandatory(user) or user_has_device(user)


def second_factor_pending(user) -> bool:
    """Logged in with the password, but the second factor this user needs is not yet confirmed in this session.

    `is_verified` comes from django-otp's OTPMiddleware; a request that did not
    pass through it counts as unverified.
    """
    return user.is_authenticated and not _verified(user) and second_factor_required(user)


def second_factor_pending_in(request) -> bool:
    """second_factor_pending for the request's user, worked out once per request: the middleware and the admin
    site (has_permission, several times a page) ask the same question."""
    if not hasattr(request, "_zweiter_faktor_offen"):
        request._zweiter_faktor_offen = second_factor_pending(request.user)
    return request._zweiter_faktor_offen


def admin_context(user) -> dict[str, object]:
    """What every admin page shows about the second factor (PortalAdminSite.each_context)."""
    context: dict[str, object] = {"zweiter_faktor_nicht_erzwungen": second_factor_skipped()}
    # The opt-in link for staff without a factor (with DEBUG off, those who need one never see an admin page
    # before they have set it up). A verified session has a device: no need to ask the database.
    if user.is_authenticated and user.is_staff and not _verified(user) and not user_has_device(user):
        context["zweiter_faktor_einrichten_url"] = reverse("zugang:einrichten")
    return context


def _verified(user) -> bool:
    is_verified = getattr(user, "is_verified", None)
    return is_verified is not None and is_verified()
