"""``build_draft``: the minutes' content from the tables and the event log of a real session,
and the rich-text rules for the clerk's texts."""

from __future__ import annotations

import asyncio
from collections.abc import Iterator
from datetime import date, datetime, timedelta

import pytest
from sqlalchemy.engine import Engine

from server.modules.minutes.draft import (
    LOCAL_TZ,
    ActiveItems,
    agency_abbrev,
    ascii_slug,
    build_draft,
    default_recipients,
    minutes_filename,
    parse_time,
    place_kind,
    place_name,
)
from server.modules.minutes.model import MinutesDraft
from server.modules.minutes.notice import notice_from_draft
from server.modules.minutes.richtext import sanitize, to_minutes_text, to_plain_text
from server.storage.db import make_engine
from tests.server.minutes.live_session import (
    ABSENCES,
    AGENDA_POLL,
    OPEN_POLL,
    SECRET_POLL,
    SessionFacts,
    run_session,
)
from tests.support.live import LiveServer, copy_db
from tests.support.wsclient import WsClient


@pytest.fixture(scope="module")
def played(tmp_path_factory: pytest.TempPathFactory, demo_db_template
           ) -> Iterator[tuple[Engine, SessionFacts]]:
    """One real session, played once for the module; then the database, server stopped."""
    db = tmp_path_factory.mktemp("draft") / "session.sqlite3"
    copy_db(demo_db_template(30), db)
    server = LiveServer(db)
    server.start()
    try:
        facts = asyncio.run(run_session(server.url))
    finally:
        server.stop()
    engine = make_engine(f"sqlite:///{db}")
    yield engine, facts
    engine.dispose()


@pytest.fixture(scope="module")
def draft(played: tuple[Engine, SessionFacts]) -> MinutesDraft:
    engine, _facts = played
    with engine.connect() as conn:
        return build_draft(conn, 1)


def test_heading_people_and_times(draft: MinutesDraft, played) -> None:
    _engine, facts = played
    assert draft.agency == "HỘI ĐỒNG NHÂN DÂN THÀNH PHỐ MÓNG CÁI"
    assert (draft.agency_abbrev, draft.place_name) == ("HĐND", "Móng Cái")
    assert draft.meeting_title.startswith("Kỳ họp thứ Ba")
    assert draft.location.startswith("Hội trường tầng 3")
    assert draft.chair.full_name == facts.chair == "Nguyễn Văn Thành"
    assert draft.chair.title == "Chủ tịch HĐND thành phố"
    assert draft.secretary.full_name == facts.clerk == "Phạm Thu Hà"
    assert draft.number is None  # not issued yet
    assert draft.ended_at is not None and draft.started_at <= draft.ended_at
    assert draft.started_at.utcoffset() == timedelta(hours=7)
    assert draft.year == draft.started_at.year
    assert draft.recipients == ["Thường trực HĐND thành phố", "Các đại biểu HĐND thành phố",
                                "UBND thành phố"]
    assert draft.filing == "VT, HĐND"


def test_attendance_counts_against_all_delegates(draft: MinutesDraft, played) -> None:
    _engine, facts = played
    att = draft.attendance
    assert att.expected == 30 and len(att.present) == 27
    assert {a.person.full_name: a.reason for a in att.absent} == facts.absent
    assert [a.reason for a in att.absent] == list(ABSENCES.values())
    assert att.guests == []


def test_items_in_agenda_order_with_speeches_polls_and_texts(draft: MinutesDraft,
                                                            played) -> None:
    _engine, facts = played
    titles = [it.title for it in draft.items]
    assert titles == list(facts.items)[:1] + [list(facts.items)[i] for i in (2, 4, 6)]
    assert [it.position for it in draft.items] == [1, 2, 3, 4]  # renumbered for the minutes
    opening, budget, debate, votes = draft.items
    assert all(it.taken_up_at is not None for it in draft.items)
    assert [p.title for p in opening.polls] == [AGENDA_POLL]
    assert [s.person.full_name for s in budget.speeches] == facts.speakers[:2]
    assert [s.person.full_name for s in debate.speeches] == facts.speakers[2:]
    assert all(s.duration_s >= 1 for s in budget.speeches + debate.speeches)
    assert budget.speeches[0].person.title == "Đại biểu HĐND thành phố"
    assert budget.documents == ["Tờ trình về dự toán ngân sách thành phố Móng Cái năm 2027"]
    assert budget.opinions == (
        "Các đại biểu cơ bản nhất trí với dự toán; đề nghị <b>tăng cường chống thất thu</b> "
        "đối với thương mại biên giới.\n\n- Ưu tiên vốn cho trường học xã Hải Sơn\n\n"
        "- Làm rõ nguồn cải cách tiền lương")
    assert budget.conclusions.startswith("Giao Ủy ban nhân dân thành phố <i>tiếp thu")
    assert draft.conclusions_general == "Kỳ họp đã hoàn thành toàn bộ nội dung chương trình đề ra."
    assert [p.title for p in votes.polls] == [OPEN_POLL, SECRET_POLL]


