"""Escalation policy: typed cues + frustration -> one live supervisor alert per thread.

Pure and deterministic: `now` is always an argument, state goes in and comes out as values.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field, replace
from datetime import datetime
from enum import IntEnum
from typing import Any, Literal

from bot.core import features as F
from bot.core.models import Assessment, Cue, CueKind, Level, Request, Trend
from phrasebook.escalation import EscalationBook, Sensitivity, SeverityName
from phrasebook.render import render

LEVEL_RANK: dict[Level, int] = {Level.CALM: 0, Level.UNEASY: 1, Level.FRUSTRATED: 2, Level.ANGRY: 3}
# cues that count whatever the tone and whatever a channel's sensitivity: a calm legal threat, a
# politely reported data leak, a cold threat or an injury told in measured words is still urgent
_ANY_TONE = frozenset({CueKind.THREAT_ABUSE, CueKind.LEGAL, CueKind.DATA_EXPOSURE, CueKind.SAFETY})
_REASON_LIMIT = 200
AUTHORITY_STRENGTH = 0.6  # a request over the limit: weaker evidence than words the customer said


class Severity(IntEnum):
    """The tier of an alert: how urgently a supervisor should look.

    WATCH: heated, no escalation cue: listed and rolled up, never pinged on its own.
    HIGH: churn in anger, a manager request, a stalemate, a request beyond the agent's authority.
    CRITICAL: threats or abuse, legal or regulatory steps, data exposure, someone hurt or in
    danger: at once, paged if set.
    """

    WATCH = 1
    HIGH = 2
    CRITICAL = 3

    @classmethod
    def named(cls, name: SeverityName) -> Severity:
        """The severity for a phrasebook name ("watch" | "high" | "critical")."""
        return cls[name.upper()]

    @property
    def key(self) -> SeverityName:
        """The phrasebook name of this severity."""
        names: dict[int, SeverityName] = {1: "watch", 2: "high", 3: "critical"}
        return names[int(self)]


Action = Literal["post", "update", "renotify", "watch"]


@dataclass(frozen=True, slots=True)
class AlertState:
    """Alert bookkeeping for one thread (ids, times and flags only; never customer text)."""

    live: bool = False
    severity: int = 0  # Severity value, 0 while no alert was ever raised
    cue_kinds: tuple[str, ...] = ()
    posted_at: float | None = None
    claimed_by: str | None = None
    claimed_at: float | None = None
    reassigned: bool = False
    false_alarm: bool = False
    false_alarm_by: str | None = None
    false_alarm_reason: str = ""
    closed_at: float | None = None
    renotified: bool = False
    paged: bool = False
    last_notified_at: float | None = None
    route_channel: str = ""
    message_channel: str = ""
    message_ts: str = ""
    # the message is an overflow message naming several alerts (a burst): edits re-render it whole
    rolled_up: bool = False
    alerts_raised: int = 0
    watched: bool = False  # on the heating-up list (watch tier), not pinged
    watched_at: float | None = None

    def to_json(self) -> dict[str, Any]:
        """A JSON-safe dict for the thread store."""
        return {
            "live": self.live,
            "severity": self.severity,
            "cue_kinds": list(self.cue_kinds),
            "posted_at": self.posted_at,
            "claimed_by": self.claimed_by,
            "claimed_at": self.claimed_at,
            "reassigned": self.reassigned,
            "false_alarm": self.false_alarm,
            "false_alarm_by": self.false_alarm_by,
            "false_alarm_reason": self.false_alarm_reason,
            "closed_at": self.closed_at,
            "renotified": self.renotified,
            "paged": self.paged,
            "last_notified_at": self.last_notified_at,
            "route_channel": self.route_channel,
            "message_channel": self.message_channel,
            "message_ts": self.message_ts,
            "rolled_up": self.rolled_up,
            "alerts_raised": self.alerts_raised,
            "watched": self.watched,
            "watched_at": self.watched_at,
        }

    @classmethod
    def from_json(cls, data: dict[str, Any] | None) -> AlertState:
        """Rebuild from `to_json()` output; unknown keys are ignored, missing ones default."""
        if not data:
            return cls()
        known = {k: v for k, v in data.items() if k in cls.__dataclass_fields__}
        if "cue_kinds" in known:
            known["cue_kinds"] = tuple(str(k) for k in known["cue_kinds"])
        return cls(**known)


@dataclass(frozen=True, slots=True)
class AlertDecision:
    """What to do about a thread's alert now."""

    action: Action
    severity: Severity
    cues: tuple[Cue, ...]
    page: bool
    route_channel: str
    cue_kinds: tuple[CueKind, ...] = field(default=())

    @property
    def primary(self) -> Cue | None:
        """The cue that sets the severity (first of `cues`)."""
        return self.cues[0] if self.cues else None


