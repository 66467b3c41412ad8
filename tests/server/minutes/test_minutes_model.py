"""Wording of the minutes: labels, numbers, dates and the clerk's rich text."""

from __future__ import annotations

import dataclasses
from datetime import date, datetime

from server.modules.minutes.model import (
    MinutesDraft,
    NamedBallot,
    Person,
    PollResult,
    Run,
    agency_in_sentence,
    agency_lines,
    annex_tables,
    duration_label,
    end_sentence,
    majority_label,
    minutes_body,
    minutes_number_label,
    option_label,
    outcome_label,
    percent_label,
    recipients_lines,
    rich_paragraphs,
    vn_date,
)


def test_option_majority_and_outcome_labels() -> None:
    assert [option_label(o) for o in ("yes", "no", "abstain", "Phạm Ngọc Ánh")] == [
        "Đồng ý",
        "Không đồng ý",
        "Không biểu quyết",
        "Phạm Ngọc Ánh",
    ]
    assert majority_label("absolute") == "quá nửa tổng số đại biểu"
    assert majority_label("simple") == "đa số phiếu (tán thành nhiều hơn không tán thành)"
    assert majority_label("two_thirds") == "ít nhất hai phần ba tổng số đại biểu"
    assert outcome_label("passed") == "Thông qua"
    assert outcome_label("rejected") == "Không thông qua"
    assert outcome_label(None) is None


def test_number_label_pads_and_leaves_blank(draft: MinutesDraft) -> None:
    assert minutes_number_label(draft) == "Số: 12/BB-HĐND"
    assert minutes_number_label(dataclasses.replace(draft, number=5)) == "Số: 05/BB-HĐND"
    blank = minutes_number_label(dataclasses.replace(draft, number=None))
    assert blank.startswith("Số: ") and blank.endswith("/BB-HĐND")
    assert not any(ch.isdigit() for ch in blank)


def test_dates_durations_and_percentages() -> None:
    assert vn_date(date(2026, 11, 24)) == "ngày 24 tháng 11 năm 2026"
    assert vn_date(date(2026, 2, 5)) == "ngày 05 tháng 02 năm 2026"
    assert vn_date(date(2026, 3, 9)) == "ngày 09 tháng 3 năm 2026"
    assert duration_label(200) == "3 phút 20 giây"
    assert duration_label(180) == "3 phút"
    assert duration_label(45) == "45 giây"
    assert duration_label(0) == "0 giây"
    assert duration_label(3725) == "1 giờ 2 phút 5 giây"
    assert percent_label(25, 30) == "83,33%"
    assert percent_label(0, 0) == "0%"


def test_rich_text_paragraphs_and_tags() -> None:
    text = "Một <b>đậm</b> và <i>nghiêng</i>.\n\n  Đoạn hai\ndòng hai <x> & y  \n\n\n"
    paragraphs = rich_paragraphs(text)
    assert len(paragraphs) == 2
    assert paragraphs[0] == (
        Run("Một "),
        Run("đậm", bold=True),
        Run(" và "),
        Run("nghiêng", italic=True),
        Run("."),
    )
    # Unknown tags and ampersands stay literal text; single newlines stay as line breaks.
    assert paragraphs[1] == (Run("Đoạn hai\ndòng hai <x> & y"),)
    # An unbalanced tag cannot leak beyond its paragraph.
    assert rich_paragraphs("<b>mở\n\nđóng") == [(Run("mở", bold=True),), (Run("đóng"),)]


def test_agency_lines_and_sentence_form() -> None:
    assert agency_lines("Hội đồng nhân dân thành phố Móng Cái") == [
        "HỘI ĐỒNG NHÂN DÂN",
        "THÀNH PHỐ MÓNG CÁI",
    ]
    assert agency_lines("Ban Kinh tế - Xã hội") == ["BAN KINH TẾ - XÃ HỘI"]
    assert agency_lines("UBND TỈNH\nQUẢNG NINH") == ["UBND TỈNH", "QUẢNG NINH"]
    assert (
        agency_in_sentence("HỘI ĐỒNG NHÂN DÂN THÀNH PHỐ MÓNG CÁI")
        == "Hội đồng nhân dân thành phố Móng Cái"
    )
    assert agency_in_sentence("Ủy ban nhân dân tỉnh Quảng Ninh") == (
        "Ủy ban nhân dân tỉnh Quảng Ninh"
    )


