"""Which text fields exist once per language (ky, ru); every other fact exists once."""

from modeltranslation.decorators import register
from modeltranslation.translator import TranslationOptions

from .models import (
    AdmissionsPage,
    BasicInformationPage,
    ContactsPage,
    DisclosureDocument,
    DisclosureIndexPage,
    DocumentsPage,
    EducationalStandard,
    EducationalStandardsPage,
    EducationPage,
    EducationProgramme,
    EmergencyContact,
    Event,
    EventIndexPage,
    FacilitiesPage,
    Facility,
    FeedbackPage,
    FinancePage,
    FinancialReport,
    GeneralPage,
    HomePage,
    HomeQuickLink,
    Leader,
    LeadershipPage,
    ManagementBody,
    ManagementBodyMember,
    Menu,
    NewsIndexPage,
    NewsPage,
    NutritionPage,
    PrivacyNoticePage,
    PublishedQuestion,
    QuestionsPage,
    SafetyPage,
    SchoolBranch,
    SchoolPhone,
    SchoolProfile,
    SiteAlert,
    StaffMember,
    StructurePage,
    TeachingStaffPage,
)


@register(SchoolProfile)
class SchoolProfileTranslation(TranslationOptions):
    fields = (
        "full_name",
        "short_name",
        "address",
        "working_hours",
        "responsible_name",
        "responsible_position",
        "photo_alt",
    )
    required_languages = {"ky": ("full_name",), "ru": ("full_name",)}


@register(SchoolPhone)
class SchoolPhoneTranslation(TranslationOptions):
    fields = ("label",)


@register(SchoolBranch)
class SchoolBranchTranslation(TranslationOptions):
    fields = ("name", "address")


@register(HomePage)
class HomePageTranslation(TranslationOptions):
    fields = ("introduction",)


@register(HomeQuickLink)
class HomeQuickLinkTranslation(TranslationOptions):
    fields = ("label",)


# Page types whose own text is only their title still need registering, so that
# wagtail-modeltranslation gives their admin forms and API the title in both languages.
@register(DisclosureIndexPage)
class DisclosureIndexPageTranslation(TranslationOptions):
    fields = ("introduction",)


for page_type in (
    BasicInformationPage,
    StructurePage,
    DocumentsPage,
    EducationalStandardsPage,
    LeadershipPage,
    TeachingStaffPage,
    FacilitiesPage,
    FinancePage,
    FeedbackPage,
    QuestionsPage,
):
    register(page_type)(type(f"{page_type.__name__}Translation", (TranslationOptions,), {}))


@register(EducationPage)
class EducationPageTranslation(TranslationOptions):
    fields = ("overview",)


@register(AdmissionsPage)
class AdmissionsPageTranslation(TranslationOptions):
    fields = ("admission_rules",)


@register(SafetyPage)
class SafetyPageTranslation(TranslationOptions):
    fields = ("support",)


@register(NutritionPage)
class NutritionPageTranslation(TranslationOptions):
    fields = ("arrangements",)


# Records: a field is listed here when a visitor reads it as text.
@register(StaffMember)
class StaffMemberTranslation(TranslationOptions):
    fields = StaffMember.disclosure_fields.texts


@register(Leader)
class LeaderTranslation(TranslationOptions):
    fields = Leader.disclosure_fields.texts


@register(ManagementBody)
class ManagementBodyTranslation(TranslationOptions):
    fields = ManagementBody.disclosure_fields.texts


@register(ManagementBodyMember)
class ManagementBodyMemberTranslation(TranslationOptions):
    fields = ManagementBodyMember.disclosure_fields.texts


@register(DisclosureDocument)
class DisclosureDocumentTranslation(TranslationOptions):
    fields = DisclosureDocument.disclosure_fields.texts


@register(EducationProgramme)
class EducationProgrammeTranslation(TranslationOptions):
    fields = EducationProgramme.disclosure_fields.texts


@register(EducationalStandard)
class EducationalStandardTranslation(TranslationOptions):
    fields = EducationalStandard.disclosure_fields.texts


@register(Facility)
class FacilityTranslation(TranslationOptions):
    fields = Facility.disclosure_fields.texts


@register(Menu)
class MenuTranslation(TranslationOptions):
    fields = Menu.disclosure_fields.texts


@register(FinancialReport)
class FinancialReportTranslation(TranslationOptions):
    fields = FinancialReport.disclosure_fields.texts


@register(EmergencyContact)
class EmergencyContactTranslation(TranslationOptions):
    fields = EmergencyContact.disclosure_fields.texts


@register(NewsIndexPage)
class NewsIndexPageTranslation(TranslationOptions):
    fields = ("introduction",)


@register(NewsPage)
class NewsPageTranslation(TranslationOptions):
    fields = ("intro", "body", "image_alt")


@register(GeneralPage)
class GeneralPageTranslation(TranslationOptions):
    fields = ("body",)


@register(ContactsPage)
class ContactsPageTranslation(TranslationOptions):
    fields = ("body",)


@register(EventIndexPage)
class EventIndexPageTranslation(TranslationOptions):
    fields = ("introduction",)


@register(Event)
class EventTranslation(TranslationOptions):
    fields = ("title", "description", "place")


@register(SiteAlert)
class SiteAlertTranslation(TranslationOptions):
    fields = ("message",)
    required_languages = {"ky": ("message",), "ru": ("message",)}


@register(PrivacyNoticePage)
class PrivacyNoticePageTranslation(TranslationOptions):
    fields = ("body",)


# Both languages are required on the form; a question prepared from a visitor's message starts
# with its own language only, so it cannot be saved until staff have translated it.
@register(PublishedQuestion)
class PublishedQuestionTranslation(TranslationOptions):
    fields = ("question", "answer")
    required_languages = {"ky": ("question", "answer"), "ru": ("question", "answer")}
