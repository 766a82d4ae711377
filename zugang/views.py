"""The second step of the admin login: set up an authenticator app, or confirm a code.

Until that step is done, these pages, the login and the logout are all the
admin a person who needs a second factor can reach (zugang.middleware).
"""

from django.contrib import admin, messages
from django.contrib.admin.views.decorators import staff_member_required
from django.core.exceptions import ValidationError
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.http import url_has_allowed_host_and_scheme, urlencode
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django_otp import login as otp_login
from django_otp import user_has_device

from zugang import qr, services
from zugang.forms import BestaetigenForm, EinrichtenForm
from zugang.policy import second_factor_skipped


@never_cache
@staff_member_required
def einrichten(request):
    """QR code and key of a new authenticator app; its first code confirms it and shows the recovery codes once."""
    if user_has_device(request.user):
        # A second app only with the first one confirmed: a stolen password alone must not add one.
        return redirect(_weiter(request) if request.user.is_verified() else _mit_weiter(request, "zugang:bestaetigen"))
    device = services.zweiter_faktor_prepare(user=request.user)
    form = EinrichtenForm(request.POST or None)
    if form.is_valid():
        try:
            device, codes = services.zweiter_faktor_confirm(user=request.user, code=form.cleaned_data["code"])
        except ValidationError as fehler:
            form.add_error("code", fehler)
        else:
            _verified(request, device)
            # Shown in this answer only and never again: nothing keeps them for a second showing.
            return render(
                request,
                "zugang/wiederherstellungscodes.html",
                _context(request, _("Ihre Wiederherstellungscodes"), codes=codes, weiter_url=_weiter(request)),
            )
    return render(
        request,
        "zugang/einrichten.html",
        _context(
            request,
            _("Zwei-Faktor-Anmeldung einrichten"),
            form=form,
            qr_code=qr.qr_svg(device, title=_("QR-Code für Ihre Authenticator-App")),
            schluessel=qr.secret_text(device),
        ),
    )


@never_cache
@staff_member_required
def bestaetigen(request):
    """The login's second step: a code from the app, or a recovery code (used up)."""
    if request.user.is_verified():
        return redirect(_weiter(request))
    if not user_has_device(request.user):
        return redirect(_mit_weiter(request, "zugang:einrichten"))
    form = BestaetigenForm(request.POST or None)
    if form.is_valid():
        try:
            device = services.zweiter_faktor_verify(user=request.user, code=form.cleaned_data["code"])
        except ValidationError as fehler:
            form.add_error("code", fehler)
        else:
            _verified(request, device)
            if device.name == services.RECOVERY_NAME:
                messages.warning(
                    request,
                    _(
                        "Sie haben einen Wiederherstellungscode benutzt; noch %(anzahl)d übrig. "
                        "Fehlt Ihr Telefon, bitten Sie die Administration, den zweiten Faktor zurückzusetzen."
                    )
                    % {"anzahl": device.token_set.count()},
                )
            return redirect(_weiter(request))
    return render(request, "zugang/bestaetigen.html", _context(request, _("Anmeldung bestätigen"), form=form))


def _verified(request, device) -> None:
    otp_login(request, device)
    # A new session key for the session that now opens personal data.
    request.session.cycle_key()


def _context(request, title: str, **extra) -> dict:
    # The admin's look, without its navigation: nothing behind it opens before this step is done.
    return {
        "site_header": admin.site.site_header,
        "site_title": admin.site.site_title,
        "site_url": admin.site.site_url,
        "title": title,
        "zweiter_faktor_nicht_erzwungen": second_factor_skipped(),
        "next": request.GET.get("next", ""),
        **extra,
    }


def _weiter(request) -> str:
    """Where the person wanted to go, if it is on this site; else the admin's start page."""
    ziel = request.GET.get("next", "")
    if ziel and url_has_allowed_host_and_scheme(ziel, {request.get_host()}, require_https=request.is_secure()):
        return ziel
    return reverse("admin:index")


def _mit_weiter(request, url_name: str) -> str:
    ziel = request.GET.get("next", "")
    return reverse(url_name) + (f"?{urlencode({'next': ziel})}" if ziel else "")
