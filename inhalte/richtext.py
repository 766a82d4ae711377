"""Formatted text: what staff may write, how it is cleaned, and what it means for translations and links.

Staff write in the editor of `inhalte.fields.FormatierterTextField`; whatever
arrives is cleaned here with nh3 (the Rust `ammonia` allowlist sanitizer), on
every save and again when shown: paragraphs, line breaks, headings of the
levels the page allows, bold, italic, bulleted and numbered lists, links to
http(s), mailto and tel addresses or to pages of this site. Nothing else
survives: no scripts, no event attributes, no `javascript:` or `data:` links,
no styles or classes. Every link gets rel="noopener".
"""

import functools
import html
import re
from html.parser import HTMLParser
from urllib.parse import urljoin

import nh3
from django.utils.html import linebreaks

INLINE_TAGS = {"p", "br", "strong", "em", "ul", "ol", "li", "a"}
URL_SCHEMES = {"http", "https", "mailto", "tel"}


@functools.cache
def _cleaner(ueberschriften: tuple[int, ...]) -> nh3.Cleaner:
    return nh3.Cleaner(
        tags=INLINE_TAGS | {f"h{level}" for level in ueberschriften},
        attributes={"a": {"href"}},
        url_schemes=URL_SCHEMES,
        link_rel="noopener",
        strip_comments=True,
    )


def sanitize(value: str, ueberschriften: tuple[int, ...] = (2, 3)) -> str:
    """`value` with everything but the allowed formatting removed (empty when only an empty paragraph is left).

    Cleaning what was cleaned changes nothing, so it is safe on every save and
    every display. Plain text is not guessed at here (the result of cleaning
    may itself be bare text): where plain text comes in (the data migrations,
    the starting content) it is turned into paragraphs with `paragraphs_html`.
    """
    value = (value or "").strip()
    cleaned = _cleaner(tuple(ueberschriften)).clean(value).strip()
    return "" if re.fullmatch(r"(<p>\s*(<br>)?\s*</p>\s*)*", cleaned) else cleaned


def paragraphs_html(text: str) -> str:
    """Plain text as paragraphs (a blank line between them; a single line break stays one)."""
    return linebreaks(text.strip(), autoescape=True) if text.strip() else ""


def split_lines(text: str) -> list[str]:
    """Non-empty, stripped lines, without leading bullets: how list items were entered as plain text."""
    lines = (line.strip().lstrip("-•").strip() for line in text.splitlines())
    return [line for line in lines if line]


def list_html(text: str, *, nummeriert: bool = False) -> str:
    """One point per line as a bulleted (or numbered) list."""
    items = "".join(f"<li>{html.escape(line, quote=False)}</li>" for line in split_lines(text))
    tag = "ol" if nummeriert else "ul"
    return f"<{tag}>{items}</{tag}>" if items else ""


class _Reader(HTMLParser):
    """The words (with line breaks where blocks end) and the link targets of a piece of formatted text."""

    BLOCKS = {"p", "br", "h1", "h2", "h3", "h4", "h5", "h6", "ul", "ol"}

    def __init__(self, bullet: str, link_base: str | None = None):
        super().__init__(convert_charrefs=True)
        self.bullet = bullet
        self.link_base = link_base  # if set, a link's text is followed by its (absolute) address
        self.words: list[str] = []
        self.links: list[str] = []
        self._open_link = ""

    def handle_starttag(self, tag, attrs):
        if tag == "a":
            hrefs = [value for name, value in attrs if name == "href" and value]
            self.links.extend(hrefs)
            self._open_link = hrefs[0] if hrefs else ""
        if tag == "li":
            self.words.append("\n" + self.bullet)
        elif tag in self.BLOCKS:
            self.words.append("\n")

    def handle_endtag(self, tag):
        if tag == "a" and self._open_link and self.link_base is not None:
            self.words.append(f" ({urljoin(self.link_base, self._open_link)})")
            self._open_link = ""
        if tag in self.BLOCKS:
            self.words.append("\n")

    def handle_data(self, data):
        self.words.append(data)


def _read(value: str, bullet: str = "", link_base: str | None = None) -> _Reader:
    reader = _Reader(bullet, link_base)
    reader.feed(value or "")
    reader.close()
    return reader


def text_content(value: str) -> str:
    """What a reader (or translator) gets from it: the words and the link targets, without the formatting.

    Used for the translation fingerprints: making a word bold or a paragraph
    a list does not make translations outdated; changing a word or where a
    link points does.
    """
    reader = _read(value)
    words = " ".join("".join(reader.words).split())
    return words + ("\x1e" + "\x1e".join(reader.links) if reader.links else "")


def plain_text(value: str, *, bullet: str = "- ", link_base: str | None = None) -> str:
    """Formatted text as plain text (for calendar files): blocks on lines of their own, list items with "- ".

    With `link_base` (the site's address) each link's text is followed by its address, made absolute.
    """
    words = _read(value, bullet=bullet, link_base=link_base).words
    lines = [" ".join(line.split()) for line in "".join(words).splitlines()]
    return re.sub(r"\n{3,}", "\n\n", "\n".join(lines)).strip()


def links(value: str) -> list[str]:
    """The targets of the links in `value`, in order."""
    return _read(value).links
