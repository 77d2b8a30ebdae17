"""Wagtail's own admin screens limited to the user's schools (issue 10, finding 4).

Wagtail restricts the explorer by page permissions and documents and images by collection
permissions, but several of its screens list "every page", "every user", "every workflow" or
"every tag": filter choices, choosers, confirmation pages, the admin API's documents and images.
Here each is limited to what the user's schools hold. A platform administrator (a superuser) is
never limited. Hooks and the page viewset are registered from here (imported by wagtail_hooks);
screens Wagtail offers no hook for are replaced at their own URLs in `admin_urls`.

A school is a Site; the user's schools are those where they hold a role (`memberships`), and a
school's pages are its home page and everything beneath it.
"""

from __future__ import annotations

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import PermissionDenied
from django.db.models import Count, Q, QuerySet
from taggit.models import Tag
from wagtail import hooks
from wagtail.admin.filters import WagtailFilterSet
from wagtail.admin.views.page_privacy import SetPrivacyView
from wagtail.admin.views.pages.listing import GenericPageFilterSet
from wagtail.admin.views.pages.workflow import ConfirmWorkflowCancellationView
from wagtail.admin.viewsets.pages import PageViewSet
from wagtail.documents import get_document_model
from wagtail.documents.api.admin.views import DocumentsAdminAPIViewSet
from wagtail.images import get_image_model
from wagtail.images.api.admin.views import ImagesAdminAPIViewSet
from wagtail.models import Page, PageLogEntry, Site
from wagtail.permissions import policy_registry

from .scope import memberships, site_of_page

# What lets a person see a document or an image at all: any of these in its collection.
MEDIA_ACTIONS = ["add", "change", "delete", "choose"]


# Whose, and which --------------------------------------------------------------------------


def schools_of(user) -> list[Site] | None:
    """The schools whose admin data `user` may see; None for a platform administrator (all)."""
    if user.is_superuser:
        return None
    if not (user.is_authenticated and user.is_active):
        return []
    sites = {record.site for record in memberships(user).select_related("site__root_page")}
    return sorted(sites, key=lambda site: site.hostname)


def page_scope(user) -> Q | None:
    """A filter for the pages of the user's schools; None when nothing is to be filtered."""
    sites = schools_of(user)
    if sites is None:
        return None
    scope = Q(pk__in=[])
    for site in sites:
        scope |= Q(path__startswith=site.root_page.path)
    return scope


def school_pages(user) -> QuerySet[Page]:
    scope = page_scope(user)
    return Page.objects.all() if scope is None else Page.objects.filter(scope)


def leads_to_school(user, page: Page) -> bool:
    """The page is the user's school's, or above it (the tree's root, seen from a chooser)."""
    sites = schools_of(user)
    return sites is None or any(
        page.path.startswith(site.root_page.path) or site.root_page.path.startswith(page.path)
        for site in sites
    )


def visible_media(model, user) -> QuerySet:
    """The documents (or images) `user` may see: those in collections where they have any
    permission; every one for a platform administrator."""
    policy = policy_registry.get_by_type(model)
    if user.is_superuser:
        return model.objects.all()
    return policy.instances_user_has_any_permission_for(user, MEDIA_ACTIONS)


def school_tags(user) -> QuerySet[Tag]:
    """Tags used on the documents and images the user may see."""
    tags = Tag.objects.all()
    if user.is_superuser:
        return tags
    used = Q(pk__in=[])
    for model in (get_document_model(), get_image_model()):
        used |= Q(
            taggit_taggeditem_items__content_type=ContentType.objects.get_for_model(model),
            taggit_taggeditem_items__object_id__in=visible_media(model, user).values("pk"),
        )
    return tags.filter(used).distinct()


def popular_school_tags(model, user, count: int = 10) -> QuerySet[Tag]:
    """Wagtail's `popular_tags_for_model`, counting only what the user may see."""
    return (
        Tag.objects.filter(
            taggit_taggeditem_items__content_type=ContentType.objects.get_for_model(model),
            taggit_taggeditem_items__object_id__in=visible_media(model, user).values("pk"),
        )
        .annotate(item_count=Count("taggit_taggeditem_items"))
        .order_by("-item_count")[:count]
    )


