"""Council papers for demonstrations, screenshots and reader tests, generated on the spot.

A demo session needs papers that look like the real thing (a proposal, a draft resolution and
a committee's review report, Decree 30 layout, Vietnamese text, bookmarks) without shipping
anyone's real documents. ``big_paper`` gives the reader a long document to page through and
search. Output is deterministic (reportlab's invariant mode), so tests can compare hashes.
All figures are invented.
"""

from __future__ import annotations

import io
from collections.abc import Sequence
from dataclasses import dataclass
from functools import cache

from reportlab.lib import colors
from reportlab.lib.enums import TA_CENTER, TA_RIGHT
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.utils import simpleSplit
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import Flowable, KeepTogether, Paragraph, Spacer, Table, TableStyle

from server.modules.minutes.model import nfc
from server.modules.minutes.pdf import (
    BODY_SIZE,
    FRAME_WIDTH,
    MARGIN_BOTTOM,
    MARGIN_LEFT,
    MARGIN_TOP,
    PAGE_HEIGHT,
    PAGE_NUMBER_SIZE,
    PAGE_WIDTH,
    Signer,
    build_pdf,
    header_table,
    markup,
    outlined,
    recipients_flowables,
    signer_cell,
    styles,
    title_flowables,
    two_column_block,
)
from server.paperwork import fonts

BUDGET_TITLE = "Tờ trình về dự toán ngân sách thành phố Móng Cái năm 2027"
RESOLUTION_TITLE = "Dự thảo Nghị quyết về kế hoạch đầu tư công trung hạn"
REVIEW_TITLE = "Báo cáo thẩm tra của Ban Kinh tế - Xã hội"
BIG_PAPER_TITLE = "Tài liệu tổng hợp phục vụ kỳ họp"


# ------------------------------------------------------------------------ helpers


def vn_number(value: float, decimals: int = 0) -> str:
    """Vietnamese number format: "." between thousands, "," before decimals."""
    text = f"{value:,.{decimals}f}"
    return text.replace(",", "\x00").replace(".", ",").replace("\x00", ".")


@dataclass(frozen=True)
class _Styles:
    heading1: ParagraphStyle
    heading2: ParagraphStyle
    body: ParagraphStyle
    basis: ParagraphStyle
    centre_bold: ParagraphStyle
    addressee: ParagraphStyle
    draft_mark: ParagraphStyle
    unit: ParagraphStyle


@cache
def _styles() -> _Styles:
    base = styles()
    return _Styles(
        heading1=ParagraphStyle(
            "paper_h1", parent=base.body, fontName=fonts.BOLD, spaceBefore=6, keepWithNext=1
        ),
        heading2=ParagraphStyle(
            "paper_h2", parent=base.body, fontName=fonts.BOLD, keepWithNext=1
        ),
        body=base.body,
        basis=ParagraphStyle("paper_basis", parent=base.body, fontName=fonts.ITALIC),
        centre_bold=ParagraphStyle(
            "paper_centre_bold",
            parent=base.body,
            fontName=fonts.BOLD,
            alignment=TA_CENTER,
            firstLineIndent=0,
        ),
        addressee=ParagraphStyle(
            "paper_addressee", parent=base.body, alignment=TA_CENTER, firstLineIndent=0,
            spaceAfter=10,
        ),
        draft_mark=ParagraphStyle(
            "paper_draft",
            fontName=fonts.BOLD,
            fontSize=13,
            leading=16,
            alignment=TA_RIGHT,
            spaceAfter=4,
        ),
        unit=ParagraphStyle(
            "paper_unit",
            fontName=fonts.ITALIC,
            fontSize=12,
            leading=14,
            alignment=TA_RIGHT,
            spaceAfter=2,
            keepWithNext=1,
        ),
    )


def h1(text: str) -> Flowable:
    """Roman-numbered section heading, level-0 bookmark."""
    return outlined(Paragraph(markup(text), _styles().heading1), text, 0)


def h2(text: str) -> Flowable:
    """Numbered sub-heading, level-1 bookmark."""
    return outlined(Paragraph(markup(text), _styles().heading2), text, 1)


def p(text: str) -> Paragraph:
    """Body paragraph (``<b>``/``<i>`` allowed; text is otherwise plain)."""
    escaped = markup(text)
    for tag in ("b", "i"):
        escaped = escaped.replace(f"&lt;{tag}&gt;", f"<{tag}>").replace(
            f"&lt;/{tag}&gt;", f"</{tag}>"
        )
    return Paragraph(escaped, _styles().body)


