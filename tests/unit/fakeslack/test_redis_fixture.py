"""The shared Redis fixtures: a real server, emptied per test, skipped locally / failed in CI."""

from __future__ import annotations

import pytest
import redis

from tests.fakes.redis_server import RedisServer

pytest_plugins = ["pytester"]


@pytest.mark.parametrize("run", [1, 2])
def test_redis_url_is_a_live_and_empty_server(redis_url: str, run: int) -> None:
    """Runs twice: whichever run comes second proves the first run's key was flushed."""
    client = redis.Redis.from_url(redis_url)
    try:
        assert client.ping()
        assert client.dbsize() == 0
        client.set("left-behind", run)
    finally:
        client.close()


def test_flushall_empties_the_server(redis_server: RedisServer) -> None:
    client = redis.Redis.from_url(redis_server.url)
    try:
        client.set("k", "v")
        redis_server.flushall()
        assert client.dbsize() == 0
    finally:
        client.close()


def test_tests_without_redis_url_are_not_marked(request: pytest.FixtureRequest) -> None:
    assert request.node.get_closest_marker("redis") is None
    assert "redis_url" not in request.fixturenames


def test_redis_url_tests_are_marked(pytester: pytest.Pytester) -> None:
    pytester.makeconftest("from tests.conftest import *  # noqa: F403\n")
    pytester.makeini("[pytest]\nasyncio_default_fixture_loop_scope = function\n")
    pytester.makepyfile("def test_uses(redis_url): pass\ndef test_plain(): pass\n")
    result = pytester.runpytest("-m", "not redis", "-p", "no:cacheprovider")
    result.assert_outcomes(passed=1, deselected=1)


@pytest.mark.parametrize(("ci", "outcome"), [("", "skipped"), ("1", "errors")])
def test_a_missing_redis_server_skips_locally_and_fails_in_ci(
    pytester: pytest.Pytester, monkeypatch: pytest.MonkeyPatch, ci: str, outcome: str
) -> None:
    pytester.makeconftest("from tests.conftest import *  # noqa: F403\n")
    pytester.makeini("[pytest]\nasyncio_default_fixture_loop_scope = function\n")
    pytester.makepyfile("def test_needs_redis(redis_url): pass\n")
    monkeypatch.setenv("PATH", str(pytester.path))  # no redis-server on this PATH
    if ci:
        monkeypatch.setenv("CI", ci)
    else:
        monkeypatch.delenv("CI", raising=False)
    result = pytester.runpytest("-p", "no:cacheprovider", "-rs")
    result.assert_outcomes(**{outcome: 1})
    reason = "CI is set but the real Redis is unavailable" if ci else "real Redis unavailable"
    result.stdout.fnmatch_lines([f"*{reason}*redis-server not found*"])
