"""How often moderators upheld each rule: the admin's "Rule statistics".

Every moderator decision (see ``ModerationDecision``) counts once for each rule that flagged the
content: a decision to send the content back upholds the rule, an approval overrules it. A rule
that moderators mostly overrule is a weak rule: its patterns or exceptions need work.

Content moderators, directors and site administrators see their own school's decisions; a
platform administrator (superuser) sees every school's.
"""

from dataclasses import dataclass

from django.core.exceptions import PermissionDenied
from django.template.response import TemplateResponse
from django.utils.translation import gettext as _
from wagtail.models import Site

from accounts.roles import DIRECTOR, MODERATOR, SITE_ADMIN
from accounts.scope import memberships

from .labels import category_label
from .models import ModerationDecision

STATISTICS_ROLES = frozenset({MODERATOR, DIRECTOR, SITE_ADMIN})
SORTS = ("weakest", "reviewed", "rule")


@dataclass
class RuleStatistics:
    rule_id: str
    category: str
    reviewed: int = 0
    upheld: int = 0
    overruled: int = 0

    @property
    def category_label(self) -> str:
        return category_label(self.category)

    @property
    def upheld_share(self) -> float:
        return self.upheld / self.reviewed if self.reviewed else 0.0

    @property
    def upheld_percent(self) -> int:
        return round(100 * self.upheld_share)


def statistics_sites(user) -> list[Site] | None:
    """The schools whose decisions ``user`` may see; ``None`` means every school."""
    if not user.is_active:
        return []
    if user.is_superuser:
        return None
    sites = {record.site for record in memberships(user) if record.role_key in STATISTICS_ROLES}
    return sorted(sites, key=lambda site: site.hostname)


def can_view_statistics(user) -> bool:
    sites = statistics_sites(user)
    return sites is None or bool(sites)


def rule_statistics(decisions, sort: str = "weakest") -> list[RuleStatistics]:
    rows: dict[str, RuleStatistics] = {}
    for decision, findings in decisions.values_list("decision", "findings").iterator():
        for rule_id, category in {(f["rule_id"], f.get("category", "")) for f in findings}:
            row = rows.setdefault(rule_id, RuleStatistics(rule_id, category))
            row.reviewed += 1
            if decision == ModerationDecision.REJECT:
                row.upheld += 1
            else:
                row.overruled += 1
    keys = {
        "weakest": lambda row: (row.upheld_share, -row.reviewed, row.rule_id),
        "reviewed": lambda row: (-row.reviewed, row.upheld_share, row.rule_id),
        "rule": lambda row: row.rule_id,
    }
    return sorted(rows.values(), key=keys.get(sort, keys["weakest"]))


def rule_statistics_view(request):
    sites = statistics_sites(request.user)
    if sites is not None and not sites:
        raise PermissionDenied
    decisions = ModerationDecision.objects.all()
    if sites is not None:
        decisions = decisions.filter(site__in=sites)
    chosen = request.GET.get("site", "")
    shown_sites = sites if sites is not None else list(Site.objects.order_by("hostname"))
    if chosen.isdigit() and any(site.pk == int(chosen) for site in shown_sites):
        decisions = decisions.filter(site_id=int(chosen))
    sort = request.GET.get("sort", "weakest")
    if sort not in SORTS:
        sort = "weakest"
    return TemplateResponse(
        request,
        "moderation/rule_statistics.html",
        {
            "rows": rule_statistics(decisions, sort),
            "sort": sort,
            "sites": shown_sites,
            "chosen_site": chosen,
            "decision_count": decisions.count(),
            "page_title": _("Rule statistics"),
            "page_subtitle": ", ".join(site.hostname for site in sites) if sites else "",
            "header_icon": "table",
        },
    )