def basis(text: str) -> Paragraph:
    """Italic legal basis line ("Căn cứ …")."""
    return Paragraph(markup(text), _styles().basis)


def figures_table(header: Sequence[str], rows: Sequence[Sequence[str]],
                  widths_mm: Sequence[float]) -> Table:
    """A ruled figures table; bold rows start with a Roman numeral or "Tổng"."""
    st = styles()
    fonts.register_fonts()
    cell = ParagraphStyle("paper_cell", parent=st.body, fontSize=11, leading=13,
                          firstLineIndent=0, spaceAfter=0, alignment=0)
    head = ParagraphStyle("paper_head", parent=cell, fontName=fonts.BOLD, alignment=TA_CENTER)
    strong = ParagraphStyle("paper_strong", parent=cell, fontName=fonts.BOLD)
    data: list[list[Paragraph | str]] = [[Paragraph(markup(h), head) for h in header]]
    bold_rows = []
    for n, row in enumerate(rows, start=1):
        bold = row[0] in {"A", "B", "I", "II", "III"} or row[1].startswith("Tổng")
        data.append([row[0], Paragraph(markup(row[1]), strong if bold else cell), *row[2:]])
        if bold:
            bold_rows.append(n)
    scale = FRAME_WIDTH / sum(widths_mm)
    table = Table(data, colWidths=[w * scale for w in widths_mm], repeatRows=1)
    commands: list[tuple] = [
        ("FONT", (0, 0), (-1, -1), fonts.REGULAR, 11, 13),
        ("GRID", (0, 0), (-1, -1), 0.5, colors.black),
        ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
        ("ALIGN", (0, 1), (0, -1), "CENTER"),
        ("ALIGN", (2, 1), (-1, -1), "RIGHT"),
        ("TOPPADDING", (0, 0), (-1, -1), 2),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 3),
    ]
    commands.extend(("FONT", (0, r), (-1, r), fonts.BOLD, 11, 13) for r in bold_rows)
    table.setStyle(TableStyle(commands))
    return table


def unit_line(text: str = "Đơn vị tính: triệu đồng") -> Paragraph:
    """Right-aligned italic unit note above a figures table."""
    return Paragraph(markup(text), _styles().unit)


def closing(recipients: Sequence[str], signer: Signer) -> Flowable:
    """"Nơi nhận" on the left, the signer on the right (Decree 30 ô 9a / 7)."""
    return KeepTogether(
        [
            Spacer(1, 8),
            two_column_block(
                recipients_flowables([nfc(r) for r in recipients]),
                signer_cell(signer),
            ),
        ]
    )


def _percent(a: float, b: float) -> str:
    return vn_number(a * 100 / b, 1) if b else ""


# --------------------------------------------------------------- budget proposal


_BUDGET_ROWS: list[tuple[str, str, int, int, int]] = [
    ("A", "Tổng thu ngân sách nhà nước trên địa bàn", 2_150_000, 2_318_500, 2_380_000),
    ("1", "Thu nội địa (không kể tiền sử dụng đất)", 1_620_000, 1_752_300, 1_800_000),
    ("2", "Thu tiền sử dụng đất", 530_000, 566_200, 580_000),
    ("B", "Thu ngân sách địa phương được hưởng", 1_480_000, 1_596_000, 1_650_000),
    ("1", "Thu được hưởng theo phân cấp", 1_236_000, 1_352_000, 1_398_000),
    ("2", "Thu bổ sung có mục tiêu từ ngân sách tỉnh", 244_000, 244_000, 252_000),
]

_SPENDING_ROWS: list[tuple[str, str, int, int, int]] = [
    ("", "Tổng chi ngân sách địa phương", 1_920_000, 1_874_600, 2_012_000),
    ("I", "Chi đầu tư phát triển", 780_000, 752_400, 820_000),
    ("II", "Chi thường xuyên", 1_098_000, 1_092_200, 1_150_000),
    ("1", "Chi sự nghiệp giáo dục - đào tạo", 452_000, 450_800, 471_500),
    ("2", "Chi sự nghiệp y tế, dân số và gia đình", 96_500, 95_900, 101_200),
    ("3", "Chi sự nghiệp kinh tế", 188_000, 186_300, 197_000),
    ("4", "Chi quản lý hành chính nhà nước, Đảng, đoàn thể", 231_000, 229_700, 236_800),
    ("5", "Chi bảo đảm xã hội", 70_500, 70_100, 78_000),
    ("6", "Chi thường xuyên khác", 60_000, 59_400, 65_500),
    ("III", "Dự phòng ngân sách", 42_000, 30_000, 42_000),
]


