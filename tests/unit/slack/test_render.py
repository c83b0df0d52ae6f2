"""Rendering at send time: one ephemeral carries the hint and the alert notice, and the team's
wording is what supervisors and agents read."""

from __future__ import annotations

import json

from bot.core.coaching import Hint, Severity
from bot.core.escalation import AlertState
from bot.core.models import Level, Trend
from bot.effects import HintCard, Notice, Whisper
from bot.slack import render
from bot.slack.payloads import HintRef
from phrasebook.escalation import load_escalation
from tests.unit.slack.test_alert_blocks import BRIEF, validated

WORDING = load_escalation().wording
HINT = Hint(
    id="six_step.listen.ack",
    step_id="listen",
    step_title="Listen and acknowledge",
    severity=Severity.URGENT,
    headline="Name what went wrong before anything else",
    why="3rd ask about the refund",
    phrasings=("I hear you: this is the third time you've asked.",),
)


def whisper(hint: bool = True, notice: Notice | None = None) -> Whisper:
    return Whisper(
        thread="T1:C1:1.0",
        channel="C1",
        thread_ts="1.0",
        agent="U_AGENT",
        hint=HintCard.of(HINT, Level.ANGRY, Trend.RISING) if hint else None,
        notice=notice,
    )


def test_a_hint_and_the_alert_notice_go_out_as_one_message() -> None:
    message = render.whisper(whisper(notice=Notice(kind="alerted")), WORDING)
    text = json.dumps(message)
    assert HINT.headline in text
    assert WORDING.templates["agent_alerted"] in text
    assert "hint_used" in text  # the hint's buttons are there
    validated(message)


def test_the_hint_buttons_carry_the_thread_and_hint_ids_only() -> None:
    message = render.whisper(whisper(), WORDING)
    actions = [b for b in message["blocks"] if b["type"] == "actions"]
    values = {e["value"] for b in actions for e in b["elements"]}
    assert values == {HintRef("T1:C1:1.0", HINT.id).encode()}


def test_a_notice_alone_is_a_short_message_without_hint_buttons() -> None:
    notice = Notice(kind="claimed", supervisor="U_SUP")
    message = render.whisper(whisper(hint=False, notice=notice), WORDING)
    assert "<@U_SUP>" in message["text"] and "hint_used" not in json.dumps(message)


def test_alerts_are_worded_by_the_team() -> None:
    templates = dict(WORDING.templates) | {"header": "ACME ESCALATION: $cue"}
    team = WORDING.model_copy(update={"templates": templates})
    state = AlertState(live=True, severity=2, posted_at=1.0)
    message = render.alert(BRIEF, state, "T1:C1:1.0", team)
    assert message["blocks"][0]["text"]["text"].endswith(f"ACME ESCALATION: {BRIEF.cue}")


def test_a_resolved_alert_says_so_and_offers_no_claim_button() -> None:
    state = AlertState(live=False, severity=2, posted_at=1.0, claimed_by="U_SUP", closed_at=7200.0)
    message = render.alert(BRIEF, state, "T1:C1:1.0", WORDING)
    text = json.dumps(message)
    assert "Resolved" in text and "alert_claim" not in text
    validated(message)
