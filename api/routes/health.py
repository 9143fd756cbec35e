"""Liveness (/healthz, open) and readiness (/readyz: brief store, embedder, LLM backend)."""

from __future__ import annotations

import time

from fastapi import APIRouter
from fastapi.concurrency import run_in_threadpool
from api.responses import InertJSONResponse as JSONResponse

from api.deps import AuthDep, Services, ServicesDep
from api.schemas import ErrorBody, Health, Readiness

router = APIRouter(tags=["health"])


@router.get("/healthz", response_model=Health, summary="Liveness: the process answers (no auth)")
async def healthz():
    return Health()


def _llm_check(services: Services) -> dict:
    llm = services.settings.llm
    if llm.backend != "openai":
        return {"ok": True, "backend": llm.backend, "detail": "not configured (offline extractive writer)"}
    from rag.errors import BriefError
    from rag.llm import OpenAIChatBackend

    started = time.perf_counter()
    try:
        reachable = OpenAIChatBackend(llm).ping(timeout=2.0)
    except BriefError as exc:
        from rag.redact import redact

        return {"ok": False, "backend": "openai", "detail": redact(exc)}
    out = {"ok": reachable, "backend": "openai", "model": llm.model, "ms": round((time.perf_counter() - started) * 1000, 1)}
    if not reachable:
        out["detail"] = "LLM endpoint unreachable (answers would fall back to the offline extractive writer)"
    return out


@router.get(
    "/readyz",
    response_model=Readiness,
    summary="Readiness: brief store open, embedder loaded, LLM reachable (or not configured)",
    responses={503: {"model": Readiness, "description": "Not ready (details in checks)."}, 401: {"model": ErrorBody}},
    dependencies=[AuthDep],
)
async def readyz(services: ServicesDep):
    checks: dict[str, dict] = {}
    try:
        checks["store"] = {"ok": await run_in_threadpool(services.store.ping), "path": services.store.path.name,
                           "schema_version": services.store.version}
    except Exception as exc:  # noqa: BLE001 - reported, not raised
        checks["store"] = {"ok": False, "detail": f"{type(exc).__name__}: {exc}"}
    warm = services.warm_state
    if warm.get("status") == "not_started":
        warm = await run_in_threadpool(services.warm_up)
    checks["embedder"] = {"ok": warm.get("status") == "ok", **{k: v for k, v in warm.items()}}
    if warm.get("status") == "ok":
        counts = await run_in_threadpool(lambda: services.index().catalog.counts())
        checks["index"] = {"ok": True, **counts}
    checks["llm"] = await run_in_threadpool(_llm_check, services)
    ready = all(c.get("ok") for c in checks.values())
    body = Readiness(status="ready" if ready else "not_ready", checks=checks)
    return JSONResponse(body.model_dump(), status_code=200 if ready else 503)
