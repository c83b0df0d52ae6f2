"""`undertone demo`: the real app over HTTP against a built-in fake Slack, with the embedded store.

Plays a few realistic support threads as signed Slack requests and prints, in the terminal, what
the agent (private whispers) and the supervisor (pings) would see.
Needs no Slack account and no Redis.
"""

from __future__ import annotations

import re
import secrets
import textwrap
import time
from dataclasses import dataclass
from typing import Any

from aiohttp import web

from bot.app import create_web_app
from bot.config import Settings
from bot.fakeslack import payloads as p
from bot.fakeslack.driver import SlackDriver
from bot.fakeslack.server import FakeSlack
from bot.record import ThreadRecord
from bot.services import Services, build_services
from bot.stores.keys import ThreadRef
from bot.worker import StreamWorker

_SLACK_DATE = re.compile(r"<!date\^\d+\^[^|>]*\|([^>]*)>")
NAMES = {
    p.AGENT: "Dana (agent)",
    p.CUSTOMER: "Chris @ Acme",
    p.SUPERVISOR: "Sam (supervisor)",
    "customer (simulated)": "Practice customer",
}
WIDTH = 100
MINUTES_BETWEEN_MESSAGES = 4


@dataclass(frozen=True, slots=True)
class Line:
    user: str
    text: str


THREADS: list[tuple[str, str, list[Line]]] = [
    (
        "A refund that keeps slipping",
        p.CHANNEL_SHARED,
        [
            Line(
                p.CUSTOMER,
                "Hi, we were charged twice for the March invoice (INV-2291). Can you refund the "
                "duplicate charge please?",
            ),
            Line(
                p.AGENT,
                "Thanks for reaching out. Per our policy, refunds take 5-7 business days once "
                "approved.",
            ),
            Line(
                p.CUSTOMER,
                "That doesn't answer my question. Has the refund been approved or not? This is the "
                "second time I'm asking.",
            ),
            Line(p.AGENT, "As I already said, refunds take 5-7 business days."),
            Line(
                p.CUSTOMER,
                "This is ridiculous. Third time now: WHERE IS MY REFUND??? Nobody has told us "
                "anything in two weeks.",
            ),
            Line(
                p.AGENT,
                "I'm really sorry, I understand how frustrating this is. Let me check with "
                "billing.",
            ),
            Line(
                p.CUSTOMER,
                "If this isn't sorted by Friday we will cancel our contract. I want to speak "
                "to your manager.",
            ),
        ],
    ),
    (
        "A calm how-to question",
        p.CHANNEL_SHARED,
        [
            Line(p.CUSTOMER, "Quick question: how do I export the audit log to CSV?"),
            Line(p.AGENT, "Settings → Audit → Export, then pick CSV. It covers the last 90 days."),
            Line(p.CUSTOMER, "Perfect, that worked. Thanks!"),
        ],
    ),
    (
        "An internal help request with a quoted log",
        p.CHANNEL_HELP,
        [
            Line(
                p.CUSTOMER,
                "Deploy failed on staging, log below. Could someone take a look when you get a "
                "chance?\n```FATAL: worker killed (OOM)\nERROR job failed: exit 137```",
            ),
            Line(
                p.AGENT,
                "On it: the worker hit its memory limit; I'll bump it and rerun within the hour.",
            ),
            Line(p.CUSTOMER, "Not bad at all, thanks for the quick turnaround :raised_hands:"),
        ],
    ),
]


def plain(message: dict[str, Any]) -> list[str]:
    """Readable lines of a Block Kit message (falls back to its text)."""
    lines: list[str] = []
    for block in message.get("blocks") or []:
        kind = block.get("type")
        if kind in ("section", "header") and block.get("text"):
            lines += str(block["text"].get("text", "")).splitlines()
        for field in block.get("fields") or []:
            lines += str(field.get("text", "")).splitlines()
        if kind == "context":
            lines += [str(e.get("text", "")) for e in block.get("elements") or [] if e.get("text")]
        if kind == "actions":
            labels = [
                str((e.get("text") or {}).get("text", "")) for e in block.get("elements") or []
            ]
            lines.append("[ " + " ] [ ".join(labels) + " ]")
    lines = [_SLACK_DATE.sub(r"\1", ln) for ln in lines]  # dates as their fallback text
    return [ln for ln in lines if ln.strip()] or [str(message.get("text", ""))]


