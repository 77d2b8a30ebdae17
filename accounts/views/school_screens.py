"""Wagtail admin screens that Wagtail offers no hook for, limited to the user's schools.

`accounts.admin_urls` puts each at Wagtail's own URL, ahead of Wagtail's. Reports and listings
are Wagtail's view classes with their filters' choices (users, sites, workflows, tasks, tags)
drawn from the user's schools; choosers and bulk actions are Wagtail's views, given only the ids
of the user's schools' objects; screens that cannot be scoped are closed to school roles. A
platform administrator (a superuser) sees every screen as Wagtail made it.
"""

import re

from django.apps import apps
from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import PermissionDenied
from django.db.models import CharField, Count, F, OuterRef, Q, Subquery
from django.db.models.functions import Cast
from django.http import Http404, JsonResponse
from django.urls import URLResolver, reverse
from django.urls.resolvers import RegexPattern
from wagtail.admin.views import chooser, tags, workflows
from wagtail.admin.views.bulk_action import index as wagtail_bulk_actions
from wagtail.admin.views.bulk_action.registry import bulk_action_registry
from wagtail.admin.views.reports.audit_logging import (
    LogEntriesView,
    SiteHistoryReportFilterSet,
    get_users_for_filter,
)
from wagtail.admin.views.reports.locked_pages import LockedPagesReportFilterSet, LockedPagesView
from wagtail.admin.views.reports.page_types_usage import (
    PageTypesUsageReportFilterSet,
    PageTypesUsageReportView,
)
from wagtail.admin.views.reports.workflows import (
    WorkflowReportFilterSet,
    WorkflowTasksReportFilterSet,
    WorkflowTasksView,
    WorkflowView,
)
from wagtail.contrib.forms.views import FormPageFilterSet, FormPagesListView
from wagtail.documents.views.documents import DocumentsFilterSet
from wagtail.documents.views.documents import IndexView as DocumentsIndexView
from wagtail.images import get_image_model
from wagtail.images.views.chooser import ImageChooserViewSet, ImageChooseView
from wagtail.images.views.images import ImagesFilterSet
from wagtail.images.views.images import IndexView as ImagesIndexView
from wagtail.models import (
    Page,
    Task,
    Workflow,
    WorkflowState,
    get_default_page_content_type,
)
from wagtail.permissions import policy_registry

from ..admin_scope import (
    SchoolPageFilterSetMixin,
    leads_to_school,
    limit_choices,
    popular_school_tags,
    school_pages,
    school_tags,
    schools_of,
    users,
    visible_media,
)
from ..school_records import SchoolRecordPolicy

# Reports -------------------------------------------------------------------------------------


class SchoolSiteHistoryFilterSet(SiteHistoryReportFilterSet):
    # Wagtail defines this function for the report but its filter lists every user who ever
    # did anything; this offers those whose entries the user may see.
    def get_users_queryset(self):
        return get_users_for_filter(self.request.user)


class SchoolLogEntriesView(LogEntriesView):
    filterset_class = SchoolSiteHistoryFilterSet


def school_workflow_states(user):
    return WorkflowState.objects.filter(
        base_content_type_id=get_default_page_content_type().id,
        object_id__in=school_pages(user).values_list(Cast("id", CharField()), flat=True),
    )


def school_workflows(user):
    pages = school_pages(user)
    return (
        Workflow.objects.filter(
            Q(workflow_states__in=school_workflow_states(user)) | Q(workflow_pages__page__in=pages)
        )
        .distinct()
        .order_by("name")
    )


class SchoolWorkflowFiltersMixin:
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        user = self.request.user
        if user.is_superuser:
            return
        workflows = school_workflows(user)
        limit_choices(self, "workflow", workflows)
        limit_choices(
            self,
            "task",
            Task.objects.filter(workflow_tasks__workflow__in=workflows).distinct().order_by("name"),
        )
        requesters = school_workflow_states(user).values("requested_by")
        limit_choices(self, "requested_by", users(requesters))


class SchoolWorkflowReportFilterSet(SchoolWorkflowFiltersMixin, WorkflowReportFilterSet):
    pass


class SchoolWorkflowTasksReportFilterSet(SchoolWorkflowFiltersMixin, WorkflowTasksReportFilterSet):
    pass


class SchoolWorkflowView(WorkflowView):
    filterset_class = SchoolWorkflowReportFilterSet


class SchoolWorkflowTasksView(WorkflowTasksView):
    filterset_class = SchoolWorkflowTasksReportFilterSet


class SchoolLockedPagesFilterSet(LockedPagesReportFilterSet):
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if not self.request.user.is_superuser:
            locked = school_pages(self.request.user).filter(locked=True)
            limit_choices(self, "locked_by", users(locked.values("locked_by")))


