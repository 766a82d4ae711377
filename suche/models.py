"""The site search's index: one entry per public object and language, kept current on save (suche/sources.py)."""

import datetime
import re

from django.contrib.contenttypes.models import ContentType
from django.contrib.postgres.search import (
    SearchHeadline,
    SearchQuery,
    SearchRank,
    SearchVectorField,
)
from django.db import connection, models
from django.db.models import Case, F, Q, Value, When
from django.db.models.functions import Concat
from django.utils import timezone
from django.utils.html import escape
from django.utils.safestring import SafeString, mark_safe
from django.utils.translation import gettext_lazy as _

# Around the matched words in a snippet; content never holds them (suche.services strips them).
START_MARK, STOP_MARK = "\x02", "\x03"
# Upcoming events and meetings come before past ones of about the same relevance.
UPCOMING_BONUS = 0.3
# ts_rank's weights for D, C, B, A: the title counts ten times the body.
WEIGHTS = [0.05, 0.1, 0.4, 1.0]


class SucheintragQuerySet(models.QuerySet):
    def in_language(self, sprache: str):
        return self.filter(sprache=sprache)

    def visible(self, now=None):
        """Entries whose object is public now (its publishing window, copied into the entry, is open)."""
        now = now or timezone.now()
        return self.filter(
            Q(sichtbar_ab__isnull=True) | Q(sichtbar_ab__lte=now),
            Q(sichtbar_bis__isnull=True) | Q(sichtbar_bis__gt=now),
        )

    def matching(
        self,
        woerter: list[str],
        *,
        konfiguration: str,
        aehnliche: dict[str, list[str]] | None = None,
        today: datetime.date | None = None,
    ):
        """Entries with every word (or the beginning of a word), best first, with a marked snippet.

        `woerter` are letters and digits only (suche.forms), so they cannot carry
        tsquery syntax. On PostgreSQL: the full-text vector, stemmed in the
        visitor's language and in German (untranslated entries hold German text);
        `aehnliche` adds, per word, words of the index that look like it
        (`Suchwort.objects.similar_to`: a typo finds what was meant). Elsewhere
        (SQLite): plain substrings.
        """
        today = today or timezone.localdate()
        upcoming = Case(
            When(datum__gte=today, typ__in=[self.model.Typ.TERMIN, self.model.Typ.SITZUNG], then=Value(UPCOMING_BONUS)),
            default=Value(0.0),
            output_field=models.FloatField(),
        )
        if connection.vendor != "postgresql":
            words = Q()
            for wort in woerter:
                words &= Q(kurz__icontains=wort) | Q(text__icontains=wort)
            in_title = Case(When(kurz__icontains=woerter[0], then=Value(1.0)), default=Value(0.0))
            return self.filter(words).annotate(rang=in_title + upcoming).order_by("-rang", "-datum", "pk")
        aehnliche = aehnliche or {}
        raw = " & ".join("(" + " | ".join([f"{wort}:*", *aehnliche.get(wort, [])]) + ")" for wort in woerter)
        query = SearchQuery(raw, search_type="raw", config=konfiguration)
        if konfiguration != "german":
            query |= SearchQuery(raw, search_type="raw", config="german")
        return (
            self.filter(suchvektor=query)
            .annotate(
                rang=SearchRank(F("suchvektor"), query, weights=WEIGHTS) + upcoming,
                ausschnitt=SearchHeadline(
                    Concat("zusammenfassung", Value(" \n "), "text", output_field=models.TextField()),
                    query,
                    config=F("konfiguration"),
                    start_sel=START_MARK,
                    stop_sel=STOP_MARK,
                    max_words=25,
                    min_words=10,
                    max_fragments=2,
                    fragment_delimiter=" … ",
                ),
            )
            .order_by("-rang", "-datum", "pk")
        )

    def of(self, model, pks):
        content_type = ContentType.objects.get_for_model(model, for_concrete_model=False)
        return self.filter(content_type=content_type, object_id__in=pks)


