"""Lists of cards and tiles, each item rendered once per content version, language and day.

A page without the page cache (staff, a fresh save) still shows the same event
cards and topic tiles as a minute ago: `render_each` asks the database only for
the ids of what to show, takes each item's HTML from this process's memory
(`integrationsrat.cache.cached_fragments`), and loads and renders only the
items it has not rendered for this content version yet.
"""

from django import template
from django.db.models import QuerySet
from django.template.loader import get_template
from django.utils import timezone
from django.utils.safestring import mark_safe
from django.utils.translation import get_language

from integrationsrat.cache import Ids, cached_fragments, store_fragments

register = template.Library()


def _load(model, ids: list) -> dict:
    manager = model._default_manager
    # The model's list rows with what a card shows (e.g. place and topic), where it says so.
    queryset = manager.for_cards() if hasattr(manager, "for_cards") else manager.all()
    return queryset.in_bulk(ids)


@register.simple_tag
def render_each(objects, template_name: str, name: str, **extra) -> str:
    """`template_name` for each of `objects`, as `name`, with `extra`.

    `objects`: a QuerySet (only its ids are read), `Ids` (cached ids: nothing is
    read unless an item has to be rendered), or a list of model instances.
    """
    if isinstance(objects, Ids):
        model, ids, loaded = objects.model, list(objects.pks), {}
    elif isinstance(objects, QuerySet):
        model, ids, loaded = objects.model, list(objects.values_list("pk", flat=True)), {}
    else:
        objects = list(objects)
        model, ids, loaded = (
            (type(objects[0]) if objects else None),
            [o.pk for o in objects],
            {o.pk: o for o in objects},
        )
    if not ids:
        return ""
    # The day is part of the key: an event's card reads differently once it is past.
    variant = ":".join(f"{k}={v}" for k, v in sorted(extra.items()))
    prefix = f"{template_name}:{model._meta.label}:{get_language()}:{timezone.localdate()}:{variant}"
    keys = {pk: f"{prefix}:{pk}" for pk in ids}
    html = cached_fragments(list(keys.values()))
    missing = [pk for pk in ids if keys[pk] not in html]
    if missing:
        found = {pk: loaded[pk] for pk in missing if pk in loaded} or _load(model, missing)
        item_template = get_template(template_name)
        rendered = {keys[pk]: item_template.render({name: obj, **extra}) for pk, obj in found.items()}
        store_fragments(rendered)
        html |= rendered
    return mark_safe("".join(html[keys[pk]] for pk in ids if keys[pk] in html))  # noqa: S308 (rendered templates)
