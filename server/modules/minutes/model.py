"""The minutes (biên bản) of a finished meeting as plain, typed data, and the wording of it.

Everything here is pure (no I/O, no database): the server fills a ``MinutesDraft`` from the
session's timeline and the clerk's notes, and both renderers (PDF and DOCX) turn it into a
document. The Vietnamese wording lives here once, in :func:`minutes_body`, so the two
renderers cannot drift apart: they only decide how each block looks.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import datetime
from typing import Literal

from server.paperwork.wording import (  # noqa: F401  re-exported for the renderers
    agency_lines,
    nfc,
    place_date_line,
    two_digits,
    vn_date,
)

Majority = Literal["simple", "absolute", "two_thirds"]
Outcome = Literal["passed", "rejected"]


@dataclass(frozen=True)
class Person:
    """A named participant; ``title`` is the office shown after the name."""

    full_name: str
    title: str | None = None


@dataclass(frozen=True)
class Absentee:
    """A delegate who did not attend; ``reason`` None means absent without excuse."""

    person: Person
    reason: str | None = None


@dataclass(frozen=True)
class Attendance:
    """Roll-call result; ``expected`` is the total number of delegates."""

    expected: int
    present: list[Person]
    absent: list[Absentee] = field(default_factory=list)
    guests: list[Person] = field(default_factory=list)


@dataclass(frozen=True)
class Speech:
    """One turn at the floor, as recorded by the speaker queue."""

    person: Person
    started_at: datetime
    duration_s: int


@dataclass(frozen=True)
class NamedBallot:
    """One delegate's choice in an open vote; ``choice`` None means did not vote."""

    person: Person
    choice: str | None


@dataclass(frozen=True)
class PollResult:
    """A closed vote. ``ballots`` is only given for open (non-secret) votes."""

    title: str
    secret: bool
    options: list[str]
    tally: dict[str, int]
    cast: int
    eligible: int
    majority: Majority = "absolute"
    outcome: Outcome | None = None
    ballots: list[NamedBallot] | None = None


@dataclass(frozen=True)
class ItemMinutes:
    """What happened under one agenda item.

    ``opinions`` is the clerk's summary: paragraphs separated by blank lines, with optional
    ``<b>``/``<i>`` tags (see :func:`rich_paragraphs`).
    """

    position: int
    title: str
    taken_up_at: datetime | None = None
    documents: list[str] = field(default_factory=list)
    speeches: list[Speech] = field(default_factory=list)
    opinions: str = ""
    polls: list[PollResult] = field(default_factory=list)
    conclusions: str = ""


@dataclass(frozen=True)
class MinutesDraft:
    """Everything the minutes of one meeting say.

    ``number`` is the register number within ``year`` (numbering restarts each year); None
    leaves a blank for the clerk. ``filing`` ends the "Nơi nhận" list ("Lưu: VT, …").
    """

    agency: str
    agency_abbrev: str
    year: int
    place_name: str
    meeting_title: str
    location: str
    started_at: datetime
    chair: Person
    secretary: Person
    attendance: Attendance
    items: list[ItemMinutes] = field(default_factory=list)
    recipients: list[str] = field(default_factory=list)
    number: int | None = None
    parent_agency: str | None = None
    ended_at: datetime | None = None
    conclusions_general: str | None = None
    filing: str = "VT"
    audit_anchor: str | None = None
    """The meeting's event-log head, ``meeting:ID@SEQ=SHA256``: printed, it lets anyone
    check later that the electronic record behind these minutes was not cut or rewritten."""


# --------------------------------------------------------------------------- labels

OPTION_LABELS: dict[str, str] = {
    "yes": "Đồng ý",
    "no": "Không đồng ý",
    "abstain": "Không biểu quyết",
}

MAJORITY_LABELS: dict[str, str] = {
    "absolute": "quá nửa tổng số đại biểu",
    "simple": "đa số phiếu (tán thành nhiều hơn không tán thành)",
    "two_thirds": "ít nhất hai phần ba tổng số đại biểu",
}

OUTCOME_LABELS: dict[str, str] = {"passed": "Thông qua", "rejected": "Không thông qua"}


def option_label(option: str) -> str:
    """Vietnamese label of a ballot option; custom options (candidates…) print as given."""
    return OPTION_LABELS.get(option, option)


def majority_label(majority: str) -> str:
    """Vietnamese wording of the rule a vote needed to pass."""
    return MAJORITY_LABELS[majority]


def outcome_label(outcome: str | None) -> str | None:
    """"Thông qua"/"Không thông qua", or None while the outcome is not declared."""
    return None if outcome is None else OUTCOME_LABELS[outcome]


