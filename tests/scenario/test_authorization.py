"""Who may do what, over real HTTP: alert buttons are for supervisors, coaching for the support
team, and everyone else gets a polite, neutral answer while nothing changes.

Cast (the fake's default directory, plus two people added here):
- U_SUP, supervisor: a member of the supervisor channel C_SUP;
- U_AGENT, agent: configured in UNDERTONE_AGENT_USER_IDS;
- U_CUST, customer: of another workspace (T_CUST), in the Slack Connect channel C_SHARED;
- U_OTHER, an employee of ours with no part in support;
- U_GUEST, a guest of our workspace who sits in the supervisor channel.
"""

from __future__ import annotations

import json
from typing import Any
from urllib.parse import urlencode

import aiohttp
import pytest

from bot.fakeslack import payloads as p
from bot.fakeslack.driver import DriverResponse
from bot.slack.ids import ActionId, BlockId, CallbackId
from tests.scenario.conftest import Bot, LogWatch, start_bot
from tests.scenario.test_interactions import ANGRY, MANAGER, button_value, hinted_thread

OTHER = "U_OTHER"
GUEST = "U_GUEST"
ALERT_BUTTONS = (
    ActionId.ALERT_CLAIM,
    ActionId.ALERT_JOIN,
    ActionId.ALERT_REASSIGN,
    ActionId.ALERT_FALSE_ALARM,
)
SUPERVISORS_ONLY = "Only supervisors can act on these alerts. Nothing was changed."
SUPPORT_TEAM_ONLY = "This command is for the support team."
COACHING_WORDS = ("hint", "coach", "frustrat", "escalat", "angry", "refund")


def team_of(user: str) -> str:
    return p.TEAM_CUST if user == p.CUSTOMER else p.TEAM_OURS


@pytest.fixture(autouse=True)
def more_people(bot: Bot) -> None:
    bot.slack.add_user(OTHER, p.TEAM_OURS, "olive")
    bot.slack.add_user(GUEST, p.TEAM_OURS, "gus", is_guest=True)
    bot.slack.add_member(p.CHANNEL_SUP, GUEST)


async def alert(bot: Bot) -> tuple[str, str]:
    """An escalated thread: returns the alert's ts and its button value."""
    await bot.say(p.CUSTOMER, "Hi, our export failed again.")
    await bot.say(p.AGENT, "Hi, looking into it.")
    await bot.say(p.CUSTOMER, MANAGER)
    await bot.drain()
    [ping] = bot.slack.messages_in(p.CHANNEL_SUP)
    return ping.ts, button_value(ping.blocks, ActionId.ALERT_CLAIM.value)


def alert_press(
    bot: Bot, user: str, action: ActionId, value: str, ts: str, token: str
) -> dict[str, Any]:
    return p.block_action(
        action.value,
        value,
        user=user,
        user_team=team_of(user),
        channel=p.CHANNEL_SUP,
        message_ts=ts,
        is_ephemeral=False,
        response_url=bot.slack.response_url(token),
    )


def texts(bot: Bot, token: str) -> list[str]:
    return [str(post.body.get("text")) for post in bot.slack.posts_to(token)]


async def answered(bot: Bot, token: str) -> list[str]:
    await bot.slack.wait_for(lambda: bot.slack.posts_to(token))
    return texts(bot, token)


def no_coaching(text: str) -> bool:
    return not any(word in text.lower() for word in COACHING_WORDS)


# --- alert buttons ------------------------------------------------------------------------------


@pytest.mark.parametrize("who", [p.CUSTOMER, OTHER, GUEST, p.AGENT])
async def test_only_supervisors_may_press_alert_buttons(bot: Bot, who: str) -> None:
    """Who: anyone but a supervisor. What: every button of a real alert. Outcome: a private
    "only supervisors", and nothing else: no update, no modal, nobody told, no outcome."""
    ts, value = await alert(bot)
    before = len(bot.slack.calls)
    for action in ALERT_BUTTONS:
        token = f"{who}-{action.value}"
        resp = await bot.driver.post_interaction(alert_press(bot, who, action, value, ts, token))
        assert resp.status == 200
        assert await answered(bot, token) == [SUPERVISORS_ONLY]
        assert all(post.body["response_type"] == "ephemeral" for post in bot.slack.posts_to(token))
    since = [c.method for c in bot.slack.calls[before:]]
    assert not {"chat.update", "views.open", "chat.postEphemeral", "chat.postMessage"} & set(since)
    assert await bot.services.store.outcomes() == []
    assert [m.text for m in bot.slack.messages_in(p.CHANNEL_SUP)] == [
        bot.slack.messages_in(p.CHANNEL_SUP)[0].text
    ]


