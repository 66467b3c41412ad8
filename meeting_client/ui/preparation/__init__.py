"""Preparing meetings (office, clerk): the list of meetings and the meeting editor."""
