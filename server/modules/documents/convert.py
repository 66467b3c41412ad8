"""Telling what an uploaded file is, and turning office files into PDF.

Conversion runs LibreOffice headless in a private, throw-away profile
(``-env:UserInstallation``) so that parallel conversions and a user's own
LibreOffice never lock each other out, with a hard timeout that kills the
whole process group. It blocks for seconds: callers run it in an executor,
never on the event loop.
"""

from __future__ import annotations

import contextlib
import os
import shutil
import signal
import subprocess
import tempfile
from dataclasses import dataclass
from pathlib import Path

PDF_MIME = "application/pdf"
OFFICE_TYPES: dict[str, str] = {
    ".doc": "application/msword",
    ".docx": "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    ".xls": "application/vnd.ms-excel",
    ".xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    ".ppt": "application/vnd.ms-powerpoint",
    ".pptx": "application/vnd.openxmlformats-officedocument.presentationml.presentation",
    ".odt": "application/vnd.oasis.opendocument.text",
    ".ods": "application/vnd.oasis.opendocument.spreadsheet",
    ".odp": "application/vnd.oasis.opendocument.presentation",
}
ZIP_MAGIC = b"PK\x03\x04"
OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
DEFAULT_TIMEOUT_S = 120.0


class UnsupportedFile(Exception):
    """Not a PDF nor an office file we convert, or a damaged one. ``str()`` is Vietnamese."""


class ConverterMissing(UnsupportedFile):
    """An office file, but LibreOffice is not installed on the server."""


@dataclass(frozen=True, slots=True)
class Kind:
    extension: str
    mime: str

    @property
    def is_pdf(self) -> bool:
        return self.mime == PDF_MIME


def soffice_path() -> str | None:
    return shutil.which("soffice") or shutil.which("libreoffice")


def sniff(path: Path, filename: str) -> Kind:
    """Decide from the name and the first/last bytes; refuse anything else.

    A PDF must start with ``%PDF-`` and end with ``%%EOF`` after a
    ``startxref`` (a truncated upload fails here). Office files must carry the
    container their extension promises (ZIP for OOXML and ODF, OLE2 for the
    1997-2003 formats); whether they are really readable is LibreOffice's call.

    Raises:
        UnsupportedFile: with a sentence for the uploader.
    """
    ext = Path(filename).suffix.lower()
    size = path.stat().st_size
    with path.open("rb") as f:
        head = f.read(8)
        f.seek(max(0, size - 2048))
        tail = f.read()
    if ext == ".pdf" or (ext not in OFFICE_TYPES and head.startswith(b"%PDF-")):
        if not head.startswith(b"%PDF-") or b"%%EOF" not in tail or (
                b"startxref" not in tail):
            raise UnsupportedFile("Tệp PDF bị hỏng hoặc không đầy đủ.")
        return Kind(".pdf", PDF_MIME)
    if ext not in OFFICE_TYPES:
        raise UnsupportedFile(
            "Chỉ nhận tệp PDF hoặc văn bản, bảng tính, trình chiếu (doc, docx, xls, xlsx, "
            "ppt, pptx, odt, ods, odp).")
    wanted = OLE_MAGIC if ext in (".doc", ".xls", ".ppt") else ZIP_MAGIC
    if not head.startswith(wanted):
        raise UnsupportedFile(f"Tệp {ext[1:].upper()} bị hỏng hoặc không đúng định dạng.")
    if soffice_path() is None:
        raise ConverterMissing(
            "Máy chủ chưa cài LibreOffice nên chưa chuyển được tệp văn phòng sang PDF; "
            "vui lòng tải lên bản PDF.")
    return Kind(ext, OFFICE_TYPES[ext])


def convert_to_pdf(source: Path, extension: str, workdir: Path, *,
                   timeout: float = DEFAULT_TIMEOUT_S) -> Path:
    """Convert ``source`` (an office file) to a PDF inside ``workdir``; return its path.

    Raises:
        ConverterMissing: no LibreOffice.
        UnsupportedFile: LibreOffice failed, timed out, or produced no valid PDF.
    """
    soffice = soffice_path()
    if soffice is None:
        raise ConverterMissing("Máy chủ chưa cài LibreOffice.")
    run_dir = Path(tempfile.mkdtemp(prefix="convert-", dir=workdir))
    try:
        named = run_dir / f"input{extension}"
        if _same_fs(source, run_dir):
            os.link(source, named)
        else:
            shutil.copy(source, named)
        profile = run_dir / "profile"
        out = run_dir / "out"
        cmd = [soffice, f"-env:UserInstallation={profile.as_uri()}", "--headless",
               "--invisible", "--norestore", "--nolockcheck", "--nodefault",
               "--convert-to", "pdf", "--outdir", str(out), str(named)]
        env = dict(os.environ, HOME=str(run_dir), SAL_USE_VCLPLUGIN="svp")
        proc = subprocess.Popen(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE,
                                start_new_session=True, env=env)
        try:
            _out, err = proc.communicate(timeout=timeout)
        except subprocess.TimeoutExpired:
            _kill_group(proc)
            raise UnsupportedFile("Chuyển đổi sang PDF quá thời gian cho phép.") from None
        result = out / "input.pdf"
        if proc.returncode != 0 or not result.is_file() or result.stat().st_size == 0:
            raise UnsupportedFile("Không chuyển được tệp sang PDF: tệp có thể bị hỏng.") from (
                RuntimeError(err.decode(errors="replace")[-500:]))
        final = workdir / f"{run_dir.name}.pdf"
        os.replace(result, final)
        sniff(final, "converted.pdf")
        return final
    finally:
        shutil.rmtree(run_dir, ignore_errors=True)


def _same_fs(a: Path, folder: Path) -> bool:
    try:
        return a.stat().st_dev == folder.stat().st_dev
    except OSError:
        return False


def _kill_group(proc: subprocess.Popen[bytes]) -> None:
    with contextlib.suppress(ProcessLookupError):
        os.killpg(proc.pid, signal.SIGKILL)
    proc.wait(10)
