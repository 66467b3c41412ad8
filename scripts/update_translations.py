"""Refresh the English translation of the client: lupdate, fold in new strings, lrelease.

Vietnamese is the source language. ``pyside6-lupdate`` collects every ``tr()``
string of ``meeting_client/`` into ``resources/translations/meeting_client_en.ts``
(keeping translations already there); English for new strings comes from
``resources/translations/new_*.tsv`` files (``context<TAB>Vietnamese<TAB>English``,
written next to the code that added them), which are folded in and removed;
``pyside6-lrelease`` then builds the ``.qm`` the client loads. Strings still
without English are listed, and the exit status is 1 if there are any.

    .venv/bin/python scripts/update_translations.py
"""

from __future__ import annotations

import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
FOLDER = ROOT / "resources" / "translations"
TS = FOLDER / "meeting_client_en.ts"
BIN = Path(sys.executable).parent


def lupdate() -> None:
    sources = sorted(str(p.relative_to(ROOT)) for p in (ROOT / "meeting_client").rglob("*.py"))
    subprocess.run([str(BIN / "pyside6-lupdate"), *sources, "-ts", str(TS.relative_to(ROOT)),
                    "-no-obsolete", "-locations", "absolute"], cwd=ROOT, check=True,
                   capture_output=True)


def main() -> int:
    lupdate()
    english: dict[tuple[str, str], str] = {}
    for tsv in sorted(FOLDER.glob("new_*.tsv")):
        for line in tsv.read_text(encoding="utf-8").splitlines():
            parts = line.split("\t")
            if len(parts) == 3 and all(parts):
                english[(parts[0], parts[1])] = parts[2]
    tree = ET.parse(TS)
    missing = []
    for context in tree.getroot().iter("context"):
        name = context.findtext("name", "")
        for message in context.iter("message"):
            source = message.findtext("source", "")
            translation = message.find("translation")
            assert translation is not None
            found = english.get((name, source))
            if found is not None:
                translation.text = found
                translation.attrib.pop("type", None)
            elif translation.get("type") == "unfinished" or not (translation.text or "").strip():
                missing.append(f"{name}: {source}")
    ET.indent(tree, space="    ")
    body = ET.tostring(tree.getroot(), encoding="unicode")
    TS.write_text('<?xml version="1.0" encoding="utf-8"?>\n<!DOCTYPE TS>\n' + body + "\n",
                  encoding="utf-8")
    lupdate()  # back to lupdate's own layout, so that diffs stay small
    subprocess.run([str(BIN / "pyside6-lrelease"), str(TS), "-qm", str(TS.with_suffix(".qm"))],
                   cwd=ROOT, check=True, capture_output=True)
    for tsv in FOLDER.glob("new_*.tsv"):
        tsv.unlink()
    for line in missing:
        print("no English yet:", line)
    print(f"{TS.relative_to(ROOT)}: {len(missing)} string(s) without English")
    return 1 if missing else 0


if __name__ == "__main__":
    sys.exit(main())
