<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en" sourcelanguage="vi_VN">
<context>
    <name>AbsenceDialog</name>
    <message>
        <location filename="../../meeting_client/ui/absence_dialog.py" line="15"/>
        <source>Ghi nhận vắng mặt</source>
        <translation>Record absence</translation>
    </message>
    <message>
        <location filename="../../meeting_client/ui/absence_dialog.py" line="18"/>
        <source>Ví dụ: Đi công tác, ốm, việc gia đình</source>
        <translation>e.g. on a business trip, ill, family matters</translation>
    </message>
    <message>
        <location filename="../../meeting_client/ui/absence_dialog.py" line="21"/>
        <source>Ghi nhận</source>
        <translation>Record</translation>
    </message>
    <message>
        <location filename="../../meeting_client/ui/absence_dialog.py" line="22"/>
        <source>Hủy</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <location filename="../../meeting_client/ui/absence_dialog.py" line="27"/>
        <source>Đại biểu: %1</source>
        <translation>Delegate: %1</translation>
    </message>
    <message>
        <location filename="../../meeting_client/ui/absence_dialog.py" line="28"/>
        <source>Lý do vắng mặt</source>
        <translation>Reason for absence</translation>
    </message>
</context>
<context>
    <name>Account</name>
    <message>
        <location filename="../../meeting_client/models/account.py" line="191"/>
        <source>Không kết nối được máy chủ %1. Kiểm tra địa chỉ máy chủ và mạng.</source>
        <translation>Cannot reach the server %1. Check the server address and the network.</translation>
    </message>
    <message>
        <location filename="../../meeting_client/models/account.py" line="194"/>
        <source>Tên đăng nhập hoặc mật khẩu không đúng.</source>
        <translation>The user name or password is wrong.</translation>
    </message>
    <message>
        <location filename="../../meeting_client/models/account.py" line="196"/>
        <source>Máy chủ %1 không xuất trình đúng chứng chỉ đã cài trên máy này, nên mật khẩu chưa được gửi đi. Có thể đây không phải máy chủ của cơ quan: hãy báo bộ phận kỹ thuật.</source>
        <translation>The server %1 did not present the certificate installed on this terminal, so your password was not sent. It may not be your council&apos;s server: please tell the IT staff.</translation>
    </message>
    <message>
        <location filename="../../meeting_client/models/account.py" line="201"/>
        <source>Không đọc được tệp chứng chỉ máy chủ đã cài trên máy này. Hãy báo bộ phận kỹ thuật.</source>
        <translation>The server certificate file installed on this terminal cannot be read. Please tell the IT staff.</translation>
    </message>
    <message>
        <location filename="../../meeting_client/models/account.py" line="231"/>
        <source>Phiên đăng nhập đã hết hạn. Vui lòng đăng nhập lại.</source>
        <translation>Your session has expired. Please sign in again.</translation>
    </message>
</context>
<context>
    <name>AdminPage</name>
    <message>
        <location filename="../../meeting_client/ui/admin/page.py" line="48"/>
        <source>Người dùng</source>
        <translation>Users</translation>
    </message>
    <message>
        <location filename="../../meeting_client/ui/admin/page.py" line="50"/>
        <source>Đơn vị</source>
        <translation>Units</translation>
    </message>
    <message>
        <location filename="../../meeting_client/ui/admin/page.py" line="61"/>
        <source>Tìm theo tên, tên đăng nhập, đơn vị, chức vụ…</source>
        <translation>Search by name, user name, unit, position…</translation>
    </message>
    <message>
        <location filename="../../meeting_client/ui/admin/page.py" line="83"/>
        <source>Thêm người dùng</source>
        <translation>Add user</translation>
    </message>
    <message>
        <location filename="../../meeting_client/ui/admin/page.py" line="85"/>
        <source>Sửa</source>
        <translation>Edit</translation>
    </message>
    <message>
        <location filename="../../meeting_client/ui/admin/page.py" line="86"/>
        <location filename="../../meeting_client/ui/admin/page.py" line="175"/>
        <source>Khóa tài khoản</source>
        <translation>Deactivate</translation>
    </message>
    <message>
        <location filename="../../meeting_client/ui/admin/page.py" line="87"/>
        <source>Đặt lại mật khẩu</source>
        <translation>Reset password</translation>
    </message>
    <message>
        <location filename="../../meeting_client/ui/admin/page.py" line="107"/>
        <source>Thêm đơn vị</source>
        <translation>Add unit</translation>
    </message>
    <message>
        <location filename="../../meeting_client/ui/admin/page.py" line="109"/>
        <source>Thêm đơn vị trực thuộc</source>
        <translation>Add sub-unit</translation>
    </message>
    <message>
        <location filename="../../meeting_client/ui/admin/page.py" line="110"/>
        <source>Đổi tên / chuyển</source>
        <translation>Rename / move</translation>
    </message>
    <message>
        <location filename="../../meeting_client/ui/admin/page.py" line="116"/>
        <source>Chỉ quản trị hệ thống được thêm, đổi tên hoặc chuyển đơn vị.</source>
        <translation>Only administrators add, rename or move units.</translation>
    </message>
    <message>
        <location filename="../../meeting_client/ui/admin/page.py" line="174"/>
        <source>Mở khóa</source>
        <translation>Reactivate</translation>
    </message>
    <message>
        <location filename="../../meeting_client/ui/admin/page.py" line="255"/>
        <source>Đã thêm người dùng.</source>
        <translation>User added.</translation>
    </message>
    <message>
        <location filename="../../meeting_client/ui/admin/page.py" line="256"/>
        <source>Đã lưu thay đổi.</source>
        <translation>Changes saved.</translation>
    </message>
    <message>
        <location filename="../../meeting_client/ui/admin/page.py" line="257"/>
        <source>Đã khóa tài khoản; các phiên đăng nhập của người này đã kết thúc.</source>
        <translation>Account deactivated; this person&apos;s sessions have ended.</translation>
    </message>
    <message>
        <location filename="../../meeting_client/ui/admin/page.py" line="259"/>
        <source>Đã mở khóa tài khoản.</source>
        <translation>Account reactivated.</translation>
    </message>
    <message>
        <location filename="../../meeting_client/ui/admin/page.py" line="260"/>
        <source>Đã thêm đơn vị.</source>
        <translation>Unit added.</translation>
    </message>
    <message>
        <location filename="../../meeting_client/ui/admin/page.py" line="261"/>
        <source>Đã lưu đơn vị.</source>
        <translation>Unit saved.</translation>
    </message>
    <message>
        <location filename="../../meeting_client/ui/admin/page.py" line="266"/>
        <source>Mật khẩu tạm thời của %1: %2 — hãy trao tận tay; người dùng phải đổi mật khẩu khi đăng nhập.</source>
        <translation>Temporary password of %1: %2 — hand it over in person; the user must change it at sign-in.</translation>
    </message>
</context>
<context>
    <name>AgendaDialog</name>
    <message>
        <location filename="../../meeting_client/ui/registry/entry_actions.py" line="89"/>
        <source>Đưa vào chương trình họp</source>
        <translation>Put on a meeting&apos;s agenda</translation>
    </message>
    <message>
        <location filename="../../meeting_client/ui/registry/entry_actions.py" line="98"/>
        <source>Cuộc họp</source>
        <translation>Meeting</translation>
    </message>
    <message>
        <location filename="../../meeting_client/ui/registry/entry_actions.py" line="99"/>
        <source>Nội dung mục</source>
        <translation>Agenda item</translation>
    </message>
    <message>
        <location filename="../../meeting_client/ui/registry/entry_actions.py" line="101"/>
        <source>Không có cuộc họp nào đang chuẩn bị.</source>
        <translation>No meeting is being prepared.</translation>
    </message>
    <message>
        <location filename="../../meeting_client/ui/registry/entry_actions.py" line="105"/>
        <source>Hãy chọn cuộc họp và nhập nội dung mục.</source>
        <translation>Choose a meeting and enter the item.</translation>
    </message>
</context>
<context>
    <name>AgendaModel</name>
    <message>
        <location filename="../../meeting_client/models/agenda_model.py" line="35"/>
        <source>Đang thảo luận</source>
        <translation>Under discussion</translation>
    </message>
    <message>
        <location filename="../../meeting_client/models/agenda_model.py" line="39"/>
        <source>Chương trình</source>
        <translation>Agenda</translation>
    </message>
</context>
<context>
    <name>AgendaPanel</name>
    <message>
        <location filename="../../meeting_client/ui/agenda_panel.py" line="64"/>
        <source>Chương trình kỳ họp</source>
        <translation>Session agenda</translation>
    </message>
    <message>
        <location filename="../../meeting_client/ui/agenda_panel.py" line="68"/>
        <source>◀ Nội dung trước</source>
        <translation>◀ Previous item</translation>
    </message>
    <message>
        <location filename="../../meeting_client/ui/agenda_panel.py" line="69"/>
        <source>Chuyển tới nội dung đã chọn</source>
        <translation>Go to the selected item</translation>
    </message>
    <message>
        <location filename="../../meeting_client/ui/agenda_panel.py" line="70"/>
        <source>Nội dung tiếp ▶</source>
        <translation>Next item ▶</translation>
    </message>
    <message>
        <location filename="../../meeting_client/ui/agenda_panel.py" line="78"/>
        <source>Tài liệu</source>
        <translation>Papers</translation>
    </message>
    <message>
        <location filename="../../meeting_client/ui/agenda_panel.py" line="79"/>
        <source>Tài liệu của nội dung đang thảo luận sẽ hiển thị tại đây.</source>
        <translation>The papers of the item under discussion will appear here.</translation>
    </message>
</context>
<context>
    <name>AgendaTab</name>
    <message>
        <location filename="../../meeting_client/ui/preparation/agenda_tab.py" line="45"/>
        <source>Kéo thả để sắp xếp lại thứ tự các nội dung.</source>
        <translation>Drag and drop to reorder the items.</translation>
    </message>
    <message>
        <location filename="../../meeting_client/ui/preparation/agenda_tab.py" line="48"/>
        <source>Tên nội dung, ví dụ: Tờ trình về dự toán ngân sách năm 2027</source>
        <translation>Item title, e.g. Proposal on the 2027 budget estimate</translation>
    </message>
    <message>
        <location filename="../../meeting_client/ui/preparation/agenda_tab.py" line="52"/>
        <source> phút</source>
        <translation> min</translation>
    </message>
    <message>
        <location filename="../../meeting_client/ui/preparation/agenda_tab.py" line="53"/>
        <source>Không định trước</source>
        <translation>Not planned</translation>
    </message>
    <message>
        <location filename="../../meeting_client/ui/preparation/agenda_tab.py" line="55"/>
        <source>Thêm nội dung</source>
        <translation>Add item</translation>
    </message>
    <message>
        <location filename="../../meeting_client/ui/preparation/agenda_tab.py" line="57"/>
        <source>Lưu nội dung đang chọn</source>
        <translation>Save the selected item</translation>
    </message>
    <message>
        <location filename="../../meeting_client/ui/preparation/agenda_tab.py" line="58"/>
        <source>Xóa nội dung</source>
        <translation>Remove item</translation>
    </message>
    <message>
        <location filename="../../meeting_client/ui/preparation/agenda_tab.py" line="60"/>
        <source>Nội dung</source>
        <translation>Item</translation>
    </message>
    <message>
        <location filename="../../meeting_client/ui/preparation/agenda_tab.py" line="61"/>
        <source>Thời lượng dự kiến</source>
        <translation>Planned duration</translation>
    </message>
    <message>
        <location filename="../../meeting_client/ui/preparation/agenda_tab.py" line="62"/>
        <source>Người trình bày</source>
        <translation>Presenter</translation>
    </message>
    <message>
        <location filename="../../meeting_client/ui/preparation/agenda_tab.py" line="85"/>
        <source>— Chưa chọn —</source>
        <translation>— None —</translation>
    </message>
    <message>
        <location filename="../../meeting_client/ui/preparation/agenda_tab.py" line="105"/>
        <source>%1 phút</source>
        <translation>%1 min</translation>
    </message>
    <message>
        <location filename="../../meeting_client/ui/preparation/agenda_tab.py" line="108"/>
        <source>trình bày: %1</source>
        <translation>presented by %1</translation>
    </message>
</context>
<context>
    <name>AlertCard</name>
    <message>
        <location filename="../../meeting_client/ui/alerts/wall.py" line="65"/>
        <source>CHƯA XÁC NHẬN</source>
        <translation>NOT ACKNOWLEDGED</translation>
    </message>
    <message>
        <location filename="../../meeting_client/ui/alerts/wall.py" line="66"/>
        <source>Đã xác nhận</source>
        <translation>Acknowledged</translation>
    </message>
</context>
<context>
    <name>AlertLabels</name>
    <message>
        <location filename="../../meeting_client/models/alerts_model.py" line="36"/>
        <source>Khẩn cấp</source>
        <translation>Critical</translation>
    </message>
    <message>
        <location filename="../../meeting_client/models/alerts_model.py" line="37"/>
        <source>Cảnh báo</source>
        <translation>Warning</translation>
    </message>
    <message>
        <location filename="../../meeting_client/models/alerts_model.py" line="38"/>
        <source>Thông tin</source>
        <translation>Information</translation>
    </message>
    <message>
        <location filename="../../meeting_client/models/alerts_model.py" line="43"/>
        <source>Hệ thống họp</source>
        <translation>Meeting system</translation>
    </message>
</context>
<context>
    <name>AlertToast</name>
    <message>
        <location filename="../../meeting_client/ui/alerts/toast.py" line="39"/>
        <source>Xem</source>
        <translation>View</translation>
    </message>
    <message>
        <location filename="../../meeting_client/ui/alerts/toast.py" line="40"/>
        <source>Đã xem</source>
        <translation>Acknowledge</translation>
    </message>
    <message>
        <location filename="../../meeting_client/ui/alerts/toast.py" line="41"/>
        <source>Đóng</source>
        <translation>Close</translation>
    </message>
</context>
<context>
    <name>AlertWall</name>
    <message>
        <location filename="../../meeting_client/ui/alerts/wall.py" line="93"/>
        <source>Màn hình lớn — Cảnh báo khẩn cấp</source>
        <translation>Big screen — Critical alerts</translation>
    </message>
    <message>
        <location filename="../../meeting_client/ui/alerts/wall.py" line="98"/>
        <source>CẢNH BÁO KHẨN CẤP</source>
        <translation>CRITICAL ALERTS</translation>
    </message>
    <message>
        <location filename="../../meeting_client/ui/alerts/wall.py" line="101"/>
        <source>Không có cảnh báo khẩn cấp.</source>
        <translation>No critical alerts.</translation>
    </message>
    <message numerus="yes">
        <location filename="../../meeting_client/ui/alerts/wall.py" line="151"/>
        <source>%n chưa xác nhận</source>
        <translation>
            <numerusform>%n not acknowledged</numerusform>
            <numerusform>%n not acknowledged</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../meeting_client/ui/alerts/wall.py" line="154"/>
        <source>… và %n cảnh báo khẩn cấp cũ hơn</source>
        <translation>
            <numerusform>… and %n older critical alert(s)</numerusform>
            <numerusform>… and %n older critical alert(s)</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>AlertsModel</name>
    <message>
        <location filename="../../meeting_client/models/alerts_model.py" line="95"/>
        <source>Mức độ</source>
        <translation>Level</translation>
    </message>
    <message>
        <location filename="../../meeting_client/models/alerts_model.py" line="95"/>
        <source>Thời gian</source>
        <translation>Time</translation>
    </message>
    <message>
        <location filename="../../meeting_client/models/alerts_model.py" line="95"/>
        <source>Nguồn</source>
        <translation>Source</translation>
    </message>
    <message>
        <location filename="../../meeting_client/models/alerts_model.py" line="96"/>
        <source>Nội dung</source>
        <translation>Alert</translation>
    </message>
</context>
<context>
    <name>AlertsPage</name>
    <message>
        <location filename="../../meeting_client/ui/alerts/alerts_page.py" line="45"/>
        <source>Cảnh báo</source>
        <translation>Alerts</translation>
    </message>
    <message>
        <location filename="../../meeting_client/ui/alerts/alerts_page.py" line="49"/>
        <source>Mọi mức độ</source>
        <translation>All levels</translation>
    </message>
    <message>
        <location filename="../../meeting_client/ui/alerts/alerts_page.py" line="53"/>
        <location filename="../../meeting_client/ui/alerts/alerts_page.py" line="162"/>
        <source>Mọi nguồn</source>
        <translation>All sources</translation>
    </message>
    <message>
        <location filename="../../meeting_client/ui/alerts/alerts_page.py" line="54"/>
        <source>Chỉ cảnh báo chưa xác nhận</source>
        <translation>Unacknowledged only</translation>
    </message>
    <message>
        <location filename="../../meeting_client/ui/alerts/alerts_page.py" line="68"/>
        <source>Xác nhận đã xem</source>
        <translation>Acknowledge</translation>
    </message>
    <message>
        <location filename="../../meeting_client/ui/alerts/alerts_page.py" line="70"/>
        <source>Mở liên kết</source>
        <translation>Open link</translation>
    </message>
    <message>
        <location filename="../../meeting_client/ui/alerts/alerts_page.py" line="71"/>
        <source>Không có cảnh báo nào.</source>
        <translation>No alerts.</translation>
    </message>
    <message>
        <location filename="../../meeting_client/ui/alerts/alerts_page.py" line="72"/>
        <source>Màn hình lớn</source>
        <translation>Big screen</translation>
    </message>
    <message>
        <location filename="../../meeting_client/ui/alerts/alerts_page.py" line="73"/>
        <source>Cảnh báo khẩn cấp toàn màn hình, cho màn hình lớn của phòng điều hành</source>
        <translation>Critical alerts full screen, for the operations room&apos;s big screen</translation>
    </message>
    <message>
        <location filename="../../meeting_client/ui/alerts/alerts_page.py" line="79"/>
        <source>Mức độ:</source>
        <translation>Level:</translation>
    </message>
    <message>
        <location filename="../../meeting_client/ui/alerts/alerts_page.py" line="81"/>
        <source>Nguồn:</source>
        <translation>Source:</translation>
    </message>
    <message numerus="yes">
        <location filename="../../meeting_client/ui/alerts/alerts_page.py" line="170"/>
        <source>%n cảnh báo chưa xác nhận</source>
        <translation>
            <numerusform>%n unacknowledged alert(s)</numerusform>
            <numerusform>%n unacknowledged alert(s)</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../meeting_client/ui/alerts/alerts_page.py" line="192"/>
        <source>Chọn một cảnh báo để xem.</source>
        <translation>Select an alert to see it.</translation>
    </message>
</context>
<context>
    <name>AttachmentBox</name>
    <message>
        <location filename="../../meeting_client/ui/attachments/box.py" line="55"/>
        <source>Đính kèm tệp…</source>
        <translation>Attach file…</translation>
    </message>
    <message>
        <location filename="../../meeting_client/ui/attachments/box.py" line="56"/>
        <source>Bỏ tệp</source>
        <translation>Remove file</translation>
    </message>
    <message>
        <location filename="../../meeting_client/ui/attachments/box.py" line="110"/>
        <source>Chọn tệp đính kèm</source>
        <translation>Choose a file to attach</translation>
    </message>
    <message>
        <location filename="../../meeting_client/ui/attachments/box.py" line="111"/>
        <source>Tài liệu (*.pdf *.doc *.docx *.xls *.xlsx *.ppt *.pptx *.odt *.ods *.odp)</source>
        <translation>Documents (*.pdf *.doc *.docx *.xls *.xlsx *.ppt *.pptx *.odt *.ods *.odp)</translation>
    </message>
    <message numerus="yes">
        <location filename="../../meeting_client/ui/attachments/box.py" line="122"/>
        <source>Tối đa %n tệp.</source>
        <translation>
            <numerusform>At most %n files.</numerusform>
            <numerusform>At most %n files.</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../meeting_client/ui/attachments/box.py" line="127"/>
        <source>Đang tải lên %1…</source>
        <translation>Uploading %1…</translation>
    </message>
    <message>
        <location filename="../../meeting_client/ui/attachments/box.py" line="152"/>
        <source>Đang mở…</source>
        <translation>Opening…</translation>
    </message>
    <message>
        <location filename="../../meeting_client/ui/attachments/box.py" line="169"/>
        <source>Nhấp đúp để đọc</source>
        <translation>Double-click to read</translation>
    </message>
</context>
<context>
    <name>AttachmentsDialog</name>
    <message>
        <location filename="../../meeting_client/ui/attachments/box.py" line="192"/>
        <source>Tệp đính kèm</source>
        <translation>Attachments</translation>
    </message>
    <message>
        <location filename="../../meeting_client/ui/attachments/box.py" line="196"/>
        <source>Nhấp đúp vào một tệp để đọc.</source>
        <translation>Double-click a file to read it.</translation>
    </message>
</context>
<context>
    <name>AttendancePanel</name>
    <message>
        <location filename="../../meeting_client/ui/attendance_panel.py" line="23"/>
        <location filename="../../meeting_client/ui/attendance_panel.py" line="37"/>
        <source>Điểm danh</source>
        <translation>Check in</translation>
    </message>
    <message>
        <location filename="../../meeting_client/ui/attendance_panel.py" line="26"/>
        <location filename="../../meeting_client/ui/attendance_panel.py" line="130"/>
        <source>Rời phòng họp</source>
        <translation>Leave the chamber</translation>
    </message>
    <message>
        <location filename="../../meeting_client/ui/attendance_panel.py" line="31"/>
        <source>Xác nhận tham dự</source>
        <translation>Confirm attendance</translation>
    </message>
    <message>
        <location filename="../../meeting_client/ui/attendance_panel.py" line="33"/>
        <source>Lý do vắng mặt</source>
        <translation>Reason for absence</translation>
    </message>
    <message>
        <location filename="../../meeting_client/ui/attendance_panel.py" line="34"/>
        <source>Báo vắng mặt</source>
        <translation>Report absence</translation>
    </message>
    <message>
        <location filename="../../meeting_client/ui/attendance_panel.py" line="88"/>
        <source>✓ Bạn đã điểm danh</source>
        <translation>✓ You are checked in</translation>
    </message>
    <message>
        <location filename="../../meeting_client/ui/attendance_panel.py" line="89"/>
        <source> — ghế %1</source>
        <translation> — seat %1</translation>
    </message>
    <message>
        <location filename="../../meeting_client/ui/attendance_panel.py" line="92"/>
        <source>Bạn chưa điểm danh.</source>
        <translation>You have not checked in.</translation>
    </message>
    <message>
        <location filename="../../meeting_client/ui/attendance_panel.py" line="103"/>
        <source>Bạn đã xác nhận tham dự.</source>
        <translation>You confirmed your attendance.</translation>
    </message>
    <message>
        <location filename="../../meeting_client/ui/attendance_panel.py" line="105"/>
        <source>Bạn đã báo vắng: %1</source>
        <translation>You reported an absence: %1</translation>
    </message>
    <message>
        <location filename="../../meeting_client/ui/attendance_panel.py" line="108"/>
        <source>Giấy mời: hãy xác nhận tham dự hoặc báo vắng.</source>
        <translation>Invitation: confirm your attendance or report an absence.</translation>
    </message>
    <message>
        <location filename="../../meeting_client/ui/attendance_panel.py" line="129"/>
        <source>Rời phòng họp? Bạn sẽ không được biểu quyết cho đến khi điểm danh lại.</source>
        <translation>Leave the chamber? You cannot vote until you check in again.</translation>
    </message>
