"""Promises an agent makes in a thread: recognised in their reply, due in the team's time.

"I'll update you within the hour", "by end of day", "tomorrow morning", "on Monday": a sentence of
an agent reply is a promise when it commits (one of the phrasebook's `commitment` patterns) and
names a time (the first matching `times` rule). Its due time is computed in the team's time zone
and business hours (`BusinessHours`): "end of day" is the close of business, "tomorrow" the close
of business tomorrow, "tomorrow morning" the phrasebook's `morning_end`, a duration is clock time.

The thread keeps one open promise (`PromiseState`): the agent's own words (short), when it was
made and when it is due. Any later agent message in the thread keeps it; a customer writing again
after the due time, or the reminder going out, marks it reminded, so the agent hears about it once.
Pure: no I/O, `now` passed in.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from datetime import date, datetime, time, timedelta
from typing import Any
from zoneinfo import ZoneInfo

from bot.core.textquote import shorten
from phrasebook.escalation import BusinessHours
from phrasebook.followup import Promises, TimeRule

_APOSTROPHES = str.maketrans({"\u2019": "'", "\u2018": "'", "\u02bc": "'"})
_SENTENCES = re.compile(r"[^.!?\n]+[.!?]*")
SCAN_LIMIT = 3000  # characters of a reply read for promises (long pastes are not promises)
_WORDS = {
    "a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "eight": 8,
    "ten": 10, "twelve": 12, "fifteen": 15, "twenty": 20, "thirty": 30, "forty five": 45,
    "forty-five": 45, "a couple of": 2, "couple of": 2, "a few": 3, "few": 3,
}  # fmt: skip


@dataclass(frozen=True, slots=True)
class Promise:
    """One promise: the agent's own words (short), when it was made, when it is due."""

    rule: str  # the time rule that matched, e.g. "end_of_day"
    quote: str
    agent: str
    made_at: float
    made_ts: str  # the agent message that made it
    due_at: float
    kept_at: float | None = None  # an agent update came after it
    reminded_at: float | None = None  # the agent was told it is due (reminder or overdue note)

    @property
    def open(self) -> bool:
        return self.kept_at is None

    def overdue(self, now: float) -> bool:
        return self.open and now >= self.due_at

    def to_json(self) -> dict[str, Any]:
        return {
            "rule": self.rule,
            "quote": self.quote,
            "agent": self.agent,
            "made_at": self.made_at,
            "made_ts": self.made_ts,
            "due_at": self.due_at,
            "kept_at": self.kept_at,
            "reminded_at": self.reminded_at,
        }

    @classmethod
    def from_json(cls, d: dict[str, Any]) -> Promise:
        kept, reminded = d.get("kept_at"), d.get("reminded_at")
        return cls(
            rule=str(d.get("rule") or ""),
            quote=str(d.get("quote") or ""),
            agent=str(d.get("agent") or ""),
            made_at=float(d.get("made_at") or 0.0),
            made_ts=str(d.get("made_ts") or ""),
            due_at=float(d.get("due_at") or 0.0),
            kept_at=None if kept is None else float(kept),
            reminded_at=None if reminded is None else float(reminded),
        )


@dataclass(frozen=True, slots=True)
class PromiseState:
    """A thread's promises: the open one, and counts for the after-thread record."""

    current: Promise | None = None
    made: int = 0
    kept: int = 0
    overdue: int = 0  # promises that came due with no update

    def to_json(self) -> dict[str, Any]:
        return {
            "current": self.current.to_json() if self.current else None,
            "made": self.made,
            "kept": self.kept,
            "overdue": self.overdue,
        }

    @classmethod
    def from_json(cls, d: dict[str, Any] | None) -> PromiseState:
        if not d:
            return cls()
        current = d.get("current")
        return cls(
            current=Promise.from_json(current) if isinstance(current, dict) else None,
            made=int(d.get("made") or 0),
            kept=int(d.get("kept") or 0),
            overdue=int(d.get("overdue") or 0),
        )

    def on_agent(self, promise: Promise | None, ts: float, now: float) -> PromiseState:
        """An agent message (at `ts`): it keeps the open promise made before it; `promise` is
        the one this message makes, if any (it becomes the open one)."""
        state = self
        cur = state.current
        if cur is not None and cur.open and ts > _ts(cur.made_ts):
            late = cur.reminded_at is not None or now >= cur.due_at
            state = replace(
                state,
                current=replace(cur, kept_at=now),
                kept=state.kept + (0 if late else 1),
                overdue=state.overdue + (1 if late and cur.reminded_at is None else 0),
            )
        if promise is not None:
            state = replace(state, current=promise, made=state.made + 1)
        return state

    def mark_reminded(self, now: float) -> PromiseState:
        """The agent was told the open promise is due (once): it counts as gone overdue."""
        cur = self.current
        if cur is None or not cur.open or cur.reminded_at is not None:
            return self
        return replace(self, current=replace(cur, reminded_at=now), overdue=self.overdue + 1)

    def needs_overdue_note(self, now: float) -> bool:
        """The customer wrote after the open promise came due and the agent was not told yet."""
        cur = self.current
        return cur is not None and cur.overdue(now) and cur.reminded_at is None


