"""Sizing: CPU and memory per process at a steady event rate, the way production runs.

usage: python bench/throughput.py [--rate 100] [--duration 30] [--threads 100] [--count 2]

Starts redis-server (AOF on), the fake Slack, `undertone serve --workers 0` and `undertone worker
--count C` as separate processes (the installed `undertone` command), posts signed Slack Connect
messages at a fixed rate (open loop: the schedule does not wait for answers) into `--threads`
threads where customers and agents alternate and about a fifth of the customer lines are angry,
waits until the worker has finished every entry, then prints for each process the CPU seconds
used per 1,000 events and its peak RSS, the ack latency, and how long the backlog took to clear.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import random
import secrets
import shutil
import signal
import socket
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import aiohttp
from slack_sdk.signature import SignatureVerifier

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from bot.fakeslack import payloads as p  # noqa: E402
from bot.fakeslack.server import FakeSlack  # noqa: E402
from bot.stores.store import Store  # noqa: E402

CALM = [
    "Hi, how do I export the audit log to CSV?",
    "Could you check the status of order {n}?",
    "Thanks, that worked.",
    "Our nightly sync for project {n} seems slow today, any idea?",
]
ANGRY = [
    "This is the third time I'm asking about {n}. WHERE IS MY REFUND???",
    "Nobody has fixed {n} in two weeks. This is unacceptable, I want to speak to your manager.",
]
AGENT = ["Thanks, looking into it now.", "I've passed this to billing, back to you shortly."]
TICK = os.sysconf("SC_CLK_TCK")
PAGE = os.sysconf("SC_PAGE_SIZE")


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def cpu_rss(pid: int) -> tuple[float, int]:
    fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / TICK, int(fields[21]) * PAGE


async def wait_http(url: str, seconds: float = 30.0) -> None:
    deadline = time.monotonic() + seconds
    async with aiohttp.ClientSession() as session:
        while time.monotonic() < deadline:
            try:
                async with session.get(url) as resp:
                    if resp.status == 200:
                        return
            except aiohttp.ClientError:
                pass
            await asyncio.sleep(0.1)
    sys.exit(f"{url} did not answer")


def schedule(rate: float, duration: float, threads: int, seed: int) -> list[dict[str, object]]:
    """Envelopes in send order: each thread alternates customer and agent lines."""
    rng = random.Random(seed)
    state: list[dict[str, object]] = []
    out: list[dict[str, object]] = []
    for i in range(int(rate * duration)):
        k = i % threads
        if k >= len(state):
            state.append({"parent": None, "turn": 0, "n": f"#{rng.randint(10000, 99999)}"})
        t = state[k]
        customer = t["turn"] % 2 == 0  # type: ignore[operator]
        if customer:
            pool = ANGRY if rng.random() < 0.2 else CALM
            text = rng.choice(pool).format(n=t["n"])
            env = p.message_event(
                text=text,
                user=p.CUSTOMER,
                user_team=p.TEAM_CUST,
                thread_ts=t["parent"],  # type: ignore[arg-type]
            )
        else:
            env = p.message_event(
                text=rng.choice(AGENT),
                user=p.AGENT,
                thread_ts=t["parent"],  # type: ignore[arg-type]
            )
        if t["parent"] is None:
            t["parent"] = env["event"]["ts"]
        t["turn"] = t["turn"] + 1  # type: ignore[operator]
        out.append(env)
    return out


async def main(args: argparse.Namespace) -> None:
    exe = shutil.which("undertone", path=str(Path(sys.executable).parent)) or shutil.which(
        "undertone"
    )
    redis_bin = shutil.which("redis-server")
    if exe is None or redis_bin is None:
        sys.exit("needs the `undertone` command (pip install .) and redis-server")
    work = Path(tempfile.mkdtemp(prefix="undertone-throughput-"))
    rport = free_port()
    redis_proc = subprocess.Popen(
        [
            redis_bin,
            "--port",
            str(rport),
            "--bind",
            "127.0.0.1",
            "--save",
            "",
            "--appendonly",
            "yes",
            "--dir",
            str(work),
        ],
        stdout=subprocess.DEVNULL,
    )
    slack = FakeSlack()
    slack.add_default_directory()
    await slack.start()
    secret = secrets.token_hex(16)
    env = {
        "PATH": os.environ.get("PATH", ""),
        "SLACK_BOT_TOKEN": "xoxb-bench",
        "SLACK_SIGNING_SECRET": secret,
        "SLACK_API_URL": slack.api_url,
        "REDIS_URL": f"redis://127.0.0.1:{rport}/0",
        "UNDERTONE_SUPERVISOR_CHANNEL": p.CHANNEL_SUP,
        "UNDERTONE_AGENT_USER_IDS": p.AGENT,
        "UNDERTONE_SECRETS_DIR": str(work / "none"),
        "UNDERTONE_LOG_LEVEL": "WARNING",
    }
    sport, oport = free_port(), free_port()
    log = (work / "processes.log").open("w")
    serve = subprocess.Popen(
        [exe, "serve", "--host", "127.0.0.1", "--port", str(sport), "--workers", "0"],
        env=env,
        stdout=log,
        stderr=log,
        start_new_session=True,
    )
    worker = subprocess.Popen(
        [
            exe,
            "worker",
            "--count",
            str(args.count),
            "--ops-host",
            "127.0.0.1",
            "--ops-port",
            str(oport),
        ],
        env=env,
        stdout=log,
        stderr=log,
        start_new_session=True,
    )
    procs = {"serve": serve, "worker": worker}
    try:
        await wait_http(f"http://127.0.0.1:{sport}/healthz")
        await wait_http(f"http://127.0.0.1:{oport}/healthz")
        envelopes = schedule(args.rate, args.duration, args.threads, args.seed)
        verifier = SignatureVerifier(secret)
        url = f"http://127.0.0.1:{sport}/slack/events"
        before = {name: cpu_rss(proc.pid)[0] for name, proc in procs.items()}
        peak = {name: 0 for name in procs}
        latencies: list[float] = []
        statuses: dict[int, int] = {}

        async def post(session: aiohttp.ClientSession, envelope: dict[str, object]) -> None:
            raw = json.dumps(envelope)
            ts = str(int(time.time()))
            headers = {
                "Content-Type": "application/json",
                "X-Slack-Request-Timestamp": ts,
                "X-Slack-Signature": verifier.generate_signature(timestamp=ts, body=raw),
            }
            started = time.perf_counter()
            async with session.post(url, data=raw.encode(), headers=headers) as resp:
                await resp.read()
            latencies.append((time.perf_counter() - started) * 1000)
            statuses[resp.status] = statuses.get(resp.status, 0) + 1

        async def sample() -> None:
            while True:
                for name, proc in procs.items():
                    peak[name] = max(peak[name], cpu_rss(proc.pid)[1])
                await asyncio.sleep(0.5)

        sampler = asyncio.create_task(sample())
        t0 = time.monotonic()
        connector = aiohttp.TCPConnector(limit=256)
        async with aiohttp.ClientSession(connector=connector) as session:
            tasks = []
            for i, envelope in enumerate(envelopes):
                delay = t0 + i / args.rate - time.monotonic()
                if delay > 0:
                    await asyncio.sleep(delay)
                tasks.append(asyncio.create_task(post(session, envelope)))
            await asyncio.gather(*tasks)
        sent_for = time.monotonic() - t0
        store = Store.from_url(env["REDIS_URL"])
        while await store.intake_length() > 0:
            await asyncio.sleep(0.05)
        drained = time.monotonic() - t0
        await store.close()
        sampler.cancel()
        after = {name: cpu_rss(proc.pid)[0] for name, proc in procs.items()}
        n = len(envelopes)
        q = statistics.quantiles(latencies, n=100)
        whispers = len([c for c in slack.calls_to("chat.postEphemeral") if c.ok])
        pings = len([c for c in slack.calls_to("chat.postMessage") if c.ok])
        print(
            f"{n} events at {args.rate:g}/s for {args.duration:g} s into {args.threads} threads "
            f"(serve --workers 0, worker --count {args.count}, redis AOF); "
            f"load average {os.getloadavg()[0]:.1f} on {os.cpu_count()} CPUs"
        )
        print(
            f"  sent in {sent_for:.1f} s; backlog cleared {drained - sent_for:.1f} s after the "
            f"last post; HTTP {statuses}; {whispers} whispers, {pings} pings"
        )
        print(f"  ack p50 {q[49]:.1f} ms  p99 {q[98]:.1f} ms  max {max(latencies):.1f} ms")
        for name in procs:
            used = after[name] - before[name]
            print(
                f"  {name:6} CPU {used:5.1f} s = {1000 * used / n:5.1f} ms per event "
                f"({used / drained:.2f} cores over the run); peak RSS {peak[name] / 2**20:.0f} MB"
            )
    finally:
        for proc in procs.values():
            if proc.poll() is None:
                os.killpg(proc.pid, signal.SIGTERM)
        for proc in procs.values():
            try:
                proc.wait(timeout=10)
            except subprocess.TimeoutExpired:
                os.killpg(proc.pid, signal.SIGKILL)
        await slack.stop()
        redis_proc.terminate()
        redis_proc.wait(timeout=10)
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--rate", type=float, default=100)
    ap.add_argument("--duration", type=float, default=30)
    ap.add_argument("--threads", type=int, default=100)
    ap.add_argument("--count", type=int, default=2, help="consumers in the worker process")
    ap.add_argument("--seed", type=int, default=1)
    asyncio.run(main(ap.parse_args()))
