"""The HTTP contract with Slack: signatures, retries, subtypes, health, bad input (over real
HTTP)."""

from __future__ import annotations

import json

import aiohttp

from bot.fakeslack import payloads as p
from bot.logsetup import quiet_slack_libraries
from tests.scenario.conftest import Bot, start_bot

CHAT_WRITES = ("chat.postMessage", "chat.postEphemeral", "chat.update")


def writes(bot: Bot) -> list[str]:
    return [c.method for c in bot.slack.calls if c.method in CHAT_WRITES]


async def stream_length(bot: Bot) -> int:
    store = bot.services.store
    return await store.intake_length()


async def test_url_verification_echoes_the_challenge(bot: Bot) -> None:
    resp = await bot.driver.post_event(p.url_verification("c-123"))
    assert resp.status == 200
    assert json.loads(resp.body) == {"challenge": "c-123"}


async def test_forged_signature_is_refused_and_nothing_is_posted(bot: Bot) -> None:
    envelope = p.message_event(text="WHERE IS MY REFUND???", user=p.CUSTOMER, user_team=p.TEAM_CUST)
    resp = await bot.driver.post_event(envelope, forged=True)
    assert resp.status == 401
    assert await stream_length(bot) == 0
    await bot.drain()
    assert writes(bot) == []


async def test_stale_timestamp_is_refused(bot: Bot) -> None:
    envelope = p.message_event(text="hello", user=p.CUSTOMER, user_team=p.TEAM_CUST)
    resp = await bot.driver.post_event(envelope, stale=True)
    assert resp.status == 401
    assert await stream_length(bot) == 0


async def test_malformed_body_gets_400_when_signed_and_401_when_not(bot: Bot) -> None:
    raw = '{"type": "event_callback", "event": '
    async with aiohttp.ClientSession() as session:
        headers = bot.driver.signed_headers(raw, "application/json")
        async with session.post(bot.driver.url, data=raw, headers=headers) as resp:
            assert resp.status in (400, 401)
            signed_status = resp.status
        headers = bot.driver.signed_headers(raw, "application/json", forged=True)
        async with session.post(bot.driver.url, data=raw, headers=headers) as resp:
            assert resp.status == 401
    assert signed_status == 400


async def test_edits_joins_bots_and_our_own_posts_get_200_and_are_ignored(bot: Bot) -> None:
    parent = p.next_ts()
    others = [
        p.message_changed(
            channel=p.CHANNEL_SHARED,
            ts=parent,
            user=p.CUSTOMER,
            new_text="edited WORST SERVICE EVER",
            old_text="hi",
        ),
        p.message_event(
            text="joined", user=p.CUSTOMER, subtype="channel_join", user_team=p.TEAM_CUST
        ),
        p.message_event(text="I AM FURIOUS", user=None, bot_id="B_OTHER", subtype="bot_message"),
        p.message_event(text="I AM FURIOUS", user=p.BOT_USER, bot_id=p.BOT_ID),
    ]
    for envelope in others:
        resp = await bot.driver.post_event(envelope)
        assert resp.status == 200, envelope["event"]
    assert await stream_length(bot) == 0


async def test_unknown_event_types_are_acknowledged_not_404(bot: Bot) -> None:
    envelope = p.event_envelope(
        {"type": "reaction_added", "user": p.CUSTOMER, "reaction": "rage", "event_ts": p.next_ts()}
    )
    resp = await bot.driver.post_event(envelope)
    assert resp.status == 200


async def test_a_retried_event_is_taken_in_once(bot: Bot) -> None:
    envelope = p.message_event(
        text="Third time asking: where is my refund?!", user=p.CUSTOMER, user_team=p.TEAM_CUST
    )
    first = await bot.driver.post_event(envelope)
    again = await bot.driver.post_event(envelope, retry_num=1)
    assert (first.status, again.status) == (200, 200)
    assert await stream_length(bot) == 1


async def test_health_and_readiness(bot: Bot) -> None:
    async with aiohttp.ClientSession() as session:
        async with session.get(bot.url + "/healthz") as resp:
            assert resp.status == 200
        async with session.get(bot.url + "/readyz") as resp:
            assert resp.status == 200
            assert (await resp.json())["store"] is True


async def test_store_down_means_500_so_slack_retries_and_not_ready(
    fake_slack,
    signing_secret,
) -> None:
    import socket

    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        dead = f"redis://127.0.0.1:{s.getsockname()[1]}/0"
    bot, runner = await start_bot(fake_slack, signing_secret, redis_url=dead)
    try:
        envelope = p.message_event(text="hello?", user=p.CUSTOMER, user_team=p.TEAM_CUST)
        resp = await bot.driver.post_event(envelope)
        assert resp.status == 500
        async with aiohttp.ClientSession() as session, session.get(bot.url + "/readyz") as ready:
            assert ready.status == 503
    finally:
        await runner.cleanup()


async def test_huge_and_odd_messages_are_answered_and_never_crash(bot: Bot) -> None:
    texts = [
        "A" * 40_000,
        "😡" * 5000 + " why?!",
        "\u202e\u0000\ufeff zalgo: t̷̢̛̖e̶̪͝x̵̣̓t̸̰̆ \udcff"[:-1],
        "",
        "<@U123> <https://x.example|link> :rage: `ERROR killed` ```FATAL: failed```",
    ]
    for i, text in enumerate(texts):
        resp = await bot.say(p.CUSTOMER, text, thread=f"odd{i}")
        assert resp.status == 200
    assert await bot.drain() == len(texts)
    assert all(
        c.method != "chat.postMessage" or c.params.get("channel") != p.CHANNEL_SHARED
        for c in bot.slack.calls
    )


async def test_message_text_never_reaches_the_logs(bot: Bot, caplog) -> None:
    secret_phrase = "my-very-private-complaint-xyzzy"
    quiet_slack_libraries()  # as every command sets up logging (else it depends on test order)
    caplog.set_level("DEBUG")
    await bot.say(p.CUSTOMER, f"This is the third time, {secret_phrase}, WHERE IS MY REFUND???")
    await bot.say(p.AGENT, "Sorry about that")
    await bot.drain()
    logged = "\n".join(f"{r.getMessage()} {r.__dict__}" for r in caplog.records)
    assert "message_assessed" in logged
    assert secret_phrase not in logged
    assert "xoxb-test-token" not in logged


async def test_readiness_reports_intake_health_and_fails_when_nobody_would_read_events(
    bot: Bot,
) -> None:
    async with aiohttp.ClientSession() as session:
        async with session.get(bot.url + "/readyz") as resp:
            body = await resp.json()
            assert resp.status == 200
            assert body["intake"] == {
                "group": True,
                "pending": 0,
                "oldest_pending_seconds": 0.0,
                "unread": 0,
                "oldest_unread_seconds": 0.0,
                "dead_letters": 0,
            }
        store = bot.services.store
        await store.client.xgroup_destroy(store.keys.stream(0), "undertone")
        async with session.get(bot.url + "/readyz") as resp:
            assert resp.status == 503
            assert (await resp.json())["intake"]["group"] is False


async def test_without_a_supervisor_channel_readiness_says_escalations_go_nowhere(
    fake_slack, signing_secret, redis_url
) -> None:
    bot, runner = await start_bot(
        fake_slack, signing_secret, redis_url=redis_url, supervisor_channel=None
    )
    try:
        async with aiohttp.ClientSession() as session, session.get(bot.url + "/readyz") as resp:
            body = await resp.json()
        assert resp.status == 200
        assert any("UNDERTONE_SUPERVISOR_CHANNEL" in w for w in body["warnings"])
    finally:
        await runner.cleanup()