def _budget_table(rows: Sequence[tuple[str, str, int, int, int]]) -> Table:
    header = ["STT", "Nội dung", "Dự toán năm 2026", "Ước thực hiện năm 2026",
              "Dự toán năm 2027", "DT 2027 so với UTH 2026 (%)"]
    body = [
        (stt, label, vn_number(d26), vn_number(u26), vn_number(d27), _percent(d27, u26))
        for stt, label, d26, u26, d27 in rows
    ]
    return figures_table(header, body, [13, 60, 24, 24, 24, 20])


def budget_proposal() -> bytes:
    """Tờ trình số 245/TTr-UBND: the city's 2027 budget, 3–4 pages with bookmarks."""
    st = _styles()
    revenue, spending = _BUDGET_ROWS[0], _SPENDING_ROWS[0]
    story: list[Flowable] = [
        header_table(
            agency="Ủy ban nhân dân thành phố Móng Cái",
            parent_agency=None,
            number_label="Số: 245/TTr-UBND",
            place_date="Móng Cái, ngày 10 tháng 11 năm 2026",
        ),
        *title_flowables("TỜ TRÌNH", "Về dự toán ngân sách thành phố Móng Cái năm 2027"),
        Paragraph(markup("Kính gửi: Hội đồng nhân dân thành phố Móng Cái."), st.addressee),
        basis("Căn cứ Luật Tổ chức chính quyền địa phương;"),
        basis("Căn cứ Luật Ngân sách nhà nước và các văn bản hướng dẫn thi hành;"),
        basis(
            "Căn cứ Quyết định của Ủy ban nhân dân tỉnh Quảng Ninh về việc giao dự toán thu, "
            "chi ngân sách nhà nước năm 2027;"
        ),
        p(
            "Ủy ban nhân dân thành phố kính trình Hội đồng nhân dân thành phố xem xét, quyết "
            "định dự toán ngân sách thành phố Móng Cái năm 2027 với các nội dung chủ yếu như "
            "sau:"
        ),
        h1("I. ĐÁNH GIÁ TÌNH HÌNH THỰC HIỆN DỰ TOÁN NGÂN SÁCH NĂM 2026"),
        h2("1. Thu ngân sách nhà nước trên địa bàn"),
        p(
            "Năm 2026, trong bối cảnh hoạt động xuất nhập khẩu qua các cửa khẩu trên địa bàn "
            "phục hồi mạnh, du lịch và dịch vụ tăng trưởng khá, công tác thu ngân sách được "
            "triển khai quyết liệt ngay từ đầu năm. Tổng thu ngân sách nhà nước trên địa bàn "
            f"ước thực hiện {vn_number(revenue[3])} triệu đồng, đạt "
            f"{_percent(revenue[3], revenue[2])}% dự toán Hội đồng nhân dân thành phố giao."
        ),
        p(
            f"Trong đó, thu nội địa ước đạt {vn_number(_BUDGET_ROWS[1][3])} triệu đồng, bằng "
            f"{_percent(_BUDGET_ROWS[1][3], _BUDGET_ROWS[1][2])}% dự toán; thu tiền sử dụng đất "
            f"ước đạt {vn_number(_BUDGET_ROWS[2][3])} triệu đồng, bằng "
            f"{_percent(_BUDGET_ROWS[2][3], _BUDGET_ROWS[2][2])}% dự toán. Các khoản thu từ "
            "khu vực kinh tế ngoài quốc doanh, thuế thu nhập cá nhân và lệ phí trước bạ đều "
            "vượt dự toán; thu từ hoạt động kinh doanh kho bãi, dịch vụ logistics tại khu vực "
            "cửa khẩu quốc tế Bắc Luân II tăng cao so với cùng kỳ."
        ),
        h2("2. Chi ngân sách địa phương"),
        p(
            f"Tổng chi ngân sách địa phương ước thực hiện {vn_number(spending[3])} triệu đồng, "
            f"bằng {_percent(spending[3], spending[2])}% dự toán. Chi đầu tư phát triển ước đạt "
            f"{vn_number(_SPENDING_ROWS[1][3])} triệu đồng, tập trung cho các công trình hạ "
            "tầng giao thông kết nối khu kinh tế cửa khẩu, trường học và trạm y tế tại các xã, "
            "phường. Chi thường xuyên cơ bản bảo đảm theo dự toán, đáp ứng kịp thời nhiệm vụ "
            "quốc phòng, an ninh, an sinh xã hội và thực hiện chính sách tiền lương mới."
        ),
        h2("3. Đánh giá chung"),
        p(
            "Bên cạnh kết quả đạt được, việc thực hiện dự toán năm 2026 còn một số hạn chế: "
            "tiến độ giải ngân vốn đầu tư công ở một số dự án còn chậm do vướng mắc trong công "
            "tác giải phóng mặt bằng; nợ đọng thuế tại một số doanh nghiệp kinh doanh xuất "
            "nhập khẩu chưa được xử lý dứt điểm; việc khai thác nguồn thu từ đất đai, tài "
            "nguyên chưa tương xứng với tiềm năng."
        ),
        h1("II. DỰ TOÁN NGÂN SÁCH NĂM 2027"),
        h2("1. Mục tiêu và nguyên tắc xây dựng dự toán"),
        p(
            "Dự toán năm 2027 được xây dựng trên cơ sở tăng trưởng kinh tế của thành phố dự "
            "kiến đạt 10,5%; bám sát chỉ tiêu tỉnh giao, tích cực nhưng bảo đảm tính khả thi; "
            "quán triệt nguyên tắc tiết kiệm, hiệu quả, ưu tiên bố trí kinh phí cho các nhiệm "
            "vụ trọng tâm: phát triển hạ tầng khu kinh tế cửa khẩu, chuyển đổi số, giáo dục, "
            "y tế và bảo đảm an sinh xã hội."
        ),
        p(
            "Việc phân bổ dự toán tuân thủ định mức phân bổ chi thường xuyên của tỉnh giai "
            "đoạn 2026 - 2030; dành nguồn thực hiện cải cách tiền lương theo quy định; bố trí "
            "dự phòng ngân sách ở mức 2% tổng chi cân đối ngân sách địa phương."
        ),
        h2("2. Dự toán thu ngân sách nhà nước"),
        p(
            f"Tổng thu ngân sách nhà nước trên địa bàn năm 2027 dự kiến {vn_number(revenue[4])} "
            f"triệu đồng, bằng {_percent(revenue[4], revenue[3])}% ước thực hiện năm 2026. "
            "Chi tiết các khoản thu như sau:"
        ),
        unit_line(),
        _budget_table(_BUDGET_ROWS),
        Spacer(1, 8),
        h2("3. Dự toán chi ngân sách địa phương"),
        p(
            f"Tổng chi ngân sách địa phương năm 2027 dự kiến {vn_number(spending[4])} triệu "
            f"đồng, bằng {_percent(spending[4], spending[3])}% ước thực hiện năm 2026, trong đó "
            "chi đầu tư phát triển chiếm "
            f"{_percent(_SPENDING_ROWS[1][4], spending[4])}% tổng chi. Chi tiết như sau:"
        ),
        unit_line(),
        _budget_table(_SPENDING_ROWS),
        Spacer(1, 8),
        h2("4. Kế hoạch tài chính - ngân sách 03 năm 2027 - 2029"),
        p(
            "Trên cơ sở dự toán năm 2027, dự kiến thu ngân sách nhà nước trên địa bàn giai "
            "đoạn 2027 - 2029 tăng bình quân 7 - 8%/năm; chi đầu tư phát triển duy trì tỷ "
            "trọng không thấp hơn 40% tổng chi ngân sách địa phương; chi thường xuyên được "
            "kiểm soát chặt chẽ, gắn với lộ trình sắp xếp tổ chức bộ máy, tinh giản biên chế "
            "và đẩy mạnh tự chủ tài chính của các đơn vị sự nghiệp công lập."
        ),
        p(
            "Ủy ban nhân dân thành phố sẽ cập nhật kế hoạch tài chính - ngân sách 03 năm hằng "
            "năm, báo cáo Hội đồng nhân dân thành phố cùng với dự toán ngân sách năm sau."
        ),
        h1("III. GIẢI PHÁP THỰC HIỆN DỰ TOÁN"),
        p(
            "Thứ nhất, tăng cường công tác quản lý thu, mở rộng cơ sở thu; đẩy mạnh thanh tra, "
            "kiểm tra thuế đối với hoạt động thương mại biên giới, kinh doanh dịch vụ lưu trú, "
            "ăn uống; quyết liệt xử lý nợ đọng thuế, hạn chế phát sinh nợ mới."
        ),
        p(
            "Thứ hai, đẩy nhanh tiến độ đấu giá quyền sử dụng đất các dự án đã hoàn thành giải "
            "phóng mặt bằng; công khai, minh bạch trong quản lý, sử dụng đất đai, tài nguyên."
        ),
        p(
            "Thứ ba, điều hành chi ngân sách chặt chẽ, tiết kiệm; đẩy nhanh giải ngân vốn đầu "
            "tư công ngay từ đầu năm; gắn trách nhiệm người đứng đầu với kết quả giải ngân; "
            "kiên quyết điều chuyển vốn từ các dự án chậm tiến độ sang dự án có khả năng hấp "
            "thụ vốn tốt."
        ),
        p(
            "Thứ tư, đẩy mạnh chuyển đổi số trong quản lý ngân sách, thực hiện thanh toán điện "
            "tử các khoản thu, chi; tăng cường công khai ngân sách theo quy định."
        ),
        h1("IV. KIẾN NGHỊ"),
        p(
            "Ủy ban nhân dân thành phố kính trình Hội đồng nhân dân thành phố xem xét, quyết "
            "định dự toán thu ngân sách nhà nước trên địa bàn, thu, chi ngân sách địa phương "
            "năm 2027 và phương án phân bổ ngân sách cấp thành phố năm 2027 như nội dung nêu "
            "trên; giao Ủy ban nhân dân thành phố tổ chức thực hiện. (Có dự thảo Nghị quyết "
            "kèm theo)./."
        ),
        closing(
            [
                "- Như trên;",
                "- TT Thành ủy, TT HĐND thành phố (b/c);",
                "- Các Ban HĐND thành phố;",
                "- Các đại biểu HĐND thành phố;",
                "- Lưu: VT, TCKH.",
            ],
            Signer("TM. ỦY BAN NHÂN DÂN\nCHỦ TỊCH", "Vũ Đức Long", note=""),
        ),
    ]
    return build_pdf(story, title=BUDGET_TITLE, author="UBND thành phố Móng Cái",
                     invariant=True)


