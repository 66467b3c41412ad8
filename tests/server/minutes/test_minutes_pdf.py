"""The minutes PDF, checked through poppler: text, fonts, page size, margins, numbering."""

from __future__ import annotations

import dataclasses
import subprocess
import unicodedata
from pathlib import Path

import pytest

from server.modules.minutes.model import MinutesDraft, Person
from server.modules.minutes.pdf import render_pdf
from tests.server.minutes.minutes_samples import (
    ABSENT,
    CHAIR,
    HEADER_LINES,
    MEETING_TITLE,
    MM,
    SECRETARY,
)

A4_W, A4_H = 210 * MM, 297 * MM
LEFT, RIGHT, TOP, BOTTOM = 30 * MM, 15 * MM, 20 * MM, 20 * MM
TEXT_CENTRE_X = LEFT + (A4_W - LEFT - RIGHT) / 2


def flat(text: str) -> str:
    """Whitespace collapsed, so wrapped lines still match."""
    return " ".join(text.split())


@pytest.fixture
def pdf(draft: MinutesDraft) -> bytes:
    return render_pdf(draft)


def test_text_has_header_title_people_and_counts(pdf, draft, pdftotext) -> None:
    text = flat(pdftotext(pdf))
    for line in HEADER_LINES:
        assert line in text, line
    assert "BIÊN BẢN" in text
    assert MEETING_TITLE in text
    assert "Có mặt: 28/30 đại biểu" in text
    assert "Vắng mặt: 2 đại biểu" in text
    for absentee in ABSENT:
        assert f"{absentee.person.full_name} - Đại biểu HĐND thành phố (có lý do: " in text
        assert absentee.reason in text
    assert f"Chủ tọa: {CHAIR.full_name} - {CHAIR.title}" in text
    assert f"Thư ký: {SECRETARY.full_name} - {SECRETARY.title}" in text
    assert "Thời gian bắt đầu: 08 giờ 00 phút, ngày 24 tháng 11 năm 2026." in text
    assert "Cuộc họp kết thúc vào lúc 11 giờ 30 phút cùng ngày./." in text


def test_every_speech_poll_and_tally_is_written(pdf, draft, pdftotext) -> None:
    text = flat(pdftotext(pdf))
    for item in draft.items:
        assert f"{item.position}. {item.title}" in text
        for speech in item.speeches:
            assert speech.person.full_name in text
        for poll in item.polls:
            assert poll.title in text
            assert f"Số đại biểu tham gia biểu quyết: {poll.cast}/{poll.eligible}" in text
    assert "Thời gian: bắt đầu lúc 08 giờ 15 phút." in text
    assert "Lê Đức Thắng (Trưởng Ban Kinh tế - Xã hội): phát biểu lúc 08:20, " in text
    assert "thời lượng 3 phút 20 giây" in text
    assert "thời lượng 5 phút 12 giây" in text
    assert "- Đồng ý: 25 phiếu, bằng 83,33% tổng số đại biểu;" in text
    assert "- Không đồng ý: 2 phiếu, bằng 6,67% tổng số đại biểu;" in text
    assert "- Không biểu quyết: 1 phiếu, bằng 3,33% tổng số đại biểu;" in text
    assert "- Đồng ý: 24 phiếu, bằng 80,00% tổng số đại biểu;" in text
    assert "(hình thức: biểu quyết công khai)" in text
    assert "(hình thức: bỏ phiếu kín)" in text
    assert "Điều kiện thông qua: quá nửa tổng số đại biểu" in text
    assert text.count("Kết quả: Thông qua.") == 3
    # The clerk's markup is rendered, not printed; literal "<" and "&" survive.
    assert "tăng cường chống thất thu" in text and "<b>" not in text
    assert "cải cách tiền lương & an sinh xã hội <nhóm chính sách>" in text


def test_signatures_recipients_and_annex(pdf, pdftotext) -> None:
    text = flat(pdftotext(pdf))
    assert "THƯ KÝ" in text and "CHỦ TỌA" in text
    assert text.count("(Ký, ghi rõ họ tên)") == 2
    assert "Nơi nhận: - Thường trực Tỉnh ủy, HĐND tỉnh (b/c);" in text
    assert "- Lưu: VT, HĐND." in text
    annex = text[text.index("PHỤ LỤC") :]
    assert "Danh sách biểu quyết công khai" in annex
    assert "(Kèm theo Biên bản số 12/BB-HĐND ngày 24 tháng 11 năm 2026)" in annex
    assert "STT Họ và tên Lựa chọn" in annex
    assert "28 Lã Thị Yến Không biểu quyết" in annex
    # The secret ballot has no named list.
    assert "Bầu ông Đặng Xuân Trường" not in annex


