"""`manage.py backup` and `restore` (schoolsite/backup/): a round trip brings everything back,
and a damaged, foreign or unsafe archive is refused without changing anything.

Restoring replaces the whole database, so these tests commit (`transactional_db`) and build
their data themselves (the "others" part of tests/conftest.py).
"""

import io
import os
import shutil
import subprocess
import tarfile
from pathlib import Path

import pytest
from django.conf import settings
from django.core.files.images import ImageFile
from django.core.management import CommandError, call_command
from django.db import connection
from PIL import Image as PillowImage
from wagtail.images.models import Image
from wagtail.models import Page, Site

from cms_pages.models import NewsPage
from schoolsite.backup import encryption
from schoolsite.backup.database import member_name as database_member
from tests.cms_pages.conftest import check_disclosure
from tests.cms_pages.public_site import publish_article
from tests.people import make_member

from .backup_archives import flip_a_byte, installation_state, media_checksums, rewrite, run

pytestmark = pytest.mark.django_db(transaction=True)

KEY = "correct horse battery staple 2026"


@pytest.fixture(autouse=True)
def no_key(monkeypatch):
    monkeypatch.delenv("MEKTEP_BACKUP_KEY", raising=False)


def wipe() -> None:
    call_command("flush", interactive=False, verbosity=0)
    for path in Path(settings.MEDIA_ROOT).iterdir():
        if path.is_dir():
            shutil.rmtree(path)
        else:
            path.unlink()


def a_photo(title: str) -> Image:
    picture = PillowImage.new("RGB", (800, 450), "#3a7bd5")
    buffer = io.BytesIO()
    picture.save(buffer, format="PNG")
    return Image.objects.create(title=title, file=ImageFile(buffer, name=f"{title}.png"))


def test_demo_school_with_a_new_article_comes_back_whole_after_a_wipe(client, tmp_path, settings):
    settings.MEKTEP_PAGE_CACHE_SECONDS = 3600
    call_command("load_demo", stdout=io.StringIO())
    site = Site.objects.get(is_default_site=True)
    make_member(site, "editor", "aigul")
    article = publish_article(
        site, "backup-day", "Камдык көчүрмө күнү", "День резервной копии", image=a_photo("backup")
    )
    article.image_alt_ky, article.image_alt_ru = "Сүрөт", "Фото"
    article.save_revision().publish()
    url = "/ru/news/backup-day/"
    assert client.get(url).status_code == 200  # cached, and its image renditions written
    before, disclosure_before = installation_state(), check_disclosure()
    assert any(name.startswith("original_images/") for name in before["media"])
    assert any(name.startswith("images/") for name in before["media"])

    archive = tmp_path / "site.tar.gz"
    out = run("backup", "--output", str(archive))
    assert f"Wrote {archive}" in out and "NOT encrypted" in out

    # Published after the backup and cached: the restore must not serve this.
    article.title_ru = "Изменено после копии"
    article.save_revision().publish()
    assert "Изменено после копии" in client.get(url).content.decode()
    wipe()
    assert Page.objects.count() == 0 and media_checksums() == {}

    out = run("restore", str(archive))
    assert f"Restored {archive}" in out
    after = installation_state()
    assert after["pages"] == before["pages"]
    assert after["revisions"] == before["revisions"]
    assert after["accounts"] == before["accounts"]
    assert after["media"] == before["media"]
    assert after["rows"] == before["rows"]
    assert check_disclosure() == disclosure_before
    html = client.get(url).content.decode()
    assert "День резервной копии" in html and "Изменено после копии" not in html
    original = NewsPage.objects.get(slug="backup-day").image.file.name
    assert original.startswith("original_images/") and original in after["media"]
    assert 'alt="Фото"' in html


def test_an_encrypted_round_trip_needs_the_key(tmp_path, monkeypatch):
    school = build_small_school()
    monkeypatch.setenv("MEKTEP_BACKUP_KEY", KEY)
    archive = tmp_path / "site.tar.gz"
    assert "encrypted" in run("backup", "--output", str(archive))
    assert b"manifest.json" not in archive.read_bytes()
    before = installation_state()
    wipe()
    run("restore", str(archive))
    assert installation_state() == before
    assert Site.objects.get().hostname == school.hostname


