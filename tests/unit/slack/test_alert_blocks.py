"""Specification of the alert Block Kit: briefing content, buttons, state, modals, Slack limits."""

from __future__ import annotations

import json
from dataclasses import replace
from typing import Any

import pytest
from slack_sdk.models.blocks import Block
from slack_sdk.models.views import View

from bot.core.briefing import Briefing
from bot.core.escalation import AlertState, Severity
from bot.core.models import Level, Trend
from bot.slack import alert_blocks as ab
from bot.slack.ids import ActionId, BlockId, CallbackId
from phrasebook.escalation import load_escalation

WORDING = load_escalation().wording
REF = "T0TEAM:C0SUPPORT:1700000000.000100"
BRIEF = Briefing(
    customer="U0CUST",
    channel_id="C0SUPPORT",
    thread_ts="1700000000.000100",
    cue="legal or regulatory",
    quote="we are taking this to the ombudsman",
    why="names an ombudsman",
    sparkline="▁▃▆█",
    steps_done=("Listen and acknowledge", "Offer options"),
    wants="a refund of 450 EUR",
    suggested_move="Loop in compliance.",
    permalink="https://acme.slack.com/archives/C0SUPPORT/p1700000000000100",
    severity=Severity.HIGH,
    level=Level.ANGRY,
    trend=Trend.RISING,
    other_cues=("angry cancellation",),
)


def validated(message: dict[str, Any]) -> list[dict[str, Any]]:
    """Every block parses and passes slack_sdk's own limit checks."""
    blocks: list[dict[str, Any]] = message["blocks"]
    for block in blocks:
        parsed = Block.parse(block)
        assert parsed is not None
        parsed.to_dict()  # raises SlackObjectFormationError when a limit is broken
    return blocks


def actions_of(blocks: list[dict[str, Any]]) -> dict[str, dict[str, Any]]:
    return {e["action_id"]: e for b in blocks if b["type"] == "actions" for e in b["elements"]}


def all_text(message: dict[str, Any]) -> str:
    return json.dumps(message, ensure_ascii=False)


class TestAlertMessage:
    def test_has_fallback_text_naming_severity_cue_customer_and_channel(self) -> None:
        m = ab.alert_message(BRIEF, REF)
        assert m["text"].startswith(WORDING.severity_labels["high"])
        assert "legal or regulatory" in m["text"] and "<@U0CUST>" in m["text"]
        assert "<#C0SUPPORT>" in m["text"] and BRIEF.permalink in m["text"]

    def test_buttons_come_right_after_the_header_and_carry_only_the_alert_ref(self) -> None:
        blocks = validated(ab.alert_message(BRIEF, REF))
        assert [b["type"] for b in blocks[:2]] == ["header", "actions"]
        buttons = actions_of(blocks)
        assert list(buttons) == [
            ActionId.ALERT_CLAIM,
            ActionId.ALERT_JOIN,
            ActionId.ALERT_REASSIGN,
            ActionId.ALERT_FALSE_ALARM,
        ]
        assert {b["value"] for b in buttons.values()} == {REF}
        assert buttons[ActionId.ALERT_JOIN]["url"] == BRIEF.permalink

    def test_briefs_quote_why_heat_steps_wants_and_move(self) -> None:
        text = all_text(ab.alert_message(BRIEF, REF))
        for part in (
            BRIEF.quote,
            BRIEF.why,
            BRIEF.sparkline,
            "Listen and acknowledge, Offer options",
            BRIEF.wants,
            BRIEF.suggested_move,
            "angry cancellation",
            "angry",
            "rising",
        ):
            assert part in text, part

    def test_customer_text_cannot_ping_anyone(self) -> None:
        b = replace(BRIEF, quote="<!channel> fix it <@U0CEO>", wants="<!here> & more")
        text = all_text(ab.alert_message(b, REF))
        assert "<!channel>" not in text and "<!here>" not in text and "<@U0CEO>" not in text
        assert "&lt;!channel&gt;" in text and "&amp; more" in text

    def test_claimed_alert_shows_who_and_when_and_drops_the_claim_button(self) -> None:
        m = ab.alert_message(BRIEF, REF, claimed_by="U0BOSS", claimed_at=1700000100.0)
        blocks = validated(m)
        assert ActionId.ALERT_CLAIM not in actions_of(blocks)
        assert ActionId.ALERT_REASSIGN in actions_of(blocks)
        assert "<@U0BOSS>" in blocks[1]["text"]["text"]
        assert "<!date^1700000100^" in blocks[1]["text"]["text"]
        assert "<@U0BOSS>" in m["text"]

    def test_false_alarm_shows_who_closed_it_and_keeps_only_the_link(self) -> None:
        m = ab.alert_message(BRIEF, REF, claimed_by="U0BOSS", false_alarm_by="U0LEAD")
        blocks = validated(m)
        assert "<@U0LEAD>" in blocks[1]["elements"][0]["text"]
        assert list(actions_of(blocks)) == [ActionId.ALERT_JOIN]

    def test_no_permalink_means_no_join_button(self) -> None:
        blocks = validated(ab.alert_message(replace(BRIEF, permalink=""), REF))
        assert ActionId.ALERT_JOIN not in actions_of(blocks)

    def test_minimal_briefing_still_renders(self) -> None:
        bare = replace(
            BRIEF,
            quote="",
            why="",
            steps_done=(),
            wants="",
            other_cues=(),
            sparkline="",
            suggested_move="",
        )
        text = all_text(ab.alert_message(bare, REF))
        assert WORDING.templates["no_steps"] in text
        assert WORDING.templates["wants_unknown"] in text
        assert "Why this fired" not in text

    def test_briefing_read_back_from_json_still_renders(self) -> None:
        stored = replace(BRIEF, severity=3, level="angry", trend="rising")  # type: ignore[arg-type]
        m = ab.alert_message(stored, REF)
        assert m["text"].startswith(WORDING.severity_labels["critical"])

    def test_huge_content_stays_within_slack_limits(self) -> None:
        big = replace(
            BRIEF,
            quote="x" * 5000,
            suggested_move="y" * 5000,
            cue="z" * 400,
            steps_done=tuple(f"step {i}" for i in range(400)),
        )
        blocks = validated(ab.alert_message(big, REF))
        assert len(blocks) <= ab.MAX_BLOCKS
        assert len(blocks[0]["text"]["text"]) <= ab.HEADER_LIMIT

    def test_alert_ref_longer_than_a_button_value_is_refused(self) -> None:
        with pytest.raises(ValueError):
            ab.alert_message(BRIEF, "r" * 2001)
        with pytest.raises(ValueError):
            ab.alert_message(BRIEF, "")

    def test_renotify_puts_a_still_open_line_above_the_same_ping(self) -> None:
        m = ab.renotify_message(BRIEF, REF, waited_seconds=660)
        blocks = validated(m)
        assert "11" in blocks[0]["elements"][0]["text"]
        assert actions_of(blocks)[ActionId.ALERT_CLAIM]["value"] == REF


