"""Build a meeting's :class:`MinutesDraft` from what the session recorded.

Nothing is retyped: times, attendance, speeches and votes come from the domain tables
(meetings, participants, agenda items, speaker requests, polls) and the event log; the
clerk adds only the summary of opinions and the chair's conclusions (``minutes_texts``).
Runs inside one database unit, so the draft is one consistent moment of the session.

Times are stored in UTC and printed in the council's local time (Vietnam, UTC+7, no daylight
saving), which is what the clerk's watch said.
"""

from __future__ import annotations

import bisect
import unicodedata
from collections import defaultdict
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta, timezone, tzinfo
from typing import Any

import msgspec
from sqlalchemy import func, select
from sqlalchemy.engine import Connection

from meeting_protocol import events as ev
from server.modules.accounts.tables import users
from server.modules.documents.tables import documents
from server.modules.meetings.queries import meeting_row
from server.modules.meetings.tables import agenda_items, participants
from server.modules.minutes.model import (
    Absentee,
    Attendance,
    ItemMinutes,
    MinutesDraft,
    NamedBallot,
    Person,
    PollResult,
    Speech,
    nfc,
)
from server.modules.minutes.richtext import to_minutes_text
from server.modules.minutes.tables import GENERAL_ITEM, minutes_numbers, minutes_texts
from server.modules.speakers.tables import speaker_requests
from server.modules.voting.tables import open_ballots, poll_tallies, poll_voters, polls
from server.storage.eventlog import anchor_of, event_log

LOCAL_TZ = timezone(timedelta(hours=7), "ICT")
"""Vietnam's time (UTC+7 all year)."""

_AGENCY_ABBREVS = (
    ("HỘI ĐỒNG NHÂN DÂN", "HĐND"),
    ("ỦY BAN NHÂN DÂN", "UBND"),
    ("UỶ BAN NHÂN DÂN", "UBND"),
    ("THƯỜNG TRỰC HỘI ĐỒNG NHÂN DÂN", "TTHĐND"),
)
_PLACE_KINDS = ("THÀNH PHỐ", "THỊ XÃ", "THỊ TRẤN", "TỈNH", "HUYỆN", "QUẬN", "PHƯỜNG", "XÃ",
                "ĐẶC KHU")


# ------------------------------------------------------------------ agency wording


def parse_time(text: str | None, tz: tzinfo = LOCAL_TZ) -> datetime | None:
    """A stored ISO-8601 UTC time as a local, timezone-aware datetime."""
    if not text:
        return None
    t = datetime.fromisoformat(text.replace("Z", "+00:00"))
    if t.tzinfo is None:
        t = t.replace(tzinfo=UTC)
    return t.astimezone(tz)


def agency_abbrev(body: str) -> str:
    """"HĐND" for a People's Council, "UBND" for a People's Committee (Decree 30 numbering).

    Other bodies get the initials of their words, which is how their registers read too.
    """
    upper = nfc(body).upper().strip()
    for prefix, abbrev in sorted(_AGENCY_ABBREVS, key=lambda p: -len(p[0])):
        if upper.startswith(prefix):
            return abbrev
    initials = "".join(w[0] for w in upper.split() if w and w[0].isalpha())
    return initials or "VP"


def _split_place(body: str) -> tuple[str | None, str]:
    """("THÀNH PHỐ", "MÓNG CÁI") from "HỘI ĐỒNG NHÂN DÂN THÀNH PHỐ MÓNG CÁI"."""
    upper = " ".join(nfc(body).upper().split())
    for kind in _PLACE_KINDS:
        marker = f" {kind} "
        at = upper.find(marker)
        if at >= 0:
            return kind, upper[at + len(marker):].strip()
    return None, ""


def place_name(body: str) -> str:
    """"Móng Cái": the place on the date line, in title case."""
    _kind, place = _split_place(body)
    return " ".join(w.capitalize() for w in place.split()) if place else ""


def place_kind(body: str) -> str:
    """"thành phố", "huyện"… as written after an abbreviation ("HĐND thành phố")."""
    kind, _place = _split_place(body)
    return kind.lower() if kind else ""