async def test_a_supervisors_claim_applies_once_however_often_the_click_arrives(
    bot: Bot, logs: LogWatch
) -> None:
    """Who: the supervisor. What: "I'm on it", the same signed request sent three times.
    Outcome: one update of the alert, one notice to the agent, one outcome recorded."""
    ts, value = await alert(bot)
    raw = urlencode(
        {
            "payload": json.dumps(
                alert_press(bot, p.SUPERVISOR, ActionId.ALERT_CLAIM, value, ts, "c")
            )
        }
    )
    headers = bot.driver.signed_headers(raw, "application/x-www-form-urlencoded")
    async with aiohttp.ClientSession() as session:
        for _ in range(3):
            async with session.post(bot.driver.url, data=raw, headers=headers) as resp:
                assert resp.status == 200
    await logs.wait_for("alert_action_noop", count=2)

    def notices() -> list[Any]:
        return [
            c
            for c in bot.slack.calls_to("chat.postEphemeral")
            if c.params["user"] == p.AGENT and p.SUPERVISOR in json.dumps(c.params)
        ]

    # the notice follows the update (one outbox, in order): wait for both before counting
    await bot.slack.wait_for(lambda: bot.slack.calls_to("chat.update") and notices())
    updates = bot.slack.calls_to("chat.update")
    assert (len(updates), len(notices())) == (1, 1)
    assert [o["outcome"] for o in await bot.services.store.outcomes()] == ["claimed"]
    assert not logs.failures()


async def test_a_second_supervisor_claiming_a_claimed_alert_changes_nothing(
    bot: Bot, logs: LogWatch
) -> None:
    bot.slack.add_user("U_SUP2", p.TEAM_OURS, "second supervisor")
    bot.slack.add_member(p.CHANNEL_SUP, "U_SUP2")
    ts, value = await alert(bot)
    first = alert_press(bot, p.SUPERVISOR, ActionId.ALERT_CLAIM, value, ts, "c1")
    assert (await bot.driver.post_interaction(first)).status == 200
    await bot.slack.wait_for(lambda: bot.slack.calls_to("chat.update"))
    second = alert_press(bot, "U_SUP2", ActionId.ALERT_CLAIM, value, ts, "c2")
    assert (await bot.driver.post_interaction(second)).status == 200
    await logs.wait_for("alert_action_noop")
    assert len(bot.slack.calls_to("chat.update")) == 1
    assert len(await bot.services.store.outcomes()) == 1


def submission(callback: CallbackId, value: str, user: str, values: dict[str, Any]) -> Any:
    return p.view_submission(callback.value, value, values, user=user)


def reason(text: str) -> dict[str, Any]:
    return {BlockId.FALSE_ALARM_REASON.value: {"r": {"type": "plain_text_input", "value": text}}}


def chosen(user: str) -> dict[str, Any]:
    return {BlockId.REASSIGN_USER.value: {"u": {"type": "users_select", "selected_user": user}}}


async def test_a_false_alarm_submitted_twice_is_recorded_once(bot: Bot, logs: LogWatch) -> None:
    ts, value = await alert(bot)
    form = submission(CallbackId.FALSE_ALARM_MODAL, value, p.SUPERVISOR, reason("venting"))
    for _ in range(2):
        assert (await bot.driver.post_interaction(form)).status == 200
    await logs.wait_for("alert_action_noop")
    assert [o["outcome"] for o in await bot.services.store.outcomes()] == ["false_alarm"]


@pytest.mark.parametrize("who", [p.CUSTOMER, OTHER, p.AGENT])
async def test_a_modal_submitted_by_a_non_supervisor_changes_nothing(bot: Bot, who: str) -> None:
    """Who: not a supervisor (a form copied from a supervisor's modal). Outcome: the modal shows
    "only supervisors" on its field, and the alert is untouched."""
    ts, value = await alert(bot)
    for callback, values, block in (
        (CallbackId.FALSE_ALARM_MODAL, reason("nope"), BlockId.FALSE_ALARM_REASON),
        (CallbackId.REASSIGN_MODAL, chosen(who), BlockId.REASSIGN_USER),
    ):
        resp = await bot.driver.post_interaction(submission(callback, value, who, values))
        assert resp.status == 200
        assert json.loads(resp.body) == {
            "response_action": "errors",
            "errors": {block.value: SUPERVISORS_ONLY},
        }
    assert bot.slack.calls_to("chat.update") == []
    assert await bot.services.store.outcomes() == []


