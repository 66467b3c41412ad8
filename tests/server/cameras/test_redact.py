"""Camera URLs carry credentials (``rtsp://user:password@host/…``): the log filter masks
them in any message, and the CLI prints them masked."""

from __future__ import annotations

import logging

from server.logredact import RedactSecrets, redact
from server.modules.cameras.probe import mask_url


def test_url_credentials_are_masked_in_log_lines() -> None:
    line = "ffmpeg: rtsp://admin:Mk-2026@10.0.0.7:554/Streaming/101 failed"
    assert redact(line) == "ffmpeg: rtsp://***@10.0.0.7:554/Streaming/101 failed"
    assert redact("see http://10.0.0.7/a@b") == "see http://10.0.0.7/a@b"  # no userinfo
    record = logging.LogRecord("x", logging.INFO, __file__, 1, "source %s down",
                               ("http://u:p@h/live.ts",), None)
    RedactSecrets().filter(record)
    assert record.getMessage() == "source http://***@h/live.ts down"


def test_mask_url() -> None:
    assert mask_url("rtsp://cam:s3cret@h:554/x") == "rtsp://***@h:554/x"
    assert mask_url("udp://127.0.0.1:5000") == "udp://127.0.0.1:5000"
