"""Pure Block Kit builders for whispers, playbook cards, the coach reading and the App Home.

Every builder returns plain dicts. Messages carry a fallback `text`; all dynamic text is escaped
for mrkdwn and clipped to Slack's limits (50 blocks per message, 100 per Home tab, 3,000 chars per
section, 150 per header, 75 per button label, 2,000 per button value).
"""

from __future__ import annotations

import time
from collections.abc import Sequence
from typing import Any

from bot.core.coaching import Hint, Progress, Severity
from bot.core.models import Assessment, Level, Trend
from bot.core.playbooks import PlaybookAnswer, Topic, TopicKind
from bot.effects.home import HomeThread
from bot.slack.ids import ActionId

MAX_BLOCKS = 50
MAX_HOME_BLOCKS = 100
SECTION_LIMIT = 3000
HEADER_LIMIT = 150
BUTTON_TEXT_LIMIT = 75
BUTTON_VALUE_LIMIT = 2000
CONTEXT_LIMIT = 2000  # per context element (Slack's mrkdwn element limit is larger; keep it short)
ACTIONS_PER_BLOCK = 25

Block = dict[str, Any]

SEVERITY_ICON = {
    Severity.INFO: ":bulb:",
    Severity.NUDGE: ":large_yellow_circle:",
    Severity.URGENT: ":red_circle:",
}
LEVEL_ICON = {
    Level.CALM: ":large_green_circle:",
    Level.UNEASY: ":large_yellow_circle:",
    Level.FRUSTRATED: ":large_orange_circle:",
    Level.ANGRY: ":red_circle:",
}
TREND_ARROW = {Trend.RISING: "↗ rising", Trend.STEADY: "→ steady", Trend.COOLING: "↘ cooling"}
KIND_LABEL = {
    TopicKind.CUSTOMER_TYPE: "Customer types",
    TopicKind.TRIGGER: "Triggers",
    TopicKind.STEP: "Framework steps",
    TopicKind.FRAMEWORK: "Frameworks",
    TopicKind.PLAYBOOK: "Team playbooks",
}
_USED = ":white_check_mark: Thanks — noted. Glad it helped."
_NOT_HELPFUL = ":memo: Thanks — noted. We'll use this to tune the hints."
_SNOOZED = ":zzz: Hints snoozed for this thread. Use *Coach me* any time."
FEEDBACK_ACK = {  # by short kind ("used", ...) or by the button's ActionId value
    "used": _USED,
    "not_helpful": _NOT_HELPFUL,
    "snooze": _SNOOZED,
    ActionId.HINT_USED.value: _USED,
    ActionId.HINT_NOT_HELPFUL.value: _NOT_HELPFUL,
    ActionId.HINT_SNOOZE.value: _SNOOZED,
    "invalid": ":hourglass: This hint has expired.",
}


# --- small helpers ------------------------------------------------------------------------------


def escape(text: str) -> str:
    """Escape the three characters Slack treats as markup in text fields."""
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def clip(text: str, limit: int) -> str:
    """Cut `text` to `limit` characters, ending with an ellipsis when cut."""
    return text if len(text) <= limit else text[: limit - 1] + "…"


def _section(mrkdwn: str) -> Block:
    return {"type": "section", "text": {"type": "mrkdwn", "text": clip(mrkdwn, SECTION_LIMIT)}}


def _header(text: str) -> Block:
    return {"type": "header", "text": {"type": "plain_text", "text": clip(text, HEADER_LIMIT)}}


def _context(*mrkdwn: str) -> Block:
    elements = [{"type": "mrkdwn", "text": clip(m, CONTEXT_LIMIT)} for m in mrkdwn[:10] if m]
    return {"type": "context", "elements": elements}


def _button(text: str, action_id: str, value: str, style: str | None = None) -> Block:
    if len(value) > BUTTON_VALUE_LIMIT:
        raise ValueError(f"button value is {len(value)} chars; Slack allows {BUTTON_VALUE_LIMIT}")
    button: Block = {
        "type": "button",
        "text": {"type": "plain_text", "text": clip(text, BUTTON_TEXT_LIMIT), "emoji": True},
        "action_id": str(action_id),
        "value": value,
    }
    if style:
        button["style"] = style
    return button


def _quote(lines: Sequence[str]) -> str:
    return "\n".join(f">{escape(line)}" for line in lines)


def _cap(blocks: list[Block], limit: int) -> list[Block]:
    """Keep at most `limit` blocks; the last one says how many were left out."""
    if len(blocks) <= limit:
        return blocks
    kept = blocks[: limit - 1]
    return [*kept, _context(f"_{len(blocks) - len(kept)} more blocks not shown_")]


