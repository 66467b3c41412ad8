"""Signed-in terminals with their message centres (the alerts tests' fixture)."""

from __future__ import annotations

from tests.meeting_client.alerts.conftest import terminal  # noqa: F401  (fixture)
