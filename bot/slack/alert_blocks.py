"""Block Kit for supervisor alerts, their modals, the agent notice and the App Home list (pure)."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import UTC, datetime
from functools import lru_cache
from typing import Any

from bot.core.briefing import Briefing
from bot.core.escalation import AlertState, Severity
from bot.effects.home import WatchedThread
from bot.slack.ids import ActionId, BlockId, CallbackId
from phrasebook.escalation import Wording, load_escalation
from phrasebook.render import render

MAX_BLOCKS = 50
SECTION_LIMIT = 3000
HEADER_LIMIT = 150
BUTTON_TEXT_LIMIT = 75
VALUE_LIMIT = 2000
URL_LIMIT = 3000
MODAL_TITLE_LIMIT = 24
METADATA_LIMIT = 3000
REASON_LIMIT = 200
HOME_ALERTS_SHOWN = 20

Block = dict[str, Any]


@lru_cache(maxsize=1)
def shipped_wording() -> Wording:
    """The shipped alert wording (teams pass their own `wording=` to override)."""
    return load_escalation().wording


def escape(text: str) -> str:
    """Escape text for mrkdwn so quotes cannot mention people or channels."""
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def _plain(text: str, limit: int) -> dict[str, Any]:
    cut = text if len(text) <= limit else text[: limit - 1] + "…"
    return {"type": "plain_text", "text": cut, "emoji": True}


def _section(text: str) -> Block:
    cut = text if len(text) <= SECTION_LIMIT else text[: SECTION_LIMIT - 1] + "…"
    return {"type": "section", "text": {"type": "mrkdwn", "text": cut}}


def _context(text: str) -> Block:
    cut = text if len(text) <= SECTION_LIMIT else text[: SECTION_LIMIT - 1] + "…"
    return {"type": "context", "elements": [{"type": "mrkdwn", "text": cut}]}


def _button(text: str, action: ActionId, value: str, style: str | None = None) -> Block:
    button: Block = {
        "type": "button",
        "action_id": action.value,
        "text": _plain(text, BUTTON_TEXT_LIMIT),
        "value": value,
    }
    if style:
        button["style"] = style
    return button


def _link_button(text: str, url: str, value: str) -> Block:
    return {
        "type": "button",
        "action_id": ActionId.ALERT_JOIN.value,
        "text": _plain(text, BUTTON_TEXT_LIMIT),
        "url": url,
        "value": value,
    }


def slack_date(ts: float, fallback_format: str = "%Y-%m-%d %H:%M UTC") -> str:
    """A Slack date token, shown in each reader's own time zone, with a UTC fallback."""
    fallback = datetime.fromtimestamp(ts, UTC).strftime(fallback_format)
    return f"<!date^{int(ts)}^{{date_short_pretty}} {{time}}|{fallback}>"


def _check_ref(alert_ref: str) -> None:
    if not alert_ref or len(alert_ref) > VALUE_LIMIT:
        raise ValueError(f"alert_ref must be 1..{VALUE_LIMIT} characters")


def _severity(b: Briefing) -> Severity:
    return Severity(int(b.severity))


def _headline(b: Briefing, w: Wording) -> tuple[str, str]:
    sev = _severity(b).key
    label = w.severity_labels[sev]
    emoji = w.severity_emoji.get(sev, "")
    header = render(w.templates["header"], {"severity": label, "cue": b.cue})
    return label, f"{emoji} {header}".strip()


