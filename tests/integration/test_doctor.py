"""`undertone doctor` finds what would break a real installation, and says how to fix it."""

from __future__ import annotations

import io
from typing import Any

import pytest
import redis

from bot.config import Settings
from bot.doctor import Findings, judge_redis, run_doctor
from bot.fakeslack import FakeSlack
from bot.fakeslack import payloads as p
from bot.slack.scopes import BOT_SCOPES
from bot.stores.health import RedisFacts


def settings(fake: FakeSlack, **overrides: Any) -> Settings:
    values: dict[str, Any] = {
        "slack_bot_token": "xoxb-test-token",
        "slack_signing_secret": "secret",
        "slack_api_url": fake.api_url,
        "supervisor_channel": p.CHANNEL_SUP,
        "agent_user_ids": [p.AGENT],
    }
    return Settings(**(values | overrides))


async def doctor(s: Settings) -> tuple[int, str]:
    out = io.StringIO()
    code = await run_doctor(s, out, timeout=5)
    return code, out.getvalue()


def lines_about(text: str, word: str) -> list[str]:
    return [ln.strip() for ln in text.splitlines() if word in ln]


async def test_a_ready_installation_passes_with_only_the_embedded_store_warning(
    fake_slack: FakeSlack,
) -> None:
    code, text = await doctor(settings(fake_slack))
    assert code == 0, text
    assert "FAIL" not in text
    assert "token valid: team T_OURS" in text
    assert f"scopes: all {len(BOT_SCOPES)}" in text
    assert lines_about(text, "REDIS_URL is not set")[0].startswith("warn")
    assert text.rstrip().endswith("ready: 0 blocker(s), 1 warning(s)")


async def test_the_bot_missing_from_the_supervisor_channel_is_a_blocker_with_a_fix(
    fake_slack: FakeSlack,
) -> None:
    fake_slack.remove_member(p.CHANNEL_SUP, p.BOT_USER)
    code, text = await doctor(settings(fake_slack))
    assert code == 1
    (line,) = lines_about(text, "supervisor channel C_SUP")
    assert line.startswith("FAIL") and "not a member" in line and "#support-leads" in line
    assert "/invite @undertone" in text
    fake_slack.add_member(p.CHANNEL_SUP, p.BOT_USER)
    code, text = await doctor(settings(fake_slack))
    assert code == 0
    (line,) = lines_about(text, "supervisor channel C_SUP")
    assert line.startswith("ok") and "member; internal" in line


async def test_a_supervisor_channel_shared_with_customers_is_a_blocker(
    fake_slack: FakeSlack,
) -> None:
    code, text = await doctor(settings(fake_slack, supervisor_channel=p.CHANNEL_SHARED))
    assert code == 1
    assert any("shared with another organisation" in ln for ln in lines_about(text, "FAIL"))


async def test_missing_scopes_are_named(fake_slack: FakeSlack) -> None:
    fake_slack.scopes = [s for s in fake_slack.scopes if s not in ("users:read", "chat:write")]
    code, text = await doctor(settings(fake_slack))
    assert code == 1
    (line,) = lines_about(text, "lacks scopes")
    assert "chat:write" in line and "users:read" in line


async def test_a_revoked_token_stops_the_slack_checks(fake_slack: FakeSlack) -> None:
    fake_slack.fail_next("auth.test", status=200, error="token_revoked")
    code, text = await doctor(settings(fake_slack))
    assert code == 1
    assert "auth.test failed: token_revoked" in text
    assert "supervisor channel C_SUP" not in text


async def test_missing_settings_are_blockers_that_say_where_to_find_the_value(
    fake_slack: FakeSlack,
) -> None:
    code, text = await doctor(
        settings(
            fake_slack, slack_bot_token=None, slack_signing_secret=None, supervisor_channel=None
        )
    )
    assert code == 1
    assert "SLACK_BOT_TOKEN is not set" in text and "OAuth & Permissions" in text
    assert "SLACK_SIGNING_SECRET is not set" in text and "Basic Information" in text
    assert "UNDERTONE_SUPERVISOR_CHANNEL is not set" in text


