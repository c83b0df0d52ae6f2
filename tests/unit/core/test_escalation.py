"""Specification of the escalation policy: severity, one live alert, cooldown, renotify, answers."""

from __future__ import annotations

from dataclasses import replace
from datetime import datetime
from typing import Any
from zoneinfo import ZoneInfo

import pytest

from bot.core.escalation import AlertDecision, AlertState, EscalationPolicy, Severity
from bot.core.models import (
    Assessment,
    Cue,
    CueKind,
    Level,
    Request,
    RequestKind,
    Signal,
    Trend,
)
from phrasebook.escalation import EscalationBook, load_escalation

SOURCE = "C0SUPPORT"
SUPERVISORS = "C0LEADS"
T0 = datetime(2026, 11, 23, 10, 0, tzinfo=ZoneInfo("UTC")).timestamp()  # a Monday


def merged(base: Any, over: Any) -> Any:
    if isinstance(base, dict) and isinstance(over, dict):
        out = dict(base)
        for key, value in over.items():
            out[key] = merged(base[key], value) if key in base else value
        return out
    return over


def book_with(**fields: Any) -> EscalationBook:
    """The shipped book with some fields changed (validated like a team file)."""
    return EscalationBook.model_validate(merged(load_escalation().model_dump(), fields))


def policy(**fields: Any) -> EscalationPolicy:
    return EscalationPolicy(book_with(**fields), SUPERVISORS)


def cue(kind: CueKind, strength: float = 1.0, turn: int = 4) -> Cue:
    return Cue(
        kind=kind, evidence="short quote", why="matched a rule", turn=turn, strength=strength
    )


def assessed(
    *cues: Cue,
    level: Level = Level.FRUSTRATED,
    trend: Trend = Trend.STEADY,
    requests: tuple[Request, ...] = (),
    score: float = 0.6,
    grievance: bool | None = None,
) -> Assessment:
    """A customer message read at `level`; it carries a complaint unless it reads calm or
    `grievance` says otherwise."""
    return Assessment(
        turn=4,
        customer_turn=2,
        score=score,
        level=level,
        frustrated=level is not Level.CALM,
        heat=score,
        trend=trend,
        cues=cues,
        requests=requests,
        grievance=level is not Level.CALM if grievance is None else grievance,
    )


def first_alert(
    p: EscalationPolicy, a: Assessment, now: float = T0, history: tuple[float, ...] = ()
) -> tuple[AlertState, AlertDecision]:
    state, decision = p.assess(AlertState(), a, SOURCE, now, history)
    assert decision is not None
    return state, decision


