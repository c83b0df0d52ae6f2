"""Pagers against a local fake PagerDuty / webhook endpoint: request shapes, signing, failures."""

from __future__ import annotations

import logging
from collections.abc import AsyncIterator

import aiohttp
import pytest

from bot.effects import SendFailed
from bot.paging import (
    SIGNATURE_HEADER,
    TIMESTAMP_HEADER,
    PageEvent,
    PagerDutyPager,
    WebhookPager,
    page_event,
    verify,
)
from phrasebook.escalation import load_escalation
from tests.fakes.pager import PAGERDUTY_PATH, WEBHOOK_PATH, FakePager

EVENT = PageEvent(
    dedup_key="T0TEAM:C0SUPPORT:1700000000.000100",
    summary="Undertone critical: threat or abuse in a support thread (channel C0SUPPORT)",
    severity=3,
    permalink="https://acme.slack.com/archives/C0SUPPORT/p1700000000000100",
    cue="threat or abuse",
    channel="C0SUPPORT",
)


@pytest.fixture
async def fake() -> AsyncIterator[FakePager]:
    pager = await FakePager().start()
    yield pager
    await pager.stop()


@pytest.fixture
async def session() -> AsyncIterator[aiohttp.ClientSession]:
    async with aiohttp.ClientSession() as s:
        yield s


class TestPagerDuty:
    async def test_triggers_an_events_v2_incident_deduplicated_by_thread(
        self, fake: FakePager, session: aiohttp.ClientSession
    ) -> None:
        pager = PagerDutyPager(session, "R0UTINGKEY", url=fake.url + PAGERDUTY_PATH)
        assert await pager.page(EVENT) is True
        (req,) = fake.requests
        body = req.json()
        assert req.headers["Content-Type"] == "application/json"
        assert body["routing_key"] == "R0UTINGKEY"
        assert body["event_action"] == "trigger"
        assert body["dedup_key"] == EVENT.dedup_key
        assert body["payload"]["summary"] == EVENT.summary
        assert body["payload"]["source"] == "slack:C0SUPPORT"
        assert body["payload"]["severity"] == "critical"
        assert body["payload"]["custom_details"]["cue"] == "threat or abuse"
        assert body["links"] == [{"href": EVENT.permalink, "text": "Open the Slack thread"}]

    @pytest.mark.parametrize(
        ("severity", "expected"), [(3, "critical"), (2, "error"), (1, "warning")]
    )
    async def test_maps_alert_severity_to_pagerduty_severity(
        self, fake: FakePager, session: aiohttp.ClientSession, severity: int, expected: str
    ) -> None:
        pager = PagerDutyPager(session, "K", url=fake.url + PAGERDUTY_PATH)
        event = PageEvent(EVENT.dedup_key, EVENT.summary, severity, "", EVENT.cue, EVENT.channel)
        assert await pager.page(event)
        body = fake.requests[0].json()
        assert body["payload"]["severity"] == expected and "links" not in body

    async def test_overlong_summary_and_dedup_key_are_cut_to_pagerduty_limits(
        self, fake: FakePager, session: aiohttp.ClientSession
    ) -> None:
        pager = PagerDutyPager(session, "K", url=fake.url + PAGERDUTY_PATH)
        long = PageEvent("k" * 400, "s" * 3000, 3, "", "cue", "C1")
        assert await pager.page(long)
        body = fake.requests[0].json()
        assert len(body["dedup_key"]) == 255 and len(body["payload"]["summary"]) == 1024

    @pytest.mark.parametrize(
        ("status", "permanent"), [(400, True), (429, False), (500, False), (503, False)]
    )
    async def test_http_errors_raise_retryable_or_not_and_are_logged_without_text(
        self,
        fake: FakePager,
        session: aiohttp.ClientSession,
        status: int,
        permanent: bool,
        caplog: pytest.LogCaptureFixture,
    ) -> None:
        fake.script(PAGERDUTY_PATH, status)
        pager = PagerDutyPager(session, "SECRETKEY", url=fake.url + PAGERDUTY_PATH)
        logs = caplog.at_level(logging.INFO, logger="bot.paging")
        with logs, pytest.raises(SendFailed) as failed:
            await pager.page(EVENT)
        assert failed.value.permanent is permanent
        (record,) = [r for r in caplog.records if r.name == "bot.paging"]
        assert record.message == "page_rejected" and record.__dict__["status"] == status
        logged = " ".join(f"{r.message} {r.__dict__}" for r in caplog.records)
        assert "SECRETKEY" not in logged and EVENT.summary not in logged

    async def test_a_timeout_is_retryable(
        self, fake: FakePager, session: aiohttp.ClientSession
    ) -> None:
        fake.script(PAGERDUTY_PATH, "hang")
        pager = PagerDutyPager(session, "K", url=fake.url + PAGERDUTY_PATH, timeout=0.2)
        with pytest.raises(SendFailed) as failed:
            await pager.page(EVENT)
        assert not failed.value.permanent

    async def test_an_unreachable_endpoint_is_retryable(
        self, fake: FakePager, session: aiohttp.ClientSession
    ) -> None:
        url = fake.url + PAGERDUTY_PATH
        await fake.stop()
        with pytest.raises(SendFailed) as failed:
            await PagerDutyPager(session, "K", url=url).page(EVENT)
        assert not failed.value.permanent

    async def test_recovers_after_a_failure(
        self, fake: FakePager, session: aiohttp.ClientSession
    ) -> None:
        fake.script(PAGERDUTY_PATH, 500)
        pager = PagerDutyPager(session, "K", url=fake.url + PAGERDUTY_PATH)
        with pytest.raises(SendFailed):
            await pager.page(EVENT)
        assert await pager.page(EVENT) is True


