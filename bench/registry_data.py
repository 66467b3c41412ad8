"""Realistic registry entries for benchmarks and screenshots: document types × subjects ×
places, issuers and symbols as a Vietnamese city's registers hold them (seeded)."""

from __future__ import annotations

import csv
import random
from collections.abc import Iterator
from datetime import date, timedelta
from pathlib import Path

TYPES = [("Quyết định", "QĐ"), ("Công văn", ""), ("Tờ trình", "TTr"), ("Báo cáo", "BC"),
         ("Kế hoạch", "KH"), ("Thông báo", "TB"), ("Giấy mời", "GM"), ("Chỉ thị", "CT"),
         ("Nghị quyết", "NQ"), ("Hướng dẫn", "HD")]
ACTIONS = ["Về việc phê duyệt", "Về việc triển khai", "Về việc báo cáo tình hình",
           "Về việc giao", "Về việc thẩm định", "Về việc kiểm tra", "Về việc điều chỉnh",
           "Về việc tổ chức", "Về việc thu hồi", "Về việc hỗ trợ", "Về việc đề nghị",
           "Về việc tăng cường"]
SUBJECTS = ["dự án đầu tư xây dựng", "kế hoạch sử dụng đất", "quản lý đất đai",
            "dự toán ngân sách nhà nước", "công tác phòng chống thiên tai",
            "bồi thường giải phóng mặt bằng", "cải cách hành chính", "chuyển đổi số",
            "bảo đảm trật tự an toàn giao thông", "vệ sinh an toàn thực phẩm",
            "phòng cháy chữa cháy", "tuyển dụng viên chức", "xây dựng nông thôn mới",
            "bảo vệ môi trường", "sửa chữa trường học", "nâng cấp trạm y tế",
            "đường giao thông nông thôn", "chỉnh trang chợ đầu mối", "quy hoạch khu dân cư",
            "cấp giấy chứng nhận quyền sử dụng đất", "chi trả trợ cấp xã hội",
            "phòng chống dịch bệnh", "thu hồi đất", "đầu tư công trung hạn"]
PLACES = ["phường Đống Đa", "phường Hải Cảng", "xã Nhơn Lý", "xã Phước Mỹ",
          "phường Quang Trung", "phường Ngô Mây", "xã Nhơn Hội", "phường Trần Hưng Đạo",
          "phường Lê Lợi", "phường Nhơn Bình", "phường Ghềnh Ráng", "xã Nhơn Châu",
          "phường Thị Nại", "phường Nguyễn Văn Cừ", "phường Bùi Thị Xuân", "xã Nhơn Hải",
          "phường Nhơn Phú", "phường Trần Phú", "phường Lý Thường Kiệt", "phường Đống Đa",
          "thành phố Quy Nhơn", "huyện Tuy Phước", "thị xã An Nhơn", "huyện Phù Cát"]
ISSUERS = [("UBND tỉnh Bình Định", "UBND"), ("HĐND tỉnh Bình Định", "HĐND"),
           ("Sở Tài chính", "STC"), ("Sở Xây dựng", "SXD"), ("Sở Kế hoạch và Đầu tư", "SKHĐT"),
           ("Sở Tài nguyên và Môi trường", "STNMT"), ("Sở Giáo dục và Đào tạo", "SGDĐT"),
           ("Sở Y tế", "SYT"), ("Sở Nội vụ", "SNV"), ("Công an tỉnh", "CAT"),
           ("Sở Giao thông vận tải", "SGTVT"), ("Ban Quản lý dự án", "BQLDA")]
OBJECTS = ["Trường THCS Lê Lợi", "Trường Tiểu học Ngô Mây", "Trường THPT Nguyễn Huệ",
           "cầu Thị Nại 2", "đường Xuân Diệu", "đường Điện Biên Phủ", "Khu đô thị Nhơn Hội",
           "Khu dân cư Bắc Hà Thanh", "chợ Lớn Quy Nhơn", "Trạm y tế phường Trần Quang Diệu",
           "Bệnh viện Đa khoa tỉnh", "kè chắn sóng Nhơn Lý", "hồ Bàu Sen", "công viên Quang Trung",
           "nhà văn hóa khu vực 5", "tuyến đê Đông", "cảng cá Quy Nhơn", "cụm công nghiệp Phước An",
           "Khu kinh tế Nhơn Hội", "ký túc xá sinh viên", "Trung tâm hành chính công",
           "hệ thống thoát nước khu vực 2", "nhà máy xử lý rác Long Mỹ", "tuyến ĐT 639",
           "bến xe Trung tâm", "Khu du lịch Ghềnh Ráng", "chung cư Hoàng Văn Thụ",
           "Trường Mầm non Hoa Sen", "nhà thi đấu đa năng", "Trung tâm y tế thành phố"]
