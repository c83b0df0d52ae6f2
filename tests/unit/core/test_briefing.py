"""Specification of the supervisor briefing and the frustration sparkline."""

from __future__ import annotations

from bot.core.briefing import SPARK_POINTS, Briefing, build_briefing, sparkline
from bot.core.escalation import AlertDecision, Severity
from bot.core.models import (
    Assessment,
    Cue,
    CueKind,
    Level,
    Request,
    RequestKind,
    Situation,
    Trend,
)
from phrasebook.escalation import load_escalation

BOOK = load_escalation()


def decision(*cues: Cue, severity: Severity = Severity.HIGH) -> AlertDecision:
    return AlertDecision("post", severity, cues, False, "C0LEADS", tuple(c.kind for c in cues))


NO_SITUATION = Situation()


def assessed(situation: Situation = NO_SITUATION, requests: tuple[Request, ...] = ()) -> Assessment:
    return Assessment(
        turn=5,
        customer_turn=3,
        score=0.8,
        level=Level.ANGRY,
        frustrated=True,
        heat=0.7,
        trend=Trend.RISING,
        situation=situation,
        requests=requests,
    )


def brief(d: AlertDecision, a: Assessment, steps: tuple[str, ...] = ()) -> Briefing:
    return build_briefing(
        d,
        a,
        customer_id="U0CUST",
        channel_id="C0SUPPORT",
        thread_ts="1700000000.000100",
        history=(0.1, 0.4, 0.8),
        steps_done=steps,
        permalink="https://example.slack.com/archives/C0SUPPORT/p1700000000000100",
        book=BOOK,
    )


class TestSparkline:
    def test_low_to_high_scores_climb_the_bars(self) -> None:
        assert sparkline([0.0, 0.5, 1.0]) == "▁▅█"

    def test_out_of_range_scores_are_clamped(self) -> None:
        assert sparkline([-3.0, 7.0]) == "▁█"

    def test_only_the_most_recent_messages_are_drawn(self) -> None:
        line = sparkline([1.0] * 5 + [0.0] * SPARK_POINTS)
        assert line == "▁" * SPARK_POINTS

    def test_no_history_draws_nothing(self) -> None:
        assert sparkline([]) == ""


class TestBuildBriefing:
    def test_carries_cue_label_quote_why_and_the_book_s_suggested_move(self) -> None:
        c = Cue(CueKind.LEGAL, "we will take this to the regulator", "names a regulator", 5)
        b = build_briefing(
            decision(c),
            assessed(),
            customer_id="U0CUST",
            channel_id="C0SUPPORT",
            thread_ts="1700000000.000100",
            history=(0.1, 0.4, 0.8),
            steps_done=("Listen and acknowledge", "Empathize and apologize"),
            permalink="https://x/p1",
            book=BOOK,
        )
        assert b.cue == BOOK.cues[CueKind.LEGAL].label
        assert (b.quote, b.why) == ("we will take this to the regulator", "names a regulator")
        assert b.suggested_move == BOOK.cues[CueKind.LEGAL].suggested_move
        assert b.sparkline == sparkline((0.1, 0.4, 0.8))
        assert b.steps_done == ("Listen and acknowledge", "Empathize and apologize")
        assert (b.customer, b.channel_id, b.permalink) == ("U0CUST", "C0SUPPORT", "https://x/p1")
        assert (b.severity, b.level, b.trend) == (Severity.HIGH, Level.ANGRY, Trend.RISING)

    def test_other_cues_are_listed_once_by_label(self) -> None:
        cues = (
            Cue(CueKind.THREAT_ABUSE, "q1", "w1", 5),
            Cue(CueKind.CHURN, "q2", "w2", 5),
            Cue(CueKind.CHURN, "q3", "w3", 5),
        )
        b = brief(decision(*cues, severity=Severity.CRITICAL), assessed())
        assert b.cue == BOOK.cues[CueKind.THREAT_ABUSE].label
        assert b.other_cues == (BOOK.cues[CueKind.CHURN].label,)

    def test_wants_comes_from_the_engine_s_paraphrase_first(self) -> None:
        a = assessed(Situation(wants="a replacement shipped before Friday"))
        b = brief(decision(Cue(CueKind.OUTRAGE, "q", "w", 5)), a)
        assert b.wants == "a replacement shipped before Friday"

    def test_wants_falls_back_to_the_concrete_requests(self) -> None:
        req = Request(RequestKind.REFUND, 450.0, "EUR", "refund 450", 5)
        b = brief(
            decision(Cue(CueKind.BEYOND_AUTHORITY, "refund 450", "over limit", 5)),
            assessed(requests=(req,)),
        )
        assert b.wants == "refund of 450 EUR"

    def test_wants_is_empty_when_unknown(self) -> None:
        b = brief(decision(Cue(CueKind.OUTRAGE, "q", "w", 5)), assessed())
        assert b.wants == ""

    def test_long_quotes_are_cut_and_whitespace_squeezed(self) -> None:
        c = Cue(CueKind.OUTRAGE, "word\n\n" * 200, "why", 5)
        b = brief(decision(c), assessed())
        assert len(b.quote) == 200 and "\n" not in b.quote
        assert b.quote.endswith("…")

    def test_repeated_or_blank_steps_are_dropped_in_order(self) -> None:
        b = brief(decision(Cue(CueKind.OUTRAGE, "q", "w", 5)), assessed(), ("A", "", "B", "A"))
        assert b.steps_done == ("A", "B")
