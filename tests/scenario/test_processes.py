"""Faults on real processes: `undertone serve` and `undertone worker` as children, a real
redis-server, the fake Slack. Killed, stopped, flushed or cut off, nothing is lost or doubled."""

from __future__ import annotations

import json
import subprocess
import sys
from collections.abc import AsyncIterator

import pytest
import redis.asyncio as aioredis

from bot.fakeslack import FakeSlack
from bot.fakeslack import payloads as p
from bot.fakeslack.driver import SlackDriver
from bot.record import ThreadRecord
from bot.stores.keys import ThreadRef
from bot.stores.store import Store
from tests.scenario.processes import Process, bot_env, serve, worker

ANGRY = "This is the THIRD time I'm asking. Where is my refund??? Nobody tells us anything!"


def hints(slack: FakeSlack) -> list[object]:
    """Hints Slack accepted (ephemerals carrying the hint buttons)."""
    return [
        c
        for c in slack.calls_to("chat.postEphemeral")
        if c.ok and "hint_used" in str(c.params)
    ]


@pytest.fixture
async def store(redis_url: str) -> AsyncIterator[Store]:
    instance = Store.from_url(redis_url)
    yield instance
    await instance.close()


@pytest.fixture
def running() -> list[Process]:
    """Processes started by a test; stopped (TERM, then KILL) whatever happens."""
    started: list[Process] = []
    yield started
    for proc in started:
        proc.stop()


async def angry_thread(driver: SlackDriver) -> ThreadRef:
    """An agent opens a thread in the shared channel; the customer answers angrily."""
    parent = p.next_ts()
    agent = p.message_event(text="Hi, I'm on it.", user=p.AGENT, ts=parent)
    assert (await driver.post_event(agent)).status == 200
    angry = p.message_event(text=ANGRY, user=p.CUSTOMER, user_team=p.TEAM_CUST, thread_ts=parent)
    assert (await driver.post_event(angry)).status == 200
    return ThreadRef(p.TEAM_OURS, p.CHANNEL_SHARED, parent)


async def nothing_left_to_send(store: Store, ref: ThreadRef) -> bool:
    record = ThreadRecord.from_json((await store.load_thread(ref)).doc)
    due = await store.client.zscore(store.keys.due(ref.shard), ref.key)
    assert record.outbox == [], record.outbox
    assert due is None, due
    return True


@pytest.mark.parametrize("how", ["kill -9", "SIGTERM"])
async def test_a_worker_stopped_while_a_rate_limited_hint_is_in_flight_delivers_it_once(
    fake_slack: FakeSlack,
    signing_secret: str,
    redis_url: str,
    store: Store,
    running: list[Process],
    how: str,
) -> None:
    env = bot_env(fake_slack, signing_secret, redis_url, UNDERTONE_WORKERS="0")
    front, url = await serve(env)
    first = await worker(env)
    running += [front, first]
    held = fake_slack.hold_next("chat.postEphemeral")
    ref = await angry_thread(SlackDriver(url, signing_secret))
    await fake_slack.wait_for(lambda: held.arrived.is_set(), timeout=20)  # the send is in flight
    if how == "kill -9":
        first.kill9()
        held.release(status=429, retry_after=1)  # Slack rate-limits the send of the dead worker
    else:
        first.terminate()
        held.release(status=429, retry_after=1)  # it finishes the send it had in flight...
        assert await first.exit_code() == 0  # ...hands the hint back and exits
        assert any('"event": "stopped"' in line for line in first.lines)
    second = await worker(env)
    running.append(second)
    await second.wait_delivered("whisper")
    assert [c.status for c in fake_slack.calls_to("chat.postEphemeral")] == [429, 200]
    assert len(hints(fake_slack)) == 1
    assert await nothing_left_to_send(store, ref)


async def test_slack_answering_html_500s_is_retried_not_dropped(
    fake_slack: FakeSlack,
    signing_secret: str,
    redis_url: str,
    store: Store,
    running: list[Process],
) -> None:
    fake_slack.fail_next("chat.postEphemeral", status=500, times=2, html=True)
    front, url = await serve(bot_env(fake_slack, signing_secret, redis_url))
    running.append(front)
    ref = await angry_thread(SlackDriver(url, signing_secret))
    await front.wait_delivered("whisper")
    assert [c.status for c in fake_slack.calls_to("chat.postEphemeral")] == [500, 500, 200]
    assert len(hints(fake_slack)) == 1
    assert await nothing_left_to_send(store, ref)


async def test_events_after_redis_was_flushed_under_a_running_bot_are_processed(
    fake_slack: FakeSlack,
    signing_secret: str,
    redis_url: str,
    running: list[Process],
) -> None:
    front, url = await serve(bot_env(fake_slack, signing_secret, redis_url))
    running.append(front)
    driver = SlackDriver(url, signing_secret)
    await angry_thread(driver)
    await front.wait_delivered("whisper")
    client = aioredis.from_url(redis_url)
    await client.flushall()  # Redis restarted empty, or failed over to an empty replica
    await client.aclose()
    await angry_thread(driver)
    await front.wait_delivered("whisper")
    assert len(hints(fake_slack)) == 2
    assert any("intake_group_recreated" in line for line in front.lines)