class TestWebhook:
    async def test_posts_json_signed_with_hmac_sha256(
        self, fake: FakePager, session: aiohttp.ClientSession
    ) -> None:
        pager = WebhookPager(session, fake.url + WEBHOOK_PATH, "s3cret", clock=lambda: 1700000000.5)
        assert await pager.page(EVENT) is True
        (req,) = fake.requests
        assert req.headers[TIMESTAMP_HEADER] == "1700000000"
        assert verify("s3cret", "1700000000", req.body, req.headers[SIGNATURE_HEADER])
        assert not verify("other", "1700000000", req.body, req.headers[SIGNATURE_HEADER])
        assert not verify("s3cret", "1700000001", req.body, req.headers[SIGNATURE_HEADER])
        body = req.json()
        assert body["dedup_key"] == EVENT.dedup_key and body["severity"] == "critical"
        assert body["permalink"] == EVENT.permalink

    async def test_without_a_secret_nothing_is_signed(
        self, fake: FakePager, session: aiohttp.ClientSession
    ) -> None:
        assert await WebhookPager(session, fake.url + WEBHOOK_PATH, None).page(EVENT)
        (req,) = fake.requests
        assert SIGNATURE_HEADER not in req.headers and TIMESTAMP_HEADER not in req.headers

    async def test_failures_raise_for_a_retry(
        self, fake: FakePager, session: aiohttp.ClientSession
    ) -> None:
        fake.script(WEBHOOK_PATH, 502, "hang")
        pager = WebhookPager(session, fake.url + WEBHOOK_PATH, "s", timeout=0.2)
        for _ in range(2):
            with pytest.raises(SendFailed) as failed:
                await pager.page(EVENT)
            assert not failed.value.permanent
        assert len(fake.requests) == 2


class TestPageEvent:
    def test_summary_comes_from_the_phrasebook_and_holds_no_quote(self) -> None:
        template = load_escalation().wording.templates["page_summary"]
        event = page_event(3, "threat or abuse", "C0SUPPORT", "key", "https://x/p", template)
        assert "threat or abuse" in event.summary and "C0SUPPORT" in event.summary
        assert "critical" in event.summary
        assert (event.severity, event.dedup_key, event.permalink) == (3, "key", "https://x/p")
