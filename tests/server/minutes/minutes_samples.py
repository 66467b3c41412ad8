"""A realistic council session of HĐND thành phố Móng Cái, and poppler helpers."""

from __future__ import annotations

import subprocess
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from server.modules.minutes.model import (
    Absentee,
    Attendance,
    ItemMinutes,
    MinutesDraft,
    NamedBallot,
    Person,
    PollResult,
    Speech,
)

DELEGATE_NAMES = [
    "Nguyễn Thị Thu Hương",
    "Trần Quốc Việt",
    "Lê Đức Thắng",
    "Phạm Ngọc Ánh",
    "Hoàng Văn Dũng",
    "Vũ Thị Hằng",
    "Đặng Xuân Trường",
    "Bùi Thị Huyền Trang",
    "Ngô Quang Khải",
    "Đỗ Minh Tuấn",
    "Lương Thị Mỹ Duyên",
    "Đinh Công Hoàn",
    "Phan Thanh Bình",
    "Dương Thị Ngọc Lan",
    "Tạ Hữu Nghĩa",
    "Cao Thị Thủy",
    "Mạc Văn Quyết",
    "Hà Thị Kiều Oanh",
    "Chu Đức Mạnh",
    "Lưu Thị Phượng",
    "Quách Tuấn Kiệt",
    "Triệu Thị Lý",
    "Đoàn Văn Hiển",
    "Nông Thị Xuân",
    "Vương Đình Huệ Nhân",
    "Khúc Thị Ngân",
    "Giáp Văn Lực",
    "Lã Thị Yến",
    "Âu Quốc Cường",
    "Mẫn Thị Điệp",
]

CHAIR = Person("Nguyễn Thị Thu Hương", "Chủ tịch HĐND thành phố")
SECRETARY = Person("Trần Quốc Việt", "Chánh Văn phòng HĐND và UBND thành phố")
ABSENT = [
    Absentee(Person("Âu Quốc Cường", "Đại biểu HĐND thành phố"), "đi công tác tại Hà Nội"),
    Absentee(Person("Mẫn Thị Điệp", "Đại biểu HĐND thành phố"), "ốm, có đơn xin phép"),
]
HEADER_LINES = [
    "HỘI ĐỒNG NHÂN DÂN",
    "THÀNH PHỐ MÓNG CÁI",
    "Số: 12/BB-HĐND",
    "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
    "Độc lập - Tự do - Hạnh phúc",
    "Móng Cái, ngày 24 tháng 11 năm 2026",
]
MEETING_TITLE = "Kỳ họp thứ Ba, Hội đồng nhân dân thành phố Móng Cái khóa XIV, nhiệm kỳ 2026 - 2031"


def _ballots(present: list[Person], yes: int, no: int, abstain: int) -> list[NamedBallot]:
    choices = ["yes"] * yes + ["no"] * no + ["abstain"] * abstain
    assert len(choices) == len(present)
    return [NamedBallot(p, c) for p, c in zip(present, choices, strict=True)]


