"""The `undertone` command: score, report, phrasebook check, a clear refusal without settings."""

from __future__ import annotations

import asyncio
import json
from pathlib import Path

from bot.__main__ import main
from bot.stores.store import Store

CONVERSATION = {
    "id": "c1",
    "source": "test",
    "turns": [
        {"role": "customer", "text": "Hi, where is my order?", "frustrated": False},
        {"role": "agent", "text": "Let me check.", "frustrated": None},
        {"role": "customer", "text": "Third time asking. WHERE IS IT???", "frustrated": True},
    ],
    "escalation": None,
}


def test_score_writes_one_prediction_per_customer_turn(tmp_path: Path, capsys) -> None:
    path = tmp_path / "convs.jsonl"
    path.write_text(json.dumps(CONVERSATION) + "\n", encoding="utf-8")
    assert main(["score", str(path)]) == 0
    lines = [json.loads(x) for x in capsys.readouterr().out.splitlines()]
    assert [(x["id"], x["turn"]) for x in lines] == [("c1", 0), ("c1", 2)]
    assert lines[1]["frustration"] > lines[0]["frustration"]
    assert set(lines[0]) == {"id", "turn", "frustration", "frustrated", "escalate"}


def test_report_alerts_prints_precision_per_cue(redis_url: str, monkeypatch, capsys) -> None:
    async def record() -> None:
        store = Store.from_url(redis_url)
        for outcome in ("claimed", "claimed", "false_alarm"):
            await store.record_outcome(
                {"cue": "legal", "channel": "C1", "outcome": outcome, "at": 1.0}
            )
        await store.close()

    asyncio.run(record())
    monkeypatch.setenv("REDIS_URL", redis_url)
    assert main(["report", "alerts"]) == 0
    out = capsys.readouterr().out
    assert "legal" in out and "67%" in out


def test_serve_refuses_to_start_without_its_secrets(monkeypatch, capsys) -> None:
    for name in ("SLACK_BOT_TOKEN", "SLACK_SIGNING_SECRET"):
        monkeypatch.delenv(name, raising=False)
    assert main(["serve", "--port", "0"]) == 2
    assert "SLACK_BOT_TOKEN" in capsys.readouterr().err


def test_phrasebook_check_fails_clearly_on_a_bad_team_folder(tmp_path: Path, capsys) -> None:
    (tmp_path / "coaching_policy.yaml").write_text("budget: lots\n")
    assert main(["phrasebook", "check", str(tmp_path)]) == 1
    assert "coaching_policy.yaml:1" in capsys.readouterr().out
