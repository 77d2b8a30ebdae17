from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.models import Page

from ..profile_fields import SCHOOL_FIELDS
from ..request_tree import first_of_type, public_children
from ..routing import TreeRoutedPage
from ..searchable import SearchablePage
from ..serialization import DisclosureFields, Nested
from .disclosure import DisclosureIndexPage
from .school import SchoolProfile


class HomePage(SearchablePage, TreeRoutedPage, Page):
    """The root page of one school's site; its facts come from the school's profile."""

    introduction = models.TextField(_("introduction"), blank=True)

    content_panels = [*Page.content_panels, FieldPanel("introduction")]
    search_texts = ("introduction",)

    parent_page_types = ["wagtailcore.Page"]
    max_count_per_parent = 1
    # What a headless client needs to render the home page: its texts and the school's facts.
    disclosure_fields = DisclosureFields(
        texts=("title", "introduction"),
        nested={"school": Nested("public_school", SCHOOL_FIELDS, many=False)},
    )
    api_fields = disclosure_fields.api_fields()

    class Meta:
        verbose_name = _("home page")
        verbose_name_plural = _("home pages")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        # The school's published disclosure section, linked from the home page.
        context["disclosure_index"] = first_of_type(
            public_children(request, self), DisclosureIndexPage
        )
        return context

    def public_school(self) -> SchoolProfile | None:
        return SchoolProfile.objects.filter(site__root_page=self).first()

    @property
    def introduction_paragraphs(self) -> list[str]:
        return [part.strip() for part in self.introduction.split("\n\n") if part.strip()]
