from modeltranslation.translator import TranslationOptions, register

from anfragen.models import Themenbereich


@register(Themenbereich)
class ThemenbereichTranslation(TranslationOptions):
    fields = ("name",)
