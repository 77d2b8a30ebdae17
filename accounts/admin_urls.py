"""Wagtail admin URLs answered by `views.school_screens` instead of Wagtail (issue 10, finding 4).

Included by the project's URLs ahead of Wagtail's admin, so each route below, written exactly as
Wagtail's, reaches our view first; Wagtail's URL names still reverse to the same paths. Each view
gets the decorators Wagtail gives its own admin views.
"""

import functools

from django.http import Http404
from django.urls import path, re_path
from django.views.decorators.cache import never_cache
from django.views.defaults import page_not_found
from wagtail.admin.auth import require_admin_access
from wagtail.utils.urlpatterns import decorate_urlpatterns

from moderation.approval import ConfirmedApprovalView

from .views import school_screens as screens


def admin_404(view):
    @functools.wraps(view)
    def wrapper(request, *args, **kwargs):
        try:
            return view(request, *args, **kwargs)
        except Http404:
            return page_not_found(request, "", template_name="wagtailadmin/404.html")

    return wrapper


def both(route: str, view_class):
    """A Wagtail listing and its results-only partial."""
    return [
        path(route, view_class.as_view()),
        path(f"{route}results/", view_class.as_view(results_only=True)),
    ]


urlpatterns = [
    path(
        "pages/workflow/action/<int:page_id>/<slug:action_name>/<int:task_state_id>/",
        ConfirmedApprovalView.as_view(),
    ),
    *both("reports/locked/", screens.SchoolLockedPagesView),
    *both("reports/workflow/", screens.SchoolWorkflowView),
    *both("reports/workflow_tasks/", screens.SchoolWorkflowTasksView),
    *both("reports/site-history/", screens.SchoolLogEntriesView),
    *both("reports/page-types-usage/", screens.SchoolPageTypesUsageReportView),
    *both("forms/", screens.SchoolFormPagesListView),
    *both("documents/", screens.SchoolDocumentsIndexView),
    *both("images/", screens.SchoolImagesIndexView),
    path("images/chooser/", screens.school_image_chooser.choose_view),
    path("bulk/<str:app_label>/<str:model_name>/<str:action>/", screens.bulk_actions),
    path("choose-page/", screens.choose_page),
    path("choose-page/<int:parent_page_id>/", screens.choose_page),
    path("choose-page/chosen-multiple/", screens.chosen_pages),
    path("tag-autocomplete/", screens.tag_autocomplete),
    path("tag-autocomplete/<slug:app_name>/<slug:model_name>/", screens.tag_autocomplete),
    path("workflows/task_chooser/", screens.task_chooser),
    path("workflows/task_chooser/results/", screens.task_chooser_results),
    path("workflows/task_chooser/create/", screens.task_chooser_create),
    path("workflows/task_chooser/<int:task_id>/", screens.task_chosen),
    re_path(
        r"^snippets/choose/(?P<app_label>[^/]+)/(?P<model_name>[^/]+)/", screens.snippet_chooser
    ),
]

urlpatterns = decorate_urlpatterns(urlpatterns, require_admin_access)
urlpatterns = decorate_urlpatterns(urlpatterns, admin_404)
urlpatterns = decorate_urlpatterns(urlpatterns, never_cache)
