"""Creating a school: its Site, home page, profile, document collection and the disclosure
section with its twelve subsection pages, in one transaction.

This is the single entry point used by the `create_school` and `load_demo` commands. Other apps
add their part of a new school by answering the `school_created` signal.
"""

import re
from dataclasses import dataclass, fields, replace

from django.conf import settings
from django.db import transaction
from django.utils import translation
from django.utils.text import capfirst
from django.utils.translation import gettext as _
from wagtail.coreutils import get_supported_content_language_variant
from wagtail.models import Collection, CollectionViewRestriction, Locale, Page, Site

from .control_characters import strip_control_characters
from .indexing import indexing_once
from .models import (
    SECTION_PAGE_TYPES,
    DisclosureIndexPage,
    HomePage,
    SchoolProfile,
)
from .sections import add_default_quick_links, create_public_sections
from .signals import school_created

HOSTNAME_RE = re.compile(
    r"^(?=.{1,253}$)([a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?)(\.[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?)*$"
)


class SchoolCreationError(ValueError):
    """A school could not be created; the message says why, and nothing was changed."""


@dataclass
class SchoolNames:
    full_ky: str
    full_ru: str
    short_ky: str = ""
    short_ru: str = ""

    def cleaned(self) -> "SchoolNames":
        """The names as they will be stored: one line each, trimmed, no control characters."""
        values = {name.name: getattr(self, name.name) for name in fields(self)}
        return replace(
            self,
            **{
                name: strip_control_characters(value, multiline=False).strip()
                for name, value in values.items()
            },
        )


def name_limits() -> dict[str, int]:
    """The longest each name may be: the shortest of the fields it is stored in."""

    def limit(*model_fields):
        return min(model._meta.get_field(name).max_length for model, name in model_fields)

    full = limit((Page, "title"), (SchoolProfile, "full_name"))
    site_name = limit((Site, "site_name"), (Collection, "name"))
    short = limit((SchoolProfile, "short_name"))
    return {
        "full_ky": full,
        "full_ru": min(full, site_name),
        "short_ky": short,
        "short_ru": min(short, site_name),
    }


def validate_new_school(hostname: str, port: int, names: SchoolNames) -> list[str]:
    """Every reason the school cannot be created, in the active language; empty when it can."""
    errors = []
    port_is_valid = 1 <= port <= 65535
    if not HOSTNAME_RE.match(hostname):
        errors.append(
            _("“%(hostname)s” is not a valid host name (letters, digits, dots and dashes).")
            % {"hostname": strip_control_characters(hostname, multiline=False)}
        )
    elif port_is_valid and Site.objects.filter(hostname=hostname, port=port).exists():
        errors.append(
            _("A school with the host name %(hostname)s:%(port)s already exists.")
            % {"hostname": hostname, "port": port}
        )
    if not port_is_valid:
        errors.append(_("The port must be a number from 1 to 65535."))
    names = names.cleaned()
    if not names.full_ky:
        errors.append(_("The school's full name in Kyrgyz is required."))
    if not names.full_ru:
        errors.append(_("The school's full name in Russian is required."))
    too_long = {
        "full_ky": _(
            "The school's full name in Kyrgyz can be at most %(limit)s characters long "
            "(it has %(length)s)."
        ),
        "full_ru": _(
            "The school's full name in Russian can be at most %(limit)s characters long "
            "(it has %(length)s)."
        ),
        "short_ky": _(
            "The school's short name in Kyrgyz can be at most %(limit)s characters long "
            "(it has %(length)s)."
        ),
        "short_ru": _(
            "The school's short name in Russian can be at most %(limit)s characters long "
            "(it has %(length)s)."
        ),
    }
    for name, limit in name_limits().items():
        length = len(getattr(names, name))
        if length > limit:
            errors.append(too_long[name] % {"limit": limit, "length": length})
    return errors


@transaction.atomic
def create_school(
    hostname: str, names: SchoolNames, port: int = 80, is_default_site: bool = False
) -> Site:
    hostname = hostname.strip().lower()
    errors = validate_new_school(hostname, port, names)
    if errors:
        raise SchoolCreationError(" ".join(errors))
    # Each new page is saved three times and published: indexed for the search once, at the end.
    with indexing_once():
        return assemble_school(hostname, names.cleaned(), port, is_default_site)