</context>
<context>
    <name>BallotModel</name>
    <message>
        <location filename="../../meeting_client/models/tally_model.py" line="93"/>
        <source>Ghế</source>
        <translation>Seat</translation>
    </message>
    <message>
        <location filename="../../meeting_client/models/tally_model.py" line="93"/>
        <source>Đại biểu</source>
        <translation>Delegate</translation>
    </message>
    <message>
        <location filename="../../meeting_client/models/tally_model.py" line="93"/>
        <source>Lựa chọn</source>
        <translation>Choice</translation>
    </message>
</context>
<context>
    <name>Bridge</name>
    <message>
        <location filename="../../meeting_client/bridge.py" line="319"/>
        <source>Không kết nối được máy chủ. Kiểm tra địa chỉ và mạng.</source>
        <translation>Cannot reach the server. Check the address and the network.</translation>
    </message>
    <message>
        <location filename="../../meeting_client/bridge.py" line="321"/>
        <source>Mất kết nối — đang kết nối lại…</source>
        <translation>Connection lost — reconnecting…</translation>
    </message>
    <message>
        <location filename="../../meeting_client/bridge.py" line="323"/>
        <source>Lỗi không mong muốn. Thao tác chưa được thực hiện.</source>
        <translation>Unexpected error. Nothing was done.</translation>
    </message>
</context>
<context>
    <name>Calendar</name>
    <message>
        <location filename="../../meeting_client/models/calendar.py" line="41"/>
        <source>Thứ Hai</source>
        <translation>Monday</translation>
    </message>
    <message>
        <location filename="../../meeting_client/models/calendar.py" line="41"/>
        <source>Thứ Ba</source>
        <translation>Tuesday</translation>
    </message>
    <message>
        <location filename="../../meeting_client/models/calendar.py" line="42"/>
        <source>Thứ Tư</source>
        <translation>Wednesday</translation>
    </message>
    <message>
        <location filename="../../meeting_client/models/calendar.py" line="42"/>
        <source>Thứ Năm</source>
        <translation>Thursday</translation>
    </message>
    <message>
        <location filename="../../meeting_client/models/calendar.py" line="43"/>
        <source>Thứ Sáu</source>
        <translation>Friday</translation>
    </message>
    <message>
        <location filename="../../meeting_client/models/calendar.py" line="43"/>
        <source>Thứ Bảy</source>
        <translation>Saturday</translation>
    </message>
    <message>
        <location filename="../../meeting_client/models/calendar.py" line="44"/>
        <source>Chủ nhật</source>
        <translation>Sunday</translation>
    </message>
    <message>
        <location filename="../../meeting_client/models/calendar.py" line="45"/>
        <source>Sáng</source>
        <translation>Morning</translation>
    </message>
    <message>
        <location filename="../../meeting_client/models/calendar.py" line="45"/>
        <source>Chiều</source>
        <translation>Afternoon</translation>
    </message>
    <message>
        <location filename="../../meeting_client/models/calendar.py" line="131"/>
        <source>(ủy quyền: {name})</source>
        <translation>(delegated to {name})</translation>
    </message>
    <message>
        <location filename="../../meeting_client/models/calendar.py" line="139"/>
        <source>và {n} người khác</source>
        <translation>and {n} others</translation>
    </message>
    <message>
        <location filename="../../meeting_client/models/calendar.py" line="344"/>
        <source>Thứ/Ngày</source>
        <translation>Day/Date</translation>
    </message>
    <message>
        <location filename="../../meeting_client/models/calendar.py" line="344"/>
        <source>Buổi</source>
        <translation>Session</translation>
    </message>
    <message>
        <location filename="../../meeting_client/models/calendar.py" line="345"/>
        <location filename="../../meeting_client/models/calendar.py" line="458"/>
        <source>Nội dung</source>
        <translation>Business</translation>
    </message>
    <message>
        <location filename="../../meeting_client/models/calendar.py" line="345"/>
        <location filename="../../meeting_client/models/calendar.py" line="459"/>
        <source>Chủ trì</source>
        <translation>Presiding</translation>
    </message>
    <message>
        <location filename="../../meeting_client/models/calendar.py" line="346"/>
        <location filename="../../meeting_client/models/calendar.py" line="460"/>
        <source>Thành phần</source>
        <translation>Attendees</translation>
    </message>
    <message>
        <location filename="../../meeting_client/models/calendar.py" line="347"/>
        <location filename="../../meeting_client/models/calendar.py" line="461"/>
        <source>Địa điểm</source>
        <translation>Place</translation>
    </message>
    <message>
        <location filename="../../meeting_client/models/calendar.py" line="347"/>
        <source>Chuẩn bị</source>
        <translation>Prepared by</translation>
    </message>
    <message>
        <location filename="../../meeting_client/models/calendar.py" line="431"/>
        <location filename="../../meeting_client/models/calendar.py" line="503"/>
        <source>Trùng lịch: {titles}</source>
        <translation>Double-booked: {titles}</translation>
    </message>
    <message>
        <location filename="../../meeting_client/models/calendar.py" line="448"/>
        <source>Trùng lịch với: {title}</source>
        <translation>Clashes with: {title}</translation>
    </message>
    <message>
        <location filename="../../meeting_client/models/calendar.py" line="458"/>
        <source>Giờ</source>
        <translation>Time</translation>
    </message>
    <message>
        <location filename="../../meeting_client/models/calendar.py" line="559"/>
        <source>+{n} việc khác</source>
        <translation>+{n} more</translation>
    </message>
</context>
<context>
    <name>CalendarPage</name>
    <message>
        <location filename="../../meeting_client/ui/calendar/page.py" line="62"/>
        <location filename="../../meeting_client/ui/calendar/page.py" line="198"/>
        <source>◀ Tuần trước</source>
        <translation>◀ Previous week</translation>
    </message>
    <message>
        <location filename="../../meeting_client/ui/calendar/page.py" line="63"/>
        <location filename="../../meeting_client/ui/calendar/page.py" line="204"/>
        <source>Tuần này</source>
        <translation>This week</translation>
    </message>
    <message>
        <location filename="../../meeting_client/ui/calendar/page.py" line="64"/>
        <location filename="../../meeting_client/ui/calendar/page.py" line="198"/>
        <source>Tuần sau ▶</source>
        <translation>Next week ▶</translation>
    </message>
    <message>
        <location filename="../../meeting_client/ui/calendar/page.py" line="67"/>
        <source>Tuần</source>
        <translation>Week</translation>
    </message>
    <message>
        <location filename="../../meeting_client/ui/calendar/page.py" line="67"/>
        <source>Ngày</source>
        <translation>Day</translation>
    </message>
    <message>
        <location filename="../../meeting_client/ui/calendar/page.py" line="68"/>
        <source>Tháng</source>
        <translation>Month</translation>
    </message>
    <message>
        <location filename="../../meeting_client/ui/calendar/page.py" line="79"/>
        <source>+ Thêm lịch</source>
        <translation>+ Add event</translation>
    </message>
    <message>
        <location filename="../../meeting_client/ui/calendar/page.py" line="81"/>
        <source>Ban hành lịch tuần</source>
        <translation>Publish the week</translation>
    </message>
    <message>
        <location filename="../../meeting_client/ui/calendar/page.py" line="199"/>
        <source>◀ Hôm trước</source>
        <translation>◀ Previous day</translation>
    </message>
    <message>
        <location filename="../../meeting_client/ui/calendar/page.py" line="199"/>
        <source>Hôm sau ▶</source>
        <translation>Next day ▶</translation>
    </message>
    <message>
        <location filename="../../meeting_client/ui/calendar/page.py" line="200"/>
        <source>◀ Tháng trước</source>
        <translation>◀ Previous month</translation>
    </message>
    <message>
        <location filename="../../meeting_client/ui/calendar/page.py" line="200"/>
        <source>Tháng sau ▶</source>
        <translation>Next month ▶</translation>
    </message>
    <message>
        <location filename="../../meeting_client/ui/calendar/page.py" line="203"/>
        <source>Hôm nay</source>
        <translation>Today</translation>
    </message>
    <message>
        <location filename="../../meeting_client/ui/calendar/page.py" line="205"/>
        <source>Tháng này</source>
        <translation>This month</translation>
    </message>
    <message>
        <location filename="../../meeting_client/ui/calendar/page.py" line="212"/>
        <source>Lịch công tác tuần {n} ({a} – {b})</source>
        <translation>Work schedule, week {n} ({a} – {b})</translation>
    </message>
    <message>
        <location filename="../../meeting_client/ui/calendar/page.py" line="220"/>
        <source>Lịch công tác tháng {month} năm {year}</source>
        <translation>Work schedule, {month}/{year}</translation>
    </message>
    <message>
        <location filename="../../meeting_client/ui/calendar/page.py" line="224"/>
        <source>Chưa ban hành</source>
        <translation>Not published</translation>
    </message>
    <message>
        <location filename="../../meeting_client/ui/calendar/page.py" line="227"/>
        <source>Lịch điều chỉnh — đã thay đổi sau khi ban hành (lần {n})</source>
        <translation>Revised — changed since publication (version {n})</translation>
    </message>
    <message>
        <location filename="../../meeting_client/ui/calendar/page.py" line="231"/>
        <source>Đã ban hành (lần {n})</source>
        <translation>Published (version {n})</translation>
    </message>
    <message>
        <location filename="../../meeting_client/ui/calendar/page.py" line="264"/>
        <source>Tất cả lãnh đạo</source>
        <translation>All leaders</translation>
    </message>
    <message>
        <location filename="../../meeting_client/ui/calendar/page.py" line="266"/>
        <source>Tất cả phòng họp</source>
        <translation>All rooms</translation>
    </message>
</context>
<context>
    <name>CameraPlayer</name>
    <message>
        <location filename="../../meeting_client/ui/cameras/player.py" line="67"/>
        <source>Máy này thiếu libVLC: không phát được video.</source>
        <translation>libVLC is missing on this computer: video cannot be played.</translation>
    </message>
</context>
<context>
    <name>CamerasPage</name>
    <message>
        <location filename="../../meeting_client/ui/cameras/page.py" line="34"/>
        <source>Chưa kiểm tra</source>
        <translation>Not checked yet</translation>
    </message>
    <message>
        <location filename="../../meeting_client/ui/cameras/page.py" line="35"/>
        <source>Đang kết nối</source>
        <translation>Connecting</translation>
    </message>
    <message>
        <location filename="../../meeting_client/ui/cameras/page.py" line="36"/>
        <source>Đang có tín hiệu</source>
        <translation>Live</translation>
    </message>
    <message>
        <location filename="../../meeting_client/ui/cameras/page.py" line="37"/>
        <source>Mất tín hiệu</source>
        <translation>Down</translation>
    </message>
    <message>
        <location filename="../../meeting_client/ui/cameras/page.py" line="53"/>
        <source>Nhóm</source>
        <translation>Group</translation>
    </message>
    <message>
        <location filename="../../meeting_client/ui/cameras/page.py" line="53"/>
        <source>Camera</source>
        <translation>Camera</translation>
    </message>
    <message>
        <location filename="../../meeting_client/ui/cameras/page.py" line="53"/>
        <source>Trạng thái</source>
        <translation>State</translation>
    </message>
    <message>
        <location filename="../../meeting_client/ui/cameras/page.py" line="63"/>
        <source>Chưa có camera nào được đăng ký.</source>
        <translation>No camera is registered yet.</translation>
    </message>
    <message>
        <location filename="../../meeting_client/ui/cameras/page.py" line="66"/>
        <location filename="../../meeting_client/ui/cameras/page.py" line="168"/>
        <source>Chọn một camera rồi bấm Xem.</source>
        <translation>Choose a camera, then press Watch.</translation>
    </message>
    <message>
        <location filename="../../meeting_client/ui/cameras/page.py" line="70"/>
        <source>Xem</source>
        <translation>Watch</translation>
    </message>
    <message>
        <location filename="../../meeting_client/ui/cameras/page.py" line="71"/>
        <source>Dừng</source>
        <translation>Stop</translation>
    </message>
    <message>
        <location filename="../../meeting_client/ui/cameras/page.py" line="129"/>
        <source>Camera đang mất tín hiệu.</source>
        <translation>The camera is down.</translation>
    </message>
    <message>
        <location filename="../../meeting_client/ui/cameras/page.py" line="161"/>
        <source>Máy này thiếu libVLC: không phát được video.</source>
        <translation>libVLC is missing on this computer: video cannot be played.</translation>
    </message>
</context>
<context>
    <name>ChairConsole</name>
    <message>
        <location filename="../../meeting_client/ui/chair_console.py" line="42"/>
        <source>Khai mạc kỳ họp</source>
        <translation>Open the session</translation>
    </message>
    <message>
        <location filename="../../meeting_client/ui/chair_console.py" line="43"/>
        <location filename="../../meeting_client/ui/chair_console.py" line="116"/>
        <source>Bế mạc kỳ họp</source>
        <translation>Close the session</translation>
    </message>
    <message>
        <location filename="../../meeting_client/ui/chair_console.py" line="66"/>
        <source>Màn hình hội trường</source>
        <translation>Hall display</translation>
    </message>
    <message>
        <location filename="../../meeting_client/ui/chair_console.py" line="67"/>
        <source>Việc chưa hoàn thành</source>
        <translation>Unfinished work</translation>
    </message>
    <message>
        <location filename="../../meeting_client/ui/chair_console.py" line="102"/>
        <source>Chủ tọa đưa việc vào chương trình khi cuộc họp đang diễn ra; trước đó thư ký hoặc văn phòng thực hiện trong trang Chuẩn bị họp.</source>
        <translation>The chair adds items once the meeting is in progress; before that the clerk or the office does it in the Meeting preparation page.</translation>
    </message>
    <message>
        <location filename="../../meeting_client/ui/chair_console.py" line="114"/>
        <source>Bế mạc kỳ họp? Sau khi bế mạc không thể mở lại, không thể biểu quyết hay phát biểu thêm.</source>
        <translation>End the session? An ended session cannot be reopened; no more votes or speeches.</translation>
    </message>
    <message>
        <location filename="../../meeting_client/ui/chair_console.py" line="64"/>
        <source>Biểu quyết</source>
        <translation>Vote</translation>
    </message>
    <message>
        <location filename="../../meeting_client/ui/chair_console.py" line="65"/>
        <source>Sơ đồ hội trường</source>
        <translation>Seating plan</translation>
    </message>
    <message>
        <location filename="../../meeting_client/ui/chair_console.py" line="92"/>
        <source>Kỳ họp: %1</source>
        <translation>Session: %1</translation>
    </message>
</context>
<context>
    <name>ClerkView</name>
    <message>
        <location filename="../../meeting_client/ui/clerk_view.py" line="45"/>
        <source>Ghi nhận vắng mặt…</source>
        <translation>Record absence…</translation>
    </message>
    <message>
        <location filename="../../meeting_client/ui/clerk_view.py" line="59"/>
        <source>Điểm danh đại biểu</source>
        <translation>Roll call</translation>
    </message>
    <message>
        <location filename="../../meeting_client/ui/clerk_view.py" line="69"/>
        <source>Diễn biến kỳ họp</source>
        <translation>Session timeline</translation>
    </message>
    <message>
        <location filename="../../meeting_client/ui/clerk_view.py" line="81"/>
        <source>Điểm danh và diễn biến</source>
        <translation>Attendance and timeline</translation>
    </message>
    <message>
        <location filename="../../meeting_client/ui/clerk_view.py" line="82"/>
        <source>Biên bản</source>
        <translation>Minutes</translation>
    </message>
</context>
<context>
    <name>ComposeBox</name>
    <message>
        <location filename="../../meeting_client/ui/messages/compose.py" line="19"/>
        <source>Nhập tin nhắn — Enter để gửi, Shift+Enter xuống dòng</source>
        <translation>Type a message — Enter sends, Shift+Enter for a new line</translation>
    </message>
</context>
<context>
    <name>ConfirmBar</name>
    <message>
        <location filename="../../meeting_client/ui/confirm_bar.py" line="30"/>
        <location filename="../../meeting_client/ui/confirm_bar.py" line="54"/>
        <source>Xác nhận</source>
        <translation>Confirm</translation>
    </message>
    <message>
        <location filename="../../meeting_client/ui/confirm_bar.py" line="32"/>
        <source>Hủy</source>
        <translation>Cancel</translation>
    </message>
</context>
<context>
    <name>ConnectionBanner</name>
    <message>
        <location filename="../../meeting_client/ui/connection_banner.py" line="16"/>
        <location filename="../../meeting_client/ui/connection_banner.py" line="24"/>
        <source>Mất kết nối — đang kết nối lại…</source>
        <translation>Connection lost — reconnecting…</translation>
    </message>
    <message>
        <location filename="../../meeting_client/ui/connection_banner.py" line="22"/>
        <source>Đang kết nối tới máy chủ…</source>
        <translation>Connecting to the server…</translation>
    </message>
</context>
<context>
    <name>DelegateRoom</name>
    <message>
        <location filename="../../meeting_client/ui/delegate_room.py" line="26"/>
        <source>Chương trình</source>
        <translation>Agenda</translation>
    </message>
    <message>
        <location filename="../../meeting_client/ui/delegate_room.py" line="27"/>
        <source>Sơ đồ hội trường</source>
        <translation>Seating plan</translation>
    </message>
</context>
<context>
    <name>DirectiveDetail</name>
    <message>
        <location filename="../../meeting_client/ui/directives/detail.py" line="47"/>
        <source>Chọn một chỉ đạo trong danh sách.</source>
        <translation>Choose a directive in the list.</translation>
    </message>
    <message>
        <location filename="../../meeting_client/ui/directives/detail.py" line="58"/>
        <source>Nội dung báo cáo, ý kiến…</source>
        <translation>Report, comments…</translation>
    </message>
    <message>
        <location filename="../../meeting_client/ui/directives/detail.py" line="62"/>
        <source>Báo cáo tiến độ</source>
        <translation>Report progress</translation>
    </message>
    <message>
        <location filename="../../meeting_client/ui/directives/detail.py" line="63"/>
        <source>Gửi báo cáo hoàn thành</source>
        <translation>Report it done</translation>
    </message>
    <message>
        <location filename="../../meeting_client/ui/directives/detail.py" line="64"/>
        <source>Trả lại</source>
        <translation>Return</translation>
    </message>
    <message>
        <location filename="../../meeting_client/ui/directives/detail.py" line="65"/>
        <source>Xác nhận hoàn thành</source>
        <translation>Confirm completion</translation>
    </message>
    <message>
        <location filename="../../meeting_client/ui/directives/detail.py" line="66"/>
        <source>Xin gia hạn</source>
        <translation>Request an extension</translation>
    </message>
    <message>
        <location filename="../../meeting_client/ui/directives/detail.py" line="67"/>
        <source>Đồng ý gia hạn</source>
        <translation>Grant the extension</translation>
    </message>
    <message>
        <location filename="../../meeting_client/ui/directives/detail.py" line="68"/>
        <source>Không đồng ý</source>
        <translation>Refuse</translation>
    </message>
    <message>
        <location filename="../../meeting_client/ui/directives/detail.py" line="86"/>
        <source>Thao tác</source>
        <translation>Actions</translation>
    </message>
    <message>
        <location filename="../../meeting_client/ui/directives/detail.py" line="88"/>
        <location filename="../../meeting_client/ui/directives/detail.py" line="149"/>
        <source>Tiến độ</source>
        <translation>Progress</translation>
    </message>
    <message>
        <location filename="../../meeting_client/ui/directives/detail.py" line="89"/>
        <source>Ghi chú</source>
        <translation>Note</translation>
    </message>
    <message>
        <location filename="../../meeting_client/ui/directives/detail.py" line="90"/>
        <source>Tệp kèm báo cáo</source>
        <translation>Files with the report</translation>
    </message>
    <message>
        <location filename="../../meeting_client/ui/directives/detail.py" line="96"/>
        <source>Hạn mới</source>
        <translation>New deadline</translation>
    </message>
    <message>
        <location filename="../../meeting_client/ui/directives/detail.py" line="103"/>
        <source>Quá trình xử lý</source>
        <translation>History</translation>
    </message>
    <message>
        <location filename="../../meeting_client/ui/directives/detail.py" line="140"/>
        <source> — quá hạn</source>
        <translation> — overdue</translation>
    </message>
    <message>
        <location filename="../../meeting_client/ui/directives/detail.py" line="142"/>
        <source> (đúng hạn)</source>
        <translation> (on time)</translation>
    </message>
    <message>
        <location filename="../../meeting_client/ui/directives/detail.py" line="142"/>
        <source> (quá hạn)</source>
        <translation> (late)</translation>
    </message>
    <message>
        <location filename="../../meeting_client/ui/directives/detail.py" line="144"/>
        <source>Trạng thái</source>
        <translation>Status</translation>
    </message>
    <message>
        <location filename="../../meeting_client/ui/directives/detail.py" line="145"/>
        <source>Hạn xử lý</source>
        <translation>Deadline</translation>
    </message>
    <message>
        <location filename="../../meeting_client/ui/directives/detail.py" line="145"/>
        <source>Không hạn</source>
        <translation>No deadline</translation>
    </message>
    <message>
        <location filename="../../meeting_client/ui/directives/detail.py" line="146"/>
        <source>Đơn vị chủ trì</source>
        <translation>Lead unit</translation>
    </message>
    <message>
        <location filename="../../meeting_client/ui/directives/detail.py" line="147"/>
        <source>Người được giao</source>
        <translation>Assignee</translation>
    </message>
    <message>
        <location filename="../../meeting_client/ui/directives/detail.py" line="148"/>
        <source>Người giao</source>
        <translation>Issued by</translation>
    </message>
    <message>
        <location filename="../../meeting_client/ui/directives/detail.py" line="152"/>
        <source>Phối hợp</source>
        <translation>Coordinating</translation>
    </message>
    <message>
        <location filename="../../meeting_client/ui/directives/detail.py" line="156"/>
        <source>Đưa vào chương trình họp</source>
        <translation>On a meeting agenda</translation>
    </message>
    <message>
        <location filename="../../meeting_client/ui/directives/detail.py" line="157"/>
        <source>%1 — nội dung số %2</source>
        <translation>%1 — item %2</translation>
    </message>
    <message>
        <location filename="../../meeting_client/ui/directives/detail.py" line="165"/>
        <source>Hệ thống</source>
        <translation>System</translation>
    </message>
    <message>
        <location filename="../../meeting_client/ui/directives/detail.py" line="170"/>
        <source> · hạn {0}</source>
        <translation> · deadline {0}</translation>
    </message>
