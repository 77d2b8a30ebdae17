"""One school's data out of a shared installation (`manage.py export_school`).

A district hosts many schools in one database, so a whole backup cannot hand one school its own
data when it moves to another installation or asks for it. The export holds, in `school.json`,
the school's site, every page of its tree (each with its records: staff, documents, leaders...),
the rows that belong to the site (its profile and settings, announcements, visitors' messages),
and the metadata of its images and documents; the files themselves are under `media/`. Which
images and documents are the school's: those in its own collection, and those its pages and
records use, as Wagtail's reference index records them. Nothing of another school is included.
There is no import yet: the export is the school's copy of its data in an open format.
"""

import json
import operator
import tempfile
from functools import reduce
from pathlib import Path

from django.apps import apps
from django.contrib.contenttypes.models import ContentType
from django.core.serializers.json import DjangoJSONEncoder
from django.db.models import Q
from modelcluster.models import get_serializable_data_for_fields
from wagtail.documents import get_document_model
from wagtail.images import get_image_model
from wagtail.models import Collection, Page, ReferenceIndex, Site

from cms_pages.models import SchoolProfile
from schoolsite.backup import archive, manifest
from schoolsite.backup.media import PREFIX as MEDIA_PREFIX

FORMAT = "mektep-school-export"
DATA = "school.json"


def serializable(instance) -> dict:
    if hasattr(instance, "serializable_data"):
        return instance.serializable_data()
    return get_serializable_data_for_fields(instance)


def site_rows(site: Site) -> dict[str, list]:
    """Every row of a model with a foreign key to the school's Site, by model label."""
    rows = {}
    for model in apps.get_models():
        to_site = [
            field.name
            for field in model._meta.concrete_fields
            if field.is_relation and field.related_model is Site
        ]
        if not to_site:
            continue
        found = model._base_manager.filter(
            reduce(operator.or_, (Q(**{name: site}) for name in to_site))
        ).order_by("pk")
        if found:
            rows[model._meta.label] = list(found)
    return rows


def base_model(model):
    """The model at the top of a multi-table inheritance (Page for every page type): the
    reference index records references under it."""
    parents = [parent for parent in model._meta.get_parent_list() if not parent._meta.parents]
    return parents[0] if parents else model


def used_files(site: Site, pages: list, rows: dict[str, list]) -> tuple[list, list]:
    """The school's images and documents: in its collection, or used by its pages and rows."""
    image_model, document_model = get_image_model(), get_document_model()
    wanted = {image_model: set(), document_model: set()}
    profile = SchoolProfile.objects.filter(site=site).first()
    if profile and profile.collection_id:
        collections = Collection.objects.descendant_of(profile.collection, inclusive=True)
        for model, ids in wanted.items():
            in_collection = model.objects.filter(collection__in=collections)
            ids.update(in_collection.values_list("pk", flat=True))
    sources = [*pages, *(row for found in rows.values() for row in found)]
    by_type = {}
    for instance in sources:
        base = ContentType.objects.get_for_model(base_model(type(instance)))
        by_type.setdefault(base, set()).add(str(instance.pk))
    targets = {ContentType.objects.get_for_model(model): model for model in wanted}
    references = ReferenceIndex.objects.none()
    for base, ids in by_type.items():
        references |= ReferenceIndex.objects.filter(base_content_type=base, object_id__in=ids)
    for to_type, to_id in references.filter(to_content_type__in=targets).values_list(
        "to_content_type", "to_object_id"
    ):
        wanted[targets[ContentType.objects.get_for_id(to_type)]].add(int(to_id))
    return (
        list(image_model.objects.filter(pk__in=wanted[image_model]).order_by("pk")),
        list(document_model.objects.filter(pk__in=wanted[document_model]).order_by("pk")),
    )


def export(site: Site, output: Path, media_root: Path, passphrase: str = "") -> dict:
    """Writes the school's export to `output`; returns its manifest, with the files that are
    recorded but missing from the disk under "missing_files"."""
    pages = list(Page.objects.descendant_of(site.root_page, inclusive=True).specific())
    rows = site_rows(site)
    images, documents = used_files(site, pages, rows)
    data = {
        "site": serializable(site),
        "pages": [
            {"type": page.specific_class._meta.label, "data": serializable(page)} for page in pages
        ],
        "rows": {label: [serializable(row) for row in found] for label, found in rows.items()},
        "images": [serializable(image) for image in images],
        "documents": [serializable(document) for document in documents],
    }
    names = sorted({item.file.name for item in (*images, *documents)})
    missing = [name for name in names if not (media_root / name).is_file()]
    with tempfile.TemporaryDirectory(prefix="mektep-export-") as work:
        path = Path(work) / DATA
        path.write_text(json.dumps(data, cls=DjangoJSONEncoder, ensure_ascii=False, indent=1))
        sources = {DATA: path}
        for name in names:
            if name not in missing:
                sources[MEDIA_PREFIX + name] = media_root / name

        def describe(members):
            document = manifest.build(members)
            document.update(format=FORMAT, school=site.hostname, missing_files=missing)
            return document

        return archive.write_members(output, sources, describe, passphrase)
