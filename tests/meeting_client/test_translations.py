"""English is shipped for every Vietnamese string the client shows.

``pyside6-lupdate`` is run over the client's sources into a copy of the shipped
``.ts``: a string with no English (new, or changed since) comes out
``unfinished``. Fix: add English with ``scripts/update_translations.py``.
"""

from __future__ import annotations

import shutil
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
SHIPPED = ROOT / "resources" / "translations" / "meeting_client_en.ts"


def test_every_client_string_has_english(tmp_path: Path) -> None:
    copy = tmp_path / "check_en.ts"
    shutil.copy(SHIPPED, copy)
    sources = sorted(str(p) for p in (ROOT / "meeting_client").rglob("*.py"))
    lupdate = Path(sys.executable).with_name("pyside6-lupdate")
    subprocess.run([str(lupdate), *sources, "-ts", str(copy), "-no-obsolete"],
                   check=True, capture_output=True, timeout=300)
    missing = [
        f"{context.findtext('name')}: {message.findtext('source')}"
        for context in ET.parse(copy).getroot().iter("context")
        for message in context.iter("message")
        if message.find("translation").get("type") == "unfinished"  # type: ignore[union-attr]
    ]
    assert not missing, "no English for:\n" + "\n".join(missing[:50])


def test_the_shipped_qm_is_built_from_the_shipped_ts(tmp_path: Path) -> None:
    built = tmp_path / "built.qm"
    lrelease = Path(sys.executable).with_name("pyside6-lrelease")
    subprocess.run([str(lrelease), str(SHIPPED), "-qm", str(built)], check=True,
                   capture_output=True, timeout=120)
    assert built.read_bytes() == SHIPPED.with_suffix(".qm").read_bytes()
