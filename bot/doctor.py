"""`undertone doctor`: is this installation ready? Settings, the Slack app (token, scopes, the
bot's channels) and Redis, each finding with what to do about it. Exit 1 on any blocker.

It only reads: it never posts, joins a channel or writes to Redis.
"""

from __future__ import annotations

import asyncio
from collections.abc import Awaitable, Callable
from dataclasses import dataclass
from typing import Literal, TextIO, TypeVar

from bot import __version__
from bot.config import Settings
from bot.slack import workspace
from bot.slack.client import make_web_client
from bot.slack.scopes import BOT_SCOPES
from bot.stores.health import MIN_VERSION, RedisFacts, redis_facts
from bot.stores.store import Store

Level = Literal["ok", "warn", "FAIL"]
T = TypeVar("T")


@dataclass(frozen=True, slots=True)
class Finding:
    level: Level
    topic: str
    what: str
    fix: str = ""


class Findings(list[Finding]):
    def ok(self, topic: str, what: str) -> None:
        self.append(Finding("ok", topic, what))

    def warn(self, topic: str, what: str, fix: str) -> None:
        self.append(Finding("warn", topic, what, fix))

    def fail(self, topic: str, what: str, fix: str) -> None:
        self.append(Finding("FAIL", topic, what, fix))


def check_settings(settings: Settings, out: Findings) -> None:
    token = settings.secret("slack_bot_token")
    oauth = settings.oauth_enabled
    if oauth:
        out.ok("settings", "many-workspace mode: bot tokens come from OAuth installs")
        check_encryption_key(settings, out)
    elif not token:
        out.fail(
            "settings",
            "SLACK_BOT_TOKEN is not set",
            "copy the Bot User OAuth Token (xoxb-...) from the app's OAuth & Permissions page",
        )
    elif not token.startswith(("xoxb-", "xoxe.xoxb-")):
        out.fail(
            "settings",
            "SLACK_BOT_TOKEN is not a bot token (it should start with xoxb-)",
            "use the Bot User OAuth Token, not a user (xoxp-) or app-level (xapp-) token",
        )
    else:
        out.ok("settings", "SLACK_BOT_TOKEN is set")
    if settings.secret("slack_signing_secret"):
        out.ok("settings", "SLACK_SIGNING_SECRET is set")
    else:
        out.fail(
            "settings",
            "SLACK_SIGNING_SECRET is not set: `serve` cannot verify Slack's requests",
            "copy the Signing Secret from the app's Basic Information page",
        )
    if settings.supervisor_channel:
        out.ok("settings", f"supervisor channel is {settings.supervisor_channel}")
    else:
        out.fail(
            "settings",
            "UNDERTONE_SUPERVISOR_CHANNEL is not set: escalation pings have nowhere to go",
            "set it to the id (C...) of an internal channel; see docs/install.md, 'Find ids'",
        )
    if not (settings.agent_user_ids or settings.agent_usergroup):
        out.warn(
            "settings",
            "no agents configured: in internal (non-Slack Connect) channels everyone counts "
            "as a customer, so nobody there gets hints",
            "set UNDERTONE_AGENT_USER_IDS or UNDERTONE_AGENT_USERGROUP (Slack Connect channels "
            "need neither)",
        )
    if settings.redis_url:
        out.ok("settings", "REDIS_URL is set")
    else:
        out.warn(
            "settings",
            "REDIS_URL is not set: the embedded store lives inside one process and is lost "
            "on restart",
            "fine for one `serve` process with in-process workers; set REDIS_URL before running "
            "a second replica or `undertone worker` (they would not see each other's work)",
        )


def check_encryption_key(settings: Settings, out: Findings) -> None:
    from bot.stores.installations import TokenCipher

    if not settings.redis_url:
        out.fail(
            "settings",
            "many-workspace mode without REDIS_URL: installations would be lost on restart",
            "set REDIS_URL",
        )
    key = settings.secret("token_encryption_key")
    fix = "`undertone keygen` prints one; keep it in your secret store (lost key: reinstall)"
    if not key:
        out.fail(
            "settings", "UNDERTONE_TOKEN_ENCRYPTION_KEY is not set: tokens cannot be stored", fix
        )
        return
    try:
        TokenCipher(key)
    except ValueError as exc:
        out.fail("settings", str(exc), fix)
        return
    out.ok("settings", "UNDERTONE_TOKEN_ENCRYPTION_KEY is a valid key")


