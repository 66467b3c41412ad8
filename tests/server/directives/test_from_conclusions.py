"""A meeting's conclusion becomes a directive in one action, and the conclusion notice
lists the directives the meeting created (checked in the PDF's text)."""

from __future__ import annotations

import base64
import subprocess
from pathlib import Path

from tests.server.directives.test_directives import day, directory
from tests.server.minutes.live_session import run_session
from tests.support.wsclient import WsClient


async def test_the_notice_lists_the_directives_made_from_conclusions(
        live_server, clients, tmp_path: Path) -> None:
    await run_session(live_server.url, speech_s=0)
    _, units = await directory(live_server.url)
    chair = clients(await WsClient.signed_in(live_server.url, "chair"))
    minutes = await chair.call("minutes.get", meeting_id=1)
    item = next(i for i in minutes["items"] if i["conclusions"].strip())
    paragraph = "Giao Phòng Tài chính - Kế hoạch hoàn thiện dự toán ngân sách"
    made = await chair.act("directive.create", content=paragraph, deadline=day(15),
                           assignee_unit_id=units["TCKH"],
                           source={"meeting_id": 1, "item_id": item["item_id"]})
    got = await chair.call("directive.get", directive_id=made["directive_id"])
    assert got["source"] == {"meeting_id": 1, "item_id": item["item_id"]}

    tb = await chair.act("minutes.notice", meeting_id=1)
    assert tb["directives"] == [made["directive_id"]]
    pdf = tmp_path / "tb.pdf"
    pdf.write_bytes(base64.b64decode(tb["content_base64"]))
    text = subprocess.run(["pdftotext", "-layout", str(pdf), "-"], check=True,
                          capture_output=True, text=True).stdout
    flat = " ".join(text.split())
    assert "Nhiệm vụ giao thực hiện" in flat
    assert paragraph in flat
    deadline = day(15)
    assert f"hạn {deadline[8:10]}/{deadline[5:7]}/{deadline[:4]}" in flat
