"""``meeting-server meetings create FILE``: prepare a whole meeting from a YAML or XLSX file.

All or nothing: every row is checked first and every bad one reported (with its sheet and
row); then the meeting, its participants and its agenda are written in one transaction,
with the same checks and events as the commands (``meeting.create``, ``participant.add``,
``agenda.add``, ``meeting.publish``). A file says ``publish: true`` to publish at once.

YAML::

    title: Phiên họp thường kỳ tháng 12
    kind: ubnd_session          # hdnd_session, ubnd_session, briefing, thematic, online
    starts_at: "2026-12-07T08:00:00+07:00"
    ends_at: "2026-12-07T11:30:00+07:00"
    location: Phòng họp số 1
    body: ỦY BAN NHÂN DÂN THÀNH PHỐ MÓNG CÁI
    quorum_rule: two_thirds     # half (default) or two_thirds
    majority: absolute
    agenda:
      - {title: Báo cáo kinh tế - xã hội, duration_min: 30, presenter: chair}
    participants:
      - {username: chair, role: chair, seat: CT}

XLSX: a sheet "meeting" of ``key | value`` rows, sheets "agenda" (title, duration_min,
presenter) and "participants" (username, role, seat), a header row first; the Vietnamese
sheet and column names (Cuộc họp, Chương trình, Thành phần; Nội dung, Thời lượng, Người
trình bày, Tài khoản, Vai trò, Ghế) are read as well.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable
from datetime import date, datetime
from pathlib import Path
from typing import Any

import msgspec

ALIASES = {
    "cuộc họp": "meeting", "chương trình": "agenda", "thành phần": "participants",
    "nội dung": "title", "thời lượng": "duration_min", "thời lượng (phút)": "duration_min",
    "người trình bày": "presenter", "tài khoản": "username", "vai trò": "role", "ghế": "seat",
}


def _key(text: Any) -> str:
    k = str(text or "").strip()
    return ALIASES.get(k.lower(), k)


def _plain(value: Any) -> Any:
    """YAML and spreadsheets give datetimes; the payloads take ISO text."""
    if isinstance(value, datetime | date):
        return value.isoformat()
    return value


def read_yaml(path: Path) -> dict[str, Any]:
    import yaml

    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    if not isinstance(data, dict):
        raise ValueError("the file must be a mapping (title, starts_at, agenda, participants…)")
    return data


def read_xlsx(path: Path) -> dict[str, Any]:
    from openpyxl import load_workbook

    book = load_workbook(path, read_only=True, data_only=True)
    out: dict[str, Any] = {}
    for sheet in book.worksheets:
        name = _key(sheet.title)
        rows = [r for r in sheet.iter_rows(values_only=True) if any(c is not None for c in r)]
        if name == "meeting":
            out.update({_key(r[0]): _plain(r[1]) for r in rows if r[0] is not None})
        elif name in ("agenda", "participants") and rows:
            header = [_key(c) for c in rows[0]]
            out[name] = [{h: v for h, v in zip(header, r, strict=False) if h and v is not None}
                         for r in rows[1:]]
    return out


def check(data: dict[str, Any]) -> tuple[Any, list[dict[str, Any]], list[dict[str, Any]],
                                          list[str]]:
    """The typed meeting, its rows, and every problem found (nothing is written here)."""
    from meeting_protocol import preparation as pp

    problems: list[str] = []
    meeting_fields = {k: _plain(v) for k, v in data.items()
                      if k not in ("agenda", "participants", "publish")}
    meeting = None
    try:
        meeting = msgspec.convert(meeting_fields, pp.MeetingCreate)
    except msgspec.ValidationError as exc:
        problems.append(f"meeting: {exc}")
    agenda = list(data.get("agenda") or [])
    people = list(data.get("participants") or [])
    for i, row in enumerate(agenda, start=1):
        if not isinstance(row, dict) or not str(row.get("title") or "").strip():
            problems.append(f"agenda row {i}: a title is required")
        elif row.get("duration_min") is not None and not str(row["duration_min"]).isdigit():
            problems.append(f"agenda row {i}: duration_min must be a number of minutes")
    for i, row in enumerate(people, start=1):
        if not isinstance(row, dict) or not str(row.get("username") or "").strip():
            problems.append(f"participants row {i}: a username is required")
        elif str(row.get("role") or "delegate") not in pp.ParticipantRole.__args__:  # type: ignore[attr-defined]
            problems.append(f"participants row {i}: unknown role {row.get('role')!r}")
    return meeting, agenda, people, problems


def cmd_meetings_create(args: argparse.Namespace) -> int:
    from sqlalchemy import select

    from meeting_protocol import preparation as pp
    from server.errors import ProtocolError
    from server.modules import upgrade_schema as upgrade
    from server.modules.accounts.tables import users
    from server.modules.meetings import preparation as prep
    from server.storage.committer import Tx
    from server.storage.db import default_db_url, make_engine

    path = Path(args.file)
    if not path.is_file():
        print(f"no such file: {path}", file=sys.stderr)
        return 2
    try:
        data = read_xlsx(path) if path.suffix.lower() == ".xlsx" else read_yaml(path)
    except Exception as exc:  # a file we cannot read at all
        print(f"{path}: cannot read: {exc}", file=sys.stderr)
        return 2
    meeting, agenda, people, problems = check(data)
    engine = make_engine(args.db or default_db_url())
    upgrade(engine)
    with engine.connect() as conn:
        names = {str(r.get("username", "")).strip() for r in people if isinstance(r, dict)}
        names |= {str(r["presenter"]).strip() for r in agenda
                  if isinstance(r, dict) and r.get("presenter")}
        ids = dict(conn.execute(select(users.c.username, users.c.id)
                                .where(users.c.username.in_(names))).all())
    for i, row in enumerate(people, start=1):
        name = str(row.get("username", "")).strip() if isinstance(row, dict) else ""
        if name and name not in ids:
            problems.append(f"participants row {i}: unknown user {name!r}")
    for i, row in enumerate(agenda, start=1):
        if isinstance(row, dict) and row.get("presenter") and str(row["presenter"]).strip() \
                not in ids:
            problems.append(f"agenda row {i}: unknown presenter {row['presenter']!r}")
    if problems or meeting is None:
        for line in problems:
            print(f"{path}: {line}", file=sys.stderr)
        print("nothing was created", file=sys.stderr)
        return 2
    where = "meeting"
    try:
        with engine.begin() as conn:
            tx = Tx(conn)
            meeting_id = prep.create_meeting(tx, meeting, None)
            for i, row in enumerate(people, start=1):
                where = f"participants row {i}"
                user_id = ids[str(row["username"]).strip()]
                seat = row.get("seat")
                prep.add_participant(tx, meeting_id, user_id, str(row.get("role") or "delegate"),
                                     None if seat is None else str(seat))
                prep._participant_changed(tx, meeting_id, pp.PARTICIPANT_ADDED, user_id)
            for i, row in enumerate(agenda, start=1):
                where = f"agenda row {i}"
                presenter = ids.get(str(row.get("presenter") or "").strip())
                duration = row.get("duration_min")
                prep.add_item(tx, meeting_id, str(row["title"]), None,
                              int(duration) if duration is not None else None, presenter)
            if agenda:
                prep._emit(tx, meeting_id, pp.AGENDA_CHANGED,
                           {"agenda": prep.agenda_data(conn, meeting_id)})
            if data.get("publish"):
                where = "publish"
                prep.publish_meeting(tx, pp.MeetingPublish(meeting_id=meeting_id))
    except ProtocolError as exc:
        print(f"{path}: {where}: {exc.message}", file=sys.stderr)
        print("nothing was created", file=sys.stderr)
        return 2
    status = "published" if data.get("publish") else "draft"
    print(f"meeting {meeting_id} ({status}): {len(people)} participants, "
          f"{len(agenda)} agenda items")
    return 0


def add_meetings_parser(sub: Any, db_arg: Callable[[argparse.ArgumentParser], None]) -> None:
    p = sub.add_parser("meetings", help="prepare meetings")
    msub = p.add_subparsers(dest="meetings_command", required=True)
    create = msub.add_parser("create", help="a whole meeting from a YAML or XLSX file")
    db_arg(create)
    create.add_argument("file", metavar="FILE.yaml|FILE.xlsx")
    create.set_defaults(fn=cmd_meetings_create)