</context>
<context>
    <name>DirectiveDialog</name>
    <message>
        <location filename="../../meeting_client/ui/registry/entry_actions.py" line="56"/>
        <source>Giao thành chỉ đạo</source>
        <translation>Turn into a directive</translation>
    </message>
    <message>
        <location filename="../../meeting_client/ui/registry/entry_actions.py" line="60"/>
        <source>(chọn đơn vị chủ trì)</source>
        <translation>(choose the lead unit)</translation>
    </message>
    <message>
        <location filename="../../meeting_client/ui/registry/entry_actions.py" line="65"/>
        <source>Nội dung chỉ đạo</source>
        <translation>Directive</translation>
    </message>
    <message>
        <location filename="../../meeting_client/ui/registry/entry_actions.py" line="66"/>
        <source>Đơn vị chủ trì</source>
        <translation>Lead unit</translation>
    </message>
    <message>
        <location filename="../../meeting_client/ui/registry/entry_actions.py" line="67"/>
        <source>Hạn hoàn thành</source>
        <translation>Deadline</translation>
    </message>
    <message>
        <location filename="../../meeting_client/ui/registry/entry_actions.py" line="72"/>
        <source>Hãy nhập nội dung và chọn đơn vị chủ trì.</source>
        <translation>Enter the directive and choose the lead unit.</translation>
    </message>
</context>
<context>
    <name>DirectiveFromConclusion</name>
    <message>
        <location filename="../../meeting_client/ui/minutes/directive_dialog.py" line="37"/>
        <source>Giao nhiệm vụ từ kết luận</source>
        <translation>Assign a task from the conclusions</translation>
    </message>
    <message>
        <location filename="../../meeting_client/ui/minutes/directive_dialog.py" line="45"/>
        <location filename="../../meeting_client/ui/minutes/directive_dialog.py" line="75"/>
        <source>(Cả đơn vị)</source>
        <translation>(The whole unit)</translation>
    </message>
    <message>
        <location filename="../../meeting_client/ui/minutes/directive_dialog.py" line="52"/>
        <source>Giao nhiệm vụ</source>
        <translation>Assign</translation>
    </message>
    <message>
        <location filename="../../meeting_client/ui/minutes/directive_dialog.py" line="57"/>
        <source>Nội dung</source>
        <translation>Content</translation>
    </message>
    <message>
        <location filename="../../meeting_client/ui/minutes/directive_dialog.py" line="58"/>
        <source>Đơn vị chủ trì</source>
        <translation>Lead unit</translation>
    </message>
    <message>
        <location filename="../../meeting_client/ui/minutes/directive_dialog.py" line="59"/>
        <source>Người được giao</source>
        <translation>Assignee</translation>
    </message>
    <message>
        <location filename="../../meeting_client/ui/minutes/directive_dialog.py" line="60"/>
        <source>Hạn xử lý</source>
        <translation>Deadline</translation>
    </message>
    <message>
        <location filename="../../meeting_client/ui/minutes/directive_dialog.py" line="83"/>
        <source>Cần nội dung và đơn vị chủ trì.</source>
        <translation>Content and a lead unit are required.</translation>
    </message>
</context>
<context>
    <name>DirectiveLabels</name>
    <message>
        <location filename="../../meeting_client/models/directives.py" line="31"/>
        <source>Đã giao</source>
        <translation>Assigned</translation>
    </message>
    <message>
        <location filename="../../meeting_client/models/directives.py" line="32"/>
        <source>Đang thực hiện</source>
        <translation>In progress</translation>
    </message>
    <message>
        <location filename="../../meeting_client/models/directives.py" line="33"/>
        <source>Đã báo cáo</source>
        <translation>Reported</translation>
    </message>
    <message>
        <location filename="../../meeting_client/models/directives.py" line="34"/>
        <source>Trả lại</source>
        <translation>Return</translation>
    </message>
    <message>
        <location filename="../../meeting_client/models/directives.py" line="35"/>
        <source>Hoàn thành</source>
        <translation>Completed</translation>
    </message>
    <message>
        <location filename="../../meeting_client/models/directives.py" line="42"/>
        <source>Giao nhiệm vụ</source>
        <translation>Assigned</translation>
    </message>
    <message>
        <location filename="../../meeting_client/models/directives.py" line="43"/>
        <source>Báo cáo tiến độ</source>
        <translation>Report progress</translation>
    </message>
    <message>
        <location filename="../../meeting_client/models/directives.py" line="44"/>
        <source>Đơn vị phối hợp báo cáo</source>
        <translation>Coordinating unit reported</translation>
    </message>
    <message>
        <location filename="../../meeting_client/models/directives.py" line="45"/>
        <source>Trả lại báo cáo</source>
        <translation>Report returned</translation>
    </message>
    <message>
        <location filename="../../meeting_client/models/directives.py" line="46"/>
        <source>Xác nhận hoàn thành</source>
        <translation>Confirm completion</translation>
    </message>
    <message>
        <location filename="../../meeting_client/models/directives.py" line="47"/>
        <source>Xin gia hạn</source>
        <translation>Request an extension</translation>
    </message>
    <message>
        <location filename="../../meeting_client/models/directives.py" line="48"/>
        <source>Đồng ý gia hạn</source>
        <translation>Grant the extension</translation>
    </message>
    <message>
        <location filename="../../meeting_client/models/directives.py" line="49"/>
        <source>Không đồng ý gia hạn</source>
        <translation>Extension refused</translation>
    </message>
    <message>
        <location filename="../../meeting_client/models/directives.py" line="50"/>
        <source>Nhắc sắp đến hạn</source>
        <translation>Reminder: deadline near</translation>
    </message>
    <message>
        <location filename="../../meeting_client/models/directives.py" line="51"/>
        <source>Cảnh báo quá hạn</source>
        <translation>Alert: overdue</translation>
    </message>
</context>
<context>
    <name>DirectiveTableModel</name>
    <message>
        <location filename="../../meeting_client/models/directives.py" line="104"/>
        <source>Không hạn</source>
        <translation>No deadline</translation>
    </message>
    <message>
        <location filename="../../meeting_client/models/directives.py" line="106"/>
        <source> — quá hạn</source>
        <translation> — overdue</translation>
    </message>
    <message>
        <location filename="../../meeting_client/models/directives.py" line="117"/>
        <source>Nội dung chỉ đạo</source>
        <translation>Directive</translation>
    </message>
    <message>
        <location filename="../../meeting_client/models/directives.py" line="117"/>
        <source>Đơn vị chủ trì</source>
        <translation>Lead unit</translation>
    </message>
    <message>
        <location filename="../../meeting_client/models/directives.py" line="117"/>
        <source>Hạn xử lý</source>
        <translation>Deadline</translation>
    </message>
    <message>
        <location filename="../../meeting_client/models/directives.py" line="118"/>
        <source>Trạng thái</source>
        <translation>Status</translation>
    </message>
    <message>
        <location filename="../../meeting_client/models/directives.py" line="118"/>
        <source>Tiến độ</source>
        <translation>Progress</translation>
    </message>
</context>
<context>
    <name>DirectivesDashboard</name>
    <message>
        <location filename="../../meeting_client/ui/directives/dashboard.py" line="48"/>
        <source>Tình hình thực hiện nhiệm vụ theo đơn vị</source>
        <translation>Progress of directives by unit</translation>
    </message>
    <message>
        <location filename="../../meeting_client/ui/directives/dashboard.py" line="53"/>
        <source>Làm mới</source>
        <translation>Refresh</translation>
    </message>
    <message>
        <location filename="../../meeting_client/ui/directives/dashboard.py" line="54"/>
        <source>Xuất Excel</source>
        <translation>Export to Excel</translation>
    </message>
    <message>
        <location filename="../../meeting_client/ui/directives/dashboard.py" line="55"/>
        <source>Xuất báo cáo PDF</source>
        <translation>Export PDF report</translation>
    </message>
    <message>
        <location filename="../../meeting_client/ui/directives/dashboard.py" line="85"/>
        <source>Hoàn thành đúng hạn</source>
        <translation>Completed on time</translation>
    </message>
    <message>
        <location filename="../../meeting_client/ui/directives/dashboard.py" line="86"/>
        <source>Hoàn thành quá hạn</source>
        <translation>Completed late</translation>
    </message>
    <message>
        <location filename="../../meeting_client/ui/directives/dashboard.py" line="87"/>
        <source>Chưa hoàn thành, trong hạn</source>
        <translation>Open, not yet due</translation>
    </message>
    <message>
        <location filename="../../meeting_client/ui/directives/dashboard.py" line="88"/>
        <source>Quá hạn</source>
        <translation>Overdue</translation>
    </message>
    <message>
        <location filename="../../meeting_client/ui/directives/dashboard.py" line="94"/>
        <source>Tổng số {0} nhiệm vụ · đúng hạn {1} · quá hạn đã xong {2} · trong hạn {3} · quá hạn {4} (trên 30 ngày: {5}) · không hạn {6} · tỷ lệ đúng hạn {7}</source>
        <translation>{0} directives · on time {1} · completed late {2} · not yet due {3} · overdue {4} (over 30 days: {5}) · no deadline {6} · on-time rate {7}</translation>
    </message>
    <message>
        <location filename="../../meeting_client/ui/directives/dashboard.py" line="134"/>
        <source>Bảng tính Excel (*.xlsx)</source>
        <translation>Excel workbook (*.xlsx)</translation>
    </message>
    <message>
        <location filename="../../meeting_client/ui/directives/dashboard.py" line="135"/>
        <source>Tài liệu PDF (*.pdf)</source>
        <translation>PDF document (*.pdf)</translation>
    </message>
    <message>
        <location filename="../../meeting_client/ui/directives/dashboard.py" line="136"/>
        <source>Lưu báo cáo</source>
        <translation>Save the report</translation>
    </message>
    <message>
        <location filename="../../meeting_client/ui/directives/dashboard.py" line="144"/>
        <source>Đang xuất báo cáo…</source>
        <translation>Exporting the report…</translation>
    </message>
    <message>
        <location filename="../../meeting_client/ui/directives/dashboard.py" line="154"/>
        <source>Đã lưu {0}</source>
        <translation>Saved {0}</translation>
    </message>
    <message>
        <location filename="../../meeting_client/ui/directives/dashboard.py" line="157"/>
        <source>Không lưu được {0}: {1}</source>
        <translation>Could not save {0}: {1}</translation>
    </message>
</context>
<context>
    <name>DirectivesPage</name>
    <message>
        <location filename="../../meeting_client/ui/directives/page.py" line="42"/>
        <source>Việc của tôi</source>
        <translation>My directives</translation>
    </message>
    <message>
        <location filename="../../meeting_client/ui/directives/page.py" line="42"/>
        <source>Tôi giao</source>
        <translation>Issued by me</translation>
    </message>
    <message>
        <location filename="../../meeting_client/ui/directives/page.py" line="44"/>
        <source>Tất cả</source>
        <translation>All</translation>
    </message>
    <message>
        <location filename="../../meeting_client/ui/directives/page.py" line="44"/>
        <source>Tổng hợp</source>
        <translation>Dashboard</translation>
    </message>
    <message>
        <location filename="../../meeting_client/ui/directives/page.py" line="52"/>
        <source>Chỉ việc quá hạn</source>
        <translation>Overdue only</translation>
    </message>
</context>
<context>
    <name>DocumentCenter</name>
    <message>
        <location filename="../../meeting_client/models/document_model.py" line="247"/>
        <source>Không tìm thấy tài liệu.</source>
        <translation>Document not found.</translation>
    </message>
</context>
<context>
    <name>DocumentListModel</name>
    <message>
        <location filename="../../meeting_client/models/document_model.py" line="96"/>
        <source> · mật</source>
        <translation> · confidential</translation>
    </message>
    <message>
        <location filename="../../meeting_client/models/document_model.py" line="96"/>
        <source> · hạn chế</source>
        <translation> · restricted</translation>
    </message>
    <message>
        <location filename="../../meeting_client/models/document_model.py" line="97"/>
        <source>đã tải</source>
        <translation>downloaded</translation>
    </message>
    <message>
        <location filename="../../meeting_client/models/document_model.py" line="97"/>
        <source>đang tải…</source>
        <translation>downloading…</translation>
    </message>
    <message>
        <location filename="../../meeting_client/models/document_model.py" line="98"/>
        <source> · bản %1</source>
        <translation> · version %1</translation>
    </message>
</context>
<context>
    <name>DocumentsPage</name>
    <message>
        <location filename="../../meeting_client/ui/reader/documents_page.py" line="77"/>
        <source>Đang lấy danh sách tài liệu…</source>
        <translation>Fetching the list of papers…</translation>
    </message>
    <message>
        <location filename="../../meeting_client/ui/reader/documents_page.py" line="80"/>
        <source>Trình chiếu cho cả phòng</source>
        <translation>Present to the room</translation>
    </message>
    <message>
        <location filename="../../meeting_client/ui/reader/documents_page.py" line="84"/>
        <source>Theo dõi người trình bày</source>
        <translation>Follow the presenter</translation>
    </message>
    <message>
        <location filename="../../meeting_client/ui/reader/documents_page.py" line="89"/>
        <source>Tải lên tài liệu…</source>
        <translation>Upload a paper…</translation>
    </message>
    <message>
        <location filename="../../meeting_client/ui/reader/documents_page.py" line="92"/>
        <source>Ai đã đọc tài liệu này?</source>
        <translation>Who has read this paper?</translation>
    </message>
    <message>
        <location filename="../../meeting_client/ui/reader/documents_page.py" line="109"/>
        <source>Tài liệu kỳ họp</source>
        <translation>Meeting papers</translation>
    </message>
    <message>
        <location filename="../../meeting_client/ui/reader/documents_page.py" line="201"/>
        <source>Chọn tài liệu để tải lên</source>
        <translation>Choose a paper to upload</translation>
    </message>
    <message>
        <location filename="../../meeting_client/ui/reader/documents_page.py" line="202"/>
        <source>Tài liệu (*.pdf *.doc *.docx *.xls *.xlsx *.ppt *.pptx *.odt *.ods *.odp)</source>
        <translation>Papers (*.pdf *.doc *.docx *.xls *.xlsx *.ppt *.pptx *.odt *.ods *.odp)</translation>
    </message>
    <message>
        <location filename="../../meeting_client/ui/reader/documents_page.py" line="208"/>
        <source>Đang tải lên…</source>
        <translation>Uploading…</translation>
    </message>
    <message>
        <location filename="../../meeting_client/ui/reader/documents_page.py" line="213"/>
        <source>Đang tải lên: %1%</source>
        <translation>Uploading: %1%</translation>
    </message>
    <message>
        <location filename="../../meeting_client/ui/reader/documents_page.py" line="217"/>
        <source>Đã tải lên: %1</source>
        <translation>Uploaded: %1</translation>
    </message>
    <message>
        <location filename="../../meeting_client/ui/reader/documents_page.py" line="234"/>
        <source>Chưa có tài liệu nào.</source>
        <translation>No papers yet.</translation>
    </message>
    <message>
        <location filename="../../meeting_client/ui/reader/documents_page.py" line="240"/>
        <source>Đang tải tài liệu về máy: %1%</source>
        <translation>Downloading papers: %1%</translation>
    </message>
    <message>
        <location filename="../../meeting_client/ui/reader/documents_page.py" line="250"/>
        <source>Đã tải đủ %1 tài liệu; đọc được cả khi mất kết nối.</source>
        <translation>All %1 papers downloaded; readable even offline.</translation>
    </message>
</context>
<context>
    <name>EntryForm</name>
    <message>
        <location filename="../../meeting_client/ui/registry/entry_form.py" line="75"/>
        <source>Tự động</source>
        <translation>Automatic</translation>
    </message>
    <message>
        <location filename="../../meeting_client/ui/registry/entry_form.py" line="79"/>
        <source>Văn bản mật</source>
        <translation>Confidential document</translation>
    </message>
    <message>
        <location filename="../../meeting_client/ui/registry/entry_form.py" line="90"/>
        <location filename="../../meeting_client/ui/registry/entry_form.py" line="172"/>
        <source>Vào sổ</source>
        <translation>Register</translation>
    </message>
    <message>
        <location filename="../../meeting_client/ui/registry/entry_form.py" line="91"/>
        <source>Hủy bỏ</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <location filename="../../meeting_client/ui/registry/entry_form.py" line="94"/>
        <source>Số, ký hiệu</source>
        <translation>Number and symbol</translation>
    </message>
    <message>
        <location filename="../../meeting_client/ui/registry/entry_form.py" line="95"/>
        <source>Ngày tháng văn bản</source>
        <translation>Document date</translation>
    </message>
    <message>
        <location filename="../../meeting_client/ui/registry/entry_form.py" line="96"/>
        <source>Cơ quan ban hành</source>
        <translation>Issuing body</translation>
    </message>
    <message>
        <location filename="../../meeting_client/ui/registry/entry_form.py" line="97"/>
        <source>Tên loại</source>
        <translation>Document type</translation>
    </message>
    <message>
        <location filename="../../meeting_client/ui/registry/entry_form.py" line="98"/>
        <source>Trích yếu nội dung</source>
        <translation>Summary</translation>
    </message>
    <message>
        <location filename="../../meeting_client/ui/registry/entry_form.py" line="99"/>
        <location filename="../../meeting_client/ui/registry/entry_form.py" line="186"/>
        <source>Ngày đến</source>
        <translation>Date received</translation>
    </message>
    <message>
        <location filename="../../meeting_client/ui/registry/entry_form.py" line="104"/>
        <source>Số đến / số đi</source>
        <translation>Register number</translation>
    </message>
    <message>
        <location filename="../../meeting_client/ui/registry/entry_form.py" line="105"/>
        <source>Độ khẩn</source>
        <translation>Urgency</translation>
    </message>
    <message>
        <location filename="../../meeting_client/ui/registry/entry_form.py" line="107"/>
        <source>Nơi nhận / người nhận</source>
        <translation>Recipients</translation>
    </message>
    <message>
        <location filename="../../meeting_client/ui/registry/entry_form.py" line="108"/>
        <source>Người ký</source>
        <translation>Signed by</translation>
    </message>
    <message>
        <location filename="../../meeting_client/ui/registry/entry_form.py" line="110"/>
        <source>Ghi chú</source>
        <translation>Note</translation>
    </message>
    <message>
        <location filename="../../meeting_client/ui/registry/entry_form.py" line="148"/>
        <source>Sửa thông tin văn bản số %1</source>
        <translation>Correct entry no. %1</translation>
    </message>
    <message>
        <location filename="../../meeting_client/ui/registry/entry_form.py" line="150"/>
        <source>Lưu thay đổi</source>
        <translation>Save changes</translation>
    </message>
    <message>
        <location filename="../../meeting_client/ui/registry/entry_form.py" line="184"/>
        <source>Đăng ký văn bản đến</source>
        <translation>Register an incoming document</translation>
    </message>
    <message>
        <location filename="../../meeting_client/ui/registry/entry_form.py" line="185"/>
        <source>Đăng ký văn bản đi</source>
        <translation>Register an outgoing document</translation>
    </message>
    <message>
        <location filename="../../meeting_client/ui/registry/entry_form.py" line="187"/>
        <source>Ngày vào sổ</source>
        <translation>Date registered</translation>
    </message>
    <message>
        <location filename="../../meeting_client/ui/registry/entry_form.py" line="230"/>
        <source>Cần nhập số ký hiệu, cơ quan ban hành và trích yếu.</source>
        <translation>Enter the number and symbol, the issuing body and the summary.</translation>
    </message>
    <message>
        <location filename="../../meeting_client/ui/registry/entry_form.py" line="263"/>
        <source>Số %1 đã được dùng trong sổ năm %2.</source>
        <translation>Number %1 is already used in the %2 register.</translation>
    </message>
    <message>
        <location filename="../../meeting_client/ui/registry/entry_form.py" line="268"/>
        <source>Số tiếp theo của sổ năm %1: %2</source>
        <translation>Next number of the %1 register: %2</translation>
    </message>
    <message>
        <location filename="../../meeting_client/ui/registry/entry_form.py" line="276"/>
        <source>Có thể trùng: văn bản %1 của %2 đã vào sổ ngày %3 (số %4).</source>
        <translation>Possible duplicate: document %1 from %2 was registered on %3 (number %4).</translation>
    </message>
