"""Escalation cues said in words the patterns were not written from: the lead's own
paraphrases of each cue kind (after a complaint, as in a support thread), and calm lines that
borrow their words ("we're switching the webhook URL", "whoever is in charge of our IT").
The lead wrote these, found 18 of the 49 paraphrases missed, and widened the concepts until they
were not: they pin those fixes. The independent measure is `tools/cue_check.py` (its holdout half
is only ever scored).
"""

from __future__ import annotations

from functools import lru_cache

import pytest

from bot.core.engine import FrustrationEngine
from bot.core.models import Assessment, CueKind, Role, Turn
from phrasebook.models import load_engine

OPENING = (
    "Hi, the sync to our warehouse has failed three times this week and nobody has explained why."
)
REPLY = "Sorry about that, we are still looking into it."

PARAPHRASES = [
    (
        CueKind.CHURN,
        "We'll be taking our business to one of your competitors at the end of the quarter.",
    ),
    (CueKind.CHURN, "Consider this our notice: we won't be renewing in June."),
    (CueKind.CHURN, "I've already started talks with another vendor, so this is your last chance."),
    (CueKind.CHURN, "We're pulling all 40 seats and going with someone who actually answers."),
    (CueKind.CHURN, "Honestly we are done, we'll find a provider that works."),
    (CueKind.CHURN, "If this isn't fixed by Friday we walk."),
    (CueKind.CHURN, "My CFO has asked me to find an alternative to your platform."),
    (CueKind.CHURN, "We are cancelling. Please tell me how to export our data."),
    (CueKind.CHURN, "This is the last month we pay you."),
    (CueKind.CHURN, "We're out. Send me the termination form."),
    (
        CueKind.CHURN,
        "We have signed with a different supplier and will leave when the contract ends.",
    ),
    (CueKind.CHURN, "I'm closing the account today, I've had enough."),
    (CueKind.CHURN, "Time to look elsewhere, this has been a disaster."),
    (CueKind.CHURN, "We will not be extending the contract after this mess."),
    (
        CueKind.CHURN,
        "Other companies offer the same for less and they actually work, we're switching.",
    ),
    (CueKind.THREAT_ABUSE, "You people are a bunch of incompetent clowns."),
    (CueKind.THREAT_ABUSE, "I know where your office is and I'll be there tomorrow morning."),
    (CueKind.THREAT_ABUSE, "Keep ignoring me and see what happens to you."),
    (
        CueKind.THREAT_ABUSE,
        "I'm going to tell every one of my 20k followers how you treat customers.",
    ),
    (CueKind.THREAT_ABUSE, "Your support agent is a complete moron."),
    (CueKind.THREAT_ABUSE, "I will make sure this ends up in the news."),
    (CueKind.THREAT_ABUSE, "You'd better watch yourself."),
    (CueKind.THREAT_ABUSE, "If I see that agent again I'll knock his teeth out."),
    (CueKind.THREAT_ABUSE, "Shut up and fix it."),
    (CueKind.THREAT_ABUSE, "What a useless pack of liars."),
    (
        CueKind.THREAT_ABUSE,
        "I'm writing a review on every site I can find so nobody buys from you again.",
    ),
    (CueKind.THREAT_ABUSE, "You're all idiots, every one of you."),
    (CueKind.THREAT_ABUSE, "Don't make me come down there."),
    (CueKind.THREAT_ABUSE, "I'll be posting these screenshots on LinkedIn tonight."),
    (CueKind.THREAT_ABUSE, "Somebody at your company is going to pay for this."),
    (CueKind.LEGAL, "We have instructed our solicitor to write to you."),
    (CueKind.LEGAL, "I'm reporting this to the consumer protection agency."),
    (CueKind.LEGAL, "This is a breach of our SLA and we'll seek compensation through the courts."),
    (CueKind.LEGAL, "Our attorney will be in touch on Monday."),
    (CueKind.LEGAL, "I'll be filing a complaint with the financial ombudsman."),
    (CueKind.LEGAL, "We'll see you in small claims court."),
    (CueKind.LEGAL, "My lawyer says this is a clear breach of contract."),
    (CueKind.MANAGER_REQUEST, "Let me talk to whoever is in charge of support."),
    (CueKind.MANAGER_REQUEST, "I want this escalated to your head of customer success today."),
    (CueKind.MANAGER_REQUEST, "Put your supervisor on this thread please."),
    (CueKind.MANAGER_REQUEST, "Can someone more senior take over?"),
    (CueKind.MANAGER_REQUEST, "I need a manager, not another script."),
    (CueKind.MANAGER_REQUEST, "Who is your boss? I want to speak to them."),
    (CueKind.DATA_EXPOSURE, "I just received another company's invoices in my inbox."),
    (CueKind.DATA_EXPOSURE, "Our customer list is visible to anyone who has the link."),
    (CueKind.DATA_EXPOSURE, "The API returns other users' email addresses when I search."),
    (CueKind.DATA_EXPOSURE, "Your export included salary data from a different client."),
    (CueKind.DATA_EXPOSURE, "I can log in and see somebody else's order history."),
    (CueKind.DATA_EXPOSURE, "Our API keys are showing up in your public status page."),
]

LOOKALIKES = [
    "We're switching the webhook URL to our new domain tomorrow, anything to watch out for?",
    "Could you help us find an alternative to the CSV import? It times out on big files.",
    "Please pull all 40 seats' usage into one report if possible.",
    "We're out of office on Friday, so Monday works better for the call.",
    "The last invoice we paid was in March, can you send April's?",
    "We will not be extending the trial, but we'd like to buy the annual plan.",
    "Watch your inbox for the signed form, our legal team sent it this morning.",
    "Let's see what happens after the restart and report back.",
    "I talked to whoever is in charge of our IT, they approved the change.",
    "The sync worked just fine last night, thanks for the quick fix!",
    "Good morning! Quick question about the export format.",
]


@lru_cache(maxsize=1)
def engine() -> FrustrationEngine:
    return load_engine()


def third_message(text: str, opening: str = OPENING) -> Assessment:
    eng = engine()
    state = eng.start()
    state, _ = eng.read(state, Turn(Role.CUSTOMER, opening, 1.0))
    state, _ = eng.read(state, Turn(Role.AGENT, REPLY, 2.0))
    _, a = eng.read(state, Turn(Role.CUSTOMER, text, 3.0))
    assert a is not None
    return a


@pytest.mark.parametrize(("kind", "text"), PARAPHRASES, ids=[t[:40] for _, t in PARAPHRASES])
def test_an_escalation_said_another_way_is_recognised(kind: CueKind, text: str) -> None:
    a = third_message(text)
    assert kind in {c.kind for c in a.cues}, a.explain()


@pytest.mark.parametrize("text", LOOKALIKES, ids=[t[:40] for t in LOOKALIKES])
def test_calm_lines_with_the_same_words_raise_no_cue(text: str) -> None:
    calm_opening = "Hi, the nightly sync to our warehouse failed twice this week. Can you check?"
    a = third_message(text, calm_opening)
    assert not [c for c in a.cues if c.kind is not CueKind.BEYOND_AUTHORITY], a.explain()
    assert not a.escalate, a.explain()
