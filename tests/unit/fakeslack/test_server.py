"""The fake Web API answers like Slack: auth, argument errors, methods, recording, failures."""

from __future__ import annotations

import asyncio
import json
from typing import Any

import aiohttp
import pytest
from slack_sdk.errors import SlackApiError
from slack_sdk.web.async_client import AsyncWebClient

from bot.fakeslack import FakeSlack
from bot.fakeslack import payloads as p


@pytest.fixture
def client(fake_slack: FakeSlack, bot_token: str) -> AsyncWebClient:
    return AsyncWebClient(token=bot_token, base_url=fake_slack.api_url)


async def raw_call(
    fake: FakeSlack, method: str, headers: dict[str, str] | None = None, **kw: Any
) -> tuple[int, dict[str, Any]]:
    async with (
        aiohttp.ClientSession() as session,
        session.post(fake.api_url + method, headers=headers or {}, **kw) as resp,
    ):
        return resp.status, await resp.json()


BEARER = {"Authorization": "Bearer xoxb-test-token"}


# ---- protocol ------------------------------------------------------------------------------


async def test_a_request_without_a_token_is_not_authed(fake_slack: FakeSlack) -> None:
    status, body = await raw_call(fake_slack, "auth.test")
    assert (status, body) == (200, {"ok": False, "error": "not_authed"})


async def test_a_non_bot_token_is_invalid_auth(fake_slack: FakeSlack) -> None:
    _, body = await raw_call(fake_slack, "auth.test", {"Authorization": "Bearer xoxp-user"})
    assert body == {"ok": False, "error": "invalid_auth"}


async def test_an_unknown_method_is_reported(fake_slack: FakeSlack) -> None:
    _, body = await raw_call(fake_slack, "chat.postWhisper", BEARER)
    assert body == {"ok": False, "error": "unknown_method"}


async def test_a_missing_required_argument_is_invalid_arguments(fake_slack: FakeSlack) -> None:
    _, body = await raw_call(fake_slack, "chat.postEphemeral", BEARER, json={"channel": "C_HELP"})
    assert body == {"ok": False, "error": "invalid_arguments"}


async def test_form_bodies_and_query_params_are_merged(fake_slack: FakeSlack) -> None:
    blocks = [{"type": "section", "text": {"type": "mrkdwn", "text": "hi"}}]
    _, body = await raw_call(
        fake_slack,
        "chat.postMessage?channel=C_HELP",
        BEARER,
        data={"text": "hello", "blocks": json.dumps(blocks)},
    )
    assert body["ok"] is True
    (call,) = fake_slack.calls_to("chat.postMessage")
    assert call.params == {"channel": "C_HELP", "text": "hello", "blocks": blocks}


async def test_a_malformed_json_body_is_invalid_json(fake_slack: FakeSlack) -> None:
    headers = BEARER | {"Content-Type": "application/json"}
    _, body = await raw_call(fake_slack, "chat.postMessage", headers, data=b"{not json")
    assert body == {"ok": False, "error": "invalid_json"}


async def test_whole_requests_are_recorded(fake_slack: FakeSlack, client: AsyncWebClient) -> None:
    await client.chat_postMessage(channel="C_HELP", text="hello", thred_ts="1.2")
    (call,) = fake_slack.calls
    assert call.method == "chat.postMessage"
    assert call.http_method == "POST"
    assert call.params["text"] == "hello"
    assert call.headers["Authorization"] == "Bearer xoxb-test-token"
    assert call.ok and call.status == 200
    assert call.unknown_args == {"thred_ts"}


# ---- scripted failures ---------------------------------------------------------------------


async def test_a_scripted_429_reaches_the_sdk_with_retry_after(
    fake_slack: FakeSlack, client: AsyncWebClient
) -> None:
    fake_slack.fail_next("chat.postEphemeral", status=429, retry_after=7)
    with pytest.raises(SlackApiError) as caught:
        await client.chat_postEphemeral(channel="C_SHARED", user="U_AGENT", text="hint")
    assert caught.value.response.status_code == 429
    assert caught.value.response.headers["Retry-After"] == "7"
    assert caught.value.response["error"] == "ratelimited"
    again = await client.chat_postEphemeral(channel="C_SHARED", user="U_AGENT", text="hint")
    assert again["ok"] is True


