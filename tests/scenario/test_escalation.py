"""Supervisor pings over real HTTP: each cue on a realistic thread, never on a look-alike; once."""

from __future__ import annotations

import json
from collections.abc import AsyncIterator
from pathlib import Path

import pytest

from bot.core.models import CueKind
from bot.fakeslack import payloads as p
from bot.fakeslack.server import FakeSlack
from bot.slack.ids import ActionId
from tests.fakes.pager import PAGERDUTY_PATH, FakePager
from tests.scenario.conftest import Bot, Clock, start_bot

OPENING = "Hi, our nightly export to S3 has failed three nights in a row now."
AGENT_REPLY = "Thanks for flagging, I'm looking into it."

CUES: dict[str, tuple[str, str]] = {
    # cue kind: (message that must ping, look-alike that must not)
    "threat_abuse": (
        "You people are useless idiots. Fix it today or I will make sure everyone hears about "
        "this scam.",
        "Honestly I'd kill for a dark mode, the export page is so bright haha",
    ),
    "legal": (
        "This is a breach of our contract. Our lawyers will be in touch and we are reporting "
        "you to the regulator.",
        "Quick contract question: clause 7.2 says 'liability is limited to fees paid in the "
        "prior 12 months'. Does that cover the export add-on too?",
    ),
    "churn": (
        "This is the last straw. Three failures in a week and nobody cares. We are cancelling "
        "our subscription and moving to your competitor.",
        "Please cancel order #123, we ordered the wrong plan by mistake. Thanks!",
    ),
    "manager_request": (
        "This is going nowhere and I am fed up. I want to speak to your manager right now.",
        "My manager asked me to check whether the export includes deleted users. Does it?",
    ),
}


def pings(slack: FakeSlack) -> list[dict[str, object]]:
    """Alerts posted into the supervisor channel (roll-ups of the watch tier are not pings)."""
    return [
        c.params
        for c in slack.calls_to("chat.postMessage")
        if c.ok and c.params["channel"] == p.CHANNEL_SUP and not is_rollup(c.params)
    ]


def rollups(slack: FakeSlack) -> list[dict[str, object]]:
    return [
        c.params
        for c in slack.calls_to("chat.postMessage")
        if c.ok and c.params["channel"] == p.CHANNEL_SUP and is_rollup(c.params)
    ]


def is_rollup(params: dict[str, object]) -> bool:
    return str(params.get("text", "")).startswith("Heating up")


async def thread(bot: Bot, *lines: str) -> None:
    await bot.say(p.CUSTOMER, OPENING)
    await bot.say(p.AGENT, AGENT_REPLY)
    for line in lines:
        await bot.say(p.CUSTOMER, line)
    await bot.drain()


@pytest.mark.parametrize("kind", sorted(CUES))
async def test_each_cue_pings_once_with_its_evidence(bot: Bot, kind: str) -> None:
    await thread(bot, CUES[kind][0])
    sent = pings(bot.slack)
    assert len(sent) == 1, kind
    assert bot.slack.calls_to("chat.getPermalink")
    text = json.dumps(sent[0])
    assert "<@U_CUST>" in text and "C_SHARED" in text


@pytest.mark.parametrize("kind", sorted(CUES))
async def test_a_look_alike_never_pings(bot: Bot, kind: str) -> None:
    await thread(bot, CUES[kind][1])
    assert pings(bot.slack) == [], kind


async def test_a_stalemate_pings_when_the_same_ask_goes_round_without_progress(bot: Bot) -> None:
    await bot.say(p.CUSTOMER, "When will the export be fixed? We need a date.")
    await bot.say(p.AGENT, "Our team is looking into it.")
    await bot.say(p.CUSTOMER, "That's not a date. When will the export be fixed??")
    await bot.say(p.AGENT, "We are still investigating.")
    await bot.say(p.CUSTOMER, "I already told you, we need a DATE. When will it be fixed?!")
    await bot.say(p.AGENT, "I understand, the team is on it.")
    await bot.say(
        p.CUSTOMER, "Again: WHEN will the export be fixed? This is the fourth time I ask!!"
    )
    await bot.drain()
    await bot.settle()  # the alert waits its turn behind the roll-up of the heated thread
    sent = pings(bot.slack)
    assert len(sent) == 1, "a stalemate reaches a supervisor, once"
    label = bot.services.phrasebook.escalation.cues[CueKind.STALEMATE].label
    assert label in json.dumps(sent[0]) or label in json.dumps(bot.slack.calls_to("chat.update"))


