"""Fixtures of the resilience suite (see ``support.py`` for the full-run command)."""

from __future__ import annotations

import pytest

from tests.resilience.support import env_int


@pytest.fixture
def rounds() -> int:
    """SIGKILL rounds: a short share in CI, ``RESILIENCE_ROUNDS=20`` for the full run."""
    return env_int("RESILIENCE_ROUNDS", 3)
