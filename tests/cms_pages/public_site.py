"""Helpers for tests of the public site: adding content the way an editor's publish would."""

import datetime

from django.utils import timezone

from cms_pages.models import SECTION_SLUGS, EventIndexPage, NewsIndexPage, NewsPage, SiteAlert

# One address of every public page type of the demo school, for the accessibility and HTML
# checkers; `{lang}` is each site language.
PAGE_TYPE_PATHS = [
    "/{lang}/",
    "/{lang}/news/",
    "/{lang}/news/page/2/",
    "/{lang}/news/school-year-begins/",
    "/{lang}/events/",
    "/{lang}/search/?q=мектеп",
    "/{lang}/site-map/",
    "/{lang}/no-such-page/",
    "/{lang}/sveden/",
    "/{lang}/contacts/",
    "/{lang}/parents/",
    "/{lang}/feedback/",
    "/{lang}/faq/",
    "/{lang}/privacy/",
    *(f"/{{lang}}/sveden/{slug}/" for slug in SECTION_SLUGS),
]


def news_index(site) -> NewsIndexPage:
    return NewsIndexPage.objects.child_of(site.root_page).get()


def events_page(site) -> EventIndexPage:
    return EventIndexPage.objects.child_of(site.root_page).get()


def publish_article(site, slug, title_ky, title_ru, date=None, body="<p>Текст</p>", image=None):
    article = NewsPage(
        slug=slug,
        title=title_ky,
        title_ky=title_ky,
        title_ru=title_ru,
        intro_ky=f"{title_ky}: кыскача",
        intro_ru=f"{title_ru}: кратко",
        body_ky=body,
        body_ru=body,
        date=date or datetime.date(2025, 11, 1),
        image=image,
    )
    news_index(site).add_child(instance=article)
    article.save_revision().publish()
    return article


def announce(site, message_ky, message_ru, severity="danger", hours=(-1, 2)):
    now = timezone.now()
    return SiteAlert.objects.create(
        site=site,
        severity=severity,
        message_ky=message_ky,
        message_ru=message_ru,
        starts_at=now + datetime.timedelta(hours=hours[0]),
        ends_at=now + datetime.timedelta(hours=hours[1]) if hours[1] is not None else None,
    )
