"""Names of the events the server pushes, and the topics they travel on."""

from __future__ import annotations


def meeting_topic(meeting_id: int) -> str:
    return f"meeting:{meeting_id}"


MEETING_STATUS = "meeting.status"
ATTENDANCE_CHANGED = "attendance.changed"
AGENDA_ACTIVATED = "agenda.activated"
SPEAKER_REQUESTED = "speaker.requested"
SPEAKER_WITHDRAWN = "speaker.withdrawn"
SPEAKER_GRANTED = "speaker.granted"
SPEAKER_FINISHED = "speaker.finished"
POLL_CREATED = "poll.created"
POLL_OPENED = "poll.opened"
POLL_PROGRESS = "poll.progress"
POLL_CLOSED = "poll.closed"
PRESENTATION_PAGE = "presentation.page"
PRESENTATION_STOPPED = "presentation.stopped"
