"""The gate in Wagtail's admin: refuse before Wagtail acts, and tell the editor why.

``gate.install`` makes publishing itself refuse what may not go live; these hooks run the same
check earlier, where a refusal can still be shown on the page the editor came from with what
they typed kept (the draft is saved before Publish is refused). They also restart a workflow
when someone saves a new revision of a page that waits in review, and show a rejection by the
automatic check as a rejection.
"""

from __future__ import annotations

from django.contrib import messages
from django.contrib.admin.utils import quote
from django.db import transaction
from django.shortcuts import redirect, render
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils.datastructures import MultiValueDictKeyError
from django.utils.translation import gettext as _
from wagtail import hooks
from wagtail.admin.modal_workflow import render_modal_workflow
from wagtail.models import Page

from .gate import PublishRefused, judge, reasons, refusal_summary
from .models import ContentCheckTaskState, latest_check


def add_refusal(request, obj, verdict_review, needs_moderator: bool) -> None:
    messages.error(
        request,
        render_to_string(
            "moderation/refusal_message.html",
            {
                "summary": refusal_summary(obj, needs_moderator),
                "reasons": reasons(verdict_review),
            },
        ),
    )


def edit_url(obj) -> str:
    if isinstance(obj, Page):
        return reverse("wagtailadmin_pages:edit", args=[obj.pk])
    viewset = getattr(obj, "snippet_viewset", None)
    if viewset is not None and obj.pk is not None:
        return reverse(viewset.get_url_name("edit"), args=[quote(obj.pk)])
    return reverse("wagtailadmin_home")


def title_of(obj) -> str:
    return obj.get_admin_display_title() if isinstance(obj, Page) else str(obj)


def refuse_live_pages(request, pages, site) -> bool:
    """Check the live content of ``pages`` as ``site``'s; report each refusal. True if any."""
    refused = False
    for live in pages:
        if not live.live:
            continue
        verdict = judge(live, live.live_revision, site=site)
        if not verdict.allowed:
            add_refusal(request, live, verdict.review, verdict.needs_moderator)
            refused = True
    return refused


@hooks.register("before_publish_page")
def check_before_publishing(request, page):
    """The Publish button (edit, create, revert): the draft is saved, publishing is refused."""
    verdict = judge(page, page.latest_revision)
    if verdict.allowed:
        return None
    if page.live and page.live_revision_id is None:
        # Wagtail's create view inserts a new page with the model's default live=True before it
        # asks this hook; a refused new page must not stay live with the refused text.
        Page.objects.filter(pk=page.pk).update(live=False, has_unpublished_changes=True)
        page.live = False
    add_refusal(request, page, verdict.review, verdict.needs_moderator)
    return redirect(edit_url(page))


@hooks.register("before_publish")
def check_before_publishing_a_record(request, obj):
    """The Publish button of a revisioned snippet (the school profile, an announcement): the
    draft is saved, publishing is refused with the reasons."""
    verdict = judge(obj, getattr(obj, "latest_revision", None))
    if verdict.allowed:
        return None
    add_refusal(request, obj, verdict.review, verdict.needs_moderator)
    return redirect(edit_url(obj))


@hooks.register("before_bulk_action")
def check_before_bulk_publishing(request, action_type, objects, action):
    """Bulk publish goes ahead only if every page (and included subpage) may go live."""
    if action_type != "publish":
        return None
    pages = [page for page in objects if isinstance(page, Page)]
    form = getattr(action, "cleaned_form", None)
    if form is not None and form.cleaned_data.get("include_descendants"):
        for page in list(pages):
            pages.extend(page.get_descendants().filter(has_unpublished_changes=True).specific())
    refused = False
    for page in pages:
        revision = page.get_latest_revision()
        obj = revision.as_object() if revision else page.specific
        verdict = judge(obj, revision)
        if not verdict.allowed:
            add_refusal(request, obj, verdict.review, verdict.needs_moderator)
            refused = True
    if refused:
        messages.error(request, _("Nothing was published."))
        return redirect(action.next_url)
    return None


# Before wagtail-modeltranslation's own copy view, which answers the request itself.
@hooks.register("before_copy_page", order=-10)
def check_before_publishing_copies(request, page):
    """A copy that is published at once must pass the checks as the destination school's."""
    if request.method != "POST" or not request.POST.get("publish_copies"):
        return None
    parent = Page.objects.filter(pk=request.POST.get("new_parent_page") or 0).first()
    if parent is None:
        return None
    site = parent.get_site()
    pages = [page.specific]
    if request.POST.get("copy_subpages"):
        pages += list(page.get_descendants().live().specific())
    refused = refuse_live_pages(request, pages, site)
    if refused:
        return redirect("wagtailadmin_pages:copy", page.pk)
    return None