# ------------------------------------------------------------ draft resolution


def draft_resolution() -> bytes:
    """Draft resolution on the 2026–2030 medium-term public investment plan, 2 pages."""
    st = _styles()
    plan = [
        ("I", "Vốn ngân sách địa phương", 3_850_000),
        ("1", "Vốn cân đối ngân sách thành phố", 1_520_000),
        ("2", "Vốn từ nguồn thu tiền sử dụng đất", 2_330_000),
        ("II", "Vốn ngân sách tỉnh hỗ trợ có mục tiêu", 1_460_000),
        ("", "Tổng cộng", 5_310_000),
    ]
    total = plan[-1][2]
    rows = [(stt, label, vn_number(v), _percent(v, total)) for stt, label, v in plan]
    story: list[Flowable] = [
        Paragraph("DỰ THẢO", st.draft_mark),
        header_table(
            agency="Hội đồng nhân dân thành phố Móng Cái",
            parent_agency=None,
            number_label="Số:\u00a0\u00a0\u00a0\u00a0\u00a0\u00a0/NQ-HĐND",
            place_date="Móng Cái, ngày\u00a0\u00a0\u00a0\u00a0 tháng 12 năm 2026",
        ),
        *title_flowables(
            "NGHỊ QUYẾT",
            "Về kế hoạch đầu tư công trung hạn giai đoạn 2026 - 2030 của thành phố Móng Cái",
        ),
        Paragraph(
            markup("HỘI ĐỒNG NHÂN DÂN THÀNH PHỐ MÓNG CÁI\nKHÓA XIV, KỲ HỌP THỨ BA"),
            st.centre_bold,
        ),
        basis("Căn cứ Luật Tổ chức chính quyền địa phương;"),
        basis("Căn cứ Luật Đầu tư công và các văn bản hướng dẫn thi hành;"),
        basis(
            "Xét Tờ trình số 248/TTr-UBND ngày 12 tháng 11 năm 2026 của Ủy ban nhân dân thành "
            "phố về kế hoạch đầu tư công trung hạn giai đoạn 2026 - 2030; Báo cáo thẩm tra của "
            "Ban Kinh tế - Xã hội Hội đồng nhân dân thành phố; ý kiến thảo luận của đại biểu "
            "Hội đồng nhân dân thành phố tại kỳ họp."
        ),
        Paragraph("QUYẾT NGHỊ:", st.centre_bold),
        h1("Điều 1. Thông qua kế hoạch đầu tư công trung hạn giai đoạn 2026 - 2030"),
        p(
            "1. Mục tiêu: tập trung nguồn lực hoàn thiện hệ thống kết cấu hạ tầng đồng bộ, "
            "hiện đại, trọng tâm là hạ tầng khu kinh tế cửa khẩu, giao thông kết nối, đô thị "
            "ven biển; bảo đảm hạ tầng giáo dục, y tế, văn hóa; thích ứng với biến đổi khí hậu."
        ),
        p(
            f"2. Tổng nguồn vốn đầu tư công trung hạn giai đoạn 2026 - 2030 là {vn_number(total)} "
            "triệu đồng, cơ cấu như sau:"
        ),
        unit_line(),
        figures_table(["STT", "Nguồn vốn", "Kế hoạch 2026 - 2030", "Tỷ trọng (%)"], rows,
                      [12, 90, 35, 28]),
        Spacer(1, 8),
        p(
            "3. Nguyên tắc phân bổ: ưu tiên bố trí vốn thanh toán nợ đọng xây dựng cơ bản, "
            "các dự án chuyển tiếp, dự án hoàn thành trong giai đoạn; sau đó mới bố trí cho dự "
            "án khởi công mới đã đủ thủ tục đầu tư; không dàn trải, bảo đảm hiệu quả."
        ),
        p(
            "4. Danh mục dự án và mức vốn bố trí cho từng dự án chi tiết tại Phụ lục kèm theo "
            "Nghị quyết này."
        ),
        h1("Điều 2. Tổ chức thực hiện"),
        p(
            "1. Giao Ủy ban nhân dân thành phố tổ chức thực hiện Nghị quyết; hằng năm báo cáo "
            "Hội đồng nhân dân thành phố kết quả thực hiện tại kỳ họp cuối năm."
        ),
        p(
            "2. Giao Thường trực Hội đồng nhân dân, các Ban của Hội đồng nhân dân, các Tổ đại "
            "biểu và đại biểu Hội đồng nhân dân thành phố giám sát việc thực hiện Nghị quyết."
        ),
        h1("Điều 3. Hiệu lực thi hành"),
        p(
            "Nghị quyết này đã được Hội đồng nhân dân thành phố Móng Cái khóa XIV, Kỳ họp thứ "
            "Ba thông qua ngày\u00a0\u00a0\u00a0\u00a0 tháng 12 năm 2026 và có hiệu lực từ ngày "
            "thông qua./."
        ),
        closing(
            [
                "- TT HĐND, UBND tỉnh (b/c);",
                "- TT Thành ủy, TT HĐND thành phố;",
                "- UBND thành phố;",
                "- Các đại biểu HĐND thành phố;",
                "- Lưu: VT.",
            ],
            Signer("CHỦ TỊCH", "Nguyễn Thị Thu Hương", note=""),
        ),
    ]
    return build_pdf(story, title=RESOLUTION_TITLE, author="HĐND thành phố Móng Cái",
                     invariant=True)


