"""The workspace window fixture, shared with the workspace tests."""

from tests.meeting_client.workspace.conftest import workspace_window

__all__ = ["workspace_window"]
