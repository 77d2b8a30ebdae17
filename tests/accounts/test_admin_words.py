"""Issue 15, words and labels: a person's name is not labelled as a thing's, a surname not as a
patronymic, and the page where a new account sets its first password does not say "reset"."""

import re

import pytest
from django.contrib.auth.tokens import default_token_generator
from django.urls import reverse
from django.utils.encoding import force_bytes
from django.utils.http import urlsafe_base64_encode
from wagtail.users.models import UserProfile

from cms_pages.models import SchoolProfile, TeachingStaffPage

pytestmark = pytest.mark.django_db


def in_language(client, user, language):
    profile = UserProfile.get_for_user(user)
    profile.preferred_language = language
    profile.save()
    return client


@pytest.mark.parametrize(
    ("language", "person", "school", "surname"),
    [
        ("ky", "Аты-жөнү", "Толук аталышы", "Фамилиясы"),
        ("ru", "Фамилия, имя, отчество", "Полное наименование", "Фамилия"),
    ],
)
def test_names_of_people_and_of_the_school_are_labelled_apart(
    admin_client, superuser, demo_site, language, person, school, surname
):
    in_language(admin_client, superuser, language)
    staff = TeachingStaffPage.objects.get(slug="employees")
    edit = admin_client.get(reverse("wagtailadmin_pages:edit", args=[staff.pk])).content.decode()
    assert f"{person} [{language}]" in edit
    profile = SchoolProfile.for_site(demo_site)
    url = reverse("wagtailsnippets_cms_pages_schoolprofile:edit", args=[profile.pk])
    assert f"{school} [" in admin_client.get(url).content.decode()
    account = reverse("wagtailusers_users:edit", args=[superuser.pk])
    labels = re.findall(r"<label[^>]*>\s*([^<]+?)\s*<", admin_client.get(account).content.decode())
    assert surname in labels


@pytest.mark.parametrize(
    ("language", "button"), [("ky", "Жаңы сырсөздү сактоо"), ("ru", "Сохранить новый пароль")]
)
def test_a_new_account_saves_its_first_password_rather_than_resetting_it(
    client, superuser, language, button
):
    uid = urlsafe_base64_encode(force_bytes(superuser.pk))
    token = default_token_generator.make_token(superuser)
    url = reverse("wagtailadmin_password_reset_confirm", args=[uid, token])
    page = client.get(url, follow=True, HTTP_ACCEPT_LANGUAGE=language).content.decode()
    assert f">{button}</button>" in page
    assert "Сбросить пароль" not in page


def test_each_saved_record_of_a_list_is_headed_by_its_name(admin_client, demo_site):
    staff = TeachingStaffPage.objects.get(slug="employees")
    html = admin_client.get(reverse("wagtailadmin_pages:edit", args=[staff.pk])).content.decode()
    for member in staff.staff_members.all():
        assert f"{member.full_name_ky}<span data-inline-panel-child-count hidden>" in html
    # A new record (the form the "add" button copies) is still numbered.
    assert "<span data-inline-panel-child-count></span>" in html
