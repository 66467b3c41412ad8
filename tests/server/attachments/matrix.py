"""Rows of the authorization matrix (tests/server/test_authorization.py) for
``attachment.*``.

Everyone signed in uploads and commits (a staged file is its uploader's alone). Listing
and fetching ask the owner: :func:`prepare_attachments` has the chair send d001 (the
matrix's ``delegate``) a message with a PDF attached, so the two of them read it and
everybody else gets ``not_found``, exactly as for a missing attachment.
"""

from __future__ import annotations

import tempfile
from pathlib import Path
from typing import Any

from meeting_client.sync.documents import TransferChannel
from tests.server.registry.matrix import tiny_pdf
from tests.support.wsclient import WsClient

SIGNED_IN = {"chair", "clerk", "delegate", "observer", "admin", "outsider"}
READERS = {"chair", "delegate"}
REFUSALS: dict[str, dict[str, str]] = {
    name: {role: "not_found" for role in SIGNED_IN - READERS}
    for name in ("attachment.list", "attachment.fetch")}
"""Not one of the conversation: the attachment does not exist for them."""


def attachment_rows() -> dict[str, tuple[set[str], dict[str, Any]]]:
    return {
        "attachment.upload": (SIGNED_IN, {"filename": "thu-quyen.pdf", "size": 1000}),
        # No upload 99 on that connection: bad_request for everyone signed in.
        "attachment.commit": (SIGNED_IN, {"upload": 99}),
        # Ids filled in by prepare_attachments.
        "attachment.list": (READERS, {"owner_kind": "message", "owner_id": 0}),
        "attachment.fetch": (READERS, {"attachment_id": 0, "window": 0}),
    }


async def prepare_attachments(url: str, matrix: dict[str, tuple[set[str], dict[str, Any]]]
                              ) -> None:
    d001 = await WsClient.open(url)
    d001_id = (await d001.call("auth.login", username="d001", password="demo"))["user"]["id"]
    await d001.close()
    chair = await WsClient.open(url)
    token = (await chair.call("auth.login", username="chair", password="demo"))["token"]
    channel = TransferChannel(url, token)
    with tempfile.TemporaryDirectory() as tmp:
        pdf = Path(tmp) / "thu-quyen-dinh-kem.pdf"
        pdf.write_bytes(tiny_pdf("Đính kèm thử quyền"))
        staged = await channel.upload_attachment(pdf)
    await channel.close()
    sent = await chair.act("message.send", to=[d001_id], text="Thử quyền đính kèm",
                           attachment_ids=[staged["attachment_id"]])
    await chair.close()
    matrix["attachment.list"][1]["owner_id"] = sent["message_id"]
    matrix["attachment.fetch"][1]["attachment_id"] = staged["attachment_id"]
