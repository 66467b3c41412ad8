"""The HTTP API port beside /ws: reported by /healthz, kept across restarts."""

from __future__ import annotations

import json
import urllib.error
import urllib.request


def _get(url: str) -> tuple[int, bytes]:
    try:
        with urllib.request.urlopen(url, timeout=10) as response:
            return response.status, response.read()
    except urllib.error.HTTPError as exc:
        return exc.code, exc.read()


def test_healthz_names_the_api_and_the_api_answers(live_server) -> None:
    status, body = _get(f"{live_server.http}/healthz")
    assert status == 200
    health = json.loads(body)
    assert health["status"] == "ok"
    assert health["api"] == live_server.api
    assert health["api"].startswith("http://127.0.0.1:")
    # An unknown path on the API port is a clean 404, not a dropped connection.
    status, _ = _get(f"{live_server.api}/api/nothing-here")
    assert status == 404


def test_the_api_keeps_its_port_across_a_restart(live_server) -> None:
    before = live_server.api
    live_server.stop()
    live_server.start()
    assert live_server.api == before
    status, body = _get(f"{live_server.http}/healthz")
    assert status == 200 and json.loads(body)["api"] == before
