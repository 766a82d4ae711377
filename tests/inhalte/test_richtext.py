"""Formatted text is cleaned by an allowlist whatever arrives: only the formatting the editor offers survives."""

import pytest

from inhalte import richtext

# (what a browser, a script or an attacker may send, what must be stored)
PAYLOADS = [
    ("<p>Hallo<script>alert(1)</script></p>", "<p>Hallo</p>"),
    ('<p><img src="x" onerror="alert(1)">Bild</p>', "<p>Bild</p>"),
    ('<p onclick="alert(1)" style="color:red" class="x" id="y">Text</p>', "<p>Text</p>"),
    ('<p><a href="javascript:alert(1)">klick</a></p>', '<p><a rel="noopener">klick</a></p>'),
    ('<p><a href="JaVaScRiPt:alert(1)">klick</a></p>', '<p><a rel="noopener">klick</a></p>'),
    ('<p><a href="java&#x09;script:alert(1)">klick</a></p>', '<p><a rel="noopener">klick</a></p>'),
    ('<p><a href="data:text/html;base64,PHNjcmlwdD4=">klick</a></p>', '<p><a rel="noopener">klick</a></p>'),
    ('<p><a href="vbscript:msgbox(1)">klick</a></p>', '<p><a rel="noopener">klick</a></p>'),
    ('<iframe src="https://evil.example"></iframe><p>ok</p>', "<p>ok</p>"),
    ('<svg onload="alert(1)"><circle r="1"></circle></svg><p>ok</p>', "<p>ok</p>"),
    ("<style>body{display:none}</style><p>ok</p>", "<p>ok</p>"),
    ('<form action="https://evil.example"><input name="pw"></form><p>ok</p>', "<p>ok</p>"),
    ("<table><tr><td>Zelle</td></tr></table>", "Zelle"),
    ("<h1>Zu groß</h1><h2>Passt</h2><h5>Zu klein</h5>", "Zu groß<h2>Passt</h2>Zu klein"),
    ("<p><!-- versteckt --><b>fett</b> <u>unter</u></p>", "<p>fett unter</p>"),
    (
        '<p><a href="https://example.org" target="_blank" rel="opener">extern</a></p>',
        '<p><a href="https://example.org" rel="noopener">extern</a></p>',
    ),
    (
        '<p><a href="mailto:info@example.org">Mail</a> <a href="tel:+4925211234">Telefon</a></p>',
        '<p><a href="mailto:info@example.org" rel="noopener">Mail</a> '
        '<a href="tel:+4925211234" rel="noopener">Telefon</a></p>',
    ),
]


@pytest.mark.parametrize(("sent", "stored"), PAYLOADS)
def test_only_the_allowed_formatting_survives(sent, stored):
    assert richtext.sanitize(sent) == stored


def test_what_the_editor_writes_survives_unchanged():
    text = (
        "<h2>Was Sie mitbringen</h2><p>Bitte <strong>pünktlich</strong>, <em>gern</em> mit Begleitung.<br>Danke.</p>"
        '<ul><li><p>Pass</p></li></ul><ol><li>Brief</li></ol><p><a href="/anfrage/" rel="noopener">Anfrage</a></p>'
    )
    assert richtext.sanitize(text) == text


def test_an_empty_editor_is_empty_and_plain_text_becomes_paragraphs_where_it_comes_in():
    assert richtext.sanitize("<p></p>") == "" and richtext.sanitize("<p><br></p>") == ""
    assert richtext.paragraphs_html("Erster Absatz.\nZweite Zeile.\n\nZweiter: 3 < 4") == (
        "<p>Erster Absatz.<br>Zweite Zeile.</p>\n\n<p>Zweiter: 3 &lt; 4</p>"
    )
    assert richtext.list_html("- Pass\n\n• Brief", nummeriert=True) == "<ol><li>Pass</li><li>Brief</li></ol>"


def test_headings_only_in_the_levels_a_field_allows():
    assert richtext.sanitize("<h2>Zwei</h2><h3>Drei</h3><h4>Vier</h4>", ueberschriften=(3, 4)) == (
        "Zwei<h3>Drei</h3><h4>Vier</h4>"
    )
    assert richtext.sanitize("<h2>Zwei</h2>", ueberschriften=()) == "Zwei"


def test_text_content_ignores_formatting_but_not_words_or_link_targets():
    plain = richtext.text_content("<p>Bitte pünktlich kommen. <a href='/a/'>Hier</a></p>")
    assert richtext.text_content("<p>Bitte <strong>pünktlich</strong> kommen. <a href='/a/'>Hier</a></p>") == plain
    assert richtext.text_content("<ul><li>Bitte pünktlich kommen. <a href='/a/'>Hier</a></li></ul>") == plain
    assert richtext.text_content("<p>Bitte pünktlich kommen. <a href='/b/'>Hier</a></p>") != plain
    assert richtext.text_content("<p>Bitte früh kommen. <a href='/a/'>Hier</a></p>") != plain


def test_plain_text_for_calendars_keeps_paragraphs_and_list_items():
    html = "<h2>Mitbringen</h2><ul><li>Pass</li><li>Brief</li></ul><p>Danke &amp; bis bald.</p>"
    assert richtext.plain_text(html) == "Mitbringen\n\n- Pass\n- Brief\n\nDanke & bis bald."


@pytest.mark.parametrize(("sent", "stored"), PAYLOADS)
def test_cleaning_twice_changes_nothing(sent, stored):
    """The form cleans, the model cleans again on save, the template once more: all must agree."""
    assert richtext.sanitize(richtext.sanitize(sent)) == richtext.sanitize(sent)


def test_text_with_angle_brackets_stays_text():
    assert richtext.sanitize("<p>3 < 4 und 5 > 2 & mehr</p>") == "<p>3 &lt; 4 und 5 &gt; 2 &amp; mehr</p>"


def test_calendar_text_keeps_where_links_point_as_full_addresses():
    html = '<p>Bitte <a href="/anfrage/">vorher schreiben</a> oder <a href="https://example.org/x">hier</a>.</p>'
    assert richtext.plain_text(html, link_base="https://portal.example") == (
        "Bitte vorher schreiben (https://portal.example/anfrage/) oder hier (https://example.org/x)."
    )
