"""The work calendar (lịch công tác): weekly schedule, day and month views, the editor."""
