"""Rows of the authorization matrix (tests/server/test_authorization.py) for ``directive.*``.

:func:`prepare` makes, as ``admin``, directive 1 assigned to ``d001`` (the matrix's
delegate) with a pending extension request 1 of d001's. Who may see directive 1: its
issuer (admin) and its assignee (the delegate); for everyone else it does not exist, so
they get ``not_found`` (REFUSALS) rather than ``forbidden``. The dashboard is for leaders,
office and admins: not a meeting, so an outsider gets ``forbidden`` too.
"""

from __future__ import annotations

from datetime import date, timedelta

from tests.support.wsclient import WsClient

FAR = (date.today() + timedelta(days=60)).isoformat()
FARTHER = (date.today() + timedelta(days=90)).isoformat()
HIDDEN = {"chair": "not_found", "clerk": "not_found", "observer": "not_found",
          "outsider": "not_found"}


async def prepare(url: str) -> None:
    admin = await WsClient.signed_in(url, "admin")
    users = {u["username"]: u["id"] for u in (await admin.call("org.users"))["users"]}
    await admin.act("directive.create", content="Việc thử quyền", deadline=FAR,
                    assignee_id=users["d001"])
    d001 = await WsClient.signed_in(url, "d001")
    await d001.act("directive.extend_request", directive_id=1, new_deadline=FARTHER)
    await d001.close()
    await admin.close()


def directive_rows() -> dict[str, tuple[set[str], dict]]:
    return {
        "directive.list": ({"chair", "clerk", "delegate", "observer", "admin", "outsider"},
                           {}),
        "directive.create": ({"chair", "admin"},
                             {"content": "Việc của cuộc họp", "deadline": FAR,
                              "assignee_unit_id": 4, "source": {"meeting_id": 1}}),
        "directive.get": ({"admin", "delegate"}, {"directive_id": 1}),
        "directive.report": ({"delegate"}, {"directive_id": 1, "status": "in_progress"}),
        "directive.extend_request": ({"delegate"},
                                     {"directive_id": 1, "new_deadline": FARTHER}),
        "directive.extend_decide": ({"admin"}, {"extension_id": 1, "decision": "refused"}),
        "directive.return": ({"admin"}, {"directive_id": 1}),
        "directive.dashboard": ({"admin"}, {}),
        "directive.export": ({"admin"}, {"format": "xlsx"}),
        "directive.pending_for_meeting": ({"chair", "clerk", "admin"}, {"meeting_id": 1}),
        "directive.complete": ({"admin"}, {"directive_id": 1}),
    }


REFUSALS: dict[str, dict[str, str]] = {
    "directive.get": HIDDEN,
    "directive.report": HIDDEN,
    "directive.extend_request": HIDDEN,
    "directive.extend_decide": HIDDEN,
    "directive.return": HIDDEN,
    "directive.complete": HIDDEN,
    "directive.dashboard": {"outsider": "forbidden"},
    "directive.export": {"outsider": "forbidden"},
}
"""Refusal codes that differ from the matrix's defaults (role → code)."""