def build_small_school() -> Site:
    """A school, an account and an uploaded file: enough for an archive worth checking."""
    call_command(
        "create_school",
        "--hostname",
        "school7.bishkek.kg",
        "--name-ky",
        "№ 7 мектеп",
        "--name-ru",
        "Школа № 7",
        stdout=io.StringIO(),
    )
    site = Site.objects.get(hostname="school7.bishkek.kg")
    make_member(site, "director", "director7")
    a_photo("school7")
    return site


@pytest.fixture
def small_archive(tmp_path) -> Path:
    build_small_school()
    archive = tmp_path / "small.tar"
    run("backup", "--output", str(archive))
    return archive


def refused(archive: Path, *args) -> str:
    """Restores `archive` over the current installation (--force) and expects a refusal that
    leaves everything as it was."""
    before = installation_state()
    with pytest.raises(CommandError) as error:
        run("restore", str(archive), "--force", *args)
    assert installation_state() == before
    assert "Nothing was changed." in str(error.value)
    return str(error.value)


def test_a_non_empty_installation_is_refused_unless_forced(small_archive):
    before = installation_state()
    with pytest.raises(CommandError, match="not empty") as error:
        run("restore", str(small_archive))
    assert "user accounts" in str(error.value) and "pages" in str(error.value)
    assert installation_state() == before


def test_a_forced_restore_makes_the_installation_the_archive(small_archive):
    before = installation_state()
    call_command(
        "create_school",
        "--hostname",
        "other.kg",
        "--name-ky",
        "Башка",
        "--name-ru",
        "Другая",
        stdout=io.StringIO(),
    )
    a_photo("not-in-the-archive")
    run("restore", str(small_archive), "--force")
    assert installation_state() == before


