"""Wagtail's usage screens read its reference index; publishing through the gate keeps it right,
updated once per publish instead of once per inline record."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from wagtail.models import ReferenceIndex

from cms_pages.models import DisclosureDocument, DocumentsPage

pytestmark = pytest.mark.django_db


def pages_using(document) -> set[int]:
    return {
        int(reference.object_id)
        for reference in ReferenceIndex.get_references_to(document)
        if reference.base_content_type.model_class()._meta.app_label in ("wagtailcore", "cms_pages")
    }


def test_a_document_record_shows_in_the_usage_after_publishing_and_leaves_it_after_removal(
    demo_site,
):
    page = DocumentsPage.objects.descendant_of(demo_site.root_page).get()
    record = page.documents.exclude(document=None).first()
    document = record.document
    assert page.pk in pages_using(document)

    page.documents = [kept for kept in page.documents.all() if kept.document_id != document.pk]
    page.save_revision().publish()
    assert page.pk not in pages_using(document)

    page = DocumentsPage.objects.get(pk=page.pk)
    page.documents.add(
        DisclosureDocument(
            kind=record.kind,
            title_ky=record.title_ky,
            title_ru=record.title_ru,
            date=record.date,
            document=document,
        )
    )
    page.save_revision().publish()
    assert page.pk in pages_using(document)


def test_publishing_indexes_references_once_however_many_records_the_page_has(demo_site):
    page = DocumentsPage.objects.descendant_of(demo_site.root_page).get()
    records = list(page.documents.all())
    assert len(records) >= 3

    def reference_queries() -> int:
        with CaptureQueriesContext(connection) as queries:
            DocumentsPage.objects.get(pk=page.pk).save_revision().publish()
        return sum("wagtailcore_referenceindex" in query["sql"] for query in queries)

    def copies(times: int) -> list[DisclosureDocument]:
        return [
            DisclosureDocument(
                kind=record.kind,
                title_ky=record.title_ky,
                title_ru=record.title_ru,
                document=record.document,
            )
            for _ in range(times)
            for record in records
        ]

    page.documents = copies(1)
    page.save_revision().publish()
    few = reference_queries()
    page = DocumentsPage.objects.get(pk=page.pk)
    page.documents = copies(4)
    page.save_revision().publish()
    assert reference_queries() == few
