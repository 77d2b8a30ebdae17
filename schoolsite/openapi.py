"""The OpenAPI 3.1 description of the public API, served at /api/v2/schema/.

Each page type's fields are described from its own declaration (`disclosure_fields`, the one the
pages API serves), the announcements from theirs, and the disclosure document from its JSON
Schema file; only the envelopes Wagtail gives every response are written here. A page type that
adds API fields without declaring them fails the contract test (additionalProperties: false).
"""

import functools
import json
import re
from pathlib import Path

from django.conf import settings
from django.http import JsonResponse
from django.views.decorators.http import require_safe
from wagtail.models import Page, get_page_models

from cms_pages.api import ANNOUNCEMENT_FIELDS
from cms_pages.api_schema import nullable, object_schema
from cms_pages.models import SiteAlert
from cms_pages.serialization import DisclosureFields

from .openapi_paths import paths

DISCLOSURE_SCHEMA = Path(settings.BASE_DIR) / "cms_pages" / "schemas" / "disclosure.schema.json"
STRING = {"type": "string"}
URI = {"type": "string", "format": "uri"}
REF = "#/components/schemas/"


def ref(name: str) -> dict:
    return {"$ref": REF + name}


def page_type_name(model) -> str:
    return f"{model._meta.app_label}.{model.__name__}"


def public_page_models() -> list:
    return [model for model in get_page_models() if model is not Page]


def page_reference() -> dict:
    """A page as Wagtail names another one (`parent`, `alias_of`)."""
    return closed(
        {
            "id": {"type": "integer"},
            "meta": closed(
                {"type": STRING, "detail_url": URI, "html_url": nullable(STRING)},
                required=["type", "detail_url", "html_url"],
            ),
            "title": STRING,
        }
    )


def closed(properties: dict, required=None) -> dict:
    return {
        "type": "object",
        "additionalProperties": False,
        "required": list(properties) if required is None else required,
        "properties": properties,
    }


def page_meta(model) -> dict:
    """Wagtail's `meta` of a page; a listing gives the first five unless `fields` asks more."""
    return closed(
        {
            "type": {"const": page_type_name(model)},
            "detail_url": URI,
            "html_url": nullable(STRING),
            "slug": STRING,
            "first_published_at": nullable({"type": "string", "format": "date-time"}),
            "show_in_menus": {"type": "boolean"},
            "seo_title": STRING,
            "search_description": STRING,
            "alias_of": nullable(ref("PageReference")),
            "parent": nullable(ref("PageReference")),
            "locale": STRING,
        },
        required=["type", "detail_url"],
    )


def page_schemas(model, detail: bool) -> dict:
    spec = getattr(model, "disclosure_fields", DisclosureFields())
    fields = object_schema(model, spec)
    properties = {"id": {"type": "integer"}, "meta": page_meta(model), "title": STRING}
    properties.update(fields["properties"])
    required = ["id", "meta", "title", *fields["required"]] if detail else ["id", "meta"]
    return closed(properties, required=required)


def media_schema(type_name: str, body: dict, detail: bool) -> dict:
    meta = closed(
        {
            "type": {"const": type_name},
            "detail_url": URI,
            "tags": {"type": "array", "items": STRING},
            "download_url": STRING,
        },
        required=["type", "detail_url"],
    )
    properties = {"id": {"type": "integer"}, "meta": meta, **body}
    return closed(properties, required=list(properties) if detail else ["id", "meta"])


def listing(item_schema: dict) -> dict:
    return closed(
        {
            "meta": closed({"total_count": {"type": "integer", "minimum": 0}}),
            "items": {"type": "array", "items": item_schema},
        }
    )


def disclosure_schemas() -> dict:
    """The disclosure document's own JSON Schema, its definitions moved among the components."""
    text = DISCLOSURE_SCHEMA.read_text()
    text = re.sub(r'"#/\$defs/([A-Za-z0-9_]+)"', lambda m: f'"{REF}disclosure.{m[1]}"', text)
    schema = json.loads(text)
    definitions = schema.pop("$defs")
    schema.pop("$schema")
    schema.pop("$id")
    return {
        "DisclosureDocument": schema,
        **{f"disclosure.{name}": value for name, value in definitions.items()},
    }


def components() -> dict:
    models = public_page_models()
    schemas = {
        "Error": closed({"message": STRING}),
        "PageReference": page_reference(),
        "Announcement": object_schema(SiteAlert, ANNOUNCEMENT_FIELDS),
        "Announcements": listing(ref("Announcement")),
        "OpenAPIDocument": {
            "type": "object",
            "required": ["openapi", "info", "paths", "components"],
            "properties": {"openapi": {"type": "string", "pattern": r"^3\.1\.\d+$"}},
        },
        **disclosure_schemas(),
    }
    for model in models:
        schemas[page_type_name(model)] = page_schemas(model, detail=True)
        schemas[f"{page_type_name(model)}.listed"] = page_schemas(model, detail=False)
    schemas["Page"] = {"oneOf": [ref(page_type_name(model)) for model in models]}
    schemas["PageListing"] = listing(
        {"oneOf": [ref(f"{page_type_name(model)}.listed") for model in models]}
    )
    image_body = {"title": STRING, "width": {"type": "integer"}, "height": {"type": "integer"}}
    for name, type_name, body in (
        ("Image", "wagtailimages.Image", image_body),
        ("Document", "wagtaildocs.Document", {"title": STRING}),
    ):
        schemas[name] = media_schema(type_name, body, detail=True)
        schemas[f"{name}.listed"] = media_schema(type_name, body, detail=False)
        schemas[f"{name}Listing"] = listing(ref(f"{name}.listed"))
    return {"schemas": schemas}


@functools.cache
def description() -> dict:
    """The document without its server, which is the requesting school's address."""
    return {
        "openapi": "3.1.0",
        "info": {
            "title": "Mektep public API",
            "version": "2",
            "description": (
                "Read-only data of the school served at the requested host name. Texts are given "
                "in both languages side by side (`_ky`, `_ru`), facts once. Only published, "
                "public content is given, and people only with their recorded consent."
            ),
        },
        "paths": paths(),
        "components": components(),
    }


@require_safe
def openapi_view(request):
    document = {**description(), "servers": [{"url": request.build_absolute_uri("/")}]}
    return JsonResponse(document, json_dumps_params={"ensure_ascii": False})