class Demo:
    """Owns the fake Slack, the app under test and the output."""

    def __init__(self, quiet: bool) -> None:
        self.quiet = quiet
        self.slack = FakeSlack()
        self.secret = secrets.token_hex(16)
        self.seen_calls = 0
        self.counts = {"customer_messages": 0, "whispers": 0, "pings": 0, "leaks": 0}
        self.now = time.time()  # simulated: each message comes a few minutes after the last
        self.parents: list[str] = []  # the played threads' parent ts
        self.records = 0
        self.dm_seen = 0

    def clock(self) -> float:
        return self.now

    def say(self, text: str = "") -> None:
        if not self.quiet:
            print(text)

    async def run(self) -> int:
        await self.slack.start()
        self.slack.add_default_directory()
        settings = Settings(
            slack_bot_token="xoxb-demo-token",
            slack_signing_secret=self.secret,
            slack_api_url=self.slack.api_url,
            supervisor_channel=p.CHANNEL_SUP,
            agent_user_ids=[p.AGENT],
            workers=0,
        )
        services = build_services(settings, clock=self.clock)
        runner = web.AppRunner(create_web_app(services, workers=0), access_log=None)
        await runner.setup()
        await web.TCPSite(runner, "127.0.0.1", 0).start()
        port = int(runner.addresses[0][1])
        driver = SlackDriver(f"http://127.0.0.1:{port}", self.secret)
        worker = StreamWorker(services, "demo", block_ms=50)
        try:
            print(
                f"Undertone demo: the real app on http://127.0.0.1:{port}/slack/events, "
                f"a fake Slack on "
                f"{self.slack.url}, the embedded store.\n"
            )
            for title, channel, lines in THREADS:
                await self.play(driver, worker, services, title, channel, lines)
            await self.follow_through(driver, worker, services)
            await self.practice(driver, worker)
            await self.extras(driver, worker)
        finally:
            await runner.cleanup()
            await self.slack.stop()
        self.summary()
        return 0 if self.counts["leaks"] == 0 else 1

    async def play(
        self,
        driver: SlackDriver,
        worker: StreamWorker,
        services: Services,
        title: str,
        channel: str,
        lines: list[Line],
    ) -> None:
        shared = channel == p.CHANNEL_SHARED
        where = (
            "#ext-acme (Slack Connect, shared with Acme)" if shared else "#support-help (internal)"
        )
        self.say(f"━━ {title} · {where} " + "━" * max(0, WIDTH - len(title) - len(where) - 6))
        parent = None
        for line in lines:
            self.now += MINUTES_BETWEEN_MESSAGES * 60
            ts = p.next_ts(self.now)
            if parent is None:
                self.parents.append(ts)
            parent = parent or ts
            team = p.TEAM_CUST if (line.user == p.CUSTOMER and shared) else p.TEAM_OURS
            envelope = p.message_event(
                text=line.text,
                user=line.user,
                channel=channel,
                ts=ts,
                thread_ts=None if ts == parent else parent,
                user_team=team,
            )
            response = await driver.post_event(envelope)
            await self.drain(worker)
            self.show_message(line)
            if response.status != 200:
                self.say(f"   !! Slack got HTTP {response.status}")
            if line.user == p.CUSTOMER:
                self.counts["customer_messages"] += 1
                await self.show_reading(services, ThreadRef(p.TEAM_OURS, channel, parent))
            self.show_new_calls()
        self.say()

    async def drain(self, worker: StreamWorker) -> None:
        while await worker.run_once() + await worker.drain_deliveries():
            pass

    def show_message(self, line: Line) -> None:
        who = NAMES.get(line.user, line.user)
        body = textwrap.wrap(" ".join(line.text.split()), WIDTH - 24) or [""]
        self.say(f" {who:<18} │ {body[0]}")
        for more in body[1:]:
            self.say(f" {'':<18} │ {more}")

    async def show_reading(self, services: Services, ref: ThreadRef) -> None:
        doc = (await services.store.load_thread(ref)).doc
        summary = ThreadRecord.from_json(doc).summary
        last = summary.get("last") or {}
        why = ", ".join(s[1] for s in (last.get("signals") or [])[:3]) or "no frustration signals"
        cues = ", ".join(c[0] for c in last.get("cues") or [])
        self.say(
            f" {'':<18} │   ↳ frustration {summary.get('score', 0):.2f} · {summary.get('level')} · "
            f"{summary.get('trend')} — {why}" + (f" · cues: {cues}" if cues else "")
        )

    def show_new_calls(self) -> None:
        calls = self.slack.calls[self.seen_calls :]
        self.seen_calls = len(self.slack.calls)
        for call in calls:
            if not call.ok:
                continue
            params = call.params
            if call.method == "chat.postEphemeral":
                self.counts["whispers"] += 1
                who = NAMES.get(str(params.get("user")), str(params.get("user")))
                self.box(f"whisper to {who}, only they see it, in the thread", plain(params), "┆")
            elif call.method in ("chat.postMessage", "chat.update"):
                channel = str(params.get("channel"))
                if channel == p.CHANNEL_SHARED:
                    self.counts["leaks"] += 1
                if channel == p.CHANNEL_SUP:
                    self.counts["pings"] += call.method == "chat.postMessage"
                    verb = "ping" if call.method == "chat.postMessage" else "ping updated"
                    self.box(f"{verb} in #support-leads (internal)", plain(params), "⚑")

    def box(self, title: str, lines: list[str], mark: str) -> None:
        self.say(f" {'':<18} │   {mark} {title}")
        for ln in lines[:14]:
            for part in textwrap.wrap(ln, WIDTH - 28) or [""]:
                self.say(f" {'':<18} │   {mark}   {part}")

    async def follow_through(
        self, driver: SlackDriver, worker: StreamWorker, services: Services
    ) -> None:
        """A promise that comes due unanswered, then a thread resolved with a check mark."""
        self.say("━━ Follow-through: a promise comes due " + "━" * (WIDTH - 39))
        lines = [
            Line(p.CUSTOMER, "Our SSO login fails for every user since this morning. Any ETA?"),
            Line(p.AGENT, "Sorry about that, I'm on it. I'll update you within the hour."),
        ]
        parent = None
        for line in lines:
            self.now += MINUTES_BETWEEN_MESSAGES * 60
            ts = p.next_ts(self.now)
            parent = parent or ts
            team = p.TEAM_CUST if line.user == p.CUSTOMER else p.TEAM_OURS
            await driver.post_event(
                p.message_event(
                    text=line.text,
                    user=line.user,
                    ts=ts,
                    user_team=team,
                    thread_ts=None if ts == parent else parent,
                )
            )
            await self.drain(worker)
            self.show_message(line)
            self.show_new_calls()
        self.now += 61 * 60
        await self.drain(worker)
        self.say(f" {'':<18} │   … an hour later, nothing posted in the thread:")
        self.show_new_calls()
        self.say()
        self.say("━━ Document and learn: a thread resolved with ✅ " + "━" * (WIDTH - 50))
        first = self.parents[0]
        envelope = p.reaction_added(
            "white_check_mark", user=p.AGENT, channel=p.CHANNEL_SHARED, ts=first
        )
        await driver.post_event(envelope)
        await self.drain(worker)
        rows = await services.store.records.between(0, float("inf"))
        record = next((r for r in rows if r["thread_ts"] == first), None)
        if record is not None:
            self.records += 1
            steps = ", ".join(f"{s['step']} (+{s['after_minutes']:g} min)" for s in record["steps"])
            facts = [
                f"peak {record['peak_level']} ({record['peak_score']}), final "
                f"{record['final_level']}, hot for {record['hot_minutes']:g} min, recovered: "
                f"{record['recovered']}",
                f"cues: {', '.join(record['cues']) or 'none'}; alert: {record['alert_tier']} "
                f"{record['alert_cue']} ({record['alert_outcome'] or 'none'})",
                f"steps: {steps or 'none'}",
                f"slips: {', '.join(record['slips']) or 'none'}; hints sent "
                f"{record['hints_sent']}; first reply after {record['first_reply_minutes']} min",
                f'evidence kept: "{record["evidence"]}" (scores, ids and this one quote only)',
            ]
            self.box("after-thread record (undertone export prints these)", facts, "▤")
        self.say()

    async def practice(self, driver: SlackDriver, worker: StreamWorker) -> None:
        """A short practice round in the agent's DM: one poor reply, two good ones."""
        self.say("━━ Practice: /playbook practice indignant (a DM with Undertone) " + "━" * 36)
        command = p.slash_command(
            command="/playbook",
            text="practice indignant",
            user=p.AGENT,
            channel=p.CHANNEL_HELP,
            response_url=self.slack.response_url("demo-practice"),
        )
        await driver.post_command(command)
        await self.slack.wait_for(lambda: self.slack.posts_to("demo-practice"))
        self.show_dm()
        for text in (
            "Per our policy we have to wait for the carrier.",
            "I'm so sorry, you're right to be upset. That sounds really frustrating.",
            "I'll ship a replacement today with tracking by 5pm, or would you prefer a refund?",
        ):
            self.now += 60
            envelope = p.message_event(
                text=text,
                user=p.AGENT,
                channel=f"D_{p.AGENT}",
                ts=p.next_ts(self.now),
                channel_type="im",
                is_ext_shared_channel=False,
            )
            await driver.post_event(envelope)
            await self.drain(worker)
            self.show_message(Line(p.AGENT, text))
            self.show_dm()
        self.say()

    def show_dm(self) -> None:
        """Undertone's new messages in the agent's DM (practice rounds)."""
        dm = self.slack.messages_in(f"D_{p.AGENT}")
        for message in dm[self.dm_seen :]:
            text = str(message.text or "")
            if text.startswith(":bust_in_silhouette:"):
                self.show_message(Line("customer (simulated)", text.split("*Customer:*", 1)[-1]))
            else:
                self.box("in the DM, only the agent sees it", text.splitlines(), "┆")
        self.dm_seen = len(dm)
        self.seen_calls = len(self.slack.calls)

    async def extras(self, driver: SlackDriver, worker: StreamWorker) -> None:
        self.say("━━ Safety checks " + "━" * (WIDTH - 17))
        envelope = p.message_event(text="Still no answer?!", user=p.CUSTOMER, user_team=p.TEAM_CUST)
        first = await driver.post_event(envelope)
        await self.drain(worker)
        before = len(self.slack.calls)
        retry = await driver.post_event(envelope, retry_num=1)
        await self.drain(worker)
        self.say(
            f" Slack re-delivers an event (X-Slack-Retry-Num: 1): HTTP {first.status} then "
            f"{retry.status}; Slack calls caused by the retry: {len(self.slack.calls) - before}"
        )
        self.seen_calls = len(self.slack.calls)
        forged = await driver.post_event(p.message_event(text="hi", user=p.CUSTOMER), forged=True)
        self.say(f" A forged signature: HTTP {forged.status}, nothing processed")
        command = p.slash_command(
            command="/playbook",
            text="indignant",
            user=p.AGENT,
            channel=p.CHANNEL_HELP,
            response_url=self.slack.response_url("demo-playbook"),
        )
        status = await driver.post_command(command)
        posts = await self.slack.wait_for(lambda: self.slack.posts_to("demo-playbook"))
        self.say(
            f" /playbook indignant: HTTP {status.status} in {status.elapsed * 1000:.0f} ms, "
            "answered "
            f"ephemerally:"
        )
        self.box("only the agent sees it", plain(posts[0].body), "┆")
        self.say()

    def summary(self) -> None:
        c = self.counts
        print(
            f"Summary: {c['customer_messages']} customer messages scored, "
            f"{c['whispers']} whispers to the agent, {c['pings']} supervisor ping(s), "
            f"{self.records} after-thread record(s), "
            f"{c['leaks']} message(s) posted into the customer's "
            f"channel."
        )


async def run_demo(quiet: bool = False) -> int:
    """Play the demo; exit status 1 if anything internal reached the customer's channel."""
    return await Demo(quiet).run()