def test_fonts_are_embedded_liberation_serif(pdf, pdffonts) -> None:
    rows = pdffonts(pdf)
    assert rows, "no fonts listed"
    for row in rows:
        name, emb = row[0], row[-5]
        assert "LiberationSerif" in name, row
        assert emb == "yes", row
    faces = {row[0].split("+")[-1] for row in rows}
    assert {"LiberationSerif", "LiberationSerif-Bold", "LiberationSerif-Italic",
            "LiberationSerif-BoldItalic"} <= faces


def test_page_size_is_a4(pdf, pdfinfo) -> None:
    info = pdfinfo(pdf)
    assert "(A4)" in info["Page size"]
    assert int(info["Pages"]) >= 2
    assert info["Title"].startswith("Biên bản - Kỳ họp thứ Ba")


def test_every_word_lies_within_the_decree_margins(pdf, pdfinfo, pdf_words) -> None:
    pages = int(pdfinfo(pdf)["Pages"])
    tol = 0.5
    for page in range(1, pages + 1):
        width, height, words = pdf_words(pdf, page)
        assert (round(width), round(height)) == (595, 842)
        body = [w for w in words if w.y_min >= TOP - tol]
        # Only a page number may sit in the top margin, and never on page 1.
        in_top_margin = [w for w in words if w.y_min < TOP - tol]
        if page == 1:
            assert in_top_margin == []
        else:
            assert [w.text for w in in_top_margin] == [str(page)]
        for w in body:
            assert w.x_min >= LEFT - tol, (page, w)
            assert w.x_max <= A4_W - RIGHT + tol, (page, w)
            assert w.y_max <= A4_H - BOTTOM + tol, (page, w)


def test_page_number_centred_in_top_margin_from_page_two(pdf, pdf_words) -> None:
    _, _, words = pdf_words(pdf, 2)
    number = [w for w in words if w.y_max < TOP]
    assert [w.text for w in number] == ["2"]
    centre = (number[0].x_min + number[0].x_max) / 2
    assert abs(centre - TEXT_CENTRE_X) < 1 * MM
    _, _, first = pdf_words(pdf, 1)
    assert not [w for w in first if w.y_max < TOP]


def test_header_columns_and_centred_title(pdf, pdf_words) -> None:
    _, _, words = pdf_words(pdf, 1)

    def find(text: str) -> list:
        return [w for w in words if w.text == text]

    agency = find("HỘI")[0]
    national = find("CỘNG")[0]
    assert agency.x_max < national.x_min
    assert abs(agency.y_min - national.y_min) < 2  # both start the page's first line
    number = find("12/BB-HĐND")[0]
    place = find("Móng")[0]
    assert abs(number.y_min - place.y_min) < 3  # "Số" and place/date share a row
    kind = [w for w in words if w.text in ("BIÊN", "BẢN")]
    assert len(kind) == 2
    centre = (kind[0].x_min + kind[1].x_max) / 2
    assert abs(centre - TEXT_CENTRE_X) < 1 * MM


def _dark_runs(pdf: bytes, tmp_path: Path, dpi: int) -> list[list[tuple[int, int]]]:
    """Per pixel row of page 1, the (start, end) columns of runs of dark pixels."""
    target = tmp_path / "page"
    subprocess.run(
        ["pdftoppm", "-gray", "-r", str(dpi), "-f", "1", "-l", "1", "-singlefile",
         str(tmp_path / "doc.pdf"), str(target)],
        check=True,
    )
    raw = (tmp_path / "page.pgm").read_bytes()
    # Binary PGM: "P5\n<w> <h>\n<max>\n" then one byte per pixel.
    header, rest = raw.split(b"\n", 3)[:3], raw.split(b"\n", 3)[3]
    width, height = map(int, header[1].split())
    rows = []
    for y in range(height):
        line = rest[y * width : (y + 1) * width]
        runs, start = [], None
        for x, value in enumerate(line):
            if value < 128 and start is None:
                start = x
            elif value >= 128 and start is not None:
                runs.append((start, x))
                start = None
        if start is not None:
            runs.append((start, width))
        rows.append(runs)
    return rows


