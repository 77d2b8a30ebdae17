"""A district set-up on two application servers (the README's "District set-up (several
servers)"): two Gunicorn processes with production settings share the database, Redis and an
S3 bucket. What a director publishes through one server is on the very next page any visitor
gets from the other; an image uploaded on one is stored in the bucket and shown through the
other; a private document stays private in the bucket and is served, by either server, only to
the people allowed to read it.

The services are real processes on loopback: Redis from Debian (`/usr/bin/redis-server`, which
CI installs; the test is skipped without it), moto's S3 server, and Gunicorn. They share the test
run's database: PostgreSQL's test database, or on SQLite a copy of it in one file, which is how
several processes of one machine share SQLite.
"""

import datetime
import io
import re
import sqlite3

import boto3
import pytest
from django.db import connection
from django_otp.plugins.otp_totp.models import TOTPDevice
from PIL import Image as PillowImage
from redis import Redis

from accounts.roles import DIRECTOR
from cms_pages.models import NewsIndexPage, SchoolProfile
from cms_pages.pdf import simple_pdf
from cms_pages.provisioning import SchoolNames, consent_collection_for, create_school
from tests import servers
from tests.admin_forms import form_data
from tests.people import PASSWORD, current_code, make_member

pytestmark = pytest.mark.skipif(
    servers.redis_missing(),
    reason=f"{servers.REDIS_SERVER} not found: install Debian's redis-server (CI does)",
)

HOST = "district-school.test"
BUCKET = "mektep-media"
KEYS = {"MEKTEP_S3_ACCESS_KEY_ID": "district-key", "MEKTEP_S3_SECRET_ACCESS_KEY": "district-secret"}
TITLE_KY = "Райондук спорт оюндары башталды"
TITLE_RU = "Начались районные спортивные игры"


@pytest.fixture
def school(transactional_db, settings):
    """A school with its director, enrolled in two-step verification, committed."""
    # The password is hashed as production hashes it (the test settings' hasher is not there).
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.Argon2PasswordHasher"]
    site = create_school(
        HOST, SchoolNames(full_ky="Райондук мектеп", full_ru="Районная школа"), is_default_site=True
    )
    director = make_member(site, DIRECTOR, "director.district")
    device = TOTPDevice.objects.create(user=director, name="phone", confirmed=True)
    profile = SchoolProfile.for_site(site)
    return {
        "site": site,
        "device": device,
        "username": director.username,
        "news": NewsIndexPage.objects.child_of(site.root_page).get().pk,
        "collection": profile.collection_id,
        "consents": consent_collection_for(profile).pk,
    }


def shared_database(tmp_path) -> str:
    """The database both servers use: the test database itself on PostgreSQL; on SQLite (an
    in-memory test database) a file holding a copy of it, taken once the school is committed."""
    if connection.vendor != "sqlite" or not connection.is_in_memory_db():
        return servers.database_url(connection.settings_dict)
    path = tmp_path / "district.sqlite3"
    connection.ensure_connection()
    target = sqlite3.connect(path)
    try:
        connection.connection.backup(target)
    finally:
        target.close()
    return f"sqlite:///{path}"


@pytest.fixture
def district(school, tmp_path):
    """Redis, the S3 endpoint with an empty bucket, and servers A and B sharing them."""
    started = []
    try:
        redis, redis_url = servers.start_redis(tmp_path)
        started.append(redis)
        s3, endpoint = servers.start_s3(tmp_path)
        started.append(s3)
        bucket = boto3.client(
            "s3",
            endpoint_url=endpoint,
            region_name="us-east-1",
            aws_access_key_id=KEYS["MEKTEP_S3_ACCESS_KEY_ID"],
            aws_secret_access_key=KEYS["MEKTEP_S3_SECRET_ACCESS_KEY"],
        )
        bucket.create_bucket(Bucket=BUCKET)
        environment = servers.production_environment(
            ALLOWED_HOSTS=HOST,
            DATABASE_URL=shared_database(tmp_path),
            REDIS_URL=redis_url,
            MEKTEP_S3_BUCKET=BUCKET,
            MEKTEP_S3_ENDPOINT_URL=endpoint,
            MEKTEP_S3_REGION="us-east-1",
            MEKTEP_VAR_DIR=str(tmp_path / "var"),
            STATIC_ROOT=str(tmp_path / "static"),
            **KEYS,
        )
        servers.collect_static(tmp_path, environment)
        addresses = {}
        for name in ("a", "b"):
            service, addresses[name] = servers.start_gunicorn(
                f"server-{name}", tmp_path, environment, HOST
            )
            started.append(service)
        yield {"bucket": bucket, "endpoint": endpoint, "redis": redis_url, **addresses}
    finally:
        servers.stop_all(started)


def sign_in(browser, server, school):
    page = browser.get(server, "/admin/login/")
    data = form_data(page.text, containing="username")
    data.update(username=school["username"], password=PASSWORD)
    response = browser.post(server, "/admin/login/", data)
    assert response.status_code == 302, response.text[:2000]
    # A code of the current 30 s step; a code reaching the server after its step has closed is
    # asked for again, and the next one is given, as a person would.
    for _attempt in range(3):
        page = browser.get(server, "/admin/two-factor/")
        data = form_data(page.text, containing="token")
        data["token"] = current_code(school["device"])
        response = browser.post(server, "/admin/two-factor/", data)
        if response.status_code == 302:
            return
    raise AssertionError(response.text[:2000])