class TestTiers:
    @pytest.mark.parametrize(
        "kind", [CueKind.THREAT_ABUSE, CueKind.LEGAL, CueKind.DATA_EXPOSURE, CueKind.SAFETY]
    )
    def test_threats_legal_steps_data_exposure_and_harm_are_critical(self, kind: CueKind) -> None:
        _, d = first_alert(policy(), assessed(cue(kind), level=Level.UNEASY))
        assert d.action == "post" and d.severity is Severity.CRITICAL

    def test_a_threat_is_critical_even_when_the_score_is_calm(self) -> None:
        _, d = first_alert(policy(), assessed(cue(CueKind.THREAT_ABUSE), level=Level.CALM))
        assert d.severity is Severity.CRITICAL

    @pytest.mark.parametrize("kind", [CueKind.CHURN, CueKind.MANAGER_REQUEST, CueKind.STALEMATE])
    def test_churn_in_anger_a_manager_request_and_a_stalemate_are_high(self, kind: CueKind) -> None:
        rounds = (0.5, 0.6, 0.6)  # a stalemate also needs its rounds in the thread's history
        _, d = first_alert(policy(), assessed(cue(kind), level=Level.FRUSTRATED), history=rounds)
        assert d.action == "post" and d.severity is Severity.HIGH

    def test_the_tier_does_not_rise_with_the_mood(self) -> None:
        """A manager request from an angry, rising customer is still a high ping, not critical."""
        a = assessed(cue(CueKind.MANAGER_REQUEST), level=Level.ANGRY, trend=Trend.RISING)
        assert first_alert(policy(), a)[1].severity is Severity.HIGH

    def test_an_inferred_cue_in_a_thread_cooling_at_a_low_level_is_only_watched(self) -> None:
        a = assessed(cue(CueKind.STALEMATE), level=Level.UNEASY, trend=Trend.COOLING)
        assert policy().cue_severity(a.cues[0], a) is Severity.WATCH

    def test_an_ask_the_agent_just_said_they_cannot_grant_keeps_its_tier_as_the_thread_cools(
        self,
    ) -> None:
        """ "I'm not able to approve anything beyond the hire fee myself": the agent said it, so a
        supervisor has to decide however calm the customer's last message was."""
        over = cue(CueKind.BEYOND_AUTHORITY)
        a = assessed(over, level=Level.UNEASY, trend=Trend.COOLING)
        assert policy().cue_severity(over, a) is Severity.WATCH
        declined = replace(a, agent_declined=True)
        assert policy().cue_severity(over, declined) is Severity.HIGH

    def test_a_manager_asked_for_after_a_rant_is_still_a_ping(self) -> None:
        a = assessed(cue(CueKind.MANAGER_REQUEST), level=Level.UNEASY, trend=Trend.COOLING)
        _, d = first_alert(policy(), a)
        assert (d.action, d.severity) == ("post", Severity.HIGH)

    def test_a_critical_cue_is_never_lowered(self) -> None:
        a = assessed(cue(CueKind.LEGAL), level=Level.UNEASY, trend=Trend.COOLING)
        assert first_alert(policy(), a)[1].severity is Severity.CRITICAL

    def test_most_severe_cue_comes_first_and_sets_the_severity(self) -> None:
        a = assessed(cue(CueKind.MANAGER_REQUEST), cue(CueKind.LEGAL), level=Level.FRUSTRATED)
        _, d = first_alert(policy(), a)
        assert d.severity is Severity.CRITICAL
        assert [c.kind for c in d.cues] == [CueKind.LEGAL, CueKind.MANAGER_REQUEST]


class TestWatch:
    def test_an_angry_thread_with_no_cue_is_watched_never_posted(self) -> None:
        state, d = first_alert(policy(), assessed(level=Level.ANGRY, trend=Trend.RISING))
        assert (d.action, d.severity, d.cue_kinds) == ("watch", Severity.WATCH, (CueKind.OUTRAGE,))
        assert state.watched and not state.live

    def test_outrage_alone_is_watched(self) -> None:
        _, d = first_alert(policy(), assessed(cue(CueKind.OUTRAGE), level=Level.ANGRY))
        assert d.action == "watch"

    def test_a_thread_is_watched_once(self) -> None:
        p = policy()
        state, _ = first_alert(p, assessed(level=Level.ANGRY))
        assert p.assess(state, assessed(level=Level.ANGRY), SOURCE, T0 + 60)[1] is None

    def test_a_watched_thread_that_earns_a_cue_is_posted(self) -> None:
        p = policy()
        state, _ = first_alert(p, assessed(level=Level.ANGRY))
        _, d = p.assess(state, assessed(cue(CueKind.LEGAL), level=Level.ANGRY), SOURCE, T0 + 60)
        assert d is not None and d.action == "post" and d.severity is Severity.CRITICAL

    def test_frustrated_without_a_cue_is_not_watched_unless_the_channel_is_eager(self) -> None:
        assert policy().assess(AlertState(), assessed(), SOURCE, T0)[1] is None
        eager = policy(channel_sensitivity={SOURCE: "eager"})
        assert first_alert(eager, assessed())[1].action == "watch"


