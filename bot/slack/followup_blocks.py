"""Block Kit for follow-through: promise reminders, check-ins, the digest, practice rounds, and
the App Home sections (promises, growth). Wording comes from the phrasebook (`followup.yaml`,
`practice/practice.yaml`); this module only lays it out."""

from __future__ import annotations

import json
import time
from collections.abc import Mapping, Sequence
from typing import Any

from bot.effects.home import HomeExtras
from bot.slack.blocks import _button, _context, _header, _section, clip, escape
from bot.slack.ids import ActionId
from phrasebook.render import render

Block = dict[str, Any]
MAX_BLOCKS = 50


def when(ts: float) -> str:
    """A date Slack shows in the reader's own time zone."""
    fallback = time.strftime("%Y-%m-%d %H:%M UTC", time.gmtime(ts))
    return f"<!date^{int(ts)}^{{date_short_pretty}} {{time}}|{fallback}>"


def resolve_value(thread: str) -> str:
    return json.dumps({"r": thread}, separators=(",", ":"))


def resolve_ref(value: str) -> str | None:
    """The thread key a "Mark resolved" button carries (None for a value we did not make)."""
    try:
        thread = json.loads(value)["r"]
    except (ValueError, KeyError, TypeError):
        return None
    return thread if isinstance(thread, str) and thread.count(":") >= 2 else None


def promise_reminder(
    wording: Mapping[str, str], *, quote: str, due_at: float, update: str, thread: str
) -> dict[str, Any]:
    """The private reminder in the thread: the promise quoted, a suggested update, a button."""
    header = render(wording["reminder_header"], {"promise": escape(quote)})
    body = render(wording["reminder_body"], {"when": when(due_at)})
    suggestion = render(wording["reminder_suggestion"], {"update": escape(update)})
    blocks = [
        _section(f"*{header}*\n{body}"),
        _section(suggestion),
        {
            "type": "actions",
            "elements": [
                _button(wording["resolve_button"], ActionId.THREAD_RESOLVE, resolve_value(thread))
            ],
        },
        _context("_only you can see this_"),
    ]
    return {
        "text": clip(render(wording["reminder_header"], {"promise": quote}), 300),
        "blocks": blocks,
    }


def overdue_note(wording: Mapping[str, str], *, quote: str, due_at: float) -> str:
    return render(wording["overdue_note"], {"promise": escape(quote), "when": when(due_at)})


def check_in(wording: Mapping[str, str], *, ago: str, topic: str) -> dict[str, Any]:
    head = render(wording["followup_header"], {})
    body = render(wording["followup_body"], {"ago": ago})
    suggestion = render(wording["followup_suggestion"], {"topic": escape(topic)})
    blocks = [_section(f"*{head}*\n{body}\n>{suggestion}"), _context("_only you can see this_")]
    return {"text": clip(f"{head}: {suggestion}", 300), "blocks": blocks}


def digest(lines: Sequence[str]) -> dict[str, Any]:
    """The digest as one message (the first line is its header)."""
    head, *rest = lines
    blocks = [_header(head.replace("*", "")), *(_section(line) for line in rest)]
    return {"text": clip("\n".join(lines), 3000), "blocks": blocks[:MAX_BLOCKS]}


def practice(lines: Sequence[str], *, card: bool = False, quiet: bool = False) -> dict[str, Any]:
    """One practice message in the agent's DM (a coach hint reads as a quieter context block)."""
    text = "\n".join(lines)
    if quiet:
        blocks = [_context(*lines)]
    elif card:
        head, *rest = lines
        blocks = [_header(head.replace("*", "")), _section("\n".join(f"• {r}" for r in rest))]
    else:
        blocks = [_section(text)]
    return {"text": clip(text, 3000), "blocks": blocks}


def home_sections(wording: Mapping[str, str], extras: HomeExtras) -> list[Block]:
    """Blocks for an App Home: the agent's promises, their growth, and the team's (when on)."""
    promises, growth, team_growth = extras.promises, extras.growth, extras.team_growth
    out: list[Block] = []
    if promises:
        out.append(_header(render(wording["home_promises_title"], {})))
        for p in promises[:10]:
            link = p.link.replace("|", "%7C").replace(">", "%3E") if p.link else ""
            if p.check_in:
                text = render(wording["home_followup_item"], {"when": when(p.due_at), "link": link})
            else:
                status = wording["status_overdue"] if p.overdue else wording["status_open"]
                text = render(
                    wording["home_promise_item"],
                    {
                        "status": status,
                        "when": when(p.due_at),
                        "promise": escape(p.quote),
                        "link": link,
                    },
                )
            button = _button(
                wording["resolve_button"], ActionId.THREAD_RESOLVE, resolve_value(p.thread)
            )
            out.append(_section(text) | {"accessory": button})
    if growth is not None:
        out.append(_header(render(wording["home_growth_title"], {})))
        out += [_section(escape(line)) for line in growth]
    if team_growth:
        out.append(_header(render(wording["home_team_growth_title"], {})))
        out.append(_section("\n".join(team_growth)))
    return out
