"""The endpoints of the OpenAPI description (openapi.py): addresses, query parameters and which
component schema each response has."""

from django.conf import settings

REF = "#/components/schemas/"
# Wagtail's own setting and default.
LIMIT_MAX = getattr(settings, "WAGTAILAPI_LIMIT_MAX", 20)


def json_response(description: str, schema: str) -> dict:
    return {
        "description": description,
        "content": {"application/json": {"schema": {"$ref": REF + schema}}},
    }


def query(name: str, description: str, schema: dict) -> dict:
    return {
        "name": name,
        "in": "query",
        "required": False,
        "description": description,
        "schema": schema,
    }


INTEGER = {"type": "integer", "minimum": 0}
STRING = {"type": "string"}
LISTING_PARAMETERS = [
    query(
        "limit",
        f"How many items to give (at most {LIMIT_MAX}).",
        {"type": "integer", "minimum": 1, "maximum": LIMIT_MAX},
    ),
    query("offset", "How many items to skip.", INTEGER),
    query(
        "fields",
        "Comma-separated fields to add (`*` for all) or remove (`-name`).",
        STRING,
    ),
    query("order", "A field to order by, `-field` for descending, or `random`.", STRING),
    query("search", "Words to find.", STRING),
    query("search_operator", "How search words combine.", {"enum": ["and", "or"]}),
]
PAGE_PARAMETERS = [
    query(
        "type",
        "Only pages of this type (`cms_pages.NewsPage`); its own fields can then be asked for.",
        STRING,
    ),
    query("child_of", "Only children of this page.", INTEGER),
    query("descendant_of", "Only pages under this page.", INTEGER),
    query("ancestor_of", "Only pages above this page.", INTEGER),
    query("show_in_menus", "Only pages shown (or not) in menus.", {"type": "boolean"}),
    query("slug", "Only pages with this slug.", STRING),
]
ID = {"name": "id", "in": "path", "required": True, "schema": {"type": "integer"}}
BAD_REQUEST = json_response("A query parameter was not understood.", "Error")
NOT_FOUND = json_response("Nothing public of this school has this id.", "Error")


def collection(tag: str, summary: str, schema: str, parameters: list) -> dict:
    return {
        "get": {
            "tags": [tag],
            "summary": summary,
            "operationId": f"list{tag}",
            "parameters": parameters,
            "responses": {"200": json_response(summary, schema), "400": BAD_REQUEST},
        }
    }


def detail(tag: str, summary: str, schema: str) -> dict:
    return {
        "get": {
            "tags": [tag],
            "summary": summary,
            "operationId": f"get{tag}",
            "parameters": [ID],
            "responses": {"200": json_response(summary, schema), "404": NOT_FOUND},
        }
    }


def single(tag: str, operation: str, summary: str, schema: str) -> dict:
    return {
        "get": {
            "tags": [tag],
            "summary": summary,
            "operationId": operation,
            "responses": {"200": json_response(summary, schema)},
        }
    }


def paths() -> dict:
    return {
        "/api/v2/pages/": collection(
            "Pages",
            "The school's published, public pages.",
            "PageListing",
            LISTING_PARAMETERS + PAGE_PARAMETERS,
        ),
        "/api/v2/pages/{id}/": detail("Pages", "One page with every field of its type.", "Page"),
        "/api/v2/images/": collection(
            "Images", "Images the school's public pages show.", "ImageListing", LISTING_PARAMETERS
        ),
        "/api/v2/images/{id}/": detail("Images", "One image.", "Image"),
        "/api/v2/documents/": collection(
            "Documents",
            "Documents the school's public pages link, never private ones.",
            "DocumentListing",
            LISTING_PARAMETERS,
        ),
        "/api/v2/documents/{id}/": detail("Documents", "One document.", "Document"),
        "/api/v2/disclosure/": single(
            "Disclosure",
            "getDisclosure",
            "Every mandatory disclosure of the school as one document.",
            "DisclosureDocument",
        ),
        "/api/v2/announcements/": single(
            "Announcements",
            "listAnnouncements",
            "The school's announcements in force, the most serious first.",
            "Announcements",
        ),
        "/api/v2/schema/": single(
            "Schema", "getSchema", "This OpenAPI description.", "OpenAPIDocument"
        ),
    }
