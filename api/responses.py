"""The API's JSON response: corpus text inside it is inert (control and bidi characters escaped as ``\\uXXXX``)."""

from __future__ import annotations

from typing import Any

from fastapi.responses import JSONResponse

from rag.inert import inert_dumps


class InertJSONResponse(JSONResponse):
    """``JSONResponse`` whose body has DEL, C1 and bidi controls escaped (the parsed JSON is unchanged)."""

    def render(self, content: Any) -> bytes:
        return inert_dumps(content, allow_nan=False, separators=(",", ":")).encode("utf-8")