def _amount(value: float) -> str:
    return f"{value:,.0f}" if float(value).is_integer() else f"{value:,.2f}"


class EscalationPolicy:
    """Decides when a thread's customer needs a supervisor, and tracks the one live alert."""

    def __init__(self, book: EscalationBook, default_channel: str) -> None:
        self.book = book
        self.default_channel = default_channel

    # --- reading the assessment ---------------------------------------------------------

    def _preset(self, channel_id: str) -> Sensitivity | None:
        name = self.book.channel_sensitivity.get(channel_id)
        return self.book.sensitivity.get(name) if name else None

    def _min_level(self, kind: CueKind, channel_id: str) -> Level:
        level = self.book.cues[kind].min_level
        override = self.book.channel_thresholds.get(channel_id)
        if override is not None and kind in override.min_level:
            level = override.min_level[kind]
        preset = self._preset(channel_id)
        if preset is not None and preset.cue_level_shift and kind not in _ANY_TONE:
            rank = max(0, min(3, LEVEL_RANK[level] + preset.cue_level_shift))
            level = next(lv for lv, r in LEVEL_RANK.items() if r == rank)
        return level

    def _min_strength(self, kind: CueKind, channel_id: str, learned: float = 0.0) -> float:
        override = self.book.channel_thresholds.get(channel_id)
        floor = self.book.cues[kind].min_strength
        if override is not None and override.min_strength is not None:
            floor = max(floor, override.min_strength)
        preset = self._preset(channel_id)
        if preset is not None and kind not in _ANY_TONE:
            floor = max(floor, preset.min_strength)
        return min(1.0, floor + learned) if kind not in _ANY_TONE else floor

    def watch_level(self, channel_id: str) -> Level:
        """How hot a thread with no cue must be to be watched in this channel."""
        preset = self._preset(channel_id)
        if preset is not None and preset.watch_level is not None:
            return preset.watch_level
        return self.book.watch.min_level

    def _min_severity(self, channel_id: str) -> Severity:
        override = self.book.channel_thresholds.get(channel_id)
        if override is not None and override.min_severity is not None:
            return Severity.named(override.min_severity)
        return Severity.named(self.book.min_severity)

    def _stalemate_holds(self, assessment: Assessment, history: Sequence[float]) -> bool:
        rule = self.book.stalemate
        recent = list(history)[-rule.min_rounds :]
        if len(recent) < rule.min_rounds or any(s < rule.min_score for s in recent):
            return False
        # cooling while still heated is still stuck when it says it goes round ("this is the
        # fourth time I'm asking the same question"), or when the reply it answers was another
        # holding line ("Accounts have been chased and they will contact you directly." ->
        # "Nobody from your accounts has contacted us in three weeks"); cooling after a reply that
        # explained or offered something is progress, even one the engine cannot name
        said = {s.id for s in assessment.signals}
        stuck = F.SAYS_LOOP in said or F.AGENT_CANNED in said
        return assessment.trend is not Trend.COOLING or (stuck and self.heated(assessment))

    @staticmethod
    def heated(assessment: Assessment) -> bool:
        """Frustrated or angry: heated enough that a refused ask is a supervisor's call."""
        return LEVEL_RANK[assessment.level] >= LEVEL_RANK[Level.FRUSTRATED]

    def beyond_authority(
        self,
        requests: Sequence[Request],
        *,
        refused_in_heat: bool = False,
        above_level: bool = False,
    ) -> tuple[Cue, ...]:
        """Cues for the requests that exceed what the team lets an agent grant. A request with
        no amount counts only when `refused_in_heat`: the agent has said it is not theirs to grant
        ("anything over $2,000 is signed off above my level"), or said no to it and the customer
        insists, heated ("Then get it approved. Three months' credit, confirmed tonight"). When
        the agent has said it is `above_level`, their word outweighs the amount read from the
        ask ("the most I'm able to authorise is £1,500" for a claim whose first figure is a £1.29
        shelf price)."""
        cues: list[Cue] = []
        templates = self.book.wording.templates
        for req in requests:
            limit = self.book.authority.get(req.kind)
            if limit is None:
                continue
            kind = req.kind.value.replace("_", " ")
            if limit.always:
                why = render(templates["beyond_authority_any"], {"kind": kind})
            elif req.amount is None or above_level:
                if not refused_in_heat:
                    continue
                why = render(templates["beyond_authority_refused"], {"kind": kind})
            else:
                currency = (req.currency or self.book.default_currency).upper()
                cap = limit.max.get(currency)
                if cap is not None and req.amount <= cap:
                    continue
                shown = (
                    f"{_amount(cap)} {currency}" if cap is not None else "nothing in that currency"
                )
                why = render(
                    templates["beyond_authority_why"],
                    {"kind": kind, "amount": f"{_amount(req.amount)} {currency}", "limit": shown},
                )
            cues.append(
                Cue(CueKind.BEYOND_AUTHORITY, req.evidence[:200], why, req.turn, AUTHORITY_STRENGTH)
            )
        return tuple(cues)

    def cue_severity(self, cue: Cue, assessment: Assessment) -> Severity:
        """The cue's tier; a cue the engine inferred (a stalemate, a request beyond authority) in
        a thread cooling at a calm or uneasy level reads one tier lower. A cue the customer spoke
        (a manager asked for, leaving) keeps its tier: a calmer message after a rant that asks
        for someone senior still needs one; so does an ask over the limit the agent has just said
        they cannot grant (the agent said it, not the mood). Tiers never rise with the mood."""
        base = Severity.named(self.book.cues[cue.kind].severity)
        cooling = assessment.trend is Trend.COOLING
        declined = cue.kind is CueKind.BEYOND_AUTHORITY and assessment.agent_declined
        inferred = cue.kind in (CueKind.STALEMATE, CueKind.BEYOND_AUTHORITY) and not declined
        if base is Severity.HIGH and inferred and cooling and LEVEL_RANK[assessment.level] <= 1:
            return Severity.WATCH
        return base

    def qualifying(
        self,
        assessment: Assessment,
        channel_id: str,
        history: Sequence[float] = (),
        learned: float = 0.0,
    ) -> list[tuple[Severity, Cue]]:
        """The cues that count here, most severe first, each with its severity.

        `learned` raises the strength a cue needs in this channel (from supervisors' answers)."""
        found: list[tuple[Severity, Cue]] = []
        # authority is the team's call: only requests above its limits count, not the engine's
        # guess, and only when the thread is heated or the agent said they cannot grant it; a
        # polite first request goes to the agent, not to a supervisor
        spoken = [c for c in assessment.cues if c.kind is not CueKind.BEYOND_AUTHORITY]
        heated = self.heated(assessment)
        # an ask with no amount is over the limit when the agent says so ("that has to be signed
        # off above my level"), or when a heated customer insists after a no
        over = self.beyond_authority(
            assessment.requests,
            refused_in_heat=(heated and assessment.agent_refused) or assessment.agent_above_level,
            above_level=assessment.agent_above_level,
        )
        # before any agent reply the thread has not had its chance to go well: an over-limit ask
        # in the opening message waits for the agent unless the words themselves are heated
        answered = assessment.replies_before > 0
        in_heat = heated and (answered or assessment.heated or assessment.level is Level.ANGRY)
        candidates = spoken + (list(over) if in_heat or assessment.agent_declined else [])
        rank = LEVEL_RANK[assessment.level]
        for cue in candidates:
            if cue.strength < self._min_strength(cue.kind, channel_id, learned):
                continue
            if rank < LEVEL_RANK[self._min_level(cue.kind, channel_id)]:
                continue
            if self.book.cues[cue.kind].needs_grievance and not assessment.grievance:
                continue  # "please cancel, the project is over": an account change
            if cue.kind is CueKind.STALEMATE and not self._stalemate_holds(assessment, history):
                continue
            found.append((self.cue_severity(cue, assessment), cue))
        found.sort(key=lambda pair: (-int(pair[0]), -pair[1].strength, pair[1].turn))
        return found

    def route_for(self, channel_id: str) -> str:
        """The supervisor channel that hears about threads in `channel_id`."""
        return self.book.routes.get(channel_id, self.default_channel)

    # --- deciding ------------------------------------------------------------------------

    def assess(
        self,
        state: AlertState,
        assessment: Assessment,
        channel_id: str,
        now: float,
        history: Sequence[float] = (),
        learned: float = 0.0,
    ) -> tuple[AlertState, AlertDecision | None]:
        """Fold one assessed customer message into the thread's alert; say what to post, if any.

        `history` is the thread's customer scores, oldest first, including this message;
        `learned` the extra cue strength this channel needs after supervisors' answers.
        A watch-tier thread (heated, no high or critical cue) gets a "watch" decision: no post of
        its own, it goes on the heating-up list and into the next roll-up.
        """
        if not assessment.handled_language:
            return state, None
        found = self.qualifying(assessment, channel_id, history, learned)
        if not found or found[0][0] is Severity.WATCH:
            return self._watch(state, assessment, channel_id, found, now)
        severity = found[0][0]
        if severity < self._min_severity(channel_id):
            return state, None
        route = state.route_channel if state.live and state.route_channel else None
        route = route or self.route_for(channel_id)
        if not route or route == channel_id:
            return state, None  # never post an internal alert into the customer's channel
        cues = tuple(cue for _, cue in found)
        kinds = tuple(dict.fromkeys(cue.kind for cue in cues))
        if state.live:
            new_kinds = tuple(dict.fromkeys((*state.cue_kinds, *(k.value for k in kinds))))
            if severity < state.severity or (
                severity == state.severity and new_kinds == state.cue_kinds
            ):
                return state, None  # nothing the supervisor does not already know
            decision = AlertDecision(
                "update", max(severity, Severity(state.severity)), cues, False, route, kinds
            )
            decision = replace(decision, page=not state.paged and self.should_page(decision, now))
            return (
                replace(
                    state,
                    severity=max(int(severity), state.severity),
                    cue_kinds=new_kinds,
                    paged=state.paged or decision.page,
                ),
                decision,
            )
        cooling_down = (
            state.closed_at is not None and now - state.closed_at < self.book.cooldown_seconds
        )
        if cooling_down and severity <= state.severity:
            return state, None
        decision = AlertDecision("post", severity, cues, False, route, kinds)
        decision = replace(decision, page=self.should_page(decision, now))
        fresh = AlertState(
            live=True,
            severity=int(severity),
            cue_kinds=tuple(k.value for k in kinds),
            posted_at=now,
            paged=decision.page,
            last_notified_at=now,
            route_channel=route,
            alerts_raised=state.alerts_raised + 1,
        )
        return fresh, decision

    def _watch(
        self,
        state: AlertState,
        assessment: Assessment,
        channel_id: str,
        found: list[tuple[Severity, Cue]],
        now: float,
    ) -> tuple[AlertState, AlertDecision | None]:
        """Heated with no high or critical cue: watch the thread (once), never ping it alone."""
        hot = LEVEL_RANK[assessment.level] >= LEVEL_RANK[self.watch_level(channel_id)]
        if state.live or state.watched or not (hot or found):
            return state, None
        if self._min_severity(channel_id) > Severity.WATCH:
            return state, None
        route = self.route_for(channel_id)
        if not route or route == channel_id:
            return state, None
        cues = tuple(cue for _, cue in found)
        kinds = tuple(dict.fromkeys(cue.kind for cue in cues)) or (CueKind.OUTRAGE,)
        decision = AlertDecision("watch", Severity.WATCH, cues, False, route, kinds)
        return replace(state, watched=True, watched_at=now, route_channel=route), decision

    def due_renotify(self, state: AlertState, now: float) -> AlertDecision | None:
        """A one-time reminder for a severe alert that nobody has claimed after the delay."""
        if not state.live or state.claimed_by or state.renotified or state.posted_at is None:
            return None
        if state.severity < Severity.named(self.book.renotify_min_severity):
            return None
        if now - state.posted_at < self.book.renotify_after_seconds:
            return None
        kinds = tuple(CueKind(k) for k in state.cue_kinds)
        return AlertDecision(
            "renotify",
            Severity(state.severity),
            (),
            False,
            state.route_channel or self.default_channel,
            kinds,
        )

    def mark_renotified(self, state: AlertState, now: float) -> AlertState:
        """Record that the reminder went out, so it never repeats."""
        return replace(state, renotified=True, last_notified_at=now)

    # --- supervisor answers ----------------------------------------------------------------

    def mark_posted(
        self, state: AlertState, channel: str, ts: str, now: float, *, rolled_up: bool = False
    ) -> AlertState:
        """Remember where the alert message lives so later changes update it in place
        (`rolled_up`: an overflow message that names other alerts too)."""
        return replace(
            state,
            message_channel=channel,
            message_ts=ts,
            last_notified_at=now,
            rolled_up=rolled_up,
        )

    def claim(self, state: AlertState, user_id: str, now: float) -> AlertState:
        """A supervisor takes the alert; the first claim wins, later ones change nothing."""
        if not state.live or state.claimed_by:
            return state
        return replace(state, claimed_by=user_id, claimed_at=now)

    def reassign(self, state: AlertState, user_id: str, now: float) -> AlertState:
        """Hand a live alert to someone else; they now own it."""
        if not state.live:
            return state
        return replace(state, claimed_by=user_id, claimed_at=now, reassigned=True)

    def false_alarm(self, state: AlertState, user_id: str, reason: str, now: float) -> AlertState:
        """Close a live alert as not needed; starts the cooldown."""
        if not state.live:
            return state
        return replace(
            state,
            live=False,
            false_alarm=True,
            false_alarm_by=user_id,
            false_alarm_reason=reason.strip()[:_REASON_LIMIT],
            closed_at=now,
        )

    def resolve(self, state: AlertState, now: float) -> AlertState:
        """Close a live alert because the thread is handled; starts the cooldown."""
        if not state.live:
            return state
        return replace(state, live=False, closed_at=now)

    # --- paging ------------------------------------------------------------------------------

    def in_business_hours(self, now: float) -> bool:
        """True when `now` falls in the team's open hours, in the team's time zone."""
        hours = self.book.business_hours
        local = datetime.fromtimestamp(now, hours.zone)
        if local.date() in hours.holidays or local.weekday() not in hours.weekdays:
            return False
        return hours.start_time <= local.time().replace(tzinfo=None) < hours.end_time

    def should_page(self, decision: AlertDecision, now: float) -> bool:
        """Page on-call only for the most severe alerts, when configured, outside open hours."""
        paging = self.book.paging
        if not paging.enabled or decision.action == "renotify":
            return False
        if decision.severity < Severity.named(paging.min_severity):
            return False
        return not (paging.outside_hours_only and self.in_business_hours(now))
