"""The leak guard, through the notifier that every send goes through: visible posts only into
channels proven internal (freshly), private messages only to people of our organisation."""

from __future__ import annotations

from collections.abc import AsyncIterator
from dataclasses import dataclass

import pytest

from bot.context import working_on
from bot.fakeslack import FakeSlack
from bot.fakeslack import payloads as p
from bot.metrics import REGISTRY
from bot.slack.client import make_web_client
from bot.slack.directory import Directory
from bot.slack.guard import SHARING_TTL, LeakGuard
from bot.slack.installs import NotInstalledError
from bot.slack.notifier import LeakGuardError, LeakGuardUnsure, SlackNotifier, make_client
from bot.stores.store import Store

PING = {"text": "supervisor ping", "blocks": None}
HINT = {"text": "hint", "blocks": None}


@dataclass
class Clock:
    now: float = 1000.0

    def __call__(self) -> float:
        return self.now


@dataclass
class Rig:
    slack: FakeSlack
    store: Store
    clock: Clock
    notifier: SlackNotifier

    @property
    def guard(self) -> LeakGuard:
        return self.notifier.guard

    def replica(self) -> SlackNotifier:
        """Another process on the same store (its own caches)."""
        return _notifier(self.slack, self.store, self.clock)


def _notifier(slack: FakeSlack, store: Store, clock: Clock) -> SlackNotifier:
    client = make_client("xoxb-test", slack.api_url)
    directory = Directory(
        client,
        home_team_ids=[],
        agent_user_ids=[p.AGENT],
        agent_usergroup=None,
        alert_channels=[p.CHANNEL_SUP],
        clock=clock,
    )
    return SlackNotifier(client, guard=LeakGuard(client, directory, store, clock=clock))


@pytest.fixture
async def rig(fake_slack: FakeSlack) -> AsyncIterator[Rig]:
    store = Store.from_url(None)
    clock = Clock()
    yield Rig(fake_slack, store, clock, _notifier(fake_slack, store, clock))
    await store.close()


def posted_in(slack: FakeSlack, channel: str) -> list[str | None]:
    return [m.text for m in slack.messages_in(channel)]


# --- visible posts ------------------------------------------------------------------------------


async def test_posts_into_a_channel_slack_says_is_internal(rig: Rig) -> None:
    posted = await rig.notifier.post_internal(channel=p.CHANNEL_SUP, message=PING)
    assert posted.channel == p.CHANNEL_SUP
    assert posted_in(rig.slack, p.CHANNEL_SUP) == ["supervisor ping"]


async def test_refuses_a_slack_connect_channel(rig: Rig) -> None:
    with pytest.raises(LeakGuardError):
        await rig.notifier.post_internal(channel=p.CHANNEL_SHARED, message=PING)
    assert posted_in(rig.slack, p.CHANNEL_SHARED) == []


async def test_when_slack_refuses_to_describe_the_channel_nothing_is_posted(rig: Rig) -> None:
    rig.slack.fail_next("conversations.info", status=200, error="missing_scope")
    with pytest.raises(LeakGuardError):
        await rig.notifier.post_internal(channel=p.CHANNEL_SUP, message=PING)
    assert posted_in(rig.slack, p.CHANNEL_SUP) == []


async def test_when_slack_is_down_the_post_is_refused_for_now_and_may_be_retried(rig: Rig) -> None:
    rig.slack.fail_next("conversations.info", status=500)
    with pytest.raises(LeakGuardUnsure):
        await rig.notifier.post_internal(channel=p.CHANNEL_SUP, message=PING)
    assert posted_in(rig.slack, p.CHANNEL_SUP) == []
    await rig.notifier.post_internal(channel=p.CHANNEL_SUP, message=PING)  # Slack is back
    assert posted_in(rig.slack, p.CHANNEL_SUP) == ["supervisor ping"]


class OneWorkspace:
    """Many-workspace mode's token source, with one workspace installed."""

    async def bot_token(self, team_id: str) -> str:
        if team_id != p.TEAM_OURS:
            raise NotInstalledError(team_id)
        return "xoxb-T_OURS-1"


