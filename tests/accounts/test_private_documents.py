"""A school's consent scans are personal data: served only to its own site administrators and
director after two-step verification; every other account and every visitor gets a 404."""

import pytest
from django.core.files.base import ContentFile
from wagtail.documents.models import Document

from accounts.roles import DIRECTOR, EDITOR, MODERATOR, SITE_ADMIN
from cms_pages.models import SchoolProfile
from cms_pages.provisioning import consent_collection_for
from tests.people import make_member, sign_in

pytestmark = pytest.mark.django_db

PDF = b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"


@pytest.fixture
def consent_scan(school):
    profile = SchoolProfile.for_site(school.site)
    document = Document(title="Согласие Асановой", collection=consent_collection_for(profile))
    document.file.save("consent-asanova.pdf", ContentFile(PDF), save=False)
    document.save()
    return document


def fetch(client, document):
    return client.get(document.url)


def test_a_visitor_gets_the_same_404_as_for_a_missing_document(client, consent_scan):
    assert fetch(client, consent_scan).status_code == 404
    assert client.get(f"/documents/{consent_scan.pk + 1000}/x.pdf").status_code == 404


@pytest.mark.parametrize("role_key", [EDITOR, MODERATOR])
def test_other_roles_of_the_school_get_a_404(client, school, consent_scan, role_key):
    sign_in(client, make_member(school.site, role_key, f"{role_key}.one"))
    assert fetch(client, consent_scan).status_code == 404


@pytest.mark.parametrize("role_key", [SITE_ADMIN, DIRECTOR])
def test_another_schools_leaders_get_a_404(client, other_school, consent_scan, role_key):
    sign_in(client, make_member(other_school.site, role_key, f"{role_key}.other"))
    assert fetch(client, consent_scan).status_code == 404


@pytest.mark.parametrize("role_key", [SITE_ADMIN, DIRECTOR])
def test_the_schools_own_leaders_read_it_after_two_step_verification(
    client, school, consent_scan, role_key
):
    user = make_member(school.site, role_key, f"{role_key}.own")
    client.force_login(user)  # signed in, two-step verification not yet passed
    assert fetch(client, consent_scan).status_code == 404
    client.logout()
    sign_in(client, user)
    response = fetch(client, consent_scan)
    assert response.status_code == 200
    assert b"".join(response.streaming_content).startswith(b"%PDF")