class Sucheintrag(models.Model):
    """What the search knows of one public object in one language: plain text, never HTML."""

    class Typ(models.TextChoices):
        THEMA = "thema", _("Thema")
        TERMIN = "termin", _("Termin")
        SITZUNG = "sitzung", _("Sitzung")
        TAGESORDNUNGSPUNKT = "tagesordnungspunkt", _("Tagesordnungspunkt")
        VORLAGE = "vorlage", _("Vorlage")
        DOKUMENT = "dokument", _("Dokument")
        MELDUNG = "meldung", _("Meldung")
        SEITE = "seite", _("Seite")
        ORGANISATION = "organisation", _("Organisation")

    content_type = models.ForeignKey(ContentType, on_delete=models.CASCADE)
    object_id = models.PositiveBigIntegerField()
    typ = models.CharField(max_length=20, choices=Typ.choices)
    sprache = models.CharField(max_length=5)
    # False where the object has no text in this language and the entry holds the German one.
    uebersetzt = models.BooleanField(default=True)
    # PostgreSQL's text search configuration the vector was built with (the text's language).
    konfiguration = models.CharField(max_length=20, default="simple")
    titel = models.TextField()
    zusammenfassung = models.TextField(blank=True)
    text = models.TextField(blank=True)
    # Title and summary, lower case: what the search on SQLite compares the words with first.
    kurz = models.TextField(blank=True)
    url = models.CharField(max_length=500)
    datum = models.DateField(null=True, blank=True)
    # The object's publishing window (or that of what it belongs to): public pages follow it, so does the search.
    sichtbar_ab = models.DateTimeField(null=True, blank=True)
    sichtbar_bis = models.DateTimeField(null=True, blank=True)
    # Filled on PostgreSQL only (suche.services); SQLite searches the plain columns.
    suchvektor = SearchVectorField(null=True)

    objects = SucheintragQuerySet.as_manager()

    class Meta:
        verbose_name = _("Sucheintrag")
        verbose_name_plural = _("Sucheinträge")
        ordering = ["pk"]
        indexes = [models.Index(fields=["content_type", "object_id"], name="sucheintrag_objekt")]
        # The GIN indexes (text search and trigrams) are PostgreSQL's own: migration 0002.

    def __str__(self):
        return f"{self.get_typ_display()}: {self.titel} ({self.sprache})"

    @property
    def ausschnitt_html(self) -> SafeString:
        """The snippet with the matched words in <mark>: the text escaped, only our own markers become HTML."""
        text = getattr(self, "ausschnitt", "") or self.zusammenfassung or self.text[:200]
        html = escape(text).replace(START_MARK, "<mark>").replace(STOP_MARK, "</mark>")
        # A marker cut off by the snippet's end must not leave an element open.
        if html.count("<mark>") != html.count("</mark>"):
            html = escape(text.replace(START_MARK, "").replace(STOP_MARK, ""))
        return mark_safe(html)  # noqa: S308 - escaped above


# A word of the index counts as what was meant from this likeness on (pg_trgm's similarity, 0 to 1):
# "kulturn" finds "kultur" (0.67), "kültürlr" finds "kültür" (0.6); "fest" does not become "test" (0.25).
SIMILARITY = 0.45
# Per word typed, at most this many words of the index are searched for besides it.
ALTERNATIVES = 3
# Only what a tsquery can carry as a plain term (suche.forms.WORD).
PLAIN_WORD = re.compile(r"^[^\W_]+$")


class SuchwortQuerySet(models.QuerySet):
    def similar_to(self, woerter: list[str]) -> dict[str, list[str]]:
        """{word typed: the words of the index most like it}, in one query (PostgreSQL's pg_trgm).

        Only for words the index does not have as they are: a word spelt right keeps the search narrow.
        """
        if connection.vendor != "postgresql" or not woerter:
            return {}
        with connection.cursor() as cursor:
            cursor.execute(
                """
                SELECT q.wort, s.wort
                FROM unnest(%s::text[]) AS q(wort)
                CROSS JOIN LATERAL (
                    SELECT wort FROM suche_suchwort
                    WHERE wort %% q.wort AND wort <> q.wort AND similarity(wort, q.wort) >= %s
                    ORDER BY similarity(wort, q.wort) DESC, wort
                    LIMIT %s
                ) AS s
                WHERE NOT EXISTS (SELECT 1 FROM suche_suchwort AS bekannt WHERE bekannt.wort = q.wort)
                """,
                [woerter, SIMILARITY, ALTERNATIVES],
            )
            aehnliche: dict[str, list[str]] = {}
            for wort, aehnlich in cursor.fetchall():
                if PLAIN_WORD.match(aehnlich):
                    aehnliche.setdefault(wort, []).append(aehnlich)
        return aehnliche


class Suchwort(models.Model):
    """A word of the index's titles and summaries, as written, to find what a misspelled word meant.

    Filled when entries are stored (suche.services); words of deleted entries stay until the next
    full rebuild, which is harmless: a word found here still has to match an entry.
    """

    wort = models.CharField(max_length=100, unique=True)

    objects = SuchwortQuerySet.as_manager()

    class Meta:
        verbose_name = _("Suchwort")
        verbose_name_plural = _("Suchwörter")
        ordering = ["wort"]
        # Its trigram index is PostgreSQL's own: migration 0004.

    def __str__(self):
        return self.wort