def default_recipients(body: str) -> list[str]:
    """The usual "Nơi nhận" of a council's or committee's minutes."""
    abbrev = agency_abbrev(body)
    kind = place_kind(body)
    where = f" {kind}" if kind else ""
    if abbrev == "HĐND":
        return [f"Thường trực HĐND{where}", f"Các đại biểu HĐND{where}", f"UBND{where}"]
    if abbrev == "UBND":
        return [f"Chủ tịch, các Phó Chủ tịch UBND{where}", "Các cơ quan, đơn vị liên quan"]
    return ["Các thành phần dự họp"]


def ascii_slug(text: str) -> str:
    """"bien-ban-07-BB-HDND" from "Biên bản 07/BB-HĐND": safe in any file system."""
    text = nfc(text).replace("đ", "d").replace("Đ", "D")
    text = unicodedata.normalize("NFKD", text)
    text = "".join(c for c in text if not unicodedata.combining(c))
    out = "".join(c if c.isascii() and c.isalnum() else "-" for c in text)
    return "-".join(part for part in out.split("-") if part)


# ----------------------------------------------------------------------- the timeline


@dataclass(frozen=True)
class ActiveItems:
    """Which agenda item was active when, from the ``agenda.activated`` events."""

    times: list[datetime]
    item_ids: list[int]

    def at(self, t: datetime | None) -> int | None:
        if t is None or not self.times:
            return None
        i = bisect.bisect_right(self.times, t) - 1
        return self.item_ids[i] if i >= 0 else None


@dataclass(frozen=True)
class LogSpan:
    first: datetime | None
    last: datetime | None
    active: ActiveItems


def read_log(conn: Connection, meeting_id: int, tz: tzinfo = LOCAL_TZ) -> LogSpan:
    """First and last event of the meeting, and when each item was taken up."""
    topic = ev.meeting_topic(meeting_id)
    first, last = conn.execute(
        select(func.min(event_log.c.at), func.max(event_log.c.at)).where(
            event_log.c.topic == topic)
    ).one()
    times: list[datetime] = []
    ids: list[int] = []
    for row in conn.execute(
        select(event_log.c.at, event_log.c.data).where(
            event_log.c.topic == topic, event_log.c.event == ev.AGENDA_ACTIVATED
        ).order_by(event_log.c.seq)
    ):
        t = parse_time(row.at, tz)
        item_id = msgspec.json.decode(row.data).get("item_id")
        if t is not None and isinstance(item_id, int):
            times.append(t)
            ids.append(item_id)
    return LogSpan(parse_time(first, tz), parse_time(last, tz), ActiveItems(times, ids))


# ----------------------------------------------------------------------- the texts


@dataclass(frozen=True)
class ClerkText:
    """Texts of one item as stored (sanitised HTML)."""

    opinions: str = ""
    conclusions: str = ""


def clerk_texts(conn: Connection, meeting_id: int) -> dict[int, Any]:
    """The saved texts by item id (``GENERAL_ITEM`` for the general part)."""
    return {
        r.item_id: r
        for r in conn.execute(select(minutes_texts).where(minutes_texts.c.meeting_id == meeting_id))
    }


def item_speakers(conn: Connection, meeting_id: int) -> dict[int | None, list[str]]:
    """Names of those who spoke (or are speaking) under each item, in order: what the
    editor's phrase "Chủ tọa mời đại biểu … phát biểu" offers."""
    out: dict[int | None, list[str]] = defaultdict(list)
    for r in conn.execute(
        select(speaker_requests.c.agenda_item_id, users.c.full_name)
        .join(users, users.c.id == speaker_requests.c.user_id)
        .where(speaker_requests.c.meeting_id == meeting_id,
               speaker_requests.c.status.in_(("speaking", "finished")))
        .order_by(speaker_requests.c.granted_at, speaker_requests.c.id)
    ):
        out[r.agenda_item_id].append(nfc(r.full_name))
    return out


def issued_number(conn: Connection, meeting_id: int) -> int | None:
    return conn.execute(select(minutes_numbers.c.number).where(
        minutes_numbers.c.meeting_id == meeting_id)).scalar_one_or_none()


# ----------------------------------------------------------------------- the draft


def _person(row: Any) -> Person:
    return Person(nfc(row.full_name), nfc(row.title) if row.title else None)


def _people(conn: Connection, meeting_id: int) -> list[Any]:
    return list(conn.execute(
        select(participants.c.user_id, participants.c.role, participants.c.present,
               participants.c.checked_in_at, participants.c.absence_reason,
               users.c.full_name, users.c.title)
        .join(users, users.c.id == participants.c.user_id)
        .where(participants.c.meeting_id == meeting_id)
        .order_by(participants.c.user_id)
    ))


