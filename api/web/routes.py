"""Page routes: HTML shells rendered with Jinja2 (no corpus data in them; the JS loads it from /v1)."""

from __future__ import annotations

from fastapi import APIRouter, Request
from fastapi.responses import HTMLResponse
from fastapi.templating import Jinja2Templates

import rag
from api.web.paths import TEMPLATES_DIR

router = APIRouter(include_in_schema=False)
templates = Jinja2Templates(directory=str(TEMPLATES_DIR))

PAGES = {"ask": "Ask", "brief": "Brief builder", "library": "Library"}


def _template_names(request: Request) -> list[str]:
    """Brief templates for the builder's select; falls back to the two shipped ones if prompts/ cannot be read."""
    try:
        services = request.app.state.services
        names = services.library().names(kind="brief")
    except Exception:  # noqa: BLE001 - the page still works with the defaults; the API reports the real error
        names = []
    return names or ["situation", "assessment"]


def _page(request: Request, name: str, **context) -> HTMLResponse:
    return templates.TemplateResponse(
        request, f"{name}.html", {"page": name, "pages": PAGES, "version": rag.__version__, **context}
    )


@router.get("/", response_class=HTMLResponse)
def ask_page(request: Request):
    return _page(request, "ask")


@router.get("/brief", response_class=HTMLResponse)
def brief_page(request: Request):
    return _page(request, "brief", template_names=_template_names(request))


@router.get("/library", response_class=HTMLResponse)
def library_page(request: Request):
    return _page(request, "library")


@router.get("/docs", response_class=HTMLResponse)
def docs_page(request: Request):
    """Swagger UI from local files; its start-up script is a static file (the CSP forbids inline script)."""
    return templates.TemplateResponse(request, "docs.html", {"openapi_url": request.app.openapi_url, "title": request.app.title})