def alert_message(
    b: Briefing,
    alert_ref: str,
    *,
    claimed_by: str | None = None,
    claimed_at: float | None = None,
    false_alarm_by: str | None = None,
    resolved_at: float | None = None,
    wording: Wording | None = None,
) -> dict[str, Any]:
    """The supervisor ping: headline, briefing, buttons; claimed / closed / resolved shown."""
    _check_ref(alert_ref)
    w = wording or shipped_wording()
    t = w.templates
    label, header = _headline(b, w)
    level = str(getattr(b.level, "value", b.level))
    trend = str(getattr(b.trend, "value", b.trend))
    blocks: list[Block] = [{"type": "header", "text": _plain(header, HEADER_LIMIT)}]
    blocks += _top_blocks(b, alert_ref, w, claimed_by, claimed_at, false_alarm_by, resolved_at)
    blocks.append(
        _section(
            render(
                t["summary"],
                {"customer": b.customer, "channel": b.channel_id, "level": level, "trend": trend},
            )
        )
    )
    if b.quote:
        blocks.append(
            _section(render(t["quote"], {"quote": escape(b.quote), "why": escape(b.why)}))
        )
    details = [
        render(t["sparkline"], {"sparkline": b.sparkline or "·", "level": level, "trend": trend}),
        render(t["steps_done"], {"steps": escape(", ".join(b.steps_done))})
        if b.steps_done
        else render(t["no_steps"], {}),
        render(t["wants"], {"wants": escape(b.wants)})
        if b.wants
        else render(t["wants_unknown"], {}),
    ]
    blocks.append(_section("\n".join(details)))
    if b.suggested_move:
        blocks.append(_section(render(t["suggested_move"], {"move": escape(b.suggested_move)})))
    if b.other_cues:
        blocks.append(_context(render(t["other_cues"], {"cues": ", ".join(b.other_cues)})))
    text = render(
        t["fallback"],
        {
            "severity": label,
            "cue": b.cue,
            "customer": b.customer,
            "channel": b.channel_id,
            "permalink": b.permalink or "-",
        },
    )
    status = _status_text(w, claimed_by, claimed_at, false_alarm_by, resolved_at)
    if status:
        text = f"{text} · {status}"
    return {"text": text, "blocks": blocks[:MAX_BLOCKS]}


def _status_text(
    w: Wording,
    claimed_by: str | None,
    claimed_at: float | None,
    false_alarm_by: str | None,
    resolved_at: float | None = None,
) -> str:
    if false_alarm_by:
        return render(w.templates["false_alarm"], {"user": false_alarm_by})
    if resolved_at is not None:
        return render(w.templates["resolved"], {"when": slack_date(resolved_at)}).strip()
    if claimed_by:
        when = slack_date(claimed_at) if claimed_at is not None else ""
        return render(w.templates["claimed"], {"user": claimed_by, "when": when}).strip()
    return ""


def _top_blocks(
    b: Briefing,
    alert_ref: str,
    w: Wording,
    claimed_by: str | None,
    claimed_at: float | None,
    false_alarm_by: str | None,
    resolved_at: float | None = None,
) -> list[Block]:
    """Buttons first; once claimed or closed, a status line with who and when above them."""
    t = w.templates
    join = (
        [_link_button(t["button_join"], b.permalink, alert_ref)]
        if b.permalink and len(b.permalink) <= URL_LIMIT
        else []
    )
    status = _status_text(w, claimed_by, claimed_at, false_alarm_by, resolved_at)
    if false_alarm_by or resolved_at is not None:
        top = [_context(status)]
        return [*top, {"type": "actions", "elements": join}] if join else top
    elements: list[Block] = []
    if not claimed_by:
        elements.append(_button(t["button_claim"], ActionId.ALERT_CLAIM, alert_ref, "primary"))
    elements += join
    elements.append(_button(t["button_reassign"], ActionId.ALERT_REASSIGN, alert_ref))
    elements.append(
        _button(t["button_false_alarm"], ActionId.ALERT_FALSE_ALARM, alert_ref, "danger")
    )
    actions: Block = {"type": "actions", "elements": elements}
    return [_section(status), actions] if claimed_by else [actions]


