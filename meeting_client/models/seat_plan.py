"""Chamber layouts (``seatplan.save``): blocks of rows of seat labels, the presidium first.

Pure helpers shared by the plan editor and the chair's seat map: a block is built from
a simple spec (rows × seats per row starting at a row letter, or an explicit list for the
presidium), or guessed from the seats already given to participants.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

LETTERS = "ABCDEFGHIJKLMNOPQRSTUVWXYZ"
_ROW_SEAT = re.compile(r"^([A-Z]+)(\d+)$")


@dataclass(frozen=True, slots=True)
class BlockSpec:
    name: str
    presidium: bool = False
    rows: int = 0
    per_row: int = 0
    first_row: str = "A"
    seats: tuple[str, ...] = ()
    """The presidium's seats, in order (rows and per_row are then unused)."""

    def block(self) -> dict[str, Any]:
        if self.presidium or self.seats:
            return {"name": self.name, "presidium": self.presidium,
                    "seats": [list(self.seats)]}
        start = LETTERS.index(self.first_row.upper()[:1] or "A")
        rows = [[f"{LETTERS[(start + r) % 26]}{c:02d}" for c in range(1, self.per_row + 1)]
                for r in range(self.rows)]
        return {"name": self.name, "presidium": False, "seats": rows}


def guess_blocks(seats: Iterable[str | None]) -> list[BlockSpec]:
    """From seats already given: letter+number seats make the hall (one row per letter,
    as many seats per row as the longest row); the others form the presidium."""
    rows: dict[str, int] = {}
    presidium: list[str] = []
    for seat in seats:
        if not seat:
            continue
        m = _ROW_SEAT.match(seat)
        if m and len(m.group(1)) == 1:
            rows[m.group(1)] = max(rows.get(m.group(1), 0), int(m.group(2)))
        elif seat not in presidium:
            presidium.append(seat)
    specs = []
    if presidium:
        specs.append(BlockSpec("Đoàn chủ tịch", presidium=True, seats=tuple(presidium)))
    if rows:
        letters = sorted(rows)
        specs.append(BlockSpec("Hội trường", rows=LETTERS.index(letters[-1])
                               - LETTERS.index(letters[0]) + 1,
                               per_row=max(rows.values()), first_row=letters[0]))
    return specs


def plan_seats(plan: list[dict[str, Any]] | None) -> list[str]:
    return [s for b in plan or [] for row in b.get("seats", []) for s in row if s]
