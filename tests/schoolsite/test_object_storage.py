"""Uploads in an S3-compatible bucket (schoolsite/settings/media.py, schoolsite/object_storage.py),
against moto's in-process S3: what the environment turns into settings, which files anyone may
read from the bucket, the public pages' links and policy, and the static export's copy."""

import io

import boto3
import pytest
from django.core.exceptions import ImproperlyConfigured
from django.core.files.base import ContentFile
from django.core.files.images import ImageFile
from django.core.files.storage import default_storage
from django.core.management import call_command
from moto import mock_aws
from PIL import Image as PillowImage
from wagtail.images.models import Image

from cms_pages.provisioning import SchoolNames, create_school
from schoolsite.settings.media import FILE_SYSTEM, OBJECT_STORE, media_storage
from tests.cms_pages.public_site import publish_article

BUCKET = "district-media"
ENDPOINT = "https://storage.district.kg"
ENVIRONMENT = {
    "MEKTEP_S3_BUCKET": BUCKET,
    "MEKTEP_S3_ENDPOINT_URL": ENDPOINT,
    "MEKTEP_S3_REGION": "us-east-1",
    "MEKTEP_S3_ACCESS_KEY_ID": "key",
    "MEKTEP_S3_SECRET_ACCESS_KEY": "secret",
}


def test_without_a_bucket_uploads_stay_on_disk():
    assert media_storage({}) == {"BACKEND": FILE_SYSTEM}
    assert media_storage({"MEKTEP_S3_BUCKET": "  "}) == {"BACKEND": FILE_SYSTEM}


def test_a_bucket_from_the_environment():
    storage = media_storage({**ENVIRONMENT, "MEKTEP_S3_CUSTOM_DOMAIN": "media.district.kg/"})
    assert storage["BACKEND"] == OBJECT_STORE
    assert storage["OPTIONS"] == {
        "bucket_name": BUCKET,
        "endpoint_url": ENDPOINT,
        "region_name": "us-east-1",
        "custom_domain": "media.district.kg",
        "object_acls": True,
        "file_overwrite": False,
        "querystring_expire": 300,
        "access_key": "key",
        "secret_key": "secret",
    }
    without_acls = media_storage({**ENVIRONMENT, "MEKTEP_S3_ACLS": "off"})
    assert without_acls["OPTIONS"]["object_acls"] is False


@pytest.mark.parametrize(
    ("change", "message"),
    [
        ({"MEKTEP_S3_SECRET_ACCESS_KEY": ""}, "Set both MEKTEP_S3_ACCESS_KEY_ID"),
        ({"MEKTEP_S3_ENDPOINT_URL": "storage.district.kg"}, "must start with https://"),
    ],
)
def test_a_half_configured_bucket_stops_the_start_with_a_message(change, message):
    with pytest.raises(ImproperlyConfigured, match=message):
        media_storage({**ENVIRONMENT, **change})


# moto answers in this process for Amazon's own addresses.
AMAZON = {key: value for key, value in ENVIRONMENT.items() if key != "MEKTEP_S3_ENDPOINT_URL"}
MEDIA = f"https://{BUCKET}.s3.amazonaws.com/"


@pytest.fixture
def bucket(settings):
    """moto's S3 in this process, one empty bucket, and the settings pointing at it."""
    with mock_aws():
        client = boto3.client("s3", region_name="us-east-1")
        client.create_bucket(Bucket=BUCKET)
        settings.STORAGES = {**settings.STORAGES, "default": media_storage(AMAZON)}
        yield client


def readable_by_anyone(client, key: str) -> bool:
    grants = client.get_object_acl(Bucket=BUCKET, Key=key)["Grants"]
    return any(g["Grantee"].get("URI", "").endswith("/global/AllUsers") for g in grants)


def test_images_are_public_everything_else_private(bucket):
    name = default_storage.generate_filename("original_images/photo.jpg")
    photo = default_storage.save(name, ContentFile(b"jpeg"))
    scan = default_storage.save("documents/consent.pdf", ContentFile(b"%PDF-1.4"))
    assert photo.startswith("original_images/") and photo != "original_images/photo.jpg"
    assert readable_by_anyone(bucket, photo)
    assert not readable_by_anyone(bucket, scan)
    head = bucket.head_object(Bucket=BUCKET, Key=photo)
    assert head["CacheControl"] == "public, max-age=86400"
    # The image's address is plain and lasting; the document's is signed and expires.
    assert default_storage.url(photo) == MEDIA + photo
    assert "Signature=" in default_storage.url(scan) or "X-Amz-Signature=" in (
        default_storage.url(scan)
    )
    # A second file of the same name is a second file.
    again = default_storage.save("documents/consent.pdf", ContentFile(b"%PDF-1.5"))
    assert again != scan
    assert default_storage.open(scan).read() == b"%PDF-1.4"


def test_without_acls_the_bucket_policy_decides(bucket, settings):
    options = {**AMAZON, "MEKTEP_S3_ACLS": "off"}
    settings.STORAGES = {**settings.STORAGES, "default": media_storage(options)}
    name = default_storage.save("images/photo.fill-10x10.jpg", ContentFile(b"jpeg"))
    assert not readable_by_anyone(bucket, name)  # the bucket's own default


def picture() -> ImageFile:
    buffer = io.BytesIO()
    PillowImage.new("RGB", (960, 540), "#305080").save(buffer, format="PNG")
    return ImageFile(buffer, name="ground.png")


def test_pages_link_images_in_the_bucket_and_the_export_copies_them(bucket, db, client, tmp_path):
    site = create_school(
        "bucket.test", SchoolNames(full_ky="Мектеп", full_ru="Школа"), is_default_site=True
    )
    image = Image.objects.create(title="ground", file=picture())
    publish_article(site, "ground", "Аянтча", "Площадка", image=image)

    response = client.get("/ru/news/ground/", HTTP_HOST="bucket.test")
    media = MEDIA
    assert f'src="{media}images/' in response.text
    assert f"img-src 'self' data: {media}" in response["Content-Security-Policy"]

    call_command(
        "export_static", "--site", "bucket.test", "--output", str(tmp_path), stdout=io.StringIO()
    )
    exported = (tmp_path / "ru" / "news" / "ground" / "index.html").read_text(encoding="utf-8")
    # The page and its Open Graph image point at the bucket; the copy's pictures at its own
    # files (an Open Graph image stays an absolute address).
    assert f'<meta property="og:image" content="{media}images/' in response.text
    assert f'src="{media}' not in exported and f'srcset="{media}' not in exported
    renditions = list((tmp_path / "media" / "images").glob("*.png"))
    assert renditions, exported
    assert 'src="../../../media/images/' in exported