def poll_kind_label(poll: PollResult) -> str:
    """How the vote was taken, as the minutes say it."""
    return "bỏ phiếu kín" if poll.secret else "biểu quyết công khai"


def document_number(number: int | None, kind: str, abbrev: str) -> str:
    """"Số: 12/BB-HĐND", or a blank number for the clerk to fill in by hand."""
    num = two_digits(number) if number is not None else "\u00a0" * 6
    return nfc(f"Số: {num}/{kind}-{abbrev}")


def minutes_number_label(draft: MinutesDraft) -> str:
    """The minutes' number line, e.g. "Số: 12/BB-HĐND"."""
    return document_number(draft.number, "BB", draft.agency_abbrev)


def clock(t: datetime) -> str:
    """HH:MM, as speaking times are listed."""
    return t.strftime("%H:%M")


def clock_words(t: datetime) -> str:
    """"08 giờ 30 phút", the way the minutes state a time of day."""
    return f"{two_digits(t.hour)} giờ {two_digits(t.minute)} phút"


def duration_label(seconds: int) -> str:
    """"3 phút 20 giây"; zero parts are left out except for a zero-length speech."""
    seconds = max(0, int(seconds))
    h, rest = divmod(seconds, 3600)
    m, s = divmod(rest, 60)
    parts = []
    if h:
        parts.append(f"{h} giờ")
    if m:
        parts.append(f"{m} phút")
    if s or not parts:
        parts.append(f"{s} giây")
    return " ".join(parts)


def percent_label(count: int, total: int) -> str:
    """Share of ``total`` with a Vietnamese decimal comma: "83,33%"."""
    if total <= 0:
        return "0%"
    return f"{count * 100 / total:.2f}".replace(".", ",") + "%"


def person_label(person: Person) -> str:
    """"Nguyễn Văn An - Chủ tịch HĐND thành phố" (the title only when known)."""
    if person.title:
        return nfc(f"{person.full_name} - {person.title}")
    return nfc(person.full_name)


_COMMON_AGENCY_WORDS = frozenset(
    {
        "HỘI", "ĐỒNG", "NHÂN", "DÂN", "ỦY", "UỶ", "BAN", "THƯỜNG", "TRỰC", "VĂN", "PHÒNG",
        "VÀ", "THÀNH", "PHỐ", "TỈNH", "HUYỆN", "QUẬN", "THỊ", "XÃ", "TRẤN", "PHƯỜNG", "ĐẶC",
        "KHU",
    }
)  # fmt: skip


def agency_in_sentence(agency: str) -> str:
    """Agency name as written inside a sentence ("Hội đồng nhân dân thành phố Móng Cái").

    Names given in capitals (as on the header) are lowered word by word up to the place
    name, whose words keep an initial capital; mixed-case names are kept as typed.
    """
    text = " ".join(nfc(agency).split())
    if text != text.upper():
        return text
    words = text.split(" ")
    out: list[str] = []
    in_place = False
    for word in words:
        if not in_place and word in _COMMON_AGENCY_WORDS:
            out.append(word.lower())
        else:
            in_place = True
            out.append(word.capitalize())
    sentence = " ".join(out)
    return sentence[:1].upper() + sentence[1:]


# ----------------------------------------------------------------------- rich text


@dataclass(frozen=True)
class Run:
    """A stretch of text in one style; ``text`` may contain ``\\n`` (line break)."""

    text: str
    bold: bool = False
    italic: bool = False


_TAG = re.compile(r"<(/?)(b|i|strong|em)\s*>", re.IGNORECASE)


def rich_runs(text: str, *, bold: bool = False, italic: bool = False) -> tuple[Run, ...]:
    """Split one paragraph with ``<b>``/``<i>`` tags into runs; other ``<…>`` stay literal.

    Tags are toggles, not a tree, so a clerk's unbalanced tag cannot break rendering.
    """
    runs: list[Run] = []
    b, i = bold, italic
    pos = 0
    for m in _TAG.finditer(text):
        if m.start() > pos:
            runs.append(Run(nfc(text[pos : m.start()]), b, i))
        on = m.group(1) == ""
        if m.group(2).lower() in ("b", "strong"):
            b = on or bold
        else:
            i = on or italic
        pos = m.end()
    if pos < len(text):
        runs.append(Run(nfc(text[pos:]), b, i))
    return tuple(r for r in runs if r.text)