async def test_an_alert_can_be_handed_to_the_support_team_only(bot: Bot) -> None:
    ts, value = await alert(bot)
    to_customer = submission(CallbackId.REASSIGN_MODAL, value, p.SUPERVISOR, chosen(p.CUSTOMER))
    resp = await bot.driver.post_interaction(to_customer)
    assert json.loads(resp.body)["response_action"] == "errors"
    assert bot.slack.calls_to("chat.update") == []
    to_agent = submission(CallbackId.REASSIGN_MODAL, value, p.SUPERVISOR, chosen(p.AGENT))
    assert (await bot.driver.post_interaction(to_agent)).status == 200
    [update] = await bot.slack.wait_for(lambda: bot.slack.calls_to("chat.update"))
    assert p.AGENT in json.dumps(update.params["blocks"])


async def test_a_supervisor_user_group_decides_who_supervises(
    fake_slack: Any, signing_secret: str, redis_url: str
) -> None:
    """With UNDERTONE_SUPERVISOR_USERGROUP set, its members are the supervisors; sitting in the
    supervisor channel is not enough."""
    fake_slack.add_user("U_LEAD", p.TEAM_OURS, "lead")  # in the group, not in the channel
    fake_slack.add_usergroup(p.USERGROUP_SUP, ["U_LEAD"])
    bot, runner = await start_bot(
        fake_slack, signing_secret, redis_url=redis_url, supervisor_usergroup=p.USERGROUP_SUP
    )
    try:
        ts, value = await alert(bot)
        by_sup = alert_press(bot, p.SUPERVISOR, ActionId.ALERT_CLAIM, value, ts, "in-channel")
        assert (await bot.driver.post_interaction(by_sup)).status == 200
        assert await answered(bot, "in-channel") == [SUPERVISORS_ONLY]
        by_lead = alert_press(bot, "U_LEAD", ActionId.ALERT_CLAIM, value, ts, "in-group")
        assert (await bot.driver.post_interaction(by_lead)).status == 200
        [update] = await bot.slack.wait_for(lambda: bot.slack.calls_to("chat.update"))
        assert "U_LEAD" in json.dumps(update.params["blocks"])
    finally:
        await runner.cleanup()


# --- App Home -----------------------------------------------------------------------------------


async def home_of(bot: Bot, user: str) -> str:
    before = len(bot.slack.calls_to("views.publish"))
    resp = await bot.driver.post_event(p.app_home_opened(user))
    assert resp.status == 200
    await bot.slack.wait_for(
        lambda: [
            c for c in bot.slack.calls_to("views.publish")[before:] if c.params["user_id"] == user
        ]
    )
    return json.dumps(bot.slack.home_views[user])


async def test_app_home_shows_each_role_what_it_may_see(bot: Bot) -> None:
    """Supervisor: the open alerts. Agent: their own threads, no alerts. Anyone else: a short
    explanation, with nothing about any thread."""
    await alert(bot)
    supervisor, agent = await home_of(bot, p.SUPERVISOR), await home_of(bot, p.AGENT)
    assert "Open alerts" in supervisor and p.CHANNEL_SHARED in supervisor
    assert "Open alerts" not in agent and p.CHANNEL_SHARED in agent  # their thread, not alerts
    for who in (OTHER, GUEST, p.CUSTOMER):
        view = await home_of(bot, who)
        assert p.CHANNEL_SHARED not in view and bot.parent() not in view
        assert "Open alerts" not in view and "Recent threads" not in view
    assert "support lead" in await home_of(bot, OTHER)
    customer = await home_of(bot, p.CUSTOMER)
    assert no_coaching(customer) and "alert" not in customer.lower()


# --- Coach me, /playbook, whisper buttons -------------------------------------------------------


async def coach_me(bot: Bot, who: str, token: str) -> DriverResponse:
    message = p.message_object(text=ANGRY, user=p.CUSTOMER, ts=bot.parent(), thread_ts=bot.parent())
    payload = p.message_shortcut(
        CallbackId.COACH_THREAD.value,
        message,
        user=who,
        user_team=team_of(who),
        response_url=bot.slack.response_url(token),
    )
    return await bot.driver.post_interaction(payload)


