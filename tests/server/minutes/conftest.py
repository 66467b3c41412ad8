"""Fixtures for the minutes tests: the sample session and poppler-based oracles."""

from __future__ import annotations

import html
import re
from collections.abc import Callable
from pathlib import Path

import pytest

from server.modules.minutes.model import MinutesDraft
from tests.server.minutes.minutes_samples import Word, run_poppler, sample_draft


@pytest.fixture
def draft() -> MinutesDraft:
    """A fresh copy of the sample session."""
    return sample_draft()


@pytest.fixture
def pdftotext(tmp_path: Path) -> Callable[..., str]:
    """Text of a PDF (optionally one page), as poppler extracts it."""

    def run(data: bytes, page: int | None = None, layout: bool = False) -> str:
        args = ["pdftotext", "-enc", "UTF-8"]
        if page is not None:
            args += ["-f", str(page), "-l", str(page)]
        if layout:
            args.append("-layout")
        return run_poppler(args, data, tmp_path)

    return run


@pytest.fixture
def pdf_words(tmp_path: Path) -> Callable[[bytes, int], tuple[float, float, list[Word]]]:
    """(page width, page height, words) of one page, via ``pdftotext -bbox``."""

    def run(data: bytes, page: int) -> tuple[float, float, list[Word]]:
        page_html = run_poppler(
            ["pdftotext", "-bbox", "-enc", "UTF-8", "-f", str(page), "-l", str(page)],
            data,
            tmp_path,
        )
        size = re.search(r'<page width="([\d.]+)" height="([\d.]+)"', page_html)
        assert size, page_html[:500]
        words = [
            Word(html.unescape(m[4]), float(m[0]), float(m[1]), float(m[2]), float(m[3]))
            for m in re.findall(
                r'<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">'
                r"(.*?)</word>",
                page_html,
            )
        ]
        return float(size[1]), float(size[2]), words

    return run


@pytest.fixture
def pdfinfo(tmp_path: Path) -> Callable[[bytes], dict[str, str]]:
    """``pdfinfo`` fields as a dict."""

    def run(data: bytes) -> dict[str, str]:
        text = run_poppler(["pdfinfo"], data, tmp_path, to_stdout=False)
        info = {}
        for line in text.splitlines():
            key, _, value = line.partition(":")
            info[key.strip()] = value.strip()
        return info

    return run


@pytest.fixture
def pdffonts(tmp_path: Path) -> Callable[[bytes], list[list[str]]]:
    """Rows of ``pdffonts`` (name, type, encoding, emb, sub, uni, object, ID)."""

    def run(data: bytes) -> list[list[str]]:
        lines = run_poppler(["pdffonts"], data, tmp_path, to_stdout=False).splitlines()[2:]
        return [line.split() for line in lines if line.strip()]

    return run