def test_open_polls_name_every_delegate_secret_polls_only_count(draft: MinutesDraft,
                                                                 played) -> None:
    _engine, facts = played
    open_poll, secret_poll = draft.items[3].polls
    closed = facts.polls[OPEN_POLL]
    assert open_poll.tally == closed["tally"] == {"yes": 24, "no": 2, "abstain": 1}
    assert (open_poll.cast, open_poll.eligible, open_poll.outcome) == (27, 30, "passed")
    assert open_poll.majority == "absolute" and not open_poll.secret
    assert open_poll.ballots is not None and len(open_poll.ballots) == 30
    choices = [b.choice for b in open_poll.ballots]
    assert choices.count("yes") == 24 and choices.count(None) == 3
    absent = {b.person.full_name for b in open_poll.ballots if b.choice is None}
    assert absent == set(facts.absent)
    assert secret_poll.secret and secret_poll.ballots is None
    assert secret_poll.options == ["yes", "no"]
    assert secret_poll.tally == {"yes": 22, "no": 3} and secret_poll.cast == 25


def test_the_notice_takes_the_chairs_conclusions(draft: MinutesDraft) -> None:
    notice = notice_from_draft(draft, draft.started_at.date())
    assert [t for t, _ in notice.conclusions] == [draft.items[1].title, draft.items[3].title]
    assert notice.due_on > notice.meeting_date


def test_speeches_and_polls_without_an_item_go_to_the_item_active_at_the_time(
        make_server) -> None:
    """A floor request made before any item was active, and a poll created without an item,
    belong to the item that was active when the floor was given / the vote was opened."""
    server = make_server(30)

    async def play() -> None:
        chair = await WsClient.signed_in(server.url, "chair")
        people = [await WsClient.signed_in(server.url, f"d{n:03d}") for n in range(1, 17)]
        try:
            await asyncio.gather(*(p.act("attendance.check_in", meeting_id=1) for p in people))
            await chair.act("meeting.start", meeting_id=1)
            early = await people[0].act("speaker.request", meeting_id=1)  # no item yet
            await chair.act("agenda.activate", meeting_id=1, item_id=2)
            await chair.act("speaker.grant", request_id=early["request_id"])
            await chair.act("speaker.finish", request_id=early["request_id"])
            await chair.act("agenda.activate", meeting_id=1, item_id=3)
            poll = await chair.act("poll.create", meeting_id=1, title="Biểu quyết không gắn mục")
            await chair.act("poll.open", poll_id=poll["poll_id"])
            await people[1].act("poll.cast", poll_id=poll["poll_id"], choice="yes")
            await chair.act("poll.close", poll_id=poll["poll_id"])
        finally:
            for c in [chair, *people]:
                await c.close()

    asyncio.run(play())
    engine = make_engine(server.db_url)
    try:
        with engine.connect() as conn:
            draft = build_draft(conn, 1)
    finally:
        engine.dispose()
    by_title = {it.title: it for it in draft.items}
    item2 = by_title["Báo cáo tình hình kinh tế - xã hội năm 2026, phương hướng nhiệm vụ năm 2027"]
    item3 = by_title["Tờ trình về dự toán ngân sách thành phố năm 2027"]
    assert len(item2.speeches) == 1 and item2.polls == []
    assert [p.title for p in item3.polls] == ["Biểu quyết không gắn mục"]
    assert draft.ended_at is None  # still in progress: the closing line keeps its blanks


def test_before_anything_happened_every_item_is_outlined(demo_db_template, tmp_path) -> None:
    db = tmp_path / "fresh.sqlite3"
    copy_db(demo_db_template(30), db)
    engine = make_engine(f"sqlite:///{db}")
    try:
        with engine.connect() as conn:
            draft = build_draft(conn, 1)
    finally:
        engine.dispose()
    assert len(draft.items) == 8 and all(not it.speeches for it in draft.items)
    assert len(draft.attendance.absent) == 30 and draft.attendance.present == []
    assert draft.items[2].documents  # the papers are there before the session
    assert minutes_filename(draft, 1, "pdf").startswith("bien-ban-hop-1-")


# ----------------------------------------------------------------- wording helpers


