"""Organisation and people on the wire: units, the directory, global roles, passwords.

PROTOCOL.md ("People and units") fixes ``org.units``, ``org.users``,
``org.user.create`` and ``org.unit.create``; the rest is the project's extension
in the same style (docs/protocol.md, "Organisation and people").
"""

from __future__ import annotations

from typing import Annotated, ClassVar, Literal

import msgspec

from meeting_protocol.commands import Id, Payload
from meeting_protocol.events import EventData, register_events
from meeting_protocol.roles import ADMIN, LEADER, OFFICE, OPERATOR

GlobalRole = Literal["admin", "office", "leader", "operator"]
GLOBAL_ROLES: tuple[str, ...] = (ADMIN, OFFICE, LEADER, OPERATOR)
"""The global roles in display order (``meeting_protocol.roles.GLOBAL_ROLES`` as a set)."""
"""Global roles (PROTOCOL.md); a user with none is staff."""

UserName = Annotated[str, msgspec.Meta(min_length=1, max_length=64,
                                       pattern=r"^[A-Za-z0-9._-]+$")]
FullName = Annotated[str, msgspec.Meta(min_length=1, max_length=200)]
Position = Annotated[str, msgspec.Meta(max_length=200)]
UnitName = Annotated[str, msgspec.Meta(min_length=1, max_length=300)]
UnitCode = Annotated[str, msgspec.Meta(min_length=1, max_length=50)]
Password = Annotated[str, msgspec.Meta(max_length=1024)]
Roles = Annotated[list[GlobalRole], msgspec.Meta(max_length=4)]
Email = Annotated[str, msgspec.Meta(max_length=200, pattern=r"^[^@\s]+@[^@\s]+\.[^@\s]+$")]

MIN_PASSWORD = 8
"""Characters of a password a person chooses (the demo's ``demo`` predates this)."""


class OrgUnits(Payload):
    TYPE: ClassVar[str] = "org.units"


class OrgUsers(Payload):
    TYPE: ClassVar[str] = "org.users"


class OrgUserCreate(Payload):
    TYPE: ClassVar[str] = "org.user.create"
    username: UserName
    full_name: FullName
    password: Password
    unit_id: Id | None = None
    position: Position | None = None
    roles: Roles = msgspec.field(default_factory=list)
    email: Email | None = None
    must_change_password: bool = False
    """Extension: the new user must choose a password at first sign-in."""


class OrgUserUpdate(Payload):
    """Only the fields present change; ``unit_id: null`` takes the user out of any unit."""
    TYPE: ClassVar[str] = "org.user.update"

    user_id: Id
    full_name: FullName | msgspec.UnsetType = msgspec.UNSET
    unit_id: Id | msgspec.UnsetType | None = msgspec.UNSET
    position: Position | msgspec.UnsetType | None = msgspec.UNSET
    roles: Roles | msgspec.UnsetType = msgspec.UNSET
    email: Email | msgspec.UnsetType | None = msgspec.UNSET


class OrgUserDeactivate(Payload):
    TYPE: ClassVar[str] = "org.user.deactivate"
    user_id: Id


class OrgUserReactivate(Payload):
    TYPE: ClassVar[str] = "org.user.reactivate"
    user_id: Id


class OrgUserResetPassword(Payload):
    TYPE: ClassVar[str] = "org.user.reset_password"
    user_id: Id
    password: Password | None = None
    """None: the server makes a temporary password and returns it once."""


class OrgUnitCreate(Payload):
    TYPE: ClassVar[str] = "org.unit.create"
    name: UnitName
    code: UnitCode | None = None
    parent_id: Id | None = None


class OrgUnitUpdate(Payload):
    """Rename, recode or move a unit; ``parent_id: null`` makes it a root."""
    TYPE: ClassVar[str] = "org.unit.update"

    unit_id: Id
    name: UnitName | msgspec.UnsetType = msgspec.UNSET
    code: UnitCode | msgspec.UnsetType | None = msgspec.UNSET
    parent_id: Id | msgspec.UnsetType | None = msgspec.UNSET
    head_id: Id | msgspec.UnsetType | None = msgspec.UNSET
    """The unit's head (thủ trưởng); null: judged from positions."""


class AuthChangePassword(Payload):
    TYPE: ClassVar[str] = "auth.change_password"
    old_password: Password
    new_password: Password


ORG_PAYLOADS: dict[str, type[Payload]] = {
    "org.units": OrgUnits,
    "org.users": OrgUsers,
    "org.user.create": OrgUserCreate,
    "org.user.update": OrgUserUpdate,
    "org.user.deactivate": OrgUserDeactivate,
    "org.user.reactivate": OrgUserReactivate,
    "org.user.reset_password": OrgUserResetPassword,
    "org.unit.create": OrgUnitCreate,
    "org.unit.update": OrgUnitUpdate,
    "auth.change_password": AuthChangePassword,
}


# --- events (topic ``org``: the audit of who changed whom; ids only) -----------------

ORG_TOPIC = "org"


class OrgUserCreated(EventData):
    NAME: ClassVar[str] = "org.user.created"
    user_id: int
    by: int


class OrgUserUpdated(EventData):
    NAME: ClassVar[str] = "org.user.updated"
    user_id: int
    fields: list[str]
    """Which of full_name, unit_id, position, roles changed."""
    by: int


class OrgUserActivated(EventData):
    NAME: ClassVar[str] = "org.user.activated"
    user_id: int
    by: int


class OrgUserDeactivated(EventData):
    NAME: ClassVar[str] = "org.user.deactivated"
    user_id: int
    by: int


class OrgUserPasswordReset(EventData):
    NAME: ClassVar[str] = "org.user.password_reset"
    user_id: int
    by: int


class OrgUserPasswordChanged(EventData):
    NAME: ClassVar[str] = "org.user.password_changed"
    user_id: int


class OrgUnitCreated(EventData):
    NAME: ClassVar[str] = "org.unit.created"
    unit_id: int
    by: int


class OrgUnitUpdated(EventData):
    NAME: ClassVar[str] = "org.unit.updated"
    unit_id: int
    fields: list[str]
    by: int


register_events(OrgUserCreated, OrgUserUpdated, OrgUserActivated, OrgUserDeactivated,
                OrgUserPasswordReset, OrgUserPasswordChanged, OrgUnitCreated, OrgUnitUpdated)
