"""Wording shared by every Decree-30 document (minutes, notices, invitations): dates,
agency names, Unicode normalisation. Pure: no I/O, no rendering."""

from __future__ import annotations

import unicodedata
from datetime import date


def nfc(text: str) -> str:
    """NFC-normalise: reportlab misplaces accents of decomposed (NFD) Vietnamese."""
    return unicodedata.normalize("NFC", text)


def two_digits(n: int) -> str:
    """Decree 30 writes numbers below 10 with a leading zero (số 05, ngày 05)."""
    return f"{n:02d}"


def vn_date(d: date) -> str:
    """"ngày 05 tháng 02 năm 2026": day < 10 and months 1–2 take a leading zero (Decree 30)."""
    month = two_digits(d.month) if d.month <= 2 else str(d.month)
    return f"ngày {two_digits(d.day)} tháng {month} năm {d.year}"


def place_date_line(place_name: str, d: date) -> str:
    """"Móng Cái, ngày 24 tháng 11 năm 2026" under the national motto."""
    return nfc(f"{place_name}, {vn_date(d)}")


_AGENCY_PREFIXES = ("HỘI ĐỒNG NHÂN DÂN", "ỦY BAN NHÂN DÂN", "UỶ BAN NHÂN DÂN")


def agency_lines(agency: str) -> list[str]:
    """Upper-case agency name split where a clerk would break it in the header.

    Explicit newlines win; otherwise "HỘI ĐỒNG NHÂN DÂN" / "ỦY BAN NHÂN DÂN" go on their own
    line, so the header never breaks in the middle of a place name.
    """
    text = nfc(agency).upper()
    if "\n" in text:
        return [line.strip() for line in text.splitlines() if line.strip()]
    for prefix in _AGENCY_PREFIXES:
        if text.startswith(prefix + " "):
            return [prefix, text[len(prefix) :].strip()]
    return [text]


_PLACE_MARKERS = ("THÀNH PHỐ", "THỊ XÃ", "HUYỆN", "QUẬN", "TỈNH", "PHƯỜNG", "XÃ")
_ABBREV = (("HỘI ĐỒNG NHÂN DÂN", "HĐND"), ("ỦY BAN NHÂN DÂN", "UBND"),
           ("UỶ BAN NHÂN DÂN", "UBND"))


def agency_abbrev(body: str) -> str:
    """"UBND" for the number line (Số: …/GM-UBND); "VP" for anything else."""
    upper = nfc(body).upper()
    for prefix, abbrev in _ABBREV:
        if upper.startswith(prefix):
            return abbrev
    return "VP"


def place_name(body: str) -> str:
    """"Móng Cái" from "ỦY BAN NHÂN DÂN THÀNH PHỐ MÓNG CÁI"."""
    upper = nfc(body).upper()
    for marker in _PLACE_MARKERS:
        at = upper.find(f" {marker} ")
        if at >= 0:
            return " ".join(w.capitalize() for w in upper[at + len(marker) + 2:].split())
    return ""
