"""The OpenAPI description at /api/v2/schema/ is valid, and what each documented endpoint really
answers for the demo school matches the schema it documents."""

import copy

import jsonschema
import pytest
from openapi_spec_validator import validate
from referencing import Registry, Resource
from referencing.jsonschema import DRAFT202012

from tests.cms_pages.public_site import announce

pytestmark = pytest.mark.django_db

DOCUMENT_URI = "urn:mektep:openapi"


def get_json(client, url: str, **params) -> dict:
    response = client.get(url, params)
    assert response.status_code == 200, (url, params, response.content[:500])
    assert response["Content-Type"] == "application/json"
    return response.json()


class Contract:
    """The schema each path documents for its 200 response, resolved within the document."""

    def __init__(self, document: dict):
        self.document = document
        resource = Resource.from_contents(document, default_specification=DRAFT202012)
        self.registry = Registry().with_resource(DOCUMENT_URI, resource)
        self.checked_paths = set()

    def validator(self, path: str):
        content = self.document["paths"][path]["get"]["responses"]["200"]["content"]
        pointer = content["application/json"]["schema"]["$ref"]
        return jsonschema.Draft202012Validator(
            {"$ref": DOCUMENT_URI + pointer},
            registry=self.registry,
            format_checker=jsonschema.Draft202012Validator.FORMAT_CHECKER,
        )

    def check(self, path: str, data: dict):
        self.validator(path).validate(data)
        self.checked_paths.add(path)


@pytest.fixture
def contract(client, demo_site) -> Contract:
    return Contract(get_json(client, "/api/v2/schema/"))


def test_the_openapi_description_is_a_valid_openapi_3_1_document(client, demo_site):
    document = get_json(client, "/api/v2/schema/")
    validate(document)
    assert document["openapi"] == "3.1.0"
    assert document["servers"] == [{"url": "http://testserver/"}]


def test_every_documented_endpoint_answers_what_it_documents(client, demo_site, contract):
    announce(demo_site, "Эртең мектеп жабык.", "Завтра школа закрыта.")
    contract.check("/api/v2/schema/", contract.document)
    contract.check("/api/v2/disclosure/", get_json(client, "/api/v2/disclosure/"))
    announcements = get_json(client, "/api/v2/announcements/")
    contract.check("/api/v2/announcements/", announcements)
    assert announcements["items"][0]["message_ru"] == "Завтра школа закрыта."

    contract.check("/api/v2/pages/", get_json(client, "/api/v2/pages/"))
    types = set()
    for offset in range(0, get_json(client, "/api/v2/pages/")["meta"]["total_count"], 20):
        listing = get_json(client, "/api/v2/pages/", fields="*", limit=20, offset=offset)
        contract.check("/api/v2/pages/", listing)
        types.update(item["meta"]["type"] for item in listing["items"])
    documented = {
        name.removesuffix(".listed")
        for name in contract.document["components"]["schemas"]
        if name.startswith("cms_pages.") and name.endswith(".listed")
    }
    assert types == documented, "every page type of the demo school is documented and checked"
    for page_type in sorted(types):
        typed = get_json(client, "/api/v2/pages/", type=page_type, fields="*", limit=1)
        contract.check("/api/v2/pages/", typed)
        detail = get_json(client, f"/api/v2/pages/{typed['items'][0]['id']}/")
        contract.check("/api/v2/pages/{id}/", detail)
        assert detail["meta"]["type"] == page_type

    for kind in ("images", "documents"):
        items = get_json(client, f"/api/v2/{kind}/", fields="*")
        contract.check(f"/api/v2/{kind}/", items)
        assert items["items"], kind
        detail = get_json(client, f"/api/v2/{kind}/{items['items'][0]['id']}/")
        contract.check(f"/api/v2/{kind}/{{id}}/", detail)
    assert contract.checked_paths == set(contract.document["paths"])


def news_detail(client) -> dict:
    listing = get_json(client, "/api/v2/pages/", type="cms_pages.NewsPage", slug="fire-drill")
    return get_json(client, f"/api/v2/pages/{listing['items'][0]['id']}/")


@pytest.mark.parametrize(
    "breakage",
    [
        pytest.param(lambda page: page.pop("body_ru"), id="missing-field"),
        pytest.param(lambda page: page.update(date=20250901), id="wrong-type"),
        pytest.param(lambda page: page.update(summary="?"), id="undocumented-field"),
        pytest.param(lambda page: page["image"].pop("alt_ky"), id="image-without-alt"),
        pytest.param(lambda page: page["meta"].update(type="cms_pages.Nothing"), id="bad-type"),
    ],
)
def test_a_response_that_drifts_from_the_description_fails_validation(client, contract, breakage):
    page = news_detail(client)
    contract.check("/api/v2/pages/{id}/", page)
    broken = copy.deepcopy(page)
    breakage(broken)
    with pytest.raises(jsonschema.ValidationError):
        contract.check("/api/v2/pages/{id}/", broken)


def test_a_broken_announcement_fails_validation(client, demo_site, contract):
    announce(demo_site, "Суу жок.", "Нет воды.", severity="warning")
    announcements = get_json(client, "/api/v2/announcements/")
    contract.check("/api/v2/announcements/", announcements)
    announcements["items"][0]["severity"] = "urgent"
    with pytest.raises(jsonschema.ValidationError):
        contract.check("/api/v2/announcements/", announcements)