async def test_a_watched_support_channel_without_the_bot_is_a_blocker(
    fake_slack: FakeSlack,
) -> None:
    fake_slack.remove_member(p.CHANNEL_HELP, p.BOT_USER)
    code, text = await doctor(
        settings(fake_slack, support_channels=[p.CHANNEL_SHARED, p.CHANNEL_HELP])
    )
    assert code == 1
    assert lines_about(text, "support channel C_SHARED")[0].startswith("ok")
    assert lines_about(text, "support channel C_HELP")[0].startswith("FAIL")


async def test_without_configured_support_channels_it_lists_where_the_bot_listens(
    fake_slack: FakeSlack,
) -> None:
    code, text = await doctor(settings(fake_slack))
    (line,) = lines_about(text, "the bot watches")
    assert "2 channel(s) (1 Slack Connect)" in line and "C_SHARED" in line and "C_HELP" in line


async def test_a_real_redis_is_inspected_and_an_evicting_policy_is_a_blocker(
    fake_slack: FakeSlack, redis_url: str
) -> None:
    code, text = await doctor(settings(fake_slack, redis_url=redis_url))
    assert lines_about(text, "maxmemory-policy noeviction")[0].startswith("ok")
    (version,) = lines_about(text, "(needs 6.2+)")
    assert version.startswith("ok    Redis ")
    assert lines_about(text, "AOF is off")[0].startswith("warn")  # the test server has none
    raw = redis.Redis.from_url(redis_url)
    raw.config_set("maxmemory-policy", "allkeys-lru")
    try:
        code, text = await doctor(settings(fake_slack, redis_url=redis_url))
    finally:
        raw.config_set("maxmemory-policy", "noeviction")
        raw.close()
    assert code == 1
    assert lines_about(text, "maxmemory-policy is allkeys-lru")[0].startswith("FAIL")


async def test_an_unreachable_redis_is_a_blocker(fake_slack: FakeSlack) -> None:
    code, text = await doctor(settings(fake_slack, redis_url="redis://127.0.0.1:1/0"))
    assert code == 1
    assert lines_about(text, "cannot reach Redis")[0].startswith("FAIL")


@pytest.mark.parametrize(
    ("facts", "level", "words"),
    [
        (RedisFacts(True, version="6.0.16", aof=True, policy="noeviction"), "FAIL", "too old"),
        (RedisFacts(True, version="7.2.4", aof=True, policy="volatile-lru"), "FAIL", "evict"),
        (
            RedisFacts(True, version="7.2.4", aof=False, rdb_saves=True, policy="noeviction"),
            "warn",
            "only RDB snapshots",
        ),
        (
            RedisFacts(True, version="7.2.4", aof=True, policy="noeviction", maxmemory=0),
            "warn",
            "maxmemory is unlimited",
        ),
    ],
)
def test_redis_findings(facts: RedisFacts, level: str, words: str) -> None:
    found = Findings()
    judge_redis(facts, found)
    assert any(f.level == level and words in f.what for f in found), found


async def test_many_workspace_mode_needs_a_valid_encryption_key_and_redis(
    fake_slack: FakeSlack,
) -> None:
    oauth = {"slack_bot_token": None, "slack_client_id": "1.2", "slack_client_secret": "s"}
    code, text = await doctor(settings(fake_slack, **oauth, token_encryption_key="nope"))
    assert code == 1 and "must be Fernet keys" in text
    assert "many-workspace mode without REDIS_URL" in text
    from bot.stores.installations import TokenCipher

    code, text = await doctor(
        settings(fake_slack, **oauth, token_encryption_key=TokenCipher.new_key(), redis_url=None)
    )
    assert lines_about(text, "ENCRYPTION_KEY is a valid key")[0].startswith("ok")
