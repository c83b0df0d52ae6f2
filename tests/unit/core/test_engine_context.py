"""Context rules of the second tuning round: calm problem reports that open a thread, polite
corrections, failed bookings behind an apology, thankful "no"s and bare links."""

from __future__ import annotations

from functools import lru_cache

from bot.core.engine import FrustrationEngine
from bot.core.models import Assessment, CueKind, Role, Turn
from phrasebook.detection import load_detection

C, A = Role.CUSTOMER, Role.AGENT


@lru_cache(maxsize=1)
def engine() -> FrustrationEngine:
    return FrustrationEngine(load_detection())


def read_thread(*turns: tuple[Role, str]) -> list[Assessment]:
    eng = engine()
    state = eng.start()
    out: list[Assessment] = []
    for role, text in turns:
        state, a = eng.read(state, Turn(role, text, 0.0))
        if a is not None:
            out.append(a)
    return out


def ids(a: Assessment) -> set[str]:
    return {s.id for s in a.signals}


def test_an_opening_problem_report_counts_as_a_complaint_even_when_calm() -> None:
    a = read_thread((C, "My new headphones broke after one month and the app is so slow."))[0]
    assert "opening.problem" in ids(a)
    assert a.frustrated


def test_the_same_report_later_in_a_thread_gets_no_opening_weight() -> None:
    later = read_thread(
        (C, "Hi, quick question about my plan."),
        (A, "Sure, what do you need?"),
        (C, "My new headphones broke after one month and the app is so slow."),
    )[-1]
    assert "opening.problem" not in ids(later)


def test_a_plain_opening_question_gets_no_opening_weight() -> None:
    a = read_thread((C, "Hi, which plans include international calls?"))[0]
    assert "opening.problem" not in ids(a)
    assert not a.frustrated


def test_polite_soft_corrections_are_read() -> None:
    a = read_thread(
        (C, "I need a hotel in the centre."),
        (A, "How many nights and people?"),
        (C, "I actually don't need a room, I just need the address please."),
    )[-1]
    assert "correction.soft" in ids(a)


def test_an_unsuccessful_booking_is_a_failed_delivery_not_a_comfort() -> None:
    a = read_thread(
        (C, "Book it for Friday please."),
        (A, "I'm sorry, that booking was unsuccessful."),
        (C, "Then try Saturday."),
    )[-1]
    assert "agent.failed" in ids(a) and "agent.apology" not in ids(a)


def test_a_short_no_that_thanks_is_a_closing() -> None:
    a = read_thread(
        (C, "Where is my parcel?"),
        (A, "It was delivered this morning. Anything else?"),
        (C, "Nope, I've got my package now, thanks"),
    )[-1]
    assert "correction.no" not in ids(a)


def test_a_bare_link_carries_no_heat_of_its_own() -> None:
    turns = read_thread(
        (C, "This is the WORST service ever, still broken after 3 weeks!!"),
        (A, "Can you share a screenshot?"),
        (C, "https://example.com/screenshot.png"),
    )
    assert turns[0].frustrated
    assert "context.heat" not in ids(turns[-1])
    assert turns[-1].score < turns[0].score


def test_thanks_in_an_opening_problem_report_does_not_talk_it_down() -> None:
    polite = read_thread((C, "Hi, the app keeps logging me out on my phone, can you help? Thanks"))[
        0
    ]
    plain = read_thread((C, "Hiya, when is the next sale? Thanks!"))[0]
    gratitude = {s.id: s.weight for s in polite.signals}.get("positive.gratitude")
    assert "opening.problem" in ids(polite)
    assert gratitude is not None and gratitude > -0.5
    assert {s.id: s.weight for s in plain.signals}["positive.gratitude"] <= -0.5
    assert polite.frustrated and not plain.frustrated


def test_a_bare_duration_is_not_a_wait_but_waiting_for_one_is() -> None:
    plan = read_thread((C, "We travel the first two weeks of June."))[0]
    waited = read_thread((C, "I have been waiting for two weeks for my refund."))[0]
    assert "wait.delay" not in ids(plan)
    assert "wait.delay" in ids(waited)