def check_phrasebook(settings: Settings, out: Findings) -> None:
    from phrasebook import load_phrasebook

    try:
        load_phrasebook(settings.phrasebook_dir)
    except Exception as exc:  # the loader's message names file, line and problem
        out.fail(
            "settings",
            f"the phrasebook does not load: {str(exc).splitlines()[0][:200]}",
            "run `undertone phrasebook check DIR` and fix what it reports",
        )
        return
    where = settings.phrasebook_dir or "the shipped defaults"
    out.ok("settings", f"phrasebook loads ({where})")


def _routes(settings: Settings) -> dict[str, str]:
    """Support channel -> supervisor channel routes of the team phrasebook (empty if it fails)."""
    from phrasebook import load_phrasebook

    try:
        return dict(load_phrasebook(settings.phrasebook_dir).escalation.routes)
    except Exception:
        return {}


async def _bounded(call: Awaitable[T], timeout: float, fallback: Callable[[str], T]) -> T:
    try:
        return await asyncio.wait_for(call, timeout)
    except TimeoutError:
        return fallback("timeout")


def _judge_internal(c: workspace.ChannelFacts, role: str, out: Findings) -> None:
    """A channel the bot posts visible messages into: it must exist, hold the bot, be internal."""
    if not c.found:
        hint = (
            " (a private channel the bot is not in looks the same)"
            if c.error == "channel_not_found"
            else ""
        )
        out.fail(
            "slack",
            f"{role} {c.label}: Slack says {c.error}{hint}",
            "check the channel id (docs/install.md, 'Find ids') and invite the bot: "
            "/invite @undertone in that channel",
        )
        return
    if c.is_shared:
        out.fail(
            "slack",
            f"{role} {c.label} is shared with another organisation: pings there would reach "
            "outsiders (the leak guard refuses to post them)",
            "use a channel only your own team can read",
        )
    if not c.is_member:
        out.fail(
            "slack",
            f"{role} {c.label}: the bot is not a member, so pings cannot be posted there",
            f"in Slack, open #{c.name or c.id} and type /invite @undertone",
        )
    if c.is_member and not c.is_shared:
        out.ok("slack", f"{role} {c.label}: the bot is a member; internal")


async def check_slack(settings: Settings, out: Findings, timeout: float) -> None:
    token = settings.secret("slack_bot_token")
    if not token:
        if settings.oauth_enabled:
            out.ok("slack", "per-workspace checks: run the doctor with SLACK_BOT_TOKEN set to one")
        return
    client = make_web_client(token, settings.slack_api_url)
    facts = await _bounded(
        workspace.token_facts(client), timeout, lambda e: workspace.TokenFacts(ok=False, error=e)
    )
    if not facts.ok:
        out.fail(
            "slack",
            f"auth.test failed: {facts.error} (the token is wrong, revoked, or Slack is "
            f"unreachable at {settings.slack_api_url})",
            "reinstall the app to the workspace and copy the new Bot User OAuth Token",
        )
        return
    out.ok(
        "slack", f"token valid: team {facts.team_id} ({facts.team}), bot user {facts.bot_user_id}"
    )
    if facts.scopes is None:
        out.warn("slack", "Slack did not say which scopes the token has", "")
    else:
        missing = [s for s in BOT_SCOPES if s not in facts.scopes]
        if missing:
            out.fail(
                "slack",
                f"the token lacks scopes the app needs: {', '.join(missing)}",
                "add them under OAuth & Permissions (or recreate the app from "
                "deploy/slack/manifest.yaml), then reinstall the app",
            )
        else:
            out.ok("slack", f"scopes: all {len(BOT_SCOPES)} the manifest asks for")

    def absent(e: str) -> workspace.ChannelFacts:
        return workspace.ChannelFacts(id="?", found=False, error=e)

    internal: dict[str, str] = {}
    if settings.supervisor_channel:
        internal[settings.supervisor_channel] = "supervisor channel"
    for source, target in sorted(_routes(settings).items()):
        internal.setdefault(target, f"supervisor channel (route for {source})")
    for channel, role in internal.items():
        facts_c = await _bounded(workspace.channel_facts(client, channel), timeout, absent)
        _judge_internal(facts_c if facts_c.id != "?" else absent(facts_c.error), role, out)

    if settings.support_channels:
        for channel in settings.support_channels:
            c = await _bounded(workspace.channel_facts(client, channel), timeout, absent)
            if not c.found or not c.is_member:
                out.fail(
                    "slack",
                    f"support channel {c.label if c.found else channel}: "
                    f"{'the bot is not a member' if c.found else 'Slack says ' + c.error}; "
                    "its messages never reach Undertone",
                    "invite the bot there: /invite @undertone",
                )
            else:
                kind = "Slack Connect" if c.is_shared else "internal"
                out.ok("slack", f"support channel {c.label}: the bot is a member ({kind})")
        return
    joined = await _bounded(
        workspace.bot_channels(client, facts.bot_user_id),
        timeout,
        lambda e: workspace.Memberships(ok=False, error=e),
    )
    if not joined.ok:
        out.warn("slack", f"could not list the bot's channels: {joined.error}", "")
        return
    watched = [c for c in joined.channels if c.id not in internal]
    if not watched:
        out.warn(
            "slack",
            "the bot is in no support channel, so it hears no customer",
            "invite it to each support channel: /invite @undertone",
        )
    else:
        shared = sum(c.is_shared for c in watched)
        out.ok(
            "slack",
            f"the bot watches {len(watched)} channel(s) ({shared} Slack Connect): "
            + ", ".join(c.label for c in watched[:8])
            + (" ..." if len(watched) > 8 else ""),
        )