class TestSensitivity:
    def test_a_conservative_channel_needs_more_heat_for_a_churn_ping(self) -> None:
        calmly = assessed(cue(CueKind.CHURN), level=Level.CALM, grievance=True)
        assert first_alert(policy(), calmly)[1].action == "post"  # leaving over the service
        p = policy(channel_sensitivity={SOURCE: "conservative"})
        assert p.assess(AlertState(), calmly, SOURCE, T0)[1] is None
        assert first_alert(p, assessed(cue(CueKind.CHURN), level=Level.UNEASY))[1].action == "post"

    def test_a_cancellation_with_no_complaint_is_an_account_change_not_a_ping(self) -> None:
        routine = assessed(cue(CueKind.CHURN), level=Level.UNEASY, grievance=False)
        assert policy().assess(AlertState(), routine, SOURCE, T0)[1] is None

    def test_no_preset_quiets_a_threat(self) -> None:
        p = policy(channel_sensitivity={SOURCE: "conservative"})
        a = assessed(cue(CueKind.THREAT_ABUSE, strength=0.6), level=Level.CALM)
        assert first_alert(p, a)[1].severity is Severity.CRITICAL

    def test_an_unknown_preset_is_a_phrasebook_error(self) -> None:
        with pytest.raises(ValueError, match="unknown sensitivity"):
            book_with(channel_sensitivity={SOURCE: "sleepy"})

    def test_what_a_channel_learned_raises_the_strength_a_cue_needs(self) -> None:
        p = policy()
        a = assessed(cue(CueKind.MANAGER_REQUEST, strength=0.8), level=Level.FRUSTRATED)
        assert first_alert(p, a)[1].action == "post"
        assert p.assess(AlertState(), a, SOURCE, T0, (), learned=0.2)[1] is None


class TestLookAlikes:
    def test_no_cue_means_no_ping_however_angry(self) -> None:
        """Anger alone is watched (listed, rolled up), never an individual ping."""
        a = assessed(level=Level.ANGRY, trend=Trend.RISING, score=0.95)
        _, d = policy().assess(AlertState(), a, SOURCE, T0)
        assert d is not None and d.action == "watch"

    def test_engine_escalate_flag_alone_invents_no_cue(self) -> None:
        a = Assessment(
            turn=1,
            customer_turn=0,
            score=0.6,
            level=Level.FRUSTRATED,
            frustrated=True,
            heat=0.6,
            trend=Trend.RISING,
            escalate=True,
        )
        assert policy().assess(AlertState(), a, SOURCE, T0)[1] is None

    def test_calm_cancellation_does_not_fire(self) -> None:
        a = assessed(cue(CueKind.CHURN), level=Level.CALM, score=0.1)
        assert policy().assess(AlertState(), a, SOURCE, T0)[1] is None

    def test_weak_cue_below_its_strength_does_not_ping(self) -> None:
        a = assessed(cue(CueKind.MANAGER_REQUEST, strength=0.4), level=Level.FRUSTRATED)
        assert policy().assess(AlertState(), a, SOURCE, T0)[1] is None

    def test_unread_language_stays_neutral(self) -> None:
        a = Assessment(
            turn=1,
            customer_turn=0,
            score=0.0,
            level=Level.CALM,
            frustrated=False,
            heat=0.0,
            trend=Trend.STEADY,
            cues=(cue(CueKind.THREAT_ABUSE),),
            handled_language=False,
        )
        assert policy().assess(AlertState(), a, SOURCE, T0)[1] is None


def cooling_stalemate(level: Level, *said: Signal) -> Assessment:
    """A stalemate raised as the thread cools, with what this message and the reply said."""
    return replace(assessed(cue(CueKind.STALEMATE), level=level, trend=Trend.COOLING), signals=said)


