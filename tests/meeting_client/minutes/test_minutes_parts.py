"""The editor's parts without a server: rich-text export, phrases, the store, the list."""

from __future__ import annotations

import base64

from PySide6.QtGui import QTextCursor
from PySide6.QtWidgets import QTextEdit

from meeting_client.ui.minutes.item_model import STATE_ROLE, MinutesItemModel, MinutesItemRow
from meeting_client.ui.minutes.phrases import phrases_for
from meeting_client.ui.minutes.rich_text import RichTextField, document_html
from meeting_client.ui.minutes.store import GENERAL, MinutesStore
from meeting_protocol.envelope import Event
from meeting_protocol.state import Poll, Speaker
from tests.meeting_client.conftest import DELEGATE_IDS, FakePort, make_snapshot

MINUTES = {
    "items": [{"item_id": 1, "title": "Khai mạc", "position": 1, "version": 2,
               "opinions": "<p>a</p>", "conclusions": "", "updated_by_name": "Phạm Thu Hà",
               "updated_at": "2026-11-24T02:00:00.000Z", "speakers": ["Lê Văn A"]},
              {"item_id": 2, "title": "Tờ trình", "position": 2, "version": 0}],
    "general": {"item_id": None, "version": 0, "opinions": "", "conclusions": ""},
    "number": None,
}


def saved_event(item_id: int | None, version: int, seq: int = 1) -> Event:
    return Event(topic="meeting:1", seq=seq, at="2026-11-24T09:00:00Z", event="minutes.saved",
                 data={"item_id": item_id, "version": version, "updated_by": 3})


def test_document_html_writes_only_the_subset(qtbot) -> None:
    edit = QTextEdit()
    qtbot.addWidget(edit)
    edit.setHtml('<p style="color:red">Chủ tọa <b>kết luận</b> <i>tạm</i> <u>gạch</u></p>'
                 '<p></p><ul><li>một</li><li>hai</li></ul><ol><li>ba</li></ol><p>a &lt; b</p>')
    assert document_html(edit.document()) == (
        "<p>Chủ tọa <b>kết luận</b> <i>tạm</i> <u>gạch</u></p><ul><li>một</li><li>hai</li>"
        "</ul><ol><li>ba</li></ol><p>a &lt; b</p>")
    edit.setPlainText("   \n  ")
    assert document_html(edit.document()) == ""


def test_format_buttons_and_round_trip(qtbot) -> None:
    field = RichTextField()
    qtbot.addWidget(field)
    field.insertPlainText("Thường ")
    field.toggle_bold()
    field.insertPlainText("đậm")
    field.toggle_bold()
    field.toggle_italic()
    field.insertPlainText(" nghiêng")
    html = field.html()
    assert html == "<p>Thường <b>đậm</b><i> nghiêng</i></p>"
    field.moveCursor(QTextCursor.MoveOperation.End)
    field.textCursor().insertBlock()
    field.toggle_italic()  # italic carries on into the new paragraph until switched off
    field.insertPlainText("mục")
    field.toggle_list(ordered=True)
    assert field.html().endswith("<ol><li>mục</li></ol>")
    field.toggle_list(ordered=True)  # again: back to a paragraph
    assert field.html().endswith("<p>mục</p>")
    again = RichTextField()
    qtbot.addWidget(again)
    again.set_html(field.html())
    assert again.html() == field.html()  # what is loaded compares equal to what was saved


def test_phrases_from_the_replica() -> None:
    snap = make_snapshot(present=18)
    assert phrases_for(snap, 2, []) == [
        "Kiểm tra số đại biểu có mặt: 18/30.",
        "Chủ tọa mời đại biểu … phát biểu.",
        "Hội đồng nhân dân biểu quyết thông qua …."]
    # The speaker holding the floor on the active item, and a closed vote of the item.
    speaking = Speaker(request_id=5, user_id=DELEGATE_IDS[4], status="speaking",
                       requested_at="2026-11-24T08:10:00Z")
    vote = Poll(poll_id=1, title="Thông qua Nghị quyết về đầu tư công", agenda_item_id=1,
                secret=False, options=["yes", "no", "abstain"], majority="absolute",
                status="closed", cast=20, eligible=30, tally={"yes": 19, "no": 1,
                                                                "abstain": 0},
                outcome="passed")
    import msgspec

    snap = msgspec.structs.replace(snap, speakers=[speaking], polls=[vote])
    phrases = phrases_for(snap, 1, ["Lê Văn A", "Lê Văn A"])
    assert phrases == [
        "Kiểm tra số đại biểu có mặt: 18/30.",
        "Chủ tọa mời đại biểu Lê Văn A phát biểu.",
        "Chủ tọa mời đại biểu Nguyễn Văn Đại Biểu 5 phát biểu.",
        "Hội đồng nhân dân biểu quyết thông qua Nghị quyết về đầu tư công "
        "(19/30 đại biểu tán thành)."]


