"""Writing an archive, and reading one back only if every part of it checks out.

An archive is a tar file (gzip-compressed unless its name ends in `.tar`), optionally encrypted
as a whole (encryption.py). Its members are `database/...`, `media/<path under MEDIA_ROOT>` and
`manifest.json` last, which lists every other member with its size and SHA-256. Reading
never extracts a name as given: each must be a regular file under `database/` or `media/`, with
no absolute path and no `..`; each is copied into a staging directory with at most its manifest
size read, then hashed; only then may the caller touch the installation.
"""

import hashlib
import json
import os
import shutil
import tarfile
import tempfile
import zlib
from pathlib import Path, PurePosixPath

from schoolsite.backup import database, encryption, manifest
from schoolsite.backup.media import PREFIX as MEDIA_PREFIX
from schoolsite.backup.media import media_files

MANIFEST_LIMIT = 64 * 1024 * 1024
COPY_BUFFER = 1024 * 1024
AREAS = ("database/", MEDIA_PREFIX)


class ArchiveError(Exception):
    """The archive is unreadable, damaged, unsafe, or not a Mektep backup."""


class HashingReader:
    """Reads a file for tarfile while hashing exactly what was read."""

    def __init__(self, file):
        self.file, self.sha256, self.size = file, hashlib.sha256(), 0

    def read(self, size=-1) -> bytes:
        data = self.file.read(size)
        self.sha256.update(data)
        self.size += len(data)
        return data


def compressed(output: Path) -> bool:
    name = output.name.removesuffix(".enc")
    return not name.endswith(".tar")


def write(output: Path, media_root: Path, passphrase: str = "") -> dict:
    """Writes the installation's backup to `output`; returns its manifest."""
    with tempfile.TemporaryDirectory(prefix="mektep-backup-") as work:
        dump = Path(work) / "database"
        database.dump(dump)
        sources = {database.member_name(): dump}
        for name in media_files(media_root):
            sources[MEDIA_PREFIX + name] = media_root / name
        return write_members(output, sources, manifest.build, passphrase)


def write_members(output: Path, sources: dict[str, Path], describe, passphrase: str) -> dict:
    """Writes the files `sources` ({member name: path}) and, last, the manifest that
    `describe(members)` makes of their sizes and checksums. Through a temporary file renamed at
    the end, so that a failed run never leaves a half-written archive under the final name."""
    output = Path(output)
    output.parent.mkdir(parents=True, exist_ok=True)
    descriptor, partial = tempfile.mkstemp(
        dir=output.parent, prefix=f".{output.name}.", suffix=".partial"
    )
    try:
        with os.fdopen(descriptor, "wb") as raw:
            target = encryption.EncryptingWriter(raw, passphrase) if passphrase else raw
            mode = "w|gz" if compressed(output) else "w|"
            with tarfile.open(mode=mode, fileobj=target, format=tarfile.PAX_FORMAT) as tar:
                members = {name: add(tar, name, path) for name, path in sources.items()}
                document = describe(members)
                text = json.dumps(document, indent=2, ensure_ascii=False).encode()
                info = tarfile.TarInfo(manifest.NAME)
                info.size, info.mode = len(text), 0o600
                tar.addfile(info, BytesReader(text))
            if passphrase:
                target.close()
            raw.flush()
            os.fsync(raw.fileno())
        os.replace(partial, output)
    except BaseException:
        Path(partial).unlink(missing_ok=True)
        raise
    return document


class BytesReader:
    """The manifest, for tarfile.addfile."""

    def __init__(self, data: bytes):
        self.data, self.offset = data, 0

    def read(self, size=-1) -> bytes:
        end = len(self.data) if size < 0 else self.offset + size
        chunk, self.offset = self.data[self.offset : end], min(end, len(self.data))
        return chunk


def add(tar, name: str, path: Path) -> dict:
    stat = path.stat()
    info = tarfile.TarInfo(name)
    info.size, info.mtime, info.mode = stat.st_size, int(stat.st_mtime), 0o600
    with open(path, "rb") as file:
        reader = HashingReader(file)
        tar.addfile(info, reader)
    return {"size": info.size, "sha256": reader.sha256.hexdigest()}


