"""Judgement regressions: threads for the misreadings found under load with line pools nobody
tuned for (a customer owning their own slip, events counted "two times", relief that names "the
worst part", a routine cancellation, leaving over the service said calmly, someone responsible
asked for after a rant), and for the phenomena behind the corpus misses (an agent saying a
request is not theirs to grant, a payment contested with the bank, a board replacing the vendor
after weeks of complaints, secrets written to a log, praise said alone beside a broken promise,
and their calm look-alikes). Written by the lead after finding each phenomenon, so they are not
independent like tests/threads: they pin the fixes. Played over HTTP like the corpus and judged
by the probe's rules (tests/scenario/threadplay.py); they also run with
`python3 ../shared/tools/probe/run.py . --threads tests/scenario/judgement`.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.corpus import ThreadSpec, load_thread
from tests.scenario.conftest import Bot
from tests.scenario.threadplay import judge, play

FOLDER = Path(__file__).parent / "judgement"
THREADS = [load_thread(p) for p in sorted(FOLDER.glob("*.yaml"))]


def test_every_class_is_there() -> None:
    assert {t.kind for t in THREADS} == {"calm", "rising", "escalate"} and len(THREADS) >= 13


@pytest.mark.parametrize("spec", THREADS, ids=[t.id for t in THREADS])
async def test_the_thread_gets_what_it_deserves_and_nothing_more(
    bot: Bot, spec: ThreadSpec
) -> None:
    played = await play(bot, spec)
    problems = judge(bot.slack.calls, played)
    assert not problems, f"{spec.kind} thread {spec.id}: {'; '.join(problems)}. Why: {spec.why}"