class TestStalemate:
    def test_needs_several_hot_rounds(self) -> None:
        p = policy(stalemate={"min_rounds": 3, "min_score": 0.5})
        a = assessed(cue(CueKind.STALEMATE), level=Level.FRUSTRATED)
        assert p.assess(AlertState(), a, SOURCE, T0, (0.6, 0.7))[1] is None
        assert p.assess(AlertState(), a, SOURCE, T0, (0.6, 0.7, 0.65))[1] is not None

    def test_a_cool_round_in_the_window_breaks_it(self) -> None:
        p = policy(stalemate={"min_rounds": 3, "min_score": 0.5})
        a = assessed(cue(CueKind.STALEMATE), level=Level.FRUSTRATED)
        assert p.assess(AlertState(), a, SOURCE, T0, (0.9, 0.6, 0.3, 0.7))[1] is None

    def test_a_cooling_thread_is_progress_not_stalemate(self) -> None:
        p = policy()
        a = assessed(cue(CueKind.STALEMATE), level=Level.FRUSTRATED, trend=Trend.COOLING)
        assert p.assess(AlertState(), a, SOURCE, T0, (0.8, 0.8, 0.8))[1] is None

    def test_cooling_after_another_holding_line_is_still_stuck(self) -> None:
        """0.98, 0.97, then 0.75 asking for the same credit note a fourth time after the same
        "accounts have been chased": a little cooler, not unstuck (batch 280)."""
        p = policy()
        canned = Signal("agent.canned", "agent sent a canned reply", "", 0.4)
        a = cooling_stalemate(Level.FRUSTRATED, canned)
        assert p.assess(AlertState(), a, SOURCE, T0, (0.98, 0.97, 0.75))[1] is not None

    def test_cooling_after_a_reply_that_explained_is_progress(self) -> None:
        """The same cooling after "it's held because the crew socks were short, it ships
        Thursday" (an apology and an answer, no holding line): progress (batch 129)."""
        p = policy()
        sorry = Signal("agent.apology", "agent apologised", "", 0.2)
        a = cooling_stalemate(Level.FRUSTRATED, sorry)
        assert p.assess(AlertState(), a, SOURCE, T0, (0.76, 0.96, 0.59))[1] is None

    def test_cooling_while_still_angry_and_saying_it_goes_round_is_still_stuck(self) -> None:
        """0.97 then 0.90 with "this is the fourth time I'm asking the same question": a little
        cooler, not unstuck."""
        p = policy()
        loop = Signal("repeat.loop", "says the conversation goes round in circles", "", 1.0)
        a = cooling_stalemate(Level.ANGRY, loop)
        assert p.assess(AlertState(), a, SOURCE, T0, (0.8, 0.97, 0.9))[1] is not None


