"""The command registry and the one place that turns a frame into a reply.

Each domain declares its commands once — name, payload type, who may run it,
handler — with a :class:`CommandSet`. The :class:`Registry` refuses a name
declared twice and a command without a permission rule, at start-up.
"""

from __future__ import annotations

import logging
from collections.abc import Awaitable, Callable, Iterable
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any, Protocol

import msgspec
from sqlalchemy.engine import Connection

from meeting_protocol.commands import COMMAND_PAYLOADS, READ_ONLY_COMMANDS, Payload
from meeting_protocol.roles import (
    CHAIR,
    CLERK,
    DELEGATE,
    GLOBAL_ROLES,
    HALL,
    MEETING_ROLES,
    OBSERVER,
)
from server.errors import Conflict, Forbidden, NotFound, ProtocolError, Unauthenticated
from server.storage import idempotency

if TYPE_CHECKING:
    from server.services import Services
    from server.storage.committer import Tx

log = logging.getLogger(__name__)

__all__ = ["CHAIR", "CLERK", "DELEGATE", "MEETING_ROLES", "OBSERVER"]  # re-exported for domains


class Access:
    """Who may run a command. Use the module constants below."""

    def __init__(self, name: str, roles: frozenset[str] = frozenset()) -> None:
        self.name = name
        self.roles = roles

    def __repr__(self) -> str:
        return f"Access({self.name}, {sorted(self.roles)})"


PUBLIC = Access("public")
"""No session needed (sign-in)."""
AUTHENTICATED = Access("authenticated")
"""Any signed-in user; not tied to a meeting."""
ADMIN = Access("admin")


def global_roles(*roles: str) -> Access:
    """Users holding one of these global roles (PROTOCOL.md: admin, office, leader,
    operator). An admin passes every such check."""
    unknown = set(roles) - GLOBAL_ROLES
    if unknown or not roles:
        raise ValueError(f"bad global roles {roles!r}")
    return Access("global", frozenset(roles))


def meeting_roles(*roles: str) -> Access:
    """Members of the command's meeting with one of these roles.

    An admin passes every chair and clerk check, but never acts as a delegate.
    """
    unknown = set(roles) - MEETING_ROLES
    if unknown or not roles:
        raise ValueError(f"bad meeting roles {roles!r}")
    return Access("meeting", frozenset(roles))


MEMBERS = meeting_roles(CHAIR, CLERK, DELEGATE, OBSERVER, HALL)


class Membership(Protocol):
    """The meetings module's answer to "what is this user in that meeting?".

    Handed to the dispatcher through :class:`~server.services.Services` so that
    the dispatcher imports no domain. Both run inside a unit of work.
    """

    def role_in_meeting(self, conn: Connection, meeting_id: int, user_id: int) -> str | None: ...
    def meeting_exists(self, conn: Connection, meeting_id: int) -> bool: ...


UNTIL_PASSWORD_CHANGED = frozenset({"auth.change_password", "auth.logout"})
"""All a session may do while its user must still choose a new password."""


def check_password_change(spec: CommandSpec, session: Session | None) -> None:
    """Refuse everything but a password change to a session that must choose one.

    Called by the transport for every command, synchronous or not.
    """
    if (session is not None and session.must_change_password
            and spec.access is not PUBLIC and spec.name not in UNTIL_PASSWORD_CHANGED):
        raise Forbidden("Bạn cần đổi mật khẩu trước khi tiếp tục.",
                        en="You must change your password first.")


@dataclass(slots=True)
class Session:
    user_id: int
    username: str
    full_name: str
    is_admin: bool
    token_hash: str
    lang: str = "vi"
    roles: frozenset[str] = frozenset()
    """Global roles; ``admin`` is in it exactly when ``is_admin`` (kept current by org)."""

    def has_role(self, *roles: str) -> bool:
        return self.is_admin or not self.roles.isdisjoint(roles)
    unit_id: int | None = None
    must_change_password: bool = False


class ConnectionHandle(Protocol):
    """What a handler may do to the connection it serves."""

    session: Session | None
    peer: str

    def send_events(self, events: list[Any]) -> None: ...
    def subscribe(self, topic: str) -> None: ...
    def unsubscribe(self, topic: str) -> None: ...


@dataclass(slots=True)
class Context:
    conn: ConnectionHandle
    services: Services
    session: Session | None
    meeting_id: int | None = None
    role: str | None = None

    @property
    def user_id(self) -> int:
        if self.session is None:
            raise Unauthenticated()
        return self.session.user_id

    @property
    def is_admin(self) -> bool:
        return self.session is not None and self.session.is_admin


@dataclass(slots=True)
class Reply:
    """A result plus work to do on the loop once it is sent (e.g. subscribe)."""

    data: Any
    after: Callable[[], None] | None = None


SyncHandler = Callable[[Context, "Tx", Any], Any]
AsyncHandler = Callable[[Context, Any], Awaitable[Any]]
MeetingOf = Callable[[Connection, Any], int]


def meeting_from_payload(_conn: Connection, payload: Any) -> int:
    return int(payload.meeting_id)


@dataclass(frozen=True, slots=True)
class CommandSpec:
    name: str
    payload: type[Payload]
    access: Access
    handler: SyncHandler | AsyncHandler
    is_async: bool = False
    meeting_of: MeetingOf | None = None
    mutating: bool = True