def _ts(value: str) -> float:
    try:
        return float(value)
    except ValueError:
        return 0.0


def _number(text: str | None, default: int) -> int:
    if not text:
        return default
    text = " ".join(text.lower().split())
    if text.isdigit():
        return int(text)
    return _WORDS.get(text, default)


class PromiseReader:
    """Finds the promise in an agent reply and computes when it is due."""

    def __init__(self, book: Promises, hours: BusinessHours) -> None:
        self.book = book
        self.hours = hours
        self._commit = re.compile("|".join(f"(?:{p})" for p in book.commitment), re.IGNORECASE)
        self._times = tuple((rule, re.compile(rule.pattern, re.IGNORECASE)) for rule in book.times)
        self._morning = time.fromisoformat(book.morning_end)
        self._evening = time.fromisoformat(book.evening_end)

    def find(self, text: str, agent: str, ts: str, now: float) -> Promise | None:
        """The promise an agent reply makes (the last one when it makes several), or None."""
        found: Promise | None = None
        for sentence in _SENTENCES.findall(text[:SCAN_LIMIT].translate(_APOSTROPHES)):
            if not self._commit.search(sentence):
                continue
            for rule, pattern in self._times:
                match = pattern.search(sentence)
                if match is None:
                    continue
                due = self.due_at(rule, match, now)
                if due is not None and due > now:
                    quote = shorten(sentence.strip(), self.book.quote_limit)
                    found = Promise(rule.id, quote, agent, now, ts, due)
                break
        return found

    # --- due times ------------------------------------------------------------------------

    @property
    def zone(self) -> ZoneInfo:
        return self.hours.zone

    def is_business_day(self, d: date) -> bool:
        return d.weekday() in self.hours.weekdays and d not in self.hours.holidays

    def _at(self, d: date, t: time) -> datetime:
        return datetime.combine(d, t, tzinfo=self.zone)

    def close(self, d: date) -> datetime:
        """The close of business on day `d` (the team's `end`, in its zone)."""
        return self._at(d, self.hours.end_time)

    def _business_days_after(self, d: date, n: int) -> date:
        while n > 0:
            d += timedelta(days=1)
            if self.is_business_day(d):
                n -= 1
        return d

    def due_at(self, rule: TimeRule, match: re.Match[str], now: float) -> float | None:
        """When a promise matched by `rule` is due (epoch seconds), or None when the match
        names no usable time."""
        local = datetime.fromtimestamp(now, self.zone)
        today = local.date()
        groups = match.groupdict()
        kind = rule.due
        if kind in ("minutes", "hours", "days"):
            n = _number(groups.get("n"), rule.amount or 1)
            unit = {"minutes": 60, "hours": 3600, "days": 86400}[kind]
            return now + n * unit
        if kind == "business_days":
            n = _number(groups.get("n"), rule.amount or 1)
            return self.close(self._business_days_after(today, n)).timestamp()
        if kind == "end_of_day":
            day = today + timedelta(days=rule.amount)
            due = self.close(day)
            if rule.amount == 0 and due <= local:  # after closing: tonight
                evening = self._at(today, self._evening)
                due = evening if evening > local else self._at(today, time(23, 59))
            return due.timestamp()
        if kind == "end_of_week":
            monday = today - timedelta(days=today.weekday())
            for week in (monday, monday + timedelta(days=7)):
                days = [week + timedelta(days=i) for i in range(7)]
                closes = [self.close(d) for d in days if self.is_business_day(d)]
                if closes and max(closes) > local:
                    return max(closes).timestamp()
            return None
        if kind == "morning":
            due = self._at(today + timedelta(days=rule.amount), self._morning)
            return (due if due > local else self.close(today)).timestamp()
        if kind == "afternoon":
            due = self.close(today + timedelta(days=rule.amount))
            return (due if due > local else self._at(today, self._evening)).timestamp()
        if kind == "evening":
            due = self._at(today, self._evening)
            return (due if due > local else due + timedelta(days=1)).timestamp()
        if kind == "weekday":
            names = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")
            target = names.index(str(groups["day"]).lower())
            ahead = (target - today.weekday()) % 7
            due = self.close(today + timedelta(days=ahead))
            said = match.group(0).lower()
            if ahead == 0 and (due <= local or said.startswith(("on ", "next "))):
                due = self.close(today + timedelta(days=7))  # "on Monday", said on a Monday
            return due.timestamp()
        if kind == "clock":
            hour = int(groups["hh"])
            minute = int(groups.get("mm") or 0)
            ampm = (groups.get("ampm") or "").replace(".", "").lower()
            if ampm == "pm" and hour < 12:
                hour += 12
            elif ampm == "am" and hour == 12:
                hour = 0
            elif not ampm and hour < 8:  # "by 3" in a working day means 3 pm
                hour += 12
            if hour > 23:
                return None
            due = self._at(today, time(hour, minute))
            return (due if due > local else due + timedelta(days=1)).timestamp()
        return None
