from django.db import models
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from inhalte.fields import FormatierterTextField
from inhalte.models import BildMixin, UebersetzbarMixin, Veroeffentlichbar, VeroeffentlichbarQuerySet


class MeldungQuerySet(VeroeffentlichbarQuerySet):
    def latest_first(self):
        """Newest news first; the pk breaks ties between items of the same day (stable pages)."""
        return self.order_by("-datum", "-pk")

    def about(self, thema):
        """News linked to the topic `thema`."""
        return self.filter(themen=thema)

    def at(self, year: int, slug: str):
        """The news item behind the URL /aktuelles/<year>/<slug>/."""
        return self.filter(datum__year=year, slug=slug).order_by("pk")

    def with_hidden_event(self):
        """News linked to an event the public cannot see (a draft, or one whose publishing has ended)."""
        from veranstaltungen.models import Veranstaltung

        return self.filter(veranstaltung__isnull=False).exclude(veranstaltung__in=Veranstaltung.objects.published())

    def for_cards(self):
        """The rows news cards are rendered from (`render_each` looks for this): nothing related is shown."""
        return self


class Meldung(UebersetzbarMixin, BildMixin, Veroeffentlichbar):
    """A news item of the council: what is new, with a date, a teaser and optionally an image."""

    titel = models.CharField(_("Titel"), max_length=150)
    slug = models.SlugField(
        _("Adresse (Kurzname)"),
        max_length=150,
        unique_for_year="datum",
        help_text=_("Teil der Internetadresse; wird aus dem Titel vorgeschlagen. Pro Jahr nur einmal vergeben."),
    )
    datum = models.DateField(
        _("Datum"),
        default=timezone.localdate,
        help_text=_("Das Datum der Meldung: wird angezeigt, bestimmt die Reihenfolge und die Internetadresse."),
    )
    anreisser = models.CharField(
        _("Anreißer"),
        max_length=300,
        help_text=_("Ein bis zwei Sätze: worum es geht. Erscheint in Listen, Feeds und Suchmaschinen."),
    )
    text = FormatierterTextField(
        _("Text"),
        blank=True,
        ueberschriften=(2, 3),
        help_text=_("Optional. Mit Zwischenüberschriften, Listen und Links."),
    )
    themen = models.ManyToManyField(
        "themen.Thema",
        blank=True,
        verbose_name=_("Themen"),
        related_name="meldungen",
        help_text=_("Die Meldung erscheint auch auf den Seiten dieser Themen."),
    )
    veranstaltung = models.ForeignKey(
        "veranstaltungen.Veranstaltung",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        verbose_name=_("Veranstaltung"),
        related_name="meldungen",
        help_text=_("Optional: der Termin, um den es in der Meldung geht."),
    )

    objects = MeldungQuerySet.as_manager()

    class Meta:
        verbose_name = _("Meldung")
        verbose_name_plural = _("Meldungen")
        ordering = ["-datum", "-pk"]
        indexes = [models.Index(fields=["veroeffentlicht", "datum"], name="meldung_pub_datum")]

    def __str__(self):
        return f"{self.titel} ({self.datum:%d.%m.%Y})"

    def get_absolute_url(self):
        return reverse("aktuelles:detail", kwargs={"jahr": self.datum.year, "slug": self.slug})
