"""The DOCX minutes: opened back with python-docx, compared with the PDF's content."""

from __future__ import annotations

import dataclasses
import io
import subprocess
import unicodedata
import zipfile
from pathlib import Path

import docx
import pytest
from docx.oxml.ns import qn
from docx.shared import Mm

from server.modules.minutes.docx import render_docx
from server.modules.minutes.model import MinutesDraft, Person, minutes_body
from tests.server.minutes.minutes_samples import HEADER_LINES, MEETING_TITLE, MM


@pytest.fixture
def docx_bytes(draft: MinutesDraft) -> bytes:
    return render_docx(draft)


def paragraph_texts(element) -> list[str]:
    """Text of every paragraph under ``element`` (tables and cells included), in order.

    Line breaks inside a paragraph come back as "\n".
    """
    t_tag, br_tag = qn("w:t"), qn("w:br")
    return [
        "".join(
            (node.text or "") if node.tag == t_tag else "\n"
            for node in p.iter(t_tag, br_tag)
        )
        for p in element.iter(qn("w:p"))
    ]


def test_page_setup_matches_decree_30(docx_bytes: bytes) -> None:
    document = docx.Document(io.BytesIO(docx_bytes))
    section = document.sections[0]
    # Word stores twips (1/20 pt): allow the rounding, nothing more.
    for value, mm in [
        (section.page_width, 210),
        (section.page_height, 297),
        (section.top_margin, 20),
        (section.bottom_margin, 20),
        (section.left_margin, 30),
        (section.right_margin, 15),
    ]:
        assert abs(value - Mm(mm)) < Mm(0.05), (value, mm)
    assert section.orientation == 0  # portrait


def test_times_new_roman_for_every_script(docx_bytes: bytes) -> None:
    document = docx.Document(io.BytesIO(docx_bytes))
    normal = document.styles["Normal"]
    assert normal.font.name == "Times New Roman"
    assert normal.font.size.pt == 14
    rfonts = normal.element.rPr.find(qn("w:rFonts"))
    for attr in ("w:ascii", "w:hAnsi", "w:eastAsia", "w:cs"):
        assert rfonts.get(qn(attr)) == "Times New Roman"


def test_page_numbers_from_page_two(docx_bytes: bytes) -> None:
    document = docx.Document(io.BytesIO(docx_bytes))
    section = document.sections[0]
    assert section.different_first_page_header_footer
    fields = section.header._element.findall(".//" + qn("w:fldSimple"))
    assert [f.get(qn("w:instr")).strip() for f in fields] == ["PAGE"]
    assert section.header.paragraphs[0].alignment == 1  # centred
    first = section.first_page_header._element
    assert not first.findall(".//" + qn("w:fldSimple"))
    assert "".join(paragraph_texts(first)).strip() == ""


def test_header_is_a_borderless_two_column_table(docx_bytes: bytes) -> None:
    document = docx.Document(io.BytesIO(docx_bytes))
    body = document.element.body
    assert body[0].tag == qn("w:tbl"), "the document must open with the header table"
    header = document.tables[0]
    widths = [round(cell.width / Mm(1)) for cell in header.rows[0].cells]
    assert widths == [65, 100]
    borders = header._tbl.tblPr.find(qn("w:tblBorders"))
    assert {b.get(qn("w:val")) for b in borders} == {"nil"}
    left = paragraph_texts(header.rows[0].cells[0]._tc)
    right = paragraph_texts(header.rows[0].cells[1]._tc)
    assert left[0] == "HỘI ĐỒNG NHÂN DÂN\nTHÀNH PHỐ MÓNG CÁI"  # one paragraph, line break
    assert right[:2] == ["CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Độc lập - Tự do - Hạnh phúc"]
    number, place = (paragraph_texts(c._tc)[0] for c in header.rows[1].cells)
    assert (number, place) == (HEADER_LINES[2], HEADER_LINES[5])


def test_same_content_as_the_pdf(draft: MinutesDraft, docx_bytes: bytes) -> None:
    document = docx.Document(io.BytesIO(docx_bytes))
    texts = paragraph_texts(document.element.body)
    assert "BIÊN BẢN" in texts
    # The title is broken into balanced lines at a comma, as in the PDF.
    assert MEETING_TITLE.replace("XIV, ", "XIV,\n") in texts
    for block in minutes_body(draft):
        assert "".join(r.text for r in block.runs) in texts
    for name in ("THƯ KÝ", "CHỦ TỌA", draft.chair.full_name, draft.secretary.full_name):
        assert name in texts
    assert "Nơi nhận:" in texts and "- Lưu: VT, HĐND." in texts
    joined = "\n".join(texts)
    for item in draft.items:
        for speech in item.speeches:
            assert speech.person.full_name in joined
        for poll in item.polls:
            assert poll.title in joined
    assert "- Đồng ý: 25 phiếu, bằng 83,33% tổng số đại biểu;" in texts
    assert "Có mặt: 28/30 đại biểu;" in joined


def test_annex_tables_repeat_their_header(docx_bytes: bytes) -> None:
    document = docx.Document(io.BytesIO(docx_bytes))
    texts = paragraph_texts(document.element.body)
    assert "PHỤ LỤC" in texts and "Danh sách biểu quyết công khai" in texts
    annex = [t for t in document.tables if t.rows[0].cells[0].text == "STT"]
    assert len(annex) == 2
    for table in annex:
        assert [c.text for c in table.rows[0].cells] == ["STT", "Họ và tên", "Lựa chọn"]
        assert table.rows[0]._tr.trPr.find(qn("w:tblHeader")) is not None
        assert len(table.rows) == 29
    assert [c.text for c in annex[1].rows[28].cells] == ["28", "Lã Thị Yến", "Không biểu quyết"]


def test_no_stray_thumbnail(docx_bytes: bytes) -> None:
    names = zipfile.ZipFile(io.BytesIO(docx_bytes)).namelist()
    assert not [n for n in names if "thumbnail" in n]


def test_nfd_input_is_stored_nfc(draft: MinutesDraft) -> None:
    name = unicodedata.normalize("NFD", "Nguyễn Thị Thu Hương")
    data = render_docx(dataclasses.replace(draft, chair=Person(name, "Chủ tịch")))
    xml = zipfile.ZipFile(io.BytesIO(data)).read("word/document.xml").decode("utf-8")
    assert "Nguyễn Thị Thu Hương" in xml
    assert not any(unicodedata.combining(ch) for ch in xml)


def test_libreoffice_lays_it_out_like_the_pdf(docx_bytes: bytes, tmp_path: Path,
                                              pdf_words, pdftotext) -> None:
    source = tmp_path / "minutes.docx"
    source.write_bytes(docx_bytes)
    subprocess.run(
        ["soffice", f"-env:UserInstallation=file://{tmp_path}/lo", "--headless",
         "--convert-to", "pdf", "--outdir", str(tmp_path), str(source)],
        check=True, capture_output=True, timeout=180,
    )
    pdf = (tmp_path / "minutes.pdf").read_bytes()
    _, _, first = pdf_words(pdf, 1)
    assert not [w for w in first if w.y_max < 20 * MM], "page 1 must carry no number"
    assert min(w.x_min for w in first) >= 30 * MM - 0.5
    _, _, second = pdf_words(pdf, 2)
    assert [w.text for w in second if w.y_max < 20 * MM] == ["2"]
    assert "Cuộc họp kết thúc vào lúc 11 giờ 30 phút cùng ngày./." in " ".join(
        pdftotext(pdf).split()
    )
