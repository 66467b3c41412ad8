"""The one place where a module registers its page in the workspace.

To add a module (calendar, directives, registry, alerts, messages, cameras), add
one :class:`ModuleEntry` to :func:`modules`: its key, Vietnamese title, icon,
who may see it, how to build its page, and optionally what its badge counts.
The page itself lives in its own package ``meeting_client/ui/<module>/`` with its
models in ``meeting_client/models/``. Pages are built the first time they are
shown, so a module costs nothing to a user who never opens it.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from PySide6.QtCore import QCoreApplication, QObject
from PySide6.QtWidgets import QWidget

from meeting_client.models.account import Account
from meeting_client.models.port import CommandPort
from meeting_client.models.session import Me
from meeting_client.models.workspace import BadgeSource


@dataclass(frozen=True, slots=True)
class WorkspaceContext:
    """What a module's page and badge are built from."""

    account: Account
    port: CommandPort
    me: Me
    owner: QObject
    """Parent for QObjects a factory makes (badges, models): they live as long as it."""
    show_module: Callable[[str], QWidget | None] = lambda _key: None
    """Bring a module's page forward (built if need be); None when this user has none."""


@dataclass(frozen=True, slots=True)
class ModuleEntry:
    key: str
    title: Callable[[], str]
    """Called when the rail is built, so the title follows the installed translation."""
    icon: str
    """Name of an SVG in ``resources/icons``."""
    visible: Callable[[Me], bool]
    """Whether this user sees the module (a predicate on their roles, unit …)."""
    page: Callable[[WorkspaceContext], QWidget]
    badge: Callable[[WorkspaceContext], BadgeSource] | None = None


def _anyone(_me: Me) -> bool:
    return True


def _people_admins(me: Me) -> bool:
    return bool({"admin", "office"} & set(me.roles))


def _meetings_page(ctx: WorkspaceContext) -> QWidget:
    from meeting_client.ui.meetings.page import MeetingsPage

    return MeetingsPage(ctx.account)


def _meetings_badge(ctx: WorkspaceContext) -> BadgeSource:
    from meeting_client.models.workspace import TodayMeetingsBadge

    return TodayMeetingsBadge(ctx.account.meeting_list_model, ctx.owner)


def _preparers(me: Me) -> bool:
    return bool({"admin", "office"} & set(me.roles))


def _preparation_page(ctx: WorkspaceContext) -> QWidget:
    from meeting_client.ui.preparation.page import PreparationPage

    page = PreparationPage(ctx.port, me_id=ctx.me.id, is_admin="admin" in ctx.me.roles)
    page.start()
    return page


def _admin_page(ctx: WorkspaceContext) -> QWidget:
    from meeting_client.models.org import OrgDirectory
    from meeting_client.ui.admin.page import AdminPage

    return AdminPage(OrgDirectory(ctx.port, ctx.me, ctx.owner))


def _calendar_page(ctx: WorkspaceContext) -> QWidget:
    from meeting_client.models.calendar import CalendarStore
    from meeting_client.ui.calendar.page import CalendarPage

    store = CalendarStore(ctx.port, ctx.me, ctx.owner)
    page = CalendarPage(store)
    store.start()
    return page


_LINK_PAGES = {"directive": ("directives", "open_directive"),
               "registry": ("registry", "open_entry"),
               "camera": ("cameras", "focus")}
"""Link kind → (module key, the page's method that shows one object by id)."""


def _open_link(ctx: WorkspaceContext, link: str) -> None:
    """What an alert's or a message's internal link opens: ``meeting:12`` the meeting,
    ``directive:3``, ``registry:5``, ``camera:2`` that object on its module's page. A
    module this user does not have opens nothing (the server would refuse it anyway)."""
    kind, _, ref = link.partition(":")
    if not ref.isdigit():
        return
    if kind == "meeting":
        ctx.account.open_meeting(int(ref))
    elif kind in _LINK_PAGES:
        key, method = _LINK_PAGES[kind]
        page = ctx.show_module(key)
        if page is not None:
            getattr(page, method)(int(ref))


def _alerts_page(ctx: WorkspaceContext) -> QWidget:
    from meeting_client.ui.alerts.alerts_page import AlertsPage

    assert ctx.account.alerts is not None
    page = AlertsPage(ctx.account.alerts, titled=False,
                      wall=bool({"operator", "admin"} & set(ctx.me.roles)))
    page.link_requested.connect(lambda link: _open_link(ctx, link))
    return page


