import re

from django import forms
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

# Words are letters and digits of any script; everything else (tsquery operators
# like & | ! :*, quotes, backslashes, emoji) only separates them.
WORD = re.compile(r"[^\W_]+")
MAX_LENGTH = 200
# A search with more words finds no more, and each word costs time.
MAX_WORDS = 8


class SucheForm(forms.Form):
    q = forms.CharField(
        label=_("Suchbegriff"),
        max_length=MAX_LENGTH,
        widget=forms.TextInput(attrs={"type": "search", "autocomplete": "off", "enterkeyhint": "search"}),
        error_messages={
            "required": _("Bitte geben Sie ein, wonach Sie suchen."),
            "max_length": _("Bitte geben Sie einen kürzeren Suchbegriff ein (höchstens 200 Zeichen)."),
        },
    )

    def clean_q(self):
        q = self.cleaned_data["q"]
        self.woerter = list(dict.fromkeys(w.lower() for w in WORD.findall(q) if len(w) >= 2))[:MAX_WORDS]
        if not self.woerter:
            raise ValidationError(
                _("Bitte geben Sie mindestens ein Wort mit zwei oder mehr Buchstaben ein."), code="no_words"
            )
        return q
