"""`brief serve` on a port it cannot listen on (another server holds it; an address not on this machine; a host name
that does not resolve) is one line, `error: cannot listen on HOST:PORT: why`, exit 2, before the app starts: not
uvicorn's JSON log of a start-up and shut-down followed by a crash (exit 134, "terminate called without an active
exception")."""

from __future__ import annotations

import socket

import pytest

from rag.cli.serve import listen_problem
from servers import free_port


@pytest.fixture
def busy_port():
    with socket.socket() as holder:
        holder.bind(("127.0.0.1", 0))
        holder.listen()
        yield holder.getsockname()[1]


def test_a_busy_port_is_one_line_saying_what_to_do(cli, tmp_path, busy_port: int) -> None:
    result = cli(["serve", "--port", str(busy_port)], BRIEF_DATA_DIR=str(tmp_path))
    assert result.exit_code == 2 and result.stdout == ""
    assert result.stderr.splitlines() == [f"error: cannot listen on 127.0.0.1:{busy_port}: address already in use "
                                          f"(another server uses it: stop it or choose another --port)"]
    assert not tmp_path.exists() or not any(tmp_path.iterdir())  # stopped before the app opened the data dir


# names that never resolve (RFC 6761) and an address of no machine (RFC 5737's documentation range)
@pytest.mark.parametrize(("host", "why"), [("host.invalid", ""), ("192.0.2.1", "cannot assign requested address")])
def test_an_address_it_cannot_listen_on_is_one_line(cli, tmp_path, host: str, why: str) -> None:
    result = cli(["serve", "--host", host, "--port", "8000"], BRIEF_DATA_DIR=str(tmp_path))
    assert result.exit_code == 2
    [line] = result.stderr.splitlines()
    assert line.startswith(f"error: cannot listen on {host}:8000: ") and line.endswith(why)  # the resolver's words vary


def test_a_free_port_can_be_listened_on_after_the_check() -> None:
    port = free_port()
    assert listen_problem("127.0.0.1", port) is None
    with socket.socket() as again:  # the check released it
        again.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        again.bind(("127.0.0.1", port))
