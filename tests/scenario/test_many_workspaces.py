"""Many workspaces: Slack's OAuth install flow stores each workspace's bot token encrypted in
Redis, the bot then works in that workspace with that token, rotating tokens are refreshed once
under a lock however many replicas ask, and an uninstall deletes the tokens."""

from __future__ import annotations

import asyncio
import re
from collections.abc import AsyncIterator
from typing import Any

import aiohttp
import pytest
from aiohttp import web

from bot.fakeslack import FakeSlack
from bot.fakeslack import payloads as p
from bot.slack.client import current_team
from bot.slack.installs import WorkspaceTokens
from bot.stores.installations import TokenCipher
from tests.scenario.conftest import Bot, start_bot

KEY = TokenCipher.new_key()


@pytest.fixture
async def app(
    fake_slack: FakeSlack, signing_secret: str, redis_url: str
) -> AsyncIterator[tuple[Bot, web.AppRunner]]:
    """Undertone in many-workspace mode: no SLACK_BOT_TOKEN, OAuth client credentials instead."""
    bot, runner = await start_bot(
        fake_slack,
        signing_secret,
        redis_url=redis_url,
        slack_bot_token=None,
        slack_client_id=fake_slack.oauth.client_id,
        slack_client_secret=fake_slack.oauth.client_secret,
        token_encryption_key=KEY,
    )
    try:
        yield bot, runner
    finally:
        await runner.cleanup()


async def install(bot: Bot, *, team: str = p.TEAM_OURS, rotation: bool = False) -> str:
    """An admin clicks Add to Slack, approves on Slack's page, and lands on our redirect."""
    async with aiohttp.ClientSession() as session:
        async with session.get(f"{bot.url}/slack/install") as resp:
            page = await resp.text()
            assert resp.status == 200
            # the browser keeps the state cookie (Secure: the real install page is https)
            cookie = resp.headers["Set-Cookie"].split(";")[0]
        authorize = re.search(r'href="(https://slack.com/oauth/v2/authorize[^"]+)"', page)
        assert authorize is not None, page
        url = authorize.group(1).replace("&amp;", "&")
        assert "client_id=1111.2222" in url and "scope=channels:history," in url
        state = re.search(r"state=([^&]+)", url)
        assert state is not None
        code = bot.slack.oauth.approve(team, rotation=rotation)
        params = {"code": code, "state": state.group(1)}
        headers = {"Cookie": cookie}
        redirect = f"{bot.url}/slack/oauth_redirect"
        async with session.get(redirect, params=params, headers=headers) as resp:
            return f"{resp.status} {await resp.text()}"


async def test_an_install_stores_the_bot_token_encrypted(app: tuple[Bot, Any]) -> None:
    bot, _ = app
    result = await install(bot)
    assert result.startswith("200"), result
    installs = bot.services.installs
    assert installs is not None
    stored = await installs.installations.async_find_bot(enterprise_id=None, team_id=p.TEAM_OURS)
    assert stored is not None and stored.bot_token and stored.bot_token.startswith("xoxb-T_OURS")
    raw = await installs.installations.vault.raw("bot", None, p.TEAM_OURS)
    assert raw is not None and stored.bot_token.encode() not in raw and b"T_OURS" not in raw
    assert await installs.installations.vault.teams() == [p.TEAM_OURS]


async def test_a_redirect_with_a_forged_or_reused_state_installs_nothing(
    app: tuple[Bot, Any],
) -> None:
    bot, _ = app
    code = bot.slack.oauth.approve()
    async with aiohttp.ClientSession() as session:
        params = {"code": code, "state": "forged"}
        async with session.get(f"{bot.url}/slack/oauth_redirect", params=params) as resp:
            assert resp.status >= 400
    assert bot.services.installs is not None
    assert await bot.services.installs.installations.vault.teams() == []
    assert bot.slack.calls_to("oauth.v2.access") == []


async def test_after_install_the_bot_coaches_in_that_workspace_with_its_token(
    app: tuple[Bot, Any],
) -> None:
    bot, _ = app
    await install(bot)
    await bot.say(p.CUSTOMER, "Hi, we were charged twice for invoice INV-2291, can you refund one?")
    await bot.say(p.AGENT, "Refunds take 5-7 business days.")
    await bot.say(p.CUSTOMER, "Third time asking. WHERE IS MY REFUND??? Nobody tells us anything!")
    await bot.drain()
    whispers = [c for c in bot.slack.calls_to("chat.postEphemeral") if c.ok]
    assert whispers and whispers[0].params["user"] == p.AGENT
    assert whispers[0].headers["Authorization"].startswith("Bearer xoxb-T_OURS-")


async def test_a_supervisor_ping_passes_the_leak_guard_with_that_workspaces_token(
    app: tuple[Bot, Any],
) -> None:
    """The guard's own look-ups (is the supervisor channel internal?) use the same token."""
    bot, _ = app
    await install(bot)
    await bot.say(p.CUSTOMER, "Hi, our export failed again.")
    await bot.say(p.AGENT, "Hi, looking into it.")
    await bot.say(p.CUSTOMER, "This is unacceptable. I want to speak to your manager right now.")
    await bot.drain()
    [ping] = bot.slack.messages_in(p.CHANNEL_SUP)
    assert ping.ts
    checks = [c for c in bot.slack.calls_to("conversations.info") if c.ok]
    posts = [c for c in bot.slack.calls_to("chat.postMessage") if c.ok]
    assert checks and checks[0].params["channel"] == p.CHANNEL_SUP
    for call in checks + posts:
        assert call.headers["Authorization"].startswith("Bearer xoxb-T_OURS-")


