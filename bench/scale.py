"""Scale-out: messages per second per worker process, and whisper latency, for 1, 2 and 4 worker
processes against one Redis and against a three-node Redis Cluster, beside a bare Bolt app.

usage: python bench/scale.py [--workers 1,2,4] [--stores plain,cluster] [--events 6000]
                             [--rate 300] [--duration 10] [--threads 200]

For each store and worker count it starts the store (redis-server, or three cluster nodes joined
by `redis-cli --cluster create`), the fake Slack (in this process) and N `undertone worker
--count 1` processes (the installed `undertone` command), then:
1. capacity: puts `--events` messages straight into the intake (Slack Connect threads where
   customers and agents alternate, a fifth of the customer lines angry) and times the workers
   until every entry is scored (`scored/s`) and no effect is overdue (`msgs/s`: whispers sent;
   supervisor posts go at one a second per channel, as Slack allows); prints messages/s
   in all, per worker process, and per CPU second the workers used (messages per worker core,
   the figure that does not depend on how many cores the machine has free);
2. latency: starts `undertone serve --workers 0` and posts signed events over HTTP at `--rate`
   for `--duration` seconds (open loop), then prints ack and whisper latency (from the post of
   the customer line that called for a whisper to the fake Slack receiving its
   `chat.postEphemeral`).
The same open-loop traffic then goes to `bench/floor_app.py` (Bolt acks; an ephemeral for each
angry line; no Redis, no scoring): the floor.

The machine's load average is printed: on a shared machine more worker processes than free
cores cannot add throughput (each worker process is one Python process, one core at most).
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
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import aiohttp
from slack_sdk.signature import SignatureVerifier

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from bot.fakeslack import payloads as p  # noqa: E402
from bot.fakeslack.server import FakeSlack  # noqa: E402
from bot.slack.payloads import inbound_message  # noqa: E402
from bot.stores.store import Store  # noqa: E402
from tests.fakes.redis_cluster import RedisCluster  # noqa: E402
from tests.fakes.redis_server import RedisServer  # noqa: E402

CALM = [
    "Hi, how do I export the audit log to CSV for project {n}?",
    "Could you check the status of order {n}?",
    "Thanks, that worked.",
    "Our nightly sync for project {n} seems slow today, any idea?",
]
ANGRY = [  # every angry line carries the floor's marker ("unacceptable")
    "This is the third time I'm asking about {n}. WHERE IS MY REFUND??? This is unacceptable.",
    "Nobody has fixed {n} in two weeks. This is unacceptable, I am furious!!",
]
AGENT = ["Thanks, looking into it now.", "I've passed {n} to billing, back to you shortly."]
TICK = os.sysconf("SC_CLK_TCK")


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def cpu_seconds(pid: int) -> float:
    fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / TICK


def pct(values: list[float], q: int) -> float:
    if not values:
        return float("nan")
    if len(values) == 1:
        return values[0]
    return statistics.quantiles(values, n=100)[q - 1]


@dataclass
class Line:
    envelope: dict[str, Any]
    angry: bool
    thread_ts: str


def traffic(count: int, threads: int, seed: int) -> list[Line]:
    """Messages in send order: each thread alternates customer and agent lines."""
    rng = random.Random(seed)
    state: list[dict[str, Any]] = []
    out: list[Line] = []
    for i in range(count):
        k = i % threads
        if k >= len(state):
            state.append({"parent": None, "turn": 0, "n": f"#{rng.randint(10000, 99999)}"})
        t = state[k]
        customer = t["turn"] % 2 == 0
        angry = customer and t["turn"] > 0 and rng.random() < 0.2
        if customer:
            text = rng.choice(ANGRY if angry else CALM).format(n=t["n"])
            env = p.message_event(
                text=text, user=p.CUSTOMER, user_team=p.TEAM_CUST, thread_ts=t["parent"]
            )
        else:
            env = p.message_event(
                text=rng.choice(AGENT).format(n=t["n"]), user=p.AGENT, thread_ts=t["parent"]
            )
        if t["parent"] is None:
            t["parent"] = env["event"]["ts"]
        t["turn"] += 1
        out.append(Line(env, angry, t["parent"]))
    return out


@dataclass
class Procs:
    """Child processes, each leading its own process group (stopped by group id)."""

    started: list[subprocess.Popen[bytes]] = field(default_factory=list)

    def start(self, args: list[str], env: dict[str, str], log: Path) -> subprocess.Popen[bytes]:
        out = log.open("ab")
        proc = subprocess.Popen(args, env=env, stdout=out, stderr=out, start_new_session=True)
        self.started.append(proc)
        return proc

    def stop(self) -> None:
        for proc in self.started:
            if proc.poll() is None:
                os.killpg(proc.pid, signal.SIGTERM)
        for proc in self.started:
            try:
                proc.wait(timeout=15)
            except subprocess.TimeoutExpired:
                os.killpg(proc.pid, signal.SIGKILL)
                proc.wait()
        self.started = []


async def wait_http(url: str, seconds: float = 60.0) -> None:
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
    raise SystemExit(f"{url} did not answer")


@dataclass
class Latency:
    ack: list[float]
    whisper: list[float]
    statuses: dict[int, int]


async def open_loop(
    url: str, secret: str, lines: list[Line], rate: float, slack: FakeSlack
) -> Latency:
    """Post every line at its scheduled time (not waiting for answers); whisper latency is from
    the post of the customer line that called for it (the thread's newest customer line before
    the whisper) to the ephemeral reaching Slack."""
    verifier = SignatureVerifier(secret)
    acks: list[float] = []
    statuses: dict[int, int] = {}
    angry_at: dict[str, list[float]] = {}  # customer lines (for attribution) per thread
    angry_threads: set[str] = set()
    before = len(slack.calls)

    async def post(session: aiohttp.ClientSession, line: Line) -> None:
        raw = json.dumps(line.envelope)
        ts = str(int(time.time()))
        headers = {
            "Content-Type": "application/json",
            "X-Slack-Request-Timestamp": ts,
            "X-Slack-Signature": verifier.generate_signature(timestamp=ts, body=raw),
        }
        started = time.monotonic()
        if line.envelope["event"].get("user") == p.CUSTOMER:
            angry_at.setdefault(line.thread_ts, []).append(started)
        if line.angry:
            angry_threads.add(line.thread_ts)
        async with session.post(url, data=raw.encode(), headers=headers) as resp:
            await resp.read()
        acks.append((time.monotonic() - started) * 1000)
        statuses[resp.status] = statuses.get(resp.status, 0) + 1

    t0 = time.monotonic()
    async with aiohttp.ClientSession(connector=aiohttp.TCPConnector(limit=256)) as session:
        tasks = []
        for i, line in enumerate(lines):
            delay = t0 + i / rate - time.monotonic()
            if delay > 0:
                await asyncio.sleep(delay)
            tasks.append(asyncio.create_task(post(session, line)))
        await asyncio.gather(*tasks)
    expected = angry_threads
    deadline = time.monotonic() + 20
    while time.monotonic() < deadline:  # until every thread with an angry line was whispered
        seen = {
            str(c.params.get("thread_ts"))
            for c in slack.calls[before:]
            if c.method == "chat.postEphemeral" and c.ok
        }
        if expected <= seen:
            break
        await asyncio.sleep(0.1)
    whispers: list[float] = []
    for call in slack.calls[before:]:
        if call.method != "chat.postEphemeral" or not call.ok:
            continue
        times = [t for t in angry_at.get(str(call.params.get("thread_ts")), []) if t <= call.at]
        if times:
            whispers.append((call.at - times[-1]) * 1000)
    return Latency(acks, whispers, statuses)


@dataclass
class Store_:
    url: str
    cluster: bool
    stop: Callable[[], None]


def start_store(kind: str) -> Store_:
    if kind == "cluster":
        cluster = RedisCluster()
        cluster.start()
        return Store_(cluster.url, True, cluster.stop)
    server = RedisServer()
    server.start()
    return Store_(server.url, False, server.stop)


async def run_config(
    kind: str, workers: int, args: argparse.Namespace, exe: str, work: Path
) -> dict[str, Any]:
    store_proc = start_store(kind)
    slack = FakeSlack()
    slack.add_default_directory()
    await slack.start()
    procs = Procs()
    secret = secrets.token_hex(16)
    env = {
        "PATH": os.environ.get("PATH", ""),
        "SLACK_BOT_TOKEN": "xoxb-bench",
        "SLACK_SIGNING_SECRET": secret,
        "SLACK_API_URL": slack.api_url,
        "REDIS_URL": store_proc.url,
        "UNDERTONE_REDIS_CLUSTER": "true" if store_proc.cluster else "false",
        "UNDERTONE_SUPERVISOR_CHANNEL": p.CHANNEL_SUP,
        "UNDERTONE_AGENT_USER_IDS": p.AGENT,
        "UNDERTONE_SECRETS_DIR": str(work / "none"),
        "UNDERTONE_LOG_LEVEL": "WARNING",
    }
    if "PYTHONPATH" in os.environ:  # so a worktree's code runs in the workers
        env["PYTHONPATH"] = os.environ["PYTHONPATH"]
    log = work / f"{kind}-{workers}.log"
    store = Store.from_url(store_proc.url, cluster=store_proc.cluster, prefix="ut")
    try:
        pids = []
        for _ in range(workers):
            port = free_port()
            proc = procs.start(
                [exe, "worker", "--count", "1", "--ops-host", "127.0.0.1", "--ops-port",
                 str(port)],
                env, log,
            )
            pids.append(proc.pid)
            await wait_http(f"http://127.0.0.1:{port}/healthz")
        await store.ensure_group()
        # 1. capacity: a backlog put straight into the intake
        lines = traffic(args.events, args.threads, seed=1)
        fields = []
        for line in lines:
            message = inbound_message(line.envelope)
            assert message is not None
            fields.append(message)
        cpu0 = sum(cpu_seconds(pid) for pid in pids)
        t0 = time.monotonic()
        for i in range(0, len(fields), 500):
            chunk = fields[i : i + 500]
            await asyncio.gather(
                *(store.enqueue(m.source, m.event_id, m.to_fields()) for m in chunk)
            )
        while await store.intake_length() > 0:
            await asyncio.sleep(0.02)
        scored = time.monotonic() - t0
        while (await store.ledger.due_stats(time.time()))[1] > 0.1:  # no effect overdue
            await asyncio.sleep(0.02)
        seconds = time.monotonic() - t0
        cpu = sum(cpu_seconds(pid) for pid in pids) - cpu0
        # whispers of the backlog that wait for their turn in Slack's per-workspace budget are
        # not overdue, but would queue ahead of the latency phase's: let them go out first
        await quiet(slack, "chat.postEphemeral", settle=1.0, limit=60.0)
        # 2. latency: open-loop HTTP through serve at a fixed rate
        sport = free_port()
        procs.start(
            [exe, "serve", "--host", "127.0.0.1", "--port", str(sport), "--workers", "0"],
            env, log,
        )
        await wait_http(f"http://127.0.0.1:{sport}/healthz")
        live = traffic(int(args.rate * args.duration), args.threads, seed=2)
        lat = await open_loop(
            f"http://127.0.0.1:{sport}/slack/events", secret, live, args.rate, slack
        )
        return {
            "store": kind,
            "workers": workers,
            "events": args.events,
            "msgs_per_s": args.events / seconds,
            "scored_per_s": args.events / scored,
            "per_worker": args.events / seconds / workers,
            "per_core": args.events / cpu if cpu else float("nan"),
            "cpu_ms": 1000 * cpu / args.events,
            "ack_p50": pct(lat.ack, 50),
            "ack_p99": pct(lat.ack, 99),
            "whisper_p50": pct(lat.whisper, 50),
            "whisper_p99": pct(lat.whisper, 99),
            "whispers": len(lat.whisper),
            "statuses": lat.statuses,
        }
    finally:
        procs.stop()  # first: whatever failed above, no worker outlives the bench
        try:
            await store.close()
        finally:
            await slack.stop()
            store_proc.stop()


async def quiet(slack: FakeSlack, method: str, *, settle: float, limit: float) -> None:
    """Wait until the fake Slack has had no `method` call for `settle` seconds (at most `limit`)."""
    end = time.monotonic() + limit
    while time.monotonic() < end:
        calls = slack.calls_to(method)
        if not calls or time.monotonic() - calls[-1].at >= settle:
            return
        await asyncio.sleep(0.1)


async def run_floor(args: argparse.Namespace, work: Path) -> dict[str, Any]:
    slack = FakeSlack()
    slack.add_default_directory()
    await slack.start()
    procs = Procs()
    secret = secrets.token_hex(16)
    port = free_port()
    env = {
        "PATH": os.environ.get("PATH", ""),
        "SLACK_SIGNING_SECRET": secret,
        "SLACK_API_URL": slack.api_url,
        "FLOOR_AGENT": p.AGENT,
    }
    try:
        procs.start([sys.executable, str(ROOT / "bench" / "floor_app.py"), str(port)], env,
                    work / "floor.log")
        await wait_http(f"http://127.0.0.1:{port}/healthz")
        live = traffic(int(args.rate * args.duration), args.threads, seed=2)
        lat = await open_loop(f"http://127.0.0.1:{port}/slack/events", secret, live, args.rate,
                              slack)
        return {
            "ack_p50": pct(lat.ack, 50),
            "ack_p99": pct(lat.ack, 99),
            "whisper_p50": pct(lat.whisper, 50),
            "whisper_p99": pct(lat.whisper, 99),
            "whispers": len(lat.whisper),
        }
    finally:
        procs.stop()
        await slack.stop()


async def main(args: argparse.Namespace) -> None:
    exe = shutil.which("undertone", path=str(Path(sys.executable).parent)) or shutil.which(
        "undertone"
    )
    if exe is None or shutil.which("redis-server") is None:
        raise SystemExit("needs the `undertone` command (pip install .) and redis-server")
    work = Path(os.environ.get("TMPDIR", "/tmp")) / f"undertone-scale-{os.getpid()}"
    work.mkdir(parents=True, exist_ok=True)
    print(
        f"bench/scale.py: {args.events} messages for capacity, then {args.rate:g}/s for "
        f"{args.duration:g} s over HTTP; {os.cpu_count()} CPUs, load average "
        f"{os.getloadavg()[0]:.1f} at the start; logs in {work}"
    )
    header = (
        f"{'store':8} {'workers':>7} {'scored/s':>8} {'msgs/s':>8} {'per worker':>10} "
        f"{'per core':>9} "
        f"{'cpu ms/msg':>10} {'ack p50/p99 ms':>15} {'whisper p50/p99 ms':>19}"
    )
    print(header)
    rows = []
    for kind in args.stores.split(","):
        for workers in [int(w) for w in args.workers.split(",")]:
            row = await run_config(kind, workers, args, exe, work)
            rows.append(row)
            print(
                f"{kind:8} {workers:>7} {row['scored_per_s']:>8.0f} {row['msgs_per_s']:>8.0f} "
                f"{row['per_worker']:>10.0f} "
                f"{row['per_core']:>9.0f} {row['cpu_ms']:>10.2f} "
                f"{row['ack_p50']:>7.1f}/{row['ack_p99']:<7.1f} "
                f"{row['whisper_p50']:>9.0f}/{row['whisper_p99']:<9.0f}",
                flush=True,
            )
    floor = await run_floor(args, work)
    print(
        f"{'floor':8} {'-':>7} {'-':>8} {'-':>8} {'-':>10} {'-':>9} {'-':>10} "
        f"{floor['ack_p50']:>7.1f}/{floor['ack_p99']:<7.1f} "
        f"{floor['whisper_p50']:>9.0f}/{floor['whisper_p99']:<9.0f}"
    )
    print(f"load average at the end {os.getloadavg()[0]:.1f}")
    if args.json:
        print(json.dumps({"rows": rows, "floor": floor}, indent=1))


if __name__ == "__main__":
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--workers", default="1,2,4")
    ap.add_argument("--stores", default="plain,cluster")
    ap.add_argument("--events", type=int, default=6000)
    ap.add_argument("--rate", type=float, default=300)
    ap.add_argument("--duration", type=float, default=10)
    ap.add_argument("--threads", type=int, default=200)
    ap.add_argument("--json", action="store_true")
    asyncio.run(main(ap.parse_args()))