async def test_many_workspaces_without_a_token_for_the_workspace_nothing_is_sent_for_now(
    fake_slack: FakeSlack,
) -> None:
    """No workspace in hand (or one not installed): the guard cannot ask Slack, so it is unsure
    (the effect is retried), never an unexpected error."""
    store = Store.from_url(None)
    client = make_web_client(None, fake_slack.api_url, tokens=OneWorkspace())
    directory = Directory(client, home_team_ids=[], agent_user_ids=[], agent_usergroup=None)
    notifier = SlackNotifier(client, guard=LeakGuard(client, directory, store))
    for team in (None, "T_NOT_INSTALLED"):
        with working_on(team=team):
            with pytest.raises(LeakGuardUnsure):
                await notifier.post_internal(channel=p.CHANNEL_SUP, message=PING)
            with pytest.raises(LeakGuardUnsure):
                await notifier.whisper(
                    channel=p.CHANNEL_SHARED, user=p.AGENT, thread_ts="1", message=HINT
                )
    assert fake_slack.calls == []
    with working_on(team=p.TEAM_OURS):
        await notifier.post_internal(channel=p.CHANNEL_SUP, message=PING)
    assert posted_in(fake_slack, p.CHANNEL_SUP) == ["supervisor ping"]
    await store.close()


async def test_slacks_not_shared_is_believed_only_for_a_short_time(rig: Rig) -> None:
    await rig.notifier.post_internal(channel=p.CHANNEL_SUP, message=PING)
    rig.slack.share_channel(p.CHANNEL_SUP)  # no event arrives
    rig.clock.now += SHARING_TTL + 1
    with pytest.raises(LeakGuardError):
        await rig.notifier.post_internal(channel=p.CHANNEL_SUP, message=PING)
    assert posted_in(rig.slack, p.CHANNEL_SUP) == ["supervisor ping"]


async def test_a_channel_shared_event_refuses_at_once_and_updates_too(rig: Rig) -> None:
    posted = await rig.notifier.post_internal(channel=p.CHANNEL_SUP, message=PING)
    await rig.guard.channel_shared(p.CHANNEL_SUP)  # well inside the TTL of Slack's answer
    with pytest.raises(LeakGuardError):
        await rig.notifier.post_internal(channel=p.CHANNEL_SUP, message=PING)
    with pytest.raises(LeakGuardError):
        await rig.notifier.update_internal(channel=p.CHANNEL_SUP, ts=posted.ts, message=PING)
    assert not rig.slack.calls_to("chat.update")


async def test_every_replica_learns_a_share_that_one_of_them_heard_of(rig: Rig) -> None:
    other = rig.replica()
    await other.post_internal(channel=p.CHANNEL_SUP, message=PING)  # other's cache: internal
    await rig.guard.saw_ext_shared(p.CHANNEL_SUP)
    with pytest.raises(LeakGuardError):
        await other.post_internal(channel=p.CHANNEL_SUP, message=PING)


async def test_nothing_but_channel_unshared_makes_a_channel_less_shared(rig: Rig) -> None:
    await rig.guard.saw_ext_shared(p.CHANNEL_SUP)
    rig.clock.now += SHARING_TTL + 1  # Slack still says "not shared": the mark wins
    with pytest.raises(LeakGuardError):
        await rig.notifier.post_internal(channel=p.CHANNEL_SUP, message=PING)
    await rig.guard.channel_unshared(p.CHANNEL_SUP)
    asked = len(rig.slack.calls_to("conversations.info"))
    await rig.notifier.post_internal(channel=p.CHANNEL_SUP, message=PING)
    assert len(rig.slack.calls_to("conversations.info")) == asked + 1  # Slack asked again


async def test_channel_unshared_does_not_open_a_channel_slack_still_calls_shared(rig: Rig) -> None:
    await rig.guard.channel_unshared(p.CHANNEL_SHARED)
    with pytest.raises(LeakGuardError):
        await rig.notifier.post_internal(channel=p.CHANNEL_SHARED, message=PING)


async def test_a_member_from_outside_joining_marks_the_channel_shared(rig: Rig) -> None:
    await rig.notifier.post_internal(channel=p.CHANNEL_SUP, message=PING)
    rig.slack.add_member(p.CHANNEL_SUP, p.CUSTOMER)
    await rig.guard.member_joined(p.CHANNEL_SUP, p.CUSTOMER, p.TEAM_CUST)
    with pytest.raises(LeakGuardError):
        await rig.notifier.post_internal(channel=p.CHANNEL_SUP, message=PING)


