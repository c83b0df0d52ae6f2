"""Ack latency of signed event posts against the real app and a real redis-server.

usage: python bench/ack_latency.py [--events N] [--with-worker]

Starts redis-server on a free port, serves the real app on 127.0.0.1, posts N signed Slack Connect
message events over HTTP (some re-deliveries among them) and prints p50/p90/p99/max of the time
until Slack would get its 2xx. With --with-worker, consumers score and whisper concurrently
(against a fake Slack), as in production.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import secrets
import shutil
import socket
import statistics
import subprocess
import sys
import time
from pathlib import Path

import aiohttp
from aiohttp import web
from slack_sdk.signature import SignatureVerifier

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from bot.app import create_web_app  # noqa: E402
from bot.config import Settings  # noqa: E402
from bot.fakeslack import payloads as p  # noqa: E402
from bot.fakeslack.server import FakeSlack  # noqa: E402
from bot.services import build_services  # noqa: E402


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


async def start_redis() -> tuple[subprocess.Popen[bytes], str]:
    binary = shutil.which("redis-server")
    if binary is None:
        sys.exit("redis-server not found: apt-get install redis-server")
    port = free_port()
    proc = subprocess.Popen(
        [binary, "--port", str(port), "--bind", "127.0.0.1", "--save", "", "--appendonly", "no"],
        stdout=subprocess.DEVNULL,
    )
    for _ in range(200):
        try:
            _r, w = await asyncio.open_connection("127.0.0.1", port)
            w.close()
            return proc, f"redis://127.0.0.1:{port}/0"
        except OSError:
            await asyncio.sleep(0.02)
    sys.exit("redis-server did not start")


TEXTS = [
    "Hi, can you tell me where my order is?",
    "This is the third time I'm asking. WHERE IS MY REFUND???",
    "Thanks, that worked perfectly!",
    "If this isn't fixed by Friday we will cancel our contract.",
]


async def main(events: int, with_worker: bool) -> None:
    proc, redis_url = await start_redis()
    slack = FakeSlack()
    await slack.start()
    slack.add_default_directory()
    secret = secrets.token_hex(16)
    settings = Settings(
        slack_bot_token="xoxb-bench",
        slack_signing_secret=secret,
        slack_api_url=slack.api_url,
        redis_url=redis_url,
        supervisor_channel=p.CHANNEL_SUP,
        workers=1 if with_worker else 0,
    )
    services = build_services(settings)
    runner = web.AppRunner(create_web_app(services), access_log=None)
    await runner.setup()
    await web.TCPSite(runner, "127.0.0.1", 0).start()
    url = f"http://127.0.0.1:{runner.addresses[0][1]}/slack/events"
    verifier = SignatureVerifier(secret)
    latencies: list[float] = []
    statuses: dict[int, int] = {}
    try:
        async with aiohttp.ClientSession() as session:
            bodies = []
            parent = p.next_ts()
            agent = p.message_event(text="Hi, I'm on it.", user=p.AGENT, thread_ts=parent)
            bodies.append(json.dumps(agent))
            for i in range(events):
                env = p.message_event(
                    text=TEXTS[i % len(TEXTS)],
                    user=p.CUSTOMER,
                    user_team=p.TEAM_CUST,
                    thread_ts=parent,
                )
                bodies.append(json.dumps(env))
                if i % 10 == 9:  # a re-delivery of the previous event
                    bodies.append(bodies[-1])
            for raw in bodies:
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
        latencies.sort()
        q = statistics.quantiles(latencies, n=100)
        print(
            f"ack latency over {len(latencies)} signed event posts (real redis-server, "
            f"{'with' if with_worker else 'without'} in-process worker)"
        )
        print(
            f"  p50 {q[49]:.2f} ms   p90 {q[89]:.2f} ms   p99 {q[98]:.2f} ms   "
            f"max {latencies[-1]:.2f} ms"
        )
        print(f"  HTTP statuses: {statuses}")
        print(
            f"  stream entries taken in: {await services.store.intake_length()}"
            if not with_worker
            else f"  whispers sent: {len(slack.calls_to('chat.postEphemeral'))}"
        )
    finally:
        await runner.cleanup()
        await slack.stop()
        proc.terminate()
        proc.wait(timeout=5)


if __name__ == "__main__":
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--events", type=int, default=1000)
    ap.add_argument("--with-worker", action="store_true")
    args = ap.parse_args()
    asyncio.run(main(args.events, args.with_worker))
