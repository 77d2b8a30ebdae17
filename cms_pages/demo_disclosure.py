"""Filling the demo school's disclosure section from its data file (data/demo_disclosure.yaml).

Each subsection page gets its fields and records from the file and is published, so loading
again replaces the records rather than adding to them. Documents are small generated PDFs,
reused by title, so no binary file lives in the repository.
"""

from pathlib import Path

from django.core.files.base import ContentFile
from wagtail.documents import get_document_model
from wagtail.models import Collection, Page

from .pdf import simple_pdf

DISCLOSURE_FILE = Path(__file__).resolve().parent / "data" / "demo_disclosure.yaml"
LANGUAGES = ("ky", "ru")


def load_disclosures(index: Page, collection: Collection, data: dict) -> None:
    documents = {
        key: demo_document(collection, item["title"], item["file"])
        for key, item in data["documents"].items()
    }
    pages = {page.slug: page for page in Page.objects.child_of(index).specific()}
    for slug, values in data["sections"].items():
        page = pages[slug]
        fill(page, values, documents)
        page.save_revision().publish()


def fill(obj, values: dict, documents: dict) -> None:
    """Set an object's fields from the data file: texts per language, documents by key,
    child records from lists, everything else as it is."""
    document_fields = set(obj.disclosure_fields.documents)
    for name, value in values.items():
        if isinstance(value, list):
            model = getattr(type(obj), name).rel.related_model
            records = []
            for order, item in enumerate(value):
                # The order of the data file is the order on the page (and in the API).
                record = model(sort_order=order)
                fill(record, item, documents)
                records.append(record)
            setattr(obj, name, records)
        elif name in document_fields:
            setattr(obj, name, documents[value])
        elif name in obj.disclosure_fields.texts:
            for lang in LANGUAGES:
                setattr(obj, f"{name}_{lang}", value[lang] if isinstance(value, dict) else value)
        else:
            setattr(obj, name, value)


def demo_document(collection: Collection, title: str, filename: str):
    Document = get_document_model()
    document = Document.objects.filter(collection=collection, title=title).first()
    if document is None:
        content = simple_pdf(["Demo school document", filename, "Fictional content."])
        document = Document(title=title, collection=collection, file_size=len(content))
        document.file.save(filename, ContentFile(content), save=False)
        document.save()
    return document
