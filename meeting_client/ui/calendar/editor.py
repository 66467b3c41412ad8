"""Adding or changing a calendar event, with double bookings shown as they are found.

While the office types, the editor compares the event with what the calendar already
shows (same time and a shared person or room) and lists the clashes; after saving, the
server's own answer (``conflicts``) replaces that list. A clash never blocks saving: a
leader's double booking is legitimate and is settled by ủy quyền (a delegate).
"""

from __future__ import annotations

from datetime import date, datetime, time, timedelta, timezone
from typing import Any

from PySide6.QtCore import QT_TRANSLATE_NOOP, QDate, Qt, QTime, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QDateEdit,
    QDialog,
    QFormLayout,
    QHBoxLayout,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPlainTextEdit,
    QPushButton,
    QTimeEdit,
    QVBoxLayout,
    QWidget,
)

from meeting_client.models.attachments_model import AttachmentsCenter
from meeting_client.models.calendar import CalendarStore, CalEvent, Conflict
from meeting_client.ui.attachments.box import AttachmentBox
from meeting_client.ui.look import label

LOCAL_TZ = timezone(timedelta(hours=7), "ICT")
"""Asia/Ho_Chi_Minh has kept UTC+7 without daylight saving since 1975."""
REPEATS = (("", QT_TRANSLATE_NOOP("EventEditor", "Không lặp lại")),
           ("FREQ=WEEKLY", QT_TRANSLATE_NOOP("EventEditor", "Hằng tuần")),
           ("FREQ=DAILY;BYDAY=MO,TU,WE,TH,FR",
            QT_TRANSLATE_NOOP("EventEditor", "Các ngày làm việc")))


