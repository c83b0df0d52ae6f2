"""Whispers reach the agent privately, pings reach supervisors, nothing reaches the customer,
once."""

from __future__ import annotations

import json

import pytest

from bot.fakeslack import payloads as p
from bot.fakeslack.server import FakeSlack
from bot.record import ThreadRecord
from bot.stores.keys import ThreadRef
from tests.scenario.conftest import Bot, start_bot

ANGRY = "This is the THIRD time I'm asking. Where is my refund??? Nobody tells us anything!"
MANAGER = "This is unacceptable. I want to speak to your manager right now."


def hints(slack: FakeSlack) -> list[dict[str, object]]:
    """Whispers that carry a coaching hint (they have the hint feedback buttons)."""
    return [
        c.params
        for c in slack.calls_to("chat.postEphemeral")
        if c.ok and "hint_used" in str(c.params)
    ]


def visible_in_customer_channel(slack: FakeSlack) -> list[str]:
    return [
        c.method
        for c in slack.calls
        if c.method in ("chat.postMessage", "chat.update")
        and c.params.get("channel") == p.CHANNEL_SHARED
    ]


async def test_a_calm_thread_gets_no_whisper(bot: Bot) -> None:
    await bot.say(p.CUSTOMER, "Hi! Quick question: how do I export the audit log to CSV?")
    await bot.say(p.AGENT, "Settings → Audit → Export, then choose CSV.")
    await bot.say(p.CUSTOMER, "Perfect, that worked. Thanks a lot!")
    assert await bot.drain() == 3
    assert bot.slack.calls_to("chat.postEphemeral") == []
    assert bot.slack.calls_to("chat.postMessage") == []


async def test_a_frustrated_customer_gets_the_agent_exactly_one_private_hint_in_the_thread(
    bot: Bot,
) -> None:
    await bot.say(p.CUSTOMER, "Hi, we were charged twice for invoice INV-2291, can you refund one?")
    await bot.say(p.AGENT, "Refunds take 5-7 business days.")
    await bot.say(p.CUSTOMER, ANGRY)
    await bot.drain()
    whispers = hints(bot.slack)
    assert len(whispers) == 1
    params = whispers[0]
    assert params["user"] == p.AGENT
    assert params["channel"] == p.CHANNEL_SHARED
    assert params["thread_ts"] == bot.parent()
    assert params["text"]
    assert visible_in_customer_channel(bot.slack) == []


async def test_a_retried_event_produces_no_second_whisper(bot: Bot) -> None:
    await bot.say(p.AGENT, "Hello, how can I help?")
    ts = p.next_ts()
    envelope = p.message_event(
        text=ANGRY, user=p.CUSTOMER, user_team=p.TEAM_CUST, ts=ts, thread_ts=bot.parent()
    )
    await bot.say(p.CUSTOMER, "", envelope=envelope)
    await bot.drain()
    sent = [c.method for c in bot.slack.calls]
    assert len(hints(bot.slack)) == 1
    await bot.say(p.CUSTOMER, "", envelope=envelope, retry_num=1)
    await bot.say(p.CUSTOMER, "", envelope=envelope, retry_num=2)
    await bot.drain()
    assert [c.method for c in bot.slack.calls] == sent


async def test_an_explicit_cue_pings_the_supervisor_channel_once_with_a_permalink(bot: Bot) -> None:
    await bot.say(p.CUSTOMER, "Our export has been broken since Monday.")
    await bot.say(p.AGENT, "Sorry to hear that, we're looking into it.")
    await bot.say(p.CUSTOMER, MANAGER)
    await bot.drain()
    pings = [
        c for c in bot.slack.calls_to("chat.postMessage") if c.params["channel"] == p.CHANNEL_SUP
    ]
    assert len(pings) == 1
    permalinks = [c.response.get("permalink") for c in bot.slack.calls_to("chat.getPermalink")]
    assert permalinks and any(link and link in str(pings[0].params) for link in permalinks)
    assert visible_in_customer_channel(bot.slack) == []


async def test_the_agent_is_told_a_supervisor_was_alerted(bot: Bot) -> None:
    await bot.say(p.AGENT, "Hi, I'm looking at your ticket now.")
    await bot.say(p.CUSTOMER, MANAGER)
    await bot.drain()
    to_agent = [c for c in bot.slack.calls_to("chat.postEphemeral") if c.params["user"] == p.AGENT]
    assert any("supervisor" in str(c.params).lower() for c in to_agent)


async def test_one_ephemeral_per_customer_message_carries_both_hint_and_notice(bot: Bot) -> None:
    await bot.say(p.CUSTOMER, "Hi, we were charged twice for invoice INV-2291, can you refund one?")
    await bot.say(p.AGENT, "Refunds take 5-7 business days.")
    await bot.say(p.CUSTOMER, ANGRY + " " + MANAGER)
    await bot.drain()
    [whisper] = bot.slack.calls_to("chat.postEphemeral")
    text = str(whisper.params)
    assert "hint_used" in text and "supervisor has been told" in text.lower()


