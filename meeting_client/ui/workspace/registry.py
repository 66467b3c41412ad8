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


def _directives_page(ctx: WorkspaceContext) -> QWidget:
    from meeting_client.ui.directives.page import DirectivesPage

    return DirectivesPage(ctx.port, ctx.me)


def _directives_badge(ctx: WorkspaceContext) -> BadgeSource:
    from meeting_client.models.directives import DirectivesDueBadge

    return DirectivesDueBadge(ctx.port, ctx.owner)


def modules() -> list[ModuleEntry]:
    """Every module of the workspace, in rail order."""
    return [
        ModuleEntry("meetings", lambda: QCoreApplication.translate("Workspace", "Họp"),
                    "rail-meetings", _anyone, _meetings_page, _meetings_badge),
        ModuleEntry("calendar", lambda: QCoreApplication.translate("Workspace", "Lịch công tác"),
                    "rail-calendar", _anyone, _calendar_page),
        ModuleEntry("directives",
                    lambda: QCoreApplication.translate("Workspace", "Chỉ đạo"),
                    "rail-directives", _anyone, _directives_page, _directives_badge),
        ModuleEntry("admin", lambda: QCoreApplication.translate("Workspace", "Quản trị"),
                    "rail-admin", _people_admins, _admin_page),
    ]
