"""The thread runner behind the unseen corpus: it sends what Slack would send and judges effects
exactly as the acceptance probe does, crediting each to the message that caused it."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from bot.fakeslack import payloads as p
from bot.fakeslack.server import Call
from tests.corpus import ThreadSpec, load_thread
from tests.scenario.conftest import Bot
from tests.scenario.threadplay import Played, judge, play, rich_text, slack_text

MANAGER = "This is unacceptable. I want to speak to your manager right now."


def spec_from(tmp_path: Path, yaml_text: str) -> ThreadSpec:
    path = tmp_path / "thread.yaml"
    path.write_text(yaml_text, encoding="utf-8")
    return load_thread(path)


def three_messages(expect: str) -> str:
    """A short thread ending in an explicit manager request, with the given `expect` block."""
    return f"""
id: runner-check
messages:
  - who: customer
    text: "Our nightly export to S3 has failed three nights in a row now."
  - who: agent
    text: "Thanks for flagging, I'm looking into it."
  - who: customer
    text: "{MANAGER}"
expect: {expect}
"""


def call(method: str, **params: Any) -> Call:
    return Call(method, params, {}, "POST", 0.0, 200, {"ok": True})


def played_thread(tmp_path: Path, expect: str) -> Played:
    """The three-message thread as if sent, its messages at call indexes 0, 10 and 20."""
    spec = spec_from(tmp_path, three_messages(expect))
    return Played(
        spec,
        ts=["1795400000.000001", "1795400001.000002", "1795400002.000003"],
        sent_at=[0, 10, 20],
        users=[p.CUSTOMER, p.AGENT, p.CUSTOMER],
    )


def calls_with(at: int, effect: Call) -> list[Call]:
    filler = [call("users.info", user=p.CUSTOMER)] * at
    return [*filler, effect]


# ---- what is sent -------------------------------------------------------------------------------


def test_text_is_escaped_and_links_wrapped_as_slack_delivers_it() -> None:
    typed = "a < b & c, see https://example.com/x. Mail ops@example.org <@U0AGENT2>"
    assert slack_text(typed) == (
        "a &lt; b &amp; c, see <https://example.com/x>. "
        "Mail <mailto:ops@example.org|ops@example.org> <@U_AGENT2>"
    )


def test_code_fences_are_kept_escaped_but_never_linkified() -> None:
    typed = "log:\n```\nERROR <main> https://x.io failed\n```\nthanks"
    assert slack_text(typed) == "log:\n```\nERROR &lt;main&gt; https://x.io failed\n```\nthanks"
    kinds = [e["type"] for e in rich_text(typed)[0]["elements"]]
    assert kinds == ["rich_text_section", "rich_text_preformatted", "rich_text_section"]


def test_emoji_and_mentions_become_rich_text_elements() -> None:
    section = rich_text("done :tada: <@U0AGENT1>")[0]["elements"][0]["elements"]
    assert section == [
        {"type": "text", "text": "done "},
        {"type": "emoji", "name": "tada"},
        {"type": "text", "text": " "},
        {"type": "user", "user_id": p.AGENT},
    ]


# ---- how effects are judged ----------------------------------------------------------------------


def test_a_ping_counts_only_when_it_names_the_thread(tmp_path: Path) -> None:
    played = played_thread(tmp_path, "{whisper: any, escalate: no}")
    elsewhere = call("chat.postMessage", channel=p.CHANNEL_SUP, text="see p1700000000000001")
    assert judge(calls_with(25, elsewhere), played) == []
    permalink = "https://t.slack.com/archives/C_SHARED/p1795400002000003"
    named = call("chat.postMessage", channel=p.CHANNEL_SUP, text=f"Manager asked: {permalink}")
    (problem,) = judge(calls_with(25, named), played)
    assert problem.startswith("unexpected supervisor ping after msg 3: 'Manager asked: https://")


def test_a_ping_quoting_thirty_characters_of_a_customer_message_names_the_thread(
    tmp_path: Path,
) -> None:
    played = played_thread(tmp_path, "{whisper: any, escalate: yes}")
    quoted = call("chat.postMessage", channel=p.CHANNEL_SUP, text=f"> {MANAGER[:40]}...")
    assert judge(calls_with(25, quoted), played) == []
    assert judge(calls_with(25, call("chat.postMessage", channel=p.CHANNEL_SUP, text="x")), played)


def test_a_ping_after_the_deadline_is_too_late(tmp_path: Path) -> None:
    played = played_thread(tmp_path, "{whisper: any, escalate: yes, escalate_by: 1}")
    ping = call("chat.postMessage", channel=p.CHANNEL_SUP, text="ts 1795400000.000001")
    assert judge(calls_with(5, ping), played) == []
    assert judge(calls_with(15, ping), played) == ["ping too late: after msg 2, expected by msg 1"]


def test_only_whispers_from_the_given_message_on_count(tmp_path: Path) -> None:
    played = played_thread(tmp_path, "{whisper: yes, whisper_from: 3, escalate: any}")
    hint = call(
        "chat.postEphemeral",
        channel=p.CHANNEL_SHARED,
        user=p.AGENT,
        text="Try this",
        thread_ts="1795400000.000001",
    )
    assert judge(calls_with(22, hint), played) == []
    assert judge(calls_with(12, hint), played) == [
        "no whisper to the agent at or after msg 3 (only earlier, after msg 2: 'Try this')"
    ]


def test_whisper_no_fails_on_any_ephemeral_in_the_thread_to_anyone(tmp_path: Path) -> None:
    played = played_thread(tmp_path, "{whisper: no, escalate: any}")
    to_customer = call(
        "chat.postEphemeral",
        channel=p.CHANNEL_SHARED,
        user=p.CUSTOMER,
        text="hi",
        thread_ts="1795400000.000001",
    )
    other_thread = call(
        "chat.postEphemeral",
        channel=p.CHANNEL_SHARED,
        user=p.AGENT,
        text="hi",
        thread_ts="1700000000.000009",
    )
    assert judge(calls_with(3, other_thread), played) == []
    assert judge(calls_with(3, to_customer), played) == ["unexpected whisper after msg 1: 'hi'"]


# ---- through the real app ------------------------------------------------------------------------


async def test_a_played_thread_credits_effects_to_the_message_that_caused_them(
    bot: Bot, tmp_path: Path
) -> None:
    expected = spec_from(tmp_path, three_messages("{whisper: yes, escalate: yes, escalate_by: 3}"))
    played = await play(bot, expected)
    assert bot.worker.processed == 3
    assert judge(bot.slack.calls, played) == []
    denied_spec = spec_from(tmp_path, three_messages("{whisper: no, escalate: no}"))
    denied = Played(denied_spec, played.ts, played.sent_at, played.users)
    problems = judge(bot.slack.calls, denied)
    assert [text.split(" after ")[0] for text in problems] == [
        "unexpected whisper",
        "unexpected supervisor ping",
    ]
    assert all(" after msg 3: " in text for text in problems)


async def test_a_second_customer_and_a_second_agent_take_part_as_themselves(
    bot: Bot, tmp_path: Path
) -> None:
    spec = spec_from(
        tmp_path,
        """
id: two-of-each
messages:
  - {who: customer, text: "Hi, quick question about SSO groups."}
  - {who: customer, user: U0CUST2, text: "Adding to Carol's question: can groups be nested?"}
  - {who: agent, user: U0AGENT2, text: "Hi both! Yes, up to three levels."}
expect: {whisper: any, escalate: any}
""",
    )
    played = await play(bot, spec)
    assert played.users == [p.CUSTOMER, "U_CUST2", "U_AGENT2"]
    assert bot.worker.processed == 3