def assemble_school(hostname: str, names: SchoolNames, port: int, is_default_site: bool) -> Site:
    root = page_tree_root()
    home = HomePage(
        title=names.full_ky.strip(),
        title_ky=names.full_ky.strip(),
        title_ru=names.full_ru.strip(),
        slug=unique_root_slug(root, hostname),
    )
    root.add_child(instance=home)
    home.save_revision().publish()

    if is_default_site:
        Site.objects.filter(is_default_site=True).update(is_default_site=False)
    site = Site.objects.create(
        hostname=hostname,
        port=port,
        root_page=home,
        site_name=names.short_ru.strip() or names.full_ru.strip(),
        is_default_site=is_default_site,
    )
    profile = SchoolProfile.for_site(site)
    profile.full_name_ky = names.full_ky.strip()
    profile.full_name_ru = names.full_ru.strip()
    profile.short_name_ky = names.short_ky.strip()
    profile.short_name_ru = names.short_ru.strip()
    profile.save()
    ensure_school_collection(profile)
    ensure_disclosure_section(home)
    create_public_sections(home)
    add_default_quick_links(home)

    school_created.send(sender=SchoolProfile, site=site, home_page=home, profile=profile)
    return site


def page_tree_root() -> Page:
    """The root of the page tree, recreated (with the default locale) if the database was
    emptied, e.g. by `flush`; Wagtail's migrations create it once, on a fresh database."""
    root = Page.get_first_root_node()
    if root is None:
        locale, _created = Locale.objects.get_or_create(
            language_code=get_supported_content_language_variant(settings.LANGUAGE_CODE)
        )
        root = Page.add_root(instance=Page(title="Root", slug="root", locale=locale))
    return root


def collection_root() -> Collection:
    return Collection.get_first_root_node() or Collection.add_root(name="Root")


def unique_root_slug(root: Page, hostname: str) -> str:
    """A slug for the school's home page, unique among the schools (the root's children)."""
    base = re.sub(r"[^a-z0-9-]+", "-", hostname).strip("-") or "school"
    slug, number = base, 2
    while root.get_children().filter(slug=slug).exists():
        slug, number = f"{base}-{number}", number + 1
    return slug


def ensure_school_collection(profile: SchoolProfile) -> Collection:
    """The school's collection for its documents and images, with a private child collection
    for signed consents, which are personal data and never served to the public."""
    if profile.collection is None:
        profile.collection = collection_root().add_child(name=profile.site.site_name)
        profile.save(update_fields=["collection"])
    consent_collection_for(profile)
    return profile.collection


def consent_collection_for(profile: SchoolProfile) -> Collection:
    with translation.override(settings.LANGUAGE_CODE):
        name = _("Consent records")
    collection = profile.collection.get_children().filter(name=name).first()
    if collection is None:
        collection = profile.collection.add_child(name=name)
        CollectionViewRestriction.objects.create(
            collection=collection, restriction_type=CollectionViewRestriction.LOGIN
        )
    return collection


def ensure_disclosure_section(home: HomePage) -> DisclosureIndexPage:
    """The section index and every subsection page the school lacks, published and empty."""
    index = DisclosureIndexPage.objects.child_of(home).first()
    if index is None:
        index = DisclosureIndexPage(show_in_menus=True, **bilingual_titles(DisclosureIndexPage))
        home.add_child(instance=index)
        index.save_revision().publish()
    existing = set(Page.objects.child_of(index).values_list("slug", flat=True))
    for page_type in SECTION_PAGE_TYPES:
        if page_type.fixed_slug not in existing:
            page = page_type(**bilingual_titles(page_type))
            index.add_child(instance=page)
            page.save_revision().publish()
    return index


def bilingual_titles(page_type) -> dict:
    """The page's slug and its title in each site language, from the interface catalogues."""
    title = getattr(page_type, "section_title", page_type._meta.verbose_name)
    titles = {}
    for code, _name in settings.LANGUAGES:
        with translation.override(code):
            titles[f"title_{code}"] = capfirst(str(title))
    default_title = titles[f"title_{settings.LANGUAGE_CODE}"]
    return {"slug": page_type.fixed_slug, "title": default_title, **titles}
