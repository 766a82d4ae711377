"""The Redaktion's start page in the admin: what needs doing.

Each section is a function (request -> Abschnitt or None) in SECTIONS; a
content app adds its own lines with `register` in its admin.py (the events
app: upcoming events without place or time; later, meetings without an
invitation a week before; the requests app: the Beratung team's counts).
integrationsrat.admin shows them on the admin's index, each to the staff
whose permissions it asks for.
"""

import hashlib
from collections.abc import Callable
from dataclasses import dataclass, field
from urllib.parse import urlsplit

from django.apps import apps
from django.conf import settings
from django.db.models import Q
from django.urls import NoReverseMatch, Resolver404, resolve, reverse
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import get_language_from_path, get_language_info
from django.utils.translation import gettext_lazy as _

from inhalte import richtext
from inhalte.fields import FormatierterTextField
from inhalte.models import (
    UebersetzbarMixin,
    Uebersetzungsstand,
    Veroeffentlichbar,
    other_languages,
    translation_counts,
)
from integrationsrat.cache import cached


@dataclass
class Zeile:
    text: str
    url: str = ""
    detail: str = ""


@dataclass
class Abschnitt:
    titel: str
    zeilen: list[Zeile] = field(default_factory=list)
    leer: str = ""  # what to say when there is nothing to do
    # Its lines are things to do, counted in the heading; False for lines that are counts themselves.
    zaehlen: bool = True


SECTIONS: list[Callable] = []


def register(section: Callable) -> Callable:
    SECTIONS.append(section)
    return section


def register_first(section: Callable) -> Callable:
    """A section shown before the others (the Beratung team's request counts: what matters most to them)."""
    SECTIONS.insert(0, section)
    return section


def sections(request) -> list[Abschnitt]:
    return [result for section in SECTIONS if (result := section(request)) is not None]


def admin_url(obj) -> str:
    opts = obj._meta
    return reverse(f"admin:{opts.app_label}_{opts.model_name}_change", args=[obj.pk])


def _has_list(model) -> bool:
    try:
        reverse(f"admin:{model._meta.app_label}_{model._meta.model_name}_changelist")
    except NoReverseMatch:
        return False
    return True


def own_objects(model):
    """The objects listed under `model` in the admin: not those of a multi-table child (a Sitzung is
    listed as a Sitzung, not a second time as a Veranstaltung)."""
    objects = model._default_manager.all()
    for child in apps.get_models():
        link = child._meta.parents.get(model)
        if link is not None:
            objects = objects.exclude(**{f"{link.related_query_name()}__isnull": False})
    return objects


def editable(request, model) -> bool:
    return request.user.has_perm(f"{model._meta.app_label}.change_{model._meta.model_name}")


def publishable_models(request) -> list:
    return [m for m in apps.get_models() if issubclass(m, Veroeffentlichbar) and editable(request, m)]


@register
def entwuerfe(request) -> Abschnitt | None:
    models = publishable_models(request)
    if not models:
        return None  # not a member of the Redaktion: nothing to do here
    zeilen = [
        Zeile(f"{model._meta.verbose_name}: {obj}", admin_url(obj))
        for model in models
        for obj in own_objects(model).drafts()[:20]
    ]
    return Abschnitt(_("Entwürfe"), zeilen, _("Keine Entwürfe."))


@register
def geplant(request) -> Abschnitt | None:
    models = publishable_models(request)
    if not models:
        return None
    now = timezone.now()
    erscheint, endet = _("erscheint %(wann)s"), _("endet %(wann)s")
    geplante = [
        (obj.veroeffentlichen_ab, erscheint, model, obj)
        for model in models
        for obj in own_objects(model).scheduled(now)[:20]
    ] + [
        (obj.veroeffentlichen_bis, endet, model, obj) for model in models for obj in own_objects(model).ending(now)[:20]
    ]
    zeilen = [
        Zeile(f"{model._meta.verbose_name}: {obj}", admin_url(obj), text % {"wann": _when(moment)})
        for moment, text, model, obj in sorted(geplante, key=lambda entry: entry[0])
    ]
    return Abschnitt(_("Geplant"), zeilen, _("Nichts ist zum Veröffentlichen oder Beenden geplant."))


def _when(moment) -> str:
    return date_format(timezone.localtime(moment), "DATETIME_FORMAT")


STAND_ZEILE = {
    Uebersetzungsstand.FEHLT: _("%(anzahl)s ohne Übersetzung"),
    Uebersetzungsstand.VERALTET: _("%(anzahl)s mit veralteter Übersetzung"),
}