def test_motto_rule_is_as_long_as_the_motto(pdf, pdf_words, tmp_path) -> None:
    _, _, words = pdf_words(pdf, 1)  # also writes tmp_path/doc.pdf
    first = next(w for w in words if w.text == "Độc")
    last = next(w for w in words if w.text == "phúc")
    dpi = 150
    px = dpi / 72
    rows = _dark_runs(pdf, tmp_path, dpi)
    below = range(int(last.y_max * px) + 1, int((last.y_max + 12) * px))
    runs = [r for y in below for r in rows[y] if (r[1] - r[0]) > 20 * MM * px]
    assert runs, "no rule under the motto"
    start, end = runs[0]
    assert abs(start / px - first.x_min) < 1.5
    assert abs(end / px - last.x_max) < 1.5


def test_nfd_input_comes_out_nfc(draft, pdftotext) -> None:
    def nfd(text: str) -> str:
        return unicodedata.normalize("NFD", text)

    decomposed = dataclasses.replace(
        draft,
        meeting_title=nfd(draft.meeting_title),
        chair=Person(nfd("Nguyễn Thị Thu Hương"), nfd("Chủ tịch HĐND thành phố")),
        location=nfd(draft.location),
    )
    text = pdftotext(render_pdf(decomposed))
    assert "Nguyễn Thị Thu Hương - Chủ tịch HĐND thành phố" in text
    assert "Hội trường Trung tâm Hội nghị thành phố Móng Cái" in text
    assert not any(unicodedata.combining(ch) for ch in text)


def test_outline_lists_items_and_annex(pdf) -> None:
    import pypdfium2 as pdfium
    doc = pdfium.PdfDocument(pdf)
    try:
        toc = [(entry.level, entry.get_title()) for entry in doc.get_toc()]
    finally:
        doc.close()
    assert toc[:3] == [
        (0, "1. Thông qua chương trình kỳ họp"),
        (0, "2. Tờ trình về dự toán ngân sách thành phố Móng Cái năm 2027"),
        (0, "3. Bầu bổ sung Ủy viên Ủy ban nhân dân thành phố"),
    ]
    assert toc[3] == (0, "Phụ lục: Danh sách biểu quyết công khai")
    assert [level for level, _ in toc[4:]] == [1, 1]


def test_long_annex_repeats_its_header(draft, pdftotext, pdfinfo) -> None:
    voters = [Person(f"Đại biểu số {n}") for n in range(1, 501)]
    item = draft.items[1]
    poll = dataclasses.replace(
        item.polls[0],
        eligible=500,
        cast=500,
        tally={"yes": 500, "no": 0, "abstain": 0},
        ballots=[dataclasses.replace(item.polls[0].ballots[0], person=p) for p in voters],
    )
    big = dataclasses.replace(draft, items=[dataclasses.replace(item, polls=[poll])])
    data = render_pdf(big)
    pages = int(pdfinfo(data)["Pages"])
    text = flat(pdftotext(data))
    assert "500 Đại biểu số 500 Đồng ý" in text
    # Every annex page starts with the column headings.
    annex_pages = [p for p in range(1, pages + 1) if "Đại biểu số" in pdftotext(data, page=p)]
    assert len(annex_pages) >= 10
    for page in annex_pages:
        assert "STT Họ và tên Lựa chọn" in flat(pdftotext(data, page=page))


def test_long_custom_option_stays_inside_its_cell(draft, pdf_words, pdfinfo) -> None:
    long_option = "Phương án hai: giữ nguyên dự toán, bổ sung nguồn cải cách tiền lương"
    item = draft.items[0]
    poll = dataclasses.replace(
        item.polls[0],
        options=["yes", long_option],
        tally={"yes": 27, long_option: 1},
        ballots=[
            dataclasses.replace(b, choice=long_option if n == 0 else "yes")
            for n, b in enumerate(item.polls[0].ballots)
        ],
    )
    data = render_pdf(dataclasses.replace(draft, items=[dataclasses.replace(item, polls=[poll])]))
    last = int(pdfinfo(data)["Pages"])
    _, _, words = pdf_words(data, last)
    assert "Phương" in [w.text for w in words]
    for w in words:
        assert w.x_min >= LEFT - 0.5 and w.x_max <= A4_W - RIGHT + 0.5, w


def test_fonts_come_from_the_repository() -> None:
    from server.paperwork.fonts import font_path

    repo_fonts = Path(__file__).resolve().parents[3] / "resources" / "fonts"
    for face in ("Regular", "Bold", "Italic", "BoldItalic"):
        assert font_path(f"LiberationSerif-{face}.ttf").parent == repo_fonts
    licence = (repo_fonts / "LICENSE-LiberationSerif.txt").read_text(encoding="utf-8")
    assert "SIL OPEN FONT LICENSE Version 1.1" in licence