def rich_paragraphs(text: str) -> list[tuple[Run, ...]]:
    """Clerk's text → paragraphs (split on blank lines) of styled runs."""
    text = text.replace("\r\n", "\n").strip()
    if not text:
        return []
    chunks = re.split(r"\n\s*\n", text)
    paragraphs = [rich_runs(chunk.strip()) for chunk in chunks]
    return [p for p in paragraphs if p]


# ---------------------------------------------------------------------------- blocks

BlockKind = Literal[
    "body",  # justified paragraph with a first-line indent
    "section",  # bold section heading ("Thành phần tham dự:")
    "item",  # bold agenda-item heading
    "subhead",  # italic-bold label inside an item
    "bullet",  # "- …" line
    "end",  # closing sentence
]


@dataclass(frozen=True)
class Block:
    """One paragraph of the minutes' body, renderer-neutral."""

    kind: BlockKind
    runs: tuple[Run, ...]


@dataclass(frozen=True)
class AnnexTable:
    """The named ballots of one open vote, for the annex."""

    heading: str
    rows: list[tuple[str, str, str]]  # (STT, Họ và tên, Lựa chọn)


TABLE_HEADER: tuple[str, str, str] = ("STT", "Họ và tên", "Lựa chọn")


def _b(kind: BlockKind, *runs: Run | str) -> Block:
    return Block(kind, tuple(Run(nfc(r)) if isinstance(r, str) else r for r in runs))


def _label(label: str, value: str, kind: BlockKind = "body") -> Block:
    """"Label: value" with the label in bold, the common line shape of the minutes."""
    return Block(kind, (Run(nfc(label), bold=True), Run(nfc(value))))


def _attendance_blocks(draft: MinutesDraft) -> Iterable[Block]:
    att = draft.attendance
    yield _b("section", Run("Thành phần tham dự:", bold=True))
    yield _label("- Chủ tọa: ", person_label(draft.chair) + ";", "bullet")
    yield _label("- Thư ký: ", person_label(draft.secretary) + ";", "bullet")
    yield _label("- Có mặt: ", f"{len(att.present)}/{att.expected} đại biểu;", "bullet")
    if att.absent:
        yield _label("- Vắng mặt: ", f"{len(att.absent)} đại biểu, gồm:", "bullet")
        for a in att.absent:
            reason = f"có lý do: {a.reason}" if a.reason else "không có lý do"
            yield _b("bullet", f"+ {person_label(a.person)} ({reason});")
    else:
        yield _label("- Vắng mặt: ", "không;", "bullet")
    if att.guests:
        yield _label("- Khách mời: ", f"{len(att.guests)} đại biểu, gồm:", "bullet")
        for g in att.guests:
            yield _b("bullet", f"+ {person_label(g)};")


def _poll_blocks(letter: str, poll: PollResult) -> Iterable[Block]:
    yield Block(
        "bullet",
        (
            Run(nfc(f"{letter}) {poll.title}"), bold=True),
            Run(nfc(f" (hình thức: {poll_kind_label(poll)})")),
        ),
    )
    for opt in poll.options:
        n = poll.tally.get(opt, 0)
        share = percent_label(n, poll.eligible)
        yield _b("bullet", f"- {option_label(opt)}: {n} phiếu, bằng {share} tổng số đại biểu;")
    yield _b(
        "bullet",
        f"- Số đại biểu tham gia biểu quyết: {poll.cast}/{poll.eligible} "
        f"({percent_label(poll.cast, poll.eligible)});",
    )
    yield _b("bullet", f"- Điều kiện thông qua: {majority_label(poll.majority)};")
    outcome = outcome_label(poll.outcome)
    if outcome is not None:
        yield Block("bullet", (Run("- Kết quả: "), Run(nfc(outcome) + ".", bold=True)))


def _item_blocks(item: ItemMinutes) -> Iterable[Block]:
    yield _b("item", Run(nfc(f"{item.position}. {item.title}"), bold=True))
    if item.taken_up_at is not None:
        yield _label("Thời gian: ", f"bắt đầu lúc {clock_words(item.taken_up_at)}.")
    if item.documents:
        yield _b("subhead", Run("Tài liệu:", bold=True))
        for doc in item.documents:
            yield _b("bullet", f"- {doc};")
    if item.speeches:
        yield _b("subhead", Run("Đại biểu phát biểu:", bold=True))
        for sp in item.speeches:
            office = f" ({sp.person.title})" if sp.person.title else ""
            yield Block(
                "bullet",
                (
                    Run("- "),
                    Run(nfc(sp.person.full_name), bold=True),
                    Run(
                        nfc(
                            f"{office}: phát biểu lúc {clock(sp.started_at)}, "
                            f"thời lượng {duration_label(sp.duration_s)};"
                        )
                    ),
                ),
            )
    paragraphs = rich_paragraphs(item.opinions)
    if paragraphs:
        yield _b("subhead", Run("Ý kiến thảo luận:", bold=True))
        for runs in paragraphs:
            yield Block("body", runs)
    if item.polls:
        yield _b("subhead", Run("Kết quả biểu quyết:", bold=True))
        for idx, poll in enumerate(item.polls):
            yield from _poll_blocks(_letter(idx), poll)
    conclusions = rich_paragraphs(item.conclusions)
    if conclusions:
        yield _b("subhead", Run("Kết luận của Chủ tọa:", bold=True))
        for runs in conclusions:
            yield Block("body", runs)


