"""The response_url sink records posts and applies them to the whisper or message they belong to."""

from __future__ import annotations

import asyncio

import pytest
from slack_sdk.web.async_client import AsyncWebClient
from slack_sdk.webhook.async_client import AsyncWebhookClient

from bot.fakeslack import FakeSlack
from bot.fakeslack.server import RESPONSE_URL_USES


async def whisper(client: AsyncWebClient, text: str = "try acknowledging first") -> str:
    resp = await client.chat_postEphemeral(channel="C_SHARED", user="U_AGENT", text=text)
    return str(resp["message_ts"])


@pytest.fixture
def client(fake_slack: FakeSlack, bot_token: str) -> AsyncWebClient:
    return AsyncWebClient(token=bot_token, base_url=fake_slack.api_url)


async def test_replace_original_rewrites_the_whisper_in_place(
    fake_slack: FakeSlack, client: AsyncWebClient
) -> None:
    ts = await whisper(client)
    url = fake_slack.response_url("tok1", message_ts=ts)
    resp = await AsyncWebhookClient(url).send_dict({"replace_original": True, "text": "thanks"})
    assert (resp.status_code, resp.body) == (200, "ok")
    (seen,) = fake_slack.ephemerals_for("U_AGENT")
    assert (seen.message_ts, seen.text) == (ts, "thanks")
    assert seen.versions == [{"text": "try acknowledging first", "blocks": None}]
    assert fake_slack.posts_to("tok1")[0].body == {"replace_original": True, "text": "thanks"}


async def test_delete_original_removes_only_that_whisper(
    fake_slack: FakeSlack, client: AsyncWebClient
) -> None:
    first, second = await whisper(client, "one"), await whisper(client, "two")
    url = fake_slack.response_url(message_ts=first)
    await AsyncWebhookClient(url).send_dict({"delete_original": True})
    assert [e.message_ts for e in fake_slack.ephemerals_for("U_AGENT")] == [second]
    deleted = fake_slack.ephemerals_for("U_AGENT", include_deleted=True)[0]
    assert deleted.deleted and deleted.message_ts == first


async def test_delete_original_on_a_channel_message_hides_it(
    fake_slack: FakeSlack, client: AsyncWebClient
) -> None:
    posted = await client.chat_postMessage(channel="C_SUP", text="alert")
    url = fake_slack.response_url(message_ts=posted["ts"])
    await AsyncWebhookClient(url).send_dict({"delete_original": True})
    assert fake_slack.messages_in("C_SUP") == []


async def test_a_plain_response_is_a_new_ephemeral_for_the_invoker(fake_slack: FakeSlack) -> None:
    url = fake_slack.response_url(user="U_AGENT", channel="C_HELP")
    await AsyncWebhookClient(url).send_dict({"text": "playbook: refunds"})
    (seen,) = fake_slack.ephemerals_for("U_AGENT")
    assert (seen.channel, seen.text) == ("C_HELP", "playbook: refunds")


async def test_a_later_replace_original_rewrites_the_first_reply(fake_slack: FakeSlack) -> None:
    """A slash command's URL: the first post creates a whisper, the next one replaces it."""
    hook = AsyncWebhookClient(fake_slack.response_url(user="U_AGENT", channel="C_HELP"))
    await hook.send_dict({"text": "pick a topic"})
    await hook.send_dict({"replace_original": True, "text": "refunds: step 1"})
    assert [e.text for e in fake_slack.ephemerals_for("U_AGENT")] == ["refunds: step 1"]
    await hook.send_dict({"delete_original": True})
    assert fake_slack.ephemerals_for("U_AGENT") == []
    resp = await hook.send_dict({"replace_original": True, "text": "too late"})
    assert resp.status_code == 404


async def test_an_in_channel_response_is_a_channel_message(fake_slack: FakeSlack) -> None:
    url = fake_slack.response_url(user="U_AGENT", channel="C_HELP")
    await AsyncWebhookClient(url).send_dict({"response_type": "in_channel", "text": "shared"})
    assert [m.text for m in fake_slack.messages_in("C_HELP")] == ["shared"]
    assert fake_slack.ephemerals_for("U_AGENT") == []


async def test_a_response_url_takes_five_posts_then_refuses(fake_slack: FakeSlack) -> None:
    url = fake_slack.response_url("budget", user="U_AGENT", channel="C_HELP")
    hook = AsyncWebhookClient(url)
    statuses = [(await hook.send_dict({"text": "x"})).status_code for _ in range(6)]
    assert statuses == [200] * RESPONSE_URL_USES + [404]
    assert len(fake_slack.ephemerals_for("U_AGENT")) == RESPONSE_URL_USES


async def test_an_unbound_url_records_the_post_without_modelling_it(fake_slack: FakeSlack) -> None:
    url = fake_slack.response_url("loose")
    resp = await AsyncWebhookClient(url).send_dict({"text": "hello"})
    assert resp.status_code == 200
    assert [r.body for r in fake_slack.posts_to("loose")] == [{"text": "hello"}]
    assert fake_slack.ephemerals == [] and fake_slack.messages == []


async def test_an_unissued_token_is_404(fake_slack: FakeSlack) -> None:
    resp = await AsyncWebhookClient(fake_slack.url + "/response/nope").send_dict({"text": "x"})
    assert resp.status_code == 404
    assert fake_slack.posts_to("nope")[0].status == 404


async def test_replace_without_an_original_is_refused(fake_slack: FakeSlack) -> None:
    url = fake_slack.response_url(user="U_AGENT", channel="C_HELP")
    resp = await AsyncWebhookClient(url).send_dict({"replace_original": True, "text": "x"})
    assert resp.status_code == 404
    assert fake_slack.ephemerals_for("U_AGENT") == []


def test_issuing_a_url_for_an_unknown_message_is_an_error() -> None:
    fake = FakeSlack()
    with pytest.raises(KeyError):
        fake.response_url(message_ts="1.000001")


async def test_wait_for_wakes_on_a_response_post(
    fake_slack: FakeSlack, client: AsyncWebClient
) -> None:
    ts = await whisper(client)
    url = fake_slack.response_url("w", message_ts=ts)
    task = asyncio.create_task(AsyncWebhookClient(url).send_dict({"delete_original": True}))
    assert await fake_slack.wait_for(lambda: fake_slack.posts_to("w"))
    assert fake_slack.ephemerals_for("U_AGENT") == []
    await task