async def test_a_colleague_joining_only_has_slack_asked_again(rig: Rig) -> None:
    await rig.notifier.post_internal(channel=p.CHANNEL_SUP, message=PING)
    asked = len(rig.slack.calls_to("conversations.info"))
    await rig.guard.member_joined(p.CHANNEL_SUP, p.AGENT, p.TEAM_OURS)
    await rig.notifier.post_internal(channel=p.CHANNEL_SUP, message=PING)
    assert len(rig.slack.calls_to("conversations.info")) == asked + 1
    assert len(posted_in(rig.slack, p.CHANNEL_SUP)) == 2


async def test_a_user_id_or_dm_is_never_a_place_for_a_visible_post(rig: Rig) -> None:
    for target in (p.CUSTOMER, "D_U_CUST"):
        with pytest.raises(LeakGuardError):
            await rig.notifier.post_internal(channel=target, message=PING)
    assert rig.slack.calls_to("chat.postMessage") == []


async def test_readiness_status_of_a_channel(rig: Rig) -> None:
    assert await rig.guard.status(p.CHANNEL_SUP) == "internal"
    assert await rig.guard.status(p.CHANNEL_SHARED) == "shared"
    rig.slack.fail_next("conversations.info", status=500)
    assert await rig.guard.status(p.CHANNEL_HELP) == "unknown"


# --- private messages ---------------------------------------------------------------------------


async def test_whispers_are_ephemeral_to_one_agent_in_the_thread(rig: Rig) -> None:
    await rig.notifier.whisper(
        channel=p.CHANNEL_SHARED, user=p.AGENT, thread_ts="1.0", message=HINT
    )
    [call] = rig.slack.calls_to("chat.postEphemeral")
    assert (call.params["user"], call.params["thread_ts"]) == (p.AGENT, "1.0")
    assert rig.slack.calls_to("chat.postMessage") == []


async def test_a_whisper_to_a_customer_is_refused(rig: Rig) -> None:
    with pytest.raises(LeakGuardError):
        await rig.notifier.whisper(
            channel=p.CHANNEL_SHARED, user=p.CUSTOMER, thread_ts="1.0", message=HINT
        )
    assert rig.slack.calls_to("chat.postEphemeral") == []


async def test_the_dm_fallback_reaches_an_agent_outside_the_channel(rig: Rig) -> None:
    await rig.notifier.whisper(channel=p.CHANNEL_SUP, user=p.AGENT, thread_ts="1.0", message=HINT)
    assert posted_in(rig.slack, p.AGENT) == ["hint"]


async def test_the_dm_fallback_is_guarded_too(rig: Rig) -> None:
    """Whatever the whisper decided, the DM is checked on its own (here: the directory's answer
    about the person changes between the two sends)."""
    rig.slack.add_user("U_GONE", p.TEAM_OURS, "leaver")
    rig.slack.fail_next("chat.postEphemeral", status=200, error="user_not_in_channel")
    calls: list[str] = []
    real = rig.guard.to_person

    async def spy(user: str) -> None:
        calls.append(user)
        if len(calls) == 2:
            raise LeakGuardError("outsider")
        await real(user)

    rig.guard.to_person = spy  # type: ignore[method-assign]
    with pytest.raises(LeakGuardError):
        await rig.notifier.whisper(
            channel=p.CHANNEL_SUP, user="U_GONE", thread_ts="1", message=HINT
        )
    assert calls == ["U_GONE", "U_GONE"]
    assert rig.slack.calls_to("chat.postMessage") == []


async def test_an_unknown_person_gets_nothing(rig: Rig) -> None:
    with pytest.raises(LeakGuardError):
        await rig.notifier.whisper(
            channel=p.CHANNEL_SHARED, user="U_NOBODY", thread_ts="1", message=HINT
        )


async def test_when_slack_cannot_say_who_someone_is_the_whisper_waits(rig: Rig) -> None:
    rig.slack.add_user("U_NEW", p.TEAM_OURS, "new agent")
    rig.slack.fail_next("users.info", status=500)
    with pytest.raises(LeakGuardUnsure):
        await rig.notifier.whisper(
            channel=p.CHANNEL_SHARED, user="U_NEW", thread_ts="1", message=HINT
        )
    assert rig.slack.calls_to("chat.postEphemeral") == []


