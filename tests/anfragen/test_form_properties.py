"""Whatever anyone types into the request form, the site answers properly and stores exactly what it accepted.

People write in many scripts and from many devices; some paste from PDFs
(control characters), some write right to left, some send emoji, and bots send
anything. Hypothesis generates such input; the properties hold for all of it.
"""

import pytest
from django.urls import reverse
from django.utils.html import escape
from hypothesis import HealthCheck, event, given, settings
from hypothesis import strategies as st

from anfragen.forms import AnfrageForm, start_token
from anfragen.models import Anfrage, Sprache, Versuchszaehler
from tests.factories import make_themenbereich

pytestmark = pytest.mark.django_db
URL = reverse("anfragen:formular")

TEXT_FIELDS = ("name", "email", "telefon", "nachricht")
STORED_FIELDS = (*TEXT_FIELDS, "sprache")
XSS = '<script>alert("xss")</script>'

# Characters that break naive code: right-to-left text and marks, emoji with joiners and
# skin tones, null bytes, C0/C1 controls, zero-width and line/paragraph separators.
TRICKY = (
    "مرحبا بكم ",
    "שלום ",
    "\u202e\u202b\u200f\u200e",
    "👩🏽‍⚕️🇩🇪🙂",
    "\x00",
    "\x01\x07\x08\x0b\x0c\x1b\x7f\x85\x9f",
    "\r\n\t ",
    "\u200b\ufeff\u2028\u2029",
    "Ärger mit dem Amt ß",
    "&amp; &lt; \"'",
    XSS,
)

any_text = st.one_of(
    st.text(),  # any code point but surrogates; control characters and "\x00" included
    st.lists(st.sampled_from(TRICKY), max_size=20).map("".join),
    st.sampled_from(["", " ", "   \t\n  ", "\x00", "\u3000\u00a0"]),
    # Very long: pasted documents, up to about 20,000 characters.
    st.builds(lambda part, times: part * times, st.text(min_size=1, max_size=20), st.integers(250, 1000)),
    st.builds(lambda a, b: a + XSS + b, st.text(max_size=30), st.text(max_size=30)),
)
# Text that a person might really type: anything but a null byte, including all the tricky characters.
typed = st.one_of(
    st.text(alphabet=st.characters(codec="utf-8", exclude_characters="\x00")),  # no surrogates: not sendable
    st.lists(st.sampled_from([t for t in TRICKY if t != "\x00"]), max_size=10).map("".join),
)
FIELDS = ("name", "email", "telefon", "nachricht", "sprache", "themenbereich")


@st.composite
def submissions(draw, bereich_id: int):
    """A plausible submission, then any subset of its fields (often none, often all) replaced by junk."""
    plausible = {
        "name": draw(st.one_of(st.just(""), typed.map(lambda t: t[:100]), st.sampled_from(["Ayşe Yılmaz", "محمد"]))),
        "email": draw(st.one_of(st.just("hilfe@example.org"), st.emails())),
        "telefon": draw(st.one_of(st.just(""), st.from_regex(r"\+?[0-9]{5,12}( [0-9]{1,8})?", fullmatch=True))),
        "nachricht": draw(
            st.one_of(
                st.builds(lambda a, b: f"{a} Ich brauche Hilfe bei meinem Antrag. {b}".strip(), typed, typed),
                # Long letters, close to the 5,000 character limit.
                st.builds(
                    lambda part, times: f"Hilfe! {part * times}", st.text(min_size=1, max_size=10), st.integers(1, 490)
                ),
            ).map(lambda t: t[:5000])
        ),
        "sprache": draw(st.sampled_from(Sprache.values)),
        "themenbereich": draw(st.sampled_from([str(bereich_id), f" {bereich_id} "])),
    }
    junk = {field: any_text for field in FIELDS}
    junk["themenbereich"] = st.one_of(any_text, st.integers().map(str))
    replaced = draw(st.one_of(st.just(set()), st.sets(st.sampled_from(FIELDS)), st.just(set(FIELDS))))
    return {field: draw(junk[field]) if field in replaced else value for field, value in plausible.items()}


@pytest.fixture
def bereich():
    return make_themenbereich(name="Wohnen")


@settings(max_examples=60, deadline=None, database=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(data=st.data())
def test_any_input_gets_a_proper_answer_and_stores_exactly_what_was_accepted(client, bereich, data):
    """No input, however odd, produces a server error: the visitor either reaches the confirmation page
    (302) with their request stored exactly as the form accepted it, or sees the form again (422) with
    nothing stored and everything they typed shown back as text, never run as script."""
    fields = data.draw(submissions(bereich.pk), label="fields")
    Versuchszaehler.objects.all().delete()  # the per-client rate limit must not turn later examples into 429s
    post = {**fields, "einwilligung": "on", "gestartet": start_token(), "website": ""}
    expected = AnfrageForm(post)
    accepted = expected.is_valid()
    event("accepted" if accepted else "rejected")  # shown by --hypothesis-show-statistics
    before = set(Anfrage.objects.values_list("pk", flat=True))

    response = client.post(URL, post)

    new = Anfrage.objects.exclude(pk__in=before)
    if accepted:
        assert response.status_code == 302, expected.errors
        assert response.url == reverse("anfragen:gesendet")
        anfrage = new.get()
        for field in STORED_FIELDS:
            assert getattr(anfrage, field) == expected.cleaned_data[field], field
        assert anfrage.themenbereich == expected.cleaned_data["themenbereich"]
        # CharField strips surrounding whitespace; beyond that, nothing is altered.
        assert anfrage.nachricht == fields["nachricht"].strip()
        assert anfrage.name == fields["name"].strip()
    else:
        assert response.status_code == 422, f"{response.status_code} for {expected.errors!r}"
        assert not new.exists()
        page = response.content.decode()
        # The page has no script tags of its own, so any "<script" would be the visitor's input.
        assert "<script" not in page
        for field in TEXT_FIELDS:
            # crispy-forms collapses whitespace between tags, so only text with something visible is compared.
            if fields[field].strip():
                assert escape(fields[field]) in page, f"{field} is not shown back to the visitor"