async def test_scripted_failures_repeat_times_and_match_only_their_method(
    fake_slack: FakeSlack, client: AsyncWebClient
) -> None:
    fake_slack.fail_next("chat.postMessage", status=500, times=2)
    assert (await client.auth_test())["ok"]
    for _ in range(2):
        with pytest.raises(SlackApiError) as caught:
            await client.chat_postMessage(channel="C_SUP", text="alert")
        assert caught.value.response.status_code == 500
    assert (await client.chat_postMessage(channel="C_SUP", text="alert"))["ok"]


async def test_an_ok_false_error_can_be_scripted(
    fake_slack: FakeSlack, client: AsyncWebClient
) -> None:
    fake_slack.fail_next("*", status=200, error="token_revoked")
    with pytest.raises(SlackApiError) as caught:
        await client.users_info(user="U_CUST")
    assert caught.value.response.status_code == 200
    assert caught.value.response["error"] == "token_revoked"


def test_a_failure_without_an_error_code_is_refused() -> None:
    with pytest.raises(ValueError):
        FakeSlack().fail_next("auth.test", status=200)


# ---- methods -------------------------------------------------------------------------------


async def test_auth_test_names_the_bot(client: AsyncWebClient) -> None:
    resp = await client.auth_test()
    assert (resp["team_id"], resp["user_id"], resp["bot_id"]) == ("T_OURS", "U_BOT", "B_BOT")
    assert resp["url"].startswith("https://") and resp["team"]


async def test_an_ephemeral_is_visible_only_to_its_user(
    fake_slack: FakeSlack, client: AsyncWebClient
) -> None:
    resp = await client.chat_postEphemeral(
        channel="C_SHARED", user="U_AGENT", text="slow down", thread_ts="100.1"
    )
    (whisper,) = fake_slack.ephemerals_for("U_AGENT")
    assert whisper.message_ts == resp["message_ts"]
    assert (whisper.channel, whisper.text, whisper.thread_ts) == ("C_SHARED", "slow down", "100.1")
    assert fake_slack.ephemerals_for("U_CUST") == []
    assert fake_slack.messages_in("C_SHARED") == []


@pytest.mark.parametrize("user", ["U_AGENT", "U_GHOST"])
async def test_an_ephemeral_to_a_non_member_is_user_not_in_channel(
    fake_slack: FakeSlack, client: AsyncWebClient, user: str
) -> None:
    """Slack documents no `user_not_found` for this method: unknown users are non-members too."""
    with pytest.raises(SlackApiError) as caught:
        await client.chat_postEphemeral(channel="C_SUP", user=user, text="hint")
    assert caught.value.response["error"] == "user_not_in_channel"
    assert fake_slack.ephemerals_for(user) == []


@pytest.mark.parametrize(
    ("channel", "error"), [("C_NOPE", "channel_not_found"), ("C_PRIVATE", "not_in_channel")]
)
async def test_ephemeral_channel_errors(
    fake_slack: FakeSlack, client: AsyncWebClient, channel: str, error: str
) -> None:
    fake_slack.add_channel("C_PRIVATE", "private", ["U_AGENT"])
    with pytest.raises(SlackApiError) as caught:
        await client.chat_postEphemeral(channel=channel, user="U_AGENT", text="hint")
    assert caught.value.response["error"] == error


async def test_an_ephemeral_without_content_is_no_text(fake_slack: FakeSlack) -> None:
    args = {"channel": "C_SHARED", "user": "U_AGENT"}
    _, body = await raw_call(fake_slack, "chat.postEphemeral", BEARER, json=args)
    assert body == {"ok": False, "error": "no_text"}


async def test_a_posted_message_is_visible_in_its_channel(
    fake_slack: FakeSlack, client: AsyncWebClient
) -> None:
    resp = await client.chat_postMessage(channel="C_SUP", text="escalation", thread_ts="5.5")
    assert resp["channel"] == "C_SUP"
    assert resp["message"]["ts"] == resp["ts"] and resp["message"]["bot_id"] == "B_BOT"
    (msg,) = fake_slack.messages_in("C_SUP")
    assert (msg.ts, msg.text, msg.thread_ts, msg.user) == (resp["ts"], "escalation", "5.5", "U_BOT")


