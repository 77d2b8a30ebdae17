"""Where uploads are stored: this machine's disk, or S3-compatible object storage that several
application servers share (the README's "District set-up (several servers)").

With `MEKTEP_S3_BUCKET` set, images and documents go to that bucket through django-storages
(schoolsite/object_storage.py; install the `s3` extra: `pip install -e ".[s3]"`):
    MEKTEP_S3_BUCKET             the bucket (created beforehand)
    MEKTEP_S3_ENDPOINT_URL       the store's address when it is not Amazon's, e.g.
                                 https://storage.district.kg (MinIO, Ceph, a hosting provider)
    MEKTEP_S3_ACCESS_KEY_ID,
    MEKTEP_S3_SECRET_ACCESS_KEY  the key pair; unset, boto3 looks for one itself (AWS_* variables,
                                 ~/.aws, an instance role)
    MEKTEP_S3_REGION             the bucket's region, e.g. eu-central-1
    MEKTEP_S3_CUSTOM_DOMAIN      a host (and path) that serves the bucket's public images, e.g. a
                                 CDN or nginx: media.district.kg; unset, images are linked at the
                                 store's own address
    MEKTEP_S3_ACLS               `off` when the bucket refuses per-object ACLs; then a bucket
                                 policy must let anyone read `images/` and `original_images/`
                                 (and nothing else)
Without it, files under MEDIA_ROOT, as before.
"""

from importlib.util import find_spec

from django.core.exceptions import ImproperlyConfigured

FILE_SYSTEM = "schoolsite.storage.MediaStorage"
OBJECT_STORE = "schoolsite.object_storage.S3MediaStorage"
OFF = {"0", "false", "no", "off"}


def media_storage(environ) -> dict:
    """The `STORAGES["default"]` entry for this environment."""
    bucket = environ.get("MEKTEP_S3_BUCKET", "").strip()
    if not bucket:
        return {"BACKEND": FILE_SYSTEM}
    if find_spec("storages") is None or find_spec("boto3") is None:
        raise ImproperlyConfigured(
            'MEKTEP_S3_BUCKET is set but django-storages is missing: pip install -e ".[s3]".'
        )
    key_id = environ.get("MEKTEP_S3_ACCESS_KEY_ID", "").strip()
    secret = environ.get("MEKTEP_S3_SECRET_ACCESS_KEY", "").strip()
    if bool(key_id) != bool(secret):
        raise ImproperlyConfigured(
            "Set both MEKTEP_S3_ACCESS_KEY_ID and MEKTEP_S3_SECRET_ACCESS_KEY, or neither."
        )
    endpoint = environ.get("MEKTEP_S3_ENDPOINT_URL", "").strip()
    if endpoint and not endpoint.startswith(("http://", "https://")):
        raise ImproperlyConfigured(
            f"MEKTEP_S3_ENDPOINT_URL must start with https:// or http://, not {endpoint!r}."
        )
    options = {
        "bucket_name": bucket,
        "endpoint_url": endpoint or None,
        "region_name": environ.get("MEKTEP_S3_REGION", "").strip() or None,
        "custom_domain": environ.get("MEKTEP_S3_CUSTOM_DOMAIN", "").strip().strip("/") or None,
        "object_acls": environ.get("MEKTEP_S3_ACLS", "on").strip().lower() not in OFF,
        # Two uploads with the same name stay two files (Django's behaviour on disk).
        "file_overwrite": False,
        # Links to private files (never put in a page: documents are served by Django) expire.
        "querystring_expire": 300,
    }
    if key_id:
        options.update(access_key=key_id, secret_key=secret)
    return {"BACKEND": OBJECT_STORE, "OPTIONS": options}
