"""The bot traps every form a stranger can send shares: a honeypot field and a signed start time.

A form gets them by inheriting `BotTrapMixin` (the request form, the alerts'
sign-up). Together with the per-client limit (`anfragen.ratelimit.form_limit_exceeded`,
which asks `caught_a_bot()`) they keep bots out without a CAPTCHA, which would
shut out people with screen readers or without JavaScript.
"""

import time
from collections.abc import Callable

from crispy_forms.helper import FormHelper
from crispy_forms.layout import Div, Layout
from django import forms
from django.conf import settings
from django.core import signing
from django.core.exceptions import NON_FIELD_ERRORS, ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.urls import reverse_lazy
from django.utils.html import format_html
from django.utils.translation import gettext_lazy as _

from integrationsrat.page_cache import per_visit

START_SALT = "anfrage-formular-start"
START_MAX_AGE = 24 * 60 * 60


# An empty form page is the same for every visitor but for two tokens. It is
# rendered with these placeholders and marked with `per_visit(response,
# TOKEN_FILLERS)`: the page cache keeps it with them and fills them in per visit
# (the fillers are registered in AnfragenConfig.ready).
CSRF_PLACEHOLDER = "__CSRF_TOKEN__"
START_PLACEHOLDER = "__START_TOKEN__"
TOKEN_FILLERS = {CSRF_PLACEHOLDER: "csrf", START_PLACEHOLDER: "anfrage-start"}


def render_empty_form(request, template: str, form, context=None, fillers=None) -> HttpResponse:
    """A stranger's form as first shown: the tokens as placeholders (and any `fillers` of the page), so the
    page cache keeps one page for everyone and fills them in per visit."""
    form.fields["gestartet"].initial = START_PLACEHOLDER
    response = render(request, template, {**(context or {}), "form": form, "csrf_token": CSRF_PLACEHOLDER})
    return per_visit(response, {**TOKEN_FILLERS, **(fillers or {})})


def start_token() -> str:
    """When the form was shown, signed so a bot cannot fake having taken its time."""
    return signing.dumps(time.time(), salt=START_SALT)


def new_start_token(request) -> str:
    """Filler of START_PLACEHOLDER (the CSRF one is "csrf")."""
    return start_token()


class BotTrapMixin(forms.Form):
    """Adds the traps to a form: the fields `website` (honeypot) and `gestartet` (start time), and their check.

    The form's template renders `gestartet` outside any cached part (it differs
    per visitor) and `website` out of sight (`hp-feld`), and puts the error
    summary's non-field errors in front.
    """

    # A field people never see or fill, and the signed time the form was shown.
    website = forms.CharField(
        label=_("Bitte dieses Feld leer lassen"),
        required=False,
        widget=forms.TextInput(attrs={"autocomplete": "off", "tabindex": "-1"}),
    )
    gestartet = forms.CharField(required=False, widget=forms.HiddenInput)

    # The errors only a bot makes (a person may well leave the form open too long).
    TRAPS = ("honeypot", "too_fast", "forged_token")

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if self.is_bound:
            self.data = self.data.copy()  # clean() may hand out a fresh start token
        else:
            self.fields["gestartet"].initial = start_token()

    # Fields that are a group of checkboxes: the error summary links to their first box.
    GRUPPEN: tuple[str, ...] = ()

    @property
    def fehler(self) -> list[tuple[str, str]]:
        """(id of the element to jump to, message) for the error summary, in the order of the fields."""
        return [
            (f"{field.auto_id}_0" if name in self.GRUPPEN else field.id_for_label, error)
            for name, field in ((name, self[name]) for name in self.fields)
            for error in field.errors
        ]

    def layout_with_traps(self, *fields: str, einwilligung: str) -> None:
        """Lay out `fields`, then the honeypot out of sight, then the consent box labelled `einwilligung`
        with a link to the privacy statement. No <form> tag and no CSRF token: the template renders them,
        and `gestartet`, which differs per visitor, outside the cached fields."""
        self.fields["einwilligung"].label = format_html(
            '{} <a href="{}">{}</a>', einwilligung, reverse_lazy("seiten:datenschutz"), _("Datenschutzerklärung")
        )
        self.helper = FormHelper()
        self.helper.form_tag = False
        self.helper.disable_csrf = True
        # The honeypot is out of sight and out of the tab order; only bots fill it in.
        self.helper.layout = Layout(*fields, Div("website", css_class="hp-feld", aria_hidden="true"), "einwilligung")

    @classmethod
    def prefilled(cls, data):
        """An unbound form that shows what the visitor typed, e.g. after a rejected post."""
        return cls(
            initial={
                name: field.widget.value_from_datadict(data, {}, name)
                for name, field in cls.base_fields.items()
                if name != "gestartet"
            }
        )

    def clean(self):
        cleaned = super().clean()
        # Checked after the form's own rules, which still run: a person sees all their mistakes at once.
        self._check_spam(cleaned)
        return cleaned

    def caught_a_bot(self) -> bool:
        """Whether a spam trap caught this post; call after is_valid()."""
        return any(self.has_error(NON_FIELD_ERRORS, code) for code in self.TRAPS)

    def _check_spam(self, cleaned) -> None:
        if cleaned.get("website"):
            self.add_error(
                None,
                ValidationError(
                    _(
                        "Das Formular wurde nicht gesendet. Bitte lassen Sie das Feld "
                        "„Bitte dieses Feld leer lassen“ frei."
                    ),
                    code="honeypot",
                ),
            )
        try:
            gestartet = signing.loads(cleaned.get("gestartet", ""), salt=START_SALT, max_age=START_MAX_AGE)
        except signing.BadSignature as error:
            self.data["gestartet"] = start_token()
            # A person's token can only have expired; a missing or forged one is a bot's (same message, though).
            forged = not isinstance(error, signing.SignatureExpired)
            self.add_error(
                None,
                ValidationError(
                    _(
                        "Das Formular war zu lange geöffnet. Ihre Angaben stehen noch im Formular: "
                        "Bitte senden Sie es noch einmal."
                    ),
                    code="forged_token" if forged else "form_expired",
                ),
            )
            return
        if time.time() - gestartet < settings.ANFRAGE_MIN_FILL_SECONDS:
            self.add_error(
                None,
                ValidationError(
                    _("Das ging sehr schnell. Bitte prüfen Sie Ihre Angaben und senden Sie das Formular noch einmal."),
                    code="too_fast",
                ),
            )


# Forms a stranger sends, by URL name: what answers a post whose CSRF token was rejected
# (an expired cookie, a form open for hours), so that the text typed comes back into the form.
CSRF_RETRY: dict[str, Callable[[HttpRequest], HttpResponse]] = {}


def register_csrf_retry(view_name: str, retry: Callable[[HttpRequest], HttpResponse]) -> None:
    CSRF_RETRY[view_name] = retry