async def test_the_thread_document_holds_decisions_never_block_kit(bot: Bot) -> None:
    for method in ("chat.postEphemeral", "chat.postMessage"):  # everything waits in the outbox
        bot.slack.fail_next(method, status=503, times=50)
    await bot.say(p.CUSTOMER, "Hi, we were charged twice for invoice INV-2291, can you refund one?")
    await bot.say(p.AGENT, "Refunds take 5-7 business days.")
    await bot.say(p.CUSTOMER, ANGRY + " " + MANAGER)
    await bot.drain()
    store = bot.services.store
    ref = ThreadRef(p.TEAM_OURS, p.CHANNEL_SHARED, bot.parent())
    doc = json.loads((await store.client.hget(store.keys.thread(ref), "doc")).decode())
    assert {e["intent"]["kind"] for e in doc["outbox"]} == {"whisper", "alert"}
    assert '"blocks"' not in json.dumps(doc) and '"section"' not in json.dumps(doc)


async def test_a_customer_is_never_whispered_to(bot: Bot) -> None:
    await bot.say(p.AGENT, "Hi!")
    for text in (ANGRY, MANAGER, "We will cancel and call our lawyers."):
        await bot.say(p.CUSTOMER, text)
    await bot.drain()
    recipients = {c.params["user"] for c in bot.slack.calls_to("chat.postEphemeral")}
    assert p.CUSTOMER not in recipients
    assert visible_in_customer_channel(bot.slack) == []


async def test_whisper_falls_back_to_a_dm_when_the_agent_left_the_channel(bot: Bot) -> None:
    await bot.say(p.AGENT, "Hi!")
    bot.slack.remove_member(p.CHANNEL_SHARED, p.AGENT)
    await bot.say(p.CUSTOMER, ANGRY)
    await bot.drain()
    dms = [c for c in bot.slack.calls_to("chat.postMessage") if c.params["channel"] == p.AGENT]
    assert len([c for c in dms if "hint_used" in str(c.params)]) == 1
    assert hints(bot.slack) == []


async def test_a_rate_limited_whisper_waits_for_retry_after_then_goes_out_once(bot: Bot) -> None:
    bot.slack.fail_next("chat.postEphemeral", status=429, retry_after=30, error="ratelimited")
    await bot.say(p.AGENT, "Hi!")
    await bot.say(p.CUSTOMER, ANGRY)
    await bot.drain()
    assert [c.status for c in bot.slack.calls_to("chat.postEphemeral")] == [429]
    bot.clock.advance(29)
    await bot.drain()  # Slack said 30 s: nothing is tried before that
    assert [c.status for c in bot.slack.calls_to("chat.postEphemeral")] == [429]
    bot.clock.advance(2)
    await bot.drain()
    assert [c.status for c in bot.slack.calls_to("chat.postEphemeral")] == [429, 200]
    assert len(hints(bot.slack)) == 1


async def test_slack_answering_html_500s_keeps_the_hint_queued_and_sends_it_once_later(
    bot: Bot,
) -> None:
    bot.slack.fail_next("chat.postEphemeral", status=500, times=3, html=True)
    await bot.say(p.AGENT, "Hi!")
    await bot.say(p.CUSTOMER, ANGRY)
    await bot.drain()
    assert hints(bot.slack) == []
    assert await bot.services.store.pending() == 0  # the entry is done; the hint waits to go
    for _ in range(3):  # backoff: at most 1 s, 2 s, 4 s between attempts
        bot.clock.advance(5)
        await bot.drain()
    assert [c.status for c in bot.slack.calls_to("chat.postEphemeral")] == [500, 500, 500, 200]
    assert len(hints(bot.slack)) == 1
    bot.clock.advance(600)
    await bot.drain()
    assert len(bot.slack.calls_to("chat.postEphemeral")) == 4


async def test_a_whisper_past_its_deadline_is_given_up_and_dead_lettered(bot: Bot) -> None:
    bot.slack.fail_next("chat.postEphemeral", status=503, times=1000)
    await bot.say(p.AGENT, "Hi!")
    await bot.say(p.CUSTOMER, ANGRY)
    await bot.drain()
    for _ in range(12):  # ten minutes of outage, twice a whisper's deadline
        bot.clock.advance(50)
        await bot.drain()
    tries = len(bot.slack.calls_to("chat.postEphemeral"))
    assert 5 <= tries <= 20  # retried with backoff, not hammered
    [letter] = await bot.services.store.dead.newest()
    assert letter.fields["effect_kind"] == "whisper"
    assert letter.fields["reason"].startswith("expired")
    assert ANGRY not in str(letter.fields)
    bot.slack._failures.clear()
    bot.clock.advance(600)
    await bot.drain()
    assert len(bot.slack.calls_to("chat.postEphemeral")) == tries  # stale: never sent late


