"""Every Redis key Undertone uses, built in one place (hash tags keep multi-key scripts in one
slot)."""

from __future__ import annotations

from dataclasses import dataclass

STREAM_GROUP = "undertone"


@dataclass(frozen=True, slots=True)
class ThreadRef:
    """Identifies one support thread: workspace, channel and the parent message ts."""

    team: str
    channel: str
    thread_ts: str

    @property
    def key(self) -> str:
        return f"{self.team}:{self.channel}:{self.thread_ts}"

    @classmethod
    def parse(cls, key: str) -> ThreadRef:
        team, channel, thread_ts = key.split(":", 2)
        return cls(team, channel, thread_ts)


class Keys:
    """Key builder; `prefix` lets tests and several installs share one Redis."""

    def __init__(self, prefix: str = "ut") -> None:
        self.prefix = prefix

    @property
    def stream(self) -> str:
        return f"{self.prefix}:{{intake}}:events"

    @property
    def dead_letters(self) -> str:
        """Entries and effects given up on (ids and reasons only, never message text)."""
        return f"{self.prefix}:{{intake}}:dead"

    def dedupe(self, source: str, event_id: str) -> str:
        return f"{self.prefix}:{{intake}}:dedupe:{source}:{event_id}"

    def thread(self, ref: ThreadRef) -> str:
        return f"{self.prefix}:{{thr:{ref.key}}}:doc"

    def effect(self, ref: ThreadRef, effect_id: str) -> str:
        """One effect's lease while it is being sent, then its done-marker (with the receipt)."""
        return f"{self.prefix}:{{thr:{ref.key}}}:fx:{effect_id}"

    def once(self, what: str) -> str:
        return f"{self.prefix}:once:{what}"

    def due(self) -> str:
        """Threads with effects to send, scored by when the next attempt is due."""
        return f"{self.prefix}:effects:due"

    def snooze(self, agent: str, ref: ThreadRef) -> str:
        return f"{self.prefix}:snooze:{agent}:{ref.key}"

    def feedback(self, hint_id: str) -> str:
        return f"{self.prefix}:feedback:{hint_id}"

    def feedback_index(self) -> str:
        return f"{self.prefix}:feedback:index"

    def agent_home(self, agent: str) -> str:
        return f"{self.prefix}:home:{agent}"

    def open_alerts(self) -> str:
        return f"{self.prefix}:alerts:open"

    def renotify(self) -> str:
        return f"{self.prefix}:alerts:renotify"

    def watch(self, supervisor_channel: str) -> str:
        """Threads on a supervisor channel's heating-up list (score: when they went on it)."""
        return f"{self.prefix}:watch:{supervisor_channel}"

    def rollup_last(self, supervisor_channel: str) -> str:
        return f"{self.prefix}:rollup:last:{supervisor_channel}"

    def rolled_up(self, supervisor_channel: str) -> str:
        """Threads a roll-up of the channel has listed already (score: when)."""
        return f"{self.prefix}:rollup:listed:{supervisor_channel}"

    def rollup_lock(self, supervisor_channel: str) -> str:
        return f"{self.prefix}:rollup:lock:{supervisor_channel}"

    def post_slot(self, channel: str) -> str:
        """Held for a moment after a new post into `channel`: the next one waits for it."""
        return f"{self.prefix}:postslot:{channel}"

    def shared_channel(self, channel: str) -> str:
        return f"{self.prefix}:guard:shared:{channel}"

    def alert_outcomes(self) -> str:
        return f"{self.prefix}:alerts:outcomes"

    # --- learning from answers: per-channel tuning (bot/flows/learning.py) ----------------------
    # One hash tag per channel: the tuning, its recent changes and its answers' once-keys are
    # written by one script, which needs them in one slot.

    def tuning(self, channel: str) -> str:
        """A channel's learned shifts: a versioned JSON document (compare-and-set)."""
        return f"{self.prefix}:{{tune:{channel}}}:doc"

    def tuning_changes(self, channel: str) -> str:
        """The channel's recent changes, newest first (ids and numbers only)."""
        return f"{self.prefix}:{{tune:{channel}}}:changes"

    def tuning_once(self, channel: str, answer_id: str) -> str:
        """Marks one answer as learned from (a replay or double click learns nothing)."""
        return f"{self.prefix}:{{tune:{channel}}}:once:{answer_id}"

    def tuning_index(self) -> str:
        """Channels that learned something, scored by when they last changed (for the reports)."""
        return f"{self.prefix}:tune:index"

    # --- many-workspace installs (bot/stores/installations.py) -------------------------------

    def install(self, kind: str, enterprise_id: str | None, team_id: str | None) -> str:
        """An encrypted installation (`kind` is `bot` or `installation`) of one workspace."""
        return f"{self.prefix}:install:{kind}:{enterprise_id or '-'}:{team_id or '-'}"

    def install_index(self) -> str:
        return f"{self.prefix}:install:index"

    def install_lock(self, team_id: str) -> str:
        return f"{self.prefix}:install:lock:{team_id}"

    def oauth_state(self, state: str) -> str:
        return f"{self.prefix}:oauth_state:{state}"

    # --- follow-through: records, active threads, practice (bot/stores/records.py) -----------

    def record(self, thread_key: str) -> str:
        """One after-thread record (JSON), kept for the team's retention."""
        return f"{self.prefix}:rec:doc:{thread_key}"

    def record_index(self) -> str:
        """Resolved threads, scored by when they were resolved."""
        return f"{self.prefix}:rec:index"

    def agent_records(self, agent: str) -> str:
        return f"{self.prefix}:rec:agent:{agent}"

    def active_threads(self) -> str:
        """Threads not resolved yet, scored by their last message (the quiet sweep reads it)."""
        return f"{self.prefix}:threads:active"

    def practice(self, user: str) -> str:
        """A practice round of one agent (a versioned document, like a thread's)."""
        return f"{self.prefix}:practice:{user}"
