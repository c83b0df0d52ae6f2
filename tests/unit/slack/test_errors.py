"""Every way a Web API call can fail becomes one decision: retry (when) or give up."""

from __future__ import annotations

import pytest
from slack_sdk.errors import SlackApiError
from slack_sdk.web.async_slack_response import AsyncSlackResponse

from bot.slack.errors import error_code, send_failure


def failed(status: int, data: object, headers: dict[str, str] | None = None) -> SlackApiError:
    response = AsyncSlackResponse(
        client=None,  # type: ignore[arg-type]
        http_verb="POST",
        api_url="https://slack.com/api/chat.postEphemeral",
        req_args={},
        data=data,  # type: ignore[arg-type]
        headers=headers or {},
        status_code=status,
    )
    return SlackApiError("failed", response)


def test_an_html_500_from_a_proxy_is_retried_not_a_crash() -> None:
    exc = failed(500, "<html><body>502 Bad Gateway</body></html>")
    assert error_code(exc) == ""
    decision = send_failure(exc)
    assert not decision.permanent and decision.retry_after is None


def test_a_rate_limit_is_retried_after_slacks_retry_after() -> None:
    decision = send_failure(failed(429, "", {"Retry-After": "7"}))
    assert (decision.permanent, decision.retry_after) == (False, 7.0)
    assert decision.reason == "ratelimited"


@pytest.mark.parametrize("code", ["channel_not_found", "invalid_blocks", "is_archived"])
def test_errors_that_cannot_go_away_give_the_effect_up(code: str) -> None:
    assert send_failure(failed(200, {"ok": False, "error": code})).permanent


@pytest.mark.parametrize("code", ["invalid_auth", "token_revoked", "internal_error"])
def test_errors_an_admin_or_slack_can_fix_are_retried_until_the_deadline(code: str) -> None:
    assert not send_failure(failed(200, {"ok": False, "error": code})).permanent


@pytest.mark.parametrize("exc", [ConnectionRefusedError(), TimeoutError(), OSError("reset")])
def test_no_answer_at_all_is_retried(exc: BaseException) -> None:
    assert not send_failure(exc).permanent
