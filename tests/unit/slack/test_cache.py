"""What a process remembers about Slack is bounded in size and in time."""

from __future__ import annotations

from dataclasses import dataclass

import pytest

from bot.slack.cache import TtlCache
from bot.slack.directory import PEOPLE_SIZE, Directory
from bot.slack.notifier import make_client


@dataclass
class Clock:
    now: float = 0.0

    def __call__(self) -> float:
        return self.now


def test_an_entry_lives_for_its_ttl_and_no_longer() -> None:
    clock = Clock()
    cache: TtlCache[str, int] = TtlCache(size=10, ttl=30, clock=clock)
    cache.put("a", 1)
    clock.now = 29.9
    assert cache.get("a") == 1
    clock.now = 30.0
    assert cache.get("a") is None
    assert len(cache) == 0  # an expired entry is dropped when seen


def test_a_shorter_life_may_be_asked_never_a_longer_one() -> None:
    clock = Clock()
    cache: TtlCache[str, int] = TtlCache(size=10, ttl=30, clock=clock)
    cache.put("short", 1, ttl=5)
    cache.put("long", 2, ttl=3600)
    clock.now = 6
    assert cache.get("short") is None and cache.get("long") == 2
    clock.now = 31
    assert cache.get("long") is None


def test_the_oldest_written_entries_go_first_when_full() -> None:
    cache: TtlCache[int, int] = TtlCache(size=3, ttl=60, clock=Clock())
    for i in range(10):
        cache.put(i, i)
    assert len(cache) == 3
    assert [cache.get(i) for i in (6, 7, 8, 9)] == [None, 7, 8, 9]


def test_a_cache_needs_a_size_and_a_ttl() -> None:
    with pytest.raises(ValueError):
        TtlCache(size=0, ttl=1)
    with pytest.raises(ValueError):
        TtlCache(size=1, ttl=0)


def test_the_directory_never_remembers_more_people_than_its_bound() -> None:
    directory = Directory(
        make_client("xoxb-test", "http://127.0.0.1:9/api/"),
        home_team_ids=["T_OURS"],
        agent_user_ids=[],
        agent_usergroup=None,
    )
    for i in range(PEOPLE_SIZE + 500):
        directory.remember_team(f"U{i:08d}", "T_OURS")
    assert len(directory._teams) == PEOPLE_SIZE