class SchoolLockedPagesView(LockedPagesView):
    filterset_class = SchoolLockedPagesFilterSet


class SchoolPageTypesUsageFilterSet(PageTypesUsageReportFilterSet):
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        sites = schools_of(self.request.user)
        if sites is None or "site" not in self.filters:
            return
        if len(sites) < 2:
            del self.filters["site"]
            self.sites_filter_enabled = False
        else:
            self.filters["site"].extra["choices"] = [
                (site.root_page.path, str(site)) for site in sites
            ]


class SchoolPageTypesUsageReportView(PageTypesUsageReportView):
    """How many pages of each type the user's schools have, and which was edited last.

    Wagtail counts and names pages of every site (the newest draft's title of another school
    among them); this does the same over the user's schools only.
    """

    filterset_class = SchoolPageTypesUsageFilterSet

    def get_queryset(self):
        sites = schools_of(self.request.user)
        if sites is None:
            return super().get_queryset()
        self.queryset = ContentType.objects.filter(model__in=self.page_models)
        queryset = self.filter_queryset(self.queryset)
        valid = self.filters is not None and self.filters.is_valid()
        chosen = self.filters.form.cleaned_data if valid else {}
        roots = [chosen["site"]] if chosen.get("site") else [s.root_page.path for s in sites]
        in_scope, counted = Q(pk__in=[]), Q(pages__pk__in=[])
        for root in roots:
            in_scope |= Q(path__startswith=root)
            counted |= Q(pages__path__startswith=root)
        if chosen.get("page_locale"):
            in_scope &= Q(locale__language_code=chosen["page_locale"])
            counted &= Q(pages__locale__language_code=chosen["page_locale"])
        last_edited = Page.objects.filter(in_scope, content_type=OuterRef("pk")).order_by(
            F("latest_revision_created_at").desc(nulls_last=True), "title", "-pk"
        )
        return queryset.annotate(
            count=Count("pages", filter=counted),
            last_edited_page_id=Subquery(last_edited.values("pk")[:1]),
        ).order_by("-count", "app_label", "model")


# Listings ------------------------------------------------------------------------------------


class SchoolFormPageFilterSet(SchoolPageFilterSetMixin, FormPageFilterSet):
    pass


class SchoolFormPagesListView(FormPagesListView):
    filterset_class = SchoolFormPageFilterSet


class SchoolTagsFilterMixin:
    """Documents' and images' "popular tags" filter, counted over what the user may see."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        user = self.request.user
        if user.is_superuser or "tag" not in self.filters:
            return
        popular = popular_school_tags(self._meta.model, user)
        if popular:
            self.filters["tag"].extra["choices"] = [(tag.name, tag.name) for tag in popular]
        else:
            del self.filters["tag"]


class SchoolDocumentsFilterSet(SchoolTagsFilterMixin, DocumentsFilterSet):
    pass


class SchoolImagesFilterSet(SchoolTagsFilterMixin, ImagesFilterSet):
    pass


class SchoolDocumentsIndexView(DocumentsIndexView):
    filterset_class = SchoolDocumentsFilterSet


class SchoolImagesIndexView(ImagesIndexView):
    filterset_class = SchoolImagesFilterSet


class SchoolImageChooseView(ImageChooseView):
    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        if not self.request.user.is_superuser:
            context["popular_tags"] = popular_school_tags(self.model, self.request.user)
        return context


class SchoolImageChooserViewSet(ImageChooserViewSet):
    choose_view_class = SchoolImageChooseView


# Not registered: only its choose view is used, at the URL of Wagtail's own image chooser.
school_image_chooser = SchoolImageChooserViewSet(
    "wagtailimages_chooser", model=get_image_model(), url_prefix="images/chooser"
)


def tag_autocomplete(request, app_name=None, model_name=None):
    """Wagtail's tag suggestions, from the tags of the user's schools' documents and images."""
    if request.user.is_superuser:
        return tags.autocomplete(request, app_name, model_name)
    if app_name and (app_name, model_name) != ("taggit", "tag"):
        raise PermissionDenied  # other tag models: nothing tells whose a tag is
    term = request.GET.get("term")
    names = []
    if term:
        names = list(
            school_tags(request.user)
            .filter(name__istartswith=term)
            .order_by("name")
            .values_list("name", flat=True)[: tags.TAGS_AUTOCOMPLETE_LIMIT]
        )
    return JsonResponse(names, safe=False)


# Choosers and bulk actions: Wagtail's views, given only the user's schools' objects ------------


def requested_ids(request) -> list[int]:
    return [int(pk) for pk in request.GET.getlist("id") if pk.isdigit()]


def keep_only(request, ids) -> None:
    """Make the request ask only for `ids` (Wagtail's views read them from `request.GET`)."""
    query = request.GET.copy()
    query.setlist("id", [str(pk) for pk in ids])
    request.GET = query


