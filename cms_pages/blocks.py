"""The blocks a general content page is made of, and nothing else.

A school writes its history, a page for parents or a safety guide from a short, fixed list of
blocks: every one renders to accessible HTML with the site's own styles, and every text in them
is plain text or the limited rich text of news articles, so the automatic checks can read it
(moderation/content.py walks these blocks) and no script or layout trick reaches the public.
"""

from django.core.exceptions import ValidationError
from django.utils.text import capfirst
from django.utils.translation import gettext_lazy as _
from wagtail import blocks
from wagtail.contrib.typed_table_block.blocks import TypedTableBlock
from wagtail.documents.blocks import DocumentChooserBlock
from wagtail.images.blocks import ImageChooserBlock

from .phones import tel_uri
from .rich_text import clean_rich_text

# Headings come from the heading block, so the page keeps one outline the checker can read.
PARAGRAPH_FEATURES = ["bold", "italic", "ol", "ul", "link", "document-link"]
CALLOUT_FEATURES = ["bold", "italic", "link"]


class CleanRichTextBlock(blocks.RichTextBlock):
    """Rich text cleaned of anything outside the allowed markup whenever it is stored, whether
    it came from the editor, the API or a data file."""

    def get_prep_value(self, value):
        source = super().get_prep_value(value)
        return clean_rich_text(source) if isinstance(source, str) else source


class PhoneBlock(blocks.CharBlock):
    def __init__(self, **kwargs):
        super().__init__(max_length=32, **kwargs)

    def clean(self, value):
        from .models.school import phone_validator

        value = super().clean(value)
        if value:
            try:
                phone_validator(value)
            except ValidationError as error:
                raise ValidationError(error.messages) from error
        return value


class ImageBlock(blocks.StructBlock):
    image = ImageChooserBlock(label=_("image"))
    description = blocks.CharBlock(
        label=_("image description"),
        max_length=250,
        help_text=_("What the image shows, for visitors who cannot see it."),
    )
    caption = blocks.CharBlock(label=_("caption"), max_length=250, required=False)

    class Meta:
        icon = "image"
        label = capfirst(_("image"))
        template = "cms_pages/blocks/image.html"


class DocumentBlock(blocks.StructBlock):
    document = DocumentChooserBlock(label=_("document"))
    title = blocks.CharBlock(
        label=_("link text"),
        max_length=250,
        required=False,
        help_text=_("Leave empty to use the document's title."),
    )

    class Meta:
        icon = "doc-full"
        label = capfirst(_("document"))
        template = "cms_pages/blocks/document.html"


class TableBlock(TypedTableBlock):
    """A table of short texts with a caption and column headings; it scrolls on a phone."""

    text = blocks.CharBlock(label=_("text"), required=False, max_length=500)

    class Meta:
        icon = "table"
        label = capfirst(_("table"))
        template = "cms_pages/blocks/table.html"


class ContactCardBlock(blocks.StructBlock):
    role = blocks.CharBlock(
        label=_("office or role"),
        max_length=200,
        help_text=_("E.g. “Reception”, “School psychologist”."),
    )
    name = blocks.CharBlock(label=_("name"), max_length=200, required=False)
    phone = PhoneBlock(label=_("phone"), required=False)
    email = blocks.EmailBlock(label=_("e-mail"), required=False)

    class Meta:
        icon = "user"
        label = capfirst(_("contact card"))
        template = "cms_pages/blocks/contact_card.html"

    def get_context(self, value, parent_context=None):
        context = super().get_context(value, parent_context)
        context["tel_uri"] = tel_uri(value["phone"]) if value.get("phone") else ""
        return context


class CalloutBlock(blocks.StructBlock):
    title = blocks.CharBlock(label=_("title"), max_length=200, required=False)
    text = CleanRichTextBlock(label=_("text"), features=CALLOUT_FEATURES)

    class Meta:
        icon = "warning"
        label = capfirst(_("call-out"))
        template = "cms_pages/blocks/callout.html"


class GeneralBlocks(blocks.StreamBlock):
    heading = blocks.CharBlock(
        label=capfirst(_("heading")), max_length=200, form_classname="title", icon="title"
    )
    paragraph = CleanRichTextBlock(label=capfirst(_("paragraph")), features=PARAGRAPH_FEATURES)
    image = ImageBlock()
    document = DocumentBlock()
    table = TableBlock()
    contact = ContactCardBlock()
    callout = CalloutBlock()
