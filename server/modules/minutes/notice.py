"""The conclusion notice (Thông báo kết luận, "TB") drawn from a meeting's minutes.

QĐ 45/2018/QĐ-TTg asks for the notice of the chair's conclusions within five working days of
the meeting; ``due_on`` carries that deadline so the server can warn the clerk. The notice
uses the same Decree 30 heading, styles and page machinery as the minutes (from
:mod:`server.modules.minutes.pdf`).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

from reportlab.platypus import Flowable, KeepTogether, Spacer

from server.modules.minutes.model import (
    Block,
    MinutesDraft,
    Person,
    Run,
    agency_in_sentence,
    document_number,
    nfc,
    place_date_line,
    recipients_lines,
    rich_paragraphs,
    vn_date,
)
from server.modules.minutes.pdf import (
    Signer,
    block_flowables,
    build_pdf,
    header_table,
    recipients_flowables,
    signer_cell,
    title_flowables,
    two_column_block,
)
from server.paperwork.workdays import add_working_days
from server.textclean import clean_tree

NOTICE_WORKING_DAYS = 5


@dataclass(frozen=True)
class ConclusionNotice:
    """What the notice says. ``conclusions`` pairs an agenda item's title with its text."""

    agency: str
    agency_abbrev: str
    number: int | None
    place_name: str
    issued_on: date
    meeting_title: str
    meeting_date: date
    chair: Person
    conclusions: list[tuple[str, str]]
    due_on: date
    recipients: list[str] = field(default_factory=list)
    parent_agency: str | None = None
    general: str | None = None
    directives: list[tuple[str, str, str | None]] = field(default_factory=list)
    """``(content, assigned to, deadline ISO)`` of the directives the meeting created."""
    signer_heading: str = "CHỦ TỌA"
    filing: str = "VT"


def vn_day(iso: str) -> str:
    """``2026-12-31`` as ``31/12/2026``."""
    d = date.fromisoformat(iso)
    return f"{d.day:02d}/{d.month:02d}/{d.year}"


def notice_due_on(meeting_date: date, holidays: set[date] | None = None) -> date:
    """Deadline for issuing the notice: five working days after the meeting."""
    return add_working_days(meeting_date, NOTICE_WORKING_DAYS, holidays)


def notice_from_draft(
    draft: MinutesDraft,
    issued_on: date,
    *,
    number: int | None = None,
    holidays: set[date] | None = None,
) -> ConclusionNotice:
    """The notice of the chair's conclusions recorded in ``draft``.

    The five working days skip weekends and Vietnam's public holidays (Tết, Giỗ Tổ,
    substitute days and announced swaps, from the ``holidays`` package); ``holidays`` adds
    days off decided locally.
    """
    items = sorted(draft.items, key=lambda it: it.position)
    return ConclusionNotice(
        agency=draft.agency,
        agency_abbrev=draft.agency_abbrev,
        number=number,
        place_name=draft.place_name,
        issued_on=issued_on,
        meeting_title=draft.meeting_title,
        meeting_date=draft.started_at.date(),
        chair=draft.chair,
        conclusions=[(it.title, it.conclusions) for it in items if it.conclusions.strip()],
        due_on=notice_due_on(draft.started_at.date(), holidays),
        recipients=list(draft.recipients),
        parent_agency=draft.parent_agency,
        general=draft.conclusions_general,
        filing=draft.filing,
    )


def notice_number_label(notice: ConclusionNotice) -> str:
    """"Số: 05/TB-HĐND"."""
    return document_number(notice.number, "TB", notice.agency_abbrev)


def notice_subject(notice: ConclusionNotice) -> str:
    """The line under "THÔNG BÁO"."""
    title = nfc(notice.meeting_title)
    return f"Kết luận của Chủ tọa tại {title[:1].upper()}{title[1:]}"


def notice_body(notice: ConclusionNotice) -> list[Block]:
    """Opening sentence, one numbered section per item, closing sentence."""
    chair = nfc(notice.chair.full_name)
    if notice.chair.title:
        chair = nfc(f"{chair}, {notice.chair.title}")
    agency = agency_in_sentence(notice.agency)
    blocks = [
        Block(
            "body",
            (
                Run(
                    nfc(
                        f"{vn_date(notice.meeting_date).capitalize()}, {agency} "
                        f"tổ chức {notice.meeting_title} dưới sự chủ trì của đồng chí "
                        f"{chair}. Sau khi nghe các báo cáo, tờ trình và ý kiến thảo luận "
                        "của các đại biểu, Chủ tọa kết luận như sau:"
                    )
                ),
            ),
        )
    ]
    for n, (title, text) in enumerate(notice.conclusions, start=1):
        blocks.append(Block("item", (Run(nfc(f"{n}. {title}"), bold=True),)))
        blocks.extend(Block("body", runs) for runs in rich_paragraphs(text))
    general = rich_paragraphs(notice.general or "")
    if general:
        n = len(notice.conclusions) + 1
        blocks.append(Block("item", (Run(f"{n}. Kết luận chung", bold=True),)))
        blocks.extend(Block("body", runs) for runs in general)
    if notice.directives:
        n = len(notice.conclusions) + (2 if general else 1)
        blocks.append(Block("item", (Run(f"{n}. Nhiệm vụ giao thực hiện", bold=True),)))
        for k, (content, assignee, deadline) in enumerate(notice.directives, start=1):
            who = ", ".join(x for x in (assignee, f"hạn {vn_day(deadline)}" if deadline
                                        else "") if x)
            text = f"{n}.{k}. {content}" + (f" ({who})." if who else "")
            blocks.append(Block("body", (Run(nfc(text)),)))
    blocks.append(
        Block(
            "end",
            (
                Run(
                    nfc(
                        f"Trên đây là kết luận của Chủ tọa tại {notice.meeting_title}, "
                        f"{agency} thông báo để các cơ quan, đơn vị, cá nhân "
                        "liên quan biết, thực hiện./."
                    )
                ),
            ),
        )
    )
    return blocks


def notice_story(notice: ConclusionNotice) -> list[Flowable]:
    """Flowables of the notice: heading, title, body, "Nơi nhận" beside the signer."""
    return [
        header_table(
            agency=notice.agency,
            parent_agency=notice.parent_agency,
            number_label=notice_number_label(notice),
            place_date=place_date_line(notice.place_name, notice.issued_on),
        ),
        *title_flowables("THÔNG BÁO", notice_subject(notice)),
        *block_flowables(notice_body(notice)),
        Spacer(1, 6),
        KeepTogether(
            two_column_block(
                recipients_flowables(recipients_lines(notice.recipients, notice.filing)),
                signer_cell(Signer(notice.signer_heading, notice.chair.full_name, note="")),
            )
        ),
    ]


def render_notice_pdf(notice: ConclusionNotice) -> bytes:
    """The conclusion notice as PDF bytes."""
    notice = clean_tree(notice)
    return build_pdf(
        notice_story(notice),
        title=notice_subject(notice),
        author=notice.agency,
        subject=notice_number_label(notice),
    )