@hooks.register("before_move_page", order=-10)
def check_before_moving_live_page(request, page, destination):
    """A live page moved into a school must pass that school's checks."""
    site = destination.get_site()
    pages = [page, *page.get_descendants().live().specific()]
    refused = refuse_live_pages(request, pages, site)
    if refused:
        return redirect("wagtailadmin_pages:move", page.pk)
    return None


# The workflow ------------------------------------------------------------------------------


def active_state(page):
    """The page's workflow state in progress or waiting for changes, read afresh (the edit view
    may hold a copy from before its action)."""
    if not hasattr(page, "workflow_states"):
        return None  # a snippet without workflows
    return page.workflow_states.active().select_related("current_task_state").first()


def _content(revision) -> dict:
    ignored = {
        "latest_revision",
        "latest_revision_created_at",
        "live_revision",
        "has_unpublished_changes",
        "locked",
        "locked_at",
        "locked_by",
        "draft_title",
        "owner",
    }
    return {key: value for key, value in (revision.content or {}).items() if key not in ignored}


@hooks.register("after_edit_page")
@hooks.register("after_edit_snippet")
def after_saving_during_review(request, page):
    """A revision saved while the page waits in the workflow restarts it from the automatic
    check (moderators and the director review; they do not rewrite unchecked); a submission
    that the automatic check rejected is reported as a rejection."""
    state = active_state(page)
    if state is None:
        return None
    check = latest_check(state)
    latest = page.get_latest_revision()
    if (
        state.status == state.STATUS_IN_PROGRESS
        and check is not None
        and latest is not None
        and check.revision_id != latest.pk
        and _content(check.revision) != _content(latest)
    ):
        requester = state.requested_by or request.user
        state.cancel(user=request.user)
        page.get_workflow().start(page, requester)
        messages.warning(
            request,
            _(
                "You changed “%(title)s” while it was in review, so it goes through the "
                "automatic check again."
            )
            % {"title": title_of(page)},
        )
        state = active_state(page)
        check = latest_check(state) if state else None
    if state is not None and _rejected_by_check(state, check):
        _drop_success_messages(request)
        messages.error(
            request,
            _("“%(title)s” was not submitted: the automatic check rejected it.")
            % {"title": title_of(page)},
        )
        return redirect(edit_url(page))
    return None


def _rejected_by_check(state, check: ContentCheckTaskState | None) -> bool:
    return (
        state.status == state.STATUS_NEEDS_CHANGES
        and check is not None
        and check.status == check.STATUS_REJECTED
        and state.current_task_state_id == check.pk
    )


def _drop_success_messages(request) -> None:
    storage = messages.get_messages(request)
    queued = getattr(storage, "_queued_messages", None)
    if queued is not None:
        storage._queued_messages = [m for m in queued if m.level != messages.SUCCESS]


@hooks.register("before_edit_page")
@hooks.register("before_edit_snippet")
def show_rejection_on_the_edit_page(request, page):
    """At the top of the edit page: rejected by the automatic check, and why."""
    if request.method != "GET":
        return None
    state = active_state(page)
    if state is None:
        return None
    check = latest_check(state)
    if not _rejected_by_check(state, check):
        return None
    from .review import Review, ReviewFinding

    review = Review([ReviewFinding(**finding) for finding in check.findings])
    messages.error(
        request,
        render_to_string(
            "moderation/refusal_message.html",
            {
                "summary": _(
                    "Rejected by the automatic check. Change what is listed below, then "
                    "submit again."
                ),
                "reasons": reasons(review),
            },
        ),
    )
    return None


# A refusal from deep inside a request ------------------------------------------------------


# Admin URL namespaces whose views never publish.
NEVER_PUBLISH = frozenset({"wagtailadmin_editing_sessions"})


class GateMiddleware:
    """Runs each admin POST in one transaction; a publishing refusal from anywhere inside
    (e.g. the director's approval that ends a workflow) rolls it back whole and sends the user
    to the edit page with the reasons, instead of an error page."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        return self.get_response(request)

    def process_view(self, request, view_func, view_args, view_kwargs):
        if request.method != "POST" or not request.path.startswith(reverse("wagtailadmin_home")):
            return None
        match = request.resolver_match
        if match is not None and set(match.namespaces) & NEVER_PUBLISH:
            return None  # frequent background requests: no transaction held for them
        try:
            with transaction.atomic():
                return view_func(request, *view_args, **view_kwargs)
        except PublishRefused as refused:
            add_refusal(request, refused.obj, refused.review, refused.needs_moderator)
            url = edit_url(refused.obj)
            if request.headers.get("x-requested-with") == "XMLHttpRequest":
                return render_modal_workflow(
                    request, "", None, {}, json_data={"step": "success", "redirect": url}
                )
            return redirect(url)
        except MultiValueDictKeyError:
            # Wagtail reads some fields of its forms (the "-count" of a StreamField or an inline
            # list) without checking they were sent: a truncated or hand-made POST was a server
            # error. The transaction is rolled back, so nothing was saved; the person is told.
            return render(request, "moderation/incomplete_form.html", status=400)