def test_body_follows_the_session(draft: MinutesDraft) -> None:
    text = "\n".join("".join(r.text for r in b.runs) for b in minutes_body(draft))
    assert "Có mặt: 28/30 đại biểu" in text
    assert "Âu Quốc Cường - Đại biểu HĐND thành phố (có lý do: đi công tác tại Hà Nội)" in text
    # Items come in agenda order even when the draft lists them out of order.
    shuffled = dataclasses.replace(draft, items=list(reversed(draft.items)))
    text2 = "\n".join("".join(r.text for r in b.runs) for b in minutes_body(shuffled))
    assert text2 == text
    assert text.index("1. Thông qua chương trình kỳ họp") < text.index("2. Tờ trình")
    assert "- Đồng ý: 25 phiếu, bằng 83,33% tổng số đại biểu;" in text
    assert "(hình thức: bỏ phiếu kín)" in text
    assert text.rstrip().endswith("Cuộc họp kết thúc vào lúc 11 giờ 30 phút cùng ngày./.")


def test_end_sentence_variants(draft: MinutesDraft) -> None:
    assert "......" in end_sentence(dataclasses.replace(draft, ended_at=None))
    next_day = dataclasses.replace(draft, ended_at=datetime(2026, 11, 25, 9, 5))
    assert end_sentence(next_day) == (
        "Cuộc họp kết thúc vào lúc 09 giờ 05 phút, ngày 25 tháng 11 năm 2026./."
    )


def test_recipients_end_with_filing() -> None:
    assert recipients_lines(["UBND thành phố;", " ", "Các Ban HĐND."], "VT, HĐND") == [
        "- UBND thành phố;",
        "- Các Ban HĐND;",
        "- Lưu: VT, HĐND.",
    ]


def test_annex_lists_open_polls_only(draft: MinutesDraft) -> None:
    tables = annex_tables(draft)
    assert [t.heading for t in tables] == [
        "1. Thông qua chương trình kỳ họp (nội dung 1)",
        "2. Thông qua Nghị quyết về dự toán ngân sách thành phố năm 2027 (nội dung 2)",
    ]
    assert tables[1].rows[0] == ("1", "Nguyễn Thị Thu Hương", "Đồng ý")
    assert tables[1].rows[-1] == ("28", "Lã Thị Yến", "Không biểu quyết")
    assert len(tables[1].rows) == 28
    # A delegate listed without a choice did not vote.
    absent_voter = PollResult(
        "Biểu quyết thử", False, ["yes"], {"yes": 0}, 0, 1,
        ballots=[NamedBallot(Person("Mạc Văn Quyết"), None)],
    )
    item = dataclasses.replace(draft.items[0], polls=[absent_voter])
    rows = annex_tables(dataclasses.replace(draft, items=[item]))[0].rows
    assert rows == [("1", "Mạc Văn Quyết", "Không tham gia")]


def test_titles_break_where_a_clerk_would() -> None:
    from server.modules.minutes.pdf import FRAME_WIDTH
    from server.paperwork.fonts import balanced_lines, text_width

    def lines(text: str) -> list[str]:
        return balanced_lines(text, 14, FRAME_WIDTH, bold=True)

    assert lines("BIÊN BẢN") == ["BIÊN BẢN"]
    assert lines(
        "Kết luận của Chủ tọa tại Kỳ họp thứ Ba, Hội đồng nhân dân thành phố Móng Cái "
        "khóa XIV, nhiệm kỳ 2026 - 2031"
    ) == [
        "Kết luận của Chủ tọa tại Kỳ họp thứ Ba,",
        "Hội đồng nhân dân thành phố Móng Cái khóa XIV, nhiệm kỳ 2026 - 2031",
    ]
    assert lines(
        "Về kế hoạch đầu tư công trung hạn giai đoạn 2026 - 2030 của thành phố Móng Cái"
    ) == ["Về kế hoạch đầu tư công trung hạn", "giai đoạn 2026 - 2030 của thành phố Móng Cái"]
    long_title = " ".join(["Phiên họp chuyên đề về giải phóng mặt bằng dự án trọng điểm"] * 3)
    broken = lines(long_title)
    assert len(broken) == 3 and " ".join(broken) == long_title
    widths = [text_width(line, 14, bold=True) for line in broken]
    assert max(widths) <= FRAME_WIDTH and max(widths) - min(widths) < FRAME_WIDTH / 3