class EventEditor(QDialog):
    """One event: new (``event`` None) or an existing one (its series, or one occurrence)."""

    conflicts_changed = Signal(list)
    """(list[Conflict]) — the clashes currently shown."""

    def __init__(self, store: CalendarStore, event: CalEvent | None = None, *,
                 day: date | None = None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("eventEditor")
        self.setWindowTitle(self.tr("Sửa lịch công tác") if event else
                            self.tr("Thêm lịch công tác"))
        self.setMinimumWidth(720)
        self.store = store
        self.event = event
        self.conflicts: list[Conflict] = []
        self._saving: int | None = None
        d = store.directory
        self.title_edit = QLineEdit(event.title if event else "")
        self.title_edit.setObjectName("eventTitle")
        start = event.start if event else datetime.combine(day or date.today(), time(8, 0))
        end = event.end if event else start + timedelta(hours=2)
        self.day_edit = QDateEdit(QDate(start.year, start.month, start.day))
        self.day_edit.setCalendarPopup(True)
        self.day_edit.setDisplayFormat("dd/MM/yyyy")
        self.start_edit = QTimeEdit(QTime(start.hour, start.minute))
        self.end_edit = QTimeEdit(QTime(end.hour, end.minute))
        for w in (self.start_edit, self.end_edit):
            w.setDisplayFormat("HH:mm")
        self.location_edit = QLineEdit(event.location if event else "")
        self.room_combo = QComboBox()
        self.room_combo.addItem(self.tr("— Không đặt phòng —"), None)
        for room_id, room in sorted(d.rooms.items(), key=lambda r: r[1]["name"]):
            self.room_combo.addItem(f"{room['name']} ({room['capacity']} chỗ)", room_id)
        if event and event.room_id:
            self.room_combo.setCurrentIndex(max(0, self.room_combo.findData(event.room_id)))
        self.host_combo = QComboBox()
        self.host_combo.setObjectName("hostCombo")
        self.delegate_combo = QComboBox()
        self.host_combo.addItem(self.tr("— Chưa phân công —"), None)
        self.delegate_combo.addItem(self.tr("— Không ủy quyền —"), None)
        for user_id, name in sorted(d.people.items(), key=lambda p: p[1]):
            self.host_combo.addItem(name, user_id)
            self.delegate_combo.addItem(name, user_id)
        host = event.host_id if event else (None if store.is_office else store.me.id)
        self.host_combo.setCurrentIndex(max(0, self.host_combo.findData(host)))
        if event and event.delegate_id:
            self.delegate_combo.setCurrentIndex(
                max(0, self.delegate_combo.findData(event.delegate_id)))
        self.host_combo.setEnabled(store.is_office)
        self.people_list = QListWidget()
        self.people_list.setObjectName("participants")
        self.people_list.setMinimumHeight(140)
        chosen = set(event.participant_ids) if event else set()
        for user_id, name in sorted(d.people.items(), key=lambda p: p[1]):
            item = QListWidgetItem(name)
            item.setData(Qt.ItemDataRole.UserRole, user_id)
            item.setCheckState(_checked(user_id in chosen))
            self.people_list.addItem(item)
        self.repeat_combo = QComboBox()
        for rule, text in REPEATS:
            self.repeat_combo.addItem(self.tr(text), rule)
        self.repeat_combo.setEnabled(event is None)
        self.public_combo = QComboBox()
        self.public_combo.addItem(self.tr("Những người liên quan"), "involved")
        self.public_combo.addItem(self.tr("Toàn cơ quan"), "public")
        if event and event.visibility == "public":
            self.public_combo.setCurrentIndex(1)
        self.notes_edit = QPlainTextEdit(event.notes if event else "")
        self.notes_edit.setMaximumHeight(90)
        self.conflict_label = label("", "warnText")
        self.conflict_label.setObjectName("conflictLabel")
        self.message = label("", "muted")
        self.save_button = QPushButton(self.tr("Lưu"))
        self.save_button.setObjectName("primary")
        self.cancel_event_button = QPushButton(self.tr("Hủy lịch này"))
        self.cancel_event_button.setObjectName("danger")
        self.cancel_event_button.setVisible(event is not None)
        self.close_button = QPushButton(self.tr("Đóng"))
        self.attachments = AttachmentsCenter(store.port, parent=self)
        self.attach_box = AttachmentBox(self.attachments)
        self.finished.connect(self.attachments.close)  # its transfer connection, if opened
        if event is not None and event.event_id is not None:
            self.attachments.listed.connect(self.on_attachments_listed)
            self.attachments.list_of("calendar_event", event.event_id)
        editable = event is None or store.may_edit(event)
        for w in (self.title_edit, self.day_edit, self.start_edit, self.end_edit,
                  self.location_edit, self.room_combo, self.delegate_combo, self.people_list,
                  self.public_combo, self.notes_edit, self.save_button,
                  self.cancel_event_button):
            w.setEnabled(editable and w.isEnabled())

        form = QFormLayout()
        form.addRow(self.tr("Nội dung"), self.title_edit)
        when = QHBoxLayout()
        when.addWidget(self.day_edit)
        when.addWidget(label(self.tr("từ"), wrap=False))
        when.addWidget(self.start_edit)
        when.addWidget(label(self.tr("đến"), wrap=False))
        when.addWidget(self.end_edit)
        form.addRow(self.tr("Thời gian"), when)
        form.addRow(self.tr("Lặp lại"), self.repeat_combo)
        form.addRow(self.tr("Phòng họp"), self.room_combo)
        form.addRow(self.tr("Địa điểm"), self.location_edit)
        form.addRow(self.tr("Chủ trì"), self.host_combo)
        form.addRow(self.tr("Ủy quyền cho"), self.delegate_combo)
        form.addRow(self.tr("Thành phần"), self.people_list)
        form.addRow(self.tr("Hiển thị cho"), self.public_combo)
        form.addRow(self.tr("Ghi chú"), self.notes_edit)
        form.addRow(self.tr("Tệp đính kèm"), self.attach_box)
        self.attach_box.attach_button.setEnabled(editable and self.attach_box.attach_button
                                                 .isEnabled())
        buttons = QHBoxLayout()
        buttons.addWidget(self.cancel_event_button)
        buttons.addStretch(1)
        buttons.addWidget(self.close_button)
        buttons.addWidget(self.save_button)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.conflict_label)
        layout.addWidget(self.message)
        layout.addLayout(buttons)
        self._connect_signals()
        self.check_conflicts()

    def _connect_signals(self) -> None:
        for signal in (self.day_edit.dateChanged, self.start_edit.timeChanged,
                       self.end_edit.timeChanged, self.room_combo.currentIndexChanged,
                       self.host_combo.currentIndexChanged,
                       self.delegate_combo.currentIndexChanged,
                       self.people_list.itemChanged):
            signal.connect(self.check_conflicts)
        self.save_button.clicked.connect(self.on_save_clicked)
        self.close_button.clicked.connect(self.reject)
        self.cancel_event_button.clicked.connect(self.on_cancel_event_clicked)
        self.store.saved.connect(self.on_store_saved)
        self.store.failed.connect(self.on_store_failed)

    # --- reading the form -------------------------------------------------------------

    def times(self) -> tuple[datetime, datetime]:
        d = self.day_edit.date()
        day = date(d.year(), d.month(), d.day())
        s, e = self.start_edit.time(), self.end_edit.time()
        return (datetime.combine(day, time(s.hour(), s.minute()), LOCAL_TZ),
                datetime.combine(day, time(e.hour(), e.minute()), LOCAL_TZ))

    def participants(self) -> list[int]:
        out = []
        for i in range(self.people_list.count()):
            item = self.people_list.item(i)
            if item.checkState() == _checked(True):
                out.append(int(item.data(Qt.ItemDataRole.UserRole)))
        return out

    def payload(self) -> dict[str, Any]:
        start, end = self.times()
        p: dict[str, Any] = {
            "title": self.title_edit.text().strip(), "starts_at": start.isoformat(),
            "ends_at": end.isoformat(), "location": self.location_edit.text().strip(),
            "room_id": self.room_combo.currentData(), "participant_ids": self.participants(),
            "delegate_id": self.delegate_combo.currentData(),
            "visibility": self.public_combo.currentData(),
            "notes": self.notes_edit.toPlainText(),
        }
        if self.store.is_office:
            p["host_id"] = self.host_combo.currentData()
        if self.attach_box.ids():
            p["attachment_ids"] = self.attach_box.ids()
        if self.event is None:
            rule = self.repeat_combo.currentData()
            if rule:
                p["rrule"] = rule if "BYDAY" in rule else \
                    f"{rule};BYDAY={('MO', 'TU', 'WE', 'TH', 'FR', 'SA', 'SU')[start.weekday()]}"
        return p

    # --- double bookings --------------------------------------------------------------

    def check_conflicts(self) -> None:
        """Clashes with what the calendar shows: same time, a shared person or room."""
        start, end = self.times()
        host = self.delegate_combo.currentData() or self.host_combo.currentData()
        people = set(self.participants()) | ({host} if host else set())
        room = self.room_combo.currentData()
        found = []
        for ev in self.store.events:
            if self.event is not None and ev.event_id == self.event.event_id:
                continue
            if not (ev.start < end and ev.end > start):
                continue
            theirs = set(ev.participant_ids) | {u for u in (ev.delegate_id or ev.host_id,)
                                                if u is not None}
            if people & theirs:
                kind = "host" if host in theirs else "participant"
            elif room is not None and room == ev.room_id:
                kind = "location"
            else:
                continue
            found.append(Conflict(ev.event_id, ev.title, kind, ev.start.isoformat()))
        self.show_conflicts(found)

    def show_conflicts(self, conflicts: list[Conflict]) -> None:
        self.conflicts = conflicts
        words = {"host": self.tr("người chủ trì"), "participant": self.tr("thành phần"),
                 "location": self.tr("phòng họp")}
        self.conflict_label.setText("\n".join(
            "⚠ " + self.tr("Trùng lịch ({what}) với: {title}").format(
                what=words.get(c.kind, c.kind), title=c.title) for c in conflicts))
        self.conflict_label.setVisible(bool(conflicts))
        self.conflicts_changed.emit(conflicts)

    # --- saving -------------------------------------------------------------------------

    def on_save_clicked(self) -> None:
        p = self.payload()
        if not p["title"]:
            self.message.setText(self.tr("Hãy nhập nội dung công việc."))
            return
        self.save_button.setEnabled(False)
        self.message.setText(self.tr("Đang lưu…"))
        if self.event is None:
            self._saving = self.store.create(p)
        else:
            p["event_id"] = self.event.event_id
            if self.event.recurring and self.event.occurrence:
                # Moving one occurrence of a series (its time, place, notes).
                p = {k: v for k, v in p.items() if k in (
                    "event_id", "title", "starts_at", "ends_at", "location", "room_id",
                    "notes")}
                p["scope"] = "occurrence"
                p["occurrence"] = self.event.occurrence
            self._saving = self.store.update(p)

    def on_attachments_listed(self, kind: str, owner_id: int, infos: list[Any]) -> None:
        if self.event is not None and (kind, owner_id) == ("calendar_event",
                                                           self.event.event_id):
            staged = [a for a in self.attach_box.attachments()
                      if a.attachment_id in self.attach_box.ids()]
            self.attach_box.set_attachments(infos)
            for info in staged:  # files added before the list came back stay new
                self.attach_box.on_center_uploaded(info)

    def on_cancel_event_clicked(self) -> None:
        if self.event is None or self.event.event_id is None:
            return
        payload: dict[str, Any] = {"event_id": self.event.event_id}
        if self.event.recurring and self.event.occurrence:
            payload.update(scope="occurrence", occurrence=self.event.occurrence)
        self._saving = self.store.cancel(payload)
        self.accept()

    def on_store_saved(self, result: Any) -> None:
        if self._saving is None:
            return
        self._saving = None
        conflicts = [Conflict(c.get("event_id"), c.get("title", ""), c.get("kind", ""),
                              c.get("starts_at", "")) for c in result.get("conflicts", [])]
        if conflicts:
            self.show_conflicts(conflicts)
            self.message.setText(self.tr("Đã lưu. Lịch bị trùng như trên — có thể ủy quyền "
                                         "cho người khác dự thay."))
            self.save_button.setEnabled(True)
            return
        self.accept()

    def on_store_failed(self, message: str) -> None:
        if self._saving is None:
            return
        self._saving = None
        self.message.setText(message)
        self.save_button.setEnabled(True)


def _checked(on: bool) -> Qt.CheckState:
    return Qt.CheckState.Checked if on else Qt.CheckState.Unchecked