async def test_home_views_and_modals_with_internal_content_only_reach_our_people(rig: Rig) -> None:
    with pytest.raises(LeakGuardError):
        await rig.notifier.publish_home(user=p.CUSTOMER, threads=[], alerts=[])
    await rig.notifier.publish_notice_home(user=p.CUSTOMER, title="Undertone", text="Hi")
    modal = {"type": "modal", "title": {"type": "plain_text", "text": "x"}, "blocks": []}
    with pytest.raises(LeakGuardError):
        await rig.notifier.open_modal(user=p.CUSTOMER, trigger_id="1.2.x", view=modal)
    assert [c.params["user_id"] for c in rig.slack.calls_to("views.publish")] == [p.CUSTOMER]
    assert rig.slack.calls_to("views.open") == []


# --- response_url answers -----------------------------------------------------------------------


async def test_response_url_answers_are_guarded_like_any_other_send(rig: Rig) -> None:
    url = rig.slack.response_url("r1")
    with pytest.raises(LeakGuardError):  # internal content to a customer
        await rig.notifier.answer(
            url, HINT, user=p.CUSTOMER, channel=p.CHANNEL_SHARED, internal=True
        )
    with pytest.raises(LeakGuardError):  # rewriting a message everyone in a shared channel sees
        await rig.notifier.answer(
            url,
            PING,
            user=p.AGENT,
            channel=p.CHANNEL_SHARED,
            internal=True,
            replace_original=True,
            original_is_visible=True,
        )
    assert rig.slack.posts_to("r1") == []
    notice = {"text": "This command is for the support team.", "blocks": None}
    await rig.notifier.answer(
        url, notice, user=p.CUSTOMER, channel=p.CHANNEL_SHARED, internal=False
    )
    [post] = rig.slack.posts_to("r1")
    assert post.body["response_type"] == "ephemeral"
    assert post.body["text"] == notice["text"]


async def test_response_url_answers_are_counted_with_the_slack_calls(rig: Rig) -> None:
    def answered(outcome: str) -> float:
        labels = {"method": "response_url", "outcome": outcome}
        return REGISTRY.get_sample_value("undertone_slack_api_calls_total", labels) or 0.0

    ok_before, gone_before = answered("ok"), answered("http_404")
    notice = {"text": "Done.", "blocks": None}
    await rig.notifier.answer(
        rig.slack.response_url("r2"), notice, user=p.AGENT, channel=p.CHANNEL_SUP, internal=True
    )
    await rig.notifier.answer(
        f"{rig.slack.url}/no-such-hook", notice, user=p.AGENT, channel=p.CHANNEL_SUP, internal=True
    )
    assert (answered("ok") - ok_before, answered("http_404") - gone_before) == (1, 1)


async def test_a_threads_permalink_is_asked_of_slack_once(rig: Rig) -> None:
    first = await rig.notifier.permalink(channel=p.CHANNEL_SUP, ts="1700000000.000100")
    again = await rig.notifier.permalink(channel=p.CHANNEL_SUP, ts="1700000000.000100")
    other = await rig.notifier.permalink(channel=p.CHANNEL_SUP, ts="1700000000.000200")
    assert first == again and first and other and other != first
    assert len(rig.slack.calls_to("chat.getPermalink")) == 2


async def test_a_long_lived_client_reuses_its_connection_to_slack(fake_slack: FakeSlack) -> None:
    client = make_client("xoxb-test", fake_slack.api_url)
    client.keep_alive = True
    for _ in range(3):
        await client.auth_test()
    await client.close()
    await client.auth_test()  # a closed client opens a new session when called again
    await client.close()
    peers = [c.peer for c in fake_slack.calls_to("auth.test")]
    assert all(peers) and len(set(peers[:3])) == 1 and peers[3] != peers[0]


async def test_a_one_off_client_opens_a_connection_per_call(fake_slack: FakeSlack) -> None:
    client = make_client("xoxb-test", fake_slack.api_url)  # as slack_sdk does by default
    for _ in range(2):
        await client.auth_test()
    peers = [c.peer for c in fake_slack.calls_to("auth.test")]
    assert len(set(peers)) == 2