KINDS = ["Trường THCS", "Trường Tiểu học", "Trường Mầm non", "đường", "cầu", "chợ",
         "Khu dân cư", "nhà văn hóa thôn", "Trạm y tế xã", "kênh mương", "hồ chứa nước",
         "Công ty TNHH", "Công ty Cổ phần", "Hợp tác xã", "hộ kinh doanh", "đơn của ông",
         "đơn của bà", "dự án Khu nhà ở", "tuyến đường", "bãi đỗ xe"]
NAMES = ["Lê Lợi", "Ngô Mây", "Trần Phú", "Nguyễn Huệ", "Quang Trung", "Bạch Đằng",
         "Hai Bà Trưng", "Lý Thường Kiệt", "Trần Hưng Đạo", "Phan Bội Châu", "Võ Thị Sáu",
         "Nguyễn Thái Học", "Tăng Bạt Hổ", "Đào Duy Từ", "Xuân Diệu", "Hàn Mặc Tử",
         "Chế Lan Viên", "Nguyễn Thị Minh Khai", "Lê Hồng Phong", "Phạm Văn Đồng",
         "Tây Sơn", "Hoài Nhơn", "Phù Mỹ", "An Lão", "Vân Canh", "Vĩnh Thạnh", "Hoài Ân",
         "Tuy Phước", "Phù Cát", "An Nhơn", "Bình An", "Phú Thịnh", "Hưng Thịnh", "Minh Phát",
         "Thành Công", "Hòa Bình", "Thống Nhất", "Đồng Tâm", "Tân Phát", "Hoàng Long",
         "Nguyễn Văn Hùng", "Trần Thị Mai", "Lê Văn Tám", "Phạm Thị Hoa", "Huỳnh Văn Nghệ",
         "Đặng Thị Lan", "Bùi Quang Vinh", "Võ Văn Kiệt", "Đỗ Thị Thu", "Hồ Văn Mạnh",
         "Cát Tiến", "Cát Hải", "Nhơn Phong", "Phước Sơn", "Phước Thuận", "Diêu Trì",
         "Gò Găng", "Bồng Sơn", "Tam Quan", "Đập Đá"]
UNITS = ["Phòng Tài chính - Kế hoạch", "Phòng Quản lý đô thị", "Phòng Tài nguyên và Môi trường",
         "Phòng Nội vụ", "Phòng Giáo dục và Đào tạo", "Văn phòng HĐND và UBND"]
URGENCY = ["thường"] * 85 + ["khẩn"] * 10 + ["thượng khẩn"] * 4 + ["hỏa tốc"]
HEADER = ["Sổ", "Ngày đến", "Tác giả", "Số, ký hiệu", "Ngày tháng", "Tên loại", "Trích yếu",
          "Đơn vị hoặc người nhận", "Độ khẩn", "Mật"]


def rows(n: int, *, seed: int = 30, start: date = date(2021, 1, 4)) -> Iterator[list[str]]:
    """``n`` register lines (CSV cells), spread evenly from ``start`` over the years."""
    rnd = random.Random(seed)
    per_day = max(1, n // (5 * 365))
    serial: dict[str, int] = {}
    for i in range(n):
        day = start + timedelta(days=i // per_day)
        doc_type, abbr = rnd.choice(TYPES)
        issuer, short = rnd.choice(ISSUERS)
        summary = f"{rnd.choice(ACTIONS)} {rnd.choice(SUBJECTS)}"
        roll = rnd.random()
        if roll < 0.25:
            summary += f" {rnd.choice(OBJECTS)}"
        elif roll < 0.85:  # the long tail: a named school, road, firm or petitioner
            summary += f" {rnd.choice(KINDS)} {rnd.choice(NAMES)}"
            if rnd.random() < 0.3:
                summary += f", thửa đất số {rnd.randint(1, 900)} tờ bản đồ số {rnd.randint(1, 60)}"
        summary += f" tại {rnd.choice(PLACES)}"
        if rnd.random() < 0.3:
            summary += f" năm {day.year}"
        serial[short] = serial.get(short, 0) + 1
        symbol = (f"{serial[short]}/{abbr}-{short}" if abbr
                  else f"{serial[short]}/{short}-VP")
        direction = "đến" if rnd.random() < 0.7 else "đi"
        issued = day - timedelta(days=rnd.randint(0, 5))
        yield [direction, day.isoformat(), issuer, symbol, issued.isoformat(),
               doc_type, summary,
               rnd.choice(UNITS), rnd.choice(URGENCY), "x" if rnd.random() < 0.01 else ""]


def write_csv(path: Path, n: int, *, seed: int = 30) -> Path:
    with path.open("w", encoding="utf-8", newline="") as f:
        w = csv.writer(f)
        w.writerow(HEADER)
        w.writerows(rows(n, seed=seed))
    return path
