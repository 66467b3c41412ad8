"""One health probe of a camera: ``ffprobe`` in a subprocess, off the event loop.

The probe opens the source and reads its stream list; it succeeds when ffprobe
exits 0 and names at least one stream within the timeout. A probe that hangs is
killed. Its error output may hold the URL: it is never logged.
"""

from __future__ import annotations

import asyncio
import contextlib
import re
import shutil

_USERINFO = re.compile(r"(?<=//)[^/@\s]+@")


def mask_url(url: str) -> str:
    """``url`` with any ``user:password@`` replaced by ``***@`` (for the CLI and logs)."""
    return _USERINFO.sub("***@", url)


def ffprobe_path() -> str:
    return shutil.which("ffprobe") or "ffprobe"


async def probe(url: str, timeout: float) -> bool:
    """Whether the source at ``url`` answers with at least one stream within ``timeout``."""
    args = [ffprobe_path(), "-v", "error", "-analyzeduration", "1000000", "-probesize",
            "500000", "-show_entries", "stream=codec_type",
            "-of", "csv=p=0"]
    if url.startswith("rtsp"):
        args += ["-rtsp_transport", "tcp"]
    args += ["-i", url]
    try:
        proc = await asyncio.create_subprocess_exec(
            *args, stdin=asyncio.subprocess.DEVNULL, stdout=asyncio.subprocess.PIPE,
            stderr=asyncio.subprocess.DEVNULL)
    except OSError:
        return False
    try:
        out, _ = await asyncio.wait_for(proc.communicate(), timeout)
    except (TimeoutError, asyncio.CancelledError) as exc:
        with contextlib.suppress(ProcessLookupError):
            proc.kill()
        with contextlib.suppress(Exception):
            await asyncio.shield(proc.wait())
        if isinstance(exc, asyncio.CancelledError):
            raise
        return False
    return proc.returncode == 0 and bool(out.strip())
