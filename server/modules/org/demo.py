"""The demo organisation (PROTOCOL.md, "Demo data additions"): the city of Móng Cái.

Units of the city, its leaders with their positions, the office and the
operations room, and ten staff spread over the units. Names are invented.
Existing demo users (``admin``, ``chair``, ``clerk``, ``dNNN``) are left as
they were: the meeting-room tests know them exactly.
"""

from __future__ import annotations

from sqlalchemy import update
from sqlalchemy.engine import Connection

from server.modules.org import people
from server.modules.org.tables import org_units

# (code, name, parent code)
UNITS = [
    ("HDND", "Hội đồng nhân dân thành phố", None),
    ("UBND", "Ủy ban nhân dân thành phố", None),
    ("VP", "Văn phòng HĐND và UBND", "UBND"),
    ("TCKH", "Phòng Tài chính - Kế hoạch", "UBND"),
    ("TP", "Phòng Tư pháp", "UBND"),
    ("TNMT", "Phòng Tài nguyên và Môi trường", "UBND"),
    ("KALONG", "Ủy ban nhân dân phường Ka Long", "UBND"),
    ("TRANPHU", "Ủy ban nhân dân phường Trần Phú", "UBND"),
    ("HAIHOA", "Ủy ban nhân dân phường Hải Hòa", "UBND"),
]

# (username, full name, unit code, position, roles, head of the unit)
PEOPLE = [
    ("lanhdao", "Vũ Quốc Hưng", "UBND", "Chủ tịch UBND thành phố", ["leader"], True),
    ("pct1", "Đỗ Thị Minh Nguyệt", "UBND", "Phó Chủ tịch UBND thành phố", ["leader"], False),
    ("pct2", "Lương Văn Toàn", "UBND", "Phó Chủ tịch UBND thành phố", ["leader"], False),
    ("pcthdnd", "Trịnh Thị Hồng Vân", "HDND", "Phó Chủ tịch HĐND thành phố", ["leader"], True),
    ("chanhvp", "Bùi Đức Thịnh", "VP", "Chánh Văn phòng HĐND và UBND", ["office"], True),
    ("vanphong", "Ngô Thị Lan Anh", "VP", "Phó Chánh Văn phòng HĐND và UBND", ["office"],
     False),
    ("vanhanh", "Tạ Minh Khôi", "VP", "Chuyên viên Trung tâm điều hành", ["operator"], False),
    ("tptckh", "Phan Văn Lực", "TCKH", "Trưởng phòng Tài chính - Kế hoạch", [], True),
    ("tptuphap", "Mai Thị Thu Hằng", "TP", "Trưởng phòng Tư pháp", [], True),
    ("tptnmt", "Cao Xuân Trường", "TNMT", "Trưởng phòng Tài nguyên và Môi trường", [], True),
    ("ctkalong", "Dương Văn Hậu", "KALONG", "Chủ tịch UBND phường Ka Long", [], True),
    ("cttranphu", "Lý Thị Bích Ngọc", "TRANPHU", "Chủ tịch UBND phường Trần Phú", [], True),
    ("cthaihoa", "Hồ Công Định", "HAIHOA", "Chủ tịch UBND phường Hải Hòa", [], True),
]

STAFF = [
    ("cv001", "Nguyễn Thị Thanh Hương", "VP"),
    ("cv002", "Trần Quang Huy", "VP"),
    ("cv003", "Lê Thị Phương Thảo", "TCKH"),
    ("cv004", "Phạm Đức Anh", "TCKH"),
    ("cv005", "Hoàng Thị Mỹ Linh", "TP"),
    ("cv006", "Đặng Văn Khải", "TNMT"),
    ("cv007", "Đinh Thị Ngọc Ánh", "TNMT"),
    ("cv008", "Bùi Thanh Tùng", "KALONG"),
    ("cv009", "Vũ Thị Hải Yến", "TRANPHU"),
    ("cv010", "Nguyễn Hữu Phúc", "HAIHOA"),
]


def create_demo_org(conn: Connection, password_hash: str) -> dict[str, int]:
    """Create the units and people; returns unit ids by code."""
    ids: dict[str, int] = {}
    for code, name, parent in UNITS:
        ids[code] = people.create_unit(conn, name=name, code=code,
                                       parent_id=ids[parent] if parent else None)
    for username, full_name, unit, position, roles, head in PEOPLE:
        uid = people.create_person(conn, username=username, full_name=full_name,
                                   password_hash=password_hash, unit_id=ids[unit],
                                   position=position, roles=roles, is_demo=True)
        if head:
            conn.execute(update(org_units).where(org_units.c.id == ids[unit])
                         .values(head_id=uid))
    for username, full_name, unit in STAFF:
        people.create_person(conn, username=username, full_name=full_name,
                             password_hash=password_hash, unit_id=ids[unit],
                             position="Chuyên viên", is_demo=True)
    return ids
