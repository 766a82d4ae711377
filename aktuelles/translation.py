from modeltranslation.translator import TranslationOptions, register

from aktuelles.models import Meldung


@register(Meldung)
class MeldungTranslation(TranslationOptions):
    fields = ("titel", "anreisser", "text", "bild_alt")
