"""Rows of the authorization matrix (tests/server/test_authorization.py) for ``org.*`` and
``auth.change_password``, and the global-role matrix of the same commands.

Ids are those of the 30-delegate demo database: units HĐND 1, UBND 2, VP 3, TCKH 4;
users cv008 54, cv009 55, cv010 56 (``test_demo_ids`` checks them). In the meeting-role
matrix only ``admin`` holds a global role; a signed-in user without one is refused with
``forbidden`` (the directory is no secret, so nothing here is hidden as ``not_found``).
"""

from __future__ import annotations

SIGNED_IN = {"chair", "clerk", "delegate", "observer", "admin", "outsider"}
DEMO_IDS = {"unit:HDND": 1, "unit:UBND": 2, "unit:VP": 3, "unit:TCKH": 4,
            "user:cv008": 55, "user:cv009": 56, "user:cv010": 57}  # after the hall account
# A new password too short: every signed-in caller gets bad_request, nothing changes.
CHANGE_PASSWORD = {"old_password": "không-phải-mật-khẩu", "new_password": "ngan"}


def org_fields() -> dict[str, dict]:
    return {
        "org.units": {},
        "org.users": {},
        "auth.change_password": CHANGE_PASSWORD,
        "org.user.create": {"username": "matrix01", "full_name": "Người Thử Quyền",
                            "password": "mat-khau-thu", "unit_id": DEMO_IDS["unit:VP"]},
        "org.user.update": {"user_id": DEMO_IDS["user:cv008"], "position": "Chuyên viên"},
        "org.user.deactivate": {"user_id": DEMO_IDS["user:cv009"]},
        "org.user.reactivate": {"user_id": DEMO_IDS["user:cv009"]},
        "org.user.reset_password": {"user_id": DEMO_IDS["user:cv010"],
                                    "password": "tam-thoi-99"},
        "org.unit.create": {"name": "Đơn vị thử quyền"},
        "org.unit.update": {"unit_id": DEMO_IDS["unit:VP"], "name": "Văn phòng HĐND và UBND"},
    }


GLOBAL_COMMANDS = {name for name in org_fields() if name.startswith("org.user.")
                   or name.startswith("org.unit.")}
"""Refused to the signed-in without the role with ``forbidden``, never ``not_found``."""


def org_rows() -> dict[str, tuple[set[str], dict]]:
    fields = org_fields()
    return {name: (set(SIGNED_IN) if name not in GLOBAL_COMMANDS else {"admin"}, f)
            for name, f in fields.items()}


GLOBAL_ROLES = ("admin", "office", "leader", "operator", "staff", "anonymous")
ACCOUNTS = {"admin": "admin", "office": "vanphong", "leader": "lanhdao",
            "operator": "vanhanh", "staff": "cv001"}
"""vanphong (office) sits in VP, and cv008/cv009/cv010 do not: office may create in VP,
but not touch those three."""


def global_rows() -> dict[str, tuple[set[str], dict]]:
    everyone = {"admin", "office", "leader", "operator", "staff"}
    fields = org_fields()
    rows = {name: (set(everyone), fields[name])
            for name in ("org.units", "org.users", "auth.change_password")}
    rows["org.user.create"] = ({"admin", "office"}, fields["org.user.create"])
    for name in ("org.user.update", "org.user.deactivate", "org.user.reactivate",
                 "org.user.reset_password", "org.unit.create", "org.unit.update"):
        rows[name] = ({"admin"}, fields[name])
    return rows
