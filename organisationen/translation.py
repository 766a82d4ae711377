from modeltranslation.translator import TranslationOptions, register

from organisationen.models import Angebot, Organisation, Sprache


@register(Sprache)
class SpracheTranslation(TranslationOptions):
    fields = ("name",)


@register(Angebot)
class AngebotTranslation(TranslationOptions):
    fields = ("name",)


# The name stays as the organisation writes it; what it does and when it meets is translated.
@register(Organisation)
class OrganisationTranslation(TranslationOptions):
    fields = ("kurzbeschreibung", "treffzeiten", "bild_alt")