@pytest.mark.parametrize("who", [p.CUSTOMER, OTHER])
async def test_coach_me_gives_outsiders_a_neutral_answer_and_no_reading(bot: Bot, who: str) -> None:
    await hinted_thread(bot)
    whispers_before = len(bot.slack.calls_to("chat.postEphemeral"))
    assert (await coach_me(bot, who, "coach")).status == 200
    assert await answered(bot, "coach") == [SUPPORT_TEAM_ONLY]
    assert len(bot.slack.calls_to("chat.postEphemeral")) == whispers_before


async def test_coach_me_whispers_the_reading_to_an_agent(bot: Bot) -> None:
    await hinted_thread(bot)
    before = len(bot.slack.calls_to("chat.postEphemeral"))
    assert (await coach_me(bot, p.AGENT, "coach")).status == 200
    [reading] = await bot.slack.wait_for(lambda: bot.slack.calls_to("chat.postEphemeral")[before:])
    assert reading.params["user"] == p.AGENT and "Coach reading" in reading.params["text"]


async def playbook(bot: Bot, who: str, text: str, token: str) -> list[str]:
    fields = p.slash_command(
        "/playbook",
        text,
        user=who,
        channel=p.CHANNEL_SHARED,
        response_url=bot.slack.response_url(token),
    )
    assert (await bot.driver.post_command(fields)).status == 200
    return await answered(bot, token)


@pytest.mark.parametrize("who", [p.CUSTOMER, OTHER, GUEST])
async def test_playbook_answers_outsiders_neutrally(bot: Bot, who: str) -> None:
    for i, text in enumerate(("", "angry customer threatening to cancel")):
        assert await playbook(bot, who, text, f"pb{i}") == [SUPPORT_TEAM_ONLY]


@pytest.mark.parametrize("who", [p.AGENT, p.SUPERVISOR])
async def test_playbook_answers_the_support_team(bot: Bot, who: str) -> None:
    [answer] = await playbook(bot, who, "", "pb")
    assert answer.startswith("Playbook topics")


async def test_whisper_buttons_are_for_the_support_team_and_count_once(
    bot: Bot, logs: LogWatch
) -> None:
    whisper = await hinted_thread(bot)
    value = button_value(whisper.blocks, ActionId.HINT_USED.value)

    def used(user: str, token: str) -> dict[str, Any]:
        return p.block_action(
            ActionId.HINT_USED.value,
            value,
            user=user,
            user_team=team_of(user),
            message_ts=whisper.message_ts,
            response_url=bot.slack.response_url(token),
        )

    assert (await bot.driver.post_interaction(used(p.CUSTOMER, "cust"))).status == 200
    assert await answered(bot, "cust") == [SUPPORT_TEAM_ONLY]
    for i in range(3):  # a double click and a replay
        assert (await bot.driver.post_interaction(used(p.AGENT, f"a{i}"))).status == 200
        await answered(bot, f"a{i}")
    counts = await bot.services.store.feedback_counts()
    assert sum(c.get("used", 0) for c in counts.values()) == 1


# --- when Slack cannot say who someone is ------------------------------------------------------


async def test_when_slack_cannot_say_who_is_clicking_nothing_changes(bot: Bot) -> None:
    """Who: the supervisor, while users.info fails. Outcome: "try again", the alert untouched."""
    ts, value = await alert(bot)
    bot.clock.advance(3600)  # what the directory knew about people has expired
    bot.slack.fail_next("users.info", status=500)
    press = alert_press(bot, p.SUPERVISOR, ActionId.ALERT_CLAIM, value, ts, "outage")
    assert (await bot.driver.post_interaction(press)).status == 200
    [answer] = await answered(bot, "outage")
    assert answer.startswith("Slack could not confirm who you are")
    assert bot.slack.calls_to("chat.update") == []
    assert await bot.services.store.outcomes() == []


async def test_when_slack_cannot_say_who_opened_app_home_it_is_left_as_it_was(
    bot: Bot, logs: LogWatch
) -> None:
    await home_of(bot, p.AGENT)
    published = len(bot.slack.calls_to("views.publish"))
    bot.clock.advance(3600)
    bot.slack.fail_next("users.info", status=500)
    assert (await bot.driver.post_event(p.app_home_opened(p.AGENT))).status == 200
    await logs.wait_for("home_not_published")
    assert len(bot.slack.calls_to("views.publish")) == published