async def test_a_message_to_a_user_id_lands_in_the_bots_dm(
    fake_slack: FakeSlack, client: AsyncWebClient
) -> None:
    resp = await client.chat_postMessage(channel="U_AGENT", text="fallback hint")
    assert resp["channel"] == fake_slack.dm_channel_id("U_AGENT")
    assert [m.text for m in fake_slack.messages_in("U_AGENT")] == ["fallback hint"]


async def test_chat_update_edits_a_bot_message_but_not_a_whisper(
    fake_slack: FakeSlack, client: AsyncWebClient
) -> None:
    posted = await client.chat_postMessage(channel="C_SUP", text="open")
    updated = await client.chat_update(channel="C_SUP", ts=posted["ts"], text="claimed")
    assert (updated["ts"], updated["text"]) == (posted["ts"], "claimed")
    (msg,) = fake_slack.messages_in("C_SUP")
    assert msg.text == "claimed" and msg.versions == [{"text": "open", "blocks": None}]
    whisper = await client.chat_postEphemeral(channel="C_SHARED", user="U_AGENT", text="x")
    with pytest.raises(SlackApiError) as caught:
        await client.chat_update(channel="C_SHARED", ts=whisper["message_ts"], text="y")
    assert caught.value.response["error"] == "message_not_found"


async def test_get_permalink_is_a_get_with_query_params(
    fake_slack: FakeSlack, client: AsyncWebClient
) -> None:
    resp = await client.chat_getPermalink(channel="C_SHARED", message_ts="1700000000.000100")
    assert resp["permalink"].endswith("/archives/C_SHARED/p1700000000000100")
    assert fake_slack.calls_to("chat.getPermalink")[0].http_method == "GET"


async def test_users_info_tells_customer_from_agent(client: AsyncWebClient) -> None:
    customer = (await client.users_info(user="U_CUST"))["user"]
    agent = (await client.users_info(user="U_AGENT"))["user"]
    bot = (await client.users_info(user="U_BOT"))["user"]
    assert (customer["team_id"], agent["team_id"]) == ("T_CUST", "T_OURS")
    assert (customer["is_bot"], bot["is_bot"]) == (False, True)
    with pytest.raises(SlackApiError) as caught:
        await client.users_info(user="U_GHOST")
    assert caught.value.response["error"] == "user_not_found"


async def test_conversations_info_flags_slack_connect_and_membership(
    fake_slack: FakeSlack, client: AsyncWebClient
) -> None:
    fake_slack.add_channel("C_OTHER", "random", ["U_AGENT"])
    fake_slack.add_channel("C_PRIVATE", "private", ["U_AGENT"], is_private=True)
    shared = (await client.conversations_info(channel="C_SHARED"))["channel"]
    other = (await client.conversations_info(channel="C_OTHER"))["channel"]
    assert (shared["is_ext_shared"], shared["is_member"]) == (True, True)
    assert shared["shared_team_ids"] == ["T_CUST", "T_OURS"]
    assert (other["is_ext_shared"], other["is_member"], other["is_private"]) == (
        False,
        False,
        False,
    )
    with pytest.raises(SlackApiError) as caught:
        await client.conversations_info(channel="C_PRIVATE")
    assert caught.value.response["error"] == "channel_not_found"


async def test_conversations_open_gives_a_stable_dm(client: AsyncWebClient) -> None:
    first = await client.conversations_open(users="U_AGENT")
    second = await client.conversations_open(users=["U_AGENT"])
    assert first["channel"]["id"] == second["channel"]["id"]
    assert (first["already_open"], second["already_open"]) == (False, True)


async def test_usergroup_members_are_listed(client: AsyncWebClient) -> None:
    resp = await client.usergroups_users_list(usergroup="S_SUP")
    assert resp["users"] == ["U_SUP"]


