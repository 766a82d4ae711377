from modeltranslation.translator import TranslationOptions, register

from veranstaltungen.models import Ort, Veranstaltung


@register(Veranstaltung)
class VeranstaltungTranslation(TranslationOptions):
    fields = ("titel", "kurztext", "beschreibung", "bild_alt", "anmeldefrage")


@register(Ort)
class OrtTranslation(TranslationOptions):
    fields = ("name", "hinweise")