async def test_a_polite_first_request_above_the_limit_does_not_ping(bot: Bot) -> None:
    """Over the agent's limit but asked politely: the agent can seek sign-off, no alarm."""
    await thread(bot, "Can you refund the $20 late fee from last month?")
    await bot.say(
        p.CUSTOMER, "Hi, could we also get a refund of $2,400 for last week's outage?", thread="t2"
    )
    await bot.drain()
    assert pings(bot.slack) == []


async def test_a_large_refund_the_agent_cannot_grant_pings_a_supervisor(bot: Bot) -> None:
    """The agent said it is not theirs to approve: a supervisor has to decide."""
    await bot.say(p.CUSTOMER, "Hi, could we get a refund of $2,400 for last week's outage?")
    await bot.say(p.AGENT, "I understand. I'm not able to approve a refund of that size myself.")
    await bot.say(p.CUSTOMER, "OK. Who can decide, and when will we hear back?")
    await bot.drain()
    assert len(pings(bot.slack)) == 1


async def test_an_ask_restated_without_its_figure_pings_when_the_agent_says_it_is_above_them(
    bot: Bot,
) -> None:
    """Batch 222: "They're going back. Full refund." (no figure, said evenly) and the agent's
    "I'm not able to authorise a full refund myself": the agent has said it is beyond them, so a
    supervisor hears at that reply, before the customer writes again. A plain "no" to the same
    calm ask waits for the customer."""
    await bot.say(p.CUSTOMER, "Half the chairs are loose already. We'd like them collected.")
    await bot.say(p.AGENT, "Sorry! We can send a technician to re-glue every chair this week.")
    await bot.say(p.CUSTOMER, "No thanks, they're a month old. They're going back. Full refund.")
    await bot.say(p.AGENT, "I'm not able to authorise a full refund on a contract order myself.")
    await bot.drain()
    assert len(pings(bot.slack)) == 1

    await bot.say(p.CUSTOMER, "Hi, the lamp flickers. Could I get a refund?", thread="t2")
    await bot.say(p.AGENT, "Sorry, refunds aren't possible after 30 days.", thread="t2")
    await bot.drain()
    assert len(pings(bot.slack)) == 1


async def test_a_credit_limit_of_the_agents_own_pings_at_their_reply_whatever_figure_came_first(
    bot: Bot,
) -> None:
    """Batch 279: "full credit for the 210 bottles at €38.40, so €8,064 ... at your cost" reads
    its first figure, a unit price below the team's limit; the agent's "I'm only able to
    authorise credits up to €1,000 myself" says the ask is above them, so a supervisor hears at
    that reply."""
    await bot.say(p.CUSTOMER, "Half the atomisers in the December delivery leak. Photos attached.")
    await bot.say(p.AGENT, "I'm so sorry. Could you send the count of affected bottles?")
    await bot.say(
        p.CUSTOMER,
        "We want full credit for the 210 bottles at €38.40, so €8,064, and replacements sent "
        "this week at your cost.",
    )
    await bot.say(
        p.AGENT,
        "I understand. I'm only able to authorise credits up to €1,000 myself, so I can't agree "
        "the full €8,064 here.",
    )
    await bot.drain()
    assert len(pings(bot.slack)) == 1