def test_agency_helpers() -> None:
    body = "HỘI ĐỒNG NHÂN DÂN THÀNH PHỐ MÓNG CÁI"
    assert (agency_abbrev(body), place_name(body), place_kind(body)) == (
        "HĐND", "Móng Cái", "thành phố")
    assert agency_abbrev("Ủy ban nhân dân huyện Hải Hà") == "UBND"
    assert place_name("ỦY BAN NHÂN DÂN HUYỆN HẢI HÀ") == "Hải Hà"
    assert default_recipients("ỦY BAN NHÂN DÂN HUYỆN HẢI HÀ")[0] == (
        "Chủ tịch, các Phó Chủ tịch UBND huyện")
    assert ascii_slug("Biên bản 07/BB-HĐND Đồng Tháp") == "Bien-ban-07-BB-HDND-Dong-Thap"


def test_times_are_local_and_items_follow_the_log() -> None:
    t = parse_time("2026-11-24T01:30:00.000Z")
    assert t is not None and (t.hour, t.minute, t.tzinfo) == (8, 30, LOCAL_TZ)
    assert parse_time(None) is None
    base = datetime(2026, 11, 24, 8, 0, tzinfo=LOCAL_TZ)
    active = ActiveItems([base, base + timedelta(minutes=30)], [1, 2])
    assert active.at(base - timedelta(seconds=1)) is None
    assert active.at(base + timedelta(minutes=10)) == 1
    assert active.at(base + timedelta(hours=2)) == 2
    assert ActiveItems([], []).at(base) is None
    assert date(2026, 11, 24) == t.date()


# ----------------------------------------------------------------------- rich text


@pytest.mark.parametrize(("dirty", "clean"), [
    ("<script>alert(1)</script><p>Ý kiến</p>", "<p>Ý kiến</p>"),
    ('<p onclick="x()" style="color:red" class="a">A</p>', "<p>A</p>"),
    ('<img src="http://tracker/x.png" onerror="x()">B', "<p>B</p>"),
    ('<a href="javascript:steal()">liên kết</a>', "<p>liên kết</p>"),
    ("<iframe src='x'>bên trong</iframe><style>p{}</style>C", "<p>C</p>"),
    ("<strong>đậm</strong> <em>nghiêng</em> <u>gạch</u>",
     "<p><b>đậm</b> <i>nghiêng</i> <u>gạch</u></p>"),
    ('<span style=" font-weight:700; font-style:italic;">cả hai</span>',
     "<p><b><i>cả hai</i></b></p>"),
    ("<ol><li>một<li>hai</ol>", "<ol><li>một</li><li>hai</li></ol>"),
    ("<b>chưa đóng <i>thẻ", "<p><b>chưa đóng <i>thẻ</i></b></p>"),
    ("Dòng một\nDòng hai\n\nĐoạn <nhóm> & hai",
     "<p>Dòng một<br>Dòng hai</p><p>Đoạn &lt;nhóm&gt; &amp; hai</p>"),
    ("<p></p><p><br></p>", ""),
    ("<SCRIPT SRC=//evil></SCRIPT>", ""),
])
def test_sanitize_keeps_only_the_safe_subset(dirty: str, clean: str) -> None:
    assert sanitize(dirty) == clean
    assert sanitize(clean) == clean  # idempotent


def test_qt_html_keeps_bold_italic_and_lists() -> None:
    qt = ('<!DOCTYPE HTML PUBLIC "-//W3C//DTD HTML 4.0//EN"><html><head><meta name="qrichtext" '
          'content="1" /><style type="text/css">p, li { white-space: pre-wrap; }</style></head>'
          '<body style=" font-family:\'Sans\';"><p style=" margin-top:0px;">Chủ tọa '
          '<span style=" font-weight:700;">kết luận</span>:</p><ul style="margin: 0px;">'
          '<li style=" margin-top:12px;">Giao <span style=" font-style:italic;">UBND</span>'
          '</li><li>Báo cáo</li></ul></body></html>')
    assert sanitize(qt) == ("<p>Chủ tọa <b>kết luận</b>:</p>"
                            "<ul><li>Giao <i>UBND</i></li><li>Báo cáo</li></ul>")
    assert to_minutes_text(qt) == "Chủ tọa <b>kết luận</b>:\n\n- Giao <i>UBND</i>\n\n- Báo cáo"
    assert to_plain_text(qt) == "Chủ tọa kết luận:\n\n- Giao UBND\n\n- Báo cáo"


def test_minutes_text_numbers_ordered_lists_and_keeps_line_breaks() -> None:
    html = "<ol><li>Một</li><li>Hai<br>tiếp</li></ol><p>1 &lt; 2 &amp; <u>gạch</u></p>"
    assert to_minutes_text(html) == "1. Một\n\n2. Hai\ntiếp\n\n1 < 2 & gạch"
