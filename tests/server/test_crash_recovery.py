"""SIGKILL in the middle of a vote; retries with the original keys count once."""

from __future__ import annotations

import asyncio
import uuid

from tests.support.wsclient import WsClient, delegate_names, sign_in_many

N = 30


async def send_ballot(c: WsClient, key: str, choice: str, poll_id: int) -> dict | None:
    """Cast one ballot; a reply lost with the connection is None."""
    try:
        return await c.raw("poll.cast", key=key, poll_id=poll_id, choice=choice, timeout=10)
    except (TimeoutError, ConnectionError, OSError):
        return None


async def test_kill_during_vote_then_retry_counts_each_ballot_once(make_server) -> None:
    server = make_server(N)
    usernames = delegate_names(N)
    chair = await WsClient.signed_in(server.url, "chair")
    people = await sign_in_many(server.url, usernames)
    await asyncio.gather(*(p.act("attendance.check_in", meeting_id=1) for p in people))
    poll = await chair.act("poll.create", meeting_id=1, title="Nghị quyết về dự toán ngân sách")
    poll_id = poll["poll_id"]
    await chair.act("poll.open", poll_id=poll_id)
    await chair.close()

    keys = [str(uuid.uuid4()) for _ in range(N)]
    choices = ["yes", "no", "abstain", "yes", "yes"] * (N // 5)
    # Every terminal sends its ballot; the server is killed once a few are acknowledged.
    pending = {asyncio.create_task(send_ballot(p, k, ch, poll_id))
               for p, k, ch in zip(people, keys, choices, strict=True)}
    acknowledged = 0
    while pending and acknowledged < 5:
        done, pending = await asyncio.wait(pending, return_when=asyncio.FIRST_COMPLETED)
        acknowledged += sum(1 for t in done if t.result() is not None)
    server.kill()
    await asyncio.gather(*pending)
    await asyncio.gather(*(p.close() for p in people), return_exceptions=True)

    server.start()
    people = await sign_in_many(server.url, usernames)
    retried = await asyncio.gather(*(send_ballot(p, k, ch, poll_id)
                                     for p, k, ch in zip(people, keys, choices, strict=True)))
    await asyncio.gather(*(p.close() for p in people))
    assert all(r is not None and r["type"] == "result" for r in retried), retried
    assert all(r["data"] == {"poll_id": poll_id} for r in retried)

    chair = await WsClient.signed_in(server.url, "chair")
    closed = await chair.act("poll.close", poll_id=poll_id)
    await chair.close()
    assert closed["cast"] == N
    assert closed["tally"] == {"yes": choices.count("yes"), "no": choices.count("no"),
                               "abstain": choices.count("abstain")}