async def test_a_policy_answer_waits_for_the_customer_and_a_refusal_in_heat_pings_at_once(
    bot: Bot,
) -> None:
    """ "Per our policy we offer a credit" to a polite ask over the limit: the customer may take
    the credit, so nobody is pinged yet; insisting on the refund is a supervisor's call. "I'm not
    able to bypass the queue" to a customer already upset pings as the agent says it."""
    await bot.say(p.CUSTOMER, "Hi, the workshop was cancelled. I'd like a refund of the $350 fee.")
    await bot.say(p.AGENT, "Sorry about that! Per our policy, we offer a credit for another one.")
    await bot.drain()
    assert pings(bot.slack) == []
    await bot.say(p.CUSTOMER, "I don't want a credit. Please refund the $350 to my card.")
    await bot.drain()
    assert len(pings(bot.slack)) == 1

    await bot.say(
        p.CUSTOMER, "Our power was cut this morning. My husband is on oxygen.", thread="t2"
    )
    await bot.say(p.AGENT, "Sorry to hear that. Reconnection takes 24-48 hours.", thread="t2")
    upset = "48 HOURS?? He needs it NOW. You are not allowed to cut off a medical customer."
    await bot.say(p.CUSTOMER, upset, thread="t2")
    await bot.say(
        p.AGENT, "Unfortunately I'm not able to bypass the reconnection queue.", thread="t2"
    )
    await bot.settle()  # a second new post in the supervisor channel waits its one-a-second turn
    assert len(pings(bot.slack)) == 2


async def test_a_refusal_with_a_counter_offer_waits_for_the_customer(bot: Bot) -> None:
    """ "I can't waive it all, but I can take half off": the agent dealt with it within their
    authority. Taken, nobody is pinged; turned down angrily, a supervisor decides."""
    await bot.say(p.CUSTOMER, "Hi! Could you waive the $400 rush fee this once?")
    await bot.say(p.AGENT, "I can't waive all of it, but given your history I can take half off.")
    await bot.say(p.CUSTOMER, "That's more than fair, thank you. Please go ahead.")
    await bot.drain()
    assert pings(bot.slack) == []

    await bot.say(p.CUSTOMER, "Hi! Could you waive the $400 rush fee this once?", thread="t2")
    await bot.say(
        p.AGENT, "I can't waive all of it, but given your history I can take half off.", thread="t2"
    )
    await bot.say(
        p.CUSTOMER, "Half?? Your press broke, not ours. Waive the whole $400 fee.", thread="t2"
    )
    await bot.drain()
    await bot.settle()
    assert len(pings(bot.slack)) == 1


async def test_a_duplicated_event_produces_one_alert(bot: Bot) -> None:
    await bot.say(p.CUSTOMER, OPENING)
    await bot.say(p.AGENT, AGENT_REPLY)
    envelope = p.message_event(
        text=CUES["legal"][0], user=p.CUSTOMER, user_team=p.TEAM_CUST, thread_ts=bot.parent()
    )
    for retry in (None, 1, 2):
        await bot.say(p.CUSTOMER, "", envelope=envelope, retry_num=retry)
    await bot.drain()
    assert len(pings(bot.slack)) == 1


async def test_two_replicas_on_one_thread_raise_one_alert(
    fake_slack: FakeSlack, signing_secret: str, redis_url: str
) -> None:
    clock = Clock()
    one, r1 = await start_bot(fake_slack, signing_secret, redis_url=redis_url, clock=clock)
    two, r2 = await start_bot(fake_slack, signing_secret, redis_url=redis_url, clock=clock)
    try:
        await one.say(p.CUSTOMER, OPENING)
        two.threads.update(one.threads)
        await two.say(p.AGENT, AGENT_REPLY)
        await one.say(p.CUSTOMER, CUES["legal"][0])
        await two.say(p.CUSTOMER, CUES["churn"][0])
        await one.drain()
        await two.drain()
        sent = [
            c
            for c in fake_slack.calls_to("chat.postMessage")
            if c.params["channel"] == p.CHANNEL_SUP
        ]
        assert len(sent) == 1
    finally:
        await r1.cleanup()
        await r2.cleanup()