def png_photo() -> bytes:
    buffer = io.BytesIO()
    PillowImage.new("RGB", (960, 540), "#2a7f62").save(buffer, format="PNG")
    return buffer.getvalue()


def upload(browser, server, kind, title, file_name, content, collection) -> int:
    """Through the admin's add form (`kind`: images or documents); the new item's id."""
    add = f"/admin/{kind}/add/"
    data = form_data(browser.get(server, add).text, containing="title")
    data.update(title=title, collection=str(collection))
    response = browser.post(server, add, data, files={"file": (file_name, content)})
    assert response.status_code == 302, response.text[:3000]
    listing = browser.get(server, f"/admin/{kind}/?q={title}")
    ids = set(re.findall(rf"/admin/{kind}/edit/(\d+)/", listing.text)) or set(
        re.findall(rf"/admin/{kind}/(\d+)/", listing.text)
    )
    assert len(ids) == 1, listing.text[:3000]
    return int(ids.pop())


def publish_article(browser, server, school, image_id) -> None:
    add = f"/admin/pages/add/cms_pages/newspage/{school['news']}/"
    data = form_data(browser.get(server, add).text, containing="intro_ky")
    data.update(
        title_ky=TITLE_KY,
        title_ru=TITLE_RU,
        slug="sport-games",
        date=datetime.date.today().isoformat(),
        intro_ky="Райондун мектептери футбол жана волейбол боюнча беттешет.",
        intro_ru="Школы района соревнуются в футболе и волейболе.",
        image=str(image_id),
        image_alt_ky="Мектептин спорт аянтчасы",
        image_alt_ru="Спортивная площадка школы",
    )
    data["action-publish"] = "action-publish"
    response = browser.post(server, add, data)
    assert response.status_code == 302, response.text[:3000]


def objects(bucket, prefix: str) -> list[str]:
    listed = bucket.list_objects_v2(Bucket=BUCKET, Prefix=prefix)
    return [item["Key"] for item in listed.get("Contents", [])]


def readable_by_anyone(bucket, key: str) -> bool:
    grants = bucket.get_object_acl(Bucket=BUCKET, Key=key)["Grants"]
    return any(
        grant["Grantee"].get("URI", "").endswith("/global/AllUsers")
        and grant["Permission"] in {"READ", "FULL_CONTROL"}
        for grant in grants
    )


def test_two_servers_share_what_is_published_uploaded_and_kept_private(district, school):
    """One journey, as the district's servers take a few seconds each to start."""
    a, b = district["a"], district["b"]
    visitor = servers.Browser(HOST)
    for server in (a, b, b):
        home = visitor.get(server, "/ky/")
        assert home.status_code == 200
        assert TITLE_KY not in home.text
    # The shared page cache (in Redis) answered B's second request with what A stored.
    assert home.headers["X-Page-Cache"] == "hit"

    director = servers.Browser(HOST)
    sign_in(director, a, school)
    image_id = upload(
        director, a, "images", "Sport ground", "sport.png", png_photo(), school["collection"]
    )
    [original] = objects(district["bucket"], "original_images/")
    assert readable_by_anyone(district["bucket"], original)
    publish_article(director, a, school, image_id)

    # The very next anonymous request, to either server, shows the article.
    for server in (b, a):
        home = visitor.get(server, "/ky/")
        assert TITLE_KY in home.text
        assert TITLE_RU in visitor.get(server, "/ru/").text
    article = visitor.get(b, "/ky/news/sport-games/")
    assert article.status_code == 200
    assert TITLE_KY in article.text

    # Its image, resized by B from the original A stored, is in the bucket and open to anyone.
    media = f"{district['endpoint']}/{BUCKET}/"
    sources = re.findall(r'<img src="([^"]+)"', article.text)
    assert sources and sources[0].startswith(media + "images/"), sources
    assert f"img-src 'self' data: {media}" in article.headers["Content-Security-Policy"]
    picture = servers.requests.get(sources[0], timeout=30)
    assert picture.status_code == 200
    assert PillowImage.open(io.BytesIO(picture.content)).size == (720, 405)
    rendition = sources[0].removeprefix(media)
    assert rendition in objects(district["bucket"], "images/")
    assert readable_by_anyone(district["bucket"], rendition)

    # A consent scan uploaded on A: private in the bucket, served only through Django.
    scan = simple_pdf(["Consent of a parent"])
    document_id = upload(
        director, a, "documents", "Consent Asanova", "consent.pdf", scan, school["consents"]
    )
    [key] = objects(district["bucket"], "documents/")
    assert not readable_by_anyone(district["bucket"], key)
    # Straight from the bucket, without its key: refused.
    direct = servers.requests.get(f"{district['endpoint']}/{BUCKET}/{key}", timeout=30)
    assert direct.status_code == 403

    path = f"/documents/{document_id}/{key.rsplit('/', 1)[-1]}"
    for server in (a, b):
        assert servers.Browser(HOST).get(server, path).status_code == 404
    # The director's session, opened on A, is good on B: B reads the file from the bucket.
    served = director.get(b, path)
    assert served.status_code == 200
    assert served.content == scan

    # What the servers keep in the cache (the list of schools, renditions, sessions' lockout
    # counts), they keep in the one Redis.
    assert Redis.from_url(district["redis"]).dbsize() > 0
