"""Runs a throwaway `redis-server` on a free 127.0.0.1 port for the test session."""

from __future__ import annotations

import os
import select
import shutil
import socket
import subprocess
import threading
import time
from collections.abc import Callable, Sequence

import redis

READY_LINE = "Ready to accept connections"


class RedisUnavailable(RuntimeError):
    """`redis-server` is not installed or would not start."""


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


class RedisServer:
    """A `redis-server` child process without persistence; `start()`, `.url`, `stop()`."""

    def __init__(
        self,
        binary: str | None = None,
        startup_timeout: float = 10.0,
        args: Sequence[str] = (),
        pick_port: Callable[[], int] = _free_port,
    ) -> None:
        self.binary = binary or shutil.which("redis-server")
        self.startup_timeout = startup_timeout
        self.args = list(args)  # more redis-server options (a cluster node's)
        self.pick_port = pick_port
        self.port = 0
        self._proc: subprocess.Popen[bytes] | None = None

    @property
    def url(self) -> str:
        """`redis://127.0.0.1:<port>/0`."""
        return f"redis://127.0.0.1:{self.port}/0"

    def start(self, attempts: int = 3) -> None:
        """Start on a free port (retrying on a port race) and return once it answers PING."""
        if self.binary is None:
            raise RedisUnavailable("redis-server not found on PATH (apt-get install redis-server)")
        log: list[str] = []
        for _ in range(attempts):
            self.port = self.pick_port()
            if self._launch(log):
                return
        raise RedisUnavailable("redis-server did not start:\n" + "".join(log)[-4000:])

    def _launch(self, log: list[str]) -> bool:
        assert self.binary is not None
        args = [self.binary, "--port", str(self.port), "--bind", "127.0.0.1", "--save", ""]
        args += ["--appendonly", "no", "--logfile", "", "--daemonize", "no", *self.args]
        proc = subprocess.Popen(args, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, bufsize=0)
        assert proc.stdout is not None
        fd = proc.stdout.fileno()
        deadline = time.monotonic() + self.startup_timeout
        output = b""
        # Block on the server's own log until it says it is ready, or exits (EOF): no sleeps.
        # Raw os.read, not readline: a buffered reader could hide the ready line from select().
        while (left := deadline - time.monotonic()) > 0:
            readable, _, _ = select.select([fd], [], [], left)
            chunk = os.read(fd, 65536) if readable else b""
            if not chunk:
                break
            output += chunk
            if READY_LINE.encode() in output:
                self._proc = proc
                threading.Thread(target=proc.stdout.read, daemon=True).start()  # keep pipe drained
                return self._ping()
        log.append(output.decode(errors="replace"))
        proc.kill()
        proc.wait()
        proc.stdout.close()
        return False

    def _ping(self) -> bool:
        client = redis.Redis.from_url(self.url, socket_connect_timeout=2)
        try:
            return bool(client.ping())
        finally:
            client.close()

    def flushall(self) -> None:
        """Empty every database."""
        client = redis.Redis.from_url(self.url)
        try:
            client.flushall()
        finally:
            client.close()

    def stop(self) -> None:
        """Terminate the server and wait for it to exit."""
        if self._proc is None:
            return
        self._proc.terminate()
        try:
            self._proc.wait(timeout=10)
        except subprocess.TimeoutExpired:
            self._proc.kill()
            self._proc.wait()
        if self._proc.stdout is not None:
            self._proc.stdout.close()
        self._proc = None
