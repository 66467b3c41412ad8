"""Decision rules of a council vote (PROTOCOL.md, "Outcome rules").

Pure functions so that the server, the terminals and the minutes compute the
same outcome from the same tally.
"""

from __future__ import annotations

import math


def quorum_for(expected: int) -> int:
    """More than half of the delegates must be checked in."""
    return expected // 2 + 1


def outcome(tally: dict[str, int], eligible: int, majority: str) -> str | None:
    """``passed`` / ``rejected``, or None for a poll without a ``yes`` option.

    ``eligible`` is every delegate of the meeting, present or not: Vietnamese
    councils decide by "quá nửa tổng số đại biểu".
    """
    if "yes" not in tally:
        return None
    yes = tally.get("yes", 0)
    no = tally.get("no", 0)
    if majority == "simple":
        passed = yes > no
    elif majority == "absolute":
        passed = yes > eligible / 2
    elif majority == "two_thirds":
        passed = yes >= math.ceil(2 * eligible / 3)
    else:
        raise ValueError(f"unknown majority rule {majority!r}")
    return "passed" if passed else "rejected"
