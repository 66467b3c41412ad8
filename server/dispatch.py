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
    GUEST,
    HALL,
    MEETING_ROLES,
    OBSERVER,
    VICE_CHAIR,
)
from server.errors import (
    Conflict,
    Forbidden,
    NotFound,
    ProtocolError,
    RateLimited,
    Unauthenticated,
)
from server.storage import idempotency
from server.storage.eventlog import current_seq, events_between

if TYPE_CHECKING:
    from server.services import Services
    from server.storage.committer import Tx

log = logging.getLogger(__name__)

# re-exported for domains
__all__ = ["CHAIR", "CLERK", "DELEGATE", "GUEST", "MEETING_ROLES", "OBSERVER", "VICE_CHAIR"]


class Access:
    """Who may run a command. Use the module constants below."""

    def __init__(self, name: str, roles: frozenset[str] = frozenset(),
                 staff: frozenset[str] = frozenset()) -> None:
        self.name = name
        self.roles = roles
        self.staff = staff
        """Global roles that pass this meeting rule's chair and clerk checks like an admin
        (``office`` prepares every meeting), member of the meeting or not."""

    def __repr__(self) -> str:
        return f"Access({self.name}, {sorted(self.roles)}, {sorted(self.staff)})"


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


def meeting_roles(*roles: str, staff: tuple[str, ...] = ()) -> Access:
    """Members of the command's meeting with one of these roles.

    An admin passes every chair and clerk check, but never acts as a delegate;
    so do the holders of the global roles in ``staff`` (e.g. ``office``). A
    vice-chair passes every chair check (vice-chairs chair in turn).
    """
    unknown = set(roles) - MEETING_ROLES
    if unknown or not roles or set(staff) - GLOBAL_ROLES:
        raise ValueError(f"bad meeting roles {roles!r} / {staff!r}")
    return Access("meeting", frozenset(roles), frozenset(staff))


MEMBERS = meeting_roles(CHAIR, VICE_CHAIR, CLERK, DELEGATE, GUEST, OBSERVER, HALL)


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
    unit_id: int | None = None
    must_change_password: bool = False
    expires_at: float | None = None
    """Unix time the session ends; its connections are de-authenticated then."""

    def has_role(self, *roles: str) -> bool:
        return self.is_admin or not self.roles.isdisjoint(roles)


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
    key: str | None = None
    """The command's idempotency key, if any (set by the unit that runs it)."""

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


def object_resolver(message: str, en: str) -> Callable[[MeetingOf], MeetingOf]:
    """Mark a ``meeting_of`` that looks an object up (a poll, a floor request).

    The resolver raises ``not_found()`` for a missing object, and a non-member of
    the object's meeting gets that very error: the reply never tells whether the
    id exists.
    """

    def mark(fn: MeetingOf) -> MeetingOf:
        fn.not_found = lambda: NotFound(message, en=en)  # type: ignore[attr-defined]
        return fn

    return mark


@dataclass(frozen=True, slots=True)
class CommandSpec:
    name: str
    payload: type[Payload]
    access: Access
    handler: SyncHandler | AsyncHandler
    is_async: bool = False
    meeting_of: MeetingOf | None = None
    mutating: bool = True
    mix: str | Callable[[Context, Any], str | None] | None = None
    prepare: Callable[[Any], Any] | None = None


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
        mix: str | Callable[[Context, Any], str | None] | None = None,
        prepare: Callable[[Any], Any] | None = None,
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
            mix: ``"hold"`` — its unit waits to share a commit with others of its
                kind (secret ballots, see ``server.storage.committer``);
                ``"flush"`` — commits every held unit before itself (poll.close);
                or ``(ctx, payload) -> mode`` decided on the loop per command.
            prepare: CPU-heavy work on the payload (sanitising pasted HTML) that must
                run neither on the loop nor on the database thread: the transport
                checks access in a unit first, then runs ``prepare(payload)`` in an
                executor, then runs the handler on what it returned.
        """
        payload_type = payload or COMMAND_PAYLOADS[name]
        if access.name == "meeting" and meeting_of is None:
            meeting_of = meeting_from_payload

        def register(fn: Any) -> Any:
            self.specs.append(
                CommandSpec(
                    name=name, payload=payload_type, access=access, handler=fn,
                    is_async=is_async, meeting_of=meeting_of, mix=mix, prepare=prepare,
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
    staff = session.is_admin or bool(access.staff and session.has_role(*access.staff))
    if role is None and (not staff or not membership.meeting_exists(conn, meeting_id)):
        hidden = getattr(spec.meeting_of, "not_found", None)  # see object_resolver
        raise hidden() if hidden else NotFound("Không tìm thấy cuộc họp.",
                                               en="Meeting not found.")
    allowed = (role in access.roles
               or (staff and bool(access.roles & {CHAIR, CLERK}))
               or (role == VICE_CHAIR and CHAIR in access.roles))
    if not allowed:
        raise Forbidden(
            "Vai trò của bạn trong cuộc họp không cho phép thao tác này.",
            en="Your role in this meeting does not allow this.",
        )


MAX_TOPICS_PER_CONNECTION = 32
MAX_TOPICS_PER_USER = 128


def check_subscription_room(ctx: Context, topic: str) -> None:
    """Refuse a subscription beyond the per-connection and per-user caps (``rate_limited``)."""
    topics = getattr(ctx.conn, "topics", set())
    if topic in topics:
        return
    connections = ctx.services.connections
    per_user = (connections.user_topics(ctx.user_id) if connections is not None else 0)
    if len(topics) >= MAX_TOPICS_PER_CONNECTION or per_user >= MAX_TOPICS_PER_USER:
        raise RateLimited(
            "Quá nhiều kênh đang theo dõi; hãy đóng bớt cuộc họp đang mở.",
            en="Following too many topics; close some meetings first.")


def follow_topic(ctx: Context, tx: Tx, topic: str, since: int,
                 data: dict[str, Any] | None = None) -> Reply:
    """Subscribe the connection to a topic the way ``user.subscribe`` does: the reply
    carries the topic's ``seq`` (and ``reset`` when the events since ``since`` are beyond
    the resume window), then the missed events and the live ones follow with no gap (the
    listener is registered right after this unit's commit). ``data``: more reply fields."""
    check_subscription_room(ctx, topic)
    seq = current_seq(tx.conn, topic)
    missed = []
    reply: dict[str, Any] = {"topic": topic, "seq": seq}
    if 0 < since <= seq and seq - since <= ctx.services.settings.resume_window:
        missed = events_between(tx.conn, topic, since, seq)
    elif since != seq:
        reply["reset"] = True
    reply.update(data or {})
    conn = ctx.conn

    def start_listening() -> None:
        conn.send_events(missed)
        conn.subscribe(topic)

    return Reply(reply, after=start_listening)


def execute_unit(
    spec: CommandSpec, ctx: Context, payload: Any, key: str | None
) -> Callable[[Tx], Any]:
    """Build the database unit that runs one synchronous command."""

    def unit(tx: Tx) -> Any:
        session = ctx.session
        ctx.key = key
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
