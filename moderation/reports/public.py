"""The public side of a report: the form a visitor reaches from a page's footer, and the thanks.

Only a live, public page of the school being visited can be reported; anything else (another
school's page, a draft, a private or unknown page) answers 404 with an explanation. The form is
posted, stored and redirected to the thank-you page (post/redirect/get), so reloading the thanks
never reports twice.
"""

from django.http import Http404
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import get_language
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET, require_http_methods
from wagtail.models import Page, Site

from cms_pages.visibility import public_pages

from ..checker import check
from .forms import PageReportForm
from .models import COMMENT_MAX_LENGTH, PageReport
from .notifications import notify_first_report

# A page id is a positive integer of at most this many digits (PostgreSQL's integer).
PAGE_ID_DIGITS = 9


def current_site(request) -> Site:
    site = Site.find_for_request(request)
    if site is None:
        raise Http404
    return site


def reportable_page(site: Site, value) -> Page | None:
    """The live, public page of `site` whose id is `value`, or ``None``."""
    value = (value or "").strip()
    # ASCII digits only: "²" is a digit to str.isdigit() but not to int().
    if not (value.isascii() and value.isdigit()) or len(value) > PAGE_ID_DIGITS:
        return None
    pages = Page.objects.descendant_of(site.root_page, inclusive=True).filter(pk=int(value))
    return public_pages(pages).first()


def breadcrumbs() -> list[dict]:
    return [{"title": _("Report a problem")}]


@never_cache
@require_http_methods(["GET", "POST"])
def report_page(request):
    site = current_site(request)
    is_post = request.method == "POST"
    page_value = (request.POST if is_post else request.GET).get("page", "")
    page = reportable_page(site, page_value)
    if page is None and not is_post:
        context = {"form": None, "breadcrumbs": breadcrumbs()}
        return render(request, "moderation/reports/report_form.html", context, status=404)
    form = PageReportForm(
        request.POST if is_post else None,
        request=request,
        site=site,
        reported_page=page,
        initial={"page": page.pk if page else ""},
    )
    status = 200
    if is_post:
        if form.is_valid():
            store_report(form, site, page)
            form.record_accepted()
            return redirect(f"{reverse('report_thanks')}?page={page.pk}")
        status = form.status_code
    context = {
        "form": form,
        "reported": page,
        "breadcrumbs": breadcrumbs(),
        "comment_max_length": COMMENT_MAX_LENGTH,
    }
    return render(request, "moderation/reports/report_form.html", context, status=status)


def store_report(form: PageReportForm, site: Site, page: Page) -> PageReport:
    comment = form.cleaned_data["comment"]
    result = check(comment) if comment else None
    is_first = not PageReport.objects.filter(page=page, status=PageReport.OPEN).exists()
    report = PageReport.objects.create(
        site=site,
        page=page,
        page_title=page.title[:255],
        reason=form.cleaned_data["reason"],
        comment=comment,
        language=(get_language() or "ky")[:2],
        check_verdict=result.verdict if result else "",
        check_findings=[finding.to_dict() for finding in result.findings] if result else [],
    )
    if is_first:
        notify_first_report(report)
    return report


@require_GET
def report_thanks(request):
    page = reportable_page(current_site(request), request.GET.get("page"))
    return render(
        request,
        "moderation/reports/report_thanks.html",
        {"reported": page, "breadcrumbs": breadcrumbs()},
    )
