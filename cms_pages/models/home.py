from django.db import models
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from wagtail.admin.panels import FieldPanel, InlinePanel, PageChooserPanel
from wagtail.models import Orderable, Page

from ..profile_fields import SCHOOL_FIELDS
from ..request_tree import first_of_type, public_children, site_tree
from ..routing import TreeRoutedPage
from ..searchable import SearchablePage
from ..serialization import DisclosureFields, Nested
from ..slugs import LatinSlugPageForm
from ..visibility import public_pages
from .disclosure import DisclosureIndexPage
from .events import Event, EventIndexPage, listed_until_over, not_over
from .school import SchoolProfile


class HomePageForm(LatinSlugPageForm):
    """A quick link leads to a page of the school's own site, never to another school's."""

    def clean(self):
        cleaned_data = super().clean()
        home = self.instance
        formset = self.formsets["quick_links"]
        formset.is_valid()  # the child forms' own cleaning, which runs after this one
        for form in formset.forms:
            target = getattr(form, "cleaned_data", {}).get("link_page")
            if target is None or form.cleaned_data.get("DELETE") or not home.path:
                continue
            if not target.path.startswith(home.path) or target.pk == home.pk:
                form.add_error(
                    "link_page", _("Choose a page of this school's site, below its home page.")
                )
        return cleaned_data


class HomePage(SearchablePage, TreeRoutedPage, Page):
    """The root page of one school's site; its facts come from the school's profile."""

    introduction = models.TextField(_("introduction"), blank=True)

    content_panels = [
        *Page.content_panels,
        FieldPanel("introduction"),
        InlinePanel(
            "quick_links",
            label=_("Quick links"),
            heading=_("Quick links"),
            help_text=_(
                "The buttons under the school's photo: what parents look for most (admission, "
                "the menu, the teachers, contacts). Four to six work best on a phone."
            ),
            max_num=8,
        ),
    ]
    base_form_class = HomePageForm
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
        sections = public_children(request, self)
        context["disclosure_index"] = first_of_type(sections, DisclosureIndexPage)
        context["quick_links"] = self.public_quick_links(request)
        events_page = first_of_type(sections, EventIndexPage)
        context["events_page"] = events_page
        context["next_events"] = next_events(request, events_page)
        return context

    def public_quick_links(self, request) -> list[dict]:
        """The school's quick links whose page a visitor can open (live, public, on this site),
        in the school's order, each with its label in the page's language."""
        links = list(self.quick_links.all())
        wanted = {link.link_page_id for link in links} - {self.pk}
        tree = site_tree(request)
        found = {}
        if tree is not None and tree.get(self) is not None:
            found = {
                page.pk: page
                for page in tree.by_path.values()
                if page.pk in wanted and page.live and tree.is_public(page)
            }
        missing = wanted - set(found)
        if missing and self.path:
            # Pages the tree does not hold (news articles, or a preview outside the site).
            below = Page.objects.filter(pk__in=missing, path__startswith=self.path).live()
            found.update((page.pk, page) for page in public_pages(below))
        return [
            {"page": found[link.link_page_id], "link": link}
            for link in links
            if link.link_page_id in found
        ]

    def public_school(self) -> SchoolProfile | None:
        return SchoolProfile.objects.filter(site__root_page=self).first()

    @property
    def introduction_paragraphs(self) -> list[str]:
        return [part.strip() for part in self.introduction.split("\n\n") if part.strip()]


class HomeQuickLink(Orderable):
    """A button on the home page leading to one of the school's own pages."""

    home = ParentalKey(HomePage, on_delete=models.CASCADE, related_name="quick_links")
    link_page = models.ForeignKey(
        "wagtailcore.Page", verbose_name=_("page"), on_delete=models.CASCADE, related_name="+"
    )
    label = models.CharField(
        _("label"),
        max_length=40,
        blank=True,
        help_text=_("Shown on the button instead of the page's title; keep it short."),
    )

    panels = [PageChooserPanel("link_page"), FieldPanel("label")]

    class Meta(Orderable.Meta):
        verbose_name = _("quick link")
        verbose_name_plural = _("quick links")

    def __str__(self):
        return self.label or str(self.link_page)


def next_events(request, events_page, count: int = 3) -> list:
    """The next events of the school's events page (a plain page of the site tree), soonest
    first; the cached home page is rebuilt when the first of them is over."""
    if events_page is None:
        return []
    return listed_until_over(
        request, not_over(Event.objects.filter(page_id=events_page.pk))[:count]
    )