def bulk_actions(request, app_label, model_name, action):
    """Wagtail's bulk action confirmation lists every chosen object, with its title, even those
    the user may not act on; here the objects outside the user's schools are never chosen."""
    user = request.user
    if not user.is_superuser:
        try:
            model = apps.get_model(app_label, model_name)
        except LookupError as error:
            raise Http404 from error
        action_class = bulk_action_registry.get_bulk_action_class(app_label, model_name, action)
        if action_class is None:
            raise Http404
        ids = requested_ids(request)
        if "all" in request.GET.getlist("id"):
            try:
                listed = action_class(request, model).get_all_objects_in_listing_query(
                    request.GET.get("childOf")
                )
            except (ValueError, Page.DoesNotExist) as error:
                raise Http404 from error
            ids = list(listed)
        policy = policy_registry.get_by_type(model)
        if issubclass(model, Page):
            visible = school_pages(user)
        elif isinstance(policy, SchoolRecordPolicy):
            visible = policy.instances_user_has_any_permission_for(user, ["change"])
        elif hasattr(policy, "collections_user_has_any_permission_for"):
            visible = visible_media(model, user)
        elif may_use_model(user, app_label, model._meta.model_name):
            visible = model._default_manager.all()
        else:
            raise PermissionDenied
        keep_only(request, visible.filter(pk__in=ids).values_list("pk", flat=True))
    return wagtail_bulk_actions(request, app_label, model_name, action)


page_browse = chooser.BrowseView.as_view()
page_chosen_multiple = chooser.ChosenMultipleView.as_view()


def choose_page(request, parent_page_id=None):
    """The page chooser opens only on the user's schools' pages or the tree's root above them.

    Without a parent, Wagtail opens on the common ancestor of all pages of the wanted types,
    which may be another school's page; here it is that of the user's schools' pages."""
    user = request.user
    if user.is_superuser:
        return page_browse(request, parent_page_id=parent_page_id)
    if parent_page_id is not None:
        parent = Page.objects.filter(pk=parent_page_id).first()
        if parent is None or not leads_to_school(user, parent):
            raise Http404
        return page_browse(request, parent_page_id=parent_page_id)
    page_type = request.GET.get("page_type") or "wagtailcore.page"
    if page_type.lower() == "wagtailcore.page":
        return page_browse(request)
    try:
        desired = chooser.page_models_from_string(page_type)
    except (ValueError, LookupError) as error:
        raise Http404 from error
    pages = school_pages(user).type(*desired)
    parent = pages.first_common_ancestor() if pages.exists() else Page.get_first_root_node()
    return page_browse(request, parent_page_id=parent.pk)


def chosen_pages(request):
    chosen = school_pages(request.user).filter(pk__in=requested_ids(request))
    keep_only(request, chosen.values_list("pk", flat=True))
    return page_chosen_multiple(request)


# Closed to school roles ----------------------------------------------------------------------


def platform_only(view, may_use):
    """`view` for those for whom `may_use(user, **kwargs)` holds, else "permission denied"."""

    def guarded(request, *args, **kwargs):
        if not request.user.is_superuser and not may_use(request.user, **kwargs):
            raise PermissionDenied
        return view(request, *args, **kwargs)

    return guarded


def may_edit_workflows(user, **kwargs) -> bool:
    return user.has_perm("wagtailcore.add_workflow") or user.has_perm("wagtailcore.change_workflow")


def may_use_model(user, app_label, model_name, **kwargs) -> bool:
    verbs = ("add", "change", "delete")
    return any(user.has_perm(f"{app_label}.{verb}_{model_name}") for verb in verbs)


def wagtail_admin_view(request, *args, **kwargs):
    """Wagtail's own view for this admin URL, as if ours were not in front of it."""
    prefix = reverse("wagtailadmin_home")
    from wagtail.admin import urls as wagtailadmin_urls

    match = URLResolver(RegexPattern("^" + re.escape(prefix)), wagtailadmin_urls).resolve(
        request.path_info
    )
    return match.func(request, *match.args, **match.kwargs)


# The task chooser lists every school's workflow tasks; it serves only to edit workflows.
task_chooser = platform_only(workflows.TaskChooserView.as_view(), may_edit_workflows)
task_chooser_results = platform_only(workflows.TaskChooserResultsView.as_view(), may_edit_workflows)
task_chooser_create = platform_only(workflows.TaskChooserCreateView.as_view(), may_edit_workflows)
task_chosen = platform_only(workflows.task_chosen, may_edit_workflows)

# A snippet chooser lists every school's snippets (announcements among them); it is for those who
# may manage that kind of snippet.
snippet_chooser = platform_only(wagtail_admin_view, may_use_model)
