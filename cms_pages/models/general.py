"""Pages for anything else the school wants to say (its history, a page for parents, pupils'
work, a safety guide) and the Contacts page, which shows the school profile's facts.

Both are built from the restricted blocks of `cms_pages.blocks`, once per language
(`body_ky`, `body_ru`), and are checked like every page before they go live.
"""

from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.fields import StreamField
from wagtail.models import Page

from ..blocks import GeneralBlocks
from ..routing import TreeRoutedPage
from ..searchable import SearchablePage
from ..serialization import DisclosureFields
from .people_shown import PEOPLE_SHOWN_PANEL, ShowsPeople


def body_field(**kwargs) -> StreamField:
    return StreamField(GeneralBlocks(), verbose_name=_("content"), blank=True, **kwargs)


class GeneralPage(ShowsPeople, SearchablePage, TreeRoutedPage, Page):
    """A free page of headings, paragraphs, images, documents, tables, contacts and call-outs."""

    body = body_field()

    content_panels = [*Page.content_panels, FieldPanel("body"), PEOPLE_SHOWN_PANEL]
    search_texts = ("body",)
    disclosure_fields = DisclosureFields(texts=("title",), streams=("body",))
    api_fields = disclosure_fields.api_fields()
    parent_page_types = [
        "cms_pages.HomePage",
        "cms_pages.GeneralPage",
        "cms_pages.DisclosureIndexPage",
    ]
    subpage_types = ["cms_pages.GeneralPage"]

    class Meta:
        verbose_name = _("general page")
        verbose_name_plural = _("general pages")


class ContactsPage(SearchablePage, TreeRoutedPage, Page):
    """The school's address, map link, phones, e-mail, hours and branches, read from its
    profile so they are typed once; the blocks below add whatever else the school wants."""

    fixed_slug = "contacts"
    section_title = _("Contacts")
    body = body_field()

    content_panels = [*Page.content_panels, FieldPanel("body")]
    search_texts = ("body",)
    disclosure_fields = DisclosureFields(texts=("title",), streams=("body",))
    api_fields = disclosure_fields.api_fields()
    parent_page_types = ["cms_pages.HomePage"]
    subpage_types = []
    max_count_per_parent = 1

    class Meta:
        verbose_name = _("contacts page")
        verbose_name_plural = _("contacts pages")
