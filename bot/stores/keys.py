"""Every Redis key Undertone uses, built in one place.

Intake is sharded: a thread belongs to one of `SHARDS` shards (by a stable hash of its key), and
everything a script touches for it lives in that shard's hash slot: the shard's intake stream and
de-duplication keys, the thread's document, snoozes and effect leases, and the shard's due index.
So on a Redis Cluster every script touches one slot, and the shards spread over the nodes. Other
keys (indexes, counters, installations) are touched one key per command, or by pipelines that
need no atomicity across keys.
"""

from __future__ import annotations

import zlib
from collections.abc import Mapping
from dataclasses import dataclass
from functools import cache

from redis.crc import REDIS_CLUSTER_HASH_SLOTS, key_slot

STREAM_GROUP = "undertone"
SHARDS = 16  # fixed: a thread's shard decides where its state lives (changing it re-homes threads)


@cache
def shard_tag(shard: int) -> str:
    """The hash tag of a shard: a short name whose slot lies in the shard's sixteenth of the slot
    range, so an even split of slots over the nodes (what `redis-cli --cluster create` makes)
    gives each node an even share of shards."""
    width = REDIS_CLUSTER_HASH_SLOTS // SHARDS
    low = shard * width
    n = 0
    while not low <= key_slot(f"s{shard}.{n}".encode()) < low + width:
        n += 1
    return f"s{shard}.{n}"


def shard_of(thread_key: str) -> int:
    """A thread's shard (stable across processes and versions: CRC-32 of its key)."""
    return zlib.crc32(thread_key.encode()) % SHARDS


@dataclass(frozen=True, slots=True)
class ThreadRef:
    """Identifies one support thread: workspace, channel and the parent message ts."""

    team: str
    channel: str
    thread_ts: str

    @property
    def key(self) -> str:
        return f"{self.team}:{self.channel}:{self.thread_ts}"

    @property
    def shard(self) -> int:
        return shard_of(self.key)

    @classmethod
    def parse(cls, key: str) -> ThreadRef:
        team, channel, thread_ts = key.split(":", 2)
        return cls(team, channel, thread_ts)


def shard_of_fields(fields: Mapping[str, str]) -> int:
    """The intake shard of a taken-in message: its thread's."""
    ref = ThreadRef(fields.get("team", ""), fields.get("channel", ""), fields.get("thread_ts", ""))
    return ref.shard


class Keys:
    """Key builder; `prefix` lets tests and several installs share one Redis."""

    def __init__(self, prefix: str = "ut") -> None:
        self.prefix = prefix

    def _shard(self, shard: int) -> str:
        return f"{self.prefix}:{{{shard_tag(shard)}}}"

    def stream(self, shard: int) -> str:
        """A shard's intake stream (consumer group `undertone`)."""
        return f"{self._shard(shard)}:events"

    @property
    def streams(self) -> list[str]:
        return [self.stream(i) for i in range(SHARDS)]

    @property
    def dead_letters(self) -> str:
        """Entries and effects given up on (ids and reasons only, never message text)."""
        return f"{self.prefix}:{{intake}}:dead"

    def dedupe(self, shard: int, source: str, event_id: str) -> str:
        return f"{self._shard(shard)}:dedupe:{source}:{event_id}"

    def thread(self, ref: ThreadRef) -> str:
        return f"{self._shard(ref.shard)}:thr:{ref.key}"

    def effect(self, ref: ThreadRef, effect_id: str) -> str:
        """One effect's lease while it is being sent, then its done-marker (with the receipt)."""
        return f"{self._shard(ref.shard)}:fx:{ref.key}:{effect_id}"

    def snoozes(self, ref: ThreadRef) -> str:
        """Agents who snoozed hints in the thread (field: agent, value: until when)."""
        return f"{self._shard(ref.shard)}:snz:{ref.key}"

    def due(self, shard: int) -> str:
        """A shard's threads with effects to send, scored by when the next attempt is due."""
        return f"{self._shard(shard)}:due"

    def once(self, what: str) -> str:
        return f"{self.prefix}:once:{what}"

    def home_open(self, user: str) -> str:
        """Set while a person has their App Home open (from `app_home_opened`)."""
        return f"{self.prefix}:{{home:{user}}}:open"

    def home_published(self, user: str) -> str:
        """Held for a moment after a person's App Home was published (the debounce)."""
        return f"{self.prefix}:{{home:{user}}}:pub"

    def rate(self, team: str, name: str) -> str:
        """A Slack rate budget of one workspace (`name`: a method, `pause:<method>` after a 429,
        or `chan:<channel>` for new posts into a channel); one slot per workspace."""
        return f"{self.prefix}:{{rl:{team}}}:{name}"

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

    def overflow_waiting(self, supervisor_channel: str) -> str:
        """Alerts waiting for the channel's next overflow message (score: when they joined)."""
        return f"{self.prefix}:overflow:waiting:{supervisor_channel}"

    def overflow_listed(self, supervisor_channel: str, thread: str) -> str:
        """The ts of the overflow message that lists `thread`'s alert."""
        return f"{self.prefix}:overflow:in:{supervisor_channel}:{thread}"

    def overflow_message(self, supervisor_channel: str, ts: str) -> str:
        """The threads an overflow message lists, in its order."""
        return f"{self.prefix}:overflow:msg:{supervisor_channel}:{ts}"

    def overflow_lock(self, supervisor_channel: str) -> str:
        return f"{self.prefix}:overflow:lock:{supervisor_channel}"

    def dedicated_workers(self) -> str:
        """Dedicated worker processes that said they are alive (score: when)."""
        return f"{self.prefix}:workers:dedicated"

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
