"""The workers a serve runs in its own process stand by while a dedicated worker is alive, so the
serve's event loop only acknowledges Slack; they take the work back when no dedicated worker has
said it is alive for a few seconds (it died, or there never was one)."""

from __future__ import annotations

from bot.config import Settings
from bot.fakeslack import FakeSlack
from bot.fakeslack import payloads as p
from bot.services import Services, build_services
from bot.stores.store import Store
from bot.worker import DEDICATED_ALIVE_SECONDS, StreamWorker


class Clock:
    def __init__(self) -> None:
        self.now = 1_800_000_000.0

    def __call__(self) -> float:
        return self.now


def services(fake_slack: FakeSlack, redis_url: str, clock: Clock) -> Services:
    settings = Settings(
        slack_bot_token="xoxb-test",
        slack_api_url=fake_slack.api_url,
        redis_url=redis_url,
        supervisor_channel=p.CHANNEL_SUP,
    )
    return build_services(settings, store=Store.from_url(redis_url), clock=clock)


async def test_a_serves_own_worker_stands_by_while_a_dedicated_worker_is_alive(
    fake_slack: FakeSlack, redis_url: str
) -> None:
    clock = Clock()
    s = services(fake_slack, redis_url, clock)
    inside_serve = StreamWorker(s, "serve-0", dedicated=False)
    dedicated = StreamWorker(s, "worker-0", dedicated=True)
    assert await inside_serve.needed(), "with no dedicated worker, the serve does the work"

    await dedicated.housekeeping()  # says it is alive
    inside_serve._look_again_at = 0.0  # noqa: SLF001  (look now, not after the poll interval)
    assert not await inside_serve.needed()
    assert await dedicated.needed(), "a dedicated worker always works"

    clock.now += DEDICATED_ALIVE_SECONDS + 1  # the dedicated worker went silent (killed)
    inside_serve._look_again_at = 0.0  # noqa: SLF001
    assert await inside_serve.needed(), "the serve takes the work back"
    await s.close()


async def test_a_worker_inside_a_serve_never_says_it_is_a_dedicated_one(
    fake_slack: FakeSlack, redis_url: str
) -> None:
    clock = Clock()
    s = services(fake_slack, redis_url, clock)
    first, second = (
        StreamWorker(s, "serve-0", dedicated=False),
        StreamWorker(s, "serve-1", dedicated=False),
    )
    await first.housekeeping()
    assert await second.needed(), "two serves do not put each other on standby"
    await s.close()
