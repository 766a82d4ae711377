from modeltranslation.translator import TranslationOptions, register

from anfragen.models import Textbaustein, Themenbereich


@register(Themenbereich)
class ThemenbereichTranslation(TranslationOptions):
    fields = ("name",)


@register(Textbaustein)
class TextbausteinTranslation(TranslationOptions):
    # The title too: the seed data keeps the same keys in every language, and staff see what a text is for.
    fields = ("titel", "text")
