from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.models import Page

from ..searchable import SearchablePage
from ..visibility import public_pages
from .disclosure import DisclosureIndexPage


class HomePage(SearchablePage, Page):
    """The root page of one school's site; its facts come from the school's profile."""

    introduction = models.TextField(_("introduction"), blank=True)

    content_panels = [*Page.content_panels, FieldPanel("introduction")]
    search_texts = ("introduction",)

    parent_page_types = ["wagtailcore.Page"]
    max_count_per_parent = 1

    class Meta:
        verbose_name = _("home page")
        verbose_name_plural = _("home pages")

    @property
    def disclosure_index(self):
        """The school's published disclosure section, linked from the home page."""
        return public_pages(DisclosureIndexPage.objects.child_of(self)).first()

    @property
    def introduction_paragraphs(self) -> list[str]:
        return [part.strip() for part in self.introduction.split("\n\n") if part.strip()]