</context>
<context>
    <name>EntryPage</name>
    <message>
        <location filename="../../meeting_client/ui/registry/entry_page.py" line="71"/>
        <source>← Sổ văn bản</source>
        <translation>← Register</translation>
    </message>
    <message>
        <location filename="../../meeting_client/ui/registry/entry_page.py" line="92"/>
        <source>Văn bản chưa có tệp đính kèm.</source>
        <translation>No file is attached to this document.</translation>
    </message>
    <message>
        <location filename="../../meeting_client/ui/registry/entry_page.py" line="105"/>
        <source>Ý kiến chỉ đạo của lãnh đạo</source>
        <translation>The leader&apos;s instruction</translation>
    </message>
    <message>
        <location filename="../../meeting_client/ui/registry/entry_page.py" line="110"/>
        <location filename="../../meeting_client/ui/registry/entry_page.py" line="220"/>
        <source>(hoặc chọn đơn vị)</source>
        <translation>(or choose a unit)</translation>
    </message>
    <message>
        <location filename="../../meeting_client/ui/registry/entry_page.py" line="111"/>
        <location filename="../../meeting_client/ui/registry/entry_page.py" line="123"/>
        <source>Chuyển xử lý</source>
        <translation>Route for handling</translation>
    </message>
    <message>
        <location filename="../../meeting_client/ui/registry/entry_page.py" line="113"/>
        <source>Giao thành chỉ đạo…</source>
        <translation>Turn into a directive…</translation>
    </message>
    <message>
        <location filename="../../meeting_client/ui/registry/entry_page.py" line="114"/>
        <source>Đưa vào chương trình họp…</source>
        <translation>Put on a meeting&apos;s agenda…</translation>
    </message>
    <message>
        <location filename="../../meeting_client/ui/registry/entry_page.py" line="115"/>
        <source>Hủy văn bản…</source>
        <translation>Cancel the entry…</translation>
    </message>
    <message>
        <location filename="../../meeting_client/ui/registry/entry_page.py" line="116"/>
        <source>Sửa…</source>
        <translation>Correct…</translation>
    </message>
    <message>
        <location filename="../../meeting_client/ui/registry/entry_page.py" line="121"/>
        <source>Đánh dấu đã xử lý</source>
        <translation>Mark as handled</translation>
    </message>
    <message>
        <location filename="../../meeting_client/ui/registry/entry_page.py" line="125"/>
        <source>Người xử lý</source>
        <translation>Handler</translation>
    </message>
    <message>
        <location filename="../../meeting_client/ui/registry/entry_page.py" line="126"/>
        <source>Đơn vị xử lý</source>
        <translation>Handling unit</translation>
    </message>
    <message>
        <location filename="../../meeting_client/ui/registry/entry_page.py" line="127"/>
        <source>Ý kiến chỉ đạo</source>
        <translation>Instruction</translation>
    </message>
    <message>
        <location filename="../../meeting_client/ui/registry/entry_page.py" line="128"/>
        <source>Hạn xử lý</source>
        <translation>Deadline</translation>
    </message>
    <message>
        <location filename="../../meeting_client/ui/registry/entry_page.py" line="138"/>
        <source>Quá trình xử lý</source>
        <translation>Handling history</translation>
    </message>
    <message>
        <location filename="../../meeting_client/ui/registry/entry_page.py" line="140"/>
        <source>Liên kết</source>
        <translation>Links</translation>
    </message>
    <message>
        <location filename="../../meeting_client/ui/registry/entry_page.py" line="212"/>
        <source>(chọn người)</source>
        <translation>(choose a person)</translation>
    </message>
    <message>
        <location filename="../../meeting_client/ui/registry/entry_page.py" line="231"/>
        <source>Đã giao chỉ đạo số %1.</source>
        <translation>Directive no. %1 issued.</translation>
    </message>
    <message>
        <location filename="../../meeting_client/ui/registry/entry_page.py" line="239"/>
        <source>Đã đưa văn bản vào chương trình họp.</source>
        <translation>The document is on the meeting&apos;s agenda.</translation>
    </message>
    <message>
        <location filename="../../meeting_client/ui/registry/entry_page.py" line="242"/>
        <source>Đã hủy văn bản (số vẫn giữ trong sổ).</source>
        <translation>Entry cancelled (its number stays in the register).</translation>
    </message>
    <message>
        <location filename="../../meeting_client/ui/registry/entry_page.py" line="254"/>
        <source>Đã đính kèm tệp vào văn bản.</source>
        <translation>The file is attached to the document.</translation>
    </message>
    <message>
        <location filename="../../meeting_client/ui/registry/entry_page.py" line="257"/>
        <source>Đã chuyển xử lý.</source>
        <translation>Routed.</translation>
    </message>
    <message>
        <location filename="../../meeting_client/ui/registry/entry_page.py" line="258"/>
        <source>Đã đánh dấu đã xử lý.</source>
        <translation>Marked as handled.</translation>
    </message>
    <message>
        <location filename="../../meeting_client/ui/registry/entry_page.py" line="272"/>
        <source>Sổ văn bản đến</source>
        <translation>Incoming register</translation>
    </message>
    <message>
        <location filename="../../meeting_client/ui/registry/entry_page.py" line="273"/>
        <source>Sổ văn bản đi</source>
        <translation>Outgoing register</translation>
    </message>
    <message>
        <location filename="../../meeting_client/ui/registry/entry_page.py" line="275"/>
        <source>Đã vào sổ</source>
        <translation>Registered</translation>
    </message>
    <message>
        <location filename="../../meeting_client/ui/registry/entry_page.py" line="275"/>
        <source>Đang xử lý</source>
        <translation>Being handled</translation>
    </message>
    <message>
        <location filename="../../meeting_client/ui/registry/entry_page.py" line="276"/>
        <source>Đã xử lý</source>
        <translation>Handled</translation>
    </message>
    <message>
        <location filename="../../meeting_client/ui/registry/entry_page.py" line="276"/>
        <source>Đã hủy</source>
        <translation>Cancelled</translation>
    </message>
    <message>
        <location filename="../../meeting_client/ui/registry/entry_page.py" line="293"/>
        <source> → người xử lý %1</source>
        <translation> → handler %1</translation>
    </message>
    <message>
        <location filename="../../meeting_client/ui/registry/entry_page.py" line="295"/>
        <source>, hạn %1</source>
        <translation>, due %1</translation>
    </message>
    <message>
        <location filename="../../meeting_client/ui/registry/entry_page.py" line="304"/>
        <source>Chỉ đạo số %1</source>
        <translation>Directive %1</translation>
    </message>
    <message>
        <location filename="../../meeting_client/ui/registry/entry_page.py" line="307"/>
        <source>Cuộc họp %1</source>
        <translation>Meeting %1</translation>
    </message>
    <message>
        <location filename="../../meeting_client/ui/registry/entry_page.py" line="309"/>
        <source>, mục %1</source>
        <translation>, item %1</translation>
    </message>
    <message>
        <location filename="../../meeting_client/ui/registry/entry_page.py" line="339"/>
        <source>Hãy chọn người hoặc đơn vị xử lý.</source>
        <translation>Choose a handler or a unit.</translation>
    </message>
    <message>
        <location filename="../../meeting_client/ui/registry/entry_page.py" line="374"/>
        <source>Hủy văn bản</source>
        <translation>Cancel the entry</translation>
    </message>
    <message>
        <location filename="../../meeting_client/ui/registry/entry_page.py" line="375"/>
        <source>Lý do hủy (số của văn bản vẫn giữ trong sổ):</source>
        <translation>Reason (the entry&apos;s number stays in the register):</translation>
    </message>
</context>
<context>
    <name>EventEditor</name>
    <message>
        <location filename="../../meeting_client/ui/calendar/editor.py" line="38"/>
        <source>Không lặp lại</source>
        <translation>Does not repeat</translation>
    </message>
    <message>
        <location filename="../../meeting_client/ui/calendar/editor.py" line="39"/>
        <source>Hằng tuần</source>
        <translation>Weekly</translation>
    </message>
    <message>
        <location filename="../../meeting_client/ui/calendar/editor.py" line="41"/>
        <source>Các ngày làm việc</source>
        <translation>Every working day</translation>
    </message>
    <message>
        <location filename="../../meeting_client/ui/calendar/editor.py" line="54"/>
        <source>Sửa lịch công tác</source>
        <translation>Edit calendar event</translation>
    </message>
    <message>
        <location filename="../../meeting_client/ui/calendar/editor.py" line="55"/>
        <source>Thêm lịch công tác</source>
        <translation>Add calendar event</translation>
    </message>
    <message>
        <location filename="../../meeting_client/ui/calendar/editor.py" line="75"/>
        <source>— Không đặt phòng —</source>
        <translation>— No room —</translation>
    </message>
    <message>
        <location filename="../../meeting_client/ui/calendar/editor.py" line="83"/>
        <source>— Chưa phân công —</source>
        <translation>— Not assigned —</translation>
    </message>
    <message>
        <location filename="../../meeting_client/ui/calendar/editor.py" line="84"/>
        <source>— Không ủy quyền —</source>
        <translation>— Not delegated —</translation>
    </message>
    <message>
        <location filename="../../meeting_client/ui/calendar/editor.py" line="108"/>
        <source>Những người liên quan</source>
        <translation>Those involved</translation>
    </message>
    <message>
        <location filename="../../meeting_client/ui/calendar/editor.py" line="109"/>
        <source>Toàn cơ quan</source>
        <translation>The whole organisation</translation>
    </message>
    <message>
        <location filename="../../meeting_client/ui/calendar/editor.py" line="117"/>
        <source>Lưu</source>
        <translation>Save</translation>
    </message>
    <message>
        <location filename="../../meeting_client/ui/calendar/editor.py" line="119"/>
        <source>Hủy lịch này</source>
        <translation>Cancel this event</translation>
    </message>
    <message>
        <location filename="../../meeting_client/ui/calendar/editor.py" line="122"/>
        <source>Đóng</source>
        <translation>Close</translation>
    </message>
    <message>
        <location filename="../../meeting_client/ui/calendar/editor.py" line="137"/>
        <source>Nội dung</source>
        <translation>Business</translation>
    </message>
    <message>
        <location filename="../../meeting_client/ui/calendar/editor.py" line="140"/>
        <source>từ</source>
        <translation>from</translation>
    </message>
    <message>
        <location filename="../../meeting_client/ui/calendar/editor.py" line="142"/>
        <source>đến</source>
        <translation>to</translation>
    </message>
    <message>
        <location filename="../../meeting_client/ui/calendar/editor.py" line="144"/>
        <source>Thời gian</source>
        <translation>Time</translation>
    </message>
    <message>
        <location filename="../../meeting_client/ui/calendar/editor.py" line="145"/>
        <source>Lặp lại</source>
        <translation>Repeat</translation>
    </message>
    <message>
        <location filename="../../meeting_client/ui/calendar/editor.py" line="146"/>
        <source>Phòng họp</source>
        <translation>Room</translation>
    </message>
    <message>
        <location filename="../../meeting_client/ui/calendar/editor.py" line="147"/>
        <source>Địa điểm</source>
        <translation>Place</translation>
    </message>
    <message>
        <location filename="../../meeting_client/ui/calendar/editor.py" line="148"/>
        <source>Chủ trì</source>
        <translation>Presiding</translation>
    </message>
    <message>
        <location filename="../../meeting_client/ui/calendar/editor.py" line="149"/>
        <source>Ủy quyền cho</source>
        <translation>Delegated to</translation>
    </message>
    <message>
        <location filename="../../meeting_client/ui/calendar/editor.py" line="150"/>
        <source>Thành phần</source>
        <translation>Attendees</translation>
    </message>
    <message>
        <location filename="../../meeting_client/ui/calendar/editor.py" line="151"/>
        <source>Hiển thị cho</source>
        <translation>Visible to</translation>
    </message>
    <message>
        <location filename="../../meeting_client/ui/calendar/editor.py" line="152"/>
        <source>Ghi chú</source>
        <translation>Notes</translation>
    </message>
    <message>
        <location filename="../../meeting_client/ui/calendar/editor.py" line="153"/>
        <source>Tệp đính kèm</source>
        <translation>Attachments</translation>
    </message>
    <message>
        <location filename="../../meeting_client/ui/calendar/editor.py" line="247"/>
        <source>người chủ trì</source>
        <translation>the presiding person</translation>
    </message>
    <message>
        <location filename="../../meeting_client/ui/calendar/editor.py" line="247"/>
        <source>thành phần</source>
        <translation>an attendee</translation>
    </message>
    <message>
        <location filename="../../meeting_client/ui/calendar/editor.py" line="248"/>
        <source>phòng họp</source>
        <translation>the room</translation>
    </message>
    <message>
        <location filename="../../meeting_client/ui/calendar/editor.py" line="250"/>
        <source>Trùng lịch ({what}) với: {title}</source>
        <translation>Double-booked ({what}) with: {title}</translation>
    </message>
    <message>
        <location filename="../../meeting_client/ui/calendar/editor.py" line="260"/>
        <source>Hãy nhập nội dung công việc.</source>
        <translation>Enter what the event is about.</translation>
    </message>
    <message>
        <location filename="../../meeting_client/ui/calendar/editor.py" line="263"/>
        <source>Đang lưu…</source>
        <translation>Saving…</translation>
    </message>
    <message>
        <location filename="../../meeting_client/ui/calendar/editor.py" line="303"/>
        <source>Đã lưu. Lịch bị trùng như trên — có thể ủy quyền cho người khác dự thay.</source>
        <translation>Saved. Double-booked as shown — someone may attend in the host&apos;s place.</translation>
    </message>
</context>
<context>
    <name>FollowBanner</name>
    <message>
        <location filename="../../meeting_client/ui/reader/reader_widget.py" line="69"/>
        <source>Quay lại theo dõi</source>
        <translation>Follow again</translation>
    </message>
    <message>
        <location filename="../../meeting_client/ui/reader/reader_widget.py" line="78"/>
        <source>, trang %1</source>
        <translation>, page %1</translation>
    </message>
    <message>
        <location filename="../../meeting_client/ui/reader/reader_widget.py" line="80"/>
        <source>Đang theo dõi người trình bày: %1%2</source>
        <translation>Following the presenter: %1%2</translation>
    </message>
    <message>
        <location filename="../../meeting_client/ui/reader/reader_widget.py" line="84"/>
        <source>Bạn đang tự xem tài liệu. %1 đang trình bày%2.</source>
        <translation>You are reading on your own. %1 is presenting%2.</translation>
    </message>
</context>
<context>
    <name>FollowController</name>
    <message>
        <location filename="../../meeting_client/models/document_model.py" line="379"/>
        <source>Người trình bày</source>
        <translation>Presenter</translation>
    </message>
</context>
<context>
    <name>GeneralTab</name>
    <message>
        <location filename="../../meeting_client/ui/preparation/general_tab.py" line="60"/>
        <source>Ví dụ: Kỳ họp thứ Tư, HĐND thành phố khóa XV</source>
        <translation>E.g. Fourth session, City People&apos;s Council, 15th term</translation>
    </message>
    <message>
        <location filename="../../meeting_client/ui/preparation/general_tab.py" line="63"/>
        <source>Ví dụ: HỘI ĐỒNG NHÂN DÂN THÀNH PHỐ MÓNG CÁI</source>
        <translation>E.g. HỘI ĐỒNG NHÂN DÂN THÀNH PHỐ MÓNG CÁI</translation>
    </message>
    <message>
        <location filename="../../meeting_client/ui/preparation/general_tab.py" line="73"/>
        <source>Lưu thông tin chung</source>
        <translation>Save general details</translation>
    </message>
    <message>
        <location filename="../../meeting_client/ui/preparation/general_tab.py" line="76"/>
        <source>Tên cuộc họp</source>
        <translation>Title</translation>
    </message>
    <message>
        <location filename="../../meeting_client/ui/preparation/general_tab.py" line="77"/>
        <source>Loại cuộc họp</source>
        <translation>Kind of meeting</translation>
    </message>
    <message>
        <location filename="../../meeting_client/ui/preparation/general_tab.py" line="78"/>
        <source>Cơ quan chủ trì</source>
        <translation>Presiding body</translation>
    </message>
    <message>
        <location filename="../../meeting_client/ui/preparation/general_tab.py" line="79"/>
        <source>Bắt đầu</source>
        <translation>Starts</translation>
    </message>
    <message>
        <location filename="../../meeting_client/ui/preparation/general_tab.py" line="80"/>
        <source>Dự kiến kết thúc</source>
        <translation>Planned end</translation>
    </message>
    <message>
        <location filename="../../meeting_client/ui/preparation/general_tab.py" line="81"/>
        <source>Địa điểm</source>
        <translation>Place</translation>
    </message>
    <message>
        <location filename="../../meeting_client/ui/preparation/general_tab.py" line="82"/>
        <source>Số lượng tối thiểu có mặt</source>
        <translation>Quorum</translation>
    </message>
    <message>
        <location filename="../../meeting_client/ui/preparation/general_tab.py" line="83"/>
        <source>Biểu quyết thông qua</source>
        <translation>Passing majority</translation>
    </message>
</context>
<context>
    <name>HallControl</name>
    <message>
        <location filename="../../meeting_client/ui/hall_control.py" line="26"/>
        <source>Tự động theo diễn biến</source>
        <translation>Follow the session</translation>
    </message>
    <message>
        <location filename="../../meeting_client/ui/hall_control.py" line="27"/>
        <source>Nội dung đang thảo luận</source>
        <translation>Current item</translation>
    </message>
    <message>
        <location filename="../../meeting_client/ui/hall_control.py" line="28"/>
        <source>Đại biểu đang phát biểu</source>
        <translation>Current speaker</translation>
    </message>
    <message>
        <location filename="../../meeting_client/ui/hall_control.py" line="29"/>
        <source>Kết quả biểu quyết gần nhất</source>
        <translation>Latest vote result</translation>
    </message>
    <message>
        <location filename="../../meeting_client/ui/hall_control.py" line="30"/>
        <source>Điểm danh</source>
        <translation>Roll call</translation>
    </message>
    <message>
        <location filename="../../meeting_client/ui/hall_control.py" line="46"/>
        <source>Mở màn hình hội trường</source>
        <translation>Open the hall display</translation>
    </message>
    <message>
        <location filename="../../meeting_client/ui/hall_control.py" line="49"/>
        <source>Màn hình hội trường</source>
        <translation>Hall display</translation>
    </message>
    <message>
        <location filename="../../meeting_client/ui/hall_control.py" line="51"/>
        <source>Chọn nội dung hiển thị trên mọi màn hình hội trường. Khi đang biểu quyết, màn hình luôn hiển thị tiến độ biểu quyết.</source>
        <translation>Choose what every hall screen shows. During a vote, the screens always show its progress.</translation>
    </message>
    <message>
        <location filename="../../meeting_client/ui/hall_control.py" line="82"/>
        <source>nội dung đang thảo luận</source>
        <translation>the current item</translation>
    </message>
    <message>
        <location filename="../../meeting_client/ui/hall_control.py" line="83"/>
        <source>đại biểu đang phát biểu</source>
        <translation>the current speaker</translation>
    </message>
    <message>
        <location filename="../../meeting_client/ui/hall_control.py" line="84"/>
        <source>tiến độ biểu quyết</source>
        <translation>the vote in progress</translation>
    </message>
    <message>
        <location filename="../../meeting_client/ui/hall_control.py" line="85"/>
        <source>kết quả biểu quyết</source>
        <translation>the vote result</translation>
    </message>
    <message>
        <location filename="../../meeting_client/ui/hall_control.py" line="86"/>
        <source>điểm danh</source>
        <translation>the roll call</translation>
    </message>
    <message>
        <location filename="../../meeting_client/ui/hall_control.py" line="87"/>
        <source>trang tài liệu đang trình chiếu</source>
        <translation>the presented page</translation>
    </message>
    <message>
        <location filename="../../meeting_client/ui/hall_control.py" line="89"/>
        <source>Đang hiển thị: %1</source>
        <translation>Showing: %1</translation>
    </message>
</context>
<context>
    <name>HallDisplay</name>
    <message>
        <location filename="../../meeting_client/ui/hall_display.py" line="60"/>
        <location filename="../../meeting_client/ui/hall_display.py" line="179"/>
        <source>Nội dung</source>
        <translation>Item</translation>
    </message>
    <message>
        <location filename="../../meeting_client/ui/hall_display.py" line="71"/>
        <source>Đang phát biểu</source>
        <translation>Speaking</translation>
    </message>
    <message>
        <location filename="../../meeting_client/ui/hall_display.py" line="86"/>
        <source>Đang biểu quyết</source>
        <translation>Voting</translation>
    </message>
    <message>
        <location filename="../../meeting_client/ui/hall_display.py" line="105"/>
        <source>Điểm danh đại biểu</source>
        <translation>Roll call</translation>
    </message>
    <message>
        <location filename="../../meeting_client/ui/hall_display.py" line="171"/>
        <source>Có mặt %1/%2</source>
        <translation>Present %1/%2</translation>
    </message>
    <message>
        <location filename="../../meeting_client/ui/hall_display.py" line="174"/>
        <source>Đủ số lượng đại biểu theo quy định</source>
        <translation>Quorum met</translation>
    </message>
    <message>
        <location filename="../../meeting_client/ui/hall_display.py" line="175"/>
        <source>Chưa đủ số lượng: cần %1 đại biểu</source>
        <translation>No quorum: %1 delegates needed</translation>
    </message>
    <message>
        <location filename="../../meeting_client/ui/hall_display.py" line="178"/>
        <source>Kỳ họp chưa bắt đầu nội dung</source>
        <translation>No item has been taken up yet</translation>
    </message>
    <message>
        <location filename="../../meeting_client/ui/hall_display.py" line="184"/>
        <source>Kỳ họp đã bế mạc</source>
        <translation>The session has ended</translation>
    </message>
    <message>
        <location filename="../../meeting_client/ui/hall_display.py" line="188"/>
        <source>Ghế %1</source>
        <translation>Seat %1</translation>
    </message>
    <message>
        <location filename="../../meeting_client/ui/hall_display.py" line="191"/>
        <source>Đã biểu quyết %1/%2</source>
        <translation>Voted %1/%2</translation>
    </message>
</context>
<context>
    <name>HallPaper</name>
    <message>
        <location filename="../../meeting_client/ui/hall_paper.py" line="43"/>
        <source>Đang tải tài liệu trình chiếu…</source>
        <translation>Loading the presented paper…</translation>
    </message>
    <message>
        <location filename="../../meeting_client/ui/hall_paper.py" line="77"/>
        <source>Không mở được tài liệu trình chiếu.</source>
        <translation>The presented paper could not be opened.</translation>
    </message>
</context>
<context>
    <name>InvitationTab</name>
    <message>
        <location filename="../../meeting_client/ui/preparation/invitation_tab.py" line="44"/>
        <source>Xem giấy mời</source>
        <translation>Preview invitation</translation>
    </message>
    <message>
        <location filename="../../meeting_client/ui/preparation/invitation_tab.py" line="46"/>
        <source>Lưu giấy mời (PDF)…</source>
        <translation>Save invitation (PDF)…</translation>
    </message>
    <message>
        <location filename="../../meeting_client/ui/preparation/invitation_tab.py" line="68"/>
        <source>Tham dự: %1 · Vắng mặt: %2 · Chưa trả lời: %3</source>
        <translation>Attending: %1 · Absent: %2 · No reply: %3</translation>
    </message>
    <message>
        <location filename="../../meeting_client/ui/preparation/invitation_tab.py" line="90"/>
        <source>Lưu giấy mời</source>
        <translation>Save invitation</translation>
    </message>
    <message>
        <location filename="../../meeting_client/ui/preparation/invitation_tab.py" line="91"/>
        <source>Tệp PDF (*.pdf)</source>
        <translation>PDF files (*.pdf)</translation>
    </message>
</context>
<context>
    <name>ItemTimer</name>
    <message>
        <location filename="../../meeting_client/ui/item_timer.py" line="52"/>
        <source>Nội dung đang thảo luận: %1</source>
        <translation>Current item: %1</translation>
    </message>
    <message>
        <location filename="../../meeting_client/ui/item_timer.py" line="56"/>
        <source>Nội dung đang thảo luận: %1 / dự kiến %2</source>
        <translation>Current item: %1 / planned %2</translation>
    </message>
