"""Loading the demo school from its data file, idempotently."""

import datetime
from decimal import Decimal
from pathlib import Path

import yaml
from django.db import transaction
from wagtail.models import Site

from .demo_disclosure import DISCLOSURE_FILE, load_disclosures
from .demo_news import demo_school_photo, fill_news_and_events, read_news_data
from .demo_pages import fill_general_pages, read_pages_data
from .models import SchoolBranch, SchoolPhone, SchoolProfile
from .provisioning import (
    SchoolNames,
    create_school,
    ensure_disclosure_section,
    ensure_school_collection,
)
from .sections import add_default_quick_links

DEMO_FILE = Path(__file__).resolve().parent / "data" / "demo_school.yaml"


def read_demo_data(path: Path = DEMO_FILE) -> dict:
    with path.open(encoding="utf-8") as handle:
        return yaml.safe_load(handle)


@transaction.atomic
def load_demo_school(data: dict) -> tuple[Site, bool]:
    """Create the demo school, or bring an existing one back to the data file's content.

    Returns the site and whether it was created.
    """
    site_data, profile_data = data["site"], data["profile"]
    site = Site.objects.filter(hostname=site_data["hostname"], port=site_data["port"]).first()
    created = site is None
    if created:
        names = profile_data["full_name"]
        site = create_school(
            site_data["hostname"],
            SchoolNames(full_ky=names["ky"], full_ru=names["ru"]),
            port=site_data["port"],
            is_default_site=site_data.get("default", False),
        )
    profile = SchoolProfile.for_site(site)
    fill_profile(profile, profile_data)
    fill_home_page(site.root_page.specific, data["home"])
    # A demo school made before the disclosure section existed gets it now.
    ensure_school_collection(profile)
    index = ensure_disclosure_section(site.root_page.specific)
    load_disclosures(index, profile.collection, read_demo_data(DISCLOSURE_FILE))
    fill_news_and_events(site.root_page.specific, read_news_data())
    fill_general_pages(site.root_page.specific, read_pages_data())
    # A demo school made before the home page had quick links gets the default ones.
    add_default_quick_links(site.root_page.specific)
    return site, created


def fill_profile(profile: SchoolProfile, data: dict) -> None:
    for field in ("full_name", "short_name", "address", "working_hours"):
        for lang in ("ky", "ru"):
            setattr(profile, f"{field}_{lang}", data[field][lang])
    founding = data["founding_date"]
    profile.founding_date = (
        founding
        if isinstance(founding, datetime.date)
        else datetime.date.fromisoformat(str(founding))
    )
    profile.email = data["email"]
    profile.latitude = Decimal(data["latitude"])
    profile.longitude = Decimal(data["longitude"])
    responsible = data["responsible"]
    for field in ("name", "position"):
        for lang in ("ky", "ru"):
            setattr(profile, f"responsible_{field}_{lang}", responsible[field][lang])
    profile.responsible_phone = responsible["phone"]
    profile.responsible_email = responsible["email"]
    profile.photo = demo_school_photo()
    profile.photo_alt_ky = data["photo_alt"]["ky"]
    profile.photo_alt_ru = data["photo_alt"]["ru"]
    profile.save()
    profile.phones.all().delete()
    for order, phone in enumerate(data["phones"]):
        SchoolPhone.objects.create(
            profile=profile,
            sort_order=order,
            number=phone["number"],
            label_ky=phone["label"]["ky"],
            label_ru=phone["label"]["ru"],
        )
    profile.branches.all().delete()
    for order, branch in enumerate(data.get("branches", [])):
        SchoolBranch.objects.create(
            profile=profile,
            sort_order=order,
            **{
                f"{field}_{lang}": branch[field][lang]
                for field in ("name", "address")
                for lang in ("ky", "ru")
            },
        )


def fill_home_page(home, data: dict) -> None:
    home.introduction_ky = data["introduction"]["ky"]
    home.introduction_ru = data["introduction"]["ru"]
    home.save_revision().publish()