def test_item_model_passes_the_model_tester(qtmodeltester) -> None:
    model = MinutesItemModel()
    model.set_rows([MinutesItemRow(1, "1. Khai mạc"), MinutesItemRow(0, "Kết luận chung")])
    qtmodeltester.check(model)
    model.set_state(1, "dirty")
    assert model.index(0, 0).data() == "1. Khai mạc ●"
    assert model.index(0, 0).data(STATE_ROLE) == "dirty"
    model.set_state(1, "conflict")
    assert model.index(0, 0).data().endswith("⚠")
    qtmodeltester.check(model)


def test_store_loads_saves_and_sends_base_versions(qtbot) -> None:
    port = FakePort()
    store = MinutesStore(port, 1)
    store.load()
    with qtbot.waitSignal(store.loaded):
        port.finish("minutes.get", MINUTES)
    assert [i.key for i in store.items()] == [1, 2, GENERAL]
    assert store.item(1).speakers == ("Lê Văn A",)
    store.save(1, "<p>b</p>", "")
    assert store.save(1, "<p>c</p>", "") is None  # one save per item at a time
    assert port.commands()[-1] == ("minutes.save", {
        "meeting_id": 1, "item_id": 1, "opinions": "<p>b</p>", "conclusions": "",
        "base_version": 2})
    with qtbot.waitSignal(store.saved) as saved:
        port.finish("minutes.save", {"item_id": 1, "version": 3, "opinions": "<p>b</p>",
                                     "conclusions": ""})
    assert saved.args == [1, 3] and store.item(1).version == 3
    store.save(GENERAL, "", "<p>chung</p>")
    assert port.commands()[-1][1]["item_id"] is None
    with qtbot.waitSignal(store.conflict) as refused:
        port.fail("minutes.save", "conflict", "Biên bản đã được X sửa lúc 09:00; …")
    assert refused.args[0] == GENERAL
    store.render("pdf", {2: ("<p>nháp</p>", "")}, "preview")
    assert port.commands()[-1] == ("minutes.render", {
        "meeting_id": 1, "format": "pdf",
        "drafts": [{"item_id": 2, "opinions": "<p>nháp</p>", "conclusions": ""}]})
    with qtbot.waitSignal(store.rendered) as rendered:
        port.finish("minutes.render", {"format": "pdf", "filename": "b.pdf", "pages": 2,
                                       "content_base64": base64.b64encode(b"%PDF").decode()})
    assert rendered.args[0] == "preview" and rendered.args[1].data == b"%PDF"


def test_an_event_for_our_own_save_is_not_someone_elses(qtbot) -> None:
    """The server publishes ``minutes.saved`` before it answers the save: the store holds
    the event until the answer says whose version it was."""
    port = FakePort()
    store = MinutesStore(port, 1)
    store.load()
    port.finish("minutes.get", MINUTES)
    store.save(1, "<p>b</p>", "")
    with qtbot.assertNotEmitted(store.remote_saved):
        store.on_events([saved_event(1, 3)])
        port.finish("minutes.save", {"item_id": 1, "version": 3})
    # Another terminal's later save is announced; an old or foreign event is not.
    with qtbot.waitSignal(store.remote_saved) as remote:
        store.on_events([saved_event(1, 4, seq=2)])
    assert remote.args == [1, 4]
    with qtbot.assertNotEmitted(store.remote_saved):
        store.on_events([saved_event(1, 2, seq=3)])
        store.on_events([Event(topic="meeting:2", seq=1, at="", event="minutes.saved",
                               data={"item_id": 1, "version": 9})])
    # Someone else saved while ours was in flight and ours came back older: announced.
    store.save(2, "<p>x</p>", "")
    store.on_events([saved_event(2, 2, seq=4)])
    with qtbot.waitSignal(store.remote_saved) as remote:
        port.finish("minutes.save", {"item_id": 2, "version": 1})
    assert remote.args == [2, 2]


def test_the_editor_speaks_english_with_the_shipped_translation(qtbot, qapp) -> None:
    from meeting_client.app import install_translator
    from meeting_client.ui.minutes_editor import MinutesEditor
    from tests.meeting_client.conftest import make_session

    translator = install_translator(qapp, "en")
    assert translator is not None
    try:
        port = FakePort()
        session, _feed = make_session(port, "clerk", 3)
        editor = MinutesEditor(session, port)
        qtbot.addWidget(editor)
        port.finish("minutes.get", MINUTES)
        assert editor.save_button.text() == "Save (Ctrl+S)"
        assert editor.opinions_label.text() == "Summary of the discussion"
        assert editor.item_model.index(2, 0).data() == "General conclusions"
        # The phrases stay Vietnamese: they are the document's wording, not the interface's.
        assert editor.phrases()[0].startswith("Kiểm tra số đại biểu có mặt")
    finally:
        qapp.removeTranslator(translator)