</context>
<context>
    <name>Labels</name>
    <message>
        <location filename="../../meeting_client/models/labels.py" line="20"/>
        <source>Đồng ý</source>
        <translation>Agree</translation>
    </message>
    <message>
        <location filename="../../meeting_client/models/labels.py" line="22"/>
        <source>Không đồng ý</source>
        <translation>Disagree</translation>
    </message>
    <message>
        <location filename="../../meeting_client/models/labels.py" line="24"/>
        <source>Không biểu quyết</source>
        <translation>Abstain</translation>
    </message>
    <message>
        <location filename="../../meeting_client/models/labels.py" line="30"/>
        <source>Thông qua</source>
        <translation>Passed</translation>
    </message>
    <message>
        <location filename="../../meeting_client/models/labels.py" line="32"/>
        <source>Không thông qua</source>
        <translation>Rejected</translation>
    </message>
    <message>
        <location filename="../../meeting_client/models/labels.py" line="38"/>
        <source>Đa số phiếu (Đồng ý nhiều hơn Không đồng ý)</source>
        <translation>Simple majority (more Agree than Disagree)</translation>
    </message>
    <message>
        <location filename="../../meeting_client/models/labels.py" line="40"/>
        <source>Quá nửa tổng số đại biểu</source>
        <translation>More than half of all delegates</translation>
    </message>
    <message>
        <location filename="../../meeting_client/models/labels.py" line="42"/>
        <source>Hai phần ba tổng số đại biểu</source>
        <translation>Two thirds of all delegates</translation>
    </message>
    <message>
        <location filename="../../meeting_client/models/labels.py" line="48"/>
        <source>Chủ tọa</source>
        <translation>Chair</translation>
    </message>
    <message>
        <location filename="../../meeting_client/models/labels.py" line="49"/>
        <source>Thư ký</source>
        <translation>Clerk</translation>
    </message>
    <message>
        <location filename="../../meeting_client/models/labels.py" line="50"/>
        <source>Đại biểu</source>
        <translation>Delegate</translation>
    </message>
    <message>
        <location filename="../../meeting_client/models/labels.py" line="51"/>
        <source>Khách mời</source>
        <translation>Guest</translation>
    </message>
    <message>
        <location filename="../../meeting_client/models/labels.py" line="52"/>
        <source>Màn hình hội trường</source>
        <translation>Hall screen</translation>
    </message>
    <message>
        <location filename="../../meeting_client/models/labels.py" line="53"/>
        <source>Quản trị</source>
        <translation>Administrator</translation>
    </message>
    <message>
        <location filename="../../meeting_client/models/labels.py" line="54"/>
        <source>Phó Chủ tọa</source>
        <translation>Vice-chair</translation>
    </message>
    <message>
        <location filename="../../meeting_client/models/labels.py" line="55"/>
        <source>Khách mời (phát biểu)</source>
        <translation>Invited guest (may speak)</translation>
    </message>
    <message>
        <location filename="../../meeting_client/models/labels.py" line="61"/>
        <source>Sắp diễn ra</source>
        <translation>Scheduled</translation>
    </message>
    <message>
        <location filename="../../meeting_client/models/labels.py" line="62"/>
        <source>Đang họp</source>
        <translation>In session</translation>
    </message>
    <message>
        <location filename="../../meeting_client/models/labels.py" line="63"/>
        <location filename="../../meeting_client/models/labels.py" line="73"/>
        <source>Đã kết thúc</source>
        <translation>Ended</translation>
    </message>
    <message>
        <location filename="../../meeting_client/models/labels.py" line="64"/>
        <source>Bản nháp</source>
        <translation>Draft</translation>
    </message>
    <message>
        <location filename="../../meeting_client/models/labels.py" line="65"/>
        <source>Đã hủy</source>
        <translation>Cancelled</translation>
    </message>
    <message>
        <location filename="../../meeting_client/models/labels.py" line="71"/>
        <source>Chưa mở</source>
        <translation>Not opened</translation>
    </message>
    <message>
        <location filename="../../meeting_client/models/labels.py" line="72"/>
        <source>Đang biểu quyết</source>
        <translation>Voting</translation>
    </message>
    <message>
        <location filename="../../meeting_client/models/labels.py" line="80"/>
        <location filename="../../meeting_client/models/labels.py" line="154"/>
        <source>Có mặt %1/%2</source>
        <translation>Present %1/%2</translation>
    </message>
    <message>
        <location filename="../../meeting_client/models/labels.py" line="85"/>
        <source>Đủ số lượng</source>
        <translation>Quorum met</translation>
    </message>
    <message>
        <location filename="../../meeting_client/models/labels.py" line="87"/>
        <source>Chưa đủ số lượng</source>
        <translation>No quorum</translation>
    </message>
    <message>
        <location filename="../../meeting_client/models/labels.py" line="147"/>
        <source>Khai mạc kỳ họp</source>
        <translation>Session opened</translation>
    </message>
    <message>
        <location filename="../../meeting_client/models/labels.py" line="148"/>
        <source>Bế mạc kỳ họp</source>
        <translation>Session closed</translation>
    </message>
    <message>
        <location filename="../../meeting_client/models/labels.py" line="150"/>
        <source>Trạng thái kỳ họp thay đổi</source>
        <translation>Session status changed</translation>
    </message>
    <message>
        <location filename="../../meeting_client/models/labels.py" line="162"/>
        <source>%1 điểm danh — %2</source>
        <translation>%1 checked in — %2</translation>
    </message>
    <message>
        <location filename="../../meeting_client/models/labels.py" line="168"/>
        <source>%1 vắng mặt có lý do: %2</source>
        <translation>%1 absent (excused): %2</translation>
    </message>
    <message>
        <location filename="../../meeting_client/models/labels.py" line="174"/>
        <source>%1 rời phòng họp — %2</source>
        <translation>%1 left the chamber — %2</translation>
    </message>
    <message>
        <location filename="../../meeting_client/models/labels.py" line="180"/>
        <source>Chuyển sang nội dung: %1</source>
        <translation>Now on item: %1</translation>
    </message>
    <message>
        <location filename="../../meeting_client/models/labels.py" line="184"/>
        <source>%1 đăng ký phát biểu</source>
        <translation>%1 requested the floor</translation>
    </message>
    <message>
        <location filename="../../meeting_client/models/labels.py" line="186"/>
        <source>%1 rút đăng ký phát biểu</source>
        <translation>%1 withdrew the floor request</translation>
    </message>
    <message>
        <location filename="../../meeting_client/models/labels.py" line="195"/>
        <source>%1 kết thúc phát biểu (%2)</source>
        <translation>%1 finished speaking (%2)</translation>
    </message>
    <message>
        <location filename="../../meeting_client/models/labels.py" line="204"/>
        <source>Mở biểu quyết «%1»</source>
        <translation>Vote opened: “%1”</translation>
    </message>
    <message>
        <location filename="../../meeting_client/models/labels.py" line="220"/>
        <source>Kết thúc biểu quyết «%1»: %2</source>
        <translation>Vote closed: “%1”: %2</translation>
    </message>
    <message>
        <location filename="../../meeting_client/models/labels.py" line="237"/>
        <source>Thêm tài liệu: %1</source>
        <translation>Paper added: %1</translation>
    </message>
    <message>
        <location filename="../../meeting_client/models/labels.py" line="238"/>
        <source>Cập nhật tài liệu: %1</source>
        <translation>Paper updated: %1</translation>
    </message>
    <message>
        <location filename="../../meeting_client/models/labels.py" line="239"/>
        <source>Gỡ tài liệu</source>
        <translation>Paper removed</translation>
    </message>
    <message>
        <location filename="../../meeting_client/models/labels.py" line="240"/>
        <source>Kết thúc trình chiếu</source>
        <translation>Presentation ended</translation>
    </message>
    <message>
        <location filename="../../meeting_client/models/labels.py" line="241"/>
        <source>Chỉ định người trình bày: %1</source>
        <translation>Presenter named: %1</translation>
    </message>
    <message>
        <location filename="../../meeting_client/models/labels.py" line="243"/>
        <source>Thư ký cập nhật biên bản</source>
        <translation>The clerk updated the minutes</translation>
    </message>
    <message>
        <location filename="../../meeting_client/models/labels.py" line="244"/>
        <source>Cấp số biên bản: %1</source>
        <translation>Minutes numbered: %1</translation>
    </message>
    <message>
        <location filename="../../meeting_client/models/labels.py" line="245"/>
        <source>Ban hành thông báo kết luận: %1</source>
        <translation>Conclusion notice issued: %1</translation>
    </message>
    <message>
        <location filename="../../meeting_client/models/labels.py" line="247"/>
        <source>Đổi nội dung màn hình hội trường</source>
        <translation>Hall display changed</translation>
    </message>
    <message>
        <location filename="../../meeting_client/models/labels.py" line="190"/>
        <source>%1 được mời phát biểu</source>
        <translation>%1 was given the floor</translation>
    </message>
    <message>
        <location filename="../../meeting_client/models/labels.py" line="200"/>
        <source>Tạo biểu quyết: %1</source>
        <translation>Vote created: %1</translation>
    </message>
    <message>
        <location filename="../../meeting_client/models/labels.py" line="209"/>
        <source>Đã biểu quyết %1/%2</source>
        <translation>Voted %1/%2</translation>
    </message>
    <message>
        <location filename="../../meeting_client/models/labels.py" line="226"/>
        <source>Trình chiếu tài liệu, trang %1</source>
        <translation>Presenting a paper, page %1</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../../meeting_client/ui/main_window.py" line="46"/>
        <source>Họp thông minh</source>
        <translation>Smart Meeting</translation>
    </message>
    <message>
        <location filename="../../meeting_client/ui/main_window.py" line="66"/>
        <source>Thoát</source>
        <translation>Quit</translation>
    </message>
    <message>
        <location filename="../../meeting_client/ui/main_window.py" line="146"/>
        <source>Họp thông minh — %1</source>
        <translation>Smart Meeting — %1</translation>
    </message>
    <message>
        <location filename="../../meeting_client/ui/main_window.py" line="179"/>
        <source>Màn hình hội trường</source>
        <translation>Hall display</translation>
    </message>
</context>
<context>
    <name>MeetingListModel</name>
    <message>
        <location filename="../../meeting_client/models/meeting_list_model.py" line="58"/>
        <source>Cuộc họp</source>
        <translation>Meeting</translation>
    </message>
    <message>
        <location filename="../../meeting_client/models/meeting_list_model.py" line="58"/>
        <source>Thời gian</source>
        <translation>Time</translation>
    </message>
    <message>
        <location filename="../../meeting_client/models/meeting_list_model.py" line="58"/>
        <source>Trạng thái</source>
        <translation>Status</translation>
    </message>
    <message>
        <location filename="../../meeting_client/models/meeting_list_model.py" line="59"/>
        <source>Vai trò</source>
        <translation>Role</translation>
    </message>
</context>
<context>
    <name>MeetingListPage</name>
    <message>
        <location filename="../../meeting_client/ui/meeting_list_page.py" line="44"/>
        <source>Không có cuộc họp nào hôm nay hoặc sắp tới.</source>
        <translation>No meetings today or coming up.</translation>
    </message>
    <message>
        <location filename="../../meeting_client/ui/meeting_list_page.py" line="47"/>
        <source>Vào phòng họp</source>
        <translation>Enter the meeting</translation>
    </message>
    <message>
        <location filename="../../meeting_client/ui/meeting_list_page.py" line="49"/>
        <source>Làm mới</source>
        <translation>Refresh</translation>
    </message>
    <message>
        <location filename="../../meeting_client/ui/meeting_list_page.py" line="50"/>
        <source>Đăng xuất</source>
        <translation>Sign out</translation>
    </message>
    <message>
        <location filename="../../meeting_client/ui/meeting_list_page.py" line="59"/>
        <source>Cuộc họp hôm nay và sắp tới</source>
        <translation>Today&apos;s and upcoming meetings</translation>
    </message>
    <message>
        <location filename="../../meeting_client/ui/meeting_list_page.py" line="78"/>
        <source>Xin chào, %1</source>
        <translation>Hello, %1</translation>
    </message>
</context>
<context>
    <name>MeetingRoom</name>
    <message>
        <location filename="../../meeting_client/ui/meeting_room.py" line="73"/>
        <location filename="../../meeting_client/ui/meeting_room.py" line="187"/>
        <source>Tài liệu kỳ họp</source>
        <translation>Meeting papers</translation>
    </message>
    <message>
        <location filename="../../meeting_client/ui/meeting_room.py" line="100"/>
        <location filename="../../meeting_client/ui/meeting_room.py" line="205"/>
        <source>Biên bản</source>
        <translation>Minutes</translation>
    </message>
    <message>
        <location filename="../../meeting_client/ui/meeting_room.py" line="166"/>
        <source>Đang trình chiếu tài liệu — bấm «Tài liệu kỳ họp» để theo dõi.</source>
        <translation>A paper is being presented — press «Meeting papers» to follow it.</translation>
    </message>
    <message>
        <location filename="../../meeting_client/ui/meeting_room.py" line="175"/>
        <source>Cảnh báo: tài khoản %1 đang đăng nhập trên %2 máy cùng lúc. Nếu không phải bạn, hãy báo ngay cho thư ký.</source>
        <translation>Warning: account %1 is signed in on %2 terminals at once. If this is not you, tell the clerk at once.</translation>
    </message>
    <message>
        <location filename="../../meeting_client/ui/meeting_room.py" line="186"/>
        <location filename="../../meeting_client/ui/meeting_room.py" line="204"/>
        <source>◀ Về phòng họp</source>
        <translation>◀ Back to the meeting room</translation>
    </message>
</context>
<context>
    <name>MessageLabels</name>
    <message>
        <location filename="../../meeting_client/models/messages_model.py" line="61"/>
        <source>Tệp</source>
        <translation>File</translation>
    </message>
    <message>
        <location filename="../../meeting_client/models/messages_model.py" line="69"/>
        <source>Cuộc họp</source>
        <translation>Meeting</translation>
    </message>
    <message>
        <location filename="../../meeting_client/models/messages_model.py" line="70"/>
        <source>Chỉ đạo</source>
        <translation>Directive</translation>
    </message>
    <message>
        <location filename="../../meeting_client/models/messages_model.py" line="71"/>
        <source>Văn bản</source>
        <translation>Document</translation>
    </message>
    <message>
        <location filename="../../meeting_client/models/messages_model.py" line="199"/>
        <source>Người dùng #%1</source>
        <translation>User #%1</translation>
    </message>
</context>
<context>
    <name>MessagesPage</name>
    <message>
        <location filename="../../meeting_client/ui/messages/messages_page.py" line="45"/>
        <source>Cuộc trao đổi mới</source>
        <translation>New conversation</translation>
    </message>
    <message>
        <location filename="../../meeting_client/ui/messages/messages_page.py" line="53"/>
        <source>Chọn một cuộc trao đổi</source>
        <translation>Choose a conversation</translation>
    </message>
    <message>
        <location filename="../../meeting_client/ui/messages/messages_page.py" line="71"/>
        <source>Tin nhắn</source>
        <translation>Messages</translation>
    </message>
</context>
<context>
    <name>MinutesEditor</name>
    <message>
        <location filename="../../meeting_client/ui/minutes_editor.py" line="98"/>
        <source>Lưu (Ctrl+S)</source>
        <translation>Save (Ctrl+S)</translation>
    </message>
    <message>
        <location filename="../../meeting_client/ui/minutes_editor.py" line="100"/>
        <location filename="../../meeting_client/ui/minutes_editor.py" line="122"/>
        <source>Tải lại</source>
        <translation>Reload</translation>
    </message>
    <message>
        <location filename="../../meeting_client/ui/minutes_editor.py" line="101"/>
        <source>Xuất PDF</source>
        <translation>Export PDF</translation>
    </message>
    <message>
        <location filename="../../meeting_client/ui/minutes_editor.py" line="102"/>
        <source>Xuất DOCX</source>
        <translation>Export DOCX</translation>
    </message>
    <message>
        <location filename="../../meeting_client/ui/minutes_editor.py" line="103"/>
        <source>Thông báo kết luận</source>
        <translation>Conclusion notice</translation>
    </message>
    <message>
        <location filename="../../meeting_client/ui/minutes_editor.py" line="104"/>
        <location filename="../../meeting_client/ui/minutes_editor.py" line="375"/>
        <source>Cấp số biên bản</source>
        <translation>Number the minutes</translation>
    </message>
    <message>
        <location filename="../../meeting_client/ui/minutes_editor.py" line="106"/>
        <source>Giao nhiệm vụ từ kết luận</source>
        <translation>Assign a task from the conclusions</translation>
    </message>
    <message>
        <location filename="../../meeting_client/ui/minutes_editor.py" line="108"/>
        <source>Đoạn kết luận tại con trỏ trở thành một chỉ đạo (người, hạn, nguồn).</source>
        <translation>The conclusion paragraph at the cursor becomes a directive (assignee, deadline, source).</translation>
    </message>
    <message>
        <location filename="../../meeting_client/ui/minutes_editor.py" line="139"/>
        <source>Chữ đậm (Ctrl+B)</source>
        <translation>Bold (Ctrl+B)</translation>
    </message>
    <message>
        <location filename="../../meeting_client/ui/minutes_editor.py" line="143"/>
        <source>Chữ nghiêng (Ctrl+I)</source>
        <translation>Italic (Ctrl+I)</translation>
    </message>
    <message>
        <location filename="../../meeting_client/ui/minutes_editor.py" line="147"/>
        <source>Danh sách gạch đầu dòng</source>
        <translation>Bulleted list</translation>
    </message>
    <message>
        <location filename="../../meeting_client/ui/minutes_editor.py" line="148"/>
        <source>Danh sách đánh số</source>
        <translation>Numbered list</translation>
    </message>
    <message>
        <location filename="../../meeting_client/ui/minutes_editor.py" line="150"/>
        <source>Chèn mẫu câu</source>
        <translation>Insert phrase</translation>
    </message>
    <message>
        <location filename="../../meeting_client/ui/minutes_editor.py" line="154"/>
        <source>Tóm tắt ý kiến thảo luận</source>
        <translation>Summary of the discussion</translation>
    </message>
    <message>
        <location filename="../../meeting_client/ui/minutes_editor.py" line="157"/>
        <source>Ghi tóm tắt ý kiến của các đại biểu…</source>
        <translation>Summarise the delegates&apos; opinions…</translation>
    </message>
    <message>
        <location filename="../../meeting_client/ui/minutes_editor.py" line="158"/>
        <source>Kết luận của chủ tọa</source>
        <translation>Chair&apos;s conclusions</translation>
    </message>
    <message>
        <location filename="../../meeting_client/ui/minutes_editor.py" line="161"/>
        <source>Ghi kết luận của chủ tọa…</source>
        <translation>Write down the chair&apos;s conclusions…</translation>
    </message>
    <message>
        <location filename="../../meeting_client/ui/minutes_editor.py" line="192"/>
        <source>Biên bản</source>
        <translation>Minutes</translation>
    </message>
    <message>
        <location filename="../../meeting_client/ui/minutes_editor.py" line="297"/>
        <source>Đã giao nhiệm vụ từ kết luận.</source>
        <translation>Task assigned from the conclusions.</translation>
    </message>
    <message>
        <location filename="../../meeting_client/ui/minutes_editor.py" line="327"/>
        <source>Mất kết nối — chưa lưu được.</source>
        <translation>Connection lost — not saved.</translation>
    </message>
    <message>
        <location filename="../../meeting_client/ui/minutes_editor.py" line="332"/>
        <source>Không có thay đổi nào cần lưu.</source>
        <translation>Nothing to save.</translation>
    </message>
    <message>
        <location filename="../../meeting_client/ui/minutes_editor.py" line="337"/>
        <source>Đang lưu…</source>
        <translation>Saving…</translation>
    </message>
    <message>
        <location filename="../../meeting_client/ui/minutes_editor.py" line="350"/>
        <source>Đang tạo tệp %1…</source>
        <translation>Creating the %1 file…</translation>
    </message>
    <message>
        <location filename="../../meeting_client/ui/minutes_editor.py" line="359"/>
        <source>thong-bao-ket-luan.pdf</source>
        <translation>conclusion-notice.pdf</translation>
    </message>
    <message>
        <location filename="../../meeting_client/ui/minutes_editor.py" line="362"/>
        <source>Chưa ban hành thông báo kết luận.</source>
        <translation>The conclusion notice was not issued.</translation>
    </message>
    <message>
        <location filename="../../meeting_client/ui/minutes_editor.py" line="366"/>
        <source>Đang lập thông báo kết luận…</source>
        <translation>Preparing the conclusion notice…</translation>
    </message>
    <message>
        <location filename="../../meeting_client/ui/minutes_editor.py" line="369"/>
        <source>Ban hành thông báo kết luận? Thông báo được cấp số chính thức; sau đó bạn chọn nơi lưu tệp PDF.</source>
        <translation>Issue the conclusion notice? It gets an official number; then you choose where to save the PDF.</translation>
    </message>
    <message>
        <location filename="../../meeting_client/ui/minutes_editor.py" line="371"/>
        <source>Ban hành thông báo</source>
        <translation>Issue the notice</translation>
    </message>
    <message>
        <location filename="../../meeting_client/ui/minutes_editor.py" line="374"/>
        <source>Cấp số biên bản? Số vào sổ được cấp ngay và không thu hồi được.</source>
        <translation>Issue the minutes number? The register number is taken at once and cannot be returned.</translation>
    </message>
    <message>
        <location filename="../../meeting_client/ui/minutes_editor.py" line="395"/>
        <source>Gồm cả nội dung chưa lưu.</source>
        <translation>Includes unsaved text.</translation>
    </message>
    <message>
        <location filename="../../meeting_client/ui/minutes_editor.py" line="411"/>
        <source>Kết luận chung</source>
        <translation>General conclusions</translation>
    </message>
    <message>
        <location filename="../../meeting_client/ui/minutes_editor.py" line="454"/>
        <source>Chưa lưu lần nào.</source>
        <translation>Never saved.</translation>
    </message>
    <message>
        <location filename="../../meeting_client/ui/minutes_editor.py" line="457"/>
        <source>Phiên bản %1 — %2 lưu lúc %3</source>
        <translation>Version %1 — saved by %2 at %3</translation>
    </message>
    <message>
        <location filename="../../meeting_client/ui/minutes_editor.py" line="483"/>
        <source>Lưu tệp</source>
        <translation>Save file</translation>
    </message>
    <message>
        <location filename="../../meeting_client/ui/minutes_editor.py" line="360"/>
        <location filename="../../meeting_client/ui/minutes_editor.py" line="489"/>
        <source>Tệp PDF (*.pdf)</source>
        <translation>PDF files (*.pdf)</translation>
    </message>
    <message>
        <location filename="../../meeting_client/ui/minutes_editor.py" line="489"/>
        <source>Tệp Word (*.docx)</source>
        <translation>Word files (*.docx)</translation>
    </message>
    <message>
        <location filename="../../meeting_client/ui/minutes_editor.py" line="492"/>
        <source>Đã hủy lưu tệp.</source>
        <translation>File not saved.</translation>
    </message>
    <message>
        <location filename="../../meeting_client/ui/minutes_editor.py" line="511"/>
        <source>Dùng được sau khi cuộc họp kết thúc.</source>
        <translation>Available once the meeting has ended.</translation>
    </message>
    <message>
        <location filename="../../meeting_client/ui/minutes_editor.py" line="577"/>
        <source>Đang tải lại…</source>
        <translation>Reloading…</translation>
    </message>
    <message>
        <location filename="../../meeting_client/ui/minutes_editor.py" line="597"/>
        <source>Đã tải bản mới nhất. Bản của bạn đã được chép vào bộ nhớ tạm (Ctrl+V để dán).</source>
        <translation>Loaded the latest version. Your text was copied to the clipboard (Ctrl+V to paste).</translation>
    </message>
    <message>
        <location filename="../../meeting_client/ui/minutes_editor.py" line="598"/>
        <source>Đã tải bản mới nhất.</source>
        <translation>Loaded the latest version.</translation>
    </message>
    <message>
        <location filename="../../meeting_client/ui/minutes_editor.py" line="616"/>
        <source>Đã lưu lúc %1.</source>
        <translation>Saved at %1.</translation>
    </message>
    <message>
        <location filename="../../meeting_client/ui/minutes_editor.py" line="624"/>
        <source>Chưa lưu được “%1”.</source>
        <translation>“%1” was not saved.</translation>
    </message>
    <message>
        <location filename="../../meeting_client/ui/minutes_editor.py" line="632"/>
        <source>“%1” vừa được lưu từ máy khác (phiên bản %2). Hãy tải lại trước khi lưu.</source>
        <translation>“%1” was just saved on another computer (version %2). Reload before saving.</translation>
    </message>
    <message>
        <location filename="../../meeting_client/ui/minutes_editor.py" line="646"/>
        <source>Thông báo kết luận %1, hạn ban hành %2.</source>
        <translation>Conclusion notice %1, due by %2.</translation>
    </message>
    <message>
        <location filename="../../meeting_client/ui/minutes_editor.py" line="653"/>
        <source>Đã cấp số biên bản: %1.</source>
        <translation>Minutes numbered: %1.</translation>
    </message>
    <message>
        <location filename="../../meeting_client/ui/minutes_editor.py" line="671"/>
        <source>Đã lưu tệp %1.</source>
        <translation>Saved %1.</translation>
    </message>
    <message>
        <location filename="../../meeting_client/ui/minutes_editor.py" line="676"/>
        <source>Không ghi được tệp %1: %2</source>
        <translation>Could not write %1: %2</translation>
    </message>
