"""The directives page is tested in the real window, on the workspace's fixture."""

from __future__ import annotations

from tests.meeting_client.workspace.conftest import workspace_window  # noqa: F401