def _heat_bar(heat: float) -> str:
    filled = max(0, min(5, round(heat * 5)))
    return "▰" * filled + "▱" * (5 - filled)


def _hint_blocks(hint: Hint) -> list[Block]:
    icon = SEVERITY_ICON[hint.severity]
    blocks = [_section(f"{icon} *{escape(hint.headline)}*\n>{escape(hint.why)}")]
    if hint.phrasings:
        blocks.append(_section("*You could say:*\n" + _quote(hint.phrasings)))
    if hint.slip_fix:
        blocks.append(_section(f":seedling: {escape(hint.slip_fix)}"))
    return blocks


# --- whispers -----------------------------------------------------------------------------------


def hint_message(hint: Hint, assessment: Assessment, action_value: str) -> dict[str, Any]:
    """The ephemeral whisper for a hint given for `assessment` (see `whisper_message`)."""
    return whisper_message(hint, assessment.level, assessment.trend, action_value)


def whisper_message(
    hint: Hint, level: Level, trend: Trend, action_value: str, *, notice: str | None = None
) -> dict[str, Any]:
    """The ephemeral whisper: headline, quoted reason, phrasings, slip fix, feedback buttons, and
    the alert notice when a supervisor was told about the same message (one ephemeral for both)."""
    reading = f"{LEVEL_ICON[level]} {level.value} · {TREND_ARROW[trend]}"
    blocks = _hint_blocks(hint)
    if notice:
        blocks.append(_section(f":rotating_light: {notice}"))
    step = f"Step: *{escape(hint.step_title)}*"
    blocks.append(_context(step, reading, "_only you can see this_"))
    blocks.append(
        {
            "type": "actions",
            "elements": [
                _button("Used it", ActionId.HINT_USED, action_value, "primary"),
                _button("Not helpful", ActionId.HINT_NOT_HELPFUL, action_value),
                _button("Snooze thread", ActionId.HINT_SNOOZE, action_value),
            ],
        }
    )
    text = f"Coaching hint: {hint.headline}" + (f" · {notice}" if notice else "")
    return {"text": clip(text, 300 if not notice else 600), "blocks": _cap(blocks, MAX_BLOCKS)}


def hint_feedback_ack(kind: str) -> dict[str, Any]:
    """What replaces a whisper after a click (send with replace_original).

    `kind`: "used" | "not_helpful" | "snooze" | "invalid", or the clicked button's ActionId.
    """
    text = FEEDBACK_ACK.get(str(kind), ":memo: Thanks — noted.")
    return {"text": text, "blocks": [_context(text)]}


# --- /playbook ----------------------------------------------------------------------------------


def playbook_message(answer: PlaybookAnswer) -> dict[str, Any]:
    """A playbook card, or the closest topics as buttons when nothing matched."""
    card = answer.card
    if card is None:
        query = escape(clip(answer.query.strip(), 100))
        intro = (
            f"I don't have a playbook for *{query}* yet. Closest topics:"
            if query
            else "Pick a topic:"
        )
        blocks = [_section(intro)]
        if answer.suggestions:
            blocks.append(_topic_buttons(answer.suggestions))
        blocks.append(_context("Type `/playbook` on its own to see every topic."))
        fallback = f"No playbook for {answer.query.strip()!r}; closest: " + ", ".join(
            t.title for t in answer.suggestions
        )
        return {"text": clip(fallback, 500), "blocks": _cap(blocks, MAX_BLOCKS)}
    blocks = [
        _header(card.topic.title),
        _context(KIND_LABEL[card.topic.kind]),
        _section(escape(card.summary)),
    ]
    for number, sec in enumerate(card.sections, start=1):
        text = f"*{number}. {escape(sec.title)}*"
        if sec.body:
            text += f"\n{escape(sec.body)}"
        if sec.phrasings:
            text += "\n" + _quote(sec.phrasings)
        blocks.append(_section(text))
    return {"text": clip(f"Playbook: {card.topic.title}", 300), "blocks": _cap(blocks, MAX_BLOCKS)}


def playbook_reply(reply: PlaybookAnswer | list[Topic]) -> dict[str, Any]:
    """What `/playbook` answers: every topic (a list) or a card / the closest topics."""
    return topics_message(reply) if isinstance(reply, list) else playbook_message(reply)


def _topic_buttons(topics: Sequence[Topic]) -> Block:
    return {
        "type": "actions",
        "elements": [
            _button(t.title, ActionId.PLAYBOOK_OPEN, t.key) for t in topics[:ACTIONS_PER_BLOCK]
        ],
    }


