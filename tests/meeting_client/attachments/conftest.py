"""Signed-in terminals with their message centres (the alerts tests' fixture) and the
whole window (the workspace's), and the calendar page (the calendar tests')."""

from __future__ import annotations

from tests.meeting_client.alerts.conftest import terminal  # noqa: F401  (fixture)
from tests.meeting_client.calendar.test_calendar_page import open_calendar  # noqa: F401
from tests.meeting_client.workspace.conftest import workspace_window  # noqa: F401
