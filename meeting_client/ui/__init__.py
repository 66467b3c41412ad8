"""Widgets of the desktop client: one widget per file, no business rules."""
