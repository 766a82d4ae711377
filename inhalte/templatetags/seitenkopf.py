"""What a page's <head> says about it: structured data (JSON-LD), link previews, its title for both."""

import json

from django import template
from django.core.serializers.json import DjangoJSONEncoder
from django.utils.html import format_html
from django.utils.safestring import mark_safe

from inhalte import jsonld
from inhalte.images import share_image

register = template.Library()

# As Django's json_script: with these escaped, no text in the data can end the
# <script> element ("</script>") or open a comment ("<!--") inside it.
_SCRIPT_ESCAPES = {ord("<"): "\\u003C", ord(">"): "\\u003E", ord("&"): "\\u0026"}


@register.filter
def jsonld_script(data: dict) -> str:
    """`data` as a <script type="application/ld+json"> element, safe whatever the content says."""
    text = json.dumps(data, cls=DjangoJSONEncoder, ensure_ascii=False, separators=(",", ":"))
    return format_html('<script type="application/ld+json">{}</script>', mark_safe(text.translate(_SCRIPT_ESCAPES)))  # noqa: S308 (escaped above)


@register.simple_tag
def event_jsonld(veranstaltung) -> str:
    return jsonld_script(jsonld.event_data(veranstaltung))


@register.simple_tag
def meeting_jsonld(sitzung) -> str:
    return jsonld_script(jsonld.meeting_data(sitzung))


@register.simple_tag
def news_article_jsonld(meldung) -> str:
    return jsonld_script(jsonld.news_article_data(meldung))


@register.simple_tag
def organisation_jsonld() -> str:
    return jsonld_script(jsonld.organisation_data())


@register.simple_tag
def teilbild(objekt) -> dict | None:
    """The image a link preview of `objekt` shows, with an absolute address (None: the page has none)."""
    bild = share_image(objekt) if getattr(objekt, "bild", None) else None
    return bild and {**bild, "url": jsonld.absolute_url(bild["url"])}


class CaptureNode(template.Node):
    child_nodelists = ("nodelist",)  # so that {% block %}s inside stay overridable by child templates

    def __init__(self, nodelist, name: str):
        self.nodelist, self.name = nodelist, name

    def render(self, context):
        # Rendered (and escaped) output of the enclosed template, trimmed.
        context[self.name] = mark_safe(self.nodelist.render(context).strip())  # noqa: S308 (rendered template)
        return ""


@register.tag
def capture(parser, token):
    """{% capture as name %}…{% endcapture %}: the rendered content, to use it more than once (title, og:title)."""
    bits = token.split_contents()
    if len(bits) != 3 or bits[1] != "as":
        raise template.TemplateSyntaxError("Usage: {% capture as name %}…{% endcapture %}")
    nodelist = parser.parse(("endcapture",))
    parser.delete_first_token()
    return CaptureNode(nodelist, bits[2])