async def test_an_event_while_slacks_web_api_is_unreachable_is_acked_and_processed_later(
    fake_slack: FakeSlack,
    signing_secret: str,
    redis_url: str,
    store: Store,
    running: list[Process],
) -> None:
    await fake_slack.go_offline()  # from before start-up: auth.test cannot answer either
    front, url = await serve(bot_env(fake_slack, signing_secret, redis_url))
    running.append(front)
    ref = await angry_thread(SlackDriver(url, signing_secret))  # both answered 200
    await front.wait_event("effect_retry")
    await fake_slack.go_online()
    await front.wait_event("effect_delivered", timeout=40)
    assert len(hints(fake_slack)) == 1
    assert await nothing_left_to_send(store, ref)


async def test_serve_says_what_runs_where_and_stops_cleanly_on_sigterm(
    fake_slack: FakeSlack, signing_secret: str, redis_url: str, running: list[Process]
) -> None:
    front, url = await serve(bot_env(fake_slack, signing_secret, redis_url))
    running.append(front)
    [started] = [json.loads(ln) for ln in front.lines if '"event": "starting"' in ln]
    assert started["store"] == redis_url and started["workspace"] == p.TEAM_OURS
    assert started["internal_channels"] == [p.CHANNEL_SUP]
    await angry_thread(SlackDriver(url, signing_secret))
    await front.wait_delivered("whisper")
    front.terminate()
    assert await front.exit_code() == 0
    assert any('"event": "stopped"' in line for line in front.lines)


async def test_a_worker_runs_at_serves_cpu_priority_unless_told_to_yield(
    fake_slack: FakeSlack, signing_secret: str, redis_url: str, running: list[Process]
) -> None:
    """By default a worker keeps serve's priority (lowered, it fell behind on a busy host);
    UNDERTONE_WORKER_NICE lowers it where acks matter more."""
    env = bot_env(fake_slack, signing_secret, redis_url, UNDERTONE_WORKERS="0")
    front, _url = await serve(env)
    running.append(front)
    level = await worker(env)
    running.append(level)
    yielding = await worker(env | {"UNDERTONE_WORKER_NICE": "10"})
    running.append(yielding)

    def nice(proc: Process) -> int:
        with open(f"/proc/{proc.proc.pid}/stat") as f:
            return int(f.read().rsplit(")", 1)[1].split()[16])  # field 19 of proc(5)

    def started(proc: Process) -> dict[str, object]:
        [line] = [json.loads(ln) for ln in proc.lines if '"event": "worker_started"' in ln]
        return line

    assert nice(level) == nice(front)
    assert started(level)["nice"] == 0
    assert nice(yielding) == nice(front) + 10
    assert started(yielding)["nice"] == 10


async def test_without_a_supervisor_channel_start_up_warns_loudly(
    fake_slack: FakeSlack, signing_secret: str, redis_url: str, running: list[Process]
) -> None:
    env = bot_env(fake_slack, signing_secret, redis_url)
    del env["UNDERTONE_SUPERVISOR_CHANNEL"]
    front, _ = await serve(env)
    running.append(front)
    warnings = [ln for ln in front.lines if '"level": "warning"' in ln]
    assert any("UNDERTONE_SUPERVISOR_CHANNEL" in ln for ln in warnings)


def run_cli(*args: str, **env: str) -> subprocess.CompletedProcess[str]:
    clean = {"PATH": "/usr/bin:/bin", "UNDERTONE_SECRETS_DIR": "/nonexistent"} | env
    return subprocess.run(
        [sys.executable, "-m", "bot", *args], env=clean, capture_output=True, text=True, timeout=60
    )


@pytest.mark.parametrize(
    ("args", "env", "named"),
    [
        (["serve"], {"REDIS_URL": "notaurl"}, "REDIS_URL"),
        (["worker"], {}, "REDIS_URL"),
        (["serve", "--workers", "0"], {}, "UNDERTONE_WORKERS"),
        (["serve"], {"UNDERTONE_WORKERS": "many"}, "UNDERTONE_WORKERS"),
    ],
)
def test_a_set_up_that_cannot_work_refuses_in_a_line_naming_the_setting(
    args: list[str], env: dict[str, str], named: str
) -> None:
    secrets = {"SLACK_BOT_TOKEN": "xoxb-x", "SLACK_SIGNING_SECRET": "s" * 32}
    done = run_cli(*args, **secrets, **env)
    assert done.returncode != 0
    lines = done.stderr.strip().splitlines()
    assert 1 <= len(lines) <= 3, done.stderr
    assert named in done.stderr
    assert "Traceback" not in done.stderr


def test_a_misnamed_team_phrasebook_file_refuses_start_up_naming_it(tmp_path) -> None:
    (tmp_path / "escalation.yml").write_text("routes: {}\n")
    secrets = {"SLACK_BOT_TOKEN": "xoxb-x", "SLACK_SIGNING_SECRET": "s" * 32}
    done = run_cli("serve", UNDERTONE_PHRASEBOOK_DIR=str(tmp_path), **secrets)
    assert done.returncode != 0
    assert "escalation.yml" in done.stderr and "escalation.yaml" in done.stderr
    assert len(done.stderr.strip().splitlines()) <= 3
