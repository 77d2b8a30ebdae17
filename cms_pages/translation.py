"""Which text fields exist once per language (ky, ru); every other fact exists once."""

from modeltranslation.decorators import register
from modeltranslation.translator import TranslationOptions

from .models import (
    Event,
    EventIndexPage,
    HomePage,
    NewsIndexPage,
    NewsPage,
    SchoolPhone,
    SchoolProfile,
    SiteAlert,
)


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


@register(NewsIndexPage)
class NewsIndexPageTranslation(TranslationOptions):
    fields = ("introduction",)


@register(NewsPage)
class NewsPageTranslation(TranslationOptions):
    fields = ("intro", "body", "image_alt")


@register(EventIndexPage)
class EventIndexPageTranslation(TranslationOptions):
    fields = ("introduction",)


@register(Event)
class EventTranslation(TranslationOptions):
    fields = ("title", "description", "place")


@register(SiteAlert)
class SiteAlertTranslation(TranslationOptions):
    fields = ("message",)
    required_languages = {"ky": ("message",), "ru": ("message",)}
