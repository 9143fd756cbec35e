"""The analyst's page: server-rendered shells (Jinja2), plain JS, local Swagger UI, a strict CSP.

``install_web(app)`` mounts ``/static`` (this package's ``static/``), ``/static/swagger`` (Swagger UI files
shipped by the ``fastapi-offline`` package), the page routes (``/``, ``/brief``, ``/library``, ``/docs``)
and the security-header middleware. Pages carry no corpus data: the JS fetches it from ``/v1`` with the
API key the user typed (kept in sessionStorage), and writes corpus text with ``textContent`` only.
"""

from __future__ import annotations

from importlib.resources import files
from pathlib import Path

from fastapi import FastAPI
from fastapi.staticfiles import StaticFiles

from api.web.paths import STATIC_DIR, TEMPLATES_DIR
from api.web.security import SecurityHeadersMiddleware

__all__ = ["STATIC_DIR", "TEMPLATES_DIR", "install_web", "swagger_dir"]



def swagger_dir() -> Path:
    """Directory holding swagger-ui-bundle.js / swagger-ui.css (from the fastapi-offline package)."""
    return Path(str(files("fastapi_offline") / "static"))


def install_web(app: FastAPI) -> None:
    """Add the page, its static files and the security headers to ``app`` (built with docs_url=None)."""
    from api.web.routes import router

    app.mount("/static/swagger", StaticFiles(directory=swagger_dir()), name="swagger")
    app.mount("/static", StaticFiles(directory=STATIC_DIR), name="static")
    app.include_router(router)
    app.add_middleware(SecurityHeadersMiddleware)