async def test_a_worker_that_dies_mid_way_is_replaced_without_double_whispers(bot: Bot) -> None:
    await bot.say(p.AGENT, "Hi!")
    await bot.drain()
    await bot.say(p.CUSTOMER, ANGRY)
    store = bot.services.store
    taken = await store.read("doomed-consumer", count=10, block_ms=10)  # read, then "crash"
    assert len(taken) == 1
    assert await bot.drain() == 0  # new reads do not see the abandoned entry
    assert await bot.worker.reclaim() == 1
    await bot.drain()
    assert len(hints(bot.slack)) == 1
    assert await store.pending() == 0


async def test_two_replicas_seeing_the_same_event_whisper_once(
    fake_slack, signing_secret, redis_url
) -> None:
    one, runner_one = await start_bot(fake_slack, signing_secret, redis_url=redis_url)
    two, runner_two = await start_bot(fake_slack, signing_secret, redis_url=redis_url)
    try:
        await one.say(p.AGENT, "Hi!")
        envelope = p.message_event(
            text=ANGRY, user=p.CUSTOMER, user_team=p.TEAM_CUST, thread_ts=one.parent()
        )
        assert (await one.driver.post_event(envelope)).status == 200
        assert (await two.driver.post_event(envelope, retry_num=1)).status == 200
        await one.drain()
        await two.drain()
        assert len(hints(fake_slack)) == 1
    finally:
        await runner_one.cleanup()
        await runner_two.cleanup()


@pytest.mark.parametrize("workers", [1])
async def test_serve_with_in_process_workers_whispers_end_to_end(
    fake_slack, signing_secret, workers: int
) -> None:
    bot, runner = await start_bot(fake_slack, signing_secret, redis_url=None, workers=workers)
    try:
        await bot.say(p.AGENT, "Hi!")
        await bot.say(p.CUSTOMER, ANGRY)
        whisper = await fake_slack.wait_for(lambda: fake_slack.calls_to("chat.postEphemeral"))
        assert whisper[0].params["user"] == p.AGENT
    finally:
        await runner.cleanup()


async def test_an_alert_that_failed_to_post_goes_out_once_when_slack_recovers(bot: Bot) -> None:
    bot.slack.fail_next("chat.postMessage", status=500, times=1)
    await bot.say(p.AGENT, "Hi, I'm looking at your ticket now.")
    await bot.say(p.CUSTOMER, MANAGER)
    await bot.drain()  # the ping failed: it waits in the outbox
    await bot.say(p.CUSTOMER, "This is a breach of contract, our lawyers will be in touch.")
    await bot.drain()
    posted = [
        c
        for c in bot.slack.calls_to("chat.postMessage")
        if c.ok and c.params["channel"] == p.CHANNEL_SUP and not c.params.get("thread_ts")
    ]
    assert len(posted) == 1
    assert await bot.services.store.pending() == 0


async def test_an_agent_reply_redelivered_late_still_gets_the_customer_message_coached(
    bot: Bot,
) -> None:
    """Slack redelivers an event after a 5xx: the agent's reply can arrive after the customer's
    angry message that was written later. The hint is given once the reply is known."""
    parent, reply, angry = (p.next_ts(bot.clock.now + i) for i in range(3))
    opener = p.message_event(
        text="Our dashboard export came out empty for last week. Could you check?",
        user=p.CUSTOMER,
        user_team=p.TEAM_CUST,
        ts=parent,
    )
    late = p.message_event(text="Engineering is on it.", user=p.AGENT, ts=reply, thread_ts=parent)
    customer = p.message_event(
        text=ANGRY, user=p.CUSTOMER, user_team=p.TEAM_CUST, ts=angry, thread_ts=parent
    )
    for envelope in (opener, customer, late):  # the reply arrives last
        await bot.driver.post_event(envelope)
        await bot.drain()
    assert len(hints(bot.slack)) == 1


