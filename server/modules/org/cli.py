"""``meeting-server users import FILE.xlsx|csv``: a whole council's accounts at once.

All or nothing: a file with any bad row is reported row by row and nothing is
imported. Every imported account must choose its own password at first
sign-in; those without a password column get a temporary one, printed once.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable
from pathlib import Path


def cmd_users_import(args: argparse.Namespace) -> int:
    from server.modules import upgrade_schema as upgrade
    from server.modules.accounts.passwords import Passwords
    from server.modules.org import people
    from server.modules.org.importer import ImportFileError, check_rows, read_table, report
    from server.storage.db import default_db_url, make_engine

    path = Path(args.file)
    if not path.is_file():
        print(f"Không tìm thấy tệp {path}.", file=sys.stderr)
        return 2
    try:
        table = read_table(path)
    except ImportFileError as exc:
        print(str(exc), file=sys.stderr)
        return 2
    engine = make_engine(args.db or default_db_url())
    try:
        upgrade(engine)
        with engine.begin() as conn:
            try:
                checked = check_rows(conn, table)
            except ImportFileError as exc:
                print(str(exc), file=sys.stderr)
                return 2
            if checked.rejected:
                print(f"Không nhập người dùng nào: {len(checked.rejected)} dòng bị từ chối.",
                      file=sys.stderr)
                print(report(checked.rejected), file=sys.stderr)
                return 1
            hasher = Passwords()
            printed: list[tuple[str, str]] = []
            for row in checked.rows:
                password = row.password
                if password is None:
                    password = people.temporary_password()
                    printed.append((row.username, password))
                uid = people.create_person(
                    conn, username=row.username, full_name=row.full_name,
                    password_hash=hasher.hash(password), unit_id=row.unit_id,
                    position=row.position, roles=row.roles, must_change_password=True)
                if row.email:
                    people.set_person(conn, uid, email=row.email)
    finally:
        engine.dispose()
    print(f"Đã nhập {len(checked.rows)} người dùng; mỗi người phải đổi mật khẩu khi đăng nhập "
          "lần đầu.")
    if printed:
        print("Mật khẩu tạm thời (chỉ in một lần, hãy trao tận tay):")
        width = max(len(u) for u, _ in printed)
        for username, password in printed:
            print(f"  {username:<{width}}  {password}")
    return 0


def add_users_parser(sub: argparse._SubParsersAction,  # type: ignore[type-arg]
                     db_arg: Callable[[argparse.ArgumentParser], None]) -> None:
    users = sub.add_parser("users", help="manage user accounts")
    users_sub = users.add_subparsers(dest="users_command", required=True)
    p = users_sub.add_parser(
        "import", help="import accounts from an .xlsx or .csv file (all or nothing)",
        description="One header row (username, full_name, unit, position, roles, email, "
                    "password — Vietnamese titles too), then one row per person. Any bad "
                    "row: a report, and nothing imported.")
    db_arg(p)
    p.add_argument("file", metavar="FILE", help="FILE.xlsx or FILE.csv")
    p.set_defaults(fn=cmd_users_import)
