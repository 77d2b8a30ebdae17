"""A school publishes its own images and documents, never another school's.

Wagtail's choosers offer an editor only the collections their role opens, but a form accepts any
image or document id it is sent. So before anything goes live the gate looks at every image and
document the object refers to (its own fields, its inline records, rich text and StreamField
blocks: Wagtail's reference extraction finds them all) and refuses those kept in another
school's collection. Images and documents outside every school's collection (shared ones the
platform administrator uploaded) remain usable by all.
"""

from __future__ import annotations

from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import FieldDoesNotExist
from django.utils.translation import gettext_lazy
from wagtail.documents import get_document_model
from wagtail.images import get_image_model
from wagtail.models import ReferenceIndex, Site

from .content import field_label


def media_models() -> dict[int, type]:
    """Content type id -> model, for the image and the document model."""
    return {
        ContentType.objects.get_for_model(model).id: model
        for model in (get_image_model(), get_document_model())
    }


def referenced_media(obj) -> dict[tuple[int, str], str]:
    """(content type id, object id) -> the field path it is used at, for each image and
    document that ``obj`` and its inline records refer to."""
    wanted = media_models()
    found: dict[tuple[int, str], str] = {}
    for (
        content_type_id,
        object_id,
        model_path,
        _content_path,
    ) in ReferenceIndex._extract_references_from_object(obj):
        if content_type_id in wanted:
            found.setdefault((content_type_id, str(object_id)), model_path)
    return found


def school_collection_paths() -> dict[str, int]:
    """Tree path of each school's collection -> the school's site id."""
    from cms_pages.models import SchoolProfile

    return dict(
        SchoolProfile.objects.exclude(collection=None).values_list("collection__path", "site_id")
    )


def owner_of(collection_path: str, schools: dict[str, int]) -> int | None:
    """The school whose collection holds ``collection_path`` (itself or a descendant)."""
    owners = [(path, site) for path, site in schools.items() if collection_path.startswith(path)]
    return max(owners, key=lambda owner: len(owner[0]))[1] if owners else None


def foreign_media(obj, site: Site | None) -> list[tuple[str, object]]:
    """(field path, item) for each image or document of ``obj`` kept by another school."""
    if site is None:
        return []
    references = referenced_media(obj)
    if not references:
        return []
    schools = school_collection_paths()
    models = media_models()
    foreign = []
    for content_type_id, model in models.items():
        ids = [object_id for (ct, object_id) in references if ct == content_type_id]
        ids = [object_id for object_id in ids if object_id.isdigit()]
        for item in model.objects.filter(pk__in=ids).select_related("collection"):
            owner = owner_of(item.collection.path, schools)
            if owner is not None and owner != site.pk:
                foreign.append((references[(content_type_id, str(item.pk))], item))
    return foreign


FOREIGN_FILE = gettext_lazy(
    "This file belongs to another school and cannot be published here: "
    "upload it into your school's collection or choose one of your school's "
    "files."
)


def reference_label(obj, name: str) -> str:
    """The editor's name of a field (content.field_label) or of an inline panel's records."""
    try:
        return field_label(type(obj), name)
    except FieldDoesNotExist:  # a child relation's accessor
        relation = getattr(type(obj), name, None)
        related = getattr(getattr(relation, "rel", None), "related_model", None)
        return str(related._meta.verbose_name_plural) if related is not None else name


def foreign_media_findings(obj, site: Site | None) -> list:
    """A reject finding for each image or document taken from another school."""
    from .review import rejection

    return [
        rejection(
            f"{reference_label(obj, path.split('.')[0])}: {item}",
            "foreign-media",
            "foreign_media",
            FOREIGN_FILE,
        )
        for path, item in foreign_media(obj, site)
    ]
