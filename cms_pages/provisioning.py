"""Creating a school: its Site, home page and profile, in one transaction.

This is the single entry point used by the `create_school` and `load_demo` commands. Other apps
add their part of a new school by answering the `school_created` signal.
"""

import re
from dataclasses import dataclass

from django.db import transaction
from django.utils.translation import gettext as _
from wagtail.models import Page, Site

from .models import HomePage, SchoolProfile
from .sections import create_public_sections
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


def validate_new_school(hostname: str, port: int, names: SchoolNames) -> list[str]:
    """Every reason the school cannot be created, in the active language; empty when it can."""
    errors = []
    if not HOSTNAME_RE.match(hostname):
        errors.append(
            _("“%(hostname)s” is not a valid host name (letters, digits, dots and dashes).")
            % {"hostname": hostname}
        )
    elif Site.objects.filter(hostname=hostname, port=port).exists():
        errors.append(
            _("A school with the host name %(hostname)s:%(port)s already exists.")
            % {"hostname": hostname, "port": port}
        )
    if not 1 <= port <= 65535:
        errors.append(_("The port must be a number from 1 to 65535."))
    if not names.full_ky.strip():
        errors.append(_("The school's full name in Kyrgyz is required."))
    if not names.full_ru.strip():
        errors.append(_("The school's full name in Russian is required."))
    return errors


@transaction.atomic
def create_school(
    hostname: str, names: SchoolNames, port: int = 80, is_default_site: bool = False
) -> Site:
    hostname = hostname.strip().lower()
    errors = validate_new_school(hostname, port, names)
    if errors:
        raise SchoolCreationError(" ".join(errors))

    root = Page.get_first_root_node()
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
    create_public_sections(home)

    school_created.send(sender=SchoolProfile, site=site, home_page=home, profile=profile)
    return site


def unique_root_slug(root: Page, hostname: str) -> str:
    """A slug for the school's home page, unique among the schools (the root's children)."""
    base = re.sub(r"[^a-z0-9-]+", "-", hostname).strip("-") or "school"
    slug, number = base, 2
    while root.get_children().filter(slug=slug).exists():
        slug, number = f"{base}-{number}", number + 1
    return slug
