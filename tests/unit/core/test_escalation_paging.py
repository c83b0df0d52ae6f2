"""On-call paging: only severe cues, only outside the team's hours, only when configured."""

from __future__ import annotations

from datetime import datetime
from typing import Any
from zoneinfo import ZoneInfo

from bot.core.escalation import AlertDecision, AlertState, EscalationPolicy, Severity
from bot.core.models import Assessment, Cue, CueKind, Level, Trend
from phrasebook.escalation import EscalationBook, load_escalation

BERLIN = ZoneInfo("Europe/Berlin")
NEW_YORK = ZoneInfo("America/New_York")


def at(zone: ZoneInfo, year: int, month: int, day: int, hour: int, minute: int) -> float:
    return datetime(year, month, day, hour, minute, tzinfo=zone).timestamp()


def policy(hours: dict[str, Any] | None = None, **paging: Any) -> EscalationPolicy:
    data = load_escalation().model_dump()
    data["paging"] = {"enabled": True, "min_severity": "critical", **paging}
    data["business_hours"] = hours or {
        "time_zone": "Europe/Berlin",
        "days": ["mon", "tue", "wed", "thu", "fri"],
        "start": "09:00",
        "end": "18:00",
        "holidays": ["2026-12-25"],
    }
    return EscalationPolicy(EscalationBook.model_validate(data), "C0LEADS")


def decision(severity: Severity, action: str = "post") -> AlertDecision:
    return AlertDecision(action, severity, (), False, "C0LEADS")  # type: ignore[arg-type]


class TestBusinessHours:
    def test_weekday_office_time_in_the_team_zone_is_open(self) -> None:
        p = policy()
        assert p.in_business_hours(at(BERLIN, 2026, 11, 23, 9, 0))  # Monday 09:00 Berlin
        assert p.in_business_hours(at(BERLIN, 2026, 11, 23, 17, 59))

    def test_end_of_day_is_closed(self) -> None:
        assert not policy().in_business_hours(at(BERLIN, 2026, 11, 23, 18, 0))

    def test_the_same_instant_is_open_in_one_zone_and_closed_in_another(self) -> None:
        instant = at(BERLIN, 2026, 11, 23, 10, 0)  # 04:00 in New York
        ny = policy({"time_zone": "America/New_York", "start": "09:00", "end": "18:00"})
        assert policy().in_business_hours(instant)
        assert not ny.in_business_hours(instant)
        assert ny.in_business_hours(at(NEW_YORK, 2026, 11, 23, 10, 0))

    def test_weekends_and_holidays_are_closed(self) -> None:
        assert not policy().in_business_hours(at(BERLIN, 2026, 11, 28, 11, 0))  # Saturday
        assert not policy().in_business_hours(at(BERLIN, 2026, 12, 25, 11, 0))  # holiday

    def test_daylight_saving_is_followed(self) -> None:
        # 29 March 2026, Berlin moved to CEST: 07:30 UTC on the Monday after is 09:30 local.
        monday = datetime(2026, 3, 30, 7, 30, tzinfo=ZoneInfo("UTC")).timestamp()
        assert policy().in_business_hours(monday)
        winter = datetime(2026, 3, 23, 7, 30, tzinfo=ZoneInfo("UTC")).timestamp()  # 08:30 CET
        assert not policy().in_business_hours(winter)


class TestShouldPage:
    night = at(BERLIN, 2026, 11, 24, 2, 30)
    office = at(BERLIN, 2026, 11, 24, 11, 0)

    def test_critical_alert_at_night_pages(self) -> None:
        assert policy().should_page(decision(Severity.CRITICAL), self.night)

    def test_critical_alert_during_office_hours_does_not(self) -> None:
        assert not policy().should_page(decision(Severity.CRITICAL), self.office)

    def test_less_severe_alerts_never_page(self) -> None:
        assert not policy().should_page(decision(Severity.HIGH), self.night)

    def test_a_team_can_page_from_high_and_around_the_clock(self) -> None:
        p = policy(min_severity="high", outside_hours_only=False)
        assert p.should_page(decision(Severity.HIGH), self.office)

    def test_paging_off_by_default(self) -> None:
        p = EscalationPolicy(load_escalation(), "C0LEADS")
        assert not p.should_page(decision(Severity.CRITICAL), self.night)

    def test_renotify_reminders_never_page(self) -> None:
        assert not policy().should_page(decision(Severity.CRITICAL, "renotify"), self.night)


class TestPageFlagOnDecisions:
    def threat(self) -> Assessment:
        return Assessment(
            turn=2,
            customer_turn=1,
            score=0.9,
            level=Level.ANGRY,
            frustrated=True,
            heat=0.8,
            trend=Trend.STEADY,
            cues=(Cue(CueKind.THREAT_ABUSE, "quote", "why", 2),),
        )

    def test_a_critical_post_at_night_carries_the_page_flag(self) -> None:
        p = policy()
        night = at(BERLIN, 2026, 11, 24, 2, 30)
        state, d = p.assess(AlertState(), self.threat(), "C0SUPPORT", night)
        assert d is not None and d.page and state.paged

    def test_an_update_to_critical_pages_if_not_paged_before(self) -> None:
        p = policy()
        night = at(BERLIN, 2026, 11, 24, 2, 30)
        churn = Assessment(
            turn=1,
            customer_turn=0,
            score=0.6,
            level=Level.FRUSTRATED,
            frustrated=True,
            heat=0.6,
            trend=Trend.STEADY,
            cues=(Cue(CueKind.CHURN, "quote", "why", 1),),
            grievance=True,
        )
        state, first = p.assess(AlertState(), churn, "C0SUPPORT", night)
        assert first is not None and not first.page
        state, upd = p.assess(state, self.threat(), "C0SUPPORT", night + 60)
        assert upd is not None and upd.action == "update" and upd.page and state.paged

    def test_an_alert_that_already_paged_does_not_page_again_on_update(self) -> None:
        p = policy(min_severity="high")
        night = at(BERLIN, 2026, 11, 24, 2, 30)
        legal = Assessment(
            turn=1,
            customer_turn=0,
            score=0.6,
            level=Level.FRUSTRATED,
            frustrated=True,
            heat=0.6,
            trend=Trend.STEADY,
            cues=(Cue(CueKind.LEGAL, "quote", "why", 1),),
        )
        state, first = p.assess(AlertState(), legal, "C0SUPPORT", night)
        assert first is not None and first.page
        state, upd = p.assess(state, self.threat(), "C0SUPPORT", night + 60)
        assert upd is not None and upd.action == "update" and not upd.page
