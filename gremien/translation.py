from modeltranslation.translator import TranslationOptions, register

from gremien.models import Gremium, Person, Sitzung, Tagesordnungspunkt, Vorlage, Wahlperiode


@register(Gremium)
class GremiumTranslation(TranslationOptions):
    fields = ("name",)


@register(Wahlperiode)
class WahlperiodeTranslation(TranslationOptions):
    fields = ("name",)


@register(Person)
class PersonTranslation(TranslationOptions):
    fields = ("bild_alt",)


# A Sitzung's texts are its event's (titel, kurztext, beschreibung): registered with Veranstaltung.
@register(Sitzung)
class SitzungTranslation(TranslationOptions):
    fields = ()


@register(Vorlage)
class VorlageTranslation(TranslationOptions):
    fields = ("titel", "beschreibung")


@register(Tagesordnungspunkt)
class TagesordnungspunktTranslation(TranslationOptions):
    fields = ("titel", "ergebnis", "beschluss")
