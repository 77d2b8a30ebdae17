"""The school profile and announcements in the admin: each school edits only its own.

Both are Wagtail snippets with drafts, revisions and the school's workflow. Who may do what is
read from the role table (`Can.EDIT_SCHOOL_RECORDS`, `Can.PUBLISH`, ...) at the record's school:
the permission policy answers Wagtail's questions ("may this user publish?") for the school of
the record the request is about, and every admin URL that names a record answers 404 when the
record belongs to a school where the user holds no such role. Listings, exports and the
announcement's school field offer only the user's schools.
"""

from __future__ import annotations

import contextvars
import functools

from django.contrib.admin.utils import unquote
from django.contrib.auth import get_user_model
from django.db.models import Q
from django.utils.translation import gettext_lazy as _
from django.views.defaults import page_not_found
from wagtail.admin.forms import WagtailAdminModelForm
from wagtail.admin.panels import ObjectList
from wagtail.admin.ui.tables import Column, LiveStatusTagColumn
from wagtail.admin.views.generic.models import UnpublishView
from wagtail.models import Site
from wagtail.permission_policies.base import BasePermissionPolicy
from wagtail.snippets.views.snippets import SnippetViewSet

from cms_pages.models import PublishedQuestion, SchoolProfile, SiteAlert

from .roles import ROLES, Can
from .scope import memberships, user_can

# The school of the record the current admin request is about (set by `scoped`).
_record_site: contextvars.ContextVar[Site | None] = contextvars.ContextVar(
    "record_site", default=None
)

EDITING = (Can.EDIT_SCHOOL_RECORDS,)
# Wagtail action -> capabilities a school role needs for it; absent: platform administrator only.
ANNOUNCEMENT_ACTIONS: dict[str, tuple[tuple[Can, ...], ...]] = {
    "view": (EDITING,),
    "add": (EDITING,),
    "change": (EDITING,),
    "lock": (EDITING,),
    "publish": ((Can.EDIT_SCHOOL_RECORDS, Can.PUBLISH),),
    "unlock": ((Can.EDIT_SCHOOL_RECORDS, Can.PUBLISH),),
    "unpublish": ((Can.EDIT_SCHOOL_RECORDS, Can.TAKE_DOWN),),
    "delete": ((Can.EDIT_SCHOOL_RECORDS, Can.DELETE), (Can.EDIT_SCHOOL_RECORDS, Can.TAKE_DOWN)),
}
# One profile per school, made when the school is created; taking it down would blank the site.
PROFILE_ACTIONS = {
    action: needed
    for action, needed in ANNOUNCEMENT_ACTIONS.items()
    if action not in {"add", "delete", "unpublish"}
}


class SchoolRecordPolicy(BasePermissionPolicy):
    """Wagtail's permission questions about a school's records, answered from the role table."""

    def __init__(self, model, actions):
        super().__init__(model)
        self.actions = actions

    def _allowed_roles(self, action) -> set[str]:
        return {
            key
            for key, role in ROLES.items()
            if any(all(role.can(can) for can in needed) for needed in self.actions.get(action, ()))
        }

    def sites_for(self, user, action) -> list[Site] | None:
        """The schools where `user` may do `action`; None for a platform administrator (all)."""
        if user.is_superuser:
            return None
        if not (user.is_authenticated and user.is_active):
            return []
        allowed = self._allowed_roles(action)
        return [record.site for record in memberships(user) if record.role_key in allowed]

    def _allowed_at(self, user, action, site) -> bool:
        sites = self.sites_for(user, action)
        if sites is None:
            return True
        if site is None:
            return bool(sites)
        return any(candidate.pk == site.pk for candidate in sites)

    def user_has_permission(self, user, action):
        return self._allowed_at(user, action, _record_site.get())

    def user_has_permission_for_instance(self, user, action, instance):
        return self._allowed_at(user, action, getattr(instance, "site", None))

    def instances_user_has_any_permission_for(self, user, actions):
        manager = self.model._default_manager
        site_ids = set()
        for action in actions:
            sites = self.sites_for(user, action)
            if sites is None:
                return manager.all()
            site_ids |= {site.pk for site in sites}
        return manager.filter(site_id__in=site_ids)

    def users_with_any_permission(self, actions):
        roles = set().union(*(self._allowed_roles(action) for action in actions))
        return (
            get_user_model()
            .objects.filter(
                Q(is_superuser=True) | Q(groups__school_role__role_key__in=roles), is_active=True
            )
            .distinct()
        )