def sample_draft() -> MinutesDraft:
    """Three items, five speeches, two open votes with named ballots and one secret ballot."""
    absent_names = {a.person.full_name for a in ABSENT}
    present = [
        Person(n, "Đại biểu HĐND thành phố") for n in DELEGATE_NAMES if n not in absent_names
    ]
    day = datetime(2026, 11, 24)

    def at(h: int, m: int, s: int = 0) -> datetime:
        return day.replace(hour=h, minute=m, second=s)

    items = [
        ItemMinutes(
            position=1,
            title="Thông qua chương trình kỳ họp",
            taken_up_at=at(8, 5),
            documents=["Dự kiến chương trình Kỳ họp thứ Ba"],
            polls=[
                PollResult(
                    title="Thông qua chương trình kỳ họp",
                    secret=False,
                    options=["yes", "no", "abstain"],
                    tally={"yes": 27, "no": 0, "abstain": 1},
                    cast=28,
                    eligible=30,
                    majority="absolute",
                    outcome="passed",
                    ballots=_ballots(present, 27, 0, 1),
                )
            ],
            conclusions="Hội đồng nhân dân thành phố thống nhất thông qua chương trình kỳ họp.",
        ),
        ItemMinutes(
            position=2,
            title="Tờ trình về dự toán ngân sách thành phố Móng Cái năm 2027",
            taken_up_at=at(8, 15),
            documents=[
                "Tờ trình số 245/TTr-UBND ngày 10/11/2026 của UBND thành phố",
                "Báo cáo thẩm tra số 38/BC-KTXH của Ban Kinh tế - Xã hội",
                "Dự thảo Nghị quyết về dự toán ngân sách năm 2027",
            ],
            speeches=[
                Speech(Person("Lê Đức Thắng", "Trưởng Ban Kinh tế - Xã hội"), at(8, 20), 200),
                Speech(Person("Phạm Ngọc Ánh", "Đại biểu HĐND thành phố"), at(8, 31, 10), 245),
                Speech(Person("Hoàng Văn Dũng", "Đại biểu HĐND thành phố"), at(8, 40, 5), 180),
                Speech(Person("Bùi Thị Huyền Trang", "Phó Chủ tịch UBND thành phố"),
                       at(8, 47), 312),
            ],
            opinions=(
                "Các đại biểu cơ bản nhất trí với dự toán thu ngân sách nhà nước trên địa bàn "
                "năm 2027; đề nghị <b>tăng cường chống thất thu</b> thuế đối với hoạt động "
                "thương mại biên giới và dịch vụ logistics tại cửa khẩu Bắc Luân II.\n\n"
                "Đại biểu Phạm Ngọc Ánh đề nghị <i>ưu tiên bố trí vốn</i> cho các công trình "
                "trường học tại các xã Hải Sơn, Hải Tiến; làm rõ nguồn kinh phí thực hiện "
                "cải cách tiền lương & an sinh xã hội <nhóm chính sách>."
            ),
            polls=[
                PollResult(
                    title="Thông qua Nghị quyết về dự toán ngân sách thành phố năm 2027",
                    secret=False,
                    options=["yes", "no", "abstain"],
                    tally={"yes": 25, "no": 2, "abstain": 1},
                    cast=28,
                    eligible=30,
                    majority="absolute",
                    outcome="passed",
                    ballots=_ballots(present, 25, 2, 1),
                )
            ],
            conclusions=(
                "Giao Ủy ban nhân dân thành phố tiếp thu ý kiến đại biểu, hoàn thiện dự toán; "
                "chỉ đạo quyết liệt công tác thu ngân sách ngay từ đầu năm 2027."
            ),
        ),
        ItemMinutes(
            position=3,
            title="Bầu bổ sung Ủy viên Ủy ban nhân dân thành phố",
            taken_up_at=at(10, 2),
            documents=["Tờ trình số 251/TTr-UBND về việc giới thiệu nhân sự bầu bổ sung"],
            speeches=[Speech(Person("Ngô Quang Khải", "Trưởng ban kiểm phiếu"), at(10, 35), 95)],
            polls=[
                PollResult(
                    title="Bầu ông Đặng Xuân Trường giữ chức Ủy viên UBND thành phố",
                    secret=True,
                    options=["yes", "no"],
                    tally={"yes": 24, "no": 3},
                    cast=27,
                    eligible=30,
                    majority="absolute",
                    outcome="passed",
                )
            ],
            conclusions="Ông Đặng Xuân Trường trúng cử Ủy viên Ủy ban nhân dân thành phố.",
        ),
    ]
    return MinutesDraft(
        agency="Hội đồng nhân dân thành phố Móng Cái",
        agency_abbrev="HĐND",
        number=12,
        year=2026,
        place_name="Móng Cái",
        meeting_title=MEETING_TITLE,
        location="Hội trường Trung tâm Hội nghị thành phố Móng Cái",
        started_at=at(8, 0),
        ended_at=at(11, 30),
        chair=CHAIR,
        secretary=SECRETARY,
        attendance=Attendance(expected=30, present=present, absent=ABSENT),
        items=items,
        recipients=[
            "Thường trực Tỉnh ủy, HĐND tỉnh (b/c)",
            "Thường trực Thành ủy",
            "UBND thành phố",
            "Các đại biểu HĐND thành phố",
        ],
        conclusions_general="Kỳ họp đã hoàn thành toàn bộ nội dung chương trình đề ra.",
        filing="VT, HĐND",
    )


# ------------------------------------------------------------------ poppler oracles

MM = 72 / 25.4


@dataclass(frozen=True)
class Word:
    """A word with its box in PDF points, origin top-left (pdftotext -bbox)."""

    text: str
    x_min: float
    y_min: float
    x_max: float
    y_max: float


def run_poppler(args: list[str], data: bytes, tmp_path: Path, to_stdout: bool = True) -> str:
    pdf = tmp_path / "doc.pdf"
    pdf.write_bytes(data)
    tail = [str(pdf), "-"] if to_stdout else [str(pdf)]
    out = subprocess.run([*args, *tail], check=True, capture_output=True)
    return out.stdout.decode("utf-8")