def judge_redis(facts: RedisFacts, out: Findings) -> None:
    if facts.embedded:
        return  # said under settings
    if not facts.reachable:
        out.fail("redis", f"cannot reach Redis: {facts.error}", "check REDIS_URL and the network")
        return
    wanted = ".".join(map(str, MIN_VERSION))
    if facts.version and facts.version_tuple < MIN_VERSION:
        out.fail(
            "redis",
            f"Redis {facts.version} is too old: Undertone needs {wanted}+ (XAUTOCLAIM)",
            f"upgrade to Redis {wanted} or newer (7.x recommended)",
        )
    elif facts.version:
        out.ok("redis", f"Redis {facts.version} (needs {wanted}+)")
    if facts.aof:
        out.ok("redis", "persistence: append-only file on")
    elif facts.aof is False:
        rdb = " only RDB snapshots:" if facts.rdb_saves else ""
        out.warn(
            "redis",
            f"persistence:{rdb} AOF is off, so a Redis restart can lose messages already "
            "acknowledged to Slack",
            "set `appendonly yes` (appendfsync everysec) in redis.conf",
        )
    else:
        out.warn("redis", "persistence unknown (INFO persistence not available)", "")
    if facts.policy and facts.policy != "noeviction":
        out.fail(
            "redis",
            f"maxmemory-policy is {facts.policy}: under memory pressure Redis would evict "
            "queued messages and thread state",
            "set `maxmemory-policy noeviction` (writes then fail and Slack retries)",
        )
    elif facts.policy:
        out.ok("redis", "maxmemory-policy noeviction")
    if facts.maxmemory == 0:
        out.warn(
            "redis",
            "maxmemory is unlimited: the host, not Redis, decides when memory runs out",
            "set `maxmemory` below the memory the host or container gives Redis",
        )


async def check_redis(settings: Settings, out: Findings, timeout: float) -> None:
    if not settings.redis_url:
        return
    store = Store.from_url(settings.redis_url, cluster=settings.redis_cluster)
    try:
        judge_redis(await redis_facts(store, timeout), out)
    finally:
        await store.close()


def report(findings: Findings, stream: TextIO) -> int:
    """Print the findings by topic; exit status 1 when any is a blocker."""
    topic = ""
    for f in findings:
        if f.topic != topic:
            topic = f.topic
            stream.write(f"{topic}\n")
        stream.write(f"  {f.level:<4}  {f.what}\n")
        if f.fix:
            stream.write(f"        fix: {f.fix}\n")
    blockers = sum(f.level == "FAIL" for f in findings)
    warnings = sum(f.level == "warn" for f in findings)
    verdict = "not ready" if blockers else "ready"
    stream.write(f"undertone doctor: {verdict}: {blockers} blocker(s), {warnings} warning(s)\n")
    return 1 if blockers else 0


async def run_doctor(settings: Settings, stream: TextIO, *, timeout: float = 10.0) -> int:
    stream.write(f"undertone doctor {__version__}\n")
    findings = Findings()
    check_settings(settings, findings)
    check_phrasebook(settings, findings)
    await check_slack(settings, findings, timeout)
    await check_redis(settings, findings, timeout)
    return report(findings, stream)
