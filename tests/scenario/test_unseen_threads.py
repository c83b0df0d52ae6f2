"""Unseen threads: every conversation in tests/threads gets the whisper and the supervisor ping a
good team lead would want, and none it does not deserve.

Each YAML file is played through the real app over HTTP (signed Events API posts, the fake Slack
Web API, a real redis-server), one message at a time, with the worker drained after each message
so effects are attributed to the message that caused them (tests/scenario/threadplay.py). The
expectation is judged exactly as the acceptance probe defines it
(`../shared/tools/probe/README.md`, "Threads"):

- whisper yes: some ephemeral in the thread reaches an agent who posted in it, at or after message
  `whisper_from`; whisper no: no ephemeral in the thread at all, to anyone.
- escalate yes: some post to the supervisor channel names the thread (a ts, a permalink id or a
  30-character quote of a customer message); with `escalate_by: k` the first one arrives before
  message k+1 is sent. escalate no: no such post. `any` is not judged.

The corpus was written independently of the engine's tuning (tests/threads/README.md). The calm
threads run by default: a calm thread that gets a whisper or a ping is a failure of the product's
first promise (no needless interruption). The rising and escalating threads carry the `unseen`
marker: they measure how much the engine catches, thread by thread, and `scripts/test -m unseen`
runs them (the closing notes give the pass rate; not all pass yet).
"""

from __future__ import annotations

import pytest

from tests.corpus import ThreadSpec, load_threads
from tests.scenario.conftest import Bot
from tests.scenario.threadplay import judge, play

THREADS = load_threads()
HEATED = [t for t in THREADS if t.kind != "calm"]
# Calm threads from the last blind batches that still get a hint, each a failure of the first
# promise, listed so the run says so (strict: once fixed, the entry must go).
KNOWN_CALM_MISSES = {
    "b41-calm-pharmacy-courier-lost-pallet": "angry at 'the courier' (ours) read as angry at us",
    "b42-calm-finance-expense-blunt": "a blunt colleague's bare 'no.' read as correcting the agent",
    "b42-calm-hr-taxcode-blunt": "'Why did HMRC send a new one' read as a loaded question",
    "b44-calm-satellite-snow-jokes": "'cancel winter, not your department' read as pushback",
    "b45-calm-uni-zoom-rant": "a professor's anger at Zoom mid-seminar is coached (arguable)",
    "b48-calm-citizen-abusive-user": "a troll's threat quoted in full reads as the customer's heat",
    "b49-calm-museum-cancel-autorenew-member": "':cry:' and 'can't see a cancel option' read upset",
    "b50-calm-brew-carrier-rant": "a rage at the freight carrier, 'not your fault at all', coached",
    "b61-calm-tickets-quoting-buyer": "'I remember the same thing when I had them' is a repeat",
    "b191-calm-misters-seasonal-plan": "praise of us beside the old supplier's no-shows nudges",
    # batches 247-250, played once on the batch 243-246 fixes
    "b248-calm-taps-showroom-cartridge-drip": "a colleague's 'completely dead now actually' of a "
    "worn display tap reads as a correction and a complaint",
    # batches 347-350, played once on the batch 343-346 fixes
    "b349-calm-navigators-tile-cache-fatal": "'Yes, depot had an outage around 2am actually' "
    "answers the agent's question but reads as a complaint after a heated-sounding log",
    # batches 391-394, played once on the batch 387-390 fixes
    "b393-calm-clockmenders-cuckoo-banter": "'Saturdays are showing again' after the fix reads as "
    "the fault coming back",
    "b394-calm-choristers-licence-upload-publisher-rant": "a rant at a publisher's portal, said "
    "not to be aimed at us, still reads angry with us",
    # batches 451-454, played once on the batch 447-450 fixes
    "b453-calm-arrowsmiths-fletching-banter": "a playful menace ('fletching your entire support "
    "team with pigeon feathers 😤') after a blunt report reads frustrated",
}
CALM = [
    pytest.param(
        t,
        id=t.id,
        marks=[pytest.mark.xfail(strict=True, reason=KNOWN_CALM_MISSES[t.id])]
        if t.id in KNOWN_CALM_MISSES
        else [],
    )
    for t in THREADS
    if t.kind == "calm"
]


@pytest.mark.parametrize("spec", CALM)
async def test_a_calm_thread_gets_no_whisper_and_no_ping(bot: Bot, spec: ThreadSpec) -> None:
    played = await play(bot, spec)
    problems = judge(bot.slack.calls, played)
    assert not problems, f"{spec.kind} thread {spec.id}: {'; '.join(problems)}. Why: {spec.why}"


@pytest.mark.unseen
@pytest.mark.parametrize("spec", HEATED, ids=[t.id for t in HEATED])
async def test_the_thread_gets_the_whisper_and_ping_it_deserves(bot: Bot, spec: ThreadSpec) -> None:
    played = await play(bot, spec)
    problems = judge(bot.slack.calls, played)
    assert not problems, f"{spec.kind} thread {spec.id}: {'; '.join(problems)}. Why: {spec.why}"
