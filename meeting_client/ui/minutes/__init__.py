"""Pieces of the clerk's minutes editor (:mod:`meeting_client.ui.minutes_editor`)."""
