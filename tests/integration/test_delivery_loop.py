"""The delivery loop sends each due thread on its own: a slow send never holds up the others."""

from __future__ import annotations

import asyncio

import pytest

from bot import worker as worker_module
from bot.config import Settings
from bot.fakeslack import FakeSlack
from bot.fakeslack import payloads as p
from bot.services import Services, build_services
from bot.stores.keys import ThreadRef
from bot.stores.store import Store
from bot.worker import StreamWorker

SLOW = ThreadRef("T1", "C1", "1700000000.000100")  # say, an alert joining an overflow message
QUICK = ThreadRef("T1", "C1", "1700000000.000200")  # say, a whisper
LATER = ThreadRef("T1", "C1", "1700000000.000300")  # comes due while the slow one still sends


def services(fake_slack: FakeSlack, redis_url: str) -> Services:
    settings = Settings(
        slack_bot_token="xoxb-test",
        slack_api_url=fake_slack.api_url,
        redis_url=redis_url,
        supervisor_channel=p.CHANNEL_SUP,
    )
    return build_services(settings, store=Store.from_url(redis_url))


async def test_a_thread_due_while_a_slow_send_is_in_flight_goes_out_before_it_ends(
    fake_slack: FakeSlack, redis_url: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    s = services(fake_slack, redis_url)
    ledger = s.store.ledger
    release = asyncio.Event()
    delivered: list[str] = []
    quick_done, later_done = asyncio.Event(), asyncio.Event()

    async def deliver(_: Services, ref: ThreadRef, *, claimed: str | None = None) -> int:
        if ref == SLOW:
            await release.wait()
        delivered.append(ref.thread_ts)
        await ledger.finish(ref, claimed or "", None)
        {QUICK: quick_done, LATER: later_done}.get(ref, asyncio.Event()).set()
        return 1

    monkeypatch.setattr(worker_module.flows, "deliver", deliver)
    now = s.clock()
    await ledger.schedule(SLOW, now - 1)
    await ledger.schedule(QUICK, now - 1)
    worker = StreamWorker(s, "worker-0")
    loop = asyncio.create_task(worker._delivery_loop())  # noqa: SLF001
    await asyncio.wait_for(quick_done.wait(), timeout=10)
    await ledger.schedule(LATER, s.clock() - 1)  # due now, with the slow one still sending
    await asyncio.wait_for(later_done.wait(), timeout=10)
    assert delivered == [QUICK.thread_ts, LATER.thread_ts]

    release.set()  # the slow send ends; stopping lets the sends in hand finish
    worker.stop()
    await asyncio.wait_for(loop, timeout=10)
    assert delivered[-1] == SLOW.thread_ts
    await s.close()