</context>
<context>
    <name>MinutesItemModel</name>
    <message>
        <location filename="../../meeting_client/ui/minutes/item_model.py" line="38"/>
        <source>Có thay đổi chưa lưu</source>
        <translation>Unsaved changes</translation>
    </message>
    <message>
        <location filename="../../meeting_client/ui/minutes/item_model.py" line="39"/>
        <source>Không lưu được: đã có người khác sửa; hãy tải lại</source>
        <translation>Not saved: someone else changed it; reload</translation>
    </message>
    <message>
        <location filename="../../meeting_client/ui/minutes/item_model.py" line="44"/>
        <source>Nội dung</source>
        <translation>Part</translation>
    </message>
</context>
<context>
    <name>MinutesPreview</name>
    <message>
        <location filename="../../meeting_client/ui/minutes/preview.py" line="34"/>
        <source>Xem trước biên bản</source>
        <translation>Preview of the minutes</translation>
    </message>
    <message>
        <location filename="../../meeting_client/ui/minutes/preview.py" line="59"/>
        <source>Đang cập nhật bản xem trước…</source>
        <translation>Updating the preview…</translation>
    </message>
    <message>
        <location filename="../../meeting_client/ui/minutes/preview.py" line="63"/>
        <source>Không tạo được bản xem trước: %1</source>
        <translation>Could not make the preview: %1</translation>
    </message>
    <message>
        <location filename="../../meeting_client/ui/minutes/preview.py" line="93"/>
        <source>tệp PDF không đọc được</source>
        <translation>the PDF cannot be read</translation>
    </message>
    <message>
        <location filename="../../meeting_client/ui/minutes/preview.py" line="97"/>
        <source>Trang %1/%2</source>
        <translation>Page %1/%2</translation>
    </message>
</context>
<context>
    <name>NewConversationDialog</name>
    <message>
        <location filename="../../meeting_client/ui/messages/new_conversation.py" line="32"/>
        <source>Cuộc trao đổi mới</source>
        <translation>New conversation</translation>
    </message>
    <message>
        <location filename="../../meeting_client/ui/messages/new_conversation.py" line="35"/>
        <source>Tìm theo tên, tài khoản hoặc chức vụ</source>
        <translation>Search by name, account or position</translation>
    </message>
    <message>
        <location filename="../../meeting_client/ui/messages/new_conversation.py" line="48"/>
        <source>Chọn một người để nhắn riêng, nhiều người để lập nhóm.</source>
        <translation>Pick one person for a private conversation, several for a group.</translation>
    </message>
    <message>
        <location filename="../../meeting_client/ui/messages/new_conversation.py" line="52"/>
        <source>Bắt đầu</source>
        <translation>Start</translation>
    </message>
    <message>
        <location filename="../../meeting_client/ui/messages/new_conversation.py" line="53"/>
        <source>Hủy</source>
        <translation>Cancel</translation>
    </message>
</context>
<context>
    <name>OrgLabels</name>
    <message>
        <location filename="../../meeting_client/models/org.py" line="36"/>
        <source>Quản trị</source>
        <translation>Administrator</translation>
    </message>
    <message>
        <location filename="../../meeting_client/models/org.py" line="37"/>
        <source>Văn phòng</source>
        <translation>Office</translation>
    </message>
    <message>
        <location filename="../../meeting_client/models/org.py" line="38"/>
        <source>Lãnh đạo</source>
        <translation>Leader</translation>
    </message>
    <message>
        <location filename="../../meeting_client/models/org.py" line="39"/>
        <source>Vận hành</source>
        <translation>Operator</translation>
    </message>
</context>
<context>
    <name>ParticipantModel</name>
    <message>
        <location filename="../../meeting_client/models/participant_model.py" line="88"/>
        <source>Có mặt</source>
        <translation>Present</translation>
    </message>
    <message>
        <location filename="../../meeting_client/models/participant_model.py" line="90"/>
        <source>Vắng mặt có lý do: %1</source>
        <translation>Absent (excused): %1</translation>
    </message>
    <message>
        <location filename="../../meeting_client/models/participant_model.py" line="91"/>
        <source>Vắng mặt</source>
        <translation>Absent</translation>
    </message>
    <message>
        <location filename="../../meeting_client/models/participant_model.py" line="110"/>
        <source>Đã biểu quyết</source>
        <translation>Voted</translation>
    </message>
    <message>
        <location filename="../../meeting_client/models/participant_model.py" line="116"/>
        <source>Ghế</source>
        <translation>Seat</translation>
    </message>
    <message>
        <location filename="../../meeting_client/models/participant_model.py" line="116"/>
        <source>Họ và tên</source>
        <translation>Full name</translation>
    </message>
    <message>
        <location filename="../../meeting_client/models/participant_model.py" line="116"/>
        <source>Vai trò</source>
        <translation>Role</translation>
    </message>
    <message>
        <location filename="../../meeting_client/models/participant_model.py" line="117"/>
        <source>Điểm danh</source>
        <translation>Attendance</translation>
    </message>
</context>
<context>
    <name>ParticipantsModel</name>
    <message>
        <location filename="../../meeting_client/models/preparation.py" line="121"/>
        <source>Họ và tên</source>
        <translation>Full name</translation>
    </message>
    <message>
        <location filename="../../meeting_client/models/preparation.py" line="121"/>
        <source>Vai trò</source>
        <translation>Role</translation>
    </message>
    <message>
        <location filename="../../meeting_client/models/preparation.py" line="121"/>
        <source>Ghế</source>
        <translation>Seat</translation>
    </message>
    <message>
        <location filename="../../meeting_client/models/preparation.py" line="122"/>
        <source>Trả lời giấy mời</source>
        <translation>Reply to the invitation</translation>
    </message>
</context>
<context>
    <name>ParticipantsTab</name>
    <message>
        <location filename="../../meeting_client/ui/preparation/participants_tab.py" line="58"/>
        <source>Ghế</source>
        <translation>Seat</translation>
    </message>
    <message>
        <location filename="../../meeting_client/ui/preparation/participants_tab.py" line="59"/>
        <source>Số ghế, ví dụ A01; để trống nếu chưa xếp ghế</source>
        <translation>Seat number, e.g. A01; leave empty if not yet seated</translation>
    </message>
    <message>
        <location filename="../../meeting_client/ui/preparation/participants_tab.py" line="61"/>
        <source>Thêm người</source>
        <translation>Add person</translation>
    </message>
    <message>
        <location filename="../../meeting_client/ui/preparation/participants_tab.py" line="63"/>
        <source>Đổi vai trò / ghế</source>
        <translation>Change role / seat</translation>
    </message>
    <message>
        <location filename="../../meeting_client/ui/preparation/participants_tab.py" line="64"/>
        <source>Bỏ khỏi thành phần</source>
        <translation>Remove from participants</translation>
    </message>
    <message>
        <location filename="../../meeting_client/ui/preparation/participants_tab.py" line="66"/>
        <source>Mời thêm</source>
        <translation>Invite</translation>
    </message>
    <message>
        <location filename="../../meeting_client/ui/preparation/participants_tab.py" line="113"/>
        <source>%1 người được mời, %2 đại biểu; %3 đã trả lời giấy mời</source>
        <translation>%1 invited, %2 delegates; %3 replied to the invitation</translation>
    </message>
</context>
<context>
    <name>PasswordChange</name>
    <message>
        <location filename="../../meeting_client/models/password.py" line="35"/>
        <source>Hãy nhập mật khẩu hiện tại.</source>
        <translation>Enter your current password.</translation>
    </message>
    <message>
        <location filename="../../meeting_client/models/password.py" line="37"/>
        <source>Mật khẩu mới phải có ít nhất %1 ký tự.</source>
        <translation>The new password needs at least %1 characters.</translation>
    </message>
    <message>
        <location filename="../../meeting_client/models/password.py" line="40"/>
        <source>Hai lần nhập mật khẩu mới không khớp nhau.</source>
        <translation>The two entries of the new password do not match.</translation>
    </message>
    <message>
        <location filename="../../meeting_client/models/password.py" line="42"/>
        <source>Mật khẩu mới phải khác mật khẩu hiện tại.</source>
        <translation>The new password must differ from the current one.</translation>
    </message>
</context>
<context>
    <name>PasswordDialog</name>
    <message>
        <location filename="../../meeting_client/ui/workspace/password_dialog.py" line="30"/>
        <location filename="../../meeting_client/ui/workspace/password_dialog.py" line="56"/>
        <location filename="../../meeting_client/ui/workspace/password_dialog.py" line="68"/>
        <source>Đổi mật khẩu</source>
        <translation>Change password</translation>
    </message>
    <message>
        <location filename="../../meeting_client/ui/workspace/password_dialog.py" line="36"/>
        <source>Bạn đang dùng mật khẩu tạm thời. Hãy đặt mật khẩu mới của riêng bạn để tiếp tục.</source>
        <translation>You are using a temporary password. Choose a password of your own to continue.</translation>
    </message>
    <message>
        <location filename="../../meeting_client/ui/workspace/password_dialog.py" line="38"/>
        <source>Mật khẩu mới cần ít nhất 8 ký tự. Các phiên đăng nhập khác của bạn sẽ kết thúc.</source>
        <translation>The new password needs at least 8 characters. Your other sessions will end.</translation>
    </message>
    <message>
        <location filename="../../meeting_client/ui/workspace/password_dialog.py" line="51"/>
        <source>Mật khẩu hiện tại</source>
        <translation>Current password</translation>
    </message>
    <message>
        <location filename="../../meeting_client/ui/workspace/password_dialog.py" line="52"/>
        <source>Mật khẩu mới</source>
        <translation>New password</translation>
    </message>
    <message>
        <location filename="../../meeting_client/ui/workspace/password_dialog.py" line="53"/>
        <source>Nhập lại mật khẩu mới</source>
        <translation>New password again</translation>
    </message>
    <message>
        <location filename="../../meeting_client/ui/workspace/password_dialog.py" line="59"/>
        <source>Đăng xuất</source>
        <translation>Sign out</translation>
    </message>
    <message>
        <location filename="../../meeting_client/ui/workspace/password_dialog.py" line="59"/>
        <source>Hủy</source>
        <translation>Cancel</translation>
    </message>
</context>
<context>
    <name>PendingWork</name>
    <message>
        <location filename="../../meeting_client/models/pending_work.py" line="82"/>
        <source>Việc chưa hoàn thành: %1</source>
        <translation>Unfinished work: %1</translation>
    </message>
    <message>
        <location filename="../../meeting_client/models/pending_work.py" line="110"/>
        <source>Đã đưa %1 việc vào chương trình họp.</source>
        <translation>%1 item(s) put on the meeting&apos;s agenda.</translation>
    </message>
</context>
<context>
    <name>PendingWorkPanel</name>
    <message>
        <location filename="../../meeting_client/ui/directives/pending_panel.py" line="36"/>
        <source>Việc chưa hoàn thành</source>
        <translation>Unfinished work</translation>
    </message>
    <message>
        <location filename="../../meeting_client/ui/directives/pending_panel.py" line="37"/>
        <source>Nhiệm vụ quá hạn của các thành phần dự họp. Chọn các việc cần đưa ra cuộc họp rồi bấm “Đưa vào chương trình họp”.</source>
        <translation>Overdue directives of the meeting&apos;s participants. Tick the items to bring to the meeting, then press “Put on the agenda”.</translation>
    </message>
    <message>
        <location filename="../../meeting_client/ui/directives/pending_panel.py" line="45"/>
        <source>Không có việc quá hạn nào của thành phần dự họp.</source>
        <translation>No overdue work for the meeting&apos;s participants.</translation>
    </message>
    <message>
        <location filename="../../meeting_client/ui/directives/pending_panel.py" line="48"/>
        <source>Làm mới</source>
        <translation>Refresh</translation>
    </message>
    <message>
        <location filename="../../meeting_client/ui/directives/pending_panel.py" line="49"/>
        <source>Đưa vào chương trình họp</source>
        <translation>Put on the agenda</translation>
    </message>
    <message>
        <location filename="../../meeting_client/ui/directives/pending_panel.py" line="104"/>
        <source>%1 — hạn %2 (quá hạn %3 ngày) — %4</source>
        <translation>%1 — due %2 (%3 days overdue) — %4</translation>
    </message>
    <message>
        <location filename="../../meeting_client/ui/directives/pending_panel.py" line="108"/>
        <source>đã đưa vào chương trình</source>
        <translation>on the agenda</translation>
    </message>
</context>
<context>
    <name>PollControlPanel</name>
    <message>
        <location filename="../../meeting_client/ui/poll_control_panel.py" line="50"/>
        <source>Tạo biểu quyết…</source>
        <translation>New vote…</translation>
    </message>
    <message>
        <location filename="../../meeting_client/ui/poll_control_panel.py" line="51"/>
        <location filename="../../meeting_client/ui/poll_control_panel.py" line="199"/>
        <source>Mở biểu quyết</source>
        <translation>Open the vote</translation>
    </message>
    <message>
        <location filename="../../meeting_client/ui/poll_control_panel.py" line="54"/>
        <location filename="../../meeting_client/ui/poll_control_panel.py" line="216"/>
        <source>Kết thúc biểu quyết</source>
        <translation>Close the vote</translation>
    </message>
    <message>
        <location filename="../../meeting_client/ui/poll_control_panel.py" line="66"/>
        <source>Biểu quyết</source>
        <translation>Voting</translation>
    </message>
    <message>
        <location filename="../../meeting_client/ui/poll_control_panel.py" line="130"/>
        <source>Kỳ họp đã bế mạc — không thể tạo hay mở biểu quyết.</source>
        <translation>The session has ended — no poll can be created or opened.</translation>
    </message>
    <message>
        <location filename="../../meeting_client/ui/poll_control_panel.py" line="132"/>
        <source>Chưa đủ số lượng đại biểu có mặt — chưa thể mở biểu quyết.</source>
        <translation>No quorum — a vote cannot be opened yet.</translation>
    </message>
    <message>
        <location filename="../../meeting_client/ui/poll_control_panel.py" line="135"/>
        <source>Đang có một biểu quyết mở — kết thúc trước khi mở biểu quyết khác.</source>
        <translation>A vote is open — close it before opening another.</translation>
    </message>
    <message>
        <location filename="../../meeting_client/ui/poll_control_panel.py" line="145"/>
        <source>Đang biểu quyết: %1</source>
        <translation>Voting: %1</translation>
    </message>
    <message>
        <location filename="../../meeting_client/ui/poll_control_panel.py" line="148"/>
        <source>Đã biểu quyết %1/%2</source>
        <translation>Voted %1/%2</translation>
    </message>
    <message>
        <location filename="../../meeting_client/ui/poll_control_panel.py" line="197"/>
        <source>Mở biểu quyết «%1»? Đại biểu sẽ bỏ phiếu ngay.</source>
        <translation>Open the vote “%1”? Delegates vote at once.</translation>
    </message>
    <message>
        <location filename="../../meeting_client/ui/poll_control_panel.py" line="205"/>
        <source>Kết thúc biểu quyết «%1» và công bố kết quả?</source>
        <translation>Close the vote “%1” and announce the result?</translation>
    </message>
    <message>
        <location filename="../../meeting_client/ui/poll_control_panel.py" line="209"/>
        <source>Mới có %1/%2 đại biểu biểu quyết.</source>
        <translation>Only %1 of %2 delegates have voted.</translation>
    </message>
    <message>
        <location filename="../../meeting_client/ui/poll_control_panel.py" line="212"/>
        <source>Chú ý: chỉ mới có %1/%2 đại biểu biểu quyết.</source>
        <translation>Caution: only %1 of %2 delegates have voted.</translation>
    </message>
</context>
<context>
    <name>PollDialog</name>
    <message>
        <location filename="../../meeting_client/ui/poll_dialog.py" line="41"/>
        <source>Tạo biểu quyết</source>
        <translation>New vote</translation>
    </message>
    <message>
        <location filename="../../meeting_client/ui/poll_dialog.py" line="44"/>
        <source>Ví dụ: Thông qua Nghị quyết về …</source>
        <translation>e.g. Adoption of the Resolution on …</translation>
    </message>
    <message>
        <location filename="../../meeting_client/ui/poll_dialog.py" line="46"/>
        <source>(Không gắn với nội dung)</source>
        <translation>(not tied to an item)</translation>
    </message>
    <message>
        <location filename="../../meeting_client/ui/poll_dialog.py" line="51"/>
        <source>Đồng ý / Không đồng ý / Không biểu quyết</source>
        <translation>Agree / Disagree / Abstain</translation>
    </message>
    <message>
        <location filename="../../meeting_client/ui/poll_dialog.py" line="53"/>
        <source>Phương án khác (mỗi dòng một phương án)</source>
        <translation>Other options (one per line)</translation>
    </message>
    <message>
        <location filename="../../meeting_client/ui/poll_dialog.py" line="55"/>
        <source>Phương án 1
Phương án 2</source>
        <translation>Option 1
Option 2</translation>
    </message>
    <message>
        <location filename="../../meeting_client/ui/poll_dialog.py" line="58"/>
        <source>Bỏ phiếu kín</source>
        <translation>Secret ballot</translation>
    </message>
    <message>
        <location filename="../../meeting_client/ui/poll_dialog.py" line="66"/>
        <source>Tạo</source>
        <translation>Create</translation>
    </message>
    <message>
        <location filename="../../meeting_client/ui/poll_dialog.py" line="67"/>
        <source>Hủy</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <location filename="../../meeting_client/ui/poll_dialog.py" line="70"/>
        <source>Nội dung biểu quyết</source>
        <translation>Motion</translation>
    </message>
    <message>
        <location filename="../../meeting_client/ui/poll_dialog.py" line="71"/>
        <source>Thuộc nội dung</source>
        <translation>Agenda item</translation>
    </message>
    <message>
        <location filename="../../meeting_client/ui/poll_dialog.py" line="72"/>
        <source>Phương án</source>
        <translation>Options</translation>
    </message>
    <message>
        <location filename="../../meeting_client/ui/poll_dialog.py" line="75"/>
        <source>Hình thức</source>
        <translation>Ballot</translation>
    </message>
    <message>
        <location filename="../../meeting_client/ui/poll_dialog.py" line="76"/>
        <source>Điều kiện thông qua</source>
        <translation>Required majority</translation>
    </message>
</context>
<context>
    <name>PollModel</name>
    <message>
        <location filename="../../meeting_client/models/poll_model.py" line="37"/>
        <source>Bỏ phiếu kín</source>
        <translation>Secret ballot</translation>
    </message>
    <message>
        <location filename="../../meeting_client/models/poll_model.py" line="37"/>
        <source>Biểu quyết công khai</source>
        <translation>Open ballot</translation>
    </message>
    <message>
        <location filename="../../meeting_client/models/poll_model.py" line="41"/>
        <source>Nội dung biểu quyết</source>
        <translation>Motion</translation>
    </message>
    <message>
        <location filename="../../meeting_client/models/poll_model.py" line="41"/>
        <source>Trạng thái</source>
        <translation>Status</translation>
    </message>
    <message>
        <location filename="../../meeting_client/models/poll_model.py" line="41"/>
        <source>Phiếu</source>
        <translation>Ballots</translation>
    </message>
    <message>
        <location filename="../../meeting_client/models/poll_model.py" line="42"/>
        <source>Kết quả</source>
        <translation>Result</translation>
    </message>
</context>
<context>
    <name>Preparation</name>
    <message>
        <location filename="../../meeting_client/models/preparation.py" line="41"/>
        <source>Kỳ họp HĐND</source>
        <translation>People&apos;s Council session</translation>
    </message>
    <message>
        <location filename="../../meeting_client/models/preparation.py" line="42"/>
        <source>Phiên họp UBND</source>
        <translation>People&apos;s Committee meeting</translation>
    </message>
    <message>
        <location filename="../../meeting_client/models/preparation.py" line="43"/>
        <source>Họp giao ban</source>
        <translation>Briefing</translation>
    </message>
    <message>
        <location filename="../../meeting_client/models/preparation.py" line="44"/>
        <source>Họp chuyên đề</source>
        <translation>Thematic meeting</translation>
    </message>
    <message>
        <location filename="../../meeting_client/models/preparation.py" line="45"/>
        <source>Họp trực tuyến</source>
        <translation>Online meeting</translation>
    </message>
    <message>
        <location filename="../../meeting_client/models/preparation.py" line="51"/>
        <source>Quá nửa số đại biểu</source>
        <translation>More than half of the delegates</translation>
    </message>
    <message>
        <location filename="../../meeting_client/models/preparation.py" line="52"/>
        <source>Ít nhất hai phần ba số đại biểu</source>
        <translation>At least two thirds of the delegates</translation>
    </message>
    <message>
        <location filename="../../meeting_client/models/preparation.py" line="58"/>
        <source>Tham dự</source>
        <translation>Attending</translation>
    </message>
    <message>
        <location filename="../../meeting_client/models/preparation.py" line="60"/>
        <source>Vắng mặt</source>
        <translation>Absent</translation>
    </message>
    <message>
        <location filename="../../meeting_client/models/preparation.py" line="62"/>
        <source>Chưa trả lời</source>
        <translation>No reply yet</translation>
    </message>
    <message>
        <location filename="../../meeting_client/models/preparation.py" line="190"/>
        <source>Đã tạo bản nháp cuộc họp.</source>
        <translation>Meeting draft created.</translation>
    </message>
    <message>
        <location filename="../../meeting_client/models/preparation.py" line="197"/>
        <source>Đã sao chép thành bản nháp mới.</source>
        <translation>Copied into a new draft.</translation>
    </message>
    <message>
        <location filename="../../meeting_client/models/preparation.py" line="200"/>
        <source>Đã lưu thông tin chung.</source>
        <translation>General details saved.</translation>
    </message>
    <message>
        <location filename="../../meeting_client/models/preparation.py" line="204"/>
        <source>Đã công bố cuộc họp.</source>
        <translation>Meeting published.</translation>
    </message>
    <message>
        <location filename="../../meeting_client/models/preparation.py" line="207"/>
        <source>Đã hủy cuộc họp.</source>
        <translation>Meeting cancelled.</translation>
    </message>
    <message>
        <location filename="../../meeting_client/models/preparation.py" line="218"/>
        <source>Đã thêm nội dung.</source>
        <translation>Item added.</translation>
    </message>
    <message>
        <location filename="../../meeting_client/models/preparation.py" line="228"/>
        <source>Đã sửa nội dung.</source>
        <translation>Item updated.</translation>
    </message>
    <message>
        <location filename="../../meeting_client/models/preparation.py" line="231"/>
        <source>Đã xóa nội dung.</source>
        <translation>Item removed.</translation>
    </message>
    <message>
        <location filename="../../meeting_client/models/preparation.py" line="235"/>
        <source>Đã sắp xếp lại chương trình.</source>
        <translation>Agenda reordered.</translation>
    </message>
    <message>
        <location filename="../../meeting_client/models/preparation.py" line="243"/>
        <source>Đã thêm thành phần.</source>
        <translation>Participant added.</translation>
    </message>
    <message>
        <location filename="../../meeting_client/models/preparation.py" line="249"/>
        <source>Đã cập nhật thành phần.</source>
        <translation>Participant updated.</translation>
    </message>
    <message>
        <location filename="../../meeting_client/models/preparation.py" line="253"/>
        <source>Đã bỏ khỏi thành phần.</source>
        <translation>Participant removed.</translation>
    </message>
    <message>
        <location filename="../../meeting_client/models/preparation.py" line="256"/>
        <source>Đã lưu sơ đồ chỗ ngồi.</source>
        <translation>Seat plan saved.</translation>
    </message>
