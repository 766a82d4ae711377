from modeltranslation.translator import TranslationOptions, register

from seiten.models import Abschnitt, Barrierefreiheitserklaerung, Gebaerdensprachvideo, Seite


@register(Seite)
class SeiteTranslation(TranslationOptions):
    fields = ("titel", "einleitung")


@register(Abschnitt)
class AbschnittTranslation(TranslationOptions):
    fields = ("ueberschrift", "text")


@register(Barrierefreiheitserklaerung)
class BarrierefreiheitserklaerungTranslation(TranslationOptions):
    fields = ("nicht_barrierefrei", "kontakt", "ombudsstelle")


@register(Gebaerdensprachvideo)
class GebaerdensprachvideoTranslation(TranslationOptions):
    fields = ("titel", "kurztext")
