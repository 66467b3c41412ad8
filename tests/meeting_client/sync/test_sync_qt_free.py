"""The sync engine must stay importable and usable without Qt (STYLE.md habit 1)."""

from __future__ import annotations

import subprocess
import sys


def test_importing_the_sync_engine_loads_no_qt() -> None:
    code = (
        "import sys\n"
        "import meeting_client.sync\n"
        "import meeting_client.sync.client, meeting_client.sync.replica\n"
        "import meeting_client.sync.backoff\n"
        "loaded = sorted(m for m in sys.modules if m.split('.')[0] in ('PySide6', 'shiboken6'))\n"
        "assert not loaded, loaded\n"
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                          timeout=60)
    assert done.returncode == 0, done.stderr