class TestAuthority:
    def refund(self, amount: float | None, currency: str = "USD") -> Request:
        return Request(RequestKind.REFUND, amount, currency, "refund of the full year", 3)

    def test_request_above_the_team_limit_is_a_cue_with_the_figures(self) -> None:
        p = policy(authority={"refund": {"max": {"USD": 100}}})
        _, d = first_alert(p, assessed(requests=(self.refund(500),), level=Level.FRUSTRATED))
        assert d.cues[0].kind is CueKind.BEYOND_AUTHORITY
        assert "500 USD" in d.cues[0].why and "100 USD" in d.cues[0].why
        assert d.cues[0].evidence == "refund of the full year"

    def test_a_polite_first_request_above_the_limit_goes_to_the_agent_not_a_supervisor(
        self,
    ) -> None:
        """Over the limit but calm and not yet declined: the agent can ask for sign-off."""
        p = policy(authority={"refund": {"max": {"USD": 100}}})
        calm = assessed(requests=(self.refund(500),), level=Level.UNEASY)
        assert p.assess(AlertState(), calm, SOURCE, T0)[1] is None

    def test_an_opening_request_above_the_limit_waits_for_the_agent_unless_the_words_are_hot(
        self,
    ) -> None:
        """Batch 101: "arrived 4 hours late and half had melted. We'd like a refund for the 150
        unusable bags, $675" reads frustrated, but no agent has answered yet: the agent gets the
        first go. Heated words, or the same ask after the agent's reply, do reach a supervisor."""
        p = policy(authority={"refund": {"max": {"USD": 100}}})
        opening = replace(
            assessed(requests=(self.refund(675),), level=Level.FRUSTRATED),
            turn=0,
            customer_turn=0,
        )
        assert p.assess(AlertState(), opening, SOURCE, T0)[1] is None
        hot = replace(opening, heated=True)
        assert first_alert(p, hot)[1].cues[0].kind is CueKind.BEYOND_AUTHORITY
        later = assessed(requests=(self.refund(675),), level=Level.FRUSTRATED)
        assert first_alert(p, later)[1].cues[0].kind is CueKind.BEYOND_AUTHORITY

    def test_a_request_the_agent_said_they_cannot_grant_needs_a_supervisor(self) -> None:
        """Calm, but the agent already said it is not theirs to give: a supervisor decides."""
        p = policy(authority={"refund": {"max": {"USD": 100}}})
        a = replace(assessed(requests=(self.refund(500),), level=Level.UNEASY), agent_declined=True)
        _, d = first_alert(p, a)
        assert d.action == "post" and d.cues[0].kind is CueKind.BEYOND_AUTHORITY

    def test_request_within_the_limit_is_not(self) -> None:
        p = policy(authority={"refund": {"max": {"USD": 100}}})
        assert p.assess(AlertState(), assessed(requests=(self.refund(100),)), SOURCE, T0)[1] is None

    def test_missing_currency_uses_the_team_default(self) -> None:
        p = policy(authority={"refund": {"max": {"EUR": 200}}}, default_currency="EUR")
        assert p.beyond_authority((self.refund(150, ""),)) == ()
        assert len(p.beyond_authority((self.refund(250, ""),))) == 1

    def test_unlisted_currency_goes_to_a_supervisor(self) -> None:
        p = policy(authority={"refund": {"max": {"USD": 100}}})
        assert len(p.beyond_authority((self.refund(20, "JPY"),))) == 1

    def test_no_amount_no_judgement_unless_the_kind_always_needs_one(self) -> None:
        p = policy()
        change = Request(RequestKind.CONTRACT_CHANGE, None, "", "move us to monthly", 2)
        assert p.beyond_authority((self.refund(None),)) == ()
        assert [c.kind for c in p.beyond_authority((change,))] == [CueKind.BEYOND_AUTHORITY]

    def test_an_ask_with_no_amount_refused_and_insisted_on_in_heat_needs_a_supervisor(
        self,
    ) -> None:
        """ "Then get it approved": the agent said no (or not theirs to give), the customer is
        heated and insists; whatever the amount, a supervisor decides. Said no to calmly, or
        answered with a policy and no refusal, it stays with the agent."""
        p = policy()
        ask = (self.refund(None),)
        insisted = replace(
            assessed(requests=ask, level=Level.FRUSTRATED), agent_declined=True, agent_refused=True
        )
        _, d = first_alert(p, insisted)
        assert d.cues[0].kind is CueKind.BEYOND_AUTHORITY and "cannot grant" in d.cues[0].why
        calm = replace(
            assessed(requests=ask, level=Level.UNEASY), agent_declined=True, agent_refused=True
        )
        assert p.assess(AlertState(), calm, SOURCE, T0)[1] is None
        policy_only = replace(assessed(requests=ask, level=Level.FRUSTRATED), agent_declined=True)
        assert p.assess(AlertState(), policy_only, SOURCE, T0)[1] is None

    def test_an_exception_the_agent_cannot_grant_is_a_supervisors_call_only_in_heat(
        self,
    ) -> None:
        """ "I'm not able to bypass the reconnection queue" to a heated customer: not the agent's
        to give, and the customer cannot wait, so a supervisor decides. Said to a calm one, the
        agent's answer may well be the end of it."""
        p = policy()
        ask = (Request(RequestKind.EXCEPTION, None, "", "not able to bypass the queue", 3),)
        heated = replace(
            assessed(requests=ask, level=Level.FRUSTRATED), agent_declined=True, agent_refused=True
        )
        _, d = first_alert(p, heated)
        assert d.cues[0].kind is CueKind.BEYOND_AUTHORITY and "cannot grant" in d.cues[0].why
        calm = replace(
            assessed(requests=ask, level=Level.UNEASY), agent_declined=True, agent_refused=True
        )
        assert p.assess(AlertState(), calm, SOURCE, T0)[1] is None

    @staticmethod
    def said_above_level(ask: tuple[Request, ...]) -> Assessment:
        """A polite reply to an agent who said the ask is above their level."""
        return replace(
            assessed(requests=ask, level=Level.UNEASY),
            agent_declined=True,
            agent_refused=True,
            agent_above_level=True,
        )

    def test_an_ask_the_agent_says_is_above_their_level_is_a_supervisors_call(self) -> None:
        """ "Anything over $2,000 has to be signed off above my level": the agent says in so many
        words that someone above them decides, so a supervisor is told even though the customer
        stays polite ("Understood, thanks for being upfront. What's the next step?")."""
        p = policy()
        polite = self.said_above_level((self.refund(None),))
        _, d = first_alert(p, polite)
        assert d.cues[0].kind is CueKind.BEYOND_AUTHORITY

    def test_the_agents_word_that_it_is_above_their_level_outweighs_a_misread_amount(
        self,
    ) -> None:
        """Batch 253: the ask's first figure was a £1.29 shelf price, under any limit, but the
        agent said "the most I'm able to authorise is £1,500": their word decides. Without it,
        the small amount stays under the limit."""
        p = policy()
        ask = (self.refund(1.29),)
        _, d = first_alert(p, self.said_above_level(ask))
        assert d.cues[0].kind is CueKind.BEYOND_AUTHORITY
        assert p.beyond_authority(ask, refused_in_heat=True) == ()

    def test_team_can_raise_a_limit_and_silence_the_cue(self) -> None:
        assert len(policy().beyond_authority((self.refund(150),))) == 1
        raised = policy(authority={"refund": {"max": {"USD": 1000}}})
        assert raised.beyond_authority((self.refund(150),)) == ()


