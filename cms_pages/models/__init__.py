from .alerts import SiteAlert
from .disclosure import (
    INDEX_SLUG,
    SECTION_SLUGS,
    BasicInformationPage,
    DisclosureIndexPage,
    DisclosureSection,
)
from .documents import DisclosureDocument, DocumentsPage
from .education import (
    AdmissionsPage,
    AvailablePlaces,
    EducationalStandard,
    EducationalStandardsPage,
    EducationPage,
    EducationProgramme,
)
from .events import Event, EventIndexPage
from .facilities import FacilitiesPage, Facility, Menu, NutritionPage
from .finance import FinancePage, FinancialReport
from .general import ContactsPage, GeneralPage
from .home import HomePage, HomeQuickLink
from .news import NewsIndexPage, NewsPage
from .people import Leader, LeadershipPage, StaffMember, TeachingStaffPage
from .people_shown import PEOPLE_SHOWN_PANEL, PersonShown, ShowsPeople
from .safety import EmergencyContact, SafetyPage
from .school import SchoolBranch, SchoolPhone, SchoolProfile
from .statistics import EmptySearchDay, PageViewDay, SchoolVisitorsDay
from .structure import ManagementBody, ManagementBodyMember, StructurePage
from .visitors import (
    FeedbackPage,
    PrivacyNoticePage,
    PublishedQuestion,
    QuestionsPage,
    Topic,
    VisitorMessage,
)

# Every subsection page type, in the regulation's order.
SECTION_PAGE_TYPES = (
    BasicInformationPage,
    StructurePage,
    DocumentsPage,
    EducationPage,
    EducationalStandardsPage,
    LeadershipPage,
    TeachingStaffPage,
    FacilitiesPage,
    AdmissionsPage,
    FinancePage,
    NutritionPage,
    SafetyPage,
)

__all__ = [
    "INDEX_SLUG",
    "PEOPLE_SHOWN_PANEL",
    "SECTION_PAGE_TYPES",
    "SECTION_SLUGS",
    "AdmissionsPage",
    "AvailablePlaces",
    "BasicInformationPage",
    "ContactsPage",
    "DisclosureDocument",
    "DisclosureIndexPage",
    "DisclosureSection",
    "DocumentsPage",
    "EducationPage",
    "EducationProgramme",
    "EducationalStandard",
    "EducationalStandardsPage",
    "EmergencyContact",
    "EmptySearchDay",
    "Event",
    "EventIndexPage",
    "FacilitiesPage",
    "Facility",
    "FeedbackPage",
    "FinancePage",
    "FinancialReport",
    "GeneralPage",
    "HomePage",
    "HomeQuickLink",
    "Leader",
    "LeadershipPage",
    "ManagementBody",
    "ManagementBodyMember",
    "Menu",
    "NewsIndexPage",
    "NewsPage",
    "NutritionPage",
    "PageViewDay",
    "PersonShown",
    "PrivacyNoticePage",
    "PublishedQuestion",
    "QuestionsPage",
    "SafetyPage",
    "SchoolBranch",
    "SchoolPhone",
    "SchoolProfile",
    "SchoolVisitorsDay",
    "ShowsPeople",
    "SiteAlert",
    "StaffMember",
    "StructurePage",
    "TeachingStaffPage",
    "Topic",
    "VisitorMessage",
]
