"""Asynchronous brief jobs: queued in the brief store, run on a small thread pool off the event loop.

A job's state lives in SQLite (``jobs`` table of :mod:`api.store`), so ``GET /v1/jobs/{id}`` works from
any request and a restart reports unfinished jobs as failed instead of losing them.
"""

from __future__ import annotations

import logging
from concurrent.futures import Future, ThreadPoolExecutor
from typing import Any, Callable

from rag.brief import Brief
from rag.errors import BriefError

from api.errors import brief_error, internal_error_body
from api.logging import request_id_var
from api.store import BriefStore, Job

log = logging.getLogger("api.jobs")


class JobManager:
    def __init__(self, store: BriefStore, *, max_workers: int = 2) -> None:
        self.store = store
        self._pool = ThreadPoolExecutor(max_workers=max_workers, thread_name_prefix="brief-job")
        self._futures: dict[str, Future] = {}

    def submit(self, request: dict[str, Any], make_brief: Callable[[], Brief]) -> Job:
        """Record a queued job and start it; ``make_brief`` runs in a worker thread."""
        job = self.store.create_job(request)
        rid = request_id_var.get()
        fut = self._pool.submit(self._run, job.id, make_brief, rid)
        self._futures[job.id] = fut
        fut.add_done_callback(lambda _f, jid=job.id: self._futures.pop(jid, None))
        return job

    def _run(self, job_id: str, make_brief: Callable[[], Brief], request_id: str | None) -> None:
        token = request_id_var.set(request_id)
        try:
            self.store.update_job(job_id, "running")
            brief = make_brief()
            brief_id = self.store.save(brief)
            self.store.update_job(job_id, "done", brief_id=brief_id)
            log.info("job done", extra={"job_id": job_id, "brief_id": brief_id})
        except BriefError as exc:
            status, body = brief_error(exc)
            self.store.update_job(job_id, "failed", error={**body["error"], "status": status})
            log.info("job failed", extra={"job_id": job_id, "error_type": body["error"]["type"]})
        except Exception as exc:  # noqa: BLE001 - recorded on the job, never lost
            log.exception("job crashed", extra={"job_id": job_id})
            error = internal_error_body(request_id or "", type(exc).__name__)["error"]
            self.store.update_job(job_id, "failed", error={**error, "status": 500})
        finally:
            request_id_var.reset(token)

    def get(self, job_id: str) -> Job | None:
        return self.store.get_job(job_id)

    def wait(self, job_id: str, timeout: float | None = None) -> None:
        """Block until a job started by this manager finishes (tests, shutdown)."""
        fut = self._futures.get(job_id)
        if fut is not None:
            try:
                fut.result(timeout)
            except Exception:  # noqa: BLE001 - already recorded by _run
                pass

    def shutdown(self) -> None:
        self._pool.shutdown(wait=False, cancel_futures=True)