class TestPerChannel:
    def test_a_team_can_raise_a_cue_threshold_for_one_channel(self) -> None:
        p = policy(channel_thresholds={SOURCE: {"min_level": {"churn": "angry"}}})
        a = assessed(cue(CueKind.CHURN), level=Level.FRUSTRATED)
        assert p.assess(AlertState(), a, SOURCE, T0)[1] is None
        assert p.assess(AlertState(), a, "C0OTHER", T0)[1] is not None

    def test_a_channel_can_require_a_minimum_severity(self) -> None:
        p = policy(channel_thresholds={SOURCE: {"min_severity": "critical"}})
        low = assessed(cue(CueKind.MANAGER_REQUEST), level=Level.FRUSTRATED)
        high = assessed(cue(CueKind.LEGAL), level=Level.FRUSTRATED)
        assert p.assess(AlertState(), low, SOURCE, T0)[1] is None
        assert p.assess(AlertState(), high, SOURCE, T0)[1] is not None

    def test_a_channel_can_demand_clearer_cues(self) -> None:
        p = policy(channel_thresholds={SOURCE: {"min_strength": 0.9}})
        a = assessed(cue(CueKind.LEGAL, strength=0.8))
        assert p.assess(AlertState(), a, SOURCE, T0)[1] is None

    def test_routes_send_alerts_to_the_channel_s_supervisors(self) -> None:
        p = policy(routes={SOURCE: "C0EMEA_LEADS"})
        assert first_alert(p, assessed(cue(CueKind.LEGAL)))[1].route_channel == "C0EMEA_LEADS"
        other = p.assess(AlertState(), assessed(cue(CueKind.LEGAL)), "C0X", T0)[1]
        assert other is not None and other.route_channel == SUPERVISORS

    def test_never_routes_an_alert_into_the_customer_channel(self) -> None:
        p = EscalationPolicy(book_with(), SOURCE)
        assert p.assess(AlertState(), assessed(cue(CueKind.THREAT_ABUSE)), SOURCE, T0)[1] is None

    def test_a_route_back_to_the_source_is_rejected_as_data(self) -> None:
        with pytest.raises(ValueError, match="points back"):
            book_with(routes={SOURCE: SOURCE})