@dataclass
class CommandSet:
    """One domain's commands, declared with the :meth:`command` decorator."""

    specs: list[CommandSpec] = field(default_factory=list)

    def command(
        self,
        name: str,
        *,
        access: Access,
        payload: type[Payload] | None = None,
        meeting_of: MeetingOf | None = None,
        is_async: bool = False,
        read_only: bool | None = None,
    ) -> Callable[[Any], Any]:
        """Declare a command.

        Args:
            name: ``domain.verb``.
            access: who may run it (required: there is no default permission).
            payload: its payload type; the core's come from ``COMMAND_PAYLOADS``.
            meeting_of: how to find the meeting a payload refers to; defaults to
                its ``meeting_id`` field for meeting-scoped access.
            is_async: the handler is a coroutine ``(ctx, payload)`` run on the
                loop instead of a unit of work in the database thread.
            read_only: changes nothing durable, so idempotency keys are
                ignored; defaults to membership of ``READ_ONLY_COMMANDS``.
        """
        payload_type = payload or COMMAND_PAYLOADS[name]
        if access.name == "meeting" and meeting_of is None:
            meeting_of = meeting_from_payload

        def register(fn: Any) -> Any:
            self.specs.append(
                CommandSpec(
                    name=name, payload=payload_type, access=access, handler=fn,
                    is_async=is_async, meeting_of=meeting_of,
                    mutating=not (read_only if read_only is not None
                                  else name in READ_ONLY_COMMANDS),
                )
            )
            return fn

        return register


class Registry:
    def __init__(self, sets: Iterable[CommandSet] = ()) -> None:
        self._specs: dict[str, CommandSpec] = {}
        for s in sets:
            self.include(s)

    def include(self, command_set: CommandSet) -> None:
        for spec in command_set.specs:
            if spec.name in self._specs:
                raise ValueError(f"command {spec.name!r} declared twice")
            if not isinstance(spec.access, Access):
                raise ValueError(f"command {spec.name!r} has no permission rule")
            if spec.access.name == "meeting" and spec.meeting_of is None:
                raise ValueError(f"command {spec.name!r} needs a meeting resolver")
            self._specs[spec.name] = spec

    def get(self, name: str) -> CommandSpec | None:
        return self._specs.get(name)

    def __iter__(self) -> Any:
        return iter(self._specs.values())

    def names(self) -> list[str]:
        return sorted(self._specs)


class Replayed:
    """The stored reply of a command already executed under the same key."""

    __slots__ = ("data",)

    def __init__(self, data: Any) -> None:
        self.data = data


def check_access(spec: CommandSpec, ctx: Context, conn: Connection, payload: Any) -> None:
    """Fill ``ctx.meeting_id`` / ``ctx.role`` and refuse what the role may not do.

    A meeting the user does not belong to is invisible (``not_found``), not
    merely forbidden: its existence is nobody else's business.
    """
    access = spec.access
    if access is PUBLIC:
        return
    session = ctx.session
    if session is None:
        raise Unauthenticated()
    if access is AUTHENTICATED:
        return
    if access.name == "global":
        if not session.has_role(*access.roles):
            raise Forbidden("Bạn không có quyền thực hiện thao tác này.",
                            en="You are not allowed to do this.")
        return
    if access is ADMIN:
        if not session.is_admin:
            raise Forbidden()
        return
    assert spec.meeting_of is not None
    meeting_id = spec.meeting_of(conn, payload)
    ctx.meeting_id = meeting_id
    membership = ctx.services.membership
    role = membership.role_in_meeting(conn, meeting_id, session.user_id)
    ctx.role = role
    if role is None and (not session.is_admin
                         or not membership.meeting_exists(conn, meeting_id)):
        raise NotFound("Không tìm thấy cuộc họp.", en="Meeting not found.")
    allowed = role in access.roles or (
        session.is_admin and bool(access.roles & {CHAIR, CLERK})
    )
    if not allowed:
        raise Forbidden(
            "Vai trò của bạn trong cuộc họp không cho phép thao tác này.",
            en="Your role in this meeting does not allow this.",
        )


def execute_unit(
    spec: CommandSpec, ctx: Context, payload: Any, key: str | None
) -> Callable[[Tx], Any]:
    """Build the database unit that runs one synchronous command."""

    def unit(tx: Tx) -> Any:
        session = ctx.session
        use_key = key is not None and spec.mutating and session is not None
        fp = ""
        if use_key:
            assert session is not None and key is not None
            fp = idempotency.fingerprint(spec.name, msgspec.to_builtins(payload))
            found = idempotency.lookup(tx.conn, session.user_id, key)
            if found is not None:
                stored_fp, reply = found
                if stored_fp != fp:
                    raise Conflict(
                        "Khóa chống lặp đã được dùng cho một lệnh khác.",
                        en="This idempotency key was used for another command.",
                    )
                return Replayed(reply)
        check_access(spec, ctx, tx.conn, payload)
        result = spec.handler(ctx, tx, payload)  # type: ignore[call-arg]
        if use_key:
            assert session is not None and key is not None
            data = result.data if isinstance(result, Reply) else result
            idempotency.remember(tx.conn, session.user_id, key, fp, msgspec.to_builtins(data))
        return result

    return unit


def error_reply(exc: BaseException, lang: str) -> tuple[str, str]:
    """Map any exception to ``(code, message)``; unexpected ones are logged."""
    if isinstance(exc, ProtocolError):
        return exc.code.value, exc.text(lang)
    log.error("internal error", exc_info=exc)
    internal = ProtocolError()
    return internal.code.value, internal.text(lang)
