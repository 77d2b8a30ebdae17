"""What makes stored pages stale, and whose: every change a public page can show replaces the
generation of the school it belongs to (or of every school, when it cannot be told)."""

from django.core.exceptions import ObjectDoesNotExist
from django.db.models.signals import post_delete, post_save
from modelcluster.fields import ParentalKey
from wagtail.documents import get_document_model
from wagtail.images import get_image_model
from wagtail.models import (
    CollectionViewRestriction,
    Locale,
    Page,
    PageViewRestriction,
    Site,
)
from wagtail.signals import page_unpublished, post_page_move

from . import frontend
from .profiles import profile_generation
from .sites import SITES
from .store import invalidate

# Saves that only record an editor's work in progress: a draft, a lock, a workflow step.
BOOKKEEPING = frozenset(
    {
        "latest_revision",
        "latest_revision_created_at",
        "draft_title",
        "has_unpublished_changes",
        "locked",
        "locked_at",
        "locked_by",
    }
)
# Rows of this app that no public page shows.
PRIVATE_MODELS = frozenset({"visitormessage", "pageviewday", "schoolvisitorsday", "emptysearchday"})


def schools_of_paths(*url_paths) -> set[int] | None:
    """The schools whose pages live at these tree paths; None (every school) for a path above
    a school's home page, such as the root."""
    sites = set()
    for root in Site.get_site_root_paths():
        for path in url_paths:
            if path.startswith(root.root_path):
                sites.add(root.site_id)
            elif root.root_path.startswith(path):
                return None
    return sites


def school_homes_among(*url_paths) -> tuple[str, ...]:
    """The "sites" generation when one of these paths is a school's home page, which every
    remembered Site carries (sites.py)."""
    homes = {root.root_path for root in Site.get_site_root_paths()}
    return (SITES,) if homes.intersection(url_paths) else ()


def stale(site_ids, names=()) -> None:
    invalidate(site_ids, names)
    frontend.purge(site_ids)


def page_changed(instance, **kwargs) -> None:
    stale(schools_of_paths(instance.url_path), school_homes_among(instance.url_path))


def page_saved(page, created=False, update_fields=None, **kwargs) -> None:
    if created and not page.live:
        return  # a new draft shows nowhere yet
    if update_fields is not None and set(update_fields) <= BOOKKEEPING:
        return
    page_changed(page)


def page_moved(instance, url_path_before, url_path_after, **kwargs) -> None:
    paths = (url_path_before, url_path_after)
    stale(schools_of_paths(*paths), school_homes_among(*paths))


def media_site_ids(item) -> set[int] | None:
    from accounts.private_documents import owning_site

    site = owning_site(item.collection) if item.collection_id else None
    return {site.pk} if site else None


def media_changed(instance, update_fields=None, **kwargs) -> None:
    # Wagtail fills in a file's size or hash the first time it is asked for them.
    if update_fields is not None and set(update_fields) <= {"file_size", "file_hash"}:
        return
    try:
        site_ids = media_site_ids(instance)
    except ObjectDoesNotExist:  # its collection is being deleted with it
        site_ids = None
    # The profile remembers its logo and photo (profiles.py); with no school known, the
    # generation of every school is replaced anyway.
    stale(site_ids, tuple(profile_generation(site_id) for site_id in site_ids or ()))


def school_record_changed(instance, update_fields=None, **kwargs) -> None:
    """A row of the school pages app that is not a page: a profile, an announcement, a published
    question ... Rows held by a page or a profile (ParentalKey) change with their holder."""
    meta = instance._meta
    if meta.model_name in PRIVATE_MODELS or issubclass(meta.model, Page):
        return
    if any(isinstance(field, ParentalKey) for field in meta.concrete_fields):
        return
    if update_fields is not None and set(update_fields) <= BOOKKEEPING:
        return
    site_id = getattr(instance, "site_id", None)
    # A profile is remembered apart from the school's pages (profiles.py).
    names = (profile_generation(site_id),) if site_id and meta.model_name == "schoolprofile" else ()
    stale({site_id} if site_id else None, names)


def restriction_changed(instance, **kwargs) -> None:
    try:
        site_ids = schools_of_paths(instance.page.url_path)
    except ObjectDoesNotExist:  # deleted with its page, which said so itself
        return
    stale(site_ids)


def everything_changed(**kwargs) -> None:
    stale(None, (SITES,))


def connect() -> None:
    post_save.connect(_any_save, dispatch_uid="page_cache_save")
    post_delete.connect(_any_delete, dispatch_uid="page_cache_delete")
    page_unpublished.connect(page_changed, dispatch_uid="page_cache_unpublished")
    post_page_move.connect(page_moved, dispatch_uid="page_cache_moved")


def _route(sender, instance, deleted: bool, **kwargs) -> None:
    if isinstance(instance, Page):
        if deleted:
            page_changed(instance)
        else:
            page_saved(instance, **kwargs)
    elif sender in (get_image_model(), get_document_model()):
        media_changed(instance, **kwargs)
    elif sender is PageViewRestriction:
        restriction_changed(instance)
    elif sender in (Site, Locale, CollectionViewRestriction):
        everything_changed()
    elif sender._meta.app_label == "cms_pages":
        school_record_changed(instance, **kwargs)


def _any_save(sender, instance, raw=False, **kwargs) -> None:
    _route(sender, instance, deleted=False, **kwargs)


def _any_delete(sender, instance, **kwargs) -> None:
    _route(sender, instance, deleted=True, **kwargs)