</context>
<context>
    <name>PreparationPage</name>
    <message>
        <location filename="../../meeting_client/ui/preparation/page.py" line="75"/>
        <source>Tạo cuộc họp</source>
        <translation>New meeting</translation>
    </message>
    <message>
        <location filename="../../meeting_client/ui/preparation/page.py" line="77"/>
        <source>Sao chép</source>
        <translation>Copy</translation>
    </message>
    <message>
        <location filename="../../meeting_client/ui/preparation/page.py" line="78"/>
        <source>Làm mới</source>
        <translation>Refresh</translation>
    </message>
    <message>
        <location filename="../../meeting_client/ui/preparation/page.py" line="79"/>
        <source>Chọn hoặc tạo một cuộc họp để chuẩn bị.</source>
        <translation>Choose or create a meeting to prepare.</translation>
    </message>
    <message>
        <location filename="../../meeting_client/ui/preparation/page.py" line="82"/>
        <source>Công bố</source>
        <translation>Publish</translation>
    </message>
    <message>
        <location filename="../../meeting_client/ui/preparation/page.py" line="84"/>
        <location filename="../../meeting_client/ui/preparation/page.py" line="225"/>
        <source>Hủy cuộc họp</source>
        <translation>Cancel meeting</translation>
    </message>
    <message>
        <location filename="../../meeting_client/ui/preparation/page.py" line="94"/>
        <source>Thông tin chung</source>
        <translation>General</translation>
    </message>
    <message>
        <location filename="../../meeting_client/ui/preparation/page.py" line="95"/>
        <source>Chương trình</source>
        <translation>Agenda</translation>
    </message>
    <message>
        <location filename="../../meeting_client/ui/preparation/page.py" line="96"/>
        <source>Việc chưa hoàn thành</source>
        <translation>Unfinished work</translation>
    </message>
    <message>
        <location filename="../../meeting_client/ui/preparation/page.py" line="97"/>
        <source>Thành phần</source>
        <translation>Participants</translation>
    </message>
    <message>
        <location filename="../../meeting_client/ui/preparation/page.py" line="98"/>
        <source>Sơ đồ</source>
        <translation>Seat plan</translation>
    </message>
    <message>
        <location filename="../../meeting_client/ui/preparation/page.py" line="99"/>
        <source>Giấy mời</source>
        <translation>Invitation</translation>
    </message>
    <message>
        <location filename="../../meeting_client/ui/preparation/page.py" line="105"/>
        <source>Tài liệu</source>
        <translation>Papers</translation>
    </message>
    <message>
        <location filename="../../meeting_client/ui/preparation/page.py" line="114"/>
        <source>Danh sách cuộc họp</source>
        <translation>Meetings</translation>
    </message>
    <message>
        <location filename="../../meeting_client/ui/preparation/page.py" line="205"/>
        <source>Cuộc họp mới</source>
        <translation>New meeting</translation>
    </message>
    <message>
        <location filename="../../meeting_client/ui/preparation/page.py" line="223"/>
        <source>Hủy cuộc họp “%1”? Người được mời sẽ được báo tin.</source>
        <translation>Cancel the meeting “%1”? Those invited will be told.</translation>
    </message>
</context>
<context>
    <name>PreparedMeetingsModel</name>
    <message>
        <location filename="../../meeting_client/models/preparation.py" line="105"/>
        <source>Cuộc họp</source>
        <translation>Meeting</translation>
    </message>
    <message>
        <location filename="../../meeting_client/models/preparation.py" line="105"/>
        <source>Thời gian</source>
        <translation>Time</translation>
    </message>
    <message>
        <location filename="../../meeting_client/models/preparation.py" line="105"/>
        <source>Trạng thái</source>
        <translation>Status</translation>
    </message>
</context>
<context>
    <name>PresenterPicker</name>
    <message>
        <location filename="../../meeting_client/ui/reader/presenter_picker.py" line="46"/>
        <source>Người trình bày</source>
        <translation>Presenter</translation>
    </message>
    <message>
        <location filename="../../meeting_client/ui/reader/presenter_picker.py" line="47"/>
        <source>Người trình bày:</source>
        <translation>Presenter:</translation>
    </message>
    <message>
        <location filename="../../meeting_client/ui/reader/presenter_picker.py" line="92"/>
        <source>Không chỉ định được người trình bày.</source>
        <translation>The presenter could not be named.</translation>
    </message>
    <message>
        <location filename="../../meeting_client/ui/reader/presenter_picker.py" line="96"/>
        <source>Không chỉ định (chủ tọa, người đang phát biểu)</source>
        <translation>Nobody named (the chair, the speaker)</translation>
    </message>
</context>
<context>
    <name>PrintRangeDialog</name>
    <message>
        <location filename="../../meeting_client/ui/registry/entry_actions.py" line="120"/>
        <source>In sổ văn bản</source>
        <translation>Print the register</translation>
    </message>
    <message>
        <location filename="../../meeting_client/ui/registry/entry_actions.py" line="124"/>
        <source>Từ ngày</source>
        <translation>From</translation>
    </message>
    <message>
        <location filename="../../meeting_client/ui/registry/entry_actions.py" line="125"/>
        <source>Đến ngày</source>
        <translation>To</translation>
    </message>
    <message>
        <location filename="../../meeting_client/ui/registry/entry_actions.py" line="129"/>
        <source>Ngày bắt đầu phải trước ngày kết thúc.</source>
        <translation>The start must come before the end.</translation>
    </message>
</context>
<context>
    <name>ReaderWidget</name>
    <message>
        <location filename="../../meeting_client/ui/reader/reader_widget.py" line="134"/>
        <source>Đang tải tài liệu… %p%</source>
        <translation>Loading the paper… %p%</translation>
    </message>
    <message>
        <location filename="../../meeting_client/ui/reader/reader_widget.py" line="138"/>
        <source>Trang và mục lục</source>
        <translation>Pages and outline</translation>
    </message>
    <message>
        <location filename="../../meeting_client/ui/reader/reader_widget.py" line="140"/>
        <source>Trang trước</source>
        <translation>Previous page</translation>
    </message>
    <message>
        <location filename="../../meeting_client/ui/reader/reader_widget.py" line="141"/>
        <source>Trang sau</source>
        <translation>Next page</translation>
    </message>
    <message>
        <location filename="../../meeting_client/ui/reader/reader_widget.py" line="146"/>
        <source>Chuyển tới trang</source>
        <translation>Go to page</translation>
    </message>
    <message>
        <location filename="../../meeting_client/ui/reader/reader_widget.py" line="148"/>
        <source>Thu nhỏ</source>
        <translation>Zoom out</translation>
    </message>
    <message>
        <location filename="../../meeting_client/ui/reader/reader_widget.py" line="149"/>
        <source>Phóng to</source>
        <translation>Zoom in</translation>
    </message>
    <message>
        <location filename="../../meeting_client/ui/reader/reader_widget.py" line="150"/>
        <source>Vừa khổ</source>
        <translation>Fit width</translation>
    </message>
    <message>
        <location filename="../../meeting_client/ui/reader/reader_widget.py" line="150"/>
        <source>Vừa chiều rộng trang</source>
        <translation>Fit the page width</translation>
    </message>
    <message>
        <location filename="../../meeting_client/ui/reader/reader_widget.py" line="152"/>
        <source>Tìm trong tài liệu…</source>
        <translation>Search the paper…</translation>
    </message>
    <message>
        <location filename="../../meeting_client/ui/reader/reader_widget.py" line="156"/>
        <source>Kết quả trước</source>
        <translation>Previous hit</translation>
    </message>
    <message>
        <location filename="../../meeting_client/ui/reader/reader_widget.py" line="157"/>
        <source>Kết quả sau</source>
        <translation>Next hit</translation>
    </message>
    <message>
        <location filename="../../meeting_client/ui/reader/reader_widget.py" line="159"/>
        <source>Tô sáng</source>
        <translation>Highlight</translation>
    </message>
    <message>
        <location filename="../../meeting_client/ui/reader/reader_widget.py" line="160"/>
        <source>Kéo trên chữ để tô sáng (chỉ mình bạn thấy)</source>
        <translation>Drag over text to highlight (only you see it)</translation>
    </message>
    <message>
        <location filename="../../meeting_client/ui/reader/reader_widget.py" line="161"/>
        <source>Ghi chú</source>
        <translation>Note</translation>
    </message>
    <message>
        <location filename="../../meeting_client/ui/reader/reader_widget.py" line="162"/>
        <source>Chạm vào trang để ghi chú (chỉ mình bạn thấy)</source>
        <translation>Tap the page to add a note (only you see it)</translation>
    </message>
    <message>
        <location filename="../../meeting_client/ui/reader/reader_widget.py" line="186"/>
        <source>Trang</source>
        <translation>Pages</translation>
    </message>
    <message>
        <location filename="../../meeting_client/ui/reader/reader_widget.py" line="187"/>
        <source>Mục lục</source>
        <translation>Outline</translation>
    </message>
    <message>
        <location filename="../../meeting_client/ui/reader/reader_widget.py" line="244"/>
        <source>Không mở được tài liệu.</source>
        <translation>The paper could not be opened.</translation>
    </message>
    <message>
        <location filename="../../meeting_client/ui/reader/reader_widget.py" line="266"/>
        <source>/ %1</source>
        <translation>/ %1</translation>
    </message>
    <message>
        <location filename="../../meeting_client/ui/reader/reader_widget.py" line="344"/>
        <source>Đang tìm…</source>
        <translation>Searching…</translation>
    </message>
    <message>
        <location filename="../../meeting_client/ui/reader/reader_widget.py" line="362"/>
        <source>Không thấy</source>
        <translation>Not found</translation>
    </message>
    <message>
        <location filename="../../meeting_client/ui/reader/reader_widget.py" line="379"/>
        <source>%1/%2</source>
        <translation>%1/%2</translation>
    </message>
    <message>
        <location filename="../../meeting_client/ui/reader/reader_widget.py" line="441"/>
        <source>Ghi chú riêng</source>
        <translation>Private note</translation>
    </message>
    <message>
        <location filename="../../meeting_client/ui/reader/reader_widget.py" line="442"/>
        <source>Ghi chú cho trang %1 (chỉ mình bạn thấy):</source>
        <translation>Note for page %1 (only you see it):</translation>
    </message>
    <message>
        <location filename="../../meeting_client/ui/reader/reader_widget.py" line="445"/>
        <source>Lưu ghi chú</source>
        <translation>Save the note</translation>
    </message>
    <message>
        <location filename="../../meeting_client/ui/reader/reader_widget.py" line="446"/>
        <source>Hủy</source>
        <translation>Cancel</translation>
    </message>
</context>
<context>
    <name>ReadersDialog</name>
    <message>
        <location filename="../../meeting_client/ui/reader/readers_dialog.py" line="91"/>
        <source>Tình hình đọc tài liệu</source>
        <translation>Who has read the paper</translation>
    </message>
    <message>
        <location filename="../../meeting_client/ui/reader/readers_dialog.py" line="96"/>
        <source>Đã mở: %1/%2 người được xem tài liệu</source>
        <translation>Opened: %1 of %2 people who may read it</translation>
    </message>
    <message>
        <location filename="../../meeting_client/ui/reader/readers_dialog.py" line="103"/>
        <source>Đã mở</source>
        <translation>Opened</translation>
    </message>
    <message>
        <location filename="../../meeting_client/ui/reader/readers_dialog.py" line="104"/>
        <source>Chưa mở</source>
        <translation>Not opened yet</translation>
    </message>
    <message>
        <location filename="../../meeting_client/ui/reader/readers_dialog.py" line="110"/>
        <source>Đóng</source>
        <translation>Close</translation>
    </message>
</context>
<context>
    <name>ReadersQuery</name>
    <message>
        <location filename="../../meeting_client/ui/reader/readers_dialog.py" line="78"/>
        <source>Không tìm thấy tài liệu.</source>
        <translation>No such paper.</translation>
    </message>
    <message>
        <location filename="../../meeting_client/ui/reader/readers_dialog.py" line="83"/>
        <source>Không lấy được danh sách người đã đọc.</source>
        <translation>The list of readers could not be fetched.</translation>
    </message>
</context>
<context>
    <name>RegisterPage</name>
    <message>
        <location filename="../../meeting_client/ui/registry/register_page.py" line="57"/>
        <source>Tìm theo trích yếu, số ký hiệu, cơ quan ban hành… (gõ không dấu cũng được)</source>
        <translation>Search summary, number and symbol, issuing body… (diacritics optional)</translation>
    </message>
    <message>
        <location filename="../../meeting_client/ui/registry/register_page.py" line="59"/>
        <source>Sổ văn bản đến</source>
        <translation>Incoming register</translation>
    </message>
    <message>
        <location filename="../../meeting_client/ui/registry/register_page.py" line="60"/>
        <source>Sổ văn bản đi</source>
        <translation>Outgoing register</translation>
    </message>
    <message>
        <location filename="../../meeting_client/ui/registry/register_page.py" line="70"/>
        <source>Đăng ký văn bản…</source>
        <translation>Register a document…</translation>
    </message>
    <message>
        <location filename="../../meeting_client/ui/registry/register_page.py" line="71"/>
        <source>In sổ…</source>
        <translation>Print the register…</translation>
    </message>
    <message>
        <location filename="../../meeting_client/ui/registry/register_page.py" line="147"/>
        <source>%1 văn bản</source>
        <translation>%1 documents</translation>
    </message>
</context>
<context>
    <name>RegistryPage</name>
    <message>
        <location filename="../../meeting_client/ui/registry/registry_page.py" line="49"/>
        <source>Sổ văn bản</source>
        <translation>Register</translation>
    </message>
    <message>
        <location filename="../../meeting_client/ui/registry/registry_page.py" line="50"/>
        <source>Văn bản cần xử lý</source>
        <translation>Documents to handle</translation>
    </message>
    <message>
        <location filename="../../meeting_client/ui/registry/registry_page.py" line="99"/>
        <source>Đã lưu thay đổi.</source>
        <translation>Changes saved.</translation>
    </message>
    <message>
        <location filename="../../meeting_client/ui/registry/registry_page.py" line="102"/>
        <source>Đã vào sổ, số %1.</source>
        <translation>Registered as number %1.</translation>
    </message>
    <message>
        <location filename="../../meeting_client/ui/registry/registry_page.py" line="117"/>
        <source>In sổ văn bản</source>
        <translation>Print the register</translation>
    </message>
    <message>
        <location filename="../../meeting_client/ui/registry/registry_page.py" line="118"/>
        <source>Tệp PDF (*.pdf)</source>
        <translation>PDF files (*.pdf)</translation>
    </message>
</context>
<context>
    <name>RegistryTableModel</name>
    <message>
        <location filename="../../meeting_client/models/registry_model.py" line="99"/>
        <source>Đã hủy.</source>
        <translation>Cancelled.</translation>
    </message>
</context>
<context>
    <name>ResultView</name>
    <message>
        <location filename="../../meeting_client/ui/result_view.py" line="84"/>
        <source>Kết quả biểu quyết</source>
        <translation>Vote result</translation>
    </message>
    <message>
        <location filename="../../meeting_client/ui/result_view.py" line="87"/>
        <source>Đã biểu quyết %1/%2 đại biểu · %3</source>
        <translation>%1 of %2 delegates voted · %3</translation>
    </message>
    <message>
        <location filename="../../meeting_client/ui/result_view.py" line="91"/>
        <source>Vạch đứt: cần %1 phiếu Đồng ý để thông qua</source>
        <translation>Dashed line: %1 Agree votes are needed to pass</translation>
    </message>
    <message>
        <location filename="../../meeting_client/ui/result_view.py" line="99"/>
        <source>Bỏ phiếu kín — không hiển thị lựa chọn của từng đại biểu.</source>
        <translation>Secret ballot — individual delegates&apos; choices are not shown.</translation>
    </message>
    <message>
        <location filename="../../meeting_client/ui/result_view.py" line="100"/>
        <source>Kết quả biểu quyết của từng đại biểu:</source>
        <translation>How each delegate voted:</translation>
    </message>
</context>
<context>
    <name>RoomHeader</name>
    <message>
        <location filename="../../meeting_client/ui/room_header.py" line="63"/>
        <source>Kỳ họp đã bế mạc</source>
        <translation>The session has ended</translation>
    </message>
    <message>
        <location filename="../../meeting_client/ui/room_header.py" line="65"/>
        <source>Nội dung: %1</source>
        <translation>Item: %1</translation>
    </message>
    <message>
        <location filename="../../meeting_client/ui/room_header.py" line="66"/>
        <source>Chưa bắt đầu nội dung nào</source>
        <translation>No item taken up yet</translation>
    </message>
    <message>
        <location filename="../../meeting_client/ui/room_header.py" line="73"/>
        <source>● Đã kết nối</source>
        <translation>● Connected</translation>
    </message>
    <message>
        <location filename="../../meeting_client/ui/room_header.py" line="74"/>
        <source>● Đang kết nối…</source>
        <translation>● Connecting…</translation>
    </message>
    <message>
        <location filename="../../meeting_client/ui/room_header.py" line="75"/>
        <location filename="../../meeting_client/ui/room_header.py" line="76"/>
        <source>● Mất kết nối</source>
        <translation>● Connection lost</translation>
    </message>
</context>
<context>
    <name>SeatMap</name>
    <message>
        <location filename="../../meeting_client/ui/seat_map.py" line="144"/>
        <source>Có mặt</source>
        <translation>Present</translation>
    </message>
    <message>
        <location filename="../../meeting_client/ui/seat_map.py" line="144"/>
        <source>Vắng mặt</source>
        <translation>Absent</translation>
    </message>
    <message>
        <location filename="../../meeting_client/ui/seat_map.py" line="145"/>
        <source>Đăng ký phát biểu</source>
        <translation>Waiting to speak</translation>
    </message>
    <message>
        <location filename="../../meeting_client/ui/seat_map.py" line="146"/>
        <source>Đang phát biểu</source>
        <translation>Speaking</translation>
    </message>
    <message>
        <location filename="../../meeting_client/ui/seat_map.py" line="152"/>
        <source>Đã biểu quyết</source>
        <translation>Voted</translation>
    </message>
    <message>
        <location filename="../../meeting_client/ui/seat_map.py" line="168"/>
        <source>Sơ đồ hội trường</source>
        <translation>Seating plan</translation>
    </message>
</context>
<context>
    <name>SeatPlanTab</name>
    <message>
        <location filename="../../meeting_client/ui/preparation/seat_plan_tab.py" line="40"/>
        <source>Khối</source>
        <translation>Block</translation>
    </message>
    <message>
        <location filename="../../meeting_client/ui/preparation/seat_plan_tab.py" line="40"/>
        <source>Đoàn chủ tịch</source>
        <translation>Presidium</translation>
    </message>
    <message>
        <location filename="../../meeting_client/ui/preparation/seat_plan_tab.py" line="40"/>
        <source>Số hàng</source>
        <translation>Rows</translation>
    </message>
    <message>
        <location filename="../../meeting_client/ui/preparation/seat_plan_tab.py" line="41"/>
        <source>Ghế mỗi hàng</source>
        <translation>Seats per row</translation>
    </message>
    <message>
        <location filename="../../meeting_client/ui/preparation/seat_plan_tab.py" line="41"/>
        <source>Hàng đầu / các ghế</source>
        <translation>First row / seats</translation>
    </message>
    <message>
        <location filename="../../meeting_client/ui/preparation/seat_plan_tab.py" line="50"/>
        <source>Đoàn chủ tịch: liệt kê các ghế, cách nhau bằng dấu phẩy. Hội trường: số hàng, số ghế mỗi hàng và chữ của hàng đầu.</source>
        <translation>Presidium: list the seats, separated by commas. Hall: rows, seats per row and the letter of the first row.</translation>
    </message>
    <message>
        <location filename="../../meeting_client/ui/preparation/seat_plan_tab.py" line="53"/>
        <source>Lấy từ ghế đã xếp</source>
        <translation>From the seats given</translation>
    </message>
    <message>
        <location filename="../../meeting_client/ui/preparation/seat_plan_tab.py" line="54"/>
        <source>Thêm khối</source>
        <translation>Add block</translation>
    </message>
    <message>
        <location filename="../../meeting_client/ui/preparation/seat_plan_tab.py" line="55"/>
        <source>Xóa khối</source>
        <translation>Remove block</translation>
    </message>
    <message>
        <location filename="../../meeting_client/ui/preparation/seat_plan_tab.py" line="56"/>
        <source>Lưu sơ đồ</source>
        <translation>Save layout</translation>
    </message>
    <message>
        <location filename="../../meeting_client/ui/preparation/seat_plan_tab.py" line="71"/>
        <source>Khối mới</source>
        <translation>New block</translation>
    </message>
</context>
<context>
    <name>SignInPage</name>
    <message>
        <location filename="../../meeting_client/ui/sign_in_page.py" line="32"/>
        <source>Ví dụ: d001</source>
        <translation>e.g. d001</translation>
    </message>
    <message>
        <location filename="../../meeting_client/ui/sign_in_page.py" line="37"/>
        <location filename="../../meeting_client/ui/sign_in_page.py" line="76"/>
        <source>Đăng nhập</source>
        <translation>Sign in</translation>
    </message>
    <message>
        <location filename="../../meeting_client/ui/sign_in_page.py" line="42"/>
        <source>Địa chỉ máy chủ</source>
        <translation>Server address</translation>
    </message>
    <message>
        <location filename="../../meeting_client/ui/sign_in_page.py" line="43"/>
        <source>Tên đăng nhập</source>
        <translation>User name</translation>
    </message>
    <message>
        <location filename="../../meeting_client/ui/sign_in_page.py" line="44"/>
        <source>Mật khẩu</source>
        <translation>Password</translation>
    </message>
    <message>
        <location filename="../../meeting_client/ui/sign_in_page.py" line="48"/>
        <source>Họp thông minh</source>
        <translation>Smart Meeting</translation>
    </message>
    <message>
        <location filename="../../meeting_client/ui/sign_in_page.py" line="49"/>
        <source>Đăng nhập để vào phòng họp</source>
        <translation>Sign in to enter the meeting</translation>
    </message>
    <message>
        <location filename="../../meeting_client/ui/sign_in_page.py" line="75"/>
        <source>Đang đăng nhập…</source>
        <translation>Signing in…</translation>
    </message>