class TestModals:
    def test_false_alarm_modal_has_an_optional_short_reason(self) -> None:
        view = ab.false_alarm_modal(REF)
        View(**view).to_dict()
        assert view["callback_id"] == CallbackId.FALSE_ALARM_MODAL
        assert view["private_metadata"] == REF
        (block,) = view["blocks"]
        assert block["block_id"] == BlockId.FALSE_ALARM_REASON and block["optional"] is True
        assert block["element"]["max_length"] == 200

    def test_reassign_modal_picks_a_user(self) -> None:
        view = ab.reassign_modal(REF)
        View(**view).to_dict()
        assert view["callback_id"] == CallbackId.REASSIGN_MODAL
        (block,) = view["blocks"]
        assert block["block_id"] == BlockId.REASSIGN_USER
        assert block["element"]["type"] == "users_select"

    def test_modal_answers_are_read_back(self) -> None:
        reason = {"values": {"false_alarm_reason": {"false_alarm_reason": {"value": "  quoted  "}}}}
        picked = {"values": {"reassign_user": {"reassign_user": {"selected_user": "U0BEN"}}}}
        assert ab.modal_reason(reason) == "quoted"
        assert ab.modal_reason({"values": {}}) == ""
        assert ab.modal_user(picked) == "U0BEN"
        assert ab.modal_user({}) is None


class TestAgentNotice:
    def test_alerted_notice_says_a_supervisor_was_told(self) -> None:
        m = ab.agent_notice("alerted", supervisor=None)
        validated(m)
        assert m["text"] == WORDING.templates["agent_alerted"]

    def test_claimed_notice_names_the_supervisor(self) -> None:
        assert "<@U0BOSS>" in ab.agent_notice("claimed", supervisor="U0BOSS")["text"]

    def test_unknown_notice_kind_is_an_error(self) -> None:
        with pytest.raises(ValueError):
            ab.agent_notice("party", supervisor=None)


