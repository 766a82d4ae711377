from modeltranslation.translator import TranslationOptions, register

from seiten.models import Abschnitt, Seite


@register(Seite)
class SeiteTranslation(TranslationOptions):
    fields = ("titel", "einleitung")


@register(Abschnitt)
class AbschnittTranslation(TranslationOptions):
    fields = ("ueberschrift", "text")
