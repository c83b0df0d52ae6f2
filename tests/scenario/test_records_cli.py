"""`undertone report digest` and `undertone export` after a scripted week of threads.

A week is played through the real app (fake Slack, real redis-server, the bot's clock set to
the last week of November 2026); the commands then run as a separate process against the same
Redis, as a maintainer would run them.
"""

from __future__ import annotations

import asyncio
import csv
import io
import json
import os
import sys
from datetime import UTC, datetime
from pathlib import Path

from bot.fakeslack import payloads as p
from bot.flows import followup
from bot.stores.keys import ThreadRef
from tests.scenario.conftest import Bot

MONDAY = datetime(2026, 11, 23, 10, 0, tzinfo=UTC).timestamp()
DAY = 86400.0
ROOT = Path(__file__).resolve().parents[2]


async def undertone(redis_url: str, *args: str) -> tuple[int, str, str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith(("SLACK_", "UNDERTONE_"))}
    env |= {"REDIS_URL": redis_url, "PYTHONPATH": str(ROOT)}
    proc = await asyncio.create_subprocess_exec(
        sys.executable,
        "-m",
        "bot",
        *args,
        env=env,
        cwd=ROOT,
        stdout=asyncio.subprocess.PIPE,
        stderr=asyncio.subprocess.PIPE,
    )
    out, err = await proc.communicate()
    assert proc.returncode is not None
    return proc.returncode, out.decode(), err.decode()


async def play_week(bot: Bot) -> dict[str, str]:
    """Five threads on five days; returns thread name -> thread key."""
    say = bot.say
    bot.clock.now = MONDAY
    await say(p.CUSTOMER, "Hi, the invoice was charged twice, can you refund it?", thread="mon")
    await say(p.AGENT, "Per our policy refunds take 7 days.", thread="mon")
    await say(p.CUSTOMER, "Third time asking!! WHERE IS MY REFUND? Unacceptable.", thread="mon")
    await say(p.AGENT, "I'm so sorry, I understand. I'll confirm the refund by 3pm.", thread="mon")
    await say(p.CUSTOMER, "Okay, thanks.", thread="mon")
    await bot.drain()
    await bot.driver.post_event(
        p.reaction_added(
            "white_check_mark", user=p.AGENT, channel=p.CHANNEL_SHARED, ts=bot.parent("mon")
        )
    )
    await bot.drain()
    bot.clock.now = MONDAY + DAY
    await say(p.CUSTOMER, "Quick question: how do I export the audit log?", thread="tue")
    await say(p.AGENT, "Settings, Audit, Export. Done!", thread="tue")
    await say(p.CUSTOMER, "Perfect, thanks!", thread="tue")
    await bot.drain()
    bot.clock.now = MONDAY + 2 * DAY
    await say(
        p.CUSTOMER,
        "This is absurd, third outage this week. I want to speak to your manager now.",
        thread="wed",
    )
    await say(p.AGENT, "I'm sorry. A supervisor will join shortly.", thread="wed")
    await bot.drain()
    bot.clock.now = MONDAY + 3 * DAY
    await say(p.CUSTOMER, "Where is my replacement card?", thread="thu")
    await say(p.AGENT, "I'll update you within the hour.", thread="thu")
    await bot.drain()
    bot.clock.now = MONDAY + 4 * DAY
    await say(
        p.CUSTOMER,
        "Deploy failed on staging, can someone look?",
        thread="fri",
        channel=p.CHANNEL_HELP,
    )
    await say(p.AGENT, "On it, rerunning now.", thread="fri", channel=p.CHANNEL_HELP)
    await bot.drain()
    keys = {}
    for name in ("mon", "tue", "wed", "thu", "fri"):
        channel = p.CHANNEL_HELP if name == "fri" else p.CHANNEL_SHARED
        ref = ThreadRef(p.TEAM_OURS, channel, bot.parent(name, channel))
        keys[name] = ref.key
        if name in ("tue", "wed"):
            await followup.resolve(bot.services, ref, "button")
    bot.clock.now = MONDAY + 6 * DAY + 12 * 3600  # Sunday noon: thu and fri have gone quiet
    assert await followup.sweep_quiet(bot.services) == 2
    return keys


async def test_report_digest_and_export_match_the_week_played(
    bot: Bot, redis_url: str, tmp_path: Path
) -> None:
    keys = await play_week(bot)
    chart = tmp_path / "week.png"
    code, out, err = await undertone(
        redis_url, "report", "digest", "--days", "7", "--png", str(chart), "--until", "2026-11-30"
    )
    assert code == 0, err
    assert "Support digest, 2026-11-23 to 2026-11-29" in out
    assert "5 threads handled" in out
    assert "Alerts: manager request (high) 1" in out
    assert "Promises: 2 made, 1 went overdue" in out
    assert chart.read_bytes().startswith(b"\x89PNG") and "chart written" in err

    code, out, err = await undertone(
        redis_url, "export", "--since", "30d", "--until", "2026-12-01", "--format", "jsonl"
    )
    assert code == 0, err
    rows = [json.loads(line) for line in out.splitlines()]
    assert sorted(r["thread"] for r in rows) == sorted(keys.values()), "one row per thread"
    by_key = {r["thread"]: r for r in rows}
    by_day = {day: by_key[key] for day, key in keys.items()}
    assert by_day["mon"]["resolved_by"] == "reaction" and by_day["mon"]["recovered"] is True
    assert by_day["tue"]["peak_level"] == "calm" and by_day["tue"]["recovered"] is None
    assert by_day["wed"]["alert_cue"] == "manager_request"
    assert by_day["thu"]["resolved_by"] == "quiet" and by_day["thu"]["promises_overdue"] == 1
    assert by_day["fri"]["channel"] == p.CHANNEL_HELP
    assert all(r["agent"] == p.AGENT for r in rows)

    code, out, _ = await undertone(
        redis_url, "export", "--since", "2026-11-01", "--until", "2026-12-01", "--format", "csv"
    )
    table = list(csv.DictReader(io.StringIO(out)))
    assert code == 0 and [r["thread"] for r in table] == [r["thread"] for r in rows]
    assert table[0]["steps"].startswith("listen_acknowledge@")
    code, _, err = await undertone(redis_url, "export", "--since", "yesterday-ish")
    assert code == 2 and "not a date" in err