def test_a_truncated_archive_is_refused(small_archive, tmp_path):
    data = small_archive.read_bytes()
    with tarfile.open(small_archive) as tar:
        ends = {member.name: member.offset_data + member.size for member in tar.getmembers()}
    # Inside the manifest (the last member), inside the database, and inside the first header.
    lengths = [ends["manifest.json"] - 10, ends[database_member()] // 2, 100]
    for length in lengths:
        cut = tmp_path / f"cut-{length}.tar"
        cut.write_bytes(data[:length])
        message = refused(cut)
        assert "truncated" in message or "no manifest.json" in message


def test_a_truncated_compressed_archive_is_refused(tmp_path):
    build_small_school()
    archive = tmp_path / "site.tar.gz"
    run("backup", "--output", str(archive))
    cut = tmp_path / "cut.tar.gz"
    cut.write_bytes(archive.read_bytes()[:-100])
    assert "cannot be read" in refused(cut)


def test_a_file_that_is_not_an_archive_is_refused(tmp_path, small_archive):
    junk = tmp_path / "junk.tar.gz"
    junk.write_bytes(b"not an archive at all" * 100)
    assert "cannot be read" in refused(junk)
    assert "Cannot open" in refused(tmp_path / "missing.tar")


def test_one_changed_byte_fails_its_checksum(small_archive, tmp_path):
    for area in ("media/", "database/"):
        changed = tmp_path / "changed.tar"
        rewrite(
            small_archive,
            changed,
            change=lambda name, data, area=area: (
                flip_a_byte(data) if name.startswith(area) else data
            ),
        )
        assert "does not match its checksum" in refused(changed)


def test_a_member_larger_than_its_manifest_says_is_refused(small_archive, tmp_path):
    grown = tmp_path / "grown.tar"
    rewrite(
        small_archive,
        grown,
        change=lambda name, data: data + b"\0" * 4096 if name.startswith("media/") else data,
    )
    assert "its manifest says" in refused(grown)


def test_an_archive_of_another_database_kind_is_refused(small_archive, tmp_path):
    other = "postgresql" if connection.vendor == "sqlite" else "sqlite"
    foreign = tmp_path / "foreign.tar"
    rewrite(small_archive, foreign, manifest_change=lambda m: m.update(database_vendor=other))
    assert f"holds a {other} database" in refused(foreign)


def test_an_archive_with_other_migrations_is_refused(small_archive, tmp_path):
    newer = tmp_path / "newer.tar"
    rewrite(
        small_archive,
        newer,
        manifest_change=lambda m: m["migrations"].append(["cms_pages", "9999_from_the_future"]),
    )
    assert "cms_pages.9999_from_the_future" in refused(newer)
    older = tmp_path / "older.tar"
    rewrite(small_archive, older, manifest_change=lambda m: m["migrations"].pop())
    assert "from older code" in refused(older)


def test_a_manifest_of_another_format_or_none_is_refused(small_archive, tmp_path):
    other = tmp_path / "other.tar"
    rewrite(small_archive, other, manifest_change=lambda m: m.update(format_version=2))
    assert "format version 2" in refused(other)
    odd = tmp_path / "odd.tar"
    rewrite(small_archive, odd, manifest_change=lambda m: m.update(migrations=[["a", ["b"]]]))
    assert "manifest is malformed" in refused(odd)
    bare = tmp_path / "bare.tar"
    with tarfile.open(small_archive) as original, tarfile.open(bare, "w") as copy:
        for member in original.getmembers():
            if member.name != "manifest.json":
                copy.addfile(member, original.extractfile(member))
    assert "no manifest.json" in refused(bare)


@pytest.mark.parametrize(
    "name", ["../evil", "media/../../evil", "/etc/evil", "elsewhere/file", "media//twice"]
)
def test_a_member_outside_the_archive_areas_is_refused(small_archive, tmp_path, name):
    evil = tmp_path / "evil.tar"
    rewrite(small_archive, evil, extra=[(tarfile.TarInfo(name), b"")])
    assert "unsafe name" in refused(evil)
    assert not (tmp_path.parent / "evil").exists()


def test_links_in_an_archive_are_refused(small_archive, tmp_path):
    link = tarfile.TarInfo("media/original_images/passwd")
    link.type, link.linkname = tarfile.SYMTYPE, "/etc/passwd"
    linked = tmp_path / "linked.tar"
    rewrite(small_archive, linked, extra=[(link, None)])
    assert "not a regular file" in refused(linked)


def test_a_wrong_key_or_a_changed_encrypted_archive_is_refused(tmp_path, monkeypatch):
    build_small_school()
    # Incompressible, so that the archive spans several encrypted chunks.
    (Path(settings.MEDIA_ROOT) / "documents").mkdir(exist_ok=True)
    (Path(settings.MEDIA_ROOT) / "documents" / "scan.pdf").write_bytes(os.urandom(2_500_000))
    monkeypatch.setenv("MEKTEP_BACKUP_KEY", KEY)
    archive = tmp_path / "site.tar.gz"
    run("backup", "--output", str(archive), "--encrypt")
    monkeypatch.setenv("MEKTEP_BACKUP_KEY", KEY.upper())
    assert "Wrong key" in refused(archive)
    monkeypatch.setenv("MEKTEP_BACKUP_KEY", KEY)
    changed = tmp_path / "changed.tar.gz"
    changed.write_bytes(flip_a_byte(archive.read_bytes(), where=-20))
    assert "damaged" in refused(changed)
    cut = tmp_path / "cut.tar.gz"
    cut.write_bytes(archive.read_bytes()[:-1])
    assert "The encrypted archive is truncated." in refused(cut)
    # Cut after a whole chunk: what remains authenticates chunk by chunk, but not as the end.
    header = len(encryption.MAGIC) + encryption.SALT_BYTES + encryption.PREFIX_BYTES
    two_chunks = header + encryption.TAG + 2 * (4 + encryption.CHUNK + encryption.TAG)
    assert archive.stat().st_size > two_chunks
    cut.write_bytes(archive.read_bytes()[:two_chunks])
    assert "damaged or truncated" in refused(cut)
    monkeypatch.delenv("MEKTEP_BACKUP_KEY")
    assert "The archive is encrypted: set MEKTEP_BACKUP_KEY" in refused(archive)


def test_encryption_asked_for_without_a_usable_key_is_refused(tmp_path, monkeypatch):
    with pytest.raises(CommandError, match="--encrypt needs the key in MEKTEP_BACKUP_KEY"):
        run("backup", "--output", str(tmp_path / "a.tar.gz"), "--encrypt")
    monkeypatch.setenv("MEKTEP_BACKUP_KEY", "short")
    with pytest.raises(CommandError, match="at least 16 characters"):
        run("backup", "--output", str(tmp_path / "a.tar.gz"))
    assert list(tmp_path.iterdir()) == []


def made_up_archives(folder: Path, stamps: list[str]) -> None:
    for stamp in stamps:
        (folder / f"mektep-{stamp}.tar.gz").write_bytes(b"an older archive")


def test_dated_archives_beyond_the_newest_days_and_iso_weeks_are_deleted(tmp_path):
    made_up_archives(
        tmp_path,
        [
            "20250310T140000Z",  # Monday, ISO week 11: the newest of its day and week
            "20250310T020000Z",  # the same day, older
            "20250309T020000Z",  # Sunday, week 10: the newest of that week
            "20250308T020000Z",
            "20250303T020000Z",
            "20250224T020000Z",  # week 9
        ],
    )
    (tmp_path / "notes.txt").write_text("not an archive")
    (tmp_path / "mektep-latest.tar.gz").write_text("not a dated archive")
    out = run("backup", "--output-dir", str(tmp_path), "--keep-daily", "2", "--keep-weekly", "4")
    names = sorted(path.name for path in tmp_path.iterdir())
    today = [name for name in names if name.startswith("mektep-20") and "2025" not in name]
    assert len(today) == 1 and f"Wrote {tmp_path / today[0]}" in out
    assert names == sorted(
        [
            *today,
            "mektep-20250310T140000Z.tar.gz",
            "mektep-20250309T020000Z.tar.gz",
            "mektep-20250224T020000Z.tar.gz",
            "notes.txt",
            "mektep-latest.tar.gz",
        ]
    )
    assert out.count("beyond the retention policy") == 3


def test_weeks_are_iso_weeks_across_the_new_year(tmp_path):
    # 30 December 2024 and 3 January 2025 are both in ISO week 1 of 2025.
    made_up_archives(tmp_path, ["20241229T020000Z", "20241230T020000Z", "20250103T020000Z"])
    run("backup", "--output-dir", str(tmp_path), "--keep-daily", "0", "--keep-weekly", "3")
    kept = sorted(
        path.name for path in tmp_path.iterdir() if "202412" in path.name or "2025" in path.name
    )
    assert kept == ["mektep-20241229T020000Z.tar.gz", "mektep-20250103T020000Z.tar.gz"]


def test_retention_options_need_a_folder_and_a_count(tmp_path):
    with pytest.raises(CommandError, match="go with --output-dir"):
        run("backup", "--output", str(tmp_path / "a.tar"), "--keep-daily", "3")
    with pytest.raises(CommandError, match="from 0 up"):
        run("backup", "--output-dir", str(tmp_path), "--keep-weekly", "-1")
    assert list(tmp_path.iterdir()) == []


def test_media_outside_this_servers_disk_is_refused_rather_than_left_out(tmp_path, settings):
    settings.STORAGES = {
        **settings.STORAGES,
        "default": {"BACKEND": "django.core.files.storage.InMemoryStorage"},
    }
    with pytest.raises(CommandError, match="not stored on this server's disk"):
        run("backup", "--output", str(tmp_path / "site.tar.gz"))
    assert list(tmp_path.iterdir()) == []


def test_an_unwritable_output_is_refused_clearly(tmp_path):
    (tmp_path / "taken").mkdir()
    with pytest.raises(CommandError, match="Cannot write"):
        run("backup", "--output", str(tmp_path / "taken"))
    assert [path.name for path in tmp_path.iterdir()] == ["taken"]


@pytest.mark.skipif(connection.vendor != "postgresql", reason="pg_dump is for PostgreSQL")
def test_the_database_password_reaches_pg_dump_only_through_the_environment(tmp_path, monkeypatch):
    calls = []
    real_run = subprocess.run

    def recording_run(command, **options):
        calls.append((command, options["env"]))
        return real_run(command, **options)

    monkeypatch.setattr(subprocess, "run", recording_run)
    run("backup", "--output", str(tmp_path / "site.tar.gz"))
    [(command, environment)] = calls
    password = connection.settings_dict["PASSWORD"]
    assert command[0] == "pg_dump" and "--format=custom" in command
    # The user name may equal the password (as on the test server): look for how a password
    # could be written on a command line, not for the string itself.
    assert password and not any(
        "password=" in argument or f":{password}@" in argument for argument in command
    )
    assert environment["PGPASSWORD"] == password
