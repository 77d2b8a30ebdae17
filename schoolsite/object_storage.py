"""Uploads in an S3-compatible bucket that several application servers share (settings in
schoolsite/settings/media.py; the README's "District set-up (several servers)").

On one machine nginx serves only the image folders of MEDIA_ROOT, and documents, consent scans
among them, are served by Wagtail's /documents/ view, which applies their privacy. The bucket
keeps that split: images are readable by anyone at plain addresses, which the public pages link;
every other file is private to the bucket's key and reaches a visitor only through Django.
Images get unguessable names here too (schoolsite/storage.py).
"""

from functools import cached_property

from storages.backends.s3 import S3Storage
from storages.utils import clean_name

from .storage import UnguessableNamesMixin

# What nginx serves from MEDIA_ROOT on one machine.
PUBLIC_FOLDERS = ("images", "original_images")
# Images get new names when they change; a day bounds how long a deleted photo (a withdrawn
# consent) stays in browsers and caches.
PUBLIC_CACHE_CONTROL = "public, max-age=86400"


def is_public(name: str) -> bool:
    return clean_name(name).lstrip("/").split("/", 1)[0] in PUBLIC_FOLDERS


class S3MediaStorage(UnguessableNamesMixin, S3Storage):
    """A bucket shared by every application server. Images are readable by anyone at plain
    addresses (the public pages link them); every other file is private to the bucket's key."""

    def get_default_settings(self):
        # `object_acls` off: the bucket refuses ACLs, and its policy makes the image folders public.
        return {**super().get_default_settings(), "object_acls": True}

    def get_object_parameters(self, name):
        params = super().get_object_parameters(name)
        public = is_public(name)
        if public:
            params.setdefault("CacheControl", PUBLIC_CACHE_CONTROL)
        if self.object_acls:
            params["ACL"] = "public-read" if public else "private"
        return params

    def url(self, name, parameters=None, expire=None, http_method=None):
        if not is_public(name) or parameters or http_method:
            return super().url(name, parameters, expire, http_method)
        key = self._normalize_name(clean_name(name))
        if self.custom_domain:
            return super().url(name)  # no signer configured: a plain address
        client = self.unsigned_connection.meta.client
        return client.generate_presigned_url(
            "get_object", Params={"Bucket": self.bucket_name, "Key": key}
        )

    @cached_property
    def public_url_prefix(self) -> str:
        """What every public file's address starts with, e.g. `https://media.district.kg/`:
        the pages' Content-Security-Policy allows images from there, and the static export
        copies files found there from the bucket."""
        probe = "images/probe.png"
        return self.url(probe).removesuffix(probe)
