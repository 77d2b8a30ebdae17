"""`manage.py export_school`: one school's pages, records and files, and nothing of another
school (schoolsite/backup/school_export.py)."""

import hashlib
import io
import json
import tarfile

import pytest
from django.core.management import CommandError, call_command
from wagtail.documents.models import Document
from wagtail.models import Collection, Page, Site

from cms_pages.models import SchoolProfile, StaffMember
from schoolsite.backup import encryption
from tests.cms_pages.public_site import announce, publish_article

from .backup_archives import run
from .test_backup import KEY, a_photo

pytestmark = pytest.mark.django_db


@pytest.fixture
def other_school(demo_site) -> Site:
    call_command(
        "create_school",
        "--hostname",
        "school9.naryn.kg",
        "--name-ky",
        "№ 9 мектеп",
        "--name-ru",
        "Школа № 9",
        stdout=io.StringIO(),
    )
    site = Site.objects.get(hostname="school9.naryn.kg")
    publish_article(site, "other-news", "Башка", "Другая", image=a_photo("other-school-photo"))
    announce(site, "Башка мектептин кабары", "Объявление другой школы")
    return site


def read_export(path) -> tuple[dict, dict, dict]:
    with tarfile.open(path) as tar:
        files = {member.name: tar.extractfile(member).read() for member in tar.getmembers()}
    return json.loads(files.pop("manifest.json")), json.loads(files.pop("school.json")), files


def test_the_export_holds_the_schools_pages_records_and_files_and_nothing_of_another(
    demo_site, other_school, tmp_path
):
    article = publish_article(
        demo_site, "export-day", "Экспорт", "Экспорт", image=a_photo("demo-export-photo")
    )
    output = tmp_path / "ala-too.tar.gz"
    out = run("export_school", "--hostname", demo_site.hostname.upper(), "--output", str(output))
    assert f"Wrote {output}: the school {demo_site.hostname}" in out
    document, school, files = read_export(output)

    assert document["format"] == "mektep-school-export" and document["school"] == demo_site.hostname
    ours = Page.objects.descendant_of(demo_site.root_page, inclusive=True)
    assert [page["data"]["pk"] for page in school["pages"]] == list(
        ours.order_by("path").values_list("pk", flat=True)
    )
    exported = {page["data"]["pk"]: page for page in school["pages"]}
    assert exported[article.pk]["data"]["title_ru"] == "Экспорт"
    staff = [
        person["full_name_ru"]
        for page in school["pages"]
        for person in page["data"].get("staff_members", [])
    ]
    assert sorted(staff) == sorted(
        StaffMember.objects.filter(page__in=ours).values_list("full_name_ru", flat=True)
    )
    assert [row["site"] for row in school["rows"]["cms_pages.SchoolProfile"]] == [demo_site.pk]
    assert all(
        row.get("site") == demo_site.pk for found in school["rows"].values() for row in found
    )
    assert "Объявление другой школы" not in json.dumps(school, ensure_ascii=False)
    assert "Другая" not in [page["data"]["title_ru"] for page in school["pages"]]

    photo = f"media/{article.image.file.name}"
    assert photo in files
    assert hashlib.sha256(files[photo]).hexdigest() == document["members"][photo]["sha256"]
    assert not any("other-school-photo" in name for name in files)
    assert article.image.pk in [image["pk"] for image in school["images"]]
    collection = SchoolProfile.for_site(demo_site).collection
    documents = Document.objects.filter(
        collection__in=Collection.objects.descendant_of(collection, inclusive=True)
    )
    assert documents and {f"media/{document.file.name}" for document in documents} <= set(files)
    for name, data in files.items():
        assert document["members"][name]["size"] == len(data)


def test_an_export_is_encrypted_with_the_key_and_is_not_a_backup(demo_site, tmp_path, monkeypatch):
    monkeypatch.setenv("MEKTEP_BACKUP_KEY", KEY)
    output = tmp_path / "school.tar.gz"
    assert "encrypted" in run(
        "export_school", "--hostname", demo_site.hostname, "--output", str(output)
    )
    assert output.read_bytes().startswith(encryption.MAGIC)
    with pytest.raises(CommandError, match="not a Mektep backup"):
        run("restore", str(output), "--force")


def test_an_unknown_school_is_refused(demo_site, tmp_path):
    with pytest.raises(CommandError, match=r"No school with the host name nowhere\.kg"):
        run("export_school", "--hostname", "nowhere.kg", "--output", str(tmp_path / "x.tar"))
    assert list(tmp_path.iterdir()) == []
