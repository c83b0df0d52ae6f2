"""Undertone as real processes (`python -m bot serve|worker`) for the fault scenarios.

Each process leads its own process group and is signalled by that id only. Its stderr (JSON log
lines) is read by a thread into a queue, so tests wait for what a process says ("worker ready",
"stopped") instead of sleeping.
"""

from __future__ import annotations

import asyncio
import json
import os
import signal
import socket
import subprocess
import sys
import threading
from collections.abc import Callable
from typing import Any

from bot.fakeslack import FakeSlack
from bot.fakeslack import payloads as p

START_TIMEOUT = 30.0


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def bot_env(slack: FakeSlack, secret: str, redis_url: str | None, **extra: str) -> dict[str, str]:
    """The environment a deployment would give: settings only, nothing inherited from ours."""
    env = {
        k: v
        for k, v in os.environ.items()
        if not k.startswith(("SLACK_", "UNDERTONE_")) and k != "REDIS_URL"
    }
    env |= {
        "SLACK_BOT_TOKEN": "xoxb-test-token",
        "SLACK_SIGNING_SECRET": secret,
        "SLACK_API_URL": slack.api_url,
        "UNDERTONE_SUPERVISOR_CHANNEL": p.CHANNEL_SUP,
        "UNDERTONE_AGENT_USER_IDS": p.AGENT,
        "UNDERTONE_LOG_JSON": "1",
        "UNDERTONE_DELIVERY_LEASE_SECONDS": "2",
        "UNDERTONE_CLAIM_IDLE_MS": "1000",
        "UNDERTONE_SHUTDOWN_GRACE_SECONDS": "10",
        "UNDERTONE_SECRETS_DIR": "/nonexistent",
        "NO_PROXY": "127.0.0.1,localhost",
    }
    if redis_url:
        env["REDIS_URL"] = redis_url
    return env | extra


class Process:
    """One `undertone` command running as a child process."""

    def __init__(self, args: list[str], env: dict[str, str]) -> None:
        self.args = args
        self.lines: list[str] = []
        self._queue: asyncio.Queue[str | None] = asyncio.Queue()
        loop = asyncio.get_running_loop()
        self.proc = subprocess.Popen(
            [sys.executable, "-m", "bot", *args],
            env=env,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.PIPE,
            start_new_session=True,
        )
        assert self.proc.stderr is not None
        stream = self.proc.stderr

        def pump() -> None:
            for raw in stream:
                line = raw.decode(errors="replace").rstrip("\n")
                loop.call_soon_threadsafe(self._queue.put_nowait, line)
            loop.call_soon_threadsafe(self._queue.put_nowait, None)

        threading.Thread(target=pump, daemon=True).start()

    async def wait_for(self, predicate: Callable[[str], bool], timeout: float = 20.0) -> str:
        """The first line (from now on) that matches; fails when the process ends first."""
        async with asyncio.timeout(timeout):
            while True:
                line = await self._queue.get()
                if line is None:
                    self._queue.put_nowait(None)
                    tail = "\n".join(self.lines[-15:])
                    raise AssertionError(f"{self.args} ended (code {self.proc.poll()}):\n{tail}")
                self.lines.append(line)
                if predicate(line):
                    return line

    async def wait_event(self, event: str, timeout: float = 20.0) -> dict[str, Any]:
        line = await self.wait_for(lambda ln: f'"event": "{event}"' in ln, timeout)
        return dict(json.loads(line))

    async def wait_delivered(self, kind: str, timeout: float = 20.0) -> dict[str, Any]:
        """The next `effect_delivered` line for an effect of `kind` (a whisper, an alert...)."""
        line = await self.wait_for(
            lambda ln: '"event": "effect_delivered"' in ln and f'"effect": "{kind}"' in ln,
            timeout,
        )
        return dict(json.loads(line))

    def kill9(self) -> None:
        os.killpg(self.proc.pid, signal.SIGKILL)
        self.proc.wait()

    def terminate(self) -> None:
        os.killpg(self.proc.pid, signal.SIGTERM)

    async def exit_code(self, timeout: float = 30.0) -> int:
        """Wait for the process to end (its output drained) and return its exit status."""
        code = await asyncio.wait_for(asyncio.to_thread(self.proc.wait), timeout)
        while (line := await self._queue.get()) is not None:
            self.lines.append(line)
        self._queue.put_nowait(None)
        return code

    def stop(self) -> None:
        """Clean-up: TERM, then KILL if it does not go."""
        if self.proc.poll() is None:
            os.killpg(self.proc.pid, signal.SIGTERM)
            try:
                self.proc.wait(timeout=15)
            except subprocess.TimeoutExpired:
                os.killpg(self.proc.pid, signal.SIGKILL)
                self.proc.wait()
        if self.proc.stderr is not None:
            self.proc.stderr.close()


async def serve(env: dict[str, str]) -> tuple[Process, str]:
    """`undertone serve` on a free port; returns once it says it is serving."""
    port = free_port()
    proc = Process(["serve", "--host", "127.0.0.1", "--port", str(port)], env)
    await proc.wait_for(lambda ln: '"event": "serving"' in ln, START_TIMEOUT)
    return proc, f"http://127.0.0.1:{port}"


async def worker(env: dict[str, str], count: int = 1) -> Process:
    """`undertone worker`; returns once it says it is ready."""
    proc = Process(["worker", "--count", str(count), "--ops-port", "0"], env)
    await proc.wait_for(lambda ln: '"event": "worker_started"' in ln, START_TIMEOUT)
    return proc