async def test_a_customer_message_redelivered_after_a_newer_one_is_scored_but_starts_no_hint(
    bot: Bot,
) -> None:
    """Slack redelivers the customer's calm question after their angry follow-up and the agent's
    answer were read (a store outage failed the first delivery). It is scored once, but the agent
    has moved on: no second hint for an old message read in a context it was not written in."""
    question, angry, answer = (p.next_ts(bot.clock.now + i) for i in range(1, 4))
    parent = p.next_ts(bot.clock.now)
    opener = p.message_event(
        text="Shipment SH-4410 to Leeds", user=p.CUSTOMER, user_team=p.TEAM_CUST, ts=parent
    )

    def customer(text: str, ts: str) -> dict[str, object]:
        return p.message_event(
            text=text, user=p.CUSTOMER, user_team=p.TEAM_CUST, ts=ts, thread_ts=parent
        )

    first = p.message_event(
        text="Looking at SH-4410 now.", user=p.AGENT, ts=p.next_ts(bot.clock.now + 0.5),
        thread_ts=parent,
    )  # fmt: skip
    reply = p.message_event(
        text="Sorry about this. I'll update you in this thread within the hour.",
        user=p.AGENT, ts=answer, thread_ts=parent,
    )  # fmt: skip
    late = customer("Hi, one pallet is missing from SH-4410. What does the carrier have?", question)
    for envelope in (opener, first, customer(ANGRY, angry), reply, late):  # the question last
        await bot.driver.post_event(envelope)
        await bot.drain()
    assert len(hints(bot.slack)) == 1, "the angry message was coached, the late question not"
    loaded = await bot.services.store.load_thread(ThreadRef(p.TEAM_OURS, p.CHANNEL_SHARED, parent))
    record = ThreadRecord.from_json(loaded.doc)
    assert question in record.processed, "the late question was scored (once)"
    assert record.summary["customer_ts"] == angry, "the reading follows the newest message"


async def test_after_an_outage_the_agent_gets_the_latest_hint_once_not_a_stack(bot: Bot) -> None:
    bot.slack.fail_next("chat.postEphemeral", status=503, times=100)
    await bot.say(p.CUSTOMER, "Hi, we were charged twice for invoice INV-2291, can you refund one?")
    await bot.say(p.AGENT, "Refunds take 5-7 business days.")
    await bot.say(p.CUSTOMER, ANGRY)
    await bot.drain()  # a hint is due; Slack is down
    await bot.say(p.AGENT, "As I already said, refunds take 5-7 business days.")
    await bot.say(p.CUSTOMER, MANAGER)  # a newer hint and the alert notice
    await bot.drain()
    assert [c for c in bot.slack.calls_to("chat.postEphemeral") if c.ok] == []
    bot.slack.clear_failures()
    bot.clock.advance(30)  # the first hint is still within its deadline
    await bot.drain()
    delivered = [c for c in bot.slack.calls_to("chat.postEphemeral") if c.ok]
    assert len(delivered) == 1
    assert "hint_used" in str(delivered[0].params)
    assert "supervisor has been told" in str(delivered[0].params).lower()


async def test_a_late_agent_reply_does_not_get_a_mild_message_coached_out_of_context(
    bot: Bot,
) -> None:
    """Read before the agent's reply (which arrived late), a calm answer looks like a customer
    writing twice; it is not coached then, and the angry message after it still is."""
    parent, reply, calm, update, angry = (p.next_ts(bot.clock.now + i) for i in range(5))

    def customer(text: str, ts: str) -> dict[str, object]:
        return p.message_event(
            text=text, user=p.CUSTOMER, user_team=p.TEAM_CUST, ts=ts, thread_ts=parent
        )

    opener = p.message_event(
        text="Hi! We're rolling out SAML connection sso-1234 and a few users land back on the "
        "login page after signing in. Any idea what we missed?",
        user=p.CUSTOMER,
        user_team=p.TEAM_CUST,
        ts=parent,
    )
    late = p.message_event(text="Understood, noted.", user=p.AGENT, ts=reply, thread_ts=parent)
    looking = p.message_event(
        text="I can see it on our side; looking into it now.",
        user=p.AGENT,
        ts=update,
        thread_ts=parent,
    )
    for envelope in (
        opener,
        customer("Got it. I'll keep an eye on SAML connection sso-1234 and report back.", calm),
        late,
        looking,
    ):
        await bot.driver.post_event(envelope)
        await bot.drain()
    assert hints(bot.slack) == []
    await bot.driver.post_event(customer(ANGRY, angry))
    await bot.drain()
    assert len(hints(bot.slack)) == 1


async def test_a_ping_held_back_by_a_long_slack_outage_goes_out_soon_after_slack_returns(
    bot: Bot,
) -> None:
    bot.slack.fail_next("chat.postMessage", status=500, times=1000)
    await bot.say(p.CUSTOMER, "This is a breach of contract and our lawyers will be in touch.")
    await bot.drain()
    for _ in range(60):  # a minute of 500s: the backoff would have grown to 30 s
        await bot.settle(1.0)
    tries = len(bot.slack.calls_to("chat.postMessage"))
    assert 10 <= tries <= 30, "retried every few seconds, not hammered and not left waiting"
    bot.slack.clear_failures()
    for _ in range(5):
        await bot.settle(1.0)
    assert [c for c in bot.slack.calls_to("chat.postMessage") if c.ok], "out within 5 s"
