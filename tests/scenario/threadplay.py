"""Plays a thread spec (tests/threads/*.yaml) through the running app and judges the effects
exactly as the acceptance probe does (`../shared/tools/probe/README.md`, "Threads").

Messages go out as Slack sends them (text escaped, links wrapped, `rich_text` blocks with code
fences as preformatted sections), one at a time, with the bot's clock moved by the message's
`delay` (or the probe's default gap) and the worker drained after each, so every effect is
credited to the message that caused it. After the last message the clock moves on by the probe's
settle time and the worker takes one more round.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, field
from typing import Any

from bot.fakeslack import payloads as p
from bot.fakeslack.server import Call
from tests.corpus import Message, ThreadSpec
from tests.scenario.conftest import Bot

GAP_SECONDS = 1.0  # the probe's default pause between messages without a `delay`
SETTLE_SECONDS = 8.0  # the probe's default time a bot may still act after the last message
QUOTE_CHARS = 30  # a verbatim quote this long attributes a ping to its thread

CUSTOMER_2 = "U_CUST2"
AGENT_2 = "U_AGENT2"
# The probe's identities, as the test workspace knows them.
USERS = {"U0CUST1": p.CUSTOMER, "U0CUST2": CUSTOMER_2, "U0AGENT1": p.AGENT, "U0AGENT2": AGENT_2}
CUSTOMER_IDS = {p.CUSTOMER, CUSTOMER_2}


# ---- what Slack delivers for what a person typed ----------------------------------------------

_MARKUP = re.compile(r"<(?:[@#!][^>\s]*|(?:https?|mailto):[^>\s]*)>")
_BARE_URL = re.compile(r"(?<![<|\w])https?://[^\s<>|]+")
_BARE_EMAIL = re.compile(r"(?<![<|:\w.])[\w.+-]+@[\w-]+(?:\.[\w-]+)+")
_INLINE = re.compile(r"<@(\w+)>|<((?:https?|mailto):[^>|]+)(?:\|([^>]*))?>|:([a-z0-9_+-]+):")


def _escape(s: str) -> str:
    return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def _with_our_ids(text: str) -> str:
    for probe_id, ours in USERS.items():
        text = text.replace(f"<@{probe_id}>", f"<@{ours}>")
    return text


def _linkify(prose: str) -> str:
    def url(m: re.Match[str]) -> str:
        link, tail = m.group(0), ""
        while link and link[-1] in ".,;:!?)'\"":
            link, tail = link[:-1], link[-1] + tail
        return f"<{link}>{tail}"

    prose = _BARE_URL.sub(url, prose)
    return _BARE_EMAIL.sub(lambda m: f"<mailto:{m.group(0)}|{m.group(0)}>", prose)


def _segments(typed: str) -> list[tuple[bool, str]]:
    """[(is_code, text)]: ``` fences split code from prose; prose gets its links wrapped."""
    parts = _with_our_ids(typed).split("```")
    return [(i % 2 == 1, part if i % 2 else _linkify(part)) for i, part in enumerate(parts)]


def slack_text(typed: str) -> str:
    """The event's `text`: &<> escaped except Slack's own markup, links wrapped, fences kept."""
    out = []
    for code, part in _segments(typed):
        if code:
            out.append(_escape(part))
            continue
        pieces, pos = [], 0
        for m in _MARKUP.finditer(part):
            pieces += [_escape(part[pos : m.start()]), m.group(0)]
            pos = m.end()
        out.append("".join(pieces) + _escape(part[pos:]))
    return "```".join(out)


def rich_text(typed: str) -> list[dict[str, Any]]:
    """The `rich_text` block a Slack client sends: fences as preformatted, emoji, links, users."""
    elements: list[dict[str, Any]] = []
    for code, part in _segments(typed):
        if not part:
            continue
        if code:
            text = {"type": "text", "text": part.strip("\n")}
            elements.append({"type": "rich_text_preformatted", "border": 0, "elements": [text]})
            continue
        inline: list[dict[str, Any]] = []
        pos = 0
        for m in _INLINE.finditer(part):
            if m.start() > pos:
                inline.append({"type": "text", "text": part[pos : m.start()]})
            if m.group(1):
                inline.append({"type": "user", "user_id": m.group(1)})
            elif m.group(2):
                link = {"type": "link", "url": m.group(2)} | (
                    {"text": m.group(3)} if m.group(3) else {}
                )
                inline.append(link)
            else:
                inline.append({"type": "emoji", "name": m.group(4)})
            pos = m.end()
        if pos < len(part):
            inline.append({"type": "text", "text": part[pos:]})
        if inline:
            elements.append({"type": "rich_text_section", "elements": inline})
    return [{"type": "rich_text", "block_id": f"rt{len(typed)}", "elements": elements}]


# ---- playing a thread ------------------------------------------------------------------------


@dataclass
class Played:
    """A thread as sent: its messages' ts and where each one falls in the fake's call log."""

    spec: ThreadSpec
    ts: list[str] = field(default_factory=list)
    sent_at: list[int] = field(default_factory=list)  # len(slack.calls) when message i+1 was sent
    users: list[str] = field(default_factory=list)

    def after_message(self, call_index: int) -> int:
        """Number of the last message sent before the call with this index."""
        return sum(1 for mark in self.sent_at if mark <= call_index)