def _alerts_badge(ctx: WorkspaceContext) -> BadgeSource:
    from meeting_client.models.alerts_model import CenterBadge

    alerts = ctx.account.alerts
    assert alerts is not None
    return CenterBadge(alerts.unacknowledged_changed, alerts.unacknowledged, ctx.owner)


def _messages_page(ctx: WorkspaceContext) -> QWidget:
    from meeting_client.ui.messages.messages_page import MessagesPage

    assert ctx.account.messages is not None
    page = MessagesPage(ctx.account.messages)
    page.link_requested.connect(lambda link: _open_link(ctx, link))
    return page


def _messages_badge(ctx: WorkspaceContext) -> BadgeSource:
    from meeting_client.models.alerts_model import CenterBadge

    messages = ctx.account.messages
    assert messages is not None
    return CenterBadge(messages.unread_changed, messages.unread, ctx.owner)


def _registry_users(me: Me) -> bool:
    """The documents registry: office, leaders, admins and the staff of a unit."""
    return bool({"admin", "office", "leader"} & set(me.roles)) or me.unit_id is not None


def _registry_page(ctx: WorkspaceContext) -> QWidget:
    from meeting_client.ui.registry.registry_page import RegistryPage

    page = RegistryPage(ctx.port, office=bool({"admin", "office"} & set(ctx.me.roles)),
                        user_id=ctx.me.id, leader="leader" in ctx.me.roles)
    page.start()
    return page


def _registry_badge(ctx: WorkspaceContext) -> BadgeSource:
    from meeting_client.models.registry_model import TodoBadge

    return TodoBadge(ctx.port, ctx.owner)


def _directives_page(ctx: WorkspaceContext) -> QWidget:
    from meeting_client.ui.directives.page import DirectivesPage

    return DirectivesPage(ctx.port, ctx.me)


def _directives_badge(ctx: WorkspaceContext) -> BadgeSource:
    from meeting_client.models.directives import DirectivesDueBadge

    return DirectivesDueBadge(ctx.port, ctx.owner)


def _operators(me: Me) -> bool:
    return bool({"admin", "operator"} & set(me.roles))


def _cameras_page(ctx: WorkspaceContext) -> QWidget:
    from meeting_client.models.cameras import CameraStore
    from meeting_client.ui.cameras.page import CamerasPage

    store = CameraStore(ctx.port, ctx.owner)
    page = CamerasPage(store)
    store.start()
    return page


def modules() -> list[ModuleEntry]:
    """Every module of the workspace, in rail order."""
    return [
        ModuleEntry("meetings", lambda: QCoreApplication.translate("Workspace", "Họp"),
                    "rail-meetings", _anyone, _meetings_page, _meetings_badge),
        ModuleEntry("preparation",
                    lambda: QCoreApplication.translate("Workspace", "Chuẩn bị họp"),
                    "rail-preparation", _preparers, _preparation_page),
        ModuleEntry("calendar", lambda: QCoreApplication.translate("Workspace", "Lịch công tác"),
                    "rail-calendar", _anyone, _calendar_page),
        ModuleEntry("directives",
                    lambda: QCoreApplication.translate("Workspace", "Chỉ đạo"),
                    "rail-directives", _anyone, _directives_page, _directives_badge),
        ModuleEntry("registry", lambda: QCoreApplication.translate("Workspace", "Sổ văn bản"),
                    "rail-registry", _registry_users, _registry_page, _registry_badge),
        ModuleEntry("alerts", lambda: QCoreApplication.translate("Workspace", "Cảnh báo"),
                    "rail-alerts", _anyone, _alerts_page, _alerts_badge),
        ModuleEntry("messages", lambda: QCoreApplication.translate("Workspace", "Tin nhắn"),
                    "rail-messages", _anyone, _messages_page, _messages_badge),
        ModuleEntry("cameras", lambda: QCoreApplication.translate("Workspace", "Camera"),
                    "rail-cameras", _operators, _cameras_page),
        ModuleEntry("admin", lambda: QCoreApplication.translate("Workspace", "Quản trị"),
                    "rail-admin", _people_admins, _admin_page),
    ]