class TestHome:
    def test_empty_list_says_so(self) -> None:
        blocks = ab.home_alert_blocks([])
        assert WORDING.templates["home_empty"] in all_text({"blocks": blocks})

    def test_most_severe_then_oldest_first_with_claim_buttons_for_unowned(self) -> None:
        low = ab.OpenAlert(replace(BRIEF, severity=Severity.WATCH, cue="low cue"), 10.0, None, "r1")
        crit = ab.OpenAlert(
            replace(BRIEF, severity=Severity.CRITICAL, cue="crit"), 50.0, None, "r2"
        )
        owned = ab.OpenAlert(replace(BRIEF, cue="owned"), 20.0, "U0BOSS", "r3")
        blocks = validated({"blocks": ab.home_alert_blocks([low, owned, crit])})
        items = blocks[1:]
        assert ["crit" in b["text"]["text"] for b in items] == [True, False, False]
        assert "owned" in items[1]["text"]["text"] and "<@U0BOSS>" in items[1]["text"]["text"]
        assert items[0]["accessory"]["action_id"] == ActionId.ALERT_CLAIM
        assert items[1]["accessory"]["action_id"] == ActionId.ALERT_JOIN

    def test_long_lists_are_capped_with_a_count(self) -> None:
        alerts = [ab.OpenAlert(BRIEF, float(i), None, f"r{i}") for i in range(30)]
        blocks = validated({"blocks": ab.home_alert_blocks(alerts)})
        assert len(blocks) == 1 + ab.HOME_ALERTS_SHOWN + 1
        assert "10" in blocks[-1]["elements"][0]["text"]

    def test_from_state_takes_time_and_owner_from_the_alert_state(self) -> None:
        state = AlertState(live=True, severity=2, posted_at=123.0, claimed_by="U0ANA")
        alert = ab.OpenAlert.from_state(state, BRIEF, "ref")
        assert (alert.posted_at, alert.claimed_by, alert.alert_ref) == (123.0, "U0ANA", "ref")


class TestOverflowMessage:
    """Several alerts of a burst in one message: one line each, each claimable on its own."""

    def listed(self, n: int, **state: Any) -> list[ab.ListedAlert]:
        return [
            ab.ListedAlert(
                f"T0TEAM:C0SUPPORT:17000000{i:02d}.000100",
                replace(
                    BRIEF, thread_ts=f"17000000{i:02d}.000100", quote=f"thread {i}: " + "x" * 200
                ),
                **(state if i == 0 else {}),
            )
            for i in range(n)
        ]

    def test_names_every_alert_with_its_link_and_its_own_buttons_while_open(self) -> None:
        message = ab.overflow_message(self.listed(3), wording=WORDING)
        blocks = validated(message)
        assert message["text"].startswith("Alerts waiting their turn: 3.")
        lines = [b for b in blocks[1:] if b["type"] == "section"]
        buttons = [b for b in blocks[1:] if b["type"] == "actions"]
        assert len(lines) == len(buttons) == 3
        for i, (line, actions) in enumerate(zip(lines, buttons, strict=True)):
            ref = f"T0TEAM:C0SUPPORT:17000000{i:02d}.000100"
            assert BRIEF.permalink in line["text"]["text"]
            assert f"thread {i}:" in line["text"]["text"]
            assert {e["action_id"]: e["value"] for e in actions["elements"]} == {
                ActionId.ALERT_CLAIM.value: ref,
                ActionId.ALERT_REASSIGN.value: ref,
                ActionId.ALERT_FALSE_ALARM.value: ref,
            }

    def test_twenty_alerts_fit_in_slacks_block_limit(self) -> None:
        assert len(validated(ab.overflow_message(self.listed(20), wording=WORDING))) <= 50

    def test_a_claimed_alert_shows_who_took_it_and_a_closed_one_has_no_buttons(self) -> None:
        claimed = ab.overflow_message(
            self.listed(2, claimed_by="U0SUP", claimed_at=1_700_000_100.0), wording=WORDING
        )
        first, first_actions, _, second_actions = validated(claimed)[1:]
        assert "<@U0SUP> took this" in first["text"]["text"]
        assert ActionId.ALERT_CLAIM.value not in {e["action_id"] for e in first_actions["elements"]}
        assert ActionId.ALERT_CLAIM.value in {e["action_id"] for e in second_actions["elements"]}
        closed = ab.overflow_message(self.listed(2, false_alarm_by="U0SUP"), wording=WORDING)
        kinds = [b["type"] for b in validated(closed)[1:]]
        assert kinds == ["section", "section", "actions"], "the closed alert keeps its line only"

    def test_quotes_are_clipped_and_escaped(self) -> None:
        alert = ab.ListedAlert(REF, replace(BRIEF, quote="<script> & " + "y" * 300))
        line = validated(ab.overflow_message([alert], wording=WORDING))[1]["text"]["text"]
        assert "&lt;script&gt; &amp;" in line and "<script>" not in line
        assert "…" in line and "y" * 100 not in line
