"""Writes to the search index: the entries of some objects (on save), or all of them (`rebuild_search_index`)."""

from collections.abc import Iterable

from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.contrib.postgres.search import SearchVector
from django.db import connection, transaction
from django.db.models import F
from django.utils import translation

from suche.models import Sucheintrag, Suchwort
from suche.sources import SOURCES, Quelle

# PostgreSQL's stemming configuration per site language; Ukrainian has none, so it is split into words only.
KONFIGURATION = {
    "de": "german",
    "en": "english",
    "tr": "turkish",
    "ar": "arabic",
    "ru": "russian",
    "uk": "simple",
}
# The ranking weights: title (A) above summary (B) above body (C).
VECTOR = (
    SearchVector("titel", weight="A", config=F("konfiguration"))
    + SearchVector("zusammenfassung", weight="B", config=F("konfiguration"))
    + SearchVector("text", weight="C", config=F("konfiguration"))
)
# Enough for every word of a long set of minutes; a tsvector holds at most 1 MB.
MAX_TEXT = 100_000
# The snippet markers (suche.query) must not come from the content.
MARKERS = str.maketrans("", "", "\x02\x03")
BATCH = 500


def _clean(value: str, limit: int) -> str:
    return (value or "").translate(MARKERS)[:limit]


def entries_of(quelle: Quelle, objects: Iterable) -> list[Sucheintrag]:
    content_type = ContentType.objects.get_for_model(quelle.model_class, for_concrete_model=False)
    entries = []
    for obj in objects:
        sichtbar_ab, sichtbar_bis = quelle.window(obj)
        for code, _name in settings.LANGUAGES:
            with translation.override(code):
                inhalt = quelle.read(obj)
            uebersetzt = quelle.translated(obj, code)
            titel = _clean(inhalt.titel, 1000)
            zusammenfassung = _clean(inhalt.zusammenfassung, 2000)
            entries.append(
                Sucheintrag(
                    content_type=content_type,
                    object_id=obj.pk,
                    typ=quelle.typ,
                    sprache=code,
                    uebersetzt=uebersetzt,
                    konfiguration=KONFIGURATION[code if uebersetzt else settings.LANGUAGE_CODE],
                    titel=titel,
                    zusammenfassung=zusammenfassung,
                    text=_clean(inhalt.text, MAX_TEXT),
                    kurz=f"{titel} {zusammenfassung[:300]}".lower(),
                    url=inhalt.url,
                    datum=inhalt.datum,
                    sichtbar_ab=sichtbar_ab,
                    sichtbar_bis=sichtbar_bis,
                )
            )
    return entries


def _store(entries: list[Sucheintrag]) -> None:
    # A search reads one language: its entries side by side on disk are fewer pages to read.
    entries.sort(key=lambda entry: entry.sprache)
    created = Sucheintrag.objects.bulk_create(entries, batch_size=BATCH)
    if connection.vendor == "postgresql" and created:
        pks = [entry.pk for entry in created]
        Sucheintrag.objects.filter(pk__in=pks).update(suchvektor=VECTOR)
        _learn_words(pks)


def _learn_words(pks: list[int]) -> None:
    """Add the words of these entries' titles and summaries to the vocabulary that typos are matched against.

    The words as written (lower case, `simple`), not the stems: a stemmer may cut "Kültürler" down to
    "kül", which no misspelling resembles; the word found is then stemmed like any typed one.
    """
    # ts_stat takes its query as text: made of integers from our own insert, nothing anyone typed.
    ids = ",".join(str(int(pk)) for pk in pks)
    inner = (
        "SELECT to_tsvector('simple', titel || ' ' || zusammenfassung) "  # noqa: S608
        f"FROM suche_sucheintrag WHERE id IN ({ids})"
    )
    with connection.cursor() as cursor:
        cursor.execute(
            "INSERT INTO suche_suchwort (wort) SELECT word FROM ts_stat(%s) "
            "WHERE length(word) BETWEEN 3 AND 100 ON CONFLICT (wort) DO NOTHING",
            [inner],
        )


@transaction.atomic
def index_update(*, typ: str, pks: list[int]) -> None:
    """Renew the entries of these objects: they go if the object is gone or no longer published."""
    if not pks:
        return
    quelle = SOURCES[typ]
    Sucheintrag.objects.of(quelle.model_class, pks).delete()
    _store(entries_of(quelle, quelle.queryset().filter(pk__in=pks)))


@transaction.atomic
def index_rebuild(*, typen: Iterable[str] | None = None) -> int:
    """Build the entries of every public object anew; returns how many entries there are now."""
    if typen is None:
        Suchwort.objects.all().delete()  # words of what is gone go too
    for typ in typen or SOURCES:
        quelle = SOURCES[typ]
        Sucheintrag.objects.filter(typ=typ).delete()
        pks = list(quelle.queryset().order_by("pk").values_list("pk", flat=True))
        for start in range(0, len(pks), BATCH):
            _store(entries_of(quelle, quelle.queryset().filter(pk__in=pks[start : start + BATCH])))
    return Sucheintrag.objects.count()
