"""Content-addressed blob store on disk (SHA-256), beside the database."""

from __future__ import annotations

import contextlib
import hashlib
import os
import tempfile
from pathlib import Path

HEX = frozenset("0123456789abcdef")


def is_sha256(text: str) -> bool:
    return len(text) == 64 and all(c in HEX for c in text)


def file_sha256(path: Path, block: int = 1 << 20) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as f:
        while chunk := f.read(block):
            digest.update(chunk)
    return digest.hexdigest()


class BlobStore:
    """Files named by their SHA-256; writes are atomic (temp file, fsync, rename).

    A blob is never changed once written; equal content is stored once, which
    is why removing a blob is only for undoing a write nobody refers to yet.
    """

    def __init__(self, root: Path) -> None:
        self.root = root

    def path(self, sha256: str) -> Path:
        if not is_sha256(sha256):
            raise ValueError("not a SHA-256 hex digest")
        return self.root / sha256[:2] / sha256

    def exists(self, sha256: str) -> bool:
        return self.path(sha256).is_file()

    def put(self, data: bytes) -> str:
        digest = hashlib.sha256(data).hexdigest()
        target = self.path(digest)
        if target.exists():
            return digest
        target.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(dir=target.parent, prefix=".part-")
        try:
            with os.fdopen(fd, "wb") as f:
                f.write(data)
                f.flush()
                os.fsync(f.fileno())
            os.replace(tmp, target)
        except BaseException:
            Path(tmp).unlink(missing_ok=True)
            raise
        return digest

    def put_file(self, source: Path, sha256: str) -> bool:
        """Move ``source`` (whose hash the caller computed) into the store.

        Returns:
            True when the blob is new, False when it was already stored (then
            ``source`` is deleted).
        """
        target = self.path(sha256)
        if target.exists():
            source.unlink(missing_ok=True)
            return False
        target.parent.mkdir(parents=True, exist_ok=True)
        with source.open("rb") as f:
            os.fsync(f.fileno())
        try:
            os.replace(source, target)
        except OSError:  # another file system: copy through a temp file
            with source.open("rb") as f:
                self.put(f.read())
            source.unlink(missing_ok=True)
        return True

    def remove(self, sha256: str) -> None:
        """Undo a :meth:`put_file` whose database row never committed."""
        with contextlib.suppress(FileNotFoundError):
            self.path(sha256).unlink()

    def get(self, sha256: str) -> bytes:
        return self.path(sha256).read_bytes()

    def scratch_dir(self) -> Path:
        """Where uploads and conversions are assembled (same file system as the blobs)."""
        folder = self.root / ".incoming"
        folder.mkdir(parents=True, exist_ok=True)
        return folder