def test_not_minding_a_detail_is_no_complaint_but_you_dont_care_is() -> None:
    easy = read_thread((A, "Which area would you like?"), (C, "I don't care, any area is fine."))
    hurt = read_thread((C, "You don't even care that my order is lost."))
    assert "negligence.ignored" not in ids(easy[-1]) and "correction.no" not in ids(easy[-1])
    assert "negligence.ignored" in ids(hurt[-1])


def test_a_failed_search_counts_once_not_also_as_a_negative_answer() -> None:
    a = read_thread(
        (C, "Find me a cheap hotel in the north."),
        (A, "Unfortunately there are no hotels matching that in the north."),
        (C, "What about the east?"),
    )[-1]
    assert "agent.failed" in ids(a) and "agent.negative" not in ids(a)


def test_sorry_in_a_reply_is_a_mix_up_but_sorry_to_bother_you_is_manners() -> None:
    opening = read_thread((C, "Sorry to bother you, is the shop open on Sunday?"))[0]
    mix_up = read_thread(
        (C, "Book a table for Monday."),
        (A, "Done, Monday at 7pm."),
        (C, "Oh sorry, I need it on Tuesday instead."),
    )[-1]
    assert "correction.sorry" not in ids(opening)
    assert "correction.sorry" in ids(mix_up) and "correction.soft" in ids(mix_up)
    assert mix_up.score > opening.score


def test_cancelling_yourself_is_no_problem_but_being_cancelled_on_is() -> None:
    mine = read_thread((C, "I canceled the trip myself, how do I get the credit?"))[0]
    theirs = read_thread((C, "My flight was cancelled and nobody told me."))[0]
    assert "service.problem" not in ids(mine)
    assert "service.problem" in ids(theirs)


def test_how_long_is_a_wait_only_when_it_asks_about_waiting() -> None:
    question = read_thread((C, "How long do I have to decide on the upgrade?"))[0]
    waiting = read_thread((C, "How long will this take? I have been waiting all day."))[0]
    assert "wait.delay" not in ids(question)
    assert "wait.delay" in ids(waiting)


def test_thanks_after_a_complaint_is_manners_but_praise_after_one_is_irony() -> None:
    polite = read_thread(
        (A, "Let me look into that."),
        (C, "It still hasn't arrived and I was promised Friday. Can you chase it? Thanks"),
    )[-1]
    ironic = read_thread(
        (A, "Let me look into that."),
        (C, "It still hasn't arrived and I was promised Friday. Brilliant."),
    )[-1]
    assert "sarcasm.mixed" not in ids(polite) and "positive.gratitude" not in ids(polite)
    assert "sarcasm.mixed" in ids(ironic)
    assert ironic.score > polite.score


def test_support_complaint_phrasings_are_read() -> None:
    """Plain reports a support lead would call complaints, each read by its own rule."""
    cases = {
        "I did not receive my certificate.": "wait.delay",
        "The 8:10 train is ten minutes late again.": "wait.delay",
        "The courier never turned up.": "wait.delay",
        "I was mistreated at your Leeds store.": "service.conduct",
        "You're not answering the phone.": "negligence.ignored",
        "The credit on my account disappeared.": "service.problem",
        "Bought new jeans, a seam split on day one #nothappy": "neg.feeling",
    }
    for text, rule in cases.items():
        assert rule in ids(read_thread((C, text))[0]), text


def test_lookalikes_of_the_new_complaint_phrasings_stay_quiet() -> None:
    """Receiving fine, being late in a plan, and happy customers fire none of them."""
    calm = {
        "I received the parcel this morning, all good.": "wait.delay",
        "I'll be ten minutes late to the call, sorry.": "wait.delay",
        "I'm happy with the new plan.": "neg.feeling",
    }
    for text, rule in calm.items():
        assert rule not in ids(read_thread((C, text))[0]), text