def read(path: Path, staging: Path, passphrase: str = "") -> dict:
    """Checks the archive at `path` whole and copies its members under `staging/content`;
    returns the manifest. Raises ArchiveError or manifest.ManifestError on any doubt."""
    path = Path(path)
    try:
        encrypted = encryption.is_encrypted(path)
    except OSError as error:
        raise ArchiveError(f"Cannot open {path}: {error.strerror}.") from None
    if encrypted:
        if not passphrase:
            raise ArchiveError(
                f"The archive is encrypted: set {encryption.KEY_VARIABLE} to its key."
            )
        plain = staging / "archive.tar"
        try:
            encryption.decrypt_file(path, plain, passphrase)
        except encryption.DecryptionError as error:
            raise ArchiveError(str(error)) from None
        path = plain
    try:
        with tarfile.open(path, "r:*") as tar:
            found = tar.getmembers()
            # The manifest first: it tells a foreign archive from a Mektep backup.
            document = read_manifest(tar, [m for m in found if m.name == manifest.NAME])
            listed = manifest.validate(document)
            members = checked_members(found)
            del members[manifest.NAME]
            check_members_match(members, listed)
            manifest.check_fits_this_installation(document)
            if database.member_name() not in listed:
                raise ArchiveError("The archive holds no copy of the database.")
            check_space(staging, listed)
            content = staging / "content"
            for name, member in members.items():
                extract(tar, member, content / name, listed[name])
    except (tarfile.TarError, EOFError, zlib.error, OSError) as error:
        raise ArchiveError(
            f"The archive cannot be read; it may be truncated or damaged ({error})."
        ) from None
    return document


def checked_members(members) -> dict:
    found = {}
    for member in members:
        name = member.name
        parts = PurePosixPath(name).parts
        unsafe = (
            not name
            or name.startswith("/")
            or "\\" in name
            or "\x00" in name
            or any(part in ("..", ".", "") for part in parts)
            or PurePosixPath(name).as_posix() != name  # "media//a" and "media/a" are one file
            or not (name == manifest.NAME or name.startswith(AREAS))
        )
        if unsafe:
            raise ArchiveError(f"The archive holds a member with an unsafe name: {name!r}.")
        if not member.isreg():
            raise ArchiveError(
                f"The archive member {name!r} is not a regular file (a link, a directory or a "
                "device); a backup holds only files."
            )
        if name in found:
            raise ArchiveError(f"The archive holds {name!r} twice.")
        found[name] = member
    return found


def read_manifest(tar, candidates: list) -> dict:
    if not candidates:
        raise ArchiveError("The archive has no manifest.json: it is not a Mektep backup.")
    if len(candidates) > 1 or not candidates[0].isreg():
        raise ArchiveError("The archive's manifest.json is not one regular file.")
    member = candidates[0]
    if member.size > MANIFEST_LIMIT:
        raise ArchiveError("The archive's manifest is implausibly large.")
    data = tar.extractfile(member).read(member.size)
    if len(data) != member.size:
        raise ArchiveError("The archive is truncated (in its manifest).")
    try:
        return json.loads(data)
    except (ValueError, UnicodeDecodeError):
        raise manifest.ManifestError("The archive's manifest is not valid JSON.") from None


def check_members_match(members: dict, listed: dict) -> None:
    unlisted = sorted(set(members) - set(listed))
    missing = sorted(set(listed) - set(members))
    if unlisted:
        raise ArchiveError(f"The archive holds members its manifest does not list: {unlisted[:5]}")
    if missing:
        raise ArchiveError(f"The archive lacks members its manifest lists: {missing[:5]}")
    for name, member in members.items():
        if member.size != listed[name]["size"]:
            raise ArchiveError(
                f"The archive member {name!r} has {member.size} bytes; its manifest says "
                f"{listed[name]['size']}."
            )


def check_space(staging: Path, listed: dict) -> None:
    needed = sum(entry["size"] for entry in listed.values())
    free = shutil.disk_usage(staging).free
    if needed > free:
        raise ArchiveError(
            f"Unpacking the archive needs {needed} bytes; {staging} has {free} free."
        )


def extract(tar, member, target: Path, entry: dict) -> None:
    target.parent.mkdir(parents=True, exist_ok=True)
    source = tar.extractfile(member)
    sha256, remaining = hashlib.sha256(), entry["size"]
    with open(target, "wb") as file:
        while remaining:
            data = source.read(min(COPY_BUFFER, remaining))
            if not data:
                raise ArchiveError(f"The archive is truncated (in {member.name!r}).")
            sha256.update(data)
            file.write(data)
            remaining -= len(data)
    if sha256.hexdigest() != entry["sha256"]:
        raise ArchiveError(
            f"The archive member {member.name!r} does not match its checksum: the archive is "
            "damaged."
        )