async def test_a_worse_message_updates_the_same_alert_instead_of_posting_again(bot: Bot) -> None:
    await thread(bot, CUES["manager_request"][0])
    await bot.say(p.CUSTOMER, CUES["threat_abuse"][0])
    await bot.drain()
    assert len(pings(bot.slack)) == 1
    assert bot.slack.calls_to("chat.update")


async def test_an_unclaimed_severe_alert_renotifies_once(bot: Bot) -> None:
    await thread(bot, CUES["threat_abuse"][0])
    assert len(pings(bot.slack)) == 1
    bot.clock.advance(bot.services.phrasebook.escalation.renotify_after_seconds + 1)
    await bot.worker.run_once()
    from bot import flows

    assert await flows.renotify_due(bot.services) == 1
    replies = [c for c in bot.slack.calls_to("chat.postMessage") if c.params.get("thread_ts")]
    assert len(replies) == 1
    bot.clock.advance(3600)
    assert await flows.renotify_due(bot.services) == 0


async def test_a_claimed_alert_does_not_renotify(bot: Bot) -> None:
    await thread(bot, CUES["threat_abuse"][0])
    message = bot.slack.messages_in(p.CHANNEL_SUP)[0]
    value = next(
        e["value"]
        for b in message.blocks or []
        for e in b.get("elements") or []
        if e.get("action_id") == ActionId.ALERT_CLAIM.value
    )
    await bot.press_on_alert(ActionId.ALERT_CLAIM.value, value, message.ts)
    await bot.slack.wait_for(lambda: bot.slack.calls_to("chat.update"))
    from bot import flows

    bot.clock.advance(bot.services.phrasebook.escalation.renotify_after_seconds + 1)
    assert await flows.renotify_due(bot.services) == 0


@pytest.fixture
async def pager() -> AsyncIterator[FakePager]:
    fake = await FakePager().start()
    try:
        yield fake
    finally:
        await fake.stop()


def paging_team(tmp_path: Path) -> Path:
    (tmp_path / "escalation.yaml").write_text(
        "paging:\n  enabled: true\n  min_severity: critical\n  outside_hours_only: true\n"
        "business_hours:\n  time_zone: Europe/Berlin\n  days: [mon, tue, wed, thu, fri]\n"
        "  start: '09:00'\n  end: '17:00'\n  holidays: []\n"
    )
    return tmp_path


SATURDAY_NIGHT = 1_795_820_400.0  # 2026-11-28 (Saturday) 22:00 UTC


@pytest.mark.parametrize(
    ("configured", "kind", "pages"),
    [
        (True, "threat_abuse", 1),  # severe, outside hours, configured: page
        (True, "manager_request", 0),  # not severe enough
        (False, "threat_abuse", 0),  # paging not configured
    ],
)
async def test_paging_only_for_severe_cues_and_only_when_configured(
    fake_slack: FakeSlack,
    signing_secret: str,
    redis_url: str,
    pager: FakePager,
    tmp_path: Path,
    configured: bool,
    kind: str,
    pages: int,
) -> None:
    extra = (
        {
            "phrasebook_dir": paging_team(tmp_path),
            "pagerduty_routing_key": "rk-test",
            "pagerduty_url": pager.url + PAGERDUTY_PATH,
        }
        if configured
        else {}
    )
    bot, runner = await start_bot(
        fake_slack, signing_secret, redis_url=redis_url, clock=Clock(SATURDAY_NIGHT), **extra
    )
    try:
        await thread(bot, CUES[kind][0])
        assert len(pings(bot.slack)) == 1
        assert len(pager.requests) == pages
        if pages:
            event = pager.requests[0].json()
            assert event["event_action"] == "trigger" and event["routing_key"] == "rk-test"
            assert CUES[kind][0][:20] not in json.dumps(event)  # no customer text leaves
    finally:
        await runner.cleanup()