# --------------------------------------------------------------- review report


def review_report() -> bytes:
    """Review report of the Economic and Social Committee on the 2027 budget, 2 pages."""
    st = _styles()
    story: list[Flowable] = [
        header_table(
            agency="Ban Kinh tế - Xã hội",
            parent_agency="HĐND thành phố Móng Cái",
            number_label="Số: 38/BC-KTXH",
            place_date="Móng Cái, ngày 18 tháng 11 năm 2026",
        ),
        *title_flowables("BÁO CÁO", "Thẩm tra dự toán ngân sách thành phố Móng Cái năm 2027"),
        Paragraph(markup("Kính gửi: Hội đồng nhân dân thành phố Móng Cái."), st.addressee),
        p(
            "Thực hiện sự phân công của Thường trực Hội đồng nhân dân thành phố, ngày 15 tháng "
            "11 năm 2026, Ban Kinh tế - Xã hội đã họp thẩm tra Tờ trình số 245/TTr-UBND ngày "
            "10 tháng 11 năm 2026 của Ủy ban nhân dân thành phố về dự toán ngân sách năm 2027. "
            "Tham dự có đại diện Phòng Tài chính - Kế hoạch, Chi cục Thuế khu vực và Kho bạc "
            "Nhà nước khu vực. Ban Kinh tế - Xã hội báo cáo kết quả thẩm tra như sau:"
        ),
        h1("I. VỀ TÌNH HÌNH THỰC HIỆN DỰ TOÁN NĂM 2026"),
        p(
            "Ban thống nhất với đánh giá của Ủy ban nhân dân thành phố. Thu ngân sách nhà nước "
            "trên địa bàn ước vượt dự toán, là kết quả của sự chỉ đạo quyết liệt và sự phối "
            "hợp tốt giữa các cơ quan thu. Tuy nhiên, Ban đề nghị Ủy ban nhân dân thành phố "
            "làm rõ nguyên nhân giải ngân vốn đầu tư công chỉ đạt khoảng 96,5% kế hoạch và "
            "trách nhiệm của các chủ đầu tư có dự án chậm tiến độ."
        ),
        h1("II. VỀ DỰ TOÁN NGÂN SÁCH NĂM 2027"),
        h2("1. Về dự toán thu"),
        p(
            "Dự toán thu năm 2027 được xây dựng trên cơ sở khoa học, bám sát chỉ tiêu tỉnh "
            "giao và khả năng thực tế. Ban đề nghị rà soát khả năng thu tiền sử dụng đất từ "
            "các dự án dự kiến đấu giá trong năm 2027; trường hợp không bảo đảm tiến độ, cần "
            "có phương án điều chỉnh chi đầu tư tương ứng, tránh bị động trong điều hành."
        ),
        h2("2. Về dự toán chi"),
        p(
            "Ban cơ bản nhất trí với phương án phân bổ chi ngân sách. Đề nghị ưu tiên hơn nữa "
            "nguồn lực cho sự nghiệp giáo dục tại các xã vùng khó khăn, hải đảo; bố trí đủ "
            "kinh phí thực hiện các chính sách an sinh xã hội đã ban hành; kiểm soát chặt chẽ "
            "chi thường xuyên, cắt giảm tối đa hội nghị, khánh tiết, đi công tác nước ngoài."
        ),
        h2("3. Về phương án phân bổ ngân sách cấp thành phố"),
        p(
            "Phương án phân bổ bảo đảm đúng định mức, tiêu chí đã được Hội đồng nhân dân thành "
            "phố quyết định; dự phòng ngân sách bố trí đúng tỷ lệ quy định. Ban đề nghị giao dự "
            "toán cho các đơn vị ngay từ đầu năm, hạn chế tối đa việc bổ sung dự toán trong "
            "năm; công khai dự toán theo quy định để nhân dân giám sát."
        ),
        h1("III. KIẾN NGHỊ"),
        p(
            "Ban Kinh tế - Xã hội đề nghị Hội đồng nhân dân thành phố xem xét, thông qua dự "
            "toán ngân sách năm 2027 theo Tờ trình của Ủy ban nhân dân thành phố, có tiếp thu "
            "các ý kiến thẩm tra nêu trên."
        ),
        p(
            "Trên đây là báo cáo thẩm tra của Ban Kinh tế - Xã hội, kính trình Hội đồng nhân "
            "dân thành phố xem xét, quyết định./."
        ),
        closing(
            [
                "- Như trên;",
                "- TT HĐND thành phố;",
                "- UBND thành phố;",
                "- Các đại biểu HĐND thành phố;",
                "- Lưu: VT, Ban KT-XH.",
            ],
            Signer("TM. BAN KINH TẾ - XÃ HỘI\nTRƯỞNG BAN", "Lê Đức Thắng", note=""),
        ),
    ]
    return build_pdf(story, title=REVIEW_TITLE, author="Ban Kinh tế - Xã hội HĐND thành phố",
                     invariant=True)