def renotify_message(
    b: Briefing, alert_ref: str, *, waited_seconds: float, wording: Wording | None = None
) -> dict[str, Any]:
    """The one reminder for an unclaimed alert: the same ping with a 'still open' line on top."""
    w = wording or shipped_wording()
    message = alert_message(b, alert_ref, wording=w)
    label, _ = _headline(b, w)
    line = render(
        w.templates["renotify"],
        {"severity": label, "cue": b.cue, "minutes": max(1, round(waited_seconds / 60))},
    )
    return {"text": f"{line} · {message['text']}", "blocks": [_context(line), *message["blocks"]]}


def _modal(
    alert_ref: str, callback: CallbackId, title: str, submit: str, close: str, blocks: list[Block]
) -> dict[str, Any]:
    _check_ref(alert_ref)
    if len(alert_ref) > METADATA_LIMIT:
        raise ValueError("alert_ref too long for private_metadata")
    return {
        "type": "modal",
        "callback_id": callback.value,
        "private_metadata": alert_ref,
        "title": _plain(title, MODAL_TITLE_LIMIT),
        "submit": _plain(submit, MODAL_TITLE_LIMIT),
        "close": _plain(close, MODAL_TITLE_LIMIT),
        "blocks": blocks,
    }


def false_alarm_modal(alert_ref: str, *, wording: Wording | None = None) -> dict[str, Any]:
    """Modal to close an alert as a false alarm, with an optional short reason."""
    t = (wording or shipped_wording()).templates
    reason: Block = {
        "type": "input",
        "block_id": BlockId.FALSE_ALARM_REASON.value,
        "optional": True,
        "label": _plain(t["false_alarm_label"], 2000),
        "element": {
            "type": "plain_text_input",
            "action_id": BlockId.FALSE_ALARM_REASON.value,
            "multiline": True,
            "max_length": REASON_LIMIT,
        },
    }
    return _modal(
        alert_ref,
        CallbackId.FALSE_ALARM_MODAL,
        t["false_alarm_title"],
        t["false_alarm_submit"],
        t["cancel"],
        [reason],
    )


def reassign_modal(alert_ref: str, *, wording: Wording | None = None) -> dict[str, Any]:
    """Modal to hand an alert to another person (a user picker)."""
    t = (wording or shipped_wording()).templates
    pick: Block = {
        "type": "input",
        "block_id": BlockId.REASSIGN_USER.value,
        "label": _plain(t["reassign_label"], 2000),
        "element": {"type": "users_select", "action_id": BlockId.REASSIGN_USER.value},
    }
    return _modal(
        alert_ref,
        CallbackId.REASSIGN_MODAL,
        t["reassign_title"],
        t["reassign_submit"],
        t["cancel"],
        [pick],
    )


def modal_reason(view_state: dict[str, Any]) -> str:
    """The false-alarm reason typed in the modal ("" when left empty), cut to 200 chars."""
    block = view_state.get("values", {}).get(BlockId.FALSE_ALARM_REASON.value, {})
    value = block.get(BlockId.FALSE_ALARM_REASON.value, {}).get("value") or ""
    return str(value).strip()[:REASON_LIMIT]


def modal_user(view_state: dict[str, Any]) -> str | None:
    """The user picked in the reassign modal."""
    block = view_state.get("values", {}).get(BlockId.REASSIGN_USER.value, {})
    user = block.get(BlockId.REASSIGN_USER.value, {}).get("selected_user")
    return str(user) if user else None


def agent_notice(
    kind: str, *, supervisor: str | None, wording: Wording | None = None
) -> dict[str, Any]:
    """Whisper for the agent: a supervisor was alerted, is on it, or left the thread to them."""
    t = (wording or shipped_wording()).templates
    if kind == "claimed" and supervisor:
        text = render(t["agent_claimed"], {"user": supervisor})
    elif kind in ("alerted", "claimed"):
        text = render(t["agent_alerted"], {})
    elif kind == "false_alarm":
        text = render(t["agent_false_alarm"], {})
    else:
        raise ValueError(f"unknown agent notice {kind!r}")
    return {"text": text, "blocks": [_section(text)]}