async def test_readiness_answers_with_no_workspace_to_ask_about_alert_channels(
    app: tuple[Bot, Any],
) -> None:
    """/readyz is no Slack request: no workspace is in hand, so the alert channels' sharing is
    `unknown` (never a 500), and the process is ready."""
    bot, _ = app
    await install(bot)
    async with aiohttp.ClientSession() as session, session.get(f"{bot.url}/readyz") as resp:
        body = await resp.json()
        assert resp.status == 200
    assert body["ok"] is True
    assert body["alert_channels"] and set(body["alert_channels"].values()) == {"unknown"}


async def test_events_from_a_workspace_that_never_installed_are_not_authorized(
    app: tuple[Bot, Any],
) -> None:
    """Bolt answers 200 (so Slack does not retry) and nothing is taken in or sent."""
    bot, _ = app
    response = await bot.say(p.CUSTOMER, "hello?")
    assert response.status == 200 and "reinstall" in response.body
    _, backlog, _ = await bot.services.store.intake_stats(0)
    assert backlog == 0
    assert [c.method for c in bot.slack.calls] == []


async def test_an_uninstall_deletes_the_stored_tokens(
    app: tuple[Bot, Any], monkeypatch: pytest.MonkeyPatch
) -> None:
    bot, _ = app
    await install(bot)
    installs = bot.services.installs
    assert installs is not None
    deleted = asyncio.Event()
    delete_all = installs.installations.async_delete_all

    async def deleting(**ids: Any) -> None:  # Bolt's listener runs after the ack
        await delete_all(**ids)
        deleted.set()

    monkeypatch.setattr(installs.installations, "async_delete_all", deleting)
    uninstalled = p.event_envelope({"type": "app_uninstalled", "event_ts": p.next_ts()})
    response = await bot.driver.post_event(uninstalled)
    assert response.status == 200
    await asyncio.wait_for(deleted.wait(), timeout=5)
    assert await installs.installations.vault.teams() == []
    assert await installs.installations.vault.raw("bot", None, p.TEAM_OURS) is None


async def test_a_rotating_token_is_refreshed_once_however_many_replicas_ask(
    app: tuple[Bot, Any],
) -> None:
    bot, _ = app
    bot.slack.oauth.token_lifetime = 60  # the installed token is due for a refresh at once
    await install(bot, rotation=True)
    installs = bot.services.installs
    assert installs is not None
    bot.slack.oauth.token_lifetime = 43_200  # refreshed tokens last 12 hours
    settings = bot.services.settings
    replicas = [
        WorkspaceTokens(
            installs.installations,
            client_id=settings.slack_client_id or "",
            client_secret=settings.secret("slack_client_secret"),
            api_url=settings.slack_api_url,
            refresh_minutes=30,
        )
        for _ in range(4)
    ]
    tokens = await asyncio.gather(*(r.bot_token(p.TEAM_OURS) for r in replicas))
    assert bot.slack.oauth.refreshes == [p.TEAM_OURS]  # one refresh, not four
    assert len(set(tokens)) == 1 and tokens[0].startswith("xoxe.xoxb-T_OURS")
    refreshes = [c for c in bot.slack.calls_to("oauth.v2.access") if c.params.get("grant_type")]
    assert [c.response["ok"] for c in refreshes] == [True]


async def test_without_the_lock_a_second_refresh_would_break_the_chain(
    app: tuple[Bot, Any],
) -> None:
    """Why the lock matters: the fake, like Slack, takes each refresh token once."""
    bot, _ = app
    bot.slack.oauth.token_lifetime = 60
    await install(bot, rotation=True)
    installs = bot.services.installs
    assert installs is not None
    stale = await installs.installations.async_find_bot(enterprise_id=None, team_id=p.TEAM_OURS)
    assert stale is not None
    rotator = installs.tokens._rotator
    await rotator.perform_bot_token_rotation(bot=stale, minutes_before_expiration=30)
    with pytest.raises(Exception, match="invalid_refresh_token"):
        await rotator.perform_bot_token_rotation(bot=stale, minutes_before_expiration=30)


async def test_each_workspace_is_its_own_home_team(app: tuple[Bot, Any]) -> None:
    bot, _ = app
    await install(bot, team=p.TEAM_OURS)
    await install(bot, team="T_TWO")
    directory = bot.services.directory
    homes = {}
    for team in (p.TEAM_OURS, "T_TWO"):
        reset = current_team.set(team)
        try:
            homes[team] = await directory.home_teams()
        finally:
            current_team.reset(reset)
    assert homes == {p.TEAM_OURS: {p.TEAM_OURS}, "T_TWO": {"T_TWO"}}


def test_tokens_written_with_an_old_key_are_read_after_adding_a_new_one() -> None:
    old = TokenCipher.new_key()
    blob = TokenCipher(old).encrypt({"bot_token": "xoxb-1"})
    rotated = TokenCipher(f"{TokenCipher.new_key()},{old}")
    assert rotated.decrypt(blob) == {"bot_token": "xoxb-1"}
    with pytest.raises(ValueError, match="cannot be decrypted"):
        TokenCipher(TokenCipher.new_key()).decrypt(blob)
    with pytest.raises(ValueError, match="Fernet keys"):
        TokenCipher("not-a-key")
