"""Learning from answers, over real HTTP: a channel whose hints agents call "not helpful" and
whose pings supervisors call false alarms quiets itself, and only that channel; "I'm on it" and
pings nobody took move it back the other way; every move is logged once."""

from __future__ import annotations

from bot import flows
from bot.core.learning import ChannelTuning
from bot.fakeslack import payloads as p
from bot.fakeslack.server import Ephemeral, Message
from bot.slack.ids import ActionId, BlockId, CallbackId
from bot.slack.payloads import AlertRef
from tests.scenario.conftest import Bot, LogWatch

HELLO = "Hi, looking into it."
# frustrated, a little above the margin a whisper needs at once: borderline once the bar rises
BORDERLINE = "The app keeps crashing and I keep losing my work."
CONFIRMS = "Still crashing. I just lost another hour of work."
# an angry cancellation whose churn cue is a little stronger than the shipped bar asks
CANCELLING = "This is ridiculous. We are cancelling our subscription."
# a manager request far stronger than anything learning may add to the bar
MANAGER = "This is going nowhere and I am fed up. I want to speak to your manager right now."
ROUNDS = 12  # far more answers than the bounds let a knob take


def button(blocks: list[dict[str, object]] | None, action_id: str) -> str | None:
    for block in blocks or []:
        for element in block.get("elements") or []:  # type: ignore[union-attr]
            if isinstance(element, dict) and element.get("action_id") == action_id:
                return str(element.get("value", ""))
    return None


def hint_in(bot: Bot, thread: str, channel: str) -> Ephemeral | None:
    """The whisper with hint buttons the agent got in this thread, if any."""
    parent = bot.parent(thread, channel)
    for whisper in bot.slack.ephemerals:
        if whisper.thread_ts == parent and button(whisper.blocks, ActionId.HINT_USED.value):
            return whisper
    return None


def ping_for(bot: Bot, thread: str, channel: str) -> Message | None:
    """The supervisor-channel alert about this thread, if one was posted."""
    for message in bot.slack.messages_in(p.CHANNEL_SUP):
        value = button(message.blocks, ActionId.ALERT_CLAIM.value)
        ref = AlertRef.decode(value) if value else None
        if ref is not None and ref.thread.endswith(f":{channel}:{bot.parent(thread, channel)}"):
            return message
    return None


async def customer_thread(bot: Bot, thread: str, channel: str, line: str) -> None:
    await bot.say(p.AGENT, HELLO, thread=thread, channel=channel)
    await bot.say(p.CUSTOMER, line, thread=thread, channel=channel)
    await bot.drain()


async def tuning(bot: Bot, channel: str) -> ChannelTuning:
    return ChannelTuning.from_json((await bot.services.store.load_tuning(channel)).doc)


async def not_helpful(bot: Bot, whisper: Ephemeral, token: str) -> None:
    url = bot.slack.response_url(token, message_ts=whisper.message_ts)
    value = button(whisper.blocks, ActionId.HINT_NOT_HELPFUL.value)
    payload = p.block_action(
        ActionId.HINT_NOT_HELPFUL.value,
        str(value),
        message_ts=whisper.message_ts,
        thread_ts=whisper.thread_ts,
        response_url=url,
    )
    assert (await bot.driver.post_interaction(payload)).status == 200
    await bot.slack.wait_for(lambda: bot.slack.posts_to(token))  # answered after it was counted


async def false_alarm(bot: Bot, ping: Message) -> None:
    value = str(button(ping.blocks, ActionId.ALERT_FALSE_ALARM.value))
    opened = len(bot.slack.calls_to("views.open"))
    await bot.press_on_alert(ActionId.ALERT_FALSE_ALARM.value, value, ping.ts)
    calls = await bot.slack.wait_for(lambda: bot.slack.calls_to("views.open")[opened:])
    view = calls[0].params["view"]
    reason = {"reason": {"type": "plain_text_input", "value": "just venting"}}
    submission = p.view_submission(
        CallbackId.FALSE_ALARM_MODAL.value,
        view["private_metadata"],
        {BlockId.FALSE_ALARM_REASON.value: reason},
    )
    assert (await bot.driver.post_interaction(submission)).status == 200
    await bot.slack.wait_for(  # the alert shows the verdict once it was recorded
        lambda: [c for c in bot.slack.calls_to("chat.update") if c.params["ts"] == ping.ts]
    )


async def claim(bot: Bot, ping: Message) -> None:
    value = str(button(ping.blocks, ActionId.ALERT_CLAIM.value))
    await bot.press_on_alert(ActionId.ALERT_CLAIM.value, value, ping.ts)
    await bot.slack.wait_for(
        lambda: [c for c in bot.slack.calls_to("chat.update") if c.params["ts"] == ping.ts]
    )