@dataclass(frozen=True, slots=True)
class OpenAlert:
    """One live alert as listed in a supervisor's App Home."""

    briefing: Briefing
    posted_at: float
    claimed_by: str | None = None
    alert_ref: str = ""  # "" -> no claim button, only the link to the thread

    @classmethod
    def from_state(cls, state: AlertState, briefing: Briefing, alert_ref: str = "") -> OpenAlert:
        """Build from the thread's alert state and its stored briefing."""
        return cls(briefing, state.posted_at or 0.0, state.claimed_by, alert_ref)


def home_alert_blocks(
    alerts: Sequence[OpenAlert], *, wording: Wording | None = None
) -> list[Block]:
    """App Home section: open alerts, most severe and oldest first, at most 20 listed."""
    w = wording or shipped_wording()
    t = w.templates
    out: list[Block] = [{"type": "header", "text": _plain(t["home_title"], HEADER_LIMIT)}]
    if not alerts:
        return [*out, _context(render(t["home_empty"], {}))]
    ordered = sorted(alerts, key=lambda a: (-int(a.briefing.severity), a.posted_at))
    for alert in ordered[:HOME_ALERTS_SHOWN]:
        b = alert.briefing
        owner = f"<@{alert.claimed_by}>" if alert.claimed_by else render(t["home_unowned"], {})
        text = render(
            t["home_item"],
            {
                "severity": w.severity_labels[_severity(b).key],
                "cue": b.cue,
                "channel": b.channel_id,
                "when": slack_date(alert.posted_at),
                "owner": owner,
            },
        )
        section = _section(text)
        if alert.alert_ref and not alert.claimed_by:
            _check_ref(alert.alert_ref)
            section["accessory"] = _button(t["button_claim"], ActionId.ALERT_CLAIM, alert.alert_ref)
        elif b.permalink and len(b.permalink) <= URL_LIMIT:
            section["accessory"] = _link_button(
                t["button_join"], b.permalink, alert.alert_ref or "-"
            )
        out.append(section)
    hidden = len(ordered) - HOME_ALERTS_SHOWN
    if hidden > 0:
        out.append(_context(render(t["home_more"], {"count": hidden})))
    return out


# --- overflow: a burst of alerts in one message ---------------------------------------------

OVERFLOW_TEXT_LIMIT = 4000  # the fallback text (Slack truncates past 40,000; keep it readable)
OVERFLOW_QUOTE = 90  # characters of the customer's words per listed alert


@dataclass(frozen=True, slots=True)
class ListedAlert:
    """One alert as an overflow message lists it."""

    alert_ref: str
    briefing: Briefing
    claimed_by: str | None = None
    claimed_at: float | None = None
    false_alarm_by: str | None = None
    resolved_at: float | None = None