def record_sites(user) -> list[Site] | None:
    """The schools whose records `user` may see and edit; None for a platform administrator."""
    return ANNOUNCEMENT_POLICY.sites_for(user, "change")


def scoped(view, model):
    """Answer 404 for a record outside the user's schools, and judge the request's permission
    questions at the record's school."""

    @functools.wraps(view)
    def wrapper(request, *args, **kwargs):
        site = None
        if "pk" in kwargs:
            record = (
                model._default_manager.select_related("site")
                .filter(pk=unquote(str(kwargs["pk"])))
                .first()
            )
            sites = record_sites(request.user)
            if record is None or (sites is not None and record.site not in sites):
                return page_not_found(request, "", template_name="wagtailadmin/404.html")
            site = record.site
        token = _record_site.set(site)
        try:
            response = view(request, *args, **kwargs)
            if hasattr(response, "render") and not response.is_rendered:
                response.render()
            return response
        finally:
            _record_site.reset(token)

    return wrapper


class SchoolRecordForm(WagtailAdminModelForm):
    """Offers only the user's schools; the review period only to the director."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        user = self.for_user
        if "site" in self.fields and user is not None:
            sites = record_sites(user)
            if sites is not None:
                field = self.fields["site"]
                field.queryset = Site.objects.filter(pk__in=[site.pk for site in sites])
                if len(sites) == 1 and not self.instance.site_id:
                    self.initial["site"] = sites[0].pk
        if "disclosure_review_days" in self.fields and user is not None:
            site = getattr(self.instance, "site", None)
            if not user_can(user, Can.SET_REVIEW_PERIOD, site):
                field = self.fields["disclosure_review_days"]
                field.disabled = True
                field.help_text = _("Only the school's director may change the review period.")


class TakeDownView(UnpublishView):
    """Unpublishing an announcement is taking it down: allowed to whoever may take content down."""

    permission_required = "unpublish"


class SchoolRecordViewSet(SnippetViewSet):
    add_to_admin_menu = True
    unpublish_view_class = TakeDownView
    list_export = None

    def get_queryset(self, request):
        queryset = self.model._default_manager.select_related("site")
        sites = record_sites(request.user)
        if sites is None:
            return queryset
        return queryset.filter(site__in=sites)

    def get_edit_handler(self):
        return ObjectList(self.model.panels, base_form_class=SchoolRecordForm).bind_to_model(
            self.model
        )

    def get_urlpatterns(self):
        patterns = super().get_urlpatterns()
        for pattern in patterns:
            pattern.callback = scoped(pattern.callback, self.model)
        return patterns


SCHOOL_COLUMN = Column("school_name", label=_("school site"))


class SchoolProfileViewSet(SchoolRecordViewSet):
    model = SchoolProfile
    icon = "home"
    menu_label = _("School profile")
    menu_order = 150
    # A lazy label: the columns are made once, the heading is read in each request's language.
    list_display = ["__str__", SCHOOL_COLUMN, LiveStatusTagColumn(label=_("Status"))]
    list_export = ["full_name", "school_name", "address", "email", "live"]
    export_headings = {"school_name": _("school site")}
    copy_view_enabled = False


class AnnouncementViewSet(SchoolRecordViewSet):
    model = SiteAlert
    icon = "warning"
    menu_label = _("Announcements")
    menu_order = 160
    list_display = [
        "__str__",
        Column("severity", accessor="get_severity_display", label=_("Severity")),
        SCHOOL_COLUMN,
        "starts_at",
        "ends_at",
        LiveStatusTagColumn(label=_("Status")),
    ]
    list_filter = ["severity"]
    list_export = ["message", "severity", "school_name", "starts_at", "ends_at", "live"]
    export_headings = {"school_name": _("school site")}


class PublishedQuestionViewSet(SchoolRecordViewSet):
    """Questions for the public Q&A page, prepared from visitors' messages in the inbox."""

    model = PublishedQuestion
    icon = "help"
    menu_label = _("Published questions")
    menu_order = 165
    list_display = [
        "__str__",
        Column("topic", accessor="get_topic_display", label=_("Topic")),
        SCHOOL_COLUMN,
        "asked_on",
        LiveStatusTagColumn(label=_("Status")),
    ]
    list_filter = ["topic"]
    copy_view_enabled = False


ANNOUNCEMENT_POLICY = SchoolRecordPolicy(SiteAlert, ANNOUNCEMENT_ACTIONS)
QUESTION_POLICY = SchoolRecordPolicy(PublishedQuestion, ANNOUNCEMENT_ACTIONS)
PROFILE_POLICY = SchoolRecordPolicy(SchoolProfile, PROFILE_ACTIONS)