def _attendance(people: list[Any]) -> Attendance:
    """Delegates who checked in at any time count as present (a late arrival attended;
    one who left early too); the others are absent, with the reason the clerk recorded."""
    delegates = [p for p in people if p.role == "delegate"]
    present = [_person(p) for p in delegates if p.present or p.checked_in_at]
    absent = [
        Absentee(_person(p), nfc(p.absence_reason) if p.absence_reason else None)
        for p in delegates if not (p.present or p.checked_in_at)
    ]
    guests = [_person(p) for p in people if p.role == "observer"]
    return Attendance(expected=len(delegates), present=present, absent=absent, guests=guests)


def _first(people: list[Any], role: str) -> Person:
    row = next((p for p in people if p.role == role), None)
    return _person(row) if row is not None else Person("……………………")


def _speeches(conn: Connection, meeting_id: int, people: dict[int, Person],
              active: ActiveItems, tz: tzinfo) -> dict[int | None, list[Speech]]:
    """Finished speeches by agenda item: the item the request was made under, or, for a
    request made before any item was active, the item active when the floor was given."""
    out: dict[int | None, list[Speech]] = defaultdict(list)
    for r in conn.execute(
        select(speaker_requests).where(
            speaker_requests.c.meeting_id == meeting_id,
            speaker_requests.c.status == "finished",
            speaker_requests.c.granted_at.is_not(None),
        ).order_by(speaker_requests.c.granted_at, speaker_requests.c.id)
    ):
        started = parse_time(r.granted_at, tz)
        if started is None:
            continue
        item = r.agenda_item_id if r.agenda_item_id is not None else active.at(started)
        person = people.get(r.user_id) or Person(f"#{r.user_id}")
        out[item].append(Speech(person, started, int(r.duration_s or 0)))
    return out


def _polls(conn: Connection, meeting_id: int, people: dict[int, Person], delegate_ids: list[int],
           active: ActiveItems, tz: tzinfo) -> dict[int | None, list[PollResult]]:
    """Closed polls by agenda item. Secret polls have counts only: their ballots are not
    stored with voters, and the minutes must not pretend otherwise."""
    out: dict[int | None, list[PollResult]] = defaultdict(list)
    for r in conn.execute(
        select(polls).where(polls.c.meeting_id == meeting_id, polls.c.status == "closed")
        .order_by(polls.c.closed_at, polls.c.id)
    ):
        options = list(msgspec.json.decode(r.options))
        counts = dict(conn.execute(
            select(poll_tallies.c.option, poll_tallies.c.count)
            .where(poll_tallies.c.poll_id == r.id)).all())
        cast = int(conn.execute(
            select(func.count()).where(poll_voters.c.poll_id == r.id)).scalar_one())
        ballots = None
        if not r.secret:
            choices = dict(conn.execute(
                select(open_ballots.c.user_id, open_ballots.c.choice)
                .where(open_ballots.c.poll_id == r.id)).all())
            voters = list(delegate_ids) + sorted(set(choices) - set(delegate_ids))
            ballots = [NamedBallot(people.get(uid) or Person(f"#{uid}"), choices.get(uid))
                       for uid in voters]
        item = r.agenda_item_id
        if item is None:
            item = active.at(parse_time(r.opened_at or r.closed_at, tz))
        out[item].append(PollResult(
            title=nfc(r.title), secret=bool(r.secret), options=options,
            tally={o: int(counts.get(o, 0)) for o in options}, cast=cast,
            eligible=int(r.eligible), majority=r.majority, outcome=r.outcome, ballots=ballots,
        ))
    return out


def _documents(conn: Connection, meeting_id: int) -> dict[int | None, list[str]]:
    """Titles of the papers by item; papers removed from the meeting are left out."""
    out: dict[int | None, list[str]] = defaultdict(list)
    query = (select(documents.c.agenda_item_id, documents.c.title)
             .where(documents.c.meeting_id == meeting_id).order_by(documents.c.id))
    if "removed_at" in documents.c:  # documents domain, revision 0002
        query = query.where(documents.c.removed_at.is_(None))
    for r in conn.execute(query):
        out[r.agenda_item_id].append(nfc(r.title))
    return out


