"""Decision rules of a council vote (PROTOCOL.md, "Outcome rules").

Pure functions so that the server, the terminals and the minutes compute the
same outcome from the same tally.
"""

from __future__ import annotations

import math

QUORUM_RULES = ("half", "two_thirds")
"""``half``: present > n/2 (the default); ``two_thirds``: present >= ceil(2n/3)."""


def quorum_for(expected: int, rule: str = "half") -> int:
    """The least number of delegates checked in that meets the meeting's quorum rule.

    16 of 30 for ``half`` (more than half), 20 of 30 for ``two_thirds``.
    """
    if rule == "half":
        return expected // 2 + 1
    if rule == "two_thirds":
        return math.ceil(2 * expected / 3)
    raise ValueError(f"unknown quorum rule {rule!r}")


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
