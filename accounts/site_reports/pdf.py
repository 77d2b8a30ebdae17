"""A report as PDF, in the reader's language, with the DejaVu font bundled in `accounts/fonts`
(Kyrgyz letters such as ң, ө, ү need a Unicode font; no system font is assumed)."""

from pathlib import Path

from django.utils import timezone
from django.utils.dateparse import parse_datetime
from django.utils.formats import date_format
from django.utils.translation import gettext as _
from fpdf import FPDF

from .models import SiteReport

FONTS = Path(__file__).resolve().parent.parent / "fonts"
FONT = "DejaVu"


def when(value: str) -> str:
    moment = parse_datetime(value)
    return date_format(timezone.localtime(moment), "SHORT_DATETIME_FORMAT") if moment else ""


class ReportPDF(FPDF):
    def __init__(self):
        super().__init__(format="A4")
        self.add_font(FONT, "", str(FONTS / "DejaVuSans.ttf"))
        self.add_font(FONT, "B", str(FONTS / "DejaVuSans-Bold.ttf"))
        self.set_auto_page_break(auto=True, margin=15)
        self.add_page()

    def heading(self, text: str, size: int = 13) -> None:
        self.ln(3)
        self.set_font(FONT, "B", size)
        self.multi_cell(0, 7, text, new_x="LMARGIN", new_y="NEXT")

    def line(self, text: str, size: int = 10) -> None:
        self.set_font(FONT, "", size)
        self.multi_cell(0, 5.5, text, new_x="LMARGIN", new_y="NEXT")


def report_pdf(report: SiteReport, compress: bool = True) -> bytes:
    body = report.content_in()
    pdf = ReportPDF()
    pdf.set_compression(compress)
    pdf.set_title(_("Report on the site's operation"))
    pdf.heading(_("Report on the site's operation"), 16)
    pdf.line(body.get("school", ""), 12)
    pdf.line(_("Period: %(period)s") % {"period": report.period})
    if report.is_approved:
        pdf.line(
            _("Approved by %(person)s on %(date)s")
            % {
                "person": report.approved_by.get_full_name() or report.approved_by.get_username()
                if report.approved_by
                else "",
                "date": date_format(
                    timezone.localtime(report.approved_at), "SHORT_DATETIME_FORMAT"
                ),
            }
        )
    else:
        pdf.heading(_("DRAFT: not approved by the director"), 12)

    pdf.heading(_("Changes published"))
    changes = body.get("changes", [])
    if not changes:
        pdf.line(_("No changes were published in this period."))
    for row in changes:
        parts = [when(row["when"]), row["action_label"], row["title"], row["who"]]
        pdf.line(" · ".join(part for part in parts if part))

    completeness = body.get("completeness", {})
    pdf.heading(_("Mandatory disclosures"))
    pdf.line(
        _("All mandatory items are complete.")
        if completeness.get("complete")
        else _("Some mandatory items need work.")
    )
    for item in completeness.get("items", []):
        problems = "; ".join(item["problems"])
        pdf.line(
            f"{item['title']}: {status_label(item['status'])}"
            + (f" — {problems}" if problems else "")
        )

    if "statistics" in body:
        usage = body["statistics"]
        pdf.heading(_("Statistics"))
        pdf.line(_("Page views: %(views)s") % {"views": usage.get("views", 0)})
        pdf.line(_("Unique visitors: %(count)s") % {"count": usage.get("unique_visitors", 0)})
        for title, _url, views in usage.get("top_pages", []):
            pdf.line(f"{title}: {views}")

    inbox = body.get("messages", {})
    pdf.heading(_("Visitors' messages"))
    pdf.line(_("Received: %(count)s") % {"count": inbox.get("received", 0)})
    for row in inbox.get("by_status", []):
        pdf.line(f"    {row['label']}: {row['count']}")
    pdf.line(_("Answers written: %(count)s") % {"count": inbox.get("answered", 0)})
    if inbox.get("median_days") is not None:
        pdf.line(
            _("Days to answer: median %(median)s, longest %(longest)s")
            % {"median": inbox["median_days"], "longest": inbox["longest_days"]}
        )
    pdf.line(_("Answered late or overdue: %(count)s") % {"count": inbox.get("overdue", 0)})

    moderation = body.get("moderation", {})
    pdf.heading(_("Moderation decisions"))
    pdf.line(_("Approved by moderators: %(count)s") % {"count": moderation.get("approved", 0)})
    pdf.line(_("Sent back by moderators: %(count)s") % {"count": moderation.get("sent_back", 0)})
    pdf.line(
        _("Rejected by the automatic content check: %(count)s")
        % {"count": moderation.get("check_rejections", 0)}
    )
    pdf.line(
        _("Visitors' reports of pages: %(count)s") % {"count": moderation.get("page_reports", 0)}
    )
    return bytes(pdf.output())


def status_label(status: str) -> str:
    return {
        "present": _("present"),
        "missing": _("missing"),
        "missing_language": _("missing in one language"),
        "expired": _("expired"),
        "not_reviewed": _("not reviewed"),
    }.get(status, status)