def demo_papers() -> list[tuple[str, bytes]]:
    """The three papers of the demo session's budget item, as (title, PDF bytes)."""
    return [
        (BUDGET_TITLE, budget_proposal()),
        (RESOLUTION_TITLE, draft_resolution()),
        (REVIEW_TITLE, review_report()),
    ]


# ------------------------------------------------------------------- big paper

_FILLER = (
    "Thực hiện Nghị quyết của Hội đồng nhân dân thành phố, các cơ quan, đơn vị đã triển "
    "khai đồng bộ các nhiệm vụ, giải pháp phát triển kinh tế - xã hội, bảo đảm quốc phòng, "
    "an ninh trên địa bàn. Hoạt động thương mại, dịch vụ qua các cửa khẩu tiếp tục tăng "
    "trưởng; công tác quản lý đất đai, trật tự xây dựng, bảo vệ môi trường được tăng cường. "
    "Chất lượng giáo dục, y tế được nâng lên; các chính sách an sinh xã hội được thực hiện "
    "đầy đủ, kịp thời. Cải cách hành chính, chuyển đổi số có nhiều chuyển biến tích cực; "
    "chỉ số hài lòng của người dân, doanh nghiệp đối với sự phục vụ của cơ quan hành chính "
    "tiếp tục được cải thiện. Tuy nhiên, tiến độ một số dự án trọng điểm còn chậm; công tác "
    "giải phóng mặt bằng còn nhiều vướng mắc; nguồn nhân lực chất lượng cao chưa đáp ứng "
    "yêu cầu phát triển của khu kinh tế cửa khẩu."
)
_PAGES_PER_CHAPTER = 10