async def test_views_publish_open_and_update(fake_slack: FakeSlack, client: AsyncWebClient) -> None:
    home = {"type": "home", "blocks": [{"type": "divider"}]}
    published = await client.views_publish(user_id="U_AGENT", view=home)
    assert fake_slack.home_views["U_AGENT"]["blocks"] == home["blocks"]
    assert published["view"]["id"]
    modal = {"type": "modal", "callback_id": "reassign_alert", "title": {}, "blocks": []}
    opened = await client.views_open(trigger_id="1.2.abc", view=modal)
    view_id = opened["view"]["id"]
    await client.views_update(view_id=view_id, view=modal | {"blocks": [{"type": "divider"}]})
    assert fake_slack.views[view_id]["blocks"] == [{"type": "divider"}]
    with pytest.raises(SlackApiError) as caught:
        await client.views_update(view_id="V_GONE", view=modal)
    assert caught.value.response["error"] == "not_found"


# ---- waiting -------------------------------------------------------------------------------


async def test_wait_for_wakes_on_the_recorded_call(
    fake_slack: FakeSlack, client: AsyncWebClient
) -> None:
    task = asyncio.create_task(
        client.chat_postEphemeral(channel="C_SHARED", user="U_AGENT", text="hint")
    )
    whispers = await fake_slack.wait_for(lambda: fake_slack.ephemerals_for(p.AGENT))
    assert whispers[0].text == "hint"
    await task


async def test_wait_for_fails_with_the_calls_seen(
    fake_slack: FakeSlack, client: AsyncWebClient
) -> None:
    await client.auth_test()
    with pytest.raises(AssertionError, match="auth.test"):
        await fake_slack.wait_for(lambda: fake_slack.calls_to("chat.postMessage"), timeout=0.05)


async def test_listeners_see_each_call(fake_slack: FakeSlack, client: AsyncWebClient) -> None:
    seen: list[object] = []
    fake_slack.listeners.append(seen.append)
    await client.auth_test()
    assert seen == fake_slack.calls


# ---- files.uploadV2 --------------------------------------------------------------------------


async def test_files_upload_v2_shares_the_bytes_into_the_channel(
    fake_slack: FakeSlack, client: AsyncWebClient
) -> None:
    data = b"\x89PNG\r\n\x1a\n" + b"0" * 100
    await client.files_upload_v2(
        channel=p.CHANNEL_SUP, content=data, filename="c.png", title="Chart", initial_comment="hi"
    )
    [upload] = fake_slack.files.values()
    assert (upload.content, upload.title, upload.channel) == (data, "Chart", p.CHANNEL_SUP)
    [message] = fake_slack.messages_in(p.CHANNEL_SUP)
    assert message.files == [upload.id] and message.text == "hi"


async def test_completing_an_upload_needs_its_bytes_and_a_channel_the_bot_is_in(
    fake_slack: FakeSlack, client: AsyncWebClient
) -> None:
    ticket = await client.files_getUploadURLExternal(filename="c.png", length=10)
    with pytest.raises(SlackApiError, match="not_uploaded"):
        await client.files_completeUploadExternal(files=[{"id": ticket["file_id"]}])
    async with aiohttp.ClientSession() as session:
        await session.post(ticket["upload_url"], data=b"0123456789")
    fake_slack.add_channel("C_OTHER", "other", {p.AGENT})
    with pytest.raises(SlackApiError, match="not_in_channel"):
        await client.files_completeUploadExternal(
            files=[{"id": ticket["file_id"]}], channel_id="C_OTHER"
        )
    with pytest.raises(SlackApiError, match="missing_argument"):
        await client.files_getUploadURLExternal(filename="c.png", length=0)


async def test_going_offline_drops_kept_alive_connections_too(
    fake_slack: FakeSlack, bot_token: str
) -> None:
    async with aiohttp.ClientSession() as session:
        client = AsyncWebClient(token=bot_token, base_url=fake_slack.api_url, session=session)
        client.retry_handlers.clear()  # see the outage, not slack_sdk's retry of it
        assert (await client.auth_test())["ok"]
        await fake_slack.go_offline()
        with pytest.raises(aiohttp.ClientError):
            await client.auth_test()
        await fake_slack.go_online()
        assert (await client.auth_test())["ok"]