async def test_not_helpful_answers_quiet_a_noisy_channel_and_leave_the_others_alone(
    bot: Bot, logs: LogWatch
) -> None:
    # Agents in the shared channel find its borderline hints unhelpful and say so, thread after
    # thread, until the same reading no longer whispers at once.
    pressed = 0
    for n in range(ROUNDS):
        await customer_thread(bot, f"noisy-{n}", p.CHANNEL_SHARED, BORDERLINE)
        whisper = hint_in(bot, f"noisy-{n}", p.CHANNEL_SHARED)
        if whisper is None:
            quiet = f"noisy-{n}"
            break
        await not_helpful(bot, whisper, f"nh-{n}")
        pressed += 1
    else:
        raise AssertionError(f"still whispering after {ROUNDS} 'Not helpful' answers")
    assert pressed >= 1, "the borderline reading whispered before anyone answered"
    bar = await tuning(bot, p.CHANNEL_SHARED)
    learning = bot.services.phrasebook.coaching.policy.learning
    assert bar.hint_shift == round(pressed * learning.not_helpful, 4)
    changed = logs.events("threshold_changed")
    assert [(r.channel, r.answer, r.knob) for r in changed] == [  # type: ignore[attr-defined]
        (p.CHANNEL_SHARED, "not_helpful", "hint_shift")
    ] * pressed

    # The reading is held, not lost: when the customer's next message confirms it, it whispers.
    await bot.say(p.CUSTOMER, CONFIRMS, thread=quiet, channel=p.CHANNEL_SHARED)
    await bot.drain()
    assert hint_in(bot, quiet, p.CHANNEL_SHARED) is not None

    # Another channel never answered anything: the same reading still whispers there at once.
    await customer_thread(bot, "elsewhere", p.CHANNEL_HELP, BORDERLINE)
    assert hint_in(bot, "elsewhere", p.CHANNEL_HELP) is not None
    assert await tuning(bot, p.CHANNEL_HELP) == ChannelTuning()


async def test_a_second_click_on_the_same_hint_learns_nothing_more(
    bot: Bot, logs: LogWatch
) -> None:
    await customer_thread(bot, "t1", p.CHANNEL_SHARED, BORDERLINE)
    whisper = hint_in(bot, "t1", p.CHANNEL_SHARED)
    assert whisper is not None
    await not_helpful(bot, whisper, "first")
    await not_helpful(bot, whisper, "again")  # a double click, or the request replayed
    learning = bot.services.phrasebook.coaching.policy.learning
    assert (await tuning(bot, p.CHANNEL_SHARED)).hint_shift == learning.not_helpful
    assert len(logs.events("threshold_changed")) == 1


async def test_false_alarms_raise_the_bar_for_a_ping_and_im_on_it_lowers_it_again(
    bot: Bot, logs: LogWatch
) -> None:
    # Supervisors call the shared channel's cancellation pings false alarms until the same
    # message no longer pings.
    answered = 0
    for n in range(ROUNDS):
        await customer_thread(bot, f"cancel-{n}", p.CHANNEL_SHARED, CANCELLING)
        ping = ping_for(bot, f"cancel-{n}", p.CHANNEL_SHARED)
        if ping is None:
            break
        await false_alarm(bot, ping)
        answered += 1
    else:
        raise AssertionError(f"still pinging after {ROUNDS} false alarms")
    assert answered >= 1, "the cancellation pinged before anyone answered"
    raised = (await tuning(bot, p.CHANNEL_SHARED)).alert_shift
    assert raised > 0

    # The channel next door still pings for the same message.
    await customer_thread(bot, "cancel-elsewhere", p.CHANNEL_HELP, CANCELLING)
    assert ping_for(bot, "cancel-elsewhere", p.CHANNEL_HELP) is not None

    # A manager request still pings in the quieted channel; each "I'm on it" lowers the bar,
    # until a cancellation pings there again.
    for n in range(ROUNDS):
        await customer_thread(bot, f"manager-{n}", p.CHANNEL_SHARED, MANAGER)
        ping = ping_for(bot, f"manager-{n}", p.CHANNEL_SHARED)
        assert ping is not None, "a strong cue pings whatever the channel learned"
        await claim(bot, ping)
        await customer_thread(bot, f"cancel-again-{n}", p.CHANNEL_SHARED, CANCELLING)
        if ping_for(bot, f"cancel-again-{n}", p.CHANNEL_SHARED) is not None:
            break
    else:
        raise AssertionError(f"still quiet after {ROUNDS} claims")
    assert (await tuning(bot, p.CHANNEL_SHARED)).alert_shift < raised
    answers = [r.answer for r in logs.events("threshold_changed")]  # type: ignore[attr-defined]
    assert answers == ["false_alarm"] * answered + ["claimed"] * (n + 1)


async def test_a_ping_nobody_took_raises_the_bar_a_little_once(bot: Bot, logs: LogWatch) -> None:
    await customer_thread(bot, "t1", p.CHANNEL_SHARED, MANAGER)
    assert ping_for(bot, "t1", p.CHANNEL_SHARED) is not None
    bot.clock.advance(bot.services.phrasebook.escalation.renotify_after_seconds + 1)
    assert await flows.renotify_due(bot.services) == 1
    learning = bot.services.phrasebook.coaching.policy.learning
    assert (await tuning(bot, p.CHANNEL_SHARED)).alert_shift == learning.unanswered
    bot.clock.advance(3600)
    assert await flows.renotify_due(bot.services) == 0
    [changed] = logs.events("threshold_changed")
    assert (changed.answer, changed.knob) == ("unanswered", "alert_shift")  # type: ignore[attr-defined]


async def test_the_embedded_default_learns_too(embedded_bot: Bot, logs: LogWatch) -> None:
    bot = embedded_bot
    await customer_thread(bot, "t1", p.CHANNEL_SHARED, BORDERLINE)
    whisper = hint_in(bot, "t1", p.CHANNEL_SHARED)
    assert whisper is not None
    await not_helpful(bot, whisper, "nh")
    learning = bot.services.phrasebook.coaching.policy.learning
    assert (await tuning(bot, p.CHANNEL_SHARED)).hint_shift == learning.not_helpful
    assert len(logs.events("threshold_changed")) == 1