async def test_a_page_that_fails_is_retried_and_pages_once_with_a_plain_summary(
    fake_slack: FakeSlack,
    signing_secret: str,
    redis_url: str,
    pager: FakePager,
    tmp_path: Path,
) -> None:
    pager.script(PAGERDUTY_PATH, 503)  # PagerDuty is down for the first try
    bot, runner = await start_bot(
        fake_slack,
        signing_secret,
        redis_url=redis_url,
        clock=Clock(SATURDAY_NIGHT),
        phrasebook_dir=paging_team(tmp_path),
        pagerduty_routing_key="rk-test",
        pagerduty_url=pager.url + PAGERDUTY_PATH,
    )
    try:
        await thread(bot, CUES["threat_abuse"][0])
        assert len(pings(bot.slack)) == 1 and len(pager.requests) == 1  # failed, queued
        bot.clock.advance(5)
        await bot.drain()
        bot.clock.advance(3600)
        await bot.drain()
        assert len(pager.requests) == 2  # retried once, then accepted: never paged twice
        summary = pager.requests[1].json()["payload"]["summary"]
        assert "<#" not in summary and "<@" not in summary  # no Slack markup for PagerDuty
        assert p.CHANNEL_SHARED in summary
    finally:
        await runner.cleanup()


async def test_the_teams_alert_wording_is_what_supervisors_read(
    fake_slack: FakeSlack, signing_secret: str, redis_url: str, tmp_path: Path
) -> None:
    (tmp_path / "escalation.yaml").write_text(
        "wording:\n  templates:\n    header: 'ACME ESCALATION: $cue'\n"
    )
    bot, runner = await start_bot(
        fake_slack, signing_secret, redis_url=redis_url, phrasebook_dir=tmp_path
    )
    try:
        await thread(bot, CUES["legal"][0])
        [ping] = pings(bot.slack)
        assert "ACME ESCALATION" in json.dumps(ping)
    finally:
        await runner.cleanup()


async def claim(bot: Bot) -> None:
    message = bot.slack.messages_in(p.CHANNEL_SUP)[0]
    value = next(
        e["value"]
        for b in message.blocks or []
        for e in b.get("elements") or []
        if e.get("action_id") == ActionId.ALERT_CLAIM.value
    )
    await bot.press_on_alert(ActionId.ALERT_CLAIM.value, value, message.ts)
    await bot.slack.wait_for(lambda: bot.slack.calls_to("chat.update"))


async def test_a_claimed_alert_resolves_when_its_thread_goes_quiet(bot: Bot) -> None:
    from bot import flows

    await thread(bot, CUES["legal"][0])
    await claim(bot)
    store = bot.services.store
    assert await store.open_alert_count() == 1
    bot.clock.advance(600)
    assert await flows.sweep_alerts(bot.services) == 0  # not quiet long enough yet
    bot.clock.advance(bot.services.phrasebook.escalation.resolve_quiet_seconds)
    assert await flows.sweep_alerts(bot.services) == 1
    await bot.drain()
    last = bot.slack.calls_to("chat.update")[-1]
    assert "Resolved" in json.dumps(last.params)
    assert await store.open_alert_count() == 0
    assert await flows.sweep_alerts(bot.services) == 0


async def test_an_unclaimed_alert_stays_open_however_quiet(bot: Bot) -> None:
    from bot import flows

    await thread(bot, CUES["legal"][0])
    bot.clock.advance(10 * bot.services.phrasebook.escalation.resolve_quiet_seconds)
    assert await flows.sweep_alerts(bot.services) == 0
    assert await bot.services.store.open_alert_count() == 1


async def test_a_second_click_on_im_on_it_changes_nothing(bot: Bot) -> None:
    await thread(bot, CUES["legal"][0])
    await claim(bot)
    await bot.drain()
    before = len(bot.slack.calls)
    message = bot.slack.messages_in(p.CHANNEL_SUP)[0]
    from bot.slack.payloads import AlertRef

    value = AlertRef(f"{p.TEAM_OURS}:{p.CHANNEL_SHARED}:{bot.parent()}").encode()
    await bot.press_on_alert(ActionId.ALERT_CLAIM.value, value, message.ts)
    await bot.drain()
    assert [c.method for c in bot.slack.calls[before:]] == []
