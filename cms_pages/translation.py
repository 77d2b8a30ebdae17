"""Which text fields exist once per language (ky, ru); every other fact exists once."""

from modeltranslation.decorators import register
from modeltranslation.translator import TranslationOptions

from .models import HomePage, SchoolPhone, SchoolProfile


@register(SchoolProfile)
class SchoolProfileTranslation(TranslationOptions):
    fields = ("full_name", "short_name", "address", "working_hours")
    required_languages = {"ky": ("full_name",), "ru": ("full_name",)}


@register(SchoolPhone)
class SchoolPhoneTranslation(TranslationOptions):
    fields = ("label",)


@register(HomePage)
class HomePageTranslation(TranslationOptions):
    fields = ("introduction",)
