"""Demo data (PROTOCOL.md, "Demo data"): a council session of HĐND Móng Cái."""

from __future__ import annotations

import itertools
from datetime import UTC, datetime

from sqlalchemy import insert
from sqlalchemy.engine import Connection

from meeting_protocol.rules import quorum_for
from server.modules.accounts.passwords import Passwords
from server.modules.accounts.service import create_user
from server.modules.documents.store import BlobStore
from server.modules.documents.tables import documents
from server.modules.meetings.tables import agenda_items, meetings, participants
from server.storage.committer import utc_now_iso

DEMO_PASSWORD = "demo"

SURNAMES = ["Nguyễn", "Trần", "Lê", "Phạm", "Hoàng", "Vũ", "Đặng", "Bùi", "Đỗ", "Hồ", "Ngô",
            "Dương", "Lý", "Phan", "Trịnh", "Đinh", "Lương", "Tạ", "Mai", "Cao"]
MIDDLE = ["Văn", "Thị", "Đức", "Minh", "Thanh", "Quốc", "Hữu", "Ngọc", "Thu", "Xuân", "Công",
          "Hồng", "Kim", "Mạnh", "Bảo"]
GIVEN = ["An", "Bình", "Cường", "Dũng", "Hà", "Hải", "Hạnh", "Hoa", "Hùng", "Hương", "Khánh",
         "Lan", "Linh", "Long", "Mai", "Nam", "Nga", "Phong", "Phương", "Quang", "Sơn", "Tâm",
         "Thảo", "Thắng", "Trang", "Trung", "Tuấn", "Vân", "Yến", "Hiếu", "Đông", "Giang", "Huy",
         "Lộc", "Ngân", "Oanh", "Quyên", "Tùng", "Vinh", "Xuyến", "Hòa"]

MEETING_TITLE = ("Kỳ họp thứ Ba, Hội đồng nhân dân thành phố Móng Cái khóa XV, "
                 "nhiệm kỳ 2026 - 2031")
BODY = "HỘI ĐỒNG NHÂN DÂN THÀNH PHỐ MÓNG CÁI"
LOCATION = "Hội trường tầng 3, Trụ sở HĐND - UBND thành phố Móng Cái"

AGENDA = [
    "Khai mạc kỳ họp; thông qua chương trình kỳ họp",
    "Báo cáo tình hình kinh tế - xã hội năm 2026, phương hướng nhiệm vụ năm 2027",
    "Tờ trình về dự toán ngân sách thành phố năm 2027",
    "Báo cáo thẩm tra của Ban Kinh tế - Xã hội HĐND thành phố",
    "Thảo luận tại hội trường",
    "Chất vấn và trả lời chất vấn",
    "Biểu quyết thông qua các nghị quyết",
    "Bế mạc kỳ họp",
]


def delegate_names(n: int) -> list[str]:
    """Distinct, plausible Vietnamese full names, always the same for the same ``n``."""
    names: list[str] = []
    combos = itertools.product(range(len(GIVEN)), range(len(MIDDLE)), range(len(SURNAMES)))
    for i, (g, m, s) in enumerate(combos):
        if len(names) == n:
            break
        # Spread surnames and given names so neighbours do not look alike.
        name = f"{SURNAMES[(s + i * 7) % len(SURNAMES)]} {MIDDLE[(m + i * 3) % len(MIDDLE)]} " \
               f"{GIVEN[(g + i * 5) % len(GIVEN)]}"
        if name not in names:
            names.append(name)
    return names


def username_for(i: int, n: int) -> str:
    return f"d{i:0{4 if n >= 1000 else 3}d}"


def seat_for(i: int) -> str:
    row, col = divmod(i - 1, 10)
    letters = "ABCDEFGHIJKLMNOPQRSTUVWXYZ"
    return f"{letters[row % 26]}{row // 26 or ''}{col + 1:02d}"


def create_demo(conn: Connection, blobs: BlobStore, *, delegates: int = 30,
                passwords: Passwords | None = None) -> int:
    """Create the demo users, meeting 1 with its agenda, and its papers. Returns meeting id."""
    passwords = passwords or Passwords()
    # One hash for every demo account: hashing thousands of "demo" passwords
    # would take minutes and protect nothing.
    pw_hash = passwords.hash(DEMO_PASSWORD)
    create_user(conn, username="admin", full_name="Quản trị hệ thống", password_hash=pw_hash,
                is_admin=True, is_demo=True)
    chair = create_user(conn, username="chair", full_name="Nguyễn Văn Thành",
                        title="Chủ tịch HĐND thành phố", password_hash=pw_hash, is_demo=True)
    clerk = create_user(conn, username="clerk", full_name="Phạm Thu Hà",
                        title="Chuyên viên Văn phòng HĐND và UBND thành phố",
                        password_hash=pw_hash, is_demo=True)
    names = delegate_names(delegates)
    rows = [{"username": username_for(i, delegates), "full_name": names[i - 1],
             "password_hash": pw_hash, "is_admin": False, "is_demo": True,
             "created_at": utc_now_iso(), "title": "Đại biểu HĐND thành phố"}
            for i in range(1, delegates + 1)]
    from server.modules.accounts.tables import users

    if rows:
        conn.execute(insert(users), rows)
    ids = dict(conn.execute(users.select().with_only_columns(users.c.username, users.c.id)).all())
    today = datetime.now(UTC).replace(hour=1, minute=0, second=0, microsecond=0)
    result = conn.execute(insert(meetings).values(
        title=MEETING_TITLE, body=BODY, location=LOCATION, starts_at=utc_now_iso(today),
        status="scheduled", quorum=quorum_for(delegates), majority="absolute",
        speech_limit_s=300))
    meeting_id = int(result.inserted_primary_key[0])  # type: ignore[index]
    hall = create_user(conn, username="hall", full_name="Màn hình hội trường",
                       title="Thiết bị hội trường", password_hash=pw_hash, is_demo=True)
    people = [{"meeting_id": meeting_id, "user_id": chair, "role": "chair", "seat": "CT"},
              {"meeting_id": meeting_id, "user_id": clerk, "role": "clerk", "seat": "TK"},
              {"meeting_id": meeting_id, "user_id": hall, "role": "hall", "seat": None}]
    people += [{"meeting_id": meeting_id, "user_id": ids[username_for(i, delegates)],
                "role": "delegate", "seat": seat_for(i)} for i in range(1, delegates + 1)]
    conn.execute(insert(participants), people)
    item_ids = []
    for pos, title in enumerate(AGENDA, start=1):
        r = conn.execute(insert(agenda_items).values(meeting_id=meeting_id, position=pos,
                                                     title=title))
        item_ids.append(int(r.inserted_primary_key[0]))  # type: ignore[index]
    _add_papers(conn, blobs, meeting_id, item_ids)
    from server.modules.org.demo import create_demo_org

    create_demo_org(conn, pw_hash)
    return meeting_id


def _add_papers(conn: Connection, blobs: BlobStore, meeting_id: int, item_ids: list[int]) -> None:
    from server.demo_papers import demo_papers

    # Papers belong to the items that discuss them: budget (3), review (4), resolutions (7).
    targets = [item_ids[2], item_ids[6], item_ids[3]]
    for (title, pdf), item_id in zip(demo_papers(), itertools.cycle(targets), strict=False):
        digest = blobs.put(pdf)
        conn.execute(insert(documents).values(
            meeting_id=meeting_id, agenda_item_id=item_id, title=title,
            filename=f"{digest[:12]}.pdf", sha256=digest, size=len(pdf),
            mime="application/pdf", created_at=utc_now_iso()))