@register
def uebersetzungen(request) -> Abschnitt | None:
    # Only models with a list of their own (a page's sections are translated on the page).
    models = [
        m for m in apps.get_models() if issubclass(m, UebersetzbarMixin) and editable(request, m) and _has_list(m)
    ]
    if not models:
        return None
    zeilen = []
    for model in models:
        changelist = reverse(f"admin:{model._meta.app_label}_{model._meta.model_name}_changelist")
        counts = translation_counts(own_objects(model))
        for code, _name in other_languages():
            # The language's German name: staff read the admin in German.
            sprache = get_language_info(code)["name_translated"]
            for stand, text in STAND_ZEILE.items():
                anzahl = counts[(code, stand)]
                if anzahl:
                    zeilen.append(
                        Zeile(
                            f"{model._meta.verbose_name_plural} – {sprache}: {text % {'anzahl': anzahl}}",
                            f"{changelist}?uebersetzung={code}-{stand}",
                        )
                    )
    return Abschnitt(_("Übersetzungen"), zeilen, _("Alle Übersetzungen sind vorhanden und aktuell."))


# A view that shows one object (a topic, an event, a page): is the object at these URL
# arguments public now? Each content app registers its views (in its admin.py), so the
# dashboard knows a link to a draft or a deleted item from a link to a list or a form.
LINK_TARGETS: dict[str, Callable[[dict], bool]] = {}


def register_link_target(view_name: str, is_public: Callable[[dict], bool]) -> None:
    LINK_TARGETS[view_name] = is_public


def broken_link(href: str) -> bool:
    """Whether `href` points into this site, but to nothing the public can see."""
    try:
        parts = urlsplit(href)
    except ValueError:  # e.g. "//[abc/": no address a browser could follow
        return True
    site = urlsplit(settings.SITE_URL)
    if (
        parts.scheme in ("mailto", "tel")
        or (parts.netloc and parts.netloc != site.netloc)
        or not parts.path.startswith("/")
    ):
        return False
    path = parts.path
    language = get_language_from_path(path)
    if language and language != settings.LANGUAGE_CODE:
        path = path[len(language) + 1 :]
    try:
        # Without the final slash the site redirects to the address with it (APPEND_SLASH).
        match = resolve(path if path.endswith("/") or "." in path.rsplit("/", 1)[-1] else path + "/")
    except Resolver404:
        return True
    is_public = LINK_TARGETS.get(match.view_name)
    return is_public is not None and not is_public(match.kwargs)


def _with_links(model, fields):
    """The objects of `model` whose formatted `fields` contain a link (in the database: most have none)."""
    has_link = Q()
    for f in fields:
        has_link |= Q(**{f"{f.attname}__contains": "href="})
    # A section is listed under its page: loaded with it.
    found = own_objects(model).filter(has_link)
    return found.select_related("seite") if any(f.name == "seite" for f in model._meta.fields) else found


def _broken_links(models) -> list[Zeile]:
    checked: dict[str, bool] = {}  # a target linked from many texts is looked up once
    zeilen = []
    for model in models:
        translated = model.translated_field_names() if issubclass(model, UebersetzbarMixin) else []
        # Each language's field; the untranslated original would repeat the German one.
        rich = [f for f in model._meta.fields if isinstance(f, FormatierterTextField) and f.name not in translated]
        for obj in _with_links(model, rich):
            for f in rich:
                for href in richtext.links(getattr(obj, f.attname) or ""):
                    if href not in checked:
                        checked[href] = broken_link(href)
                    if checked[href]:
                        owner = getattr(obj, "seite", obj)  # a section is edited on its page
                        zeilen.append(Zeile(f"{owner}: {f.verbose_name}", admin_url(owner), href))
    return zeilen


def _has_formatted_text(model) -> bool:
    return any(isinstance(f, FormatierterTextField) for f in model._meta.fields)


@register
def kaputte_links(request) -> Abschnitt | None:
    if not publishable_models(request):
        return None
    models = [
        m
        for m in apps.get_models()
        if _has_formatted_text(m) and issubclass(m, (Veroeffentlichbar, UebersetzbarMixin)) and editable(request, m)
    ]
    # Every text with a link is read: kept per content version (a save renews it) and per set of models.
    # (hashed: the list of labels outgrows the 250 characters a cache key may have)
    labels = ",".join(sorted(m._meta.label for m in models))
    key = "dashboard-links:" + hashlib.sha256(labels.encode()).hexdigest()[:16]
    return Abschnitt(
        _("Links auf nicht veröffentlichte oder gelöschte Seiten"),
        cached(key, lambda: _broken_links(models), shared=False),
        _("Alle Links im Text führen zu öffentlichen Seiten."),
    )
