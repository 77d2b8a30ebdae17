"""Encrypted archives: AES-256-GCM over fixed-size chunks, with a key from the environment.

Archives hold personal data (staff, visitors' messages, accounts), so they can be encrypted with
MEKTEP_BACKUP_KEY. The key is stretched with scrypt and a random salt per archive. The archive is
cut into chunks so that a large archive never has to fit in memory; each chunk's nonce carries
its number and whether it is the last one, so that reordered, dropped or truncated chunks fail
authentication instead of yielding a shorter archive. A key check in the header tells a wrong
key apart from a damaged file.
"""

import os
import struct

from cryptography.exceptions import InvalidTag
from cryptography.hazmat.primitives.ciphers.aead import AESGCM
from cryptography.hazmat.primitives.kdf.scrypt import Scrypt

KEY_VARIABLE = "MEKTEP_BACKUP_KEY"
MAGIC = b"MEKTEP-BACKUP-AES256GCM-1\n"
SALT_BYTES = 16
PREFIX_BYTES = 7  # + 4 bytes of chunk number + 1 byte "last chunk" = a 12-byte nonce
CHUNK = 1024 * 1024
TAG = 16
KEY_CHECK_NONCE_TAIL = b"\xff" * 5  # never a chunk's: its "last chunk" byte is 0 or 1
MINIMUM_KEY_LENGTH = 16


class DecryptionError(Exception):
    """The archive cannot be decrypted: wrong key, or damaged."""


def key_from_environment() -> str:
    return os.environ.get(KEY_VARIABLE, "")


def check_key(passphrase: str) -> None:
    if len(passphrase) < MINIMUM_KEY_LENGTH:
        raise ValueError(
            f"{KEY_VARIABLE} must be at least {MINIMUM_KEY_LENGTH} characters long "
            "(for example the output of `openssl rand -base64 32`)."
        )


def derive_key(passphrase: str, salt: bytes) -> bytes:
    return Scrypt(salt=salt, length=32, n=2**15, r=8, p=1).derive(passphrase.encode())


def is_encrypted(path) -> bool:
    with open(path, "rb") as file:
        return file.read(len(MAGIC)) == MAGIC


def nonce(prefix: bytes, number: int, last: bool) -> bytes:
    return prefix + struct.pack(">IB", number, int(last))


class EncryptingWriter:
    """A file-like object (write, close) that encrypts what is written into `target`."""

    def __init__(self, target, passphrase: str):
        check_key(passphrase)
        salt, self.prefix = os.urandom(SALT_BYTES), os.urandom(PREFIX_BYTES)
        self.header = MAGIC + salt + self.prefix
        self.aead = AESGCM(derive_key(passphrase, salt))
        self.target = target
        self.buffer = bytearray()
        self.number = 0
        key_check = self.aead.encrypt(self.prefix + KEY_CHECK_NONCE_TAIL, b"", self.header)
        target.write(self.header + key_check)

    def write(self, data) -> int:
        self.buffer += data
        # A chunk is written only once more data follows it: the last one is written by close().
        while len(self.buffer) > CHUNK:
            self.emit(bytes(self.buffer[:CHUNK]), last=False)
            del self.buffer[:CHUNK]
        return len(data)

    def emit(self, plain: bytes, last: bool) -> None:
        sealed = self.aead.encrypt(nonce(self.prefix, self.number, last), plain, self.header)
        self.target.write(struct.pack(">I", len(sealed)) + sealed)
        self.number += 1

    def close(self) -> None:
        self.emit(bytes(self.buffer), last=True)
        self.buffer.clear()


def decrypt_file(source_path, target_path, passphrase: str) -> None:
    """Writes the plain archive to `target_path`; raises DecryptionError before returning if
    any chunk fails authentication (the caller then discards the target)."""
    with open(source_path, "rb") as source, open(target_path, "wb") as target:
        header = source.read(len(MAGIC) + SALT_BYTES + PREFIX_BYTES)
        key_check = source.read(TAG)
        if len(header) + len(key_check) != len(MAGIC) + SALT_BYTES + PREFIX_BYTES + TAG:
            raise DecryptionError("The encrypted archive is truncated.")
        salt = header[len(MAGIC) : len(MAGIC) + SALT_BYTES]
        prefix = header[len(MAGIC) + SALT_BYTES :]
        aead = AESGCM(derive_key(passphrase, salt))
        try:
            aead.decrypt(prefix + KEY_CHECK_NONCE_TAIL, key_check, header)
        except InvalidTag:
            raise DecryptionError(
                f"Wrong key: this archive was encrypted with another {KEY_VARIABLE}."
            ) from None
        number, sealed = 0, read_chunk(source)
        while sealed is not None:
            following = read_chunk(source)
            last = following is None
            try:
                target.write(aead.decrypt(nonce(prefix, number, last), sealed, header))
            except InvalidTag:
                raise DecryptionError(
                    "The encrypted archive is damaged or truncated (a part of it fails "
                    "authentication)."
                ) from None
            number, sealed = number + 1, following
        if number == 0:
            raise DecryptionError("The encrypted archive is truncated.")


def read_chunk(source) -> bytes | None:
    length = source.read(4)
    if not length:
        return None
    if len(length) != 4:
        raise DecryptionError("The encrypted archive is truncated.")
    (size,) = struct.unpack(">I", length)
    if size > CHUNK + TAG:
        raise DecryptionError("The encrypted archive is damaged (a part is too large).")
    sealed = source.read(size)
    if len(sealed) != size:
        raise DecryptionError("The encrypted archive is truncated.")
    return sealed
