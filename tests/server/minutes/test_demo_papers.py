"""Demo papers: valid, Vietnamese, bookmarked, deterministic PDFs."""

from __future__ import annotations

import hashlib

import pytest

from server.demo_papers import big_paper, demo_papers


@pytest.fixture(scope="module")
def papers() -> list[tuple[str, bytes]]:
    return demo_papers()


def outline(data: bytes) -> list[tuple[int, str]]:
    """(level, title) of every bookmark, read back by PDFium."""
    import pypdfium2 as pdfium
    doc = pdfium.PdfDocument(data)
    try:
        return [(entry.level, entry.get_title()) for entry in doc.get_toc()]
    finally:
        doc.close()


def test_three_papers_with_their_titles(papers) -> None:
    assert [title for title, _ in papers] == [
        "Tờ trình về dự toán ngân sách thành phố Móng Cái năm 2027",
        "Dự thảo Nghị quyết về kế hoạch đầu tư công trung hạn",
        "Báo cáo thẩm tra của Ban Kinh tế - Xã hội",
    ]
    for _, data in papers:
        assert data.startswith(b"%PDF-") and data.rstrip().endswith(b"%%EOF")
        assert b"/Outlines" in data


def test_text_pages_and_fonts(papers, pdftotext, pdfinfo, pdffonts) -> None:
    expected = [
        (range(3, 5), ["ỦY BAN NHÂN DÂN", "Số: 245/TTr-UBND", "TỜ TRÌNH",
                       "Về dự toán ngân sách thành phố Móng Cái năm 2027",
                       "Kính gửi: Hội đồng nhân dân thành phố Móng Cái.",
                       "2.380.000", "TM. ỦY BAN NHÂN DÂN"]),
        (range(2, 3), ["DỰ THẢO", "NGHỊ QUYẾT",
                       "Về kế hoạch đầu tư công trung hạn giai đoạn 2026 - 2030",
                       "QUYẾT NGHỊ:", "Điều 3. Hiệu lực thi hành"]),
        (range(2, 3), ["HĐND THÀNH PHỐ MÓNG CÁI", "BAN KINH TẾ - XÃ HỘI", "Số: 38/BC-KTXH",
                       "BÁO CÁO", "Thẩm tra dự toán ngân sách thành phố Móng Cái năm 2027",
                       "TRƯỞNG BAN", "Lê Đức Thắng"]),
    ]
    for (_, data), (pages, phrases) in zip(papers, expected, strict=True):
        info = pdfinfo(data)
        assert int(info["Pages"]) in pages
        assert "(A4)" in info["Page size"]
        text = " ".join(pdftotext(data).split())
        for phrase in phrases:
            assert phrase in text, phrase
        assert "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM" in text
        assert all(row[-5] == "yes" for row in pdffonts(data))


def test_outlines(papers) -> None:
    budget, resolution, review = (outline(data) for _, data in papers)
    assert (0, "I. ĐÁNH GIÁ TÌNH HÌNH THỰC HIỆN DỰ TOÁN NGÂN SÁCH NĂM 2026") in budget
    assert (1, "2. Dự toán thu ngân sách nhà nước") in budget
    assert len([e for e in budget if e[0] == 0]) == 4
    assert [t for _, t in resolution] == [
        "Điều 1. Thông qua kế hoạch đầu tư công trung hạn giai đoạn 2026 - 2030",
        "Điều 2. Tổ chức thực hiện",
        "Điều 3. Hiệu lực thi hành",
    ]
    assert review[-1] == (0, "III. KIẾN NGHỊ")


def test_output_is_deterministic(papers) -> None:
    again = demo_papers()
    for (_, first), (_, second) in zip(papers, again, strict=True):
        assert hashlib.sha256(first).digest() == hashlib.sha256(second).digest()
    assert big_paper(3) == big_paper(3)


def test_big_paper_pages_outline_and_search(pdfinfo, pdftotext) -> None:
    data = big_paper()
    assert int(pdfinfo(data)["Pages"]) == 300
    toc = outline(data)
    assert len(toc) == 300 + 30
    assert toc[0] == (0, "Chương 1")
    assert (1, "Chương 15, mục 150: nội dung chi tiết trang 150") in toc
    assert "nội dung chi tiết trang 150" in pdftotext(data, page=150)
    assert "trang 150" not in pdftotext(data, page=149)
    small = big_paper(12)
    assert int(pdfinfo(small)["Pages"]) == 12
    with pytest.raises(ValueError):
        big_paper(0)
