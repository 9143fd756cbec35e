"""The API's JSON log lines carry data, not terminal renderings: uvicorn's ``color_message`` (the message again, with
ANSI colour codes) is left out, while a caller's own ``extra=`` fields stay (a fresh user found escape codes in
`brief serve`'s JSON logs)."""

from __future__ import annotations

import json
import logging

from api.logging import JsonFormatter


def test_a_uvicorn_record_logs_its_message_once_without_escape_codes() -> None:
    record = logging.makeLogRecord({"name": "uvicorn.error", "levelname": "INFO", "msg": "Started server process [%d]",
                                    "args": (4242,), "color_message": "Started server process [\x1b[36m%d\x1b[0m]",
                                    "port": 8000})
    line = JsonFormatter().format(record)
    payload = json.loads(line)
    assert payload["msg"] == "Started server process [4242]"
    assert "color_message" not in payload and "\x1b" not in line and "\\u001b" not in line
    assert payload["port"] == 8000  # other extras are data and stay
