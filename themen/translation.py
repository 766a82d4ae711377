from modeltranslation.translator import TranslationOptions, register

from themen.models import Jahresrueckblick, Thema


@register(Thema)
class ThemaTranslation(TranslationOptions):
    fields = ("titel", "kurztext", "punkte", "beschreibung", "bild_alt")


@register(Jahresrueckblick)
class JahresrueckblickTranslation(TranslationOptions):
    fields = ("titel", "einleitung")