def _canon(s: str) -> str:
    s = s.replace("&lt;", "<").replace("&gt;", ">").replace("&amp;", "&")
    return re.sub(r"\s+", " ", s.replace("<", "").replace(">", "")).strip().lower()


def _strings(value: Any) -> list[str]:
    if isinstance(value, str):
        try:
            decoded = json.loads(value) if value[:1] in "[{" else None
        except ValueError:
            decoded = None
        return _strings(decoded) if decoded is not None else [value]
    if isinstance(value, dict):
        return [s for v in value.values() for s in _strings(v)]
    if isinstance(value, list | tuple):
        return [s for v in value for s in _strings(v)]
    return [] if value is None else [str(value)]


async def play(bot: Bot, spec: ThreadSpec) -> Played:
    slack = bot.slack
    for user, team in ((CUSTOMER_2, p.TEAM_CUST), (AGENT_2, p.TEAM_OURS)):
        slack.add_user(user, team, user.lower())
        slack.add_member(p.CHANNEL_SHARED, user)
    played = Played(spec)
    for message in spec.messages:
        if message.number > 1:
            bot.clock.advance(GAP_SECONDS if message.delay is None else message.delay)
        await send(bot, played, message)
        await bot.drain()
    bot.clock.advance(SETTLE_SECONDS)
    await bot.worker.reclaim()
    await bot.drain()
    return played


async def send(bot: Bot, played: Played, message: Message) -> None:
    user = USERS[message.user]
    ts = p.next_ts(bot.clock.now)
    parent = played.ts[0] if played.ts else None
    envelope = p.message_event(
        text=slack_text(message.text),
        user=user,
        ts=ts,
        thread_ts=parent,
        parent_user_id=played.users[0] if played.users else None,
        user_team=p.TEAM_CUST if user in CUSTOMER_IDS else p.TEAM_OURS,
    )
    envelope["event"]["blocks"] = rich_text(message.text)
    played.ts.append(ts)
    played.users.append(user)
    played.sent_at.append(len(bot.slack.calls))
    response = await bot.driver.post_event(envelope)
    assert response.status == 200, f"message {message.number} answered {response.status}"


# ---- judging, as the probe does --------------------------------------------------------------


def whispers(calls: list[Call], played: Played) -> list[tuple[int, Call]]:
    """Ephemerals in the thread, to anyone, with their index in the call log."""
    return [
        (i, c)
        for i, c in enumerate(calls)
        if c.method == "chat.postEphemeral" and c.ok and c.params.get("thread_ts") in played.ts
    ]


def pings(calls: list[Call], played: Played) -> list[tuple[int, Call]]:
    """Supervisor-channel posts that name the thread: a ts, a permalink id or a quote."""
    tokens = set(played.ts) | {"p" + ts.replace(".", "") for ts in played.ts}
    quotes = []
    for message in played.spec.messages:
        if message.who == "customer":
            quote = _canon(slack_text(message.text).replace("```", " "))
            if len(quote) >= QUOTE_CHARS:
                quotes.append(quote[:QUOTE_CHARS])
    found = []
    for i, c in enumerate(calls):
        if c.method != "chat.postMessage" or not c.ok or c.params.get("channel") != p.CHANNEL_SUP:
            continue
        text = _canon(" ".join(_strings({k: v for k, v in c.params.items() if k != "token"})))
        if any(t in text for t in tokens) or any(q in text for q in quotes):
            found.append((i, c))
    return found


def describe(played: Played, effects: list[tuple[int, Call]]) -> str:
    where = sorted({played.after_message(i) for i, _ in effects})
    first = effects[0][1].params
    snippet = " ".join(str(first.get("text") or "").split())[:70]
    return f"after msg {', '.join(map(str, where))}: {snippet!r}"


def judge(calls: list[Call], played: Played) -> list[str]:
    """What is wrong with the effects in `calls` for this thread's expectation (empty: passed)."""
    spec, exp = played.spec, played.spec.expect
    problems: list[str] = []
    in_thread = whispers(calls, played)
    agents = {u for u, m in zip(played.users, spec.messages, strict=True) if m.who == "agent"}
    to_agents = [(i, c) for i, c in in_thread if c.params.get("user") in agents]
    if exp.whisper == "yes":
        start = played.sent_at[exp.whisper_from - 1]
        if not [(i, c) for i, c in to_agents if i >= start]:
            why = f"no whisper to the agent at or after msg {exp.whisper_from}"
            if to_agents:
                why += f" (only earlier, {describe(played, to_agents)})"
            problems.append(why)
    elif exp.whisper == "no" and in_thread:
        problems.append(f"unexpected whisper {describe(played, in_thread)}")
    sent = pings(calls, played)
    if exp.escalate == "yes":
        by = exp.escalate_by
        if not sent:
            problems.append("no supervisor ping" + (f" (expected by msg {by})" if by else ""))
        elif by is not None and by < len(spec.messages) and sent[0][0] >= played.sent_at[by]:
            late = played.after_message(sent[0][0])
            problems.append(f"ping too late: after msg {late}, expected by msg {by}")
    elif exp.escalate == "no" and sent:
        problems.append(f"unexpected supervisor ping {describe(played, sent)}")
    return problems