def overflow_message(
    alerts: Sequence[ListedAlert], *, wording: Wording | None = None
) -> dict[str, Any]:
    """Alerts that came faster than a channel takes new messages, in one message: per alert its
    severity, cue, customer, channel, the customer's words and a link to the thread, who took it,
    and the alert's own buttons while it is open (the same as on an alert of its own). Each alert
    changes in place when it does."""
    w = wording or shipped_wording()
    t = w.templates
    head = render(t["overflow_header"], {"count": str(len(alerts))})
    blocks: list[Block] = [_section(head)]
    lines = [head]
    for a in alerts:
        _check_ref(a.alert_ref)
        b = a.briefing
        sev = _severity(b).key
        link = b.permalink if b.permalink and len(b.permalink) <= URL_LIMIT else ""
        values = {
            "emoji": w.severity_emoji.get(sev, ""),
            "severity": w.severity_labels[sev],
            "cue": b.cue,
            "customer": b.customer,
            "channel": b.channel_id,
            "link": link or f"#{b.channel_id}",
        }
        line = render(t["overflow_item"], values).strip()
        if b.quote:
            quote = b.quote
            if len(quote) > OVERFLOW_QUOTE:
                quote = quote[: OVERFLOW_QUOTE - 1].rstrip() + "…"
            line += "\n" + render(t["overflow_quote"], {"quote": escape(quote)})
        status = _status_text(w, a.claimed_by, a.claimed_at, a.false_alarm_by, a.resolved_at)
        blocks.append(_section(f"{line}\n{status}" if status else line))
        if not a.false_alarm_by and a.resolved_at is None:  # still open: the alert's buttons
            buttons: list[Block] = []
            if not a.claimed_by:
                buttons.append(
                    _button(t["button_claim"], ActionId.ALERT_CLAIM, a.alert_ref, "primary")
                )
            buttons.append(_button(t["button_reassign"], ActionId.ALERT_REASSIGN, a.alert_ref))
            buttons.append(
                _button(t["button_false_alarm"], ActionId.ALERT_FALSE_ALARM, a.alert_ref, "danger")
            )
            blocks.append({"type": "actions", "elements": buttons})
        lines.append(f"{line} {status}".strip())
    text = "\n".join(lines)
    cut = text if len(text) <= OVERFLOW_TEXT_LIMIT else text[: OVERFLOW_TEXT_LIMIT - 1] + "…"
    return {"text": cut, "blocks": blocks[:MAX_BLOCKS]}


# --- the watch tier: roll-ups and the heating-up list ------------------------------------------

ROLLUP_TEXT_LIMIT = 3000  # a section's text limit
HOME_WATCH_SHOWN = 10


def _watch_line(template: str, t: WatchedThread, extra: dict[str, str]) -> str:
    link = t.permalink if t.permalink and len(t.permalink) <= URL_LIMIT else ""
    values = {
        "channel": t.channel_id,
        "level": t.level.value,
        "why": t.why or "heated",
        "link": link or f"#{t.thread_ts}",
        **extra,
    }
    return render(template, values)


def rollup_message(
    threads: Sequence[WatchedThread], more: int, *, wording: Wording | None = None
) -> dict[str, Any]:
    """One roll-up for a supervisor channel: how many threads heated up since the last one, per
    channel and who is on them. It names no thread (no link, no quote): the watch tier never
    pings about one thread; the threads themselves are on the Heating up list in App Home."""
    t = (wording or shipped_wording()).templates
    head = render(t["rollup_header"], {"count": str(len(threads) + more)})
    by_channel: dict[str, list[WatchedThread]] = {}
    for th in threads:
        by_channel.setdefault(th.channel_id, []).append(th)
    lines = []
    for channel, items in by_channel.items():
        agents = sorted({f"<@{th.agent}>" for th in items if th.agent})
        lines.append(
            render(
                t["rollup_item"],
                {"channel": channel, "count": str(len(items)), "agents": ", ".join(agents) or "-"},
            )
        )
    if more:
        lines.append(render(t["rollup_more"], {"count": str(more)}))
    body = "\n".join(f"• {line}" for line in lines)[:ROLLUP_TEXT_LIMIT]
    return {"text": head, "blocks": [_section(head[:ROLLUP_TEXT_LIMIT]), _section(body)]}


def home_watch_blocks(
    threads: Sequence[WatchedThread], *, wording: Wording | None = None
) -> list[Block]:
    """App Home section for supervisors: threads heating up without a cue, newest first."""
    t = (wording or shipped_wording()).templates
    out: list[Block] = [{"type": "header", "text": _plain(t["home_watch_title"], HEADER_LIMIT)}]
    ordered = sorted(threads, key=lambda th: -th.watched_at)[:HOME_WATCH_SHOWN]
    for th in ordered:
        when = {"when": slack_date(th.watched_at)}
        out.append(_section(_watch_line(t["home_watch_item"], th, when)))
    return out