def build_draft(conn: Connection, meeting_id: int, *, tz: tzinfo = LOCAL_TZ,
                recipients: Iterable[str] | None = None,
                drafts: Mapping[int, ClerkText] | None = None) -> MinutesDraft:
    """The minutes of ``meeting_id`` as they stand now (during or after the session).

    Items appear in agenda order, numbered 1…n in the minutes, when they were taken up or
    have anything to report (a speech, a vote, a clerk's text); before the session has
    taken up anything, every item appears so the clerk sees the outline.

    ``drafts`` (by item id, ``GENERAL_ITEM`` for the general part) stand in for the saved
    texts of their items: a preview of unsaved work.

    Raises:
        NotFound: no such meeting.
    """
    m = meeting_row(conn, meeting_id)
    log = read_log(conn, meeting_id, tz)
    started = (parse_time(m["started_at"], tz) or log.first
               or parse_time(m["starts_at"], tz) or datetime.now(tz))
    ended = parse_time(m["ended_at"], tz)
    if ended is None and m["status"] == "ended":
        ended = log.last
    people_rows = _people(conn, meeting_id)
    by_id = {p.user_id: _person(p) for p in people_rows}
    delegate_ids = [p.user_id for p in people_rows if p.role == "delegate"]
    speeches = _speeches(conn, meeting_id, by_id, log.active, tz)
    poll_results = _polls(conn, meeting_id, by_id, delegate_ids, log.active, tz)
    papers = _documents(conn, meeting_id)
    texts: dict[int, Any] = {**clerk_texts(conn, meeting_id), **(drafts or {})}
    agenda = list(conn.execute(
        select(agenda_items).where(agenda_items.c.meeting_id == meeting_id)
        .order_by(agenda_items.c.position)))
    first_item = agenda[0].id if agenda else None
    # Votes and speeches that no item claims go to the first item rather than vanish.
    if first_item is not None:
        if None in speeches:
            speeches[first_item] = sorted([*speeches.pop(None), *speeches[first_item]],
                                          key=lambda sp: sp.started_at)
        if None in poll_results:
            poll_results[first_item] = [*poll_results.pop(None), *poll_results[first_item]]

    def has_content(a: Any) -> bool:
        text = texts.get(a.id)
        return bool(a.taken_up_at or speeches.get(a.id) or poll_results.get(a.id) or (
            text is not None and (text.opinions or text.conclusions)))

    shown = [a for a in agenda if has_content(a)] or agenda
    items = []
    for n, a in enumerate(shown, start=1):
        text = texts.get(a.id)
        items.append(ItemMinutes(
            position=n, title=nfc(a.title), taken_up_at=parse_time(a.taken_up_at, tz),
            documents=papers.get(a.id, []), speeches=speeches.get(a.id, []),
            opinions=to_minutes_text(text.opinions) if text else "",
            polls=poll_results.get(a.id, []),
            conclusions=to_minutes_text(text.conclusions) if text else "",
        ))
    general = texts.get(GENERAL_ITEM)
    body = m["body"] or ""
    return MinutesDraft(
        agency=nfc(body),
        agency_abbrev=agency_abbrev(body),
        year=started.year,
        place_name=place_name(body) or nfc(m["location"] or ""),
        meeting_title=nfc(m["title"]),
        location=nfc(m["location"] or ""),
        started_at=started,
        ended_at=ended,
        chair=_first(people_rows, "chair"),
        secretary=_first(people_rows, "clerk"),
        attendance=_attendance(people_rows),
        items=items,
        recipients=list(recipients) if recipients is not None else default_recipients(body),
        number=issued_number(conn, meeting_id),
        conclusions_general=(to_minutes_text(general.conclusions) or None) if general else None,
        filing=f"VT, {agency_abbrev(body)}",
        audit_anchor=str(anchor) if (anchor := anchor_of(conn, ev.meeting_topic(meeting_id)))
        else None,
    )


def minutes_filename(draft: MinutesDraft, meeting_id: int, fmt: str) -> str:
    """"bien-ban-07-BB-HDND-2026.pdf", or by meeting and date before a number is issued."""
    if draft.number is not None:
        stem = f"bien-ban-{draft.number:02d}-BB-{draft.agency_abbrev}-{draft.year}"
    else:
        stem = f"bien-ban-hop-{meeting_id}-{draft.started_at:%Y-%m-%d}"
    return f"{ascii_slug(stem)}.{fmt}"