</context>
<context>
    <name>SpeakerPanel</name>
    <message>
        <location filename="../../meeting_client/ui/speaker_panel.py" line="23"/>
        <source>Đăng ký phát biểu</source>
        <translation>Request the floor</translation>
    </message>
    <message>
        <location filename="../../meeting_client/ui/speaker_panel.py" line="26"/>
        <source>Rút đăng ký</source>
        <translation>Withdraw request</translation>
    </message>
    <message>
        <location filename="../../meeting_client/ui/speaker_panel.py" line="27"/>
        <source>Kết thúc phát biểu</source>
        <translation>End speech</translation>
    </message>
    <message>
        <location filename="../../meeting_client/ui/speaker_panel.py" line="30"/>
        <source>Phát biểu</source>
        <translation>Floor</translation>
    </message>
    <message>
        <location filename="../../meeting_client/ui/speaker_panel.py" line="76"/>
        <source>Kỳ họp đã bế mạc.</source>
        <translation>The session has ended.</translation>
    </message>
    <message>
        <location filename="../../meeting_client/ui/speaker_panel.py" line="78"/>
        <source>Chỉ đại biểu được đăng ký phát biểu.</source>
        <translation>Only delegates can request the floor.</translation>
    </message>
    <message>
        <location filename="../../meeting_client/ui/speaker_panel.py" line="80"/>
        <source>Hãy điểm danh để đăng ký phát biểu.</source>
        <translation>Check in to request the floor.</translation>
    </message>
    <message>
        <location filename="../../meeting_client/ui/speaker_panel.py" line="82"/>
        <source>Đang gửi đăng ký…</source>
        <translation>Sending request…</translation>
    </message>
    <message>
        <location filename="../../meeting_client/ui/speaker_panel.py" line="84"/>
        <source>Bạn chưa đăng ký phát biểu.</source>
        <translation>You have not requested the floor.</translation>
    </message>
    <message>
        <location filename="../../meeting_client/ui/speaker_panel.py" line="86"/>
        <location filename="../../meeting_client/ui/speaker_panel.py" line="96"/>
        <source>Đang phát biểu: %1</source>
        <translation>Speaking: %1</translation>
    </message>
    <message>
        <location filename="../../meeting_client/ui/speaker_panel.py" line="93"/>
        <source>Đã đăng ký phát biểu — thứ tự %1</source>
        <translation>Floor requested — number %1 in line</translation>
    </message>
    <message>
        <location filename="../../meeting_client/ui/speaker_panel.py" line="101"/>
        <source>Đang phát biểu</source>
        <translation>Speaking</translation>
    </message>
    <message>
        <location filename="../../meeting_client/ui/speaker_panel.py" line="112"/>
        <source>Không giới hạn thời gian</source>
        <translation>No time limit</translation>
    </message>
    <message>
        <location filename="../../meeting_client/ui/speaker_panel.py" line="114"/>
        <source>Còn %1</source>
        <translation>%1 left</translation>
    </message>
</context>
<context>
    <name>SpeakerQueueModel</name>
    <message>
        <location filename="../../meeting_client/models/speaker_model.py" line="61"/>
        <source>Đang phát biểu</source>
        <translation>Speaking</translation>
    </message>
    <message>
        <location filename="../../meeting_client/models/speaker_model.py" line="72"/>
        <source>Thứ tự</source>
        <translation>Order</translation>
    </message>
    <message>
        <location filename="../../meeting_client/models/speaker_model.py" line="72"/>
        <source>Đại biểu</source>
        <translation>Delegate</translation>
    </message>
    <message>
        <location filename="../../meeting_client/models/speaker_model.py" line="72"/>
        <source>Ghế</source>
        <translation>Seat</translation>
    </message>
</context>
<context>
    <name>SpeakerQueuePanel</name>
    <message>
        <location filename="../../meeting_client/ui/speaker_queue_panel.py" line="47"/>
        <source> phút</source>
        <translation> min</translation>
    </message>
    <message>
        <location filename="../../meeting_client/ui/speaker_queue_panel.py" line="48"/>
        <source>Thời gian phát biểu</source>
        <translation>Speaking time</translation>
    </message>
    <message>
        <location filename="../../meeting_client/ui/speaker_queue_panel.py" line="49"/>
        <source>Mời phát biểu</source>
        <translation>Give the floor</translation>
    </message>
    <message>
        <location filename="../../meeting_client/ui/speaker_queue_panel.py" line="52"/>
        <source>Kết thúc phát biểu</source>
        <translation>End speech</translation>
    </message>
    <message>
        <location filename="../../meeting_client/ui/speaker_queue_panel.py" line="54"/>
        <source>Rút đăng ký</source>
        <translation>Withdraw request</translation>
    </message>
    <message>
        <location filename="../../meeting_client/ui/speaker_queue_panel.py" line="55"/>
        <source>Chưa có đại biểu đăng ký phát biểu.</source>
        <translation>No one has requested the floor.</translation>
    </message>
    <message>
        <location filename="../../meeting_client/ui/speaker_queue_panel.py" line="57"/>
        <source>Thời gian phát biểu:</source>
        <translation>Speaking time:</translation>
    </message>
    <message>
        <location filename="../../meeting_client/ui/speaker_queue_panel.py" line="63"/>
        <source>Điều hành phát biểu</source>
        <translation>Floor control</translation>
    </message>
    <message>
        <location filename="../../meeting_client/ui/speaker_queue_panel.py" line="65"/>
        <source>Danh sách đăng ký phát biểu</source>
        <translation>Speakers waiting</translation>
    </message>
</context>
<context>
    <name>SpeakingTimer</name>
    <message>
        <location filename="../../meeting_client/ui/speaking_timer.py" line="50"/>
        <source>Chưa có đại biểu phát biểu</source>
        <translation>No one is speaking</translation>
    </message>
    <message>
        <location filename="../../meeting_client/ui/speaking_timer.py" line="55"/>
        <source>Đang phát biểu: %1</source>
        <translation>Speaking: %1</translation>
    </message>
    <message>
        <location filename="../../meeting_client/ui/speaking_timer.py" line="60"/>
        <source>Không giới hạn thời gian</source>
        <translation>No time limit</translation>
    </message>
    <message>
        <location filename="../../meeting_client/ui/speaking_timer.py" line="63"/>
        <source>Thời gian cho phép: %1</source>
        <translation>Time allowed: %1</translation>
    </message>
</context>
<context>
    <name>TallyModel</name>
    <message>
        <location filename="../../meeting_client/models/tally_model.py" line="63"/>
        <source>Lựa chọn</source>
        <translation>Choice</translation>
    </message>
    <message>
        <location filename="../../meeting_client/models/tally_model.py" line="63"/>
        <source>Số phiếu</source>
        <translation>Votes</translation>
    </message>
    <message>
        <location filename="../../meeting_client/models/tally_model.py" line="63"/>
        <source>Tỷ lệ</source>
        <translation>Share</translation>
    </message>
    <message>
        <location filename="../../meeting_client/models/tally_model.py" line="73"/>
        <source>Không tham gia</source>
        <translation>Did not vote</translation>
    </message>
</context>
<context>
    <name>ThumbnailModel</name>
    <message>
        <location filename="../../meeting_client/ui/reader/thumbnails.py" line="73"/>
        <source>Trang %1</source>
        <translation>Page %1</translation>
    </message>
</context>
<context>
    <name>TimelineModel</name>
    <message>
        <location filename="../../meeting_client/models/timeline_model.py" line="57"/>
        <source>Thời gian</source>
        <translation>Time</translation>
    </message>
    <message>
        <location filename="../../meeting_client/models/timeline_model.py" line="57"/>
        <source>Diễn biến</source>
        <translation>Event</translation>
    </message>
</context>
<context>
    <name>TodoPage</name>
    <message>
        <location filename="../../meeting_client/ui/registry/todo_page.py" line="37"/>
        <source>Văn bản cần xử lý</source>
        <translation>Documents to handle</translation>
    </message>
    <message>
        <location filename="../../meeting_client/ui/registry/todo_page.py" line="40"/>
        <source>Hạn xử lý</source>
        <translation>Deadline</translation>
    </message>
    <message>
        <location filename="../../meeting_client/ui/registry/todo_page.py" line="40"/>
        <source>Số, ký hiệu</source>
        <translation>Number and symbol</translation>
    </message>
    <message>
        <location filename="../../meeting_client/ui/registry/todo_page.py" line="41"/>
        <source>Cơ quan ban hành</source>
        <translation>Issuing body</translation>
    </message>
    <message>
        <location filename="../../meeting_client/ui/registry/todo_page.py" line="42"/>
        <source>Trích yếu</source>
        <translation>Summary</translation>
    </message>
    <message>
        <location filename="../../meeting_client/ui/registry/todo_page.py" line="46"/>
        <source>Không có văn bản nào cần xử lý.</source>
        <translation>Nothing to handle.</translation>
    </message>
    <message>
        <location filename="../../meeting_client/ui/registry/todo_page.py" line="63"/>
        <source>(không hạn)</source>
        <translation>(no deadline)</translation>
    </message>
    <message>
        <location filename="../../meeting_client/ui/registry/todo_page.py" line="70"/>
        <source>Quá hạn</source>
        <translation>Overdue</translation>
    </message>
</context>
<context>
    <name>UnitDialog</name>
    <message>
        <location filename="../../meeting_client/ui/admin/unit_dialog.py" line="30"/>
        <source>Sửa đơn vị</source>
        <translation>Edit unit</translation>
    </message>
    <message>
        <location filename="../../meeting_client/ui/admin/unit_dialog.py" line="30"/>
        <source>Thêm đơn vị</source>
        <translation>Add unit</translation>
    </message>
    <message>
        <location filename="../../meeting_client/ui/admin/unit_dialog.py" line="35"/>
        <source>(Cấp cao nhất)</source>
        <translation>(Top level)</translation>
    </message>
    <message>
        <location filename="../../meeting_client/ui/admin/unit_dialog.py" line="45"/>
        <source>Tên đơn vị</source>
        <translation>Unit name</translation>
    </message>
    <message>
        <location filename="../../meeting_client/ui/admin/unit_dialog.py" line="46"/>
        <source>Mã</source>
        <translation>Code</translation>
    </message>
    <message>
        <location filename="../../meeting_client/ui/admin/unit_dialog.py" line="47"/>
        <source>Trực thuộc</source>
        <translation>Under</translation>
    </message>
    <message>
        <location filename="../../meeting_client/ui/admin/unit_dialog.py" line="49"/>
        <source>Lưu</source>
        <translation>Save</translation>
    </message>
    <message>
        <location filename="../../meeting_client/ui/admin/unit_dialog.py" line="49"/>
        <source>Hủy</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <location filename="../../meeting_client/ui/admin/unit_dialog.py" line="65"/>
        <source>Hãy nhập tên đơn vị.</source>
        <translation>Enter the unit&apos;s name.</translation>
    </message>
</context>
<context>
    <name>UnitTreeModel</name>
    <message>
        <location filename="../../meeting_client/models/org.py" line="224"/>
        <source>Đơn vị</source>
        <translation>Unit</translation>
    </message>
    <message>
        <location filename="../../meeting_client/models/org.py" line="224"/>
        <source>Mã</source>
        <translation>Code</translation>
    </message>
</context>
<context>
    <name>UserDialog</name>
    <message>
        <location filename="../../meeting_client/ui/admin/user_dialog.py" line="48"/>
        <source>Sửa người dùng</source>
        <translation>Edit user</translation>
    </message>
    <message>
        <location filename="../../meeting_client/ui/admin/user_dialog.py" line="48"/>
        <source>Thêm người dùng</source>
        <translation>Add user</translation>
    </message>
    <message>
        <location filename="../../meeting_client/ui/admin/user_dialog.py" line="56"/>
        <source>(Không thuộc đơn vị nào)</source>
        <translation>(No unit)</translation>
    </message>
    <message>
        <location filename="../../meeting_client/ui/admin/user_dialog.py" line="80"/>
        <source>Tên đăng nhập</source>
        <translation>User name</translation>
    </message>
    <message>
        <location filename="../../meeting_client/ui/admin/user_dialog.py" line="81"/>
        <source>Họ và tên</source>
        <translation>Full name</translation>
    </message>
    <message>
        <location filename="../../meeting_client/ui/admin/user_dialog.py" line="82"/>
        <source>Đơn vị</source>
        <translation>Unit</translation>
    </message>
    <message>
        <location filename="../../meeting_client/ui/admin/user_dialog.py" line="83"/>
        <source>Chức vụ</source>
        <translation>Position</translation>
    </message>
    <message>
        <location filename="../../meeting_client/ui/admin/user_dialog.py" line="84"/>
        <source>Vai trò</source>
        <translation>Roles</translation>
    </message>
    <message>
        <location filename="../../meeting_client/ui/admin/user_dialog.py" line="85"/>
        <source>Email</source>
        <translation>Email</translation>
    </message>
    <message>
        <location filename="../../meeting_client/ui/admin/user_dialog.py" line="87"/>
        <source>Bắt buộc đổi mật khẩu khi đăng nhập lần đầu</source>
        <translation>Must change the password at first sign-in</translation>
    </message>
    <message>
        <location filename="../../meeting_client/ui/admin/user_dialog.py" line="89"/>
        <source>Tạo mật khẩu tạm</source>
        <translation>Make a temporary password</translation>
    </message>
    <message>
        <location filename="../../meeting_client/ui/admin/user_dialog.py" line="94"/>
        <source>Mật khẩu</source>
        <translation>Password</translation>
    </message>
    <message>
        <location filename="../../meeting_client/ui/admin/user_dialog.py" line="97"/>
        <source>Lưu</source>
        <translation>Save</translation>
    </message>
    <message>
        <location filename="../../meeting_client/ui/admin/user_dialog.py" line="97"/>
        <source>Hủy</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <location filename="../../meeting_client/ui/admin/user_dialog.py" line="110"/>
        <source>Tên đăng nhập chỉ gồm chữ không dấu, số, dấu chấm, gạch ngang hoặc gạch dưới.</source>
        <translation>A user name has only letters without diacritics, digits, dots, hyphens or underscores.</translation>
    </message>
    <message>
        <location filename="../../meeting_client/ui/admin/user_dialog.py" line="113"/>
        <source>Hãy nhập họ và tên.</source>
        <translation>Enter the full name.</translation>
    </message>
    <message>
        <location filename="../../meeting_client/ui/admin/user_dialog.py" line="115"/>
        <source>Mật khẩu phải có ít nhất %1 ký tự.</source>
        <translation>A password needs at least %1 characters.</translation>
    </message>
</context>
<context>
    <name>UserTableModel</name>
    <message>
        <location filename="../../meeting_client/models/org.py" line="138"/>
        <source>Đang hoạt động</source>
        <translation>Active</translation>
    </message>
    <message>
        <location filename="../../meeting_client/models/org.py" line="138"/>
        <source>Đã khóa</source>
        <translation>Deactivated</translation>
    </message>
    <message>
        <location filename="../../meeting_client/models/org.py" line="148"/>
        <source>Họ và tên</source>
        <translation>Full name</translation>
    </message>
    <message>
        <location filename="../../meeting_client/models/org.py" line="148"/>
        <source>Tên đăng nhập</source>
        <translation>User name</translation>
    </message>
    <message>
        <location filename="../../meeting_client/models/org.py" line="148"/>
        <source>Đơn vị</source>
        <translation>Unit</translation>
    </message>
    <message>
        <location filename="../../meeting_client/models/org.py" line="149"/>
        <source>Chức vụ</source>
        <translation>Position</translation>
    </message>
    <message>
        <location filename="../../meeting_client/models/org.py" line="149"/>
        <source>Vai trò</source>
        <translation>Roles</translation>
    </message>
    <message>
        <location filename="../../meeting_client/models/org.py" line="149"/>
        <source>Trạng thái</source>
        <translation>Status</translation>
    </message>
</context>
<context>
    <name>VotePanel</name>
    <message>
        <location filename="../../meeting_client/ui/vote_panel.py" line="42"/>
        <location filename="../../meeting_client/ui/vote_panel.py" line="165"/>
        <source>Biểu quyết</source>
        <translation>Voting</translation>
    </message>
    <message>
        <location filename="../../meeting_client/ui/vote_panel.py" line="52"/>
        <source>Hiện chưa có nội dung biểu quyết.</source>
        <translation>No vote at the moment.</translation>
    </message>
    <message>
        <location filename="../../meeting_client/ui/vote_panel.py" line="69"/>
        <source>Xác nhận biểu quyết</source>
        <translation>Confirm my vote</translation>
    </message>
    <message>
        <location filename="../../meeting_client/ui/vote_panel.py" line="71"/>
        <source>Chọn lại</source>
        <translation>Choose again</translation>
    </message>
    <message>
        <location filename="../../meeting_client/ui/vote_panel.py" line="82"/>
        <source>Lựa chọn của bạn chỉ hiển thị trên máy này.</source>
        <translation>Your choice is shown only on this terminal.</translation>
    </message>
    <message>
        <location filename="../../meeting_client/ui/vote_panel.py" line="158"/>
        <source>Bạn đã biểu quyết</source>
        <translation>You have voted</translation>
    </message>
    <message>
        <location filename="../../meeting_client/ui/vote_panel.py" line="159"/>
        <source>Bạn đã chọn: %1</source>
        <translation>You chose: %1</translation>
    </message>
    <message>
        <location filename="../../meeting_client/ui/vote_panel.py" line="160"/>
        <source>Kết quả biểu quyết</source>
        <translation>Vote result</translation>
    </message>
    <message>
        <location filename="../../meeting_client/ui/vote_panel.py" line="175"/>
        <source>Đang biểu quyết</source>
        <translation>Voting</translation>
    </message>
    <message>
        <location filename="../../meeting_client/ui/vote_panel.py" line="178"/>
        <source>Bỏ phiếu kín</source>
        <translation>Secret ballot</translation>
    </message>
    <message>
        <location filename="../../meeting_client/ui/vote_panel.py" line="178"/>
        <source>Biểu quyết công khai</source>
        <translation>Open ballot</translation>
    </message>
    <message>
        <location filename="../../meeting_client/ui/vote_panel.py" line="184"/>
        <source>Đã biểu quyết %1/%2</source>
        <translation>Voted %1/%2</translation>
    </message>
    <message>
        <location filename="../../meeting_client/ui/vote_panel.py" line="190"/>
        <source>Đang gửi phiếu: %1…</source>
        <translation>Sending ballot: %1…</translation>
    </message>
    <message>
        <location filename="../../meeting_client/ui/vote_panel.py" line="193"/>
        <source>✓ Đã biểu quyết (phiếu đã được ghi nhận trước đó)</source>
        <translation>✓ Voted (your ballot was recorded earlier)</translation>
    </message>
    <message>
        <location filename="../../meeting_client/ui/vote_panel.py" line="196"/>
        <source>✓ Đã biểu quyết: %1</source>
        <translation>✓ Voted: %1</translation>
    </message>
    <message>
        <location filename="../../meeting_client/ui/vote_panel.py" line="205"/>
        <source>Bạn chọn: «%1». Xác nhận biểu quyết?</source>
        <translation>You chose “%1”. Confirm your vote?</translation>
    </message>
    <message>
        <location filename="../../meeting_client/ui/vote_panel.py" line="210"/>
        <source>Chỉ đại biểu được biểu quyết. Theo dõi tiến độ ở trên.</source>
        <translation>Only delegates vote. Follow the progress above.</translation>
    </message>
    <message>
        <location filename="../../meeting_client/ui/vote_panel.py" line="212"/>
        <source>Mất kết nối — chờ kết nối lại để biểu quyết.</source>
        <translation>Connection lost — wait for it to return to vote.</translation>
    </message>
    <message>
        <location filename="../../meeting_client/ui/vote_panel.py" line="214"/>
        <source>Bạn cần điểm danh trước khi biểu quyết.</source>
        <translation>You need to check in before voting.</translation>
    </message>
    <message>
        <location filename="../../meeting_client/ui/vote_panel.py" line="216"/>
        <source>Chọn một phương án, sau đó xác nhận.</source>
        <translation>Choose an option, then confirm.</translation>
    </message>
</context>
<context>
    <name>Workspace</name>
    <message>
        <location filename="../../meeting_client/ui/workspace/registry.py" line="190"/>
        <source>Họp</source>
        <translation>Meetings</translation>
    </message>
    <message>
        <location filename="../../meeting_client/ui/workspace/registry.py" line="193"/>
        <source>Chuẩn bị họp</source>
        <translation>Preparing meetings</translation>
    </message>
    <message>
        <location filename="../../meeting_client/ui/workspace/registry.py" line="195"/>
        <source>Lịch công tác</source>
        <translation>Work calendar</translation>
    </message>
    <message>
        <location filename="../../meeting_client/ui/workspace/registry.py" line="198"/>
        <source>Chỉ đạo</source>
        <translation>Directives</translation>
    </message>
    <message>
        <location filename="../../meeting_client/ui/workspace/registry.py" line="200"/>
        <source>Sổ văn bản</source>
        <translation>Documents register</translation>
    </message>
    <message>
        <location filename="../../meeting_client/ui/workspace/registry.py" line="202"/>
        <source>Cảnh báo</source>
        <translation>Alerts</translation>
    </message>
    <message>
        <location filename="../../meeting_client/ui/workspace/registry.py" line="204"/>
        <source>Tin nhắn</source>
        <translation>Messages</translation>
    </message>
    <message>
        <location filename="../../meeting_client/ui/workspace/registry.py" line="206"/>
        <source>Camera</source>
        <translation>Cameras</translation>
    </message>
    <message>
        <location filename="../../meeting_client/ui/workspace/registry.py" line="208"/>
        <source>Quản trị</source>
        <translation>Administration</translation>
    </message>
    <message>
        <location filename="../../meeting_client/ui/workspace/shell.py" line="53"/>
        <source>Họp thông minh</source>
        <translation>Smart Meeting</translation>
    </message>
    <message>
        <location filename="../../meeting_client/ui/workspace/shell.py" line="65"/>
        <source>Đổi mật khẩu…</source>
        <translation>Change password…</translation>
    </message>
    <message>
        <location filename="../../meeting_client/ui/workspace/shell.py" line="66"/>
        <source>Đăng xuất</source>
        <translation>Sign out</translation>
    </message>
</context>
<context>
    <name>page</name>
    <message>
        <location filename="../../meeting_client/ui/reader/__main__.py" line="45"/>
        <source>Tài liệu kỳ họp — Họp thông minh</source>
        <translation>Meeting papers — Smart Meeting</translation>
    </message>
</context>
</TS>