def topics_message(topics: list[Topic]) -> dict[str, Any]:
    """Every /playbook topic, grouped by kind, each a button that opens its card."""
    blocks = [_header("Playbooks"), _context("Type `/playbook <topic>`, or pick one below.")]
    for kind in TopicKind:
        group = [t for t in topics if t.kind is kind]
        if not group:
            continue
        blocks.append(_section(f"*{KIND_LABEL[kind]}*"))
        for start in range(0, len(group), ACTIONS_PER_BLOCK):
            blocks.append(_topic_buttons(group[start : start + ACTIONS_PER_BLOCK]))
    fallback = "Playbook topics: " + ", ".join(t.title for t in topics)
    return {"text": clip(fallback, 2000), "blocks": _cap(blocks, MAX_BLOCKS)}


# --- "Coach me on this thread" ------------------------------------------------------------------


def coach_reading_message(
    assessment: Assessment | None, progress: Progress, hint: Hint | None
) -> dict[str, Any]:
    """The on-demand reading: heat and why, framework progress, and the best next move."""
    blocks = [_header("Coach reading")]
    if assessment is None:
        blocks.append(_section("No customer message scored in this thread yet."))
        reading = "no customer message scored yet"
    else:
        icon = LEVEL_ICON[assessment.level]
        heat = f"heat {_heat_bar(assessment.heat)} {assessment.heat:.2f}"
        head = f"{icon} *{assessment.level.value}* · {heat} · {TREND_ARROW[assessment.trend]}"
        blocks.append(_section(f"{head}\n{escape(assessment.explain())}"))
        reading = f"{assessment.level.value}, {assessment.trend.value}"
    lines = [f":white_check_mark: {escape(m.title)}" for m in progress.done]
    lines += [f":white_square: {escape(m.title)}" for m in progress.missing]
    blocks.append(_section(f"*{escape(progress.framework_title)}*\n" + "\n".join(lines)))
    if hint is None:
        blocks.append(_context("Nothing to suggest right now. Keep going."))
        fallback = f"Coach reading: {reading}; nothing to suggest right now"
    else:
        blocks += _hint_blocks(hint)
        fallback = f"Coach reading: {reading}; next: {hint.headline}"
    return {"text": clip(fallback, 500), "blocks": _cap(blocks, MAX_BLOCKS)}


# --- App Home -----------------------------------------------------------------------------------


def _when(ts: float) -> str:
    fallback = time.strftime("%Y-%m-%d %H:%M UTC", time.gmtime(ts))
    return f"<!date^{int(ts)}^{{date_short_pretty}} {{time}}|{fallback}>"


def _thread_blocks(t: HomeThread) -> list[Block]:
    channel = f"<#{escape(t.channel_id)}>"
    label = f"Thread in {channel}"
    if t.permalink:
        url = t.permalink.replace("|", "%7C").replace(">", "%3E")
        label = f"<{url}|Open thread> in {channel}"
    head = (
        f"{LEVEL_ICON[t.level]} *{t.level.value}* · {_heat_bar(t.heat)} {t.heat:.2f} · "
        f"{TREND_ARROW[t.trend]} · {label}"
    )
    hint = f"\n:bulb: {escape(t.hint_headline)}" if t.hint_headline else ""
    return [_section(head + hint), _context(f"Updated {_when(t.updated_at)}")]


def app_home_view(
    threads: list[HomeThread], alerts_blocks: list[Block] | None = None
) -> dict[str, Any]:
    """The Home tab: open alerts (if given), then coached threads, newest first, <= 100 blocks."""
    blocks: list[Block] = [
        _header("Undertone"),
        _context("Your coached threads and recent hints. Whispers vanish; they stay here."),
    ]
    if alerts_blocks:
        blocks += alerts_blocks[: MAX_HOME_BLOCKS // 2]
        blocks.append({"type": "divider"})
    blocks.append(_header("Recent threads"))
    if not threads:
        blocks.append(_section("No coached threads yet."))
    ordered = sorted(threads, key=lambda t: -t.updated_at)
    room = MAX_HOME_BLOCKS - len(blocks) - 1  # keep one block for "n more"
    shown = 0
    for t in ordered:
        if room < 2:
            break
        blocks += _thread_blocks(t)
        room -= 2
        shown += 1
    if shown < len(ordered):
        blocks.append(_context(f"_{len(ordered) - shown} older threads not shown_"))
    return {"type": "home", "blocks": blocks}


# --- refusals and explanations (wording from the phrasebook's access.yaml) ---------------------


def notice_message(text: str) -> dict[str, Any]:
    """A short private answer: no buttons, nothing about any thread."""
    return {"text": clip(text, 300), "blocks": [_section(escape(text))]}


def notice_home_view(title: str, text: str) -> dict[str, Any]:
    """The Home tab of someone with no part in support: an explanation and nothing else."""
    return {"type": "home", "blocks": [_header(title), _section(escape(text))]}