def test_praise_in_an_opening_problem_report_does_not_talk_it_down() -> None:
    """'I love it but the seat is broken' opens a complaint; 'I love it' alone stays calm."""
    report = read_thread((C, "I love my car but the driver seat is broken after a year."))[0]
    happy = read_thread((C, "I love my new car, the seats are great."))[0]
    praise = {s.id: s.weight for s in report.signals}.get("positive.thanks")
    assert "opening.problem" in ids(report)
    assert praise is not None and praise > -0.5
    assert {s.id: s.weight for s in happy.signals}["positive.thanks"] <= -0.5
    assert report.frustrated and not happy.frustrated


def test_narrowing_the_ask_after_a_reply_is_a_soft_correction_but_not_as_an_opening() -> None:
    """'No, I just need the address' after an offer to book means the reply missed the ask."""
    reply = read_thread(
        (C, "Can you find me a guesthouse in the north?"),
        (A, "Acorn House is in the north. Shall I book a room for you?"),
        (C, "No, I just need the address."),
    )[-1]
    opening = read_thread((C, "I just need the train times to Ely for Friday."))[0]
    assert "correction.soft" in ids(reply)
    assert "correction.soft" not in ids(opening)


def test_impatient_either_or_and_what_good_is_that_questions_are_loaded() -> None:
    """'Are you going to email me or not' and 'how does that help me' press; plain asks don't."""
    pressed = [
        "Are you going to email me or not",
        "Well how much does that help me now?",
    ]
    plain = ["How much does the premium plan cost?", "Are you going to email me the receipt?"]
    for text in pressed:
        assert "anger.question" in ids(read_thread((C, text))[0]), text
    for text in plain:
        assert "anger.question" not in ids(read_thread((C, text))[0]), text


def test_closing_thanks_are_not_read_as_sarcasm_repeats_or_corrections() -> None:
    """'Thank you so much for your help', 'thanks again', 'no need' and 'no, that was it'
    close a chat politely; 'so much for your promise' and 'broken again' still count."""
    offer = (A, "Shall I book it for you?")
    closing = read_thread(offer, (C, "No, that was it. Thank you so much for your help."))[-1]
    again = read_thread(offer, (C, "Nope, you have been very helpful. Thanks again. Bye."))[-1]
    no_need = read_thread(offer, (C, "No need to book it, just the address please."))[-1]
    sarcastic = read_thread(offer, (C, "So much for your promise of a call back."))[-1]
    repeat = read_thread(offer, (C, "The app is broken again."))[-1]
    assert not {"sarcasm.fake_praise", "correction.no"} & ids(closing)
    assert "repeat.again" not in ids(again)
    assert "correction.no" not in ids(no_need)
    assert "sarcasm.fake_praise" in ids(sarcastic)
    assert "repeat.again" in ids(repeat)
    assert not closing.frustrated and not again.frustrated


def test_leaving_on_a_trip_is_no_churn_cue_but_leaving_the_company_is() -> None:
    """'I'm leaving from Vegas on the 9th' books a trip; 'I'm leaving.' in anger is churn."""
    upset = (C, "This is the third time the booking failed, this is useless.")
    trip = read_thread(
        upset,
        (A, "Where are you travelling from?"),
        (C, "No, I said I'm leaving from Vegas, not LA!"),
    )
    quit_ = read_thread(upset, (A, "I understand."), (C, "Forget it, I'm leaving. Useless."))
    assert CueKind.CHURN not in {c.kind for c in trip[-1].cues}
    assert CueKind.CHURN in {c.kind for c in quit_[-1].cues}


def test_recalls_and_demands_to_sort_it_out_are_complaints_but_recalling_a_fact_is_not() -> None:
    """A recalled product is a problem report; 'I don't recall' is memory, not a recall."""
    recalled = read_thread((C, "My airbag was recalled and still has not been replaced."))[0]
    memory = read_thread((C, "I don't recall the exact date I ordered."))[0]
    demand = read_thread((C, "Three engineers later and still no signal. Sort it out."))[0]
    assert "service.problem" in ids(recalled)
    assert "service.problem" not in ids(memory)
    assert "urgency.now" in ids(demand)
