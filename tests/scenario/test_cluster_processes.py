"""Real processes on a real three-node Redis Cluster: two workers share the intake shards; one
is killed with kill -9 while its send is in flight (Slack answering 429), and the hint still
reaches the agent exactly once."""

from __future__ import annotations

from collections.abc import AsyncIterator, Iterator

import pytest

from bot.fakeslack.driver import SlackDriver
from bot.fakeslack.server import FakeSlack
from bot.record import ThreadRecord
from bot.stores.store import Store
from tests.scenario.processes import Process, bot_env, serve, worker
from tests.scenario.test_processes import angry_thread
from tests.scenario.test_whisper_and_ping import hints


@pytest.fixture
async def store(redis_cluster_url: str) -> AsyncIterator[Store]:
    instance = Store.from_url(redis_cluster_url, cluster=True)
    yield instance
    await instance.close()


@pytest.fixture
def running() -> Iterator[list[Process]]:
    started: list[Process] = []
    yield started
    for proc in started:
        proc.stop()


async def test_a_worker_killed_mid_send_on_a_cluster_is_replaced_without_loss_or_double(
    fake_slack: FakeSlack,
    signing_secret: str,
    redis_cluster_url: str,
    store: Store,
    running: list[Process],
) -> None:
    env = bot_env(
        fake_slack, signing_secret, redis_cluster_url,
        UNDERTONE_WORKERS="0", UNDERTONE_REDIS_CLUSTER="true",
    )
    front, url = await serve(env)
    first = await worker(env)
    running += [front, first]
    held = fake_slack.hold_next("chat.postEphemeral")
    ref = await angry_thread(SlackDriver(url, signing_secret))
    await fake_slack.wait_for(lambda: held.arrived.is_set(), timeout=20)  # the send is in flight
    first.kill9()
    held.release(status=429, retry_after=1)  # Slack rate-limits the send of the dead worker
    second, third = await worker(env), await worker(env)
    running += [second, third]
    await fake_slack.wait_for(lambda: len(hints(fake_slack)) == 1, timeout=30)
    assert [c.status for c in fake_slack.calls_to("chat.postEphemeral")] == [429, 200]
    record = ThreadRecord.from_json((await store.load_thread(ref)).doc)
    assert len(record.processed) == 2  # the agent's line and the customer's, each scored once
    for proc in (front, second, third):
        assert not [line for line in proc.lines if "CROSSSLOT" in line or "MOVED" in line]