def _letter(idx: int) -> str:
    """a, b, c … z, then aa, ab …: Vietnamese documents letter sub-points."""
    letters = "abcdefghijklmnopqrstuvwxyz"
    out = ""
    idx += 1
    while idx:
        idx, r = divmod(idx - 1, 26)
        out = letters[r] + out
    return out


def end_sentence(draft: MinutesDraft) -> str:
    """The closing line; blanks are left when the end time is not known yet."""
    end = draft.ended_at
    if end is None:
        return "Cuộc họp kết thúc vào lúc ...... giờ ...... phút cùng ngày./."
    if end.date() == draft.started_at.date():
        return nfc(f"Cuộc họp kết thúc vào lúc {clock_words(end)} cùng ngày./.")
    return nfc(f"Cuộc họp kết thúc vào lúc {clock_words(end)}, {vn_date(end.date())}./.")


def minutes_body(draft: MinutesDraft) -> list[Block]:
    """The body of the minutes, from "Thời gian bắt đầu" to the closing sentence."""
    start = draft.started_at
    blocks: list[Block] = [
        _label("Thời gian bắt đầu: ", f"{clock_words(start)}, {vn_date(start.date())}."),
        _label("Địa điểm: ", f"{draft.location}."),
    ]
    blocks.extend(_attendance_blocks(draft))
    blocks.append(_b("section", Run("Nội dung (theo diễn biến cuộc họp):", bold=True)))
    for item in sorted(draft.items, key=lambda it: it.position):
        blocks.extend(_item_blocks(item))
    general = rich_paragraphs(draft.conclusions_general or "")
    if general:
        blocks.append(_b("section", Run("Kết luận chung của Chủ tọa:", bold=True)))
        blocks.extend(Block("body", runs) for runs in general)
    blocks.append(_b("end", end_sentence(draft)))
    return blocks


AUDIT_LABEL = "Mã kiểm chứng nhật ký điện tử (meeting-server verify-audit --anchor):"


def audit_lines(draft: MinutesDraft) -> list[str]:
    """The closing small print: what to check the electronic record against."""
    return [AUDIT_LABEL, draft.audit_anchor] if draft.audit_anchor else []


def recipients_lines(recipients: list[str], filing: str) -> list[str]:
    """"- X;" per recipient, ending with "- Lưu: VT, …." (Decree 30 "Nơi nhận")."""
    lines = [nfc(f"- {r.strip().rstrip(';.')};") for r in recipients if r.strip()]
    lines.append(nfc(f"- Lưu: {filing}."))
    return lines


def annex_tables(draft: MinutesDraft) -> list[AnnexTable]:
    """Named ballots of every open vote, in agenda order."""
    tables: list[AnnexTable] = []
    for item in sorted(draft.items, key=lambda it: it.position):
        for poll in item.polls:
            if poll.secret or poll.ballots is None:
                continue
            rows = [
                (
                    str(n),
                    nfc(b.person.full_name),
                    option_label(b.choice) if b.choice is not None else "Không tham gia",
                )
                for n, b in enumerate(poll.ballots, start=1)
            ]
            heading = nfc(f"{len(tables) + 1}. {poll.title} (nội dung {item.position})")
            tables.append(AnnexTable(heading, rows))
    return tables


ANNEX_TITLE = "PHỤ LỤC"
ANNEX_SUBTITLE = "Danh sách biểu quyết công khai"


def annex_caption(draft: MinutesDraft) -> str:
    """"(Kèm theo Biên bản số 12/BB-HĐND ngày …)" under the annex title."""
    number = minutes_number_label(draft).removeprefix("Số: ").strip()
    return nfc(f"(Kèm theo Biên bản số {number} {vn_date(draft.started_at.date())})")


def meeting_heading(draft: MinutesDraft) -> str:
    """Title line under "BIÊN BẢN"."""
    return nfc(draft.meeting_title)