class TestOneLiveAlert:
    def test_first_cue_posts_a_new_alert(self) -> None:
        state, d = first_alert(policy(), assessed(cue(CueKind.LEGAL)))
        assert d.action == "post" and state.live and state.posted_at == T0
        assert state.cue_kinds == ("legal",) and state.severity == Severity.CRITICAL

    def test_the_same_cue_again_or_a_lower_severity_changes_nothing(self) -> None:
        p = policy()
        state, _ = first_alert(p, assessed(cue(CueKind.LEGAL)))
        again = p.assess(state, assessed(cue(CueKind.LEGAL)), SOURCE, T0 + 60)
        lower = p.assess(state, assessed(cue(CueKind.MANAGER_REQUEST)), SOURCE, T0 + 60)
        assert again == (state, None) and lower == (state, None)

    def test_an_engine_authority_guess_without_a_limit_breach_does_not_alert(self) -> None:
        p = policy()
        refund = Request(RequestKind.REFUND, None, "", "can you refund the charge", 0)
        guess = cue(CueKind.BEYOND_AUTHORITY)
        state, d = p.assess(AlertState(), assessed(guess, requests=(refund,)), SOURCE, T0)
        assert d is None and not state.live

    def test_a_new_cue_kind_at_the_same_severity_updates_the_alert(self) -> None:
        p = policy()
        state, _ = first_alert(p, assessed(cue(CueKind.CHURN)))
        state, d = p.assess(state, assessed(cue(CueKind.MANAGER_REQUEST)), SOURCE, T0 + 60)
        assert d is not None and d.action == "update"
        assert state.cue_kinds == ("churn", "manager_request") and state.severity == Severity.HIGH

    def test_higher_severity_updates_the_same_alert(self) -> None:
        p = policy()
        state, _ = first_alert(p, assessed(cue(CueKind.CHURN)))
        state = p.mark_posted(state, SUPERVISORS, "1700000000.000100", T0 + 1)
        new, d = p.assess(state, assessed(cue(CueKind.THREAT_ABUSE)), SOURCE, T0 + 60)
        assert d is not None and d.action == "update" and d.severity is Severity.CRITICAL
        assert new.message_ts == "1700000000.000100" and new.posted_at == T0
        assert new.cue_kinds == ("churn", "threat_abuse") and new.alerts_raised == 1

    def test_a_claimed_alert_still_updates_when_it_gets_worse(self) -> None:
        p = policy()
        state, _ = first_alert(p, assessed(cue(CueKind.LEGAL)))
        state = p.claim(state, "U0BOSS", T0 + 30)
        new, d = p.assess(state, assessed(cue(CueKind.THREAT_ABUSE)), SOURCE, T0 + 60)
        assert d is not None and d.action == "update" and new.claimed_by == "U0BOSS"


class TestCooldown:
    def test_no_new_alert_within_the_cooldown_after_resolve(self) -> None:
        p = policy(cooldown_seconds=900)
        state, _ = first_alert(p, assessed(cue(CueKind.LEGAL)))
        state = p.resolve(state, T0 + 100)
        assert p.assess(state, assessed(cue(CueKind.LEGAL)), SOURCE, T0 + 999)[1] is None

    def test_a_new_alert_after_the_cooldown(self) -> None:
        p = policy(cooldown_seconds=900)
        state, _ = first_alert(p, assessed(cue(CueKind.LEGAL)))
        state = p.false_alarm(state, "U0BOSS", "", T0 + 100)
        new, d = p.assess(state, assessed(cue(CueKind.LEGAL)), SOURCE, T0 + 1000)
        assert d is not None and d.action == "post"
        assert new.live and not new.false_alarm and new.alerts_raised == 2

    def test_something_more_severe_breaks_through_the_cooldown(self) -> None:
        p = policy(cooldown_seconds=900)
        state, _ = first_alert(p, assessed(cue(CueKind.CHURN)))
        state = p.false_alarm(state, "U0BOSS", "quoted contract", T0 + 100)
        _, d = p.assess(state, assessed(cue(CueKind.THREAT_ABUSE)), SOURCE, T0 + 200)
        assert d is not None and d.action == "post" and d.severity is Severity.CRITICAL