def limit_choices(filterset: WagtailFilterSet, name: str, queryset: QuerySet) -> None:
    """Offer only `queryset` in a model-choice filter (django-filter re-reads `.queryset`)."""
    if name in filterset.filters:
        filterset.filters[name].queryset = queryset
        filterset.filters[name].extra["queryset"] = queryset


def users(ids_queryset) -> QuerySet:
    model = get_user_model()
    return model.objects.filter(pk__in=ids_queryset).order_by(model.USERNAME_FIELD)


# Pages: Wagtail's page viewset with the school's choices ------------------------------------


class SchoolPageFilterSetMixin:
    """The page listing's filters (explorer, pages of a type, forms) offer only the owners,
    editors and sites of the user's schools, not everyone's."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        sites = schools_of(self.request.user)
        if sites is None:
            return
        pages = school_pages(self.request.user)
        limit_choices(self, "owner", users(pages.values("owner")))
        edits = PageLogEntry.objects.filter(action="wagtail.edit", page__in=pages)
        limit_choices(self, "edited_by", users(edits.values("user")))
        limit_choices(self, "site", Site.objects.filter(pk__in=[site.pk for site in sites]))


class SchoolGenericPageFilterSet(SchoolPageFilterSetMixin, GenericPageFilterSet):
    pass


class SchoolConfirmWorkflowCancellationView(ConfirmWorkflowCancellationView):
    """Wagtail shows any page's workflow and current task here; only its editors may see it."""

    def dispatch(self, request, *args, **kwargs):
        if not self.object.permissions_for_user(request.user).can_edit():
            raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)


class SchoolSetPrivacyView(SetPrivacyView):
    """A page may be restricted to the groups of its own school, not to any group there is."""

    def get_form(self, form_class=None):
        form = super().get_form(form_class)
        if not self.request.user.is_superuser:
            site = site_of_page(self.page)
            groups = Group.objects.filter(school_role__site=site) if site else Group.objects.none()
            if self.restriction is not None:
                groups = groups | self.restriction.groups.all()
            form.fields["groups"].queryset = groups.distinct().order_by("name")
        return form


class SchoolPageViewSet(PageViewSet):
    """Wagtail's views for every page type, with the leaks above closed; registered for the base
    Page model, so it replaces Wagtail's default for all page types without a viewset of their
    own (the project has none)."""

    # The explorer's and the pages-of-a-type listing's filters (Wagtail's default for Page).
    filterset_class = SchoolGenericPageFilterSet
    confirm_workflow_cancellation_view_class = SchoolConfirmWorkflowCancellationView
    set_privacy_view_class = SchoolSetPrivacyView


@hooks.register("register_admin_viewset")
def register_school_page_viewset():
    return SchoolPageViewSet()


@hooks.register("construct_page_chooser_queryset")
def choose_only_school_pages(pages, request):
    scope = page_scope(request.user)
    return pages if scope is None else pages.filter(scope)


@hooks.register("before_move_page")
def refuse_to_show_a_move_one_may_not_make(request, page, destination):
    # Wagtail's confirmation page names both pages before any permission check.
    if not page.permissions_for_user(request.user).can_move_to(destination):
        raise PermissionDenied


# The admin API's documents and images --------------------------------------------------------


class SchoolDocumentsAdminAPIViewSet(DocumentsAdminAPIViewSet):
    def get_queryset(self):
        visible = visible_media(self.model, self.request.user)
        return super().get_queryset().filter(pk__in=visible.values("pk"))


class SchoolImagesAdminAPIViewSet(ImagesAdminAPIViewSet):
    def get_queryset(self):
        visible = visible_media(self.model, self.request.user)
        return super().get_queryset().filter(pk__in=visible.values("pk"))


# After Wagtail's own registrations of these endpoints (order 0), which these replace.
@hooks.register("construct_admin_api", order=1)
def school_media_in_admin_api(router):
    router.register_endpoint("documents", SchoolDocumentsAdminAPIViewSet)
    router.register_endpoint("images", SchoolImagesAdminAPIViewSet)