def big_paper(pages: int = 300) -> bytes:
    """A ``pages``-page text PDF with a two-level outline (chapter / section per page).

    Each page's heading holds a unique phrase ("trang 123") so reader tests can search.
    """
    if pages < 1:
        raise ValueError("pages must be at least 1")
    fonts.register_fonts()
    buffer = io.BytesIO()
    canvas = Canvas(
        buffer,
        pagesize=(PAGE_WIDTH, PAGE_HEIGHT),
        invariant=1,
        initialFontName=fonts.REGULAR,
        initialFontSize=BODY_SIZE,
    )
    canvas.setTitle(nfc(BIG_PAPER_TITLE))
    canvas.setAuthor(nfc("Văn phòng HĐND và UBND thành phố Móng Cái"))
    canvas.setCreator("Họp thông minh")
    leading = 17.0
    lines = simpleSplit(nfc(_FILLER), fonts.REGULAR, BODY_SIZE, FRAME_WIDTH)
    top = PAGE_HEIGHT - MARGIN_TOP
    body_lines = int((PAGE_HEIGHT - MARGIN_TOP - MARGIN_BOTTOM - 2 * leading) // leading)
    for page in range(1, pages + 1):
        chapter = (page - 1) // _PAGES_PER_CHAPTER + 1
        if (page - 1) % _PAGES_PER_CHAPTER == 0:
            key = f"chuong-{chapter}"
            canvas.bookmarkPage(key)
            canvas.addOutlineEntry(nfc(f"Chương {chapter}"), key, level=0, closed=True)
        key = f"trang-{page}"
        canvas.bookmarkPage(key)
        heading = nfc(f"Chương {chapter}, mục {page}: nội dung chi tiết trang {page}")
        canvas.addOutlineEntry(heading, key, level=1)
        if page > 1:
            canvas.setFont(fonts.REGULAR, PAGE_NUMBER_SIZE)
            canvas.drawCentredString(
                MARGIN_LEFT + FRAME_WIDTH / 2, PAGE_HEIGHT - MARGIN_TOP / 2 - 4, str(page)
            )
        canvas.setFont(fonts.BOLD, BODY_SIZE)
        canvas.drawString(MARGIN_LEFT, top - BODY_SIZE, heading)
        text = canvas.beginText(MARGIN_LEFT, top - BODY_SIZE - 2 * leading)
        text.setFont(fonts.REGULAR, BODY_SIZE, leading)
        for n in range(body_lines):
            text.textLine(lines[(n + page) % len(lines)])
        canvas.drawText(text)
        canvas.showPage()
    canvas.showOutline()
    canvas.save()
    return buffer.getvalue()