class TestRenotify:
    def test_unclaimed_severe_alert_renotifies_once_after_the_delay(self) -> None:
        p = policy(renotify_after_seconds=600)
        state, _ = first_alert(p, assessed(cue(CueKind.LEGAL)))
        assert p.due_renotify(state, T0 + 599) is None
        d = p.due_renotify(state, T0 + 600)
        assert d is not None and d.action == "renotify" and d.route_channel == SUPERVISORS
        state = p.mark_renotified(state, T0 + 600)
        assert p.due_renotify(state, T0 + 5000) is None

    def test_claimed_alerts_do_not_renotify(self) -> None:
        p = policy()
        state, _ = first_alert(p, assessed(cue(CueKind.LEGAL)))
        state = p.claim(state, "U0BOSS", T0 + 5)
        assert p.due_renotify(state, T0 + 10_000) is None

    def test_alerts_below_the_renotify_severity_do_not_renotify(self) -> None:
        p = policy(renotify_min_severity="critical")
        state, _ = first_alert(p, assessed(cue(CueKind.MANAGER_REQUEST)))
        assert state.severity == Severity.HIGH
        assert p.due_renotify(state, T0 + 10_000) is None

    def test_closed_alerts_do_not_renotify(self) -> None:
        p = policy()
        state, _ = first_alert(p, assessed(cue(CueKind.LEGAL)))
        assert p.due_renotify(p.resolve(state, T0 + 1), T0 + 10_000) is None


class TestAnswers:
    def test_claim_records_who_and_when_and_first_claim_wins(self) -> None:
        p = policy()
        state, _ = first_alert(p, assessed(cue(CueKind.LEGAL)))
        claimed = p.claim(state, "U0ANA", T0 + 10)
        assert (claimed.claimed_by, claimed.claimed_at) == ("U0ANA", T0 + 10)
        assert p.claim(claimed, "U0BEN", T0 + 11) == claimed

    def test_reassign_hands_ownership_over(self) -> None:
        p = policy()
        state, _ = first_alert(p, assessed(cue(CueKind.LEGAL)))
        moved = p.reassign(p.claim(state, "U0ANA", T0 + 10), "U0BEN", T0 + 20)
        assert (moved.claimed_by, moved.claimed_at, moved.reassigned) == ("U0BEN", T0 + 20, True)
        assert moved.live

    def test_false_alarm_closes_the_alert_with_who_and_a_short_reason(self) -> None:
        p = policy()
        state, _ = first_alert(p, assessed(cue(CueKind.LEGAL)))
        closed = p.false_alarm(state, "U0ANA", "  " + "x" * 500, T0 + 10)
        assert not closed.live and closed.false_alarm and closed.false_alarm_by == "U0ANA"
        assert closed.closed_at == T0 + 10 and len(closed.false_alarm_reason) == 200

    def test_answers_on_a_closed_or_missing_alert_change_nothing(self) -> None:
        p = policy()
        none = AlertState()
        assert p.claim(none, "U0ANA", T0) == none
        assert p.reassign(none, "U0ANA", T0) == none
        assert p.false_alarm(none, "U0ANA", "", T0) == none
        assert p.resolve(none, T0) == none

    def test_state_survives_a_json_round_trip(self) -> None:
        p = policy()
        state, _ = first_alert(p, assessed(cue(CueKind.LEGAL), cue(CueKind.CHURN)))
        state = p.mark_posted(p.claim(state, "U0ANA", T0 + 3), SUPERVISORS, "1.2", T0 + 1)
        assert AlertState.from_json(state.to_json()) == state
        assert AlertState.from_json(None) == AlertState()
