"""Things the engine must not misread: code, logs, hyperbole, hot words in calm asks, negations,
Slack markup, huge or empty messages, odd unicode and languages it does not read."""

from __future__ import annotations

from functools import lru_cache

import pytest

from bot.core.engine import FrustrationEngine
from bot.core.models import Assessment, CueKind, Level, RequestKind, Role, Turn
from bot.core.text import MAX_CHARS, prepare
from phrasebook.models import load_engine

C, A = Role.CUSTOMER, Role.AGENT


@lru_cache(maxsize=1)
def engine() -> FrustrationEngine:
    return load_engine()


def read_one(text: str) -> Assessment:
    eng = engine()
    _, a = eng.read(eng.start(), Turn(C, text, 0.0))
    assert a is not None
    return a


def assert_calm(a: Assessment) -> None:
    """Nothing worth a hint: calm or at most uneasy, no cue."""
    assert a.level in (Level.CALM, Level.UNEASY), a.explain()
    assert not a.frustrated and not a.escalate
    assert not [c for c in a.cues if c.kind is not CueKind.BEYOND_AUTHORITY]


CALM_LOOKALIKES = {
    "error in a code block": (
        "Deploy output below:\n```\nERROR: worker killed (OOM)\nFATAL: build failed, "
        "process terminated\n```\nCan you take a look?"
    ),
    "error in inline code": "The job prints `fatal: process killed` when I run it, any idea why?",
    "log lines without fences": (
        "2024-01-02 10:00:01 ERROR worker killed\n2024-01-02 10:00:02 FATAL failed to restart\n"
        "Can you take a look?"
    ),
    "traceback": (
        'Traceback (most recent call last):\n  File "app.py", line 3, in <module>\n'
        "ValueError: invalid literal\nIs this on your side or mine?"
    ),
    "friendly hyperbole": "I'd kill for dark mode in the app, it would be lovely.",
    "killing it": "Your new release is killing it, well done team.",
    "calm cancel with a hot word": "please cancel order #123",
    "negated negative": "not bad at all, thanks",
    "negated anger": "I'm not angry, just asking when the update lands.",
    "slack markup": (
        "<@U123> can you check <https://status.example.com|the status page>? "
        "<#C1|support> :slightly_smiling_face:"
    ),
    "my manager asked": "My manager asked me to check the invoice dates for March.",
    "an escalation relayed to support": (
        "One of our desk managers asked me to escalate this to you, but it's low priority: the "
        "Opinion section shows UTC times."
    ),
    "a title in quotation marks": (
        'Our episode "I Want To Speak To Your Manager" is still processing after an hour.'
    ),
    "the law as the subject of content": (
        "Next week's guest is a tenant lawyer who'll talk about suing landlords. Any content "
        "rules for legal topics?"
    ),
    "a thing trying to kill me, laughing": (
        "yep, mapped to twin. I swear this system is trying to kill me :joy: fixing now"
    ),
    "empty": "",
    "whitespace": "   \n\t ",
    "odd unicode": "Hi\u200b there \u202eolleh\u202c, is my ｏｒｄｅｒ ready? 🙂 café naïve",
}


@pytest.mark.parametrize("text", CALM_LOOKALIKES.values(), ids=CALM_LOOKALIKES.keys())
def test_calm_lookalikes_stay_calm(text: str) -> None:
    assert_calm(read_one(text))


def test_the_same_words_outside_code_do_count() -> None:
    """The code-block test is not vacuous: the same words as prose are read."""
    inside = read_one("```\nthis is useless garbage, worst tool ever\n```")
    outside = read_one("this is useless garbage, worst tool ever")
    assert outside.frustrated and not inside.frustrated


def test_hyperbole_guard_does_not_hide_real_threats() -> None:
    a = read_one("I'll find you and hurt you.")
    assert CueKind.THREAT_ABUSE in {c.kind for c in a.cues}


def test_negation_is_limited_to_its_clause() -> None:
    """ "No. Thank you" is a thank-you, not a negated one."""
    a = read_one("No. Thank you so much for your help.")
    assert a.level is Level.CALM
    assert all(s.weight <= 0 for s in a.signals if s.id.startswith("positive."))


def test_negated_praise_reads_as_negative() -> None:
    a = read_one("Not happy with this at all.")
    assert any(s.id == "calm.praise_not" and s.weight > 0 for s in a.signals)


def test_slack_markup_is_not_read_as_words() -> None:
    prep = prepare("<@U123ABC> see <https://x.example/a|the docs> in <#C1|help-desk> :fire:")
    assert "u123abc" not in prep.tokens and "https" not in prep.tokens
    assert "fire" not in prep.tokens
    assert {"the", "docs", "help"} <= set(prep.tokens)


@pytest.mark.parametrize(
    ("text", "lower"),
    [
        ("ask @dana_k about it", "ask about it"),
        ("see https://x.example/a?b=1 and www.example.com/x now", "see and now"),
        ("#billing is down, #1 issue", "billing is down, #1 issue"),
        ("so\tslow\u00a0\u00a0again  and \t again", "so\tslow again and again"),
        ("so slow again", "so slow again"),  # nothing to clean up
        ("mail me at a@b", "mail me at a@b"),  # an @ inside a word is no handle
    ],
)
def test_handles_links_hashtags_and_runs_of_spaces_are_cleaned(text: str, lower: str) -> None:
    assert prepare(text).lower == lower


def test_slack_emphasis_is_taken_off_a_phrase_but_lone_marks_stay() -> None:
    prep = prepare("*URGENT* the app shows _another family's_ child ~and~ more")
    assert prep.lower == "urgent the app shows another family's child and more"
    assert prepare("f*** off, see the northwind_payroll_q3 tab and 5*3").lower == (
        "f*** off, see the northwind_payroll_q3 tab and 5*3"
    )


def test_timestamps_are_not_eaten_as_emoji_codes() -> None:
    prep = prepare("meet at 10:00:30 :tada:")
    assert "tada" not in prep.tokens and "10:00:30" in prep.prose


def test_a_40k_character_message_is_read_with_capped_work() -> None:
    text = "why is this still broken?? " * 1500
    prep = prepare(text)
    assert prep.chars == len(text)
    assert len(prep.prose) <= MAX_CHARS + 10
    a = read_one(text)
    assert a.frustrated
    assert all(len(s.evidence) <= 80 for s in a.signals)
    assert all(len(c.evidence) <= 200 for c in a.cues)


def test_a_huge_calm_paste_stays_calm() -> None:
    a = read_one("Here is the config you asked for.\n" + "key = value\n" * 4000)
    assert not a.frustrated


@pytest.mark.parametrize(
    "text",
    [
        "Esto es una vergüenza, llevo tres semanas esperando y nadie me responde",
        "C'est une honte, j'attends depuis trois semaines et personne ne me répond pas",
        "Das ist eine Frechheit, ich warte seit drei Wochen und niemand antwortet mir nicht",
        "Это безобразие, я жду уже три недели",
        "これはひどい。三週間も待っています",
    ],
)
def test_languages_it_does_not_read_are_neutral_and_say_so(text: str) -> None:
    a = read_one(text)
    assert a.handled_language is False
    assert a.score == 0.0 and not a.frustrated and not a.cues
    assert "language" in a.explain()


def test_an_unread_language_leaves_the_thread_heat_unchanged() -> None:
    eng = engine()
    state = eng.start()
    state, first = eng.read(state, Turn(C, "This is ridiculous, still broken!!", 0.0))
    state, other = eng.read(state, Turn(C, "Llevo tres semanas esperando y nadie me responde", 0.0))
    assert first is not None and other is not None
    assert other.heat == first.heat


def test_english_with_a_foreign_name_is_still_read() -> None:
    a = read_one("My order from José at the Café de la Paz never arrived, still waiting!")
    assert a.handled_language and a.frustrated


def test_upset_slack_emoji_codes_count_but_other_codes_are_dropped() -> None:
    prep = prepare("still broken :rage: :tada: :+1::skin-tone-2:")
    assert "rage" not in prep.tokens and "tada" not in prep.tokens and "skin" not in prep.tokens
    upset = read_one("the app crashed again :rage:")
    plain = read_one("the app crashed again :tada:")
    assert "emoji.upset" in {s.id for s in upset.signals}
    assert upset.score > plain.score


def test_slack_escaped_characters_are_read_as_typed() -> None:
    """Slack escapes what people type (&, <, >): a quoted line still reads as a quote."""
    text = "Our MSA says:\n&gt; either party may sue for material breach\nAny idea? R&amp;D asks"
    prep = prepare(text)
    assert "&gt;" not in prep.lower and "r&d" in prep.lower
    assert prep.lower.splitlines()[1].startswith(">")


def read_after_agent(
    text: str,
    agent: str = "Thanks, checking now.",
    opener: str = "Hi, could you check invoice INV-1 for me?",
) -> Assessment:
    """`text` as the customer's second message, after an agent reply."""
    eng = engine()
    state = eng.start()
    state, _ = eng.read(state, Turn(Role.CUSTOMER, opener, 1.0))
    state, _ = eng.read(state, Turn(Role.AGENT, agent, 2.0))
    _, a = eng.read(state, Turn(Role.CUSTOMER, text, 3.0))
    assert a is not None
    return a


@pytest.mark.parametrize(
    "text",
    [
        "The stack trace points at our side actually, my bad.",
        "Sorry for the late reply, I was in a meeting. Yes please go ahead.",
        "Ahh ok, my mistake then, thanks for your patience",
    ],
)
def test_a_customer_owning_their_own_slip_corrects_nobody(text: str) -> None:
    a = read_after_agent(text)
    assert a.level in (Level.CALM, Level.UNEASY), a.explain()
    assert "dialog.sorry" not in {s.id for s in a.signals}


def test_counting_events_is_no_complaint_about_repeating_oneself() -> None:
    a = read_one("Hi team, since this morning the webhook sends every event two times. Known?")
    assert not a.heated and a.level in (Level.CALM, Level.UNEASY), a.explain()


def test_a_resolution_with_a_loaded_word_is_not_frustrated() -> None:
    a = read_after_agent("The worst problem is solved, only a small thing left: the date format.")
    assert a.level in (Level.CALM, Level.UNEASY), a.explain()


def test_the_words_outside_quotation_marks_still_ask_for_a_manager() -> None:
    """The title test is not vacuous: the same words said, not quoted, ask for someone."""
    said = read_one("I want to speak to your manager about the episode that is still processing.")
    assert CueKind.MANAGER_REQUEST in {c.kind for c in said.cues}


def test_asking_whether_two_things_are_the_same_is_no_complaint_that_it_keeps_happening() -> None:
    asks = read_after_agent("There's only a VAT number field. Is that the same thing as a tax ID?")
    assert "repeat.again" not in {s.id for s in asks.signals}
    again = read_after_agent("Same issue again this morning, the export is empty.")
    assert "repeat.again" in {s.id for s in again.signals}


def test_the_suggested_step_already_done_and_when_pushes_back() -> None:
    """ "We did that at 10. And at 11." answers a suggestion the customer had already tried."""
    for text in ("We did that at 10. And at 11. Still double-booking.", "regenerated them twice."):
        done = read_after_agent(text)
        assert "dialog.pushback" in {s.id for s in done.signals}, text


def test_hoping_to_hear_something_is_no_praise() -> None:
    waiting = read_after_agent("We pay $85 a day in storage. Would be great to hear *something*.")
    assert "calm.praise" not in {s.id for s in waiting.signals}
    assert "neglect.ignored" in {s.id for s in waiting.signals}


def test_praise_said_twice_the_second_time_just_is_sarcasm() -> None:
    twice = read_after_agent("Great. Just great. And when will it be fixed?")
    assert "press.sarcasm" in {s.id for s in twice.signals}
    once = read_after_agent("Great, just what I needed, thanks!")
    assert "press.sarcasm" not in {s.id for s in once.signals}


def test_a_setting_of_ones_own_forgotten_is_ones_own_slip() -> None:
    """ "the 24h TTL I set in 2019 and forgot about :facepalm:" is no complaint about us."""
    own = read_after_agent("ahh the 24h TTL I set years ago and forgot about :facepalm: fixing")
    assert own.level is not Level.FRUSTRATED, own.explain()


def test_the_ironic_face_on_a_light_line_is_a_shrug_and_beside_trouble_is_sarcasm() -> None:
    light = read_after_agent("Swap the salmon please, my kid says fish is 'crunchy' now 🙃")
    assert "press.sarcasm" not in {s.id for s in light.signals}
    trouble = read_after_agent("Down again for the third time today 🙃")
    assert "press.sarcasm" in {s.id for s in trouble.signals}
    worded = read_after_agent("7-10 business days for a flight on friday. love that for me 🙃")
    assert "press.sarcasm" in {s.id for s in worded.signals}


def test_trouble_that_did_not_happen_is_no_upset() -> None:
    averted = read_after_agent("Thanks! The fraud could have been a nightmare, you sorted it fast.")
    assert averted.level is Level.CALM, averted.explain()


def test_what_one_would_hate_to_happen_is_no_upset() -> None:
    """ "Would hate to ship 5,000 boxes in the wrong green" is care about the job."""
    would = read_after_agent("Would hate to print 5,000 flyers with the wrong date, please check.")
    assert "feel.upset" not in {s.id for s in would.signals}
    does = read_after_agent("I hate this portal, it logged me out again.")
    assert "feel.upset" in {s.id for s in does.signals}


def test_a_dated_cancellation_is_the_history_of_a_billing_dispute_not_leaving_now() -> None:
    """ "I cancelled on March 2, you charged me on March 14": a billing complaint the agent can
    fix. "We're cancelling our subscription" over it is leaving."""
    dated = read_one(
        "I cancelled my Premium subscription in the app on March 2. You charged me $79.99 for "
        "another year on March 14. I want that refunded."
    )
    assert CueKind.CHURN not in {c.kind for c in dated.cues}
    leaving = read_after_agent("You charged us again after all this. We're cancelling our plan.")
    assert CueKind.CHURN in {c.kind for c in leaving.cues}


def test_a_routine_cancellation_is_no_grievance_and_leaving_over_the_service_is() -> None:
    routine = read_after_agent("Please cancel our subscription at renewal, the project is ending.")
    assert not routine.grievance and routine.level is not Level.FRUSTRATED
    leaving = read_after_agent("We will not renew. The outages this quarter cost us more than it.")
    assert leaving.grievance
    competitor = read_after_agent("Start the offboarding, we're taking our business elsewhere.")
    assert competitor.grievance


@pytest.mark.parametrize(
    "text",
    [
        "Wonderful. The parcel has been 'out for delivery' for three days now.",
        "Oh great! The same sync error again after your fix.",
        "Excellent work, really. Still no invoice a week after you promised it.",
    ],
)
def test_praise_said_alone_beside_a_failure_is_sarcasm_and_calms_nothing(text: str) -> None:
    a = read_one(text)
    assert any(s.id == "press.sarcasm" for s in a.signals), a.explain()
    assert not any(s.id == "calm.praise" for s in a.signals), a.explain()


@pytest.mark.parametrize(
    "text",
    [
        "Great! That fixed the sync error, thanks.",
        "Perfect. The parcel arrived this morning.",
        "Brilliant, the invoice is correct now.",
    ],
)
def test_praise_for_a_fix_or_a_delivery_is_not_sarcasm(text: str) -> None:
    a = read_one(text)
    assert not any(s.id == "press.sarcasm" for s in a.signals), a.explain()
    assert_calm(a)


@pytest.mark.parametrize(
    "text",
    [
        "Thanks for wasting two hours of my afternoon",
        "great job losing the same order twice",
        "thank you so much for logging everyone on my team out right before our demo",
        "Really appreciate being ignored for three days",
        "love that every update breaks the integration",
        "The auto-renewal I never agreed to went through again, very cool",
        "Refund still not here after six weeks. Truly world class.",
        "Thanks so much for the update \U0001f44f Still down after three hours.",
        "My cache is obviously what doubled the fees on 212 statements. Great idea \U0001f44d",
    ],
)
def test_thanks_or_praise_aimed_at_the_harm_is_sarcasm_and_reads_frustrated(text: str) -> None:
    a = read_one(text)
    assert any(s.id == "press.sarcasm" for s in a.signals), a.explain()
    assert a.level in (Level.FRUSTRATED, Level.ANGRY), a.explain()


@pytest.mark.parametrize(
    "text",
    [
        "Thanks for looking into the lost parcel, let me know what you find",
        "Thanks for checking, the invoice still shows the old address, could you update it?",
        "Really appreciate you staying late to sort out the outage",
        "thanks for cancelling the extra seats as I asked",
        "Oh perfect! Can I book a table for eight at seven?",
        "Perfect. Are the tickets refundable?",
        "Just what I needed, thank you for the CSV template!",
        "Great job on the new release, the reports load much faster",
        "The outage is over \U0001f44f thanks team",
        "nice, the sync bug from yesterday is gone after the patch",
    ],
)
def test_sincere_thanks_and_praise_near_a_problem_are_not_sarcasm(text: str) -> None:
    a = read_one(text)
    assert not any(s.id == "press.sarcasm" for s in a.signals), a.explain()
    assert a.level in (Level.CALM, Level.UNEASY), a.explain()


def test_irony_alone_is_frustration_not_outrage() -> None:
    a = read_one("Thanks so much for the update \U0001f44f Still down after three hours.")
    assert a.level is Level.FRUSTRATED, a.explain()


def test_leaving_after_complaints_earlier_in_the_thread_is_leaving_over_the_service() -> None:
    """The grievance was stated two messages ago; the ultimatum itself is measured."""
    a = read_after_agent(
        "Our directors have decided: unless this is settled by May, we end the contract.",
        agent="Sorry, the team is still checking.",
        opener="Hello, our nightly reports have been failing for three weeks now. Can you check?",
    )
    assert a.grievance and a.escalate, a.explain()
    assert any(c.kind is CueKind.CHURN for c in a.cues)


@pytest.mark.parametrize(
    "text",
    [
        "Our other printers work just fine on the same network, only this one drops off.",
        "It worked fine until the update on Tuesday.",
    ],
)
def test_something_working_fine_is_a_fact_not_praise(text: str) -> None:
    assert not any(s.id == "calm.praise" for s in read_one(text).signals)


def test_pushback_after_the_agent_blamed_the_customers_side_reads_frustrated() -> None:
    """The agent put the cause on the customer's side without checking; the customer answers
    with evidence. The blame is part of what the customer's message is read against."""
    blame = "That is most likely caused by a firewall rule on your side, please review it."
    a = read_after_agent(
        "Nothing changed in our firewall for a year and it broke right after your release. "
        "Could you check your side first?",
        agent=blame,
    )
    assert any(s.id == "agent.defensive" for s in a.signals)
    assert a.frustrated, a.explain()


def test_enough_with_the_apologies_is_exasperation_and_is_sure() -> None:
    a = read_after_agent("Enough with the excuses about the export. I want it fixed today.")
    assert any(s.id == "feel.upset" for s in a.signals), a.explain()
    assert a.frustrated and a.heated, a.explain()


def test_wanting_it_fixed_is_a_demand_not_a_resolution() -> None:
    for text in ("I want it fixed today.", "We need it sorted before Friday."):
        assert not any(s.id == "calm.resolved" for s in read_one(text).signals), text
    assert any(s.id == "calm.resolved" for s in read_one("It's fixed now, thanks!").signals)


@pytest.mark.parametrize(
    "text",
    [
        "As I wrote in my first message: employee 4471, should be +12. Please read the thread "
        "before replying.",
        "Same answer again, 'please restart'. We restarted 10 times. Please read what I write.",
        "Read the ticket first, it's all in there.",
    ],
)
def test_telling_the_agent_to_read_what_was_already_written_corrects_the_agent(
    text: str,
) -> None:
    """Perceived negligence: the agent asked for what the customer had already given."""
    a = read_after_agent(text, agent="Could you tell me which employee it is?")
    assert any(s.id == "dialog.no" for s in a.signals), a.explain()
    assert a.frustrated, a.explain()


@pytest.mark.parametrize(
    "text",
    [
        "I'll read the email again later, thanks!",
        "I read the message carefully and I think I get it now.",
        "Thanks, I read the article you sent, very clear.",
    ],
)
def test_the_customer_reading_something_themselves_corrects_nobody(text: str) -> None:
    a = read_after_agent(text)
    assert not any(s.id == "dialog.no" for s in a.signals), a.explain()
    assert a.level in (Level.CALM, Level.UNEASY), a.explain()


@pytest.mark.parametrize(
    "text",
    [
        "I ran the import again and it went through",
        "Logged in again and everything is there.",
        "I read it again and it makes sense now",
    ],
)
def test_a_retry_that_worked_is_a_success_report_not_the_problem_coming_back(text: str) -> None:
    a = read_after_agent(text)
    assert "repeat.recur" not in {s.id for s in a.signals}, a.explain()
    assert a.level is Level.CALM, a.explain()


def test_a_retry_that_worked_then_broke_again_is_still_the_problem_coming_back() -> None:
    a = read_after_agent("Tried again and it worked, then it broke again an hour later.")
    assert "repeat.recur" in {s.id for s in a.signals}, a.explain()
    assert a.frustrated, a.explain()


def test_seriously_as_praise_is_no_loaded_question() -> None:
    a = read_one("Seriously, best support we've had from any vendor. Leaving you a 5 on the survey")
    assert a.level in (Level.CALM, Level.UNEASY), a.explain()


@pytest.mark.parametrize(
    "text",
    [
        "IT HAS BEEN 8 BUSINESS DAYS. I KNOW HOW LONG BANKS TAKE.",
        "So that's two fixes that didn't work. What's the next guess?",
        "This is the fourth time I'm asking the same question and getting the same answer.",
        "Tried. Nothing. That's three things now and we open in 25 minutes.",
        "We've been through your whole checklist. Does that sound like a browser problem to you?",
    ],
)
def test_waiting_in_business_days_failed_fixes_and_the_same_answer_again_read_frustrated(
    text: str,
) -> None:
    a = read_after_agent(text)
    assert a.level in (Level.FRUSTRATED, Level.ANGRY), a.explain()


@pytest.mark.parametrize(
    "text",
    [
        "Hello. I try to connect with the app but it says 'Device not found'. I tried 3 times.",
        "Our compliance officer wants the complaints data broken down by product line.",
        "And complaints that were opened in the period but closed after it, are they open?",
    ],
)
def test_counting_ones_own_attempts_and_complaints_as_records_are_no_grievance(text: str) -> None:
    a = read_one(text)
    assert not a.frustrated, a.explain()
    assert not {"repeat.recur", "feel.upset"} & {s.id for s in a.signals}, a.explain()


def test_an_agent_saying_no_bother_gives_no_negative_answer() -> None:
    a = read_after_agent(
        "Ah, I think my wifi is 5 GHz. How I can change?", agent="No bother at all!"
    )
    assert "agent.negative" not in {s.id for s in a.signals}, a.explain()


@pytest.mark.parametrize(
    "text",
    [
        "Approved. It would have been helpful to be told about the rejection when it happened, "
        "rather than finding out from employees asking where their money is.",
        "Right. I'll tell them I have no idea then. Which is a great look for the payroll team.",
    ],
)
def test_a_reproach_for_what_was_not_said_and_passing_on_bad_news_read_frustrated(
    text: str,
) -> None:
    a = read_after_agent(text)
    assert "calm.praise" not in {s.id for s in a.signals}, a.explain()
    assert a.grievance and a.level is not Level.CALM, a.explain()


def test_praise_that_was_deserved_still_calms() -> None:
    a = read_after_agent("You have been so helpful, it would be great to have you on the next one.")
    assert "calm.praise" in {s.id for s in a.signals}, a.explain()
    assert a.level is Level.CALM, a.explain()


@pytest.mark.parametrize(
    "text",
    [
        "Oh, Settings > Shipping. What a great idea, wish I'd thought of that. That's what I said.",
        "Still prints the old address, so I hand-correct 60 labels again today, which is exactly "
        "how I love spending my afternoons.",
        "cool cool cool. so the 'fix' made matchmaking worse than before.",
    ],
)
def test_praise_words_that_mock_the_suggestion_or_the_fix_read_as_sarcasm(text: str) -> None:
    a = read_after_agent(text)
    assert "press.sarcasm" in {s.id for s in a.signals}, a.explain()
    assert a.level is not Level.CALM, a.explain()


def test_cancelling_with_nothing_wrong_with_the_product_is_no_grievance() -> None:
    a = read_one(
        "Sad news on our end: our grant funding ended, so we need to cancel our subscription at "
        "the end of this billing period. Nothing wrong with the product, we've loved it."
    )
    assert not a.grievance and not a.escalate, a.explain()


def test_a_civil_customer_asking_the_same_thing_round_after_round_is_a_stalemate() -> None:
    """Asking the same thing after non-answers is a stalemate once the customer says so: 'the
    third answer that isn't a date' (not before)."""
    eng = engine()
    state = eng.start()
    turns = [
        (Role.CUSTOMER, "Hi, on what date will the reserve on our account be released?"),
        (Role.AGENT, "Reserves help protect against disputes. You can see it under Balances."),
        (Role.CUSTOMER, "Yes, I can see the balance. I'm asking for the release date."),
        (Role.AGENT, "Reserve terms are set based on your account's risk profile."),
        (Role.CUSTOMER, "Understood. What's the release date?"),
        (Role.AGENT, "Reserves are reviewed periodically and may be adjusted."),
        (Role.CUSTOMER, "That's the third answer that isn't a date. Is there a date, yes or no?"),
    ]
    kinds: list[set[CueKind]] = []
    for i, (role, text) in enumerate(turns, start=1):
        state, a = eng.read(state, Turn(role, text, float(i)))
        if a is not None:
            kinds.append({c.kind for c in a.cues})
    assert CueKind.STALEMATE not in set().union(*kinds[:-1])
    assert CueKind.STALEMATE in kinds[-1]


@pytest.mark.parametrize(
    "text",
    [
        "nope, all sorted. closing this out :white_check_mark:",
        "Great. Does the patient get an acknowledgement? The NHS complaints regulations say we "
        "have to acknowledge within 3 working days.",
        "Ahh yes. There are 12 flagged for missing postcodes, can I leave them out for now?",
        "Honestly I was dreading a nightmare dispute but you made it painless. Thank you!!",
    ],
)
def test_closing_a_thread_forms_and_forgotten_steps_are_no_grievance(text: str) -> None:
    a = read_after_agent(text)
    assert not a.frustrated, a.explain()


@pytest.mark.parametrize(
    "text",
    [
        "So that's support -> Reporting -> support -> Platform. Who's next, the canteen?",
        "7-10 business days. for a flight on friday. love that for me",
    ],
)
def test_being_passed_around_and_love_that_for_me_read_as_frustration(text: str) -> None:
    a = read_after_agent(text)
    assert a.level is not Level.CALM, a.explain()


def test_how_do_i_do_that_again_is_forgetting_not_the_problem_coming_back() -> None:
    a = read_one("need to get our Gift Aid claim file out of the CRM, how do I do that again?")
    assert "repeat.recur" not in {s.id for s in a.signals}, a.explain()
    assert not a.frustrated, a.explain()


@pytest.mark.parametrize(
    "text",
    [
        "Eish. Ok. But a ticket number doesn't pay wages hey. This is now getting a bit much.",
        "7-10 business days. for a flight on friday. love that for me :upside_down_face:",
    ],
)
def test_getting_a_bit_much_and_the_upside_down_face_code_read_as_frustration(text: str) -> None:
    a = read_after_agent(text)
    assert a.level is not Level.CALM, a.explain()


def test_inventory_counts_a_told_complaint_and_a_feature_described_are_no_grievance() -> None:
    tickets = read_after_agent(
        "Ahh I see it now. And can I cap early bird at 300 tickets too, whichever comes first?",
        agent="Tick 'Sales end date'. After that it shows as sold out and the next tier opens.",
    )
    assert not {"repeat.again", "agent.failed"} & {s.id for s in tickets.signals}, tickets.explain()
    assert not tickets.frustrated, tickets.explain()
    story = read_after_agent(
        "Legend. And the guest who complained got a free night and left us a 5-star review, so "
        "all's well that ends well."
    )
    assert "feel.upset" not in {s.id for s in story.signals}, story.explain()
    assert story.level is Level.CALM, story.explain()


@pytest.mark.parametrize(
    "text",
    [
        "Hi, we need to cancel our contract as we're relocating to Lisbon in March. No complaints "
        "at all, you've been brilliant for years. What's the process?",
        "Please cancel my plan from the 30th, I'm moving abroad. You guys have been great!",
    ],
)
def test_a_friendly_cancellation_with_praise_is_no_grievance(text: str) -> None:
    a = read_one(text)
    assert not a.grievance and not a.escalate, a.explain()


@pytest.mark.parametrize(
    "text",
    [
        "All done, thanks! I'll tell my husband he was wrong, he'll hate that 😂",
        "this boss has killed me 43 times and i'm about to murder my controller. save works tho",
    ],
)
def test_someone_elses_feelings_and_game_deaths_are_not_the_customers_upset(text: str) -> None:
    a = read_one(text)
    assert "feel.upset" not in {s.id for s in a.signals if s.weight > 0}, a.explain()
    assert a.level is not Level.FRUSTRATED, a.explain()


@pytest.mark.parametrize(
    "text",
    [
        "Love re-booking the whole crew around yet another new date.",
        "So the portal rejects the form because the portal lost the form. Brilliant logic.",
        "I'm doing payroll from a borrowed tablet, which is going brilliantly, as you can imagine.",
    ],
)
def test_a_chore_loved_praise_closing_a_complaint_and_going_great_as_you_imagine_are_sarcasm(
    text: str,
) -> None:
    a = read_after_agent(text)
    assert "press.sarcasm" in {s.id for s in a.signals}, a.explain()


@pytest.mark.parametrize(
    "text",
    [
        "Love the new dashboard, thanks for the quick turnaround!",
        "Great process, the onboarding took ten minutes. Thanks all.",
        "The rollout is going really well, thanks for the help last week.",
    ],
)
def test_plain_praise_is_not_sarcasm(text: str) -> None:
    a = read_after_agent(text)
    assert "press.sarcasm" not in {s.id for s in a.signals}, a.explain()


def test_the_same_answer_as_before_word_for_word_is_going_round_in_circles() -> None:
    a = read_after_agent("That's the same reply we got last Friday, word for word.")
    assert "repeat.loop" in {s.id for s in a.signals}, a.explain()


def test_past_trouble_told_beside_a_present_improvement_is_no_grievance() -> None:
    a = read_one(
        "Shipment cleared in two hours. After the disaster in June, when I was livid with "
        "everyone, this is a really welcome change. Keep it up."
    )
    assert a.level in (Level.CALM, Level.UNEASY), a.explain()


@pytest.mark.parametrize(
    "text",
    [
        "Merged, and the totals look sane again. Cheers!",
        "Thanks, the report is back to normal again.",
        "Perfect, all working again on our side.",
    ],
)
def test_a_state_restored_again_is_no_recurrence(text: str) -> None:
    a = read_after_agent(text)
    assert "repeat.recur" not in {s.id for s in a.signals}, a.explain()


def test_something_that_stopped_working_again_still_recurs() -> None:
    a = read_after_agent("It stopped working again overnight.")
    assert "repeat.recur" in {s.id for s in a.signals}, a.explain()


@pytest.mark.parametrize(
    "text",
    [
        "Sorry, just to double-check I got it: the old invoices stay where they are?",
        "Sorry, quick question: does the export include archived users?",
    ],
)
def test_checking_ones_own_understanding_is_no_pushback(text: str) -> None:
    names = {s.id for s in read_after_agent(text).signals}
    assert not names & {"dialog.sorry", "dialog.pushback"}, names


def test_asking_the_agent_to_double_check_is_still_pushback() -> None:
    a = read_after_agent("Can you double-check? The balance on our side is different.")
    assert "dialog.pushback" in {s.id for s in a.signals}, a.explain()


def test_an_agent_reassuring_with_no_is_not_a_negative_answer() -> None:
    eng = engine()
    assert "agent.negative" not in eng.agent_families("No photos involved, promise.")
    assert "agent.negative" not in eng.agent_families("No extra charge for the reprint.")
    assert "agent.negative" in eng.agent_families("No, we can't reprint it for free.")
    assert "agent.negative" in eng.agent_families("No. That option isn't available.")


def test_a_complaint_someone_raised_internally_is_not_the_customer_upset() -> None:
    a = read_one(
        "Last year a request sat with someone on leave and it caused a complaint internally, "
        "so we'd like the reminder set to 24 hours. Is that possible?"
    )
    assert "feel.upset" not in {s.id for s in a.signals}, a.explain()


def test_killing_off_a_template_is_friendly_exaggeration() -> None:
    a = read_after_agent("All fixed. I'm going to kill that old import template so it can't recur.")
    assert "misread.hyperbole" in {s.id for s in a.signals}, a.explain()
    assert a.level in (Level.CALM, Level.UNEASY), a.explain()


def test_a_request_typed_in_pieces_before_any_answer_is_not_chasing() -> None:
    eng = engine()
    state = eng.start()
    state, _ = eng.read(state, Turn(Role.CUSTOMER, "hi! quick one on order 4410", 1.0))
    _, a = eng.read(state, Turn(Role.CUSTOMER, "can we change the delivery address?", 6.0))
    assert a is not None
    assert "pace.double_text" not in {s.id for s in a.signals}, a.explain()


def test_writing_again_quickly_after_an_answer_still_reads_as_chasing() -> None:
    eng = engine()
    state = eng.start()
    state, _ = eng.read(state, Turn(Role.CUSTOMER, "The export is failing again.", 1.0))
    state, _ = eng.read(state, Turn(Role.AGENT, "Looking into it.", 10.0))
    state, _ = eng.read(state, Turn(Role.CUSTOMER, "Any news?", 20.0))
    _, a = eng.read(state, Turn(Role.CUSTOMER, "Hello?", 40.0))
    assert a is not None
    assert "pace.double_text" in {s.id for s in a.signals}, a.explain()


@pytest.mark.parametrize(
    "text",
    [
        "love that the price list changed on the morning of our sale 👏 superb timing",
        "Love how the sync broke an hour before the board meeting. Impeccable timing.",
    ],
)
def test_loving_what_happened_and_praising_its_timing_is_sarcasm(text: str) -> None:
    a = read_after_agent(text)
    assert "press.sarcasm" in {s.id for s in a.signals}, a.explain()


def test_thanks_for_a_well_timed_answer_is_not_sarcasm() -> None:
    a = read_after_agent("Love that you got back so fast, perfect timing!")
    assert "press.sarcasm" not in {s.id for s in a.signals}, a.explain()


@pytest.mark.parametrize(
    "text",
    [
        "The chairs just arrived and they're RED. We ordered grey, per the quote.",
        "Ordered the 500 ml bottles, got the 1 litre ones.",
    ],
)
def test_what_came_set_against_what_was_ordered_is_a_wrong_item(text: str) -> None:
    a = read_one(text)
    assert "problem.wrong" in {s.id for s in a.signals}, a.explain()


def test_an_order_that_arrived_as_ordered_is_no_wrong_item() -> None:
    a = read_one("We ordered the blue one and it arrived today, thanks!")
    assert "problem.wrong" not in {s.id for s in a.signals}, a.explain()


def test_deadpan_praise_after_a_complaint_is_sarcasm() -> None:
    eng = engine()
    state = eng.start()
    state, _ = eng.read(
        state, Turn(Role.CUSTOMER, "The mugs came and they're green. We ordered navy.", 1.0)
    )
    state, _ = eng.read(state, Turn(Role.AGENT, "Sorry! New ones arrive Monday at 6pm.", 2.0))
    _, a = eng.read(
        state, Turn(Role.CUSTOMER, "the fair opens monday at 9am. great. just great.", 3.0)
    )
    assert a is not None
    assert "press.sarcasm" in {s.id for s in a.signals}, a.explain()


def test_cheer_in_a_sarcastic_message_is_not_meant() -> None:
    a = read_one(
        "Love finding out about your outage from our own users. Super fun way to start a week."
    )
    names = {s.id for s in a.signals}
    assert "press.sarcasm" in names and "calm.cheer" not in names, a.explain()


def test_praise_of_a_policy_or_strategy_closing_a_complaint_is_sarcasm() -> None:
    a = read_after_agent(
        "So nobody gets told unless they find the subscribe link in the footer. "
        "Brilliant communication strategy."
    )
    assert "press.sarcasm" in {s.id for s in a.signals}, a.explain()


def test_a_fault_of_ones_own_found_and_fixed_is_no_complaint() -> None:
    a = read_after_agent(
        "ahh. crash on our side, my bad :face_palm: the config pointed at prod. Fixed it, "
        "getting 200s now."
    )
    names = {s.id for s in a.signals}
    assert not names & {"emoji.upset", "problem.broken"}, a.explain()
    assert a.level in (Level.CALM, Level.UNEASY), a.explain()


@pytest.mark.parametrize(
    ("text", "family"),
    [
        ("Did anybody even open the ticket? Nine days and zero replies.", "press.question"),
        ("Nine days and zero replies on the ticket.", "neglect.ignored"),
        ("I've tried hard to be patient, but I need more than 'we're on it'.", "feel.upset"),
        ("I've already read the help article. It says to contact you.", "dialog.pushback"),
        ("Could someone please just look at the booking?", "press.question"),
        ("I'm not accepting that. Full credit, confirmed by end of day.", "dialog.pushback"),
        ("Full credit, confirmed in writing by end of day.", "press.urgency"),
    ],
)
def test_patience_running_out_is_read(text: str, family: str) -> None:
    a = read_after_agent(text)
    assert family in {s.id for s in a.signals}, a.explain()


def test_a_casual_could_you_just_is_not_pressure() -> None:
    a = read_one("Morning! Could you just send me the tracking for SO-1200?")
    assert "press.question" not in {s.id for s in a.signals}, a.explain()


@pytest.mark.parametrize(
    ("text", "family"),
    [
        ("I'm sending the form to your inbox right now.", "agent.done"),
        ("Anything above that needs separate approval from finance.", "agent.cannot_grant"),
        ("I'm not able to override the fee in our system.", "agent.cannot_grant"),
        ("I can only apply credits within the SLA schedule.", "agent.cannot_grant"),
    ],
)
def test_what_the_agent_did_or_cannot_do_is_read(text: str, family: str) -> None:
    assert family in engine().agent_families(text)


def test_credit_counted_in_months_is_a_credit_request() -> None:
    a = read_one("We want two months' service credit for the outage.")
    assert [r.kind.value for r in a.requests] == ["credit"], a.requests


def test_lines_quoted_from_someone_else_are_not_the_customers_words() -> None:
    """As Slack sends a quote line: with its `>` escaped."""
    a = read_one(
        "A client of ours sent this to reception, pasting as-is:\n"
        "&gt; You are all crooks. Charged three times after I froze it, and nobody answers!!\n"
        "Could you check what happened with her membership pause?"
    )
    names = {s.id for s in a.signals}
    assert not names & {"problem.broken", "repeat.recur", "neglect.ignored"}, a.explain()


def test_a_customer_refunding_someone_themselves_asks_for_no_refund() -> None:
    assert not read_one("Got it, I'll refund all three and apologise to her.").requests
    (ask,) = read_one("Please refund all three charges.").requests
    assert ask.kind.value == "refund"


# Blind batches 35-36: a fee named "late", a second question after praise, understatement,
# "please" that hurries, pointing back to where it was said already, a refusal with an offer.


def test_a_late_fee_or_a_late_payment_reminder_is_no_wait() -> None:
    for text in (
        "Can I change the late-payment reminder template for my clients?",
        "Where do I set the late fee on overdue invoices?",
    ):
        assert "wait.duration" not in {s.id for s in read_one(text).signals}, text
    assert "wait.duration" in {s.id for s in read_one("My parcel is late, again.").signals}


def test_praise_then_one_more_question_is_no_sarcasm() -> None:
    a = read_one("Brilliant. One more, can I change the overdue-invoice reminder wording?")
    assert "press.sarcasm" not in {s.id for s in a.signals}, a.explain()


@pytest.mark.parametrize(
    "text",
    [
        "I'm not one bit happy about this.",
        "We're not best pleased, to be honest.",
        "Not at all impressed.",
    ],
)
def test_understated_displeasure_says_the_customer_is_upset(text: str) -> None:
    assert "feel.upset" in {s.id for s in read_one(text).signals}, text


def test_please_hurry_presses_for_speed_and_is_no_courtesy() -> None:
    # the features, not the signals: a feature whose weight is small never shows as a signal
    eng = engine()

    def features(text: str) -> set[str]:
        return set(eng.features(eng.start(), Turn(Role.CUSTOMER, text, 0.0)).features.values)

    hurry = features("Please hurry, the queue is growing.")
    assert "press.urgency" in hurry and "calm.polite" not in hurry, hurry
    assert "calm.polite" in features("Please send the invoice when you can.")
    assert "press.urgency" not in features("No hurry at all, thanks!")


@pytest.mark.parametrize(
    "text",
    ["Same as last Friday.", "It's all in yesterday's email.", "That was in my first message."],
)
def test_pointing_back_to_what_was_said_before_is_a_repeat(text: str) -> None:
    assert "repeat.again" in {s.id for s in read_one(text).signals}, text


def test_a_refusal_with_a_counter_offer_is_an_offer() -> None:
    offered = "I can't waive the whole fee, but since you've been with us for years I can halve it."
    assert {"agent.cannot_grant", "agent.offer"} <= set(engine().agent_families(offered))
    passed_up = "I can't waive that myself, but I can ask my manager this afternoon."
    assert "agent.offer" not in engine().agent_families(passed_up)


# Blind batches 37-38: a penny dropping, thinking aloud, the world outside, past upset apologised


def test_that_would_explain_why_is_a_penny_dropping_not_a_loaded_question() -> None:
    a = read_one("ahh that'd explain why it's only the older phones. trying now")
    assert "press.question" not in {s.id for s in a.signals}, a.explain()
    b = read_one("Can you explain why my invoice doubled?")
    assert "press.question" in {s.id for s in b.signals}, b.explain()


def test_hmm_is_thinking_aloud_not_pushback() -> None:
    a = read_one("hmm same result, chunk 774 this time")
    assert "dialog.pushback" not in {s.id for s in a.signals}, a.explain()


def test_a_nightmare_out_in_the_world_is_no_upset_with_us() -> None:
    a = read_one("No worries, I know traffic on the ring road is a nightmare at that hour.")
    assert "feel.upset" not in {s.id for s in a.signals}, a.explain()
    b = read_one("Your new booking page is a nightmare.")
    assert "feel.upset" in {s.id for s in b.signals}, b.explain()


def test_an_apology_for_their_own_earlier_upset_calms_the_message() -> None:
    a = read_one(
        "Hi, sorry again about my emails on Monday, I was really stressed about payroll. "
        "The fix worked, thank you!"
    )
    names = {s.id for s in a.signals}
    assert not names & {"feel.upset", "dialog.sorry", "repeat.recur"}, a.explain()
    assert a.level in (Level.CALM, Level.UNEASY), a.explain()


def test_the_suggested_setting_already_in_place_pushes_back() -> None:
    a = read_after_agent(
        "Hmm, it's already set to that. Candidates still see UTC.",
        agent="Could you set the time zone to 'Candidate local' in Settings?",
    )
    assert "dialog.pushback" in {s.id for s in a.signals}, a.explain()


def test_a_vent_about_someone_else_is_not_upset_with_us() -> None:
    """Batch 39: "my seller is driving me up the wall ... not your problem, I know". The
    feelings are aimed elsewhere; the problem the customer reports still counts."""
    a = read_one(
        "Morning! My boss is driving me up the wall today 🙃 Not your problem, I know. "
        "Could someone resend invoice INV-42? It still shows the old address."
    )
    names = {s.id for s in a.signals}
    assert not names & {"press.sarcasm", "feel.upset"}, a.explain()
    assert a.level in (Level.CALM, Level.UNEASY), a.explain()
    assert not a.cues, a.explain()


# Blind batch 40: glad news and praise read as heat, a rule read as a repeat, a fix read as a
# recurrence.


@pytest.mark.parametrize(
    ("text", "not_there"),
    [
        ("Brilliant. Can you also stop it going back to sender? It failed twice.", "press.sarcasm"),
        ("Our system marks a parcel RTS after 2 attempts, can you hold it?", "repeat.again"),
        ("That did it!! All 3,012 terms imported.", "shape.burst"),
        ("You have no idea how much time you just saved me.", "feel.worry"),
        ("Third time you've helped our team, and every time it's been perfect.", "repeat.again"),
        ("Third time you've helped our team, and every time it's been perfect.", "repeat.recur"),
        ("ok it's loading again. phew.", "repeat.recur"),
    ],
)
def test_glad_news_and_praise_borrow_no_heat(text: str, not_there: str) -> None:
    assert not_there not in {s.id for s in read_one(text).signals}, read_one(text).explain()


def test_our_own_bug_is_a_slip_of_our_own() -> None:
    eng = engine()
    reading = eng.features(eng.start(), Turn(Role.CUSTOMER, "nvm, our bug. thanks anyway", 0.0))
    assert reading.features.has("calm.own_slip")


@pytest.mark.parametrize(
    "text",
    [
        "Is there somewhere I can leave feedback for your manager? You deserve to be recognised.",
        "will do!! and tell your boss you deserve a raise 😄",
    ],
)
def test_praise_to_pass_up_asks_for_nobody_senior(text: str) -> None:
    a = read_after_agent(text, agent="Done, your membership is frozen from Dec 2.")
    assert "esc.manager" not in {s.id for s in a.signals}, a.explain()
    assert not a.cues and a.level is Level.CALM, a.explain()


def test_the_result_of_one_more_try_is_no_recurrence() -> None:
    """Batch 37: the customer tried what was suggested; "same thing ... again ... this time"
    tells how the try went. Counting the times still says it keeps happening."""
    tried = read_after_agent(
        "hmm same thing at a similar point. 413 again, chunk 774 this time",
        agent="Could you try the desktop uploader?",
    )
    assert not {"repeat.again", "repeat.recur"} & {s.id for s in tried.signals}, tried.explain()
    counted = read_after_agent(
        "same thing again this time. that's the third time this week.",
        agent="Could you try the desktop uploader?",
    )
    assert {"repeat.again", "repeat.recur"} & {s.id for s in counted.signals}, counted.explain()


@pytest.mark.parametrize(
    ("text", "agent"),
    [
        ('You "believe so". OK. I need a definite answer today.', "I believe so, I'll confirm."),
        ('We specified 0.3mm. 2mm isn\'t "a bit".', "ABS can warp a bit, within tolerance."),
        (
            'Fantastic. 14 weeks of waiting, gone, and "anything else". Really great system.',
            "I understand your frustration! Is there anything else I can help with today?",
        ),
    ],
)
def test_the_agents_own_words_thrown_back_in_quotes_are_sarcasm(text: str, agent: str) -> None:
    """Batches 43-44: scare quotes around what the agent just said."""
    a = read_after_agent(text, agent=agent)
    assert "press.sarcasm" in {s.id for s in a.signals}, a.explain()


@pytest.mark.parametrize(
    ("text", "agent"),
    [
        (
            'And to be clear, "archived" means they still exist?',
            "Older records are archived after 60 days.",
        ),
        ('I tapped "place hold" and it worked, thanks!', "Tap 'Place hold' on the title page."),
        ('Ok, "Place hold" it is.', "Tap 'Place hold' on the title page."),
        ('"within tolerance" was the phrase?', "It's within tolerance for the material."),
    ],
)
def test_quoting_the_agent_to_ask_or_follow_is_no_sarcasm(text: str, agent: str) -> None:
    a = read_after_agent(text, agent=agent)
    assert "press.sarcasm" not in {s.id for s in a.signals}, a.explain()


def test_an_again_they_would_choose_is_no_recurrence() -> None:
    wished = read_after_agent("done! you guys are dangerous, now I want to move again lol")
    assert "repeat.recur" not in {s.id for s in wished.signals}, wished.explain()
    dreaded = read_after_agent("16:00 means 16:00. I don't want to be chasing this again.")
    assert "repeat.recur" in {s.id for s in dreaded.signals}, dreaded.explain()


def test_legal_words_said_laughing_with_nothing_wrong_are_a_joke() -> None:
    joke = read_one("my dish doesn't do snow :joy: I'm considering suing Mother Nature")
    assert CueKind.LEGAL not in {c.kind for c in joke.cues}, joke.explain()
    meant = read_one("Your dish has been down for a week. I'm considering suing you.")
    assert CueKind.LEGAL in {c.kind for c in meant.cues}, meant.explain()


def test_keeping_people_out_on_purpose_is_not_feeling_ignored() -> None:
    purpose = read_one("We need to kill the old class codes so nobody can join them anymore.")
    assert not {"neglect.ignored", "esc.threat"} & {s.id for s in purpose.signals}
    ignored = read_after_agent("so nobody knows.", agent="I've passed this to the team.")
    assert "neglect.ignored" in {s.id for s in ignored.signals}, ignored.explain()


def test_slack_cheer_codes_read_as_the_emoji_they_show() -> None:
    assert "😂" in prepare("lol :joy: fine").prose
    assert "👍" in prepare("ok :+1::skin-tone-3:").prose
    assert ":custom_party:" not in prepare("shipped :custom_party:").prose


@pytest.mark.parametrize(
    ("text", "upset"),
    [
        ("I did not expect to be chasing a date correction on an obituary like this.", True),
        ("Honestly we expected better from you after six years.", True),
        ("The daughter just called me in tears asking why the page says Saturday.", True),
        ("She was in tears of joy when the flowers arrived.", False),
        ("I didn't expect the update to be this big, nice work.", False),
    ],
)
def test_expectations_let_down_in_so_many_words_are_upset(text: str, upset: bool) -> None:
    """Batch 43: a funeral director, professional throughout, says what it cost in plain words."""
    a = read_after_agent(text, agent="Let me see what I can do.")
    assert ("feel.upset" in {s.id for s in a.signals}) is upset, a.explain()


@pytest.mark.parametrize(
    ("text", "loaded"),
    [
        ("did you even check whether Expedia acknowledged the update?", True),
        ("Has anyone even looked at the logs I sent?", True),
        ("Did you check whether Expedia acknowledged the update?", False),
    ],
)
def test_did_you_even_is_a_loaded_question(text: str, loaded: bool) -> None:
    a = read_after_agent(text, agent="The update was sent successfully at 16:02.")
    assert ("press.question" in {s.id for s in a.signals}) is loaded, a.explain()


@pytest.mark.parametrize(
    ("text", "pushback"),
    [
        ("Yes. It's in the first message.", True),
        ("Also read it. It's about cash vs accrual basis.", True),
        ("That's what I did. Screenshots attached, both accrual.", True),
        (
            "Thanks, I've read that one, it doesn't explain why two of your own reports disagree.",
            True,
        ),
        ("The order number is 4471, thanks for checking.", False),
    ],
)
def test_what_was_already_said_or_done_pushes_back(text: str, pushback: bool) -> None:
    """Batch 46: the agent asks for what the customer already gave or did."""
    a = read_after_agent(text, agent="Have you tried re-running both reports?")
    assert ("dialog.pushback" in {s.id for s in a.signals}) is pushback, a.explain()


@pytest.mark.parametrize(
    "text",
    [
        "Sure! Love filling in the same info twice, great use of the morning :+1:",
        "love that I'm getting the same checklist again, super efficient use of everyone's time",
    ],
)
def test_a_chore_done_twice_and_loved_is_sarcasm(text: str) -> None:
    a = read_after_agent(text, agent="Can you paste the pass numbers here?")
    assert "press.sarcasm" in {s.id for s in a.signals}, a.explain()


@pytest.mark.parametrize(
    ("text", "pressing"),
    [
        ("Deadline on our side is end of month, no crazy rush.", False),
        (
            "our hiring manager wants to escalate the req to urgent priority, is that a setting?",
            False,
        ),
        ("Please treat this as urgent, payroll runs tonight.", True),
        ("The deadline is today and nothing works.", True),
    ],
)
def test_a_hurry_waived_or_named_as_a_setting_presses_for_nothing(
    text: str, pressing: bool
) -> None:
    a = read_after_agent(text)
    assert ("press.urgency" in {s.id for s in a.signals}) is pressing, a.explain()


def test_declining_an_offered_option_corrects_nobody() -> None:
    a = read_after_agent(
        "nah not worth it then, we'll wait. cheers for the straight answer",
        agent="Diversion is $350 a container; happy to request it if you prefer.",
    )
    assert "dialog.no" not in {s.id for s in a.signals}, a.explain()


def test_a_negator_with_its_s_still_negates() -> None:
    a = read_one("We offboarded our bookkeeper. Nothing's wrong as far as we know, just hygiene.")
    assert "problem.wrong" not in {s.id for s in a.signals}, a.explain()


def test_other_things_that_are_fine_are_no_praise() -> None:
    a = read_after_agent("I said other projects are fine. in my first message.")
    assert "calm.praise" not in {s.id for s in a.signals}, a.explain()


@pytest.mark.parametrize(
    ("text", "vented"),
    [
        (
            "Our SIS vendor changed the export format AGAIN without telling anyone, honestly "
            "they're the worst :face_with_rolling_eyes:",
            True,
        ),
        (
            "I bet city IT rolled their new firewall out. they're impossible to reach on fridays",
            True,
        ),
        ("You changed the export format AGAIN without telling anyone, honestly the worst", False),
        ("They told me it would be fixed Monday and their support is useless.", False),
    ],
)
def test_upset_aimed_at_someone_else_keeps_only_its_facts(text: str, vented: bool) -> None:
    """Batch 47: a vendor or the city's IT named as the one at fault, nothing said of us."""
    a = read_after_agent(text)
    heat = {s.id for s in a.signals if s.id.startswith(("feel.", "verdict.", "repeat.", "emoji."))}
    assert (not heat) is vented, a.explain()


@pytest.mark.parametrize(
    "text",
    [
        "I genuinely do not care whose side it is, I just need someone to find these results.",
        "I need someone to look at the gateway logs, not tell me to move racks.",
    ],
)
def test_refusing_the_blame_sent_elsewhere_pushes_back(text: str) -> None:
    a = read_after_agent(text, agent="Any delay would be on the lab's side, not the portal.")
    assert "dialog.pushback" in {s.id for s in a.signals}, a.explain()


def test_a_machine_with_a_grudge_is_a_joke() -> None:
    a = read_after_agent("thanks!! the laser cutter says thanks too (it doesn't, it hates me)")
    assert "feel.upset" not in {s.id for s in a.signals}, a.explain()


def test_slacks_roll_eyes_code_is_an_upset_emoji() -> None:
    assert "😠" in prepare("go back in time and screenshot it :roll_eyes:").prose


def test_read_it_twice_pushes_back() -> None:
    a = read_after_agent("I've read it. Twice. The ID is in the subject line.")
    assert "dialog.pushback" in {s.id for s in a.signals}, a.explain()


@pytest.mark.parametrize(
    ("reply", "above"),
    [
        ("Anything over $2,000 has to be signed off above my level.", True),
        (
            "I'm not able to approve service credits, that needs sign-off from someone above me.",
            True,
        ),
        ("That would need my manager's approval.", True),
        ("I'm not able to bypass the reconnection queue.", False),
    ],
)
def test_an_agent_who_says_someone_above_them_decides(reply: str, above: bool) -> None:
    assert ("agent.above_level" in engine().agent_families(reply)) is above


@pytest.mark.parametrize(
    ("text", "vented"),
    [
        (
            "yes pls. he's tight. tenant is pretty fed up with him tbh, asking since feb",
            True,
        ),
        ("fair warning, the landlord is furious with the last contractor, he'll want photos", True),
        ("My boss is furious with you, this is the third outage this month", False),
        ("I'm fed up, the tenant has been asking since February", False),
    ],
)
def test_a_feeling_told_as_someone_elses_keeps_only_its_facts(text: str, vented: bool) -> None:
    """Batch 52: the tenant's feeling about the landlord is not the customer's about us."""
    a = read_after_agent(text)
    heat = {s.id for s in a.signals if s.id.startswith(("feel.", "verdict.", "emoji."))}
    assert (not heat) is vented, a.explain()


@pytest.mark.parametrize(
    ("text", "kept"),
    [
        (
            'A client emailed, quote: "This is a total scam, nobody told me." How do I refund?',
            False,
        ),
        ('My tenant texted me "the heating is broken AGAIN" at 2am, can you send someone?', False),
        ('You said "within 24 hours" three days ago.', True),
        ('The app says "payment failed" every time.', True),
    ],
)
def test_someone_elses_quoted_words_are_not_read(text: str, kept: bool) -> None:
    """Batch 51: an angry client quoted by a calm customer; the customer quoting us, or an error
    message, keeps its words."""
    quoted = text.split('"')[1].lower()
    assert (quoted in prepare(text).lower) is kept


CANNED = "Thanks for reaching out! Our florists are working hard to get all orders out."


@pytest.mark.parametrize(
    ("text", "agent", "sarcastic"),
    [
        ("Great. Love that. Really reassuring.", CANNED, True),
        (
            "Wonderful. Truly, thank you so much for appreciating my patience twice.",
            "We are experiencing a high volume of requests. We appreciate your patience.",
            True,
        ),
        ("Perfect. Thanks for sorting it so quickly!", CANNED, False),
        ("Great. Is the apartment furnished?", "No, I'm afraid that one has no parking.", False),
        ("Great. Is the apartment furnished?", "I've booked the viewing for the 11th.", False),
    ],
)
def test_praise_for_a_template_answer_is_sarcasm(text: str, agent: str, sarcastic: bool) -> None:
    """Batches 51 and 54: "Wonderful." after a template reply to a complaint mocks it; after a
    plain no, an action, or beside thanks for help it does not."""
    a = read_after_agent(text, agent=agent, opener="My order hasn't arrived and it's 3pm.")
    assert ("press.sarcasm" in {s.id for s in a.signals}) is sarcastic, a.explain()


@pytest.mark.parametrize(
    "reply",
    [
        "Thank you for contacting Stadium Hospitality! All bar tabs are calculated on consumption.",
        "Thanks for your patience! Our team will review your query and respond within 5-7 days.",
        "Please see our product page, which notes that shade variation is expected.",
        "Unfortunately we are experiencing a high volume of requests at this time.",
    ],
)
def test_a_template_reply_is_canned(reply: str) -> None:
    assert "agent.canned" in engine().agent_families(reply)


@pytest.mark.parametrize(
    "reply",
    [
        "Transport say the first wagon left at 7:40, should be with you shortly.",
        "Following up: I can see the cap on the booking.",
        "I've found the booking under your name and flagged it to the front desk.",
    ],
)
def test_news_found_and_passed_on_is_progress(reply: str) -> None:
    assert "agent.done" in engine().agent_families(reply)


def test_a_bare_fine_is_no_praise() -> None:
    a = read_after_agent("Fine. Would have been nice to hear that two hours ago.")
    assert "calm.praise" not in {s.id for s in a.signals}, a.explain()
    assert "calm.praise" in {s.id for s in read_after_agent("That's fine, thanks!").signals}


def test_the_best_part_of_is_no_praise() -> None:
    a = read_after_agent("the stood-down crew is costing me the best part of £300 an hour")
    assert "calm.praise" not in {s.id for s in a.signals}, a.explain()


def test_a_hurry_played_down_presses_for_nothing() -> None:
    a = read_one(
        "Tenant is locked out, key snapped in the cylinder. Fairly urgent as she needs to get "
        "to work, but she's with a neighbour so it's not a disaster. Can you dispatch someone?"
    )
    assert "press.urgency" not in {s.id for s in a.signals}, a.explain()


def test_asking_for_the_same_instructor_again_is_no_recurrence() -> None:
    a = read_after_agent(
        "amazing. can I request Jess again? she was a legend, screaming PADDLE at me, brilliant"
    )
    assert not {"repeat.recur", "press.sarcasm"} & {s.id for s in a.signals}, a.explain()


def test_a_status_that_has_not_moved_is_still_waiting() -> None:
    a = read_one("Tracking still says 'being prepared' and it's 3pm. Is it going out today?")
    assert "wait.still" in {s.id for s in a.signals}, a.explain()


def test_a_problem_that_recurred_is_not_asking_again() -> None:
    """Batch 52: "cancelled three times this month" is the complaint, not a loop; "Again: I need
    the release" and "I've asked five times" are."""
    eng = engine()
    state = eng.start()
    for who, text in [
        (C, "The class was cancelled three times this month and I'm still paying."),
        (A, "Unfortunately our teacher has been unwell."),
        (C, "Three times we waited in the car park. It happened again last term too."),
        (A, "I understand."),
        (C, "The catch-up class last term never happened either, it was cancelled again."),
        (A, "We'll offer a catch-up at some point."),
        (C, "At some point. It was cancelled again and again, this is not fair."),
    ]:
        state, _ = eng.read(state, Turn(who, text, 1.0))
    assert state.stuck_rounds < 3
    for text in ["Again: I need the telex release today.", "I've asked for it five times now."]:
        a = read_after_agent(text)
        assert {"repeat.again", "repeat.loop"} & {s.id for s in a.signals}, a.explain()


def test_a_neighbour_who_came_round_fuming_is_someone_elses_feeling() -> None:
    """Batch 57: the neighbour's anger, told to us with a polite "could you come and quote"."""
    a = read_one(
        "Bit of an awkward one. My neighbour came round yesterday absolutely fuming about the "
        "oak on our boundary. Could you come and quote for cutting back his side?"
    )
    assert "feel.upset" not in {s.id for s in a.signals}, a.explain()


def test_a_contractor_next_door_being_a_nightmare_is_not_about_us() -> None:
    """Batch 56: a heads-up for our visit is no complaint about us."""
    a = read_one(
        "hi, the building next door has put scaffolding up along our shared side, and their "
        "contractor is being an absolute nightmare about letting anyone near it. they were "
        "pretty rude to our caretaker yesterday apparently. just a heads up for your visit on "
        "the 9th - probably best to skip the east elevation this time?"
    )
    assert "verdict.harsh" not in {s.id for s in a.signals}, a.explain()
    assert not a.frustrated, a.explain()


def test_his_words_were_quotes_someone_else() -> None:
    lower = prepare('His words were "I am getting a solicitor involved". Could you quote?').lower
    assert "solicitor" not in lower


def test_a_failure_laughed_off_with_the_ironic_face_is_no_sarcasm() -> None:
    """Batch 56: "resets 🙃 this upload bug is killing me lol" shrugs."""
    a = read_one(
        "hiya, quick one - the portal won't let me upload my ID docs, it sits spinning at 99% "
        "then just resets 🙃 this upload bug is killing me lol. tried chrome and safari, same thing"
    )
    assert not {"press.sarcasm", "repeat.again"} & {s.id for s in a.signals}, a.explain()
    assert not a.frustrated, a.explain()


def test_doing_it_yourself_is_no_request_to_double_check() -> None:
    a = read_after_agent(
        "Not as far as I know but I'll double check with the council.",
        agent="Is the oak under a TPO, or are you in a conservation area?",
    )
    assert "dialog.pushback" not in {s.id for s in a.signals}, a.explain()


@pytest.mark.parametrize(
    "text",
    [
        'Wonderful. "Almost ready" for the third week running, really fantastic service 👍',
        "Oh they arrived alright. Fantastic packing, really. 14 jars smashed.",
        "Sent it 20 mins ago. Brilliant, love filling out forms the week before Christmas.",
    ],
)
def test_praise_beside_a_failure_or_a_chore_is_sarcasm(text: str) -> None:
    """Batches 55 and 57: positive words around what went wrong."""
    a = read_after_agent(text, opener="Our order arrived damaged and the gallery is late.")
    assert "press.sarcasm" in {s.id for s in a.signals}, a.explain()


@pytest.mark.parametrize(
    ("reply", "family"),
    [
        (
            "Anything above 25% I'm not able to approve, it would have to go to the studio owner.",
            "agent.above_level",
        ),
        (
            "Please make sure your app is on the latest version and your time zone is correct.",
            "agent.canned",
        ),
    ],
)
def test_agent_replies_of_this_round(reply: str, family: str) -> None:
    assert family in engine().agent_families(reply)


@pytest.mark.parametrize(
    "text",
    [
        "Hello, we've finally moved into the new house so we won't need storage unit 14B after "
        "the end of this month. Could you please close the account and let me know how the "
        "deposit refund works? Thanks, Margaret",
        "Hi there, I need to cancel our subscription please. Our vet just put Biscuit on a "
        "prescription kidney diet so we can't use the regular kibble anymore.",
    ],
)
def test_leaving_for_a_reason_of_ones_own_is_no_complaint(text: str) -> None:
    """Batches 59 and 61: a move or a vet's new diet is an account change, not churn in anger
    (the churn rule pings only with a grievance)."""
    a = read_one(text)
    assert not a.frustrated and not a.grievance, a.explain()


def test_three_different_people_are_no_other_customers_data() -> None:
    a = read_one(
        "Our AV supplier has been an absolute nightmare. Three different people, none of them "
        "have read the brief. What power is available in the Great Hall?"
    )
    assert CueKind.DATA_EXPOSURE not in {c.kind for c in a.cues}, a.explain()
    b = read_one(
        "When I click Statements → Download all, the zip contains statements for about 60 "
        "other units — names, addresses, balances, and the last 4 of their bank accounts."
    )
    assert CueKind.DATA_EXPOSURE in {c.kind for c in b.cues}, b.explain()


@pytest.mark.parametrize(
    "text",
    [
        "Thanks. Our CFO is absolutely livid, with Microsoft not you guys lol.",
        "ahh that makes sense. omg low power mode was on, turned it off and it's rock solid now",
    ],
)
def test_this_round_reads_calm(text: str) -> None:
    """Batch 61: a CFO livid with someone else; an explanation that makes sense (a drawn-out
    "ahh" included) and a fix that holds."""
    a = read_after_agent(text)
    assert not a.frustrated, a.explain()


def test_a_drawn_out_word_keeps_its_lead() -> None:
    """ "ah+" can start "ahh": the leading letters of a repeat are every count of it."""
    from bot.core.leading import word_leads

    # prefixes of up to four letters (`leading.N`): "ah x", "ahh x", "ahhh..." and the same for "oh"
    assert word_leads("(?:ah+|oh+) x") == frozenset(
        {"ah\x00", "ahh\x00", "ahhh", "oh\x00", "ohh\x00", "ohhh"}
    )


def test_enjoy_negated_is_no_cheer() -> None:
    a = read_after_agent("trust me they won't enjoy it")
    assert "calm.cheer" not in {s.id for s in a.signals}, a.explain()


def test_fine_said_as_a_sentence_of_its_own_is_giving_in() -> None:
    """Batch 63: "fine." in the middle of a complaint, or "fine, I'll ..." opening one."""
    for text in (
        "5-10 days for your mistake. fine. would've been nice to get that the first time",
        "fine, I'm reporting you to environmental health",
    ):
        a = read_after_agent(text)
        assert "calm.praise" not in {s.id for s in a.signals}, a.explain()


def test_a_slip_of_ones_own_and_sorry_for_the_faff_are_calm() -> None:
    """Batch 64: cancelling the wrong order oneself, then thanks and "sorry for the faff"."""
    a = read_one("Hiya, think I've cancelled the wrong thing, I meant to cancel the spare remote")
    assert "calm.own_slip" in {s.id for s in a.signals} or not a.frustrated, a.explain()
    b = read_after_agent("you're a star, thank you ⭐ sorry for the faff")
    assert not b.frustrated, b.explain()


def test_the_agents_figure_thrown_back_is_pushback_and_a_figure_taken_is_not() -> None:
    """Batches 84 and 86: a reply opening with the agent's own figure ("48h for a booking
    that's tomorrow morning", "10-14 days. season opens in 9.") pushes back on the answer; in
    the corpus such a reply came from an upset customer 42 times and from a calm one once."""
    agent = "Bookings can take up to 48 hours to confirm."
    thrown = read_after_agent("48h for a booking that's tomorrow morning. right.", agent=agent)
    assert "dialog.pushback" in {s.id for s in thrown.signals}, thrown.explain()
    taken = read_after_agent("48 hours is fine, thanks", agent=agent)
    assert "dialog.pushback" not in {s.id for s in taken.signals}, taken.explain()
    other = read_after_agent("3 days. season opens in 9.", agent=agent)
    assert "dialog.pushback" not in {s.id for s in other.signals}, "not the agent's figure"


def test_an_own_cancellation_by_mistake_and_a_tune_stuck_in_the_head_are_calm() -> None:
    """Batches 88 and 89: "i cancelled order #X by mistake" owns a slip; a jingle "stuck in my
    head" is a compliment, not a fault."""
    slip = read_one("so embarrassing, i cancelled order #PZ-1182 by mistake, can it be restored?")
    assert slip.level is Level.CALM, slip.explain()
    tune = read_one("the new sting is stuck in my head, can we get a 15s version for radio?")
    assert "problem.broken" not in {s.id for s in tune.signals}, tune.explain()


def test_a_fix_that_swaps_one_fault_for_another_is_mocked_by_the_applause() -> None:
    """Batch 89: "great, love it. now it's the audio script instead of the subtitles.
    fantastic progress 👏": the new fault is a failure, so the praise beside it is sarcasm."""
    a = read_after_agent(
        "great, love it. now it's the dubbing script instead of the captions. fantastic progress 👏"
    )
    assert "press.sarcasm" in {s.id for s in a.signals}, a.explain()


@pytest.mark.parametrize(
    "text",
    [
        "order number is in the first line. photos are attached. read it.",
        "I read this guide already on sunday, I wrote that in my ticket.",
    ],
)
def test_information_in_the_first_line_or_a_guide_read_already_is_pushback(text: str) -> None:
    """Batches 92 and 93: the order number "in the first line", a guide "read already"."""
    a = read_after_agent(text, agent="Could you send the order number? Our guide is linked here.")
    assert "dialog.pushback" in {s.id for s in a.signals}, a.explain()


def test_a_wallet_that_hates_you_is_praise_for_a_good_buy() -> None:
    """Batch 92: "killer. you guys are dangerously fast, my wallet hates you" is a fan."""
    a = read_after_agent("killer. you guys are dangerously fast, my wallet hates you")
    assert not a.frustrated, a.explain()
    assert "feel.upset" not in {s.id for s in a.signals}, a.explain()


def test_sorry_for_a_slip_of_ones_own_is_no_complaint() -> None:
    """Batch 86: "sorry - I cancelled X by mistake" owns the mistake; it is not "sorry, but"."""
    a = read_after_agent(
        "great, thanks! one more thing, sorry - I deleted the March invoice by mistake, can you"
        " restore it?"
    )
    assert "dialog.sorry" not in {s.id for s in a.signals}, a.explain()
    b = read_after_agent("sorry but this is the second wrong invoice this month")
    assert "dialog.sorry" in {s.id for s in b.signals}, b.explain()


@pytest.mark.parametrize(
    "text",
    [
        "right. so I walk around orange for another two days because someone forgot to ring me.",
        "you could've told me that on monday instead of going silent.",
        "It's Monday 2pm. No joiner. No call.",
    ],
)
def test_contact_that_never_came_is_neglect(text: str) -> None:
    """Batches 63, 64 and 66: a call forgotten, a silence, a promised visit that did not come."""
    a = read_after_agent(text)
    assert "neglect.ignored" in {s.id for s in a.signals}, a.explain()


def test_the_fault_laid_at_our_door_and_what_will_you_do_about_it() -> None:
    """Batch 66: "so that's on you", "what are you going to do about it"."""
    a = read_after_agent("Ravi replied 'noted, will swap'. so that's on you.")
    assert "problem.conduct" in {s.id for s in a.signals}, a.explain()
    b = read_after_agent("6,000 copies with a dead number. what are you going to do about it")
    assert "press.question" in {s.id for s in b.signals}, b.explain()
    c = read_after_agent("It's up to you, that's on you to decide whenever suits.")
    assert "problem.conduct" not in {s.id for s in c.signals}, c.explain()


def test_great_fun_closing_a_complaint_is_sarcasm() -> None:
    a = read_after_agent(
        "it was meant to be ready 2 days ago. I've been using my kid's old phone with a cracked "
        "back, it's great fun",
        opener="My phone repair is late and the price went up.",
    )
    assert "press.sarcasm" in {s.id for s in a.signals}, a.explain()


def test_a_claim_that_has_to_go_to_the_insurer_and_a_manager_is_above_the_agent() -> None:
    """Batch 64: the agent cannot approve a damage claim; it goes to the operations manager."""
    reply = (
        "I'm not able to approve damage claims myself unfortunately, that has to go to our "
        "insurer and operations manager."
    )
    assert "agent.above_level" in engine().agent_families(reply)


def test_a_supposed_failure_is_no_failure() -> None:
    """Batch 67: "if anything goes wrong" is a worry about the future, not a report; a plain "if"
    still speaks of a trouble already there ("if that doesn't work, is there another?")."""
    a = read_after_agent(
        "brilliant. she'll be the office hero, and if anything goes wrong I'll have a room full "
        "of lawyers to answer to lol"
    )
    assert "problem.wrong" not in {s.id for s in a.signals}, a.explain()
    assert "press.sarcasm" not in {s.id for s in a.signals}, a.explain()
    b = read_after_agent("the second one went wrong too, if you can fix it today that'd help")
    assert "problem.wrong" in {s.id for s in b.signals}, b.explain()


def test_a_sorry_closing_a_reply_that_complies_or_thanks_is_a_small_slip() -> None:
    """Batch 68: "sure, uploading now. its a phone scan so a bit blurry sorry" and "you're a
    star. sorry!!" own a slip; a bare "sorry" or one that goes on still counts."""
    for text in (
        "sure, uploading now. its a phone scan so a bit blurry sorry",
        "you're a star. sorry!!",
    ):
        a = read_after_agent(text)
        assert "dialog.sorry" not in {s.id for s in a.signals}, a.explain()
    for text in ("sorry", "sorry but this is the third time"):
        a = read_after_agent(text)
        assert "dialog.sorry" in {s.id for s in a.signals}, a.explain()


def test_on_hold_is_a_person_kept_waiting_not_records_held() -> None:
    a = read_after_agent("does the export keep them on hold? counsel wants the originals kept")
    assert "wait.still" not in {s.id for s in a.signals}, a.explain()
    b = read_after_agent("your call centre keeps you on hold for endless hours")
    assert "wait.still" in {s.id for s in b.signals}, b.explain()


@pytest.mark.parametrize(
    ("text", "agent"),
    [
        (
            "Good fun?? A stranger messaged her on instagram last night asking if she goes to St "
            "Aidan's. Take it down NOW.",
            "We love sharing the community's progress, it's all in good fun",
        ),
        (
            "Oh, wonderful. Passed on. Brilliant. I'm sure that's made the bride's mum feel loads "
            "better.",
            "Your feedback has been passed on to the relevant team.",
        ),
        (
            "it's your default template, we never edited it. but thanks, super helpful as "
            "always 👍👍",
            "Then it's probably a template issue. Please check your template.",
        ),
        (
            "so I pay 1.150 € for 60 polos in the wrong colour and the answer is the T&C. ok. very "
            "helpful, thank you.",
            "An exact match isn't always guaranteed, as stated in our T&Cs.",
        ),
        ('"soon". Super. Really appreciate the emoji.', "We're working on it! Should be soon 🙂"),
    ],
)
def test_sarcasm_of_batches_67_to_70(text: str, agent: str) -> None:
    a = read_after_agent(
        text, agent=agent, opener="The order arrived wrong and nobody called back."
    )
    assert "press.sarcasm" in {s.id for s in a.signals}, a.explain()


def test_an_excited_echo_is_no_scorn() -> None:
    a = read_after_agent(
        "free upgrade?? yes pls 🙌", agent="I can send you a free upgrade to the new hub."
    )
    assert "press.sarcasm" not in {s.id for s in a.signals}, a.explain()


def test_the_maximum_i_am_authorised_to_process_is_beyond_the_agent() -> None:
    reply = "I'm really sorry, the deposit refund is the maximum I'm authorised to process."
    assert "agent.cannot_grant" in engine().agent_families(reply)


def test_fourth_time_i_ask_said_in_the_present_is_going_round() -> None:
    a = read_after_agent("Fourth time I ask the same one question. Where. Is. My. Watch.")
    assert "repeat.loop" in {s.id for s in a.signals}, a.explain()


def test_a_refusal_the_law_makes_is_no_authority_limit() -> None:
    """Batch 74: "we cannot remove nests with active eggs due to wildlife regulations" is no ask a
    supervisor could grant; "I'm not able to approve damage claims" still is."""
    fams = engine().agent_families(
        "Please note we cannot remove nests with active eggs due to wildlife regulations."
    )
    assert "agent.cannot_grant" not in fams
    assert "agent.cannot_grant" in engine().agent_families("I'm not able to approve damage claims.")


def test_hyperbole_in_praise_and_a_beer_owed_are_calm() -> None:
    """Batches 71 and 72: "insane how fast that was", "ok i owe you a beer", "wait no, ...
    sorry" correcting oneself."""
    a = read_after_agent("done, swapped in like 2 minutes, insane how fast that was")
    assert "calm.praise" in {s.id for s in a.signals}, a.explain()
    b = read_after_agent("ok i owe you a beer")
    assert "calm.thanks" in {s.id for s in b.signals}, b.explain()
    c = read_after_agent(
        "Brightwater Ltd, Galway.. wait no, the billing address is the Dublin one sorry"
    )
    assert "dialog.sorry" not in {s.id for s in c.signals}, c.explain()


def test_cancelling_the_wrong_order_oneself_is_no_grievance() -> None:
    """Batch 72: a slip of one's own ("I cancelled the wrong order 🙈") makes the cancellation
    no churn: nothing here complains about the service."""
    a = read_one("hi, I think I cancelled the wrong order 🙈 I wanted to cancel the 10 extra seats")
    assert not a.grievance and not a.escalate, a.explain()


def test_a_loaded_word_said_as_the_verdict_is_harsh() -> None:
    """The pasted-traces load pool: "This is absurd." opening a complaint is a verdict on the
    service; "the logs are a mess" and "worst case" stay plain."""
    a = read_after_agent("This is absurd. the import has failed every single night this week")
    assert "verdict.harsh" in {s.id for s in a.signals}, a.explain()
    b = read_after_agent("the logs are a mess, worst case we re-run it tonight")
    assert "verdict.harsh" not in {s.id for s in b.signals}, b.explain()


def _thread(*messages: tuple[Role, str]) -> Assessment:
    """The last customer message's reading after `messages`, one second apart."""
    eng = engine()
    state, last = eng.start(), None
    for i, (role, text) in enumerate(messages):
        state, a = eng.read(state, Turn(role, text, float(i)))
        last = a if a is not None else last
    assert last is not None
    return last


_OWN_REASON = (
    "heads up, not a complaint: our parent company standardised everyone on one email provider "
    "so we're moving off you by end of Q3. what's the cleanest way to export our suppression list?"
)


def test_a_reason_for_leaving_given_earlier_holds_for_the_thread() -> None:
    """The known calm miss of batch 72: two messages after the customer's own reason for
    leaving, "does cancelling the plan delete everything?" asks how to leave, it does not
    threaten to."""
    a = _thread(
        (C, _OWN_REASON),
        (A, "Sorry to see you go! Settings > Suppressions > Export. Want me to trigger it?"),
        (C, "yes pls lol. also does cancelling the plan delete everything immediately?"),
    )
    assert_calm(a)
    assert not [c for c in a.cues if c.kind is CueKind.CHURN], a.explain()


@pytest.mark.parametrize(
    "text",
    [
        "this is ridiculous, the export failed twice!! just cancel our plan now",
        "cancel the plan today then, I've had enough of chasing you",
    ],
)
def test_a_reason_given_earlier_does_not_cover_a_vent(text: str) -> None:
    """The reason holds only while the customer vents nothing: anger at us after it is churn."""
    a = _thread(
        (C, _OWN_REASON),
        (A, "Sorry to see you go! Settings > Suppressions > Export. Want me to trigger it?"),
        (C, text),
    )
    assert [c for c in a.cues if c.kind is CueKind.CHURN], a.explain()


def test_a_reason_after_a_complaint_does_not_undo_it() -> None:
    """A thread that complained about the service first keeps its cancellations as churn."""
    a = _thread(
        (C, "third outage this month and nobody told us. this is not acceptable."),
        (A, "I'm sorry, I'm checking with the network team now."),
        (C, "honestly our parent company decided anyway, we won't need it after March"),
        (A, "Understood, I'm sorry to hear that."),
        (C, "so please cancel our contract at the end of the month"),
    )
    assert [c for c in a.cues if c.kind is CueKind.CHURN], a.explain()


@pytest.mark.parametrize(
    "text",
    ["yes!! grab them. fair warning, Dave faints at needles", "go for it!! tag us pls", "Sure!!!"],
)
def test_a_burst_closing_a_yes_is_excitement(text: str) -> None:
    """Known calm misses of batches 68 and 73: "!!" closing a yes or a cheer is glad, not heat;
    the fit part of the dev sets labels such turns calm 37 times in 38 (check: 24 in 24)."""
    a = read_after_agent(text, agent="Want me to hold the 12 slots for Thursday?")
    assert "shape.burst" not in {s.id for s in a.signals}, a.explain()


@pytest.mark.parametrize(
    "text", ["Wow!! 3 weeks and still nothing!!", "yes!! it broke AGAIN after your fix!!"]
)
def test_a_burst_beside_a_failure_still_counts(text: str) -> None:
    a = read_after_agent(text)
    assert "shape.burst" in {s.id for s in a.signals}, a.explain()


@pytest.mark.parametrize(
    "text",
    [
        "and yep cloudfront doesnt forward x-geo 🤦 ok i owe you a beer",
        "ahh. yep. the pods never restarted :facepalm: killed them, all verifying now",
    ],
)
def test_the_facepalm_is_a_gesture_at_a_blunder(text: str) -> None:
    """Known calm miss of batch 72: the facepalm is no upset face (calm in 18 of the corpus's
    20 threads with one, and in 9 of the fit part's 10 dev-set turns)."""
    a = read_after_agent(text, agent="Does the rule read the country from a header?")
    assert "emoji.upset" not in {s.id for s in a.signals}, a.explain()
    assert_calm(a)


@pytest.mark.parametrize(
    "text",
    [
        "already in the screenshot but fine: M-1021, M-1044",
        "it's in the tracking. you have the tracking.",
        "website. it's in the order. which you have.",
        "it is. both. tried that before messaging",
        "I know to wash my hands thank you. I follow every step.",
        "already did. XX.",
        "sent one on the 12th, in this very channel. scroll up",
        "I put the order number and the photos in my message. Both of them.",
        "yes that's the link that hasn't moved since tuesday. that's why I'm asking",
        "next week. ok. so the friday thing was just made up then",
        "well clearly something in the procedure isn't working.",
        "same as my first message. i've now given you the same details twice",  # batch 220
        "Yes. The thing I ask in first message. Change it or not?",  # batch 221
    ],
)
def test_what_was_already_given_pointed_at_is_pushback(text: str) -> None:
    """Batches 75-82: the agent asked for what the customer already gave or did, and the
    customer points at it."""
    a = read_after_agent(text, agent="Could you send the order number and a photo?")
    assert "dialog.pushback" in {s.id for s in a.signals}, a.explain()


@pytest.mark.parametrize(
    "text",
    [
        "so it is my fault again. ok. really nice",
        "cleaned it twice. it skips. same spot every time. brilliant grading, honestly, top work.",
    ],
)
def test_praise_closing_a_failure_is_sarcasm_in_more_words(text: str) -> None:
    a = read_after_agent(text)
    assert "press.sarcasm" in {s.id for s in a.signals}, a.explain()


@pytest.mark.parametrize(
    "text",
    [
        "cool story, the box spent 3 days with your courier, it's on your own tracking.",
        "wow. yeah genuinely stellar support. maybe enforce the quiet hours?",
        "sure, happy to do your ticket admin for you. meanwhile zero bookings since friday",
    ],
)
def test_ironic_set_phrases_of_batches_75_to_82(text: str) -> None:
    """After a complaint, these mock whatever else the message says."""
    opener = "Second warm delivery in a row and nobody told us. Not happy at all."
    a = read_after_agent(text, opener=opener)
    assert "press.sarcasm" in {s.id for s in a.signals}, a.explain()


def test_never_getting_round_to_something_is_no_missing_item() -> None:
    a = read_after_agent("honestly that typo bugged me for weeks, i just never got round to it")
    assert "problem.missing" not in {s.id for s in a.signals}, a.explain()
    b = read_after_agent("still yet to get the refund you promised")
    assert "problem.missing" in {s.id for s in b.signals}, b.explain()


def test_a_quoted_time_set_against_the_time_taken_is_a_broken_promise() -> None:
    a = read_one("Hey, checking on RMA 22-0913. You quoted 2 weeks, it's been 5.")
    assert "promise.broken" in {s.id for s in a.signals}, a.explain()


def test_a_hedged_guess_at_the_cause_is_no_problem_report() -> None:
    """Batch 80: "So maybe the reader is broken :(" after checking the cable guesses at the
    cause; a hedge does not soften an insult or a verdict."""
    a = read_after_agent("I checked, the cable was okay. So maybe the reader is broken :(")
    assert "problem.broken" not in {s.id for s in a.signals}, a.explain()
    b = read_after_agent("maybe you lot are just incompetent")
    assert "verdict.harsh" in {s.id for s in b.signals}, b.explain()


@pytest.mark.parametrize(
    "text",
    [
        "Driver for job CH-4410 arrived 35 minutes after landing.",
        "The courier usually updates within 48 hours, you said. it's been 72.",
    ],
)
def test_time_counted_against_what_was_due_is_a_wait(text: str) -> None:
    """Batches 81 and 82: a car that came long after the flight landed, the hours counted
    against the agent's "within 48 hours"."""
    a = read_one(text)
    assert "wait.long" in {s.id for s in a.signals}, a.explain()


@pytest.mark.parametrize(
    ("said", "quoted"),
    [
        ("3-5 business days", "3–5 days"),
        ("48 hours", "48h"),
        ("3 to 5 days", "3-5 days"),
        ("seven weeks", "7 weeks"),  # session 41: a figure said in words
        ("two working days", "2 days"),
    ],
)
def test_a_figure_is_the_same_however_it_is_spelled(said: str, quoted: str) -> None:
    from bot.core.text import figure_hashes

    assert figure_hashes(said) == figure_hashes(quoted)
    assert figure_hashes("48 hours") != figure_hashes("48 days")


@pytest.mark.parametrize(
    "text",
    [
        "pls bring the small lugs again, the big ones bruise",
        "can you please make 77120 active again?",
    ],
)
def test_the_same_thing_asked_for_once_more_is_no_recurrence(text: str) -> None:
    """Batch 86: an "again" the customer asks for is theirs to choose, not the problem back."""
    a = read_after_agent(text)
    assert "repeat.recur" not in {s.id for s in a.signals}, a.explain()
    b = read_after_agent("please make sure it doesn't break again, it broke again last week")
    assert "repeat.recur" in {s.id for s in b.signals}, b.explain()


@pytest.mark.parametrize(
    "text",
    [
        "ok so billing sends me to you and you send me to billing.",
        "support pointed me to sales and sales pointed me back to support",
    ],
)
def test_being_sent_from_desk_to_desk_is_a_loop(text: str) -> None:
    """Batch 96: bounced between two teams, said without "round"."""
    a = read_after_agent(text)
    assert "repeat.loop" in {s.id for s in a.signals}, a.explain()


def test_pointing_at_what_the_first_message_said_is_a_repeat() -> None:
    """Batch 96: "It is written in my message. NT-77310." after being asked for it."""
    a = read_after_agent("It is written in my message. NT-77310.", agent="Could you confirm it?")
    assert "repeat.again" in {s.id for s in a.signals}, a.explain()


def test_the_agents_answer_praised_to_the_skies_with_the_face_is_sarcasm() -> None:
    """Batch 96: "thanks sooo much for the super helpful link 🙃" after a bare link, in a thread
    with no complaint yet; the face on its own with thanks stays a shrug."""
    a = read_after_agent(
        "thanks sooo much for the super helpful link 🙃 I read it before buying.",
        agent="Please see our care guide: https://example.com/care",
        opener="hey, the die we bought last month is producing split strands",
    )
    assert "press.sarcasm" in {s.id for s in a.signals}, a.explain()
    b = read_after_agent("oh that was my typo, thanks 🙃", opener="hey, my login code fails")
    assert "press.sarcasm" not in {s.id for s in b.signals}, b.explain()


def test_the_answer_praised_and_pushed_back_on_in_one_breath_is_sarcasm() -> None:
    """Batch 102: thanks for a bare FAQ link, "super helpful", and the link read twice already;
    with a "though" it is a polite correction, and with a fix it is thanks."""
    link = "Please see our FAQ: https://help.example.com/customs"
    a = read_after_agent(
        "Thanks sooo much for the link, super helpful, I'd only read it twice before posting",
        agent=link,
    )
    assert "press.sarcasm" in {s.id for s in a.signals}, a.explain()
    for text in (
        "Thanks so much for the link, very helpful. I've read it already though, still stuck",
        "thanks for the link, super helpful, that sorted it!",
    ):
        b = read_after_agent(text, agent=link)
        assert "press.sarcasm" not in {s.id for s in b.signals}, b.explain()


def test_a_laugh_at_a_colleague_with_the_face_is_no_sarcasm() -> None:
    """Batch 99: "lol I told him to read the changelog 🙃" after a broken sync was explained."""
    a = read_after_agent(
        "lol I told him to read the changelog 🙃",
        agent="v2 only accepts metric units now, set unit_system='metric'.",
        opener="hey, our nightly sync started failing after the upgrade",
    )
    assert "press.sarcasm" not in {s.id for s in a.signals}, a.explain()


def test_the_agents_stated_limit_is_what_they_cannot_grant() -> None:
    """Batch 100: "that's the maximum I'm able to apply", "the limit I can authorize"."""
    eng = engine()
    for reply in (
        "I can offer a $50 credit, that's the maximum I'm able to apply.",
        "$50 is unfortunately the limit I can authorize.",
    ):
        assert "agent.cannot_grant" in eng.agent_families(reply), reply


def test_the_ironic_face_never_undoes_an_echo_of_the_agents_words() -> None:
    """Batch 103: "oh fantastic, "looking into it", very reassuring. third time's the charm I
    suppose 🙃": the face read as a shrug must not take the echo's sarcasm with it."""
    a = read_after_agent(
        'oh fantastic, "looking into it", very reassuring. third time\'s the charm I suppose 🙃',
        agent="Thank you! We apologise for the inconvenience. Our team is looking into it.",
        opener="Hi, berth 6 was double-booked last night. can you check why it happened?",
    )
    assert "press.sarcasm" in {s.id for s in a.signals}, a.explain()


def test_thanks_for_a_link_already_read_and_so_helpful_is_sarcasm() -> None:
    """Batches 103 and 105: "thanks so much for the link to the FAQ I already read twice 👍
    super helpful"."""
    a = read_after_agent(
        "thanks so much for the link to the FAQ I already read twice 👍 super helpful. so…",
        agent="You can find info about season passes here: https://help.example.com/passes",
    )
    assert "press.sarcasm" in {s.id for s in a.signals}, a.explain()


@pytest.mark.parametrize(
    "text", ["all 340 pages look right now. insane turnaround 🔥", "you guys are dangerous lol"]
)
def test_praise_for_speed_is_no_hurry(text: str) -> None:
    """Batch 106: "look right now" is no "right now", and an insane turnaround is praise."""
    a = read_after_agent(text, agent="I pushed a fix, re-export and it should be good.")
    assert "press.urgency" not in {s.id for s in a.signals}, a.explain()
    assert a.level is Level.CALM, a.explain()


def test_a_no_that_turns_down_the_agents_offer_corrects_nothing() -> None:
    """Batch 107: "Want the Feb box sent to a different address?" "nah same address" answers the
    question; it is no correction of the agent."""
    a = read_after_agent(
        "nah same address, I'll be back by then. also the new cartridges are stupidly good",
        agent="Paused until Feb 1, so no charge in Dec or Jan. Want the Feb box sent elsewhere?",
    )
    assert "dialog.no" not in {s.id for s in a.signals}, a.explain()
    assert a.level is Level.CALM, a.explain()


def test_a_no_to_a_question_that_was_no_offer_still_corrects() -> None:
    a = read_after_agent(
        "no, I said the blue one. the red one is what you sent last time",
        agent="I've sent the red one again, it should arrive tomorrow. Want tracking?",
    )
    assert "dialog.no" in {s.id for s in a.signals}, a.explain()


def test_a_short_delivery_is_something_missing() -> None:
    """Batch 110: "the delivery was short, we got 22 dozen instead of 40"."""
    for text in (
        "Hi, this morning's delivery for order #DN-5120 was short, we got 22 dozen instead of 40.",
        "the pallet came up short by 6 cases",
    ):
        assert "problem.missing" in {s.id for s in read_one(text).signals}, text


@pytest.mark.parametrize(
    ("text", "agent"),
    [
        (
            "Brilliant. Love finding that out now. So you keep $1,240 of ours for another week",
            "Refunds can take 7-10 business days to process depending on your bank.",
        ),
        (
            "so I paid $190 for 6 bottles, got 4. lovely. really feeling the love here",
            "Per our terms, once the parcel is handed over, claims go through the carrier.",
        ),
        (
            "right. same boards as last year. different chalk. but sure, it's the boards",
            "Please note that product performance can vary depending on the board surface.",
        ),
    ],
)
def test_sarcasm_at_an_answer_that_moved_nothing(text: str, agent: str) -> None:
    """Batches 107 and 110: news loved for coming late, "feeling the love", an excuse granted in
    mockery."""
    opener = "Hi, we got charged twice for the box and the refund you promised never came."
    a = read_after_agent(text, agent=agent, opener=opener)
    assert "press.sarcasm" in {s.id for s in a.signals}, a.explain()


def test_the_loop_named_without_circles() -> None:
    """Batch 110: "so we just keep doing this loop then. same question, same sentence back"."""
    a = read_one("ok. so we just keep doing this loop then. same question, same sentence back.")
    assert "repeat.loop" in {s.id for s in a.signals}, a.explain()


def test_how_many_more_times_is_a_loaded_question_but_stock_is_not() -> None:
    """A branch that ended on a space never matched: "how many more " is now "how many more
    times"; asking how many more are in stock stays a plain question."""
    loaded = read_one("how many more times do I have to send the invoice")
    assert "press.question" in {s.id for s in loaded.signals}, loaded.explain()
    plain = read_one("how many more do you have in stock? we might take 40")
    assert "press.question" not in {s.id for s in plain.signals}, plain.explain()


def test_a_tracking_number_given_is_something_done() -> None:
    """Batch 108: "It shipped yesterday, tracking 1Z99W8810344" delivers what was asked."""
    eng = engine()
    assert "agent.done" in eng.agent_families("It shipped yesterday, tracking 1Z99W8810344 2210.")
    assert "agent.done" not in eng.agent_families("tracking number will follow tomorrow")
    assert "agent.choice" in eng.agent_families("Paused. Want the Feb box sent elsewhere?")


def test_leaving_with_nothing_wrong_with_us_is_an_account_change() -> None:
    """Batch 108: "we're moving our wick orders to a supplier in Portugal. nothing wrong with you
    guys, it's purely the customs mess" is a reason of their own, not churn over the service."""
    a = read_one(
        "Hi Priya 👋 heads up: from January we're moving our wick orders to a supplier in "
        "Portugal. nothing wrong with you guys, it's purely the customs mess."
    )
    assert "esc.churn" not in {s.id for s in a.signals}, a.explain()
    assert a.level in (Level.CALM, Level.UNEASY), a.explain()


@pytest.mark.parametrize(
    ("text", "agent", "signal"),
    [
        (
            "so I'm $412 out of pocket, bounced between an inbox and a slack channel",
            "Please allow 5-7 business days for billing to respond.",
            "repeat.loop",
        ),
        ("ok?? thats it?", "ok", "press.question"),
        (
            "form submitted. now what",
            "Please fill in the shortage form on our website.",
            "press.question",
        ),
        (
            "oh wow, thanks for that insight 🙃 12 years doing colour and somehow never noticed",
            "Results can vary depending on the hair's porosity.",
            "press.sarcasm",
        ),
        (
            "I've been cutting velvet ribbon for 14 years but sure, I'll go read the care guide",
            "Please refer to our care guide at https://help.example.com/care",
            "press.sarcasm",
        ),
        (
            "it's mascara, not rocket science. we did all of that last time too",
            "Could you also check that the wand is wiped before use?",
            "verdict.harsh",
        ),
        (
            "...scroll up? both are right there. second time I'm giving these.",
            "Could you share the RMA number and the serial numbers?",
            "dialog.pushback",
        ),
    ],
)
def test_batches_111_to_114_rising_words(text: str, agent: str, signal: str) -> None:
    """Batches 111-114: bounced between desks, disbelief at a non-answer, the obvious thanked
    for, mock compliance, "not rocket science", "scroll up?" after an ellipsis."""
    a = read_after_agent(text, agent=agent)
    assert signal in {s.id for s in a.signals}, a.explain()


@pytest.mark.parametrize(
    "text",
    [
        "the velvet ribbon is fraying at the cut ends on every spool",
        "we ordered 2000 of the ring magnets (order MAG-7761) but received 1500",
    ],
)
def test_wear_and_a_short_count_are_failures(text: str) -> None:
    a = read_one(text)
    assert {"problem.wrong", "problem.missing"} & {s.id for s in a.signals}, a.explain()


def test_deadpan_praise_with_truly_after_a_complaint() -> None:
    """Batch 111: "amazing. truly outstanding support." after a canned closing."""
    a = read_after_agent(
        "amazing. truly outstanding support.",
        agent="You're welcome! Let us know if there's anything else.",
        opener="the seitan arrived frozen solid, it's supposed to be chilled and it's broken",
    )
    assert "press.sarcasm" in {s.id for s in a.signals}, a.explain()


def test_used_as_a_verb_is_no_second_hand_item() -> None:
    """Batch 117: "last time i used it straight" is no "used" item; "it arrived used" is."""
    told = read_one(
        "perfect. last time i used it straight and my aquatint looked like the moon lol"
    )
    assert "problem.wrong" not in {s.id for s in told.signals}, told.explain()
    sent = read_one("the headphones arrived used, there are scratches on them")
    assert "problem.wrong" in {s.id for s in sent.signals}, sent.explain()


@pytest.mark.parametrize(
    ("text", "agent", "signal"),
    [
        (
            "they came out of the box like that. but sure, super helpful advice, thanks so much",
            "Please make sure the sheets are stored flat and away from heat.",
            "press.sarcasm",
        ),
        (
            "awesome, super helpful. show's in 9 days. take your time I guess 👍",
            "I'll need to check with production whether this was a proof or a print issue.",
            "press.sarcasm",
        ),
        ("soon isn't a date.", "Should be soon!", "dialog.pushback"),
        (
            "mate, it's the same artwork file. could you actually look into the plates?",
            "Please check the FAQ section on artwork preparation.",
            "dialog.pushback",
        ),
    ],
)
def test_batches_115_to_118_rising_words(text: str, agent: str, signal: str) -> None:
    """Batches 115-118: mock thanks after a brush-off, "take your time I guess", a vague promise
    refused, "could you actually look"."""
    a = read_after_agent(text, agent=agent)
    assert signal in {s.id for s in a.signals}, a.explain()


STILL_NOT_SHIPPED = "Hi, our order PO-77 still hasn't shipped and it's been two weeks."


def assert_reads_as(text: str, agent: str, wanted: set[str]) -> None:
    """`text`, after `agent`'s reply in a thread with a grievance, carries one of `wanted`."""
    a = read_after_agent(text, agent=agent, opener=STILL_NOT_SHIPPED)
    assert {s.id for s in a.signals} & wanted, a.explain()


@pytest.mark.parametrize(
    ("text", "agent", "signal"),
    [
        (
            "quick. great. that's the same answer we got on the 2nd and the 9th",
            "Thanks for reaching out! Your order is being processed and will ship quickly.",
            "press.sarcasm",
        ),
        (
            "really appreciate these detailed answers. the launch is monday",
            "Thanks for your patience! Our team is working hard on all orders.",
            "press.sarcasm",
        ),
        ("it's friday and no parcel. what happened to wednesday?", "It ships Wednesday!", None),
        ("the serial is literally in my first message", "Could you send the serial?", None),
        ("sent them last time, it's the same crack", "Could you send photos?", None),
        (
            "we know how to use a torque wrench. the bolt head is what's bent",
            "Please check the torque settings.",
            None,
        ),
        (
            "did you even look at the screenshots at all? it's the same error",
            "Could you clear your cache?",
            None,
        ),
        ("ok but that's honestly not my problem, I paid for express", "It's a busy week!", None),
        (
            "great tip, three days after we sanded the lot. thanks",
            "Try a finer grit.",
            "press.sarcasm",
        ),
        (
            "wonderful. so I'll tell the whole class it's cancelled?",
            "Our studio is very busy this month, sorry!",
            "press.sarcasm",
        ),
    ],
)
def test_batches_119_to_122_rising_words(text: str, agent: str, signal: str | None) -> None:
    """Batches 119-122: praise after the agent's own word or a template, the promised day asked
    after, the evidence asked for again though it was given."""
    assert_reads_as(text, agent, {signal} if signal else {"promise.broken", "dialog.pushback"})


@pytest.mark.parametrize(
    "text",
    [
        "the kids in our class keep asking when the new colours come out 😄",
        "customers keep ordering the blue one, can we get 40 more?",
    ],
)
def test_what_people_keep_asking_for_is_demand_not_a_fault(text: str) -> None:
    """Batch 119: "kids at the shop keep asking" is demand; "it keeps crashing" is a fault."""
    a = read_one(text)
    ids = {s.id for s in a.signals}
    assert not ids & {"problem.broken", "repeat.again"}, a.explain()
    assert "problem.broken" in {s.id for s in read_one("the app keeps crashing").signals}


@pytest.mark.parametrize(
    ("text", "signal"),
    [
        ("ok. great.", None),
        ("thanks. lovely, see you friday", None),
    ],
)
def test_ok_or_thanks_before_praise_is_no_echo(text: str, signal: str | None) -> None:
    """An "ok." or "thanks." before the praise is acknowledgement, not the agent's word echoed."""
    a = read_after_agent(
        text,
        agent="Thanks for reaching out! Your order is being processed and will ship soon.",
        opener=STILL_NOT_SHIPPED,
    )
    assert signal is None and "press.sarcasm" not in {s.id for s in a.signals}, a.explain()


@pytest.mark.parametrize(
    "text",
    [
        "how dare you make these so addictive 😂 anyway, can I order 3 more of the blue set?",
        "OUTRAGEOUS 🤣 my dad beat me again. do you sell the rulebook separately?",
        "we lost two of the dice down the back of the sofa, do you sell spares?",
    ],
)
def test_outrage_laughed_off_and_pieces_lost_at_home_are_no_complaint(text: str) -> None:
    """Batch 119: outrage put on with a laugh, and pieces the customer lost at home, ask for
    nothing a lead would coach; the same words meant still count."""
    a = read_one(text)
    assert a.level in (Level.CALM, Level.UNEASY), a.explain()
    assert not a.cues, a.explain()


def test_outrage_and_loss_meant_still_count() -> None:
    assert "problem.missing" in {s.id for s in read_one("you lost our parcel again").signals}
    meant = read_one("This is outrageous. Third double charge this month.")
    assert meant.cues, meant.explain()


@pytest.mark.parametrize(
    "text",
    [
        "Lovely. And if the budget ever comes back we'll order from you again 😊",
        "perfect, and if they reopen the tender you'll hear from me again",
    ],
)
def test_a_friendly_return_is_no_recurrence(text: str) -> None:
    """Batches 123 and 126: a customer leaving warmly, "you'll hear from me again", is not saying
    something happened again (and so their praise is not sarcasm)."""
    a = read_after_agent(text, agent="Thanks for letting us know, and for the kind words!")
    ids = {s.id for s in a.signals}
    assert not ids & {"repeat.recur", "press.sarcasm"}, a.explain()
    assert a.level is Level.CALM, a.explain()


@pytest.mark.parametrize(
    ("text", "agent", "signal"),
    [
        (
            "Oh great, it's being looked at, what a relief. Same answer as last week.",
            "Our team is looking into it.",
            "press.sarcasm",
        ),
        ("Brilliant, I love entering my address twice.", "Could you confirm the address?", None),
        ("refund it or don't. I'm not sending them back.", "Could you send them back first?", None),
    ],
)
def test_batches_123_to_126_rising_words(text: str, agent: str, signal: str | None) -> None:
    """Batches 123-126: praise beside the same template again, a chore "loved", an either-or
    handed back."""
    assert_reads_as(text, agent, {signal} if signal else {"press.sarcasm", "dialog.pushback"})


@pytest.mark.parametrize(
    ("text", "agent", "signal"),
    [
        (
            "oh great, the FAQ, why didn't I think of that",
            "Have you checked our FAQ?",
            "press.sarcasm",
        ),
        ("sure, another form. really enjoying this whole process", "Please fill in form B.", None),
        (
            "how would my cache affect a refund that never arrived?",
            "Try clearing your cache.",
            None,
        ),
        ("it's not the app. it's the bank statement.", "The app sometimes shows old data.", None),
        ("I wrote this already last week, the label is wrong", "Please check page 14.", None),
        ("so we're stuck. what now?", "Still waiting on the warehouse.", "repeat.loop"),
    ],
)
def test_batches_127_to_130_rising_words(text: str, agent: str, signal: str | None) -> None:
    """Batches 127-130: the obvious suggested and mock-thanked, a process "enjoyed", the advice
    or diagnosis handed back, the stalemate named."""
    assert_reads_as(text, agent, {signal} if signal else {"press.sarcasm", "dialog.pushback"})


def test_kind_of_is_a_hedge_not_praise() -> None:
    """Batch 127: "kind of stressful tbh" has no praise in it; "so kind of you" does."""
    assert "calm.praise" not in {s.id for s in read_one("kind of stressful tbh").signals}
    assert "calm.praise" in {s.id for s in read_one("that's so kind of you, thanks").signals}


def test_praise_as_always_right_after_the_agent_did_it_is_meant() -> None:
    """Batch 128: "super helpful as always" after "billing contact updated" is thanks."""
    a = read_after_agent(
        "perfect, you've been super helpful as always 🙌",
        agent="Sure, billing contact updated to the AP address for future orders.",
        opener="Hi, could the invoice go to ap@example.com instead? It went to the wrong person.",
    )
    assert "press.sarcasm" not in {s.id for s in a.signals}, a.explain()


def test_giving_up_on_the_exchange_is_upset() -> None:
    """Batch 128: "You know what, forget it." after a new late date gives up on the agent."""
    a = read_after_agent(
        "Friday. Great. You know what, forget it.",
        agent="It's now expected Friday.",
        opener=STILL_NOT_SHIPPED,
    )
    assert "feel.upset" in {s.id for s in a.signals}, a.explain()


def test_a_message_that_says_it_is_kidding_is_not_sarcastic() -> None:
    """Batch 133: praise beside a trouble the customer imagines and says they are kidding about."""
    a = read_after_agent(
        "perfect. if the print comes out upside down i will haunt you forever 👻 jk",
        agent="Here's the updated proof.",
        opener=STILL_NOT_SHIPPED,
    )
    assert "press.sarcasm" not in {s.id for s in a.signals}, a.explain()


@pytest.mark.parametrize(
    ("text", "agent", "signal"),
    [
        (
            "Lovely. So the deadline in the contract is more of a suggestion then",
            "The production date has moved to next month.",
            "press.sarcasm",
        ),
        (
            "Any idea when it ships, or will that be another surprise?",
            "I've forwarded it to the warehouse.",
            "press.sarcasm",
        ),
        ("Oh good, a portal. Love a portal.", "Please log the fault in our portal.", None),
        (
            "right, and now we get to explain to the client why the stand is empty",
            "The courier is very busy this week.",
            "press.sarcasm",
        ),
        ("nobody rang back. so that was fun", "Let me check.", "press.sarcasm"),
        ("yep. said so.", "Have you tried restarting the unit?", "dialog.pushback"),
        (
            "we're a print shop, we know how to load paper",
            "Could the paper be loaded the wrong way round?",
            "dialog.pushback",
        ),
        (
            "honestly a bit insulting to be told we don't clean our machines",
            "This usually happens when the unit isn't cleaned.",
            "problem.conduct",
        ),
        ("been 50 min now and the freezer is still warm", "Checking.", "wait.duration"),
        ("ok... and? what do I do now?", "That's error E7.", "press.question"),
        ("ok we're going in circles here", "Please try the reset again.", "repeat.loop"),
        ("Four times I've asked for the invoice.", "Noted.", "repeat.loop"),
    ],
)
def test_batches_135_to_138_rising_words(text: str, agent: str, signal: str | None) -> None:
    """Batches 135-138: set phrases of mockery (a rule "more of a suggestion", the next failure
    "a surprise", a chore loved by its article, the harm as a treat), the answer already given or
    the basics known, feeling insulted, the wait in minutes, an answer prompted for the rest,
    the loop named without "round"."""
    assert_reads_as(text, agent, {signal} if signal else {"press.sarcasm", "dialog.pushback"})


@pytest.mark.parametrize(
    "text",
    [
        "we have been 20 minutes early to every session, no stress",
        "the robot mower keeps going in circles on the slope, is there a setting for that?",
        "Oh wonderful, thank you! That fixed it.",
        "and we get to see the prototype next week, can't wait",
        "like I said on the call, the blue one is perfect for us, thanks!",
    ],
)
def test_the_same_words_said_calmly_stay_calm(text: str) -> None:
    """Look-alikes of batches 135-138: an early arrival, a machine going in circles, real
    thanks, a treat that is one, an earlier word repeated kindly."""
    a = read_after_agent(
        text, agent="Sure, let me know how it goes.", opener="Hi, quick question about our order."
    )
    found = {s.id for s in a.signals}
    assert not found & {"press.sarcasm", "repeat.loop", "wait.duration"}, a.explain()
    assert a.level.value in ("calm", "uneasy"), a.explain()


def test_the_loudly_crying_face_is_no_upset() -> None:
    """Batch 136: 😭 in chat is laughter or fondness ("3 are missing 😭 the cat is the prime
    suspect"); it is no upset emoji on its own."""
    a = read_one("we're at 1,997 pieces and 3 are missing 😭 the cat is the prime suspect")
    assert "emoji.upset" not in {s.id for s in a.signals}, a.explain()
    assert "emoji.upset" in {s.id for s in read_one("still missing 😡").signals}


@pytest.mark.parametrize(
    ("text", "agent", "clipped"),
    [
        ("k.", "Variation is described on our product page.", True),
        ("when.", "Thanks for checking! We'll look into it and update you.", True),
        ("fine.", "That's our policy, I'm afraid.", True),
        ("no.", "Have you tried restarting the unit?", False),  # an answer to the question
        ("k.", "Done, I've refunded the $40 to your card.", False),  # the agent did the thing
        ("yes.", "Please check the cable.", False),  # agreeing, even clipped, is no snub
        ("k. thanks!", "Variation is described on our product page.", False),
    ],
)
def test_one_clipped_word_after_a_reply_that_did_nothing(
    text: str, agent: str, clipped: bool
) -> None:
    """Batches 135-142: typed chat chooses its full stop; "k." or "when." after a reply that did
    nothing is a snub the customer means (0 of the corpus's 1,533 calm threads have one)."""
    a = read_after_agent(text, agent=agent, opener=STILL_NOT_SHIPPED)
    assert ("ctx.clipped" in {s.id for s in a.signals}) is clipped, a.explain()


@pytest.mark.parametrize(
    ("text", "agent", "signal"),
    [
        (
            "great, super helpful 👍 the size isn't the question, the colour is",
            "Thanks for reaching out! All our shirts meet the standard sizes.",
            "press.sarcasm",
        ),
        ("well, help with the actual problem would be nice", "Anything else?", "press.sarcasm"),
        ("a heads-up would have been nice", "The courier changed the date.", "press.sarcasm"),
        (
            "love that our navy is now basically grey 🙃",
            "Colours may vary, this is mentioned in our terms of sale.",
            "press.sarcasm",
        ),
        ("yes. twice. it says so above.", "Did you bleed the brakes?", "dialog.pushback"),
        ("read it. did all of it.", "Please see our FAQ on setting snaps.", "dialog.pushback"),
        ("so?", "These rollers are maintenance-free.", "press.question"),
        ("that's kind of the whole point of my question", "They fit 8-16mm.", "dialog.pushback"),
    ],
)
def test_batches_139_to_142_rising_words(text: str, agent: str, signal: str) -> None:
    """Batches 139-142: a template praised and corrected in one breath, what the answer lacked
    wished for, a wink after a deflection to the small print, the answer already in the thread,
    a bare "so?"."""
    assert_reads_as(text, agent, {signal})


@pytest.mark.parametrize(
    "text",
    [
        "an update by friday would be appreciated, thanks",
        "super helpful, thank you! that was exactly the setting",
        "so? does that mean it ships today? 😊",
        "read it. solid writeup. we'll add the breaker anyway",
    ],
)
def test_wishes_and_praise_said_kindly_stay_calm(text: str) -> None:
    """Look-alikes of batches 139-142: a polite wish, real praise, a friendly "so?", a write-up
    read and praised."""
    a = read_after_agent(
        text, agent="Sure, I've updated the setting for you.", opener="Hi, quick question."
    )
    assert "press.sarcasm" not in {s.id for s in a.signals}, a.explain()
    assert a.level.value in ("calm", "uneasy"), a.explain()


@pytest.mark.parametrize(
    ("text", "agent", "signal"),
    [
        (
            "Sure, I'll do form number three, since forms one and two went so well.",
            "Please fill out the damage claim form.",
            "press.sarcasm",
        ),
        (
            "chipped again. third delivery in a row. really loving the consistency 👍",
            "Thanks for your order!",
            "press.sarcasm",
        ),
        (
            "I just love spending my mondays re-sorting jewellery",
            "Our clasps meet industry tolerances.",
            "press.sarcasm",
        ),
        (
            "yes thank you, I know how to close a lid. soup everywhere, twice now",
            "Please make sure the lid is fully closed.",
            "dialog.pushback",
        ),
        (
            "honestly at this point i'm just going to use a jam jar",
            "We recommend not filling above the line.",
            "feel.upset",
        ),
        (
            "so you're basically calling my cooks liars. nice.",
            "Warping caused by misuse is not covered.",
            "problem.conduct",
        ),
    ],
)
def test_batches_143_to_146_rising_words(text: str, agent: str, signal: str) -> None:
    """Batches 143-146: earlier failures called successes, the consistency "loved", a weekday
    spent re-sorting, the basics known, giving up on the product, accused by the answer."""
    assert_reads_as(text, agent, {signal})


def test_a_deadpan_face_and_an_instruction_to_send_something_are_no_trouble() -> None:
    """Batch 144: "he owns a sword. an actual sword 😐" is deadpan, not upset (0 of 6 fit-part
    turns with 😐 are frustrated); "send us the sigils as an image" is an instruction, not a
    template's "send us a DM"."""
    a = read_one("my fiancé wants them 'authentic' (he owns a sword. an actual sword 😐)")
    assert "emoji.upset" not in {s.id for s in a.signals}, a.explain()
    assert "agent.canned" not in engine().agent_families("Yes! Send us the sigils as an image.")
    assert "agent.canned" in engine().agent_families("Please send us a DM with your order number.")


def test_the_customers_own_lawyer_on_paperwork_after_nothing_wrong_is_no_legal_cue() -> None:
    """Batch 145: "cc our counsel, she's the one filing" after "Nothing wrong, just customs
    formalities!" is the customer's own lawyer on their own paperwork."""
    eng = engine()
    state = eng.start()
    state, _ = eng.read(
        state,
        Turn(
            Role.CUSTOMER,
            "Our lawyer asked whether you can provide a certificate of origin. Nothing wrong, "
            "just customs formalities!",
            1.0,
        ),
    )
    state, _ = eng.read(state, Turn(Role.AGENT, "Absolutely, who should it be addressed to?", 2.0))
    _, a = eng.read(
        state, Turn(Role.CUSTOMER, "Northfield Ltd please, and cc our counsel, she's filing", 3.0)
    )
    assert a is not None
    assert CueKind.LEGAL not in {c.kind for c in a.cues}, a.explain()


def test_the_agent_calling_the_customer_names_is_no_abuse_from_the_customer() -> None:
    """Batch 146: "so you're basically calling my cooks liars. nice." complains of being accused;
    it calls nobody a name."""
    a = read_after_agent(
        "so you're basically calling my cooks liars. nice.",
        agent="Warping caused by misuse is not covered under warranty.",
        opener=STILL_NOT_SHIPPED,
    )
    assert CueKind.THREAT_ABUSE not in {c.kind for c in a.cues}, a.explain()
    abuse = read_after_agent("you're all liars", agent="Warping is not covered.")
    assert CueKind.THREAT_ABUSE in {c.kind for c in abuse.cues}, abuse.explain()


@pytest.mark.parametrize(
    "text",
    [
        "my mum absolutely lost it, cried for like 10 min",
        "got it, thank you!! 10/10 would make mum cry again",
        "10/10 would recommend again",
    ],
)
def test_joy_is_no_loss_and_a_happy_repeat_no_recurrence(text: str) -> None:
    """Batch 149: someone who "absolutely lost it" with joy lost nothing, and a delight one
    "would" repeat happened once."""
    found = {s.id for s in read_one(text).signals}
    assert not found & {"problem.missing", "repeat.recur"}, found
    assert "problem.missing" in {s.id for s in read_one("the courier lost it.").signals}


def test_a_face_at_their_own_sides_slip_is_no_sarcasm() -> None:
    """Batch 151: "intern renamed the colour field yesterday 🙃 classic. fixing" laughs at their
    own team, after a report that said "probably us"; the same face beside blame handed back
    ("so it's my fault now 🙃") still mocks."""
    own = read_after_agent(
        "ah yes, our intern changed the size field last week 🙃 typical. on it",
        agent="Looks like your feed sends an empty size value.",
        opener="yo! our feed import fails since this morning, probably us but wanted to check",
    )
    assert "press.sarcasm" not in {s.id for s in own.signals}, own.explain()
    assert_calm(own)
    blamed = read_after_agent(
        "oh great so it's my fault now 🙃",
        agent="This usually happens when the feed is edited by hand.",
        opener="hi, the product feed import fails since this morning",
    )
    assert {"press.sarcasm", "dialog.pushback"} <= {s.id for s in blamed.signals}, blamed.explain()


def test_a_report_that_blames_their_own_side_is_not_blunt() -> None:
    """Batch 151: a report that opens "yo!" and says "probably us" is no blunt complaint."""
    soft = read_one("yo! our sync is failing since this morning, probably us but wanted to check")
    assert "ctx.blunt_problem" not in {s.id for s in soft.signals}, soft.explain()
    blunt = read_one("our sync is failing since this morning")
    assert "ctx.blunt_problem" in {s.id for s in blunt.signals}, blunt.explain()


@pytest.mark.parametrize(
    "text",
    [
        "so it's my router's fault now?",
        "which you'd know if you'd read my first message",
        "so we pay £300 for a desk and then fix the drawer ourselves",
        "let me say this really slowly. The. Box. Was. Empty.",
        "you're not even going to read the report?",
        "I read it before posting, it doesn't cover this",
        "you've sent me the same article twice now",
        "truly the highlight of my day, measuring doorframes for you",
        "can't wait to hear back in another three weeks 👍",
        "Ten days for a single hinge. Wonderful.",
        "honestly makes me feel like a valued customer",
        "a $40 kettle that lasted two weeks",
        "k. and the deadline? whatever.",
    ],
)
def test_pushback_and_sarcasm_said_a_new_way_read_as_such(text: str) -> None:
    """Batches 151-154: blame handed back, the customer doing the work they paid for, the
    obvious said slowly, the same link twice, a chore as the week's highlight, more waiting
    looked forward to, a wait set against the size of the part, a thing worn out in weeks,
    "whatever." to close."""
    wanted = {
        "dialog.pushback",
        "press.sarcasm",
        "repeat.loop",
        "wait.long",
        "problem.broken",
        "feel.upset",
    }
    assert_reads_as(text, "Thanks for your patience! Please see our help centre.", wanted)


@pytest.mark.parametrize(
    ("calm", "upset"),
    [
        ("the new mugs are a hit, nearly sold out", "the van was hit by a lorry"),
        ("it lasted two weeks on a single charge", "the battery only lasted two weeks"),
        ("i'll fix it myself, no worries", "so I pay for the kit and then fix it myself"),
    ],
)
def test_the_same_words_read_calm_when_they_are_meant(calm: str, upset: str) -> None:
    """A product "a hit" is praise, a charge that lasts weeks a boast, mending it oneself by
    choice no complaint; the look-alikes beside them are not."""
    agent = "Could you tell me a bit more?"
    calm_ids = {s.id for s in read_after_agent(calm, agent=agent).signals}
    assert not calm_ids & {"problem.broken", "dialog.pushback"}, calm_ids
    upset_ids = {s.id for s in read_after_agent(upset, agent=agent).signals}
    assert "calm.praise" not in upset_ids, upset_ids
    if "hit" not in calm:
        assert upset_ids & {"problem.broken", "dialog.pushback"}, upset_ids


@pytest.mark.parametrize(
    ("text", "not_wanted"),
    [
        ("perfect. my kid nearly flew off from laughing but that's user error lol", "problem."),
        ("ahh the trailing spaces, excel strikes again. fixed those rows", "repeat."),
        ("one q: is the price valid for 30 days? our approvals can be slow", "wait."),
        ("one q: is the price valid for 30 days? our approvals can be slow", "verdict."),
        ("ahh that'd be our old treasurer's inbox 🙃 ok got a new one", "press.sarcasm"),
    ],
)
def test_their_own_side_or_a_friendly_idiom_is_no_complaint(text: str, not_wanted: str) -> None:
    """Batches 155-158: "user error", "excel strikes again", a quote "valid for 30 days" with
    "our approvals can be slow", "that'd be our old treasurer's inbox 🙃": the customer's own
    side, an idiom or a validity period; nothing of ours failed, was slow or recurred."""
    a = read_after_agent(text, agent="Rows 14 and 41 have a trailing space; the key was rotated.")
    assert not [s.id for s in a.signals if s.id.startswith(not_wanted)], a.explain()


@pytest.mark.parametrize(
    "text",
    [
        "went through!! order BR-10492 ✌️",
        "working again ✅ thanks",
        "yep all green again, evt_8Jd2 went through on retry 4. thanks a lot!",
    ],
)
def test_a_fix_reported_in_few_words_settles_it(text: str) -> None:
    """Batch 156: "went through!!" and "working again ✅" say it works now; "stopped working
    again" does not."""
    assert "calm.resolved" in {s.id for s in read_after_agent(text).signals}
    broken = read_after_agent("it stopped working again")
    assert "calm.resolved" not in {s.id for s in broken.signals}, broken.explain()


@pytest.mark.parametrize(
    "text",
    [
        "right, so it's on me. I used a digital level",
        "and then what. you forwarded it last week too",
        "also in my message. did that too.",
        "honestly starting to feel like I'm talking to the FAQ page",
        "right. so i go into thursday with nothing. thanks a lot.",
        "7 to 10 days. after 2 days of silence. so no snorkel for the trip, great, thanks",
        "Parts team sent me back here. So who actually does it?",
        "this is the 3rd person I'm explaining this to",
        "last time the 'fix' got me another 400 wrong binders",
    ],
)
def test_pushback_loops_and_sarcasm_of_batches_155_to_158_read_as_such(text: str) -> None:
    """Batches 155-158: blame handed back ("so it's on me"), "and then what.", the answer
    already in the first message, "talking to the FAQ page", going into a meeting "with nothing.
    thanks a lot.", "great, thanks" closing a wait, sent back where they started, the third
    person told, the last fix bringing the fault back."""
    wanted = {"dialog.pushback", "press.sarcasm", "repeat.loop", "repeat.recur", "repeat.again"}
    assert_reads_as(text, "Thanks for your patience! It's in the queue.", wanted)


def test_a_colleagues_words_reported_are_no_correction_of_the_agent() -> None:
    """Batch 162: "i said real but she wants it in writing 😂" reports what the customer told a
    colleague; "I said size 7, not 9" still corrects us."""
    told = read_after_agent("she asked if they're real. i said real but she wants it in writing 😂")
    assert "dialog.no" not in {s.id for s in told.signals}, told.explain()
    corrected = read_after_agent("i said size 7, not 9")
    assert "dialog.no" in {s.id for s in corrected.signals}, corrected.explain()


@pytest.mark.parametrize(
    "text",
    [
        "Love getting to explain to my buyers that the order is still processing 🙃",
        "really enjoying this scavenger hunt 👍",
        "fantastic, exactly the copy-paste i was hoping for",
        "yes. we're a bike shop. we did that the first time too, when you asked.",
        "did. twice. got an auto-reply both times and then nothing",
        "so are you going to fix it or just quote me the warranty again",
        "brilliant. can you not just email me the pdf??",
        "Same as shipment 4302. Same as 4190.",
        "third hub, same flicker 👏",
        "this is the third set.",
    ],
)
def test_dry_complaints_of_batches_159_to_162_read_as_such(text: str) -> None:
    """Batches 159-162: a chore "loved", the runaround "enjoyed", the template "hoped for", the
    trade named against basic advice, "did. twice.", the policy quoted again, the fault listed
    with its earlier cases."""
    wanted = {
        "dialog.pushback",
        "press.sarcasm",
        "repeat.recur",
        "repeat.again",
        "neglect.ignored",
    }
    assert_reads_as(text, "Please allow 5-7 business days for processing.", wanted)


def test_sealed_for_good_is_no_praise() -> None:
    """Batch 161: "both times I was told it was sealed for good" means for ever."""
    a = read_after_agent("both times I was told it was sealed for good")
    assert "calm.praise" not in {s.id for s in a.signals}, a.explain()
    assert "calm.praise" in {s.id for s in read_after_agent("all good, thanks").signals}


def test_a_third_partys_bad_week_is_no_wait_and_a_funny_annoyance_no_upset() -> None:
    """Batches 163 and 166: "he's just been on the warpath all week haha" is the site manager's
    week, not a wait for us; "just annoying in a funny way 😂" is no upset. "down all week" and
    "so annoying" still are."""
    week = read_after_agent("amazing. he's just been on the warpath all week haha")
    assert not [s.id for s in week.signals if s.id.startswith(("wait.", "press.sarcasm"))], week
    assert "wait.duration" in {
        s.id for s in read_after_agent("the portal's been down all week").signals
    }
    funny = read_after_agent("not urgent at all, just annoying in a funny way 😂")
    assert "feel.upset" not in {s.id for s in funny.signals}, funny.explain()
    assert "feel.upset" in {s.id for s in read_after_agent("this is so annoying").signals}


@pytest.mark.parametrize(
    "text",
    [
        "I just did. the hinge is cracked. photos are on the ticket.",
        "I did check the manual. that's why I'm writing.",
        "the same as in the last three emails",
        "ticket 8812. read it.",
        "I've been wiring panels for 25 years mate, it's not the breaker",
        "this is the second no-show this month",
        "great. the launch is MONDAY. asking the team won't get 200 mugs printed",
    ],
)
def test_dry_complaints_of_batches_167_to_170_read_as_such(text: str) -> None:
    """Batches 167-170: the information already given ("I just did."), the years of trade held
    up against basic advice, the second no-show, the step offered waved off as no
    help."""
    wanted = {"dialog.pushback", "press.sarcasm", "repeat.again", "repeat.recur"}
    assert_reads_as(text, "Please allow up to 7 business days as per our shipping policy.", wanted)


@pytest.mark.parametrize(
    "text",
    [
        "yes I did, thanks!",
        "I did restart it and now it works, thank you",
        "we've been using your tillers for 20 years and love them",
        "found the culprit, a twig in the intake 🙃 it's running again. thanks!",
    ],
)
def test_answers_and_fixes_of_batches_167_to_170_stay_calm(text: str) -> None:
    """Batches 167-170: a plain "I did", years of custom as praise, and a wry face at the cause
    of a fault now fixed are no pushback and no sarcasm."""
    a = read_after_agent(text, agent="Could you check the intake for debris and restart it?")
    ids = {s.id for s in a.signals}
    assert not ids & {"dialog.pushback", "press.sarcasm"}, a.explain()


def test_an_order_number_before_the_price_is_not_the_amount() -> None:
    """Batch 174: in "order CR-66120, $139" the amount asked back is $139, not 66,120 dollars
    (a symbol that opens the next amount is not the number's own)."""
    a = read_one("I ordered the crampons (order CR-66120, $139). Could I return them for a refund?")
    assert [r.amount for r in a.requests] == [139.0], a.explain()


def test_a_trip_a_third_party_cancelled_is_no_heat_at_us() -> None:
    """Batch 174: "the outfitter cancelled my trip 😕" is sad about someone else, so a polite
    refund ask above the agent's limit waits for the agent's answer instead of a ping."""
    a = read_one(
        "Hello, I ordered crampons (order CR-66120, $139) but the outfitter cancelled my trip 😕 "
        "they're unopened in the box. Could I return them for a refund?"
    )
    assert not a.escalate and "feel.upset" not in {s.id for s in a.signals}, a.explain()


@pytest.mark.parametrize(
    "text",
    [
        "noted. great. does logging it get me a working unit",
        "days. the show is on friday. i need an actual date",
        "don't bother. I'm done.",
    ],
)
def test_dry_complaints_of_batches_171_to_174_read_as_such(text: str) -> None:
    """Batches 171-174: the template's own step asked about as no help, the real date asked
    for, an offer waved off with "I'm done"."""
    wanted = {"dialog.pushback", "press.sarcasm", "esc.leaving"}
    assert_reads_as(text, "We've noted your feedback and will share it with the team.", wanted)


@pytest.mark.parametrize(
    "text",
    [
        "whatever you changed on monday. just fix it.",
        "same as on the order. you have it.",
        "yes. obviously. it still doesn't print.",
        "thanks so much for the update that isn't really an update 🙂",
        "really appreciate being kept so well informed",
        "that's the third time I get the same sentence back",
    ],
)
def test_dry_complaints_of_batches_175_to_178_read_as_such(text: str) -> None:
    """Batches 175-178: curt insistence ("just fix it.", "you have it.", "yes. obviously."), the
    non-update thanked, being "kept so well informed", the same sentence back a third time."""
    wanted = {"dialog.pushback", "press.sarcasm", "repeat.loop"}
    assert_reads_as(
        text, "Hi, the team is still looking into it. Thanks for your patience.", wanted
    )


def test_a_wait_someone_chased_internally_is_not_ours() -> None:
    """Batch 176: "she's been chasing this internally for weeks" is the customer's own side's
    wait; "we've been waiting for weeks" still counts."""
    own = read_after_agent(
        "my manager will be thrilled, she's been chasing this internally for weeks"
    )
    assert "wait.duration" not in {s.id for s in own.signals}, own.explain()
    ours = read_after_agent("we've been waiting on this for weeks")
    assert "wait.duration" in {s.id for s in ours.signals}, ours.explain()


@pytest.mark.parametrize(
    "text",
    [
        "Lovely, three days to tell me it's in the queue. Really appreciate it.",
        "ok. so we pay for 20 and get 12 and it's our problem. good to know.",
        "soon doesn't help me. need a yes or no for thursday",
        "For the third time: I need a date for the engineer.",
    ],
)
def test_dry_complaints_of_batches_179_to_182_read_as_such(text: str) -> None:
    """Batches 179-182: praise opening the failure it names, an unfair outcome restated and
    called good to know, the answer judged no help with a straight
    one demanded, the loop said outright ("For the third time:")."""
    wanted = {"dialog.pushback", "press.sarcasm", "repeat.loop"}
    assert_reads_as(
        text, "Hi, the team is still looking into it. Thanks for your patience.", wanted
    )


def test_praise_opening_a_sentence_that_is_no_failure_stays_praise() -> None:
    """ "Great, ..." is sarcasm only when the rest of that sentence is the failure: praise for
    what arrived, with the trouble set against it by a "but", is meant."""
    meant = read_after_agent("Great, the spare arrived today, but the old one is still leaking")
    assert "press.sarcasm" not in {s.id for s in meant.signals}, meant.explain()
    mocked = read_after_agent("Great, two days to tell me you've asked. Really appreciate it.")
    assert "press.sarcasm" in {s.id for s in mocked.signals}, mocked.explain()


def test_applause_for_an_answer_that_moved_nothing_is_a_slow_clap() -> None:
    """Batch 182: :clap: after a template reply, in a thread already aggrieved, mocks it; the
    same thanks after a reply that did something are meant."""
    opener = "Engineer was booked 8-12 today. It's 12:40. Nobody's turned up and nobody called."
    template = "We apologise for any inconvenience caused. I have passed your feedback on."
    line = "Great, thanks for passing that on 👏 Meanwhile we carry plates up two flights."
    mocked = read_after_agent(line, agent=template, opener=opener)
    assert "press.sarcasm" in {s.id for s in mocked.signals}, mocked.explain()
    done = "I've rebooked the engineer for 2pm today and he's confirmed."
    meant = read_after_agent("Great, thanks 👏 see you at 2", agent=done, opener=opener)
    assert "press.sarcasm" not in {s.id for s in meant.signals}, meant.explain()


def test_a_new_option_not_thought_of_is_thanks_not_mockery() -> None:
    """Batches 70 and 145: "oh I hadn't thought of that" after a helpful offer is meant."""
    a = read_after_agent(
        "oh I hadn't thought of that. I'd keep the mortar actually, it's lovely.",
        agent="A refund is no problem. Would you like the whole set refunded or keep the mortar?",
    )
    assert_calm(a)


def test_the_agents_figure_thrown_back_after_a_wow_is_pushback() -> None:
    """Batch 179: "wow, 30 seconds, hadn't thought of that" throws the agent's figure back; "oh,
    48 hours is fine" takes it."""
    agent = "Could you try switching it off for at least 30 seconds, then back on?"
    mocked = read_after_agent("wow, 30 seconds, hadn't thought of that. keynote in 45", agent)
    assert "dialog.pushback" in {s.id for s in mocked.signals}, mocked.explain()
    taken = read_after_agent("oh, 30 seconds is fine, trying now", agent)
    assert "dialog.pushback" not in {s.id for s in taken.signals}, taken.explain()


def test_a_laid_material_that_is_down_is_not_an_outage() -> None:
    """Batch 186: "All 340m of kerb is down" is kerb laid, not a service down; "the site is down"
    still is."""
    laid = read_one("Closing the loop: all 340m of kerb is down and the crew are in next week.")
    assert "problem.broken" not in {s.id for s in laid.signals}, laid.explain()
    outage = read_one("The booking site is down again.")
    assert "problem.broken" in {s.id for s in outage.signals}, outage.explain()


def test_heat_said_to_be_someone_elses_raises_no_tone() -> None:
    """Batch 186: a grumble at the customer's own skip firm, "nothing to do with you lot, your
    side was faultless": the models' heat in the words is not ours to answer."""
    a = read_after_agent(
        "+1 from me. Only headache was the skip firm we booked ourselves, a day late and parked "
        "across the bus stop 🙄 nothing to do with you lot, your side was faultless.",
        agent="That's great to hear, I'll pass it on to the team!",
        opener="Just closing the loop on the footway scheme: your drivers were spot on, thanks.",
    )
    assert_calm(a)


def test_an_approval_limit_said_with_able_to_is_a_limit() -> None:
    """Batch 183: "I'm able to issue credit up to $750 myself" says what the agent may grant."""
    eng = engine()
    families = eng.agent_families("I'm able to issue credit up to $750 myself for the returns.")
    assert "agent.cannot_grant" in families


def test_a_wry_face_at_the_failure_that_sent_them_shopping_is_no_sarcasm() -> None:
    """Batch 187: the old pump "ran till the battery gave up 🙃 ... which of your auto pumps
    would you recommend?" opens a purchase, not a complaint; the same face after a reply that
    moved nothing still mocks."""
    opening = read_one(
        "Came down to the boat and the battery was dead: the old pump ran till it gave up 🙃 "
        "the pump died too. Which of your auto pumps would you recommend for a 24ft boat?"
    )
    assert "press.sarcasm" not in {s.id for s in opening.signals}, opening.explain()


def test_a_repeat_told_as_a_condition_is_no_repeat() -> None:
    """Batch 187: "if he does it again I'm making him swim" supposes; "it did it again" says."""
    supposed = read_one("Booked for Saturday. if he does it again I'm making him swim 😂")
    assert "repeat.recur" not in {s.id for s in supposed.signals}, supposed.explain()
    said = read_one("The motor stalled again this morning.")
    assert {s.id for s in said.signals} & {"repeat.recur", "repeat.again"}, said.explain()


def test_a_vent_about_the_customers_old_supplier_is_not_ours() -> None:
    """Batch 191: "our old company ... they were useless" names a third party at fault: its
    feelings are not ours to answer."""
    a = read_one("Our old company was useless, they were a joke. Can you quote 20 misting nozzles?")
    assert not {s.id for s in a.signals} & {"verdict.harsh", "verdict.loaded", "feel.upset"}, (
        a.explain()
    )


# ---- batches 195-198 --------------------------------------------------------------------------

COMPLAINT = "Our press keeps jamming at the exit, six times a shift since last week."


def _ids(a: Assessment) -> set[str]:
    return {s.id for s in a.signals}


@pytest.mark.parametrize(
    "text",
    [
        "Brilliant, into the freezer they go. Cheese this weekend 🧀",
        "90 days suits us. Possibly dumb q: do demo units count toward the 30?",
        "Photos attached. Before you judge, she's 14 and has zero regrets :smirk_cat:",
        "Filters were filthy, you were right. Cleaned both and that regulator was set to 5.",
    ],
)
def test_a_thing_or_a_joke_named_with_a_loaded_word_is_no_upset(text: str) -> None:
    """Batches 195 and 198: a freezer is an appliance, not a freeze; a "dumb q" is the
    customer's own; "zero regrets" regrets nothing; "you were right" is the agent's diagnosis
    borne out; a gas regulator set to 5 is a part, not a body."""
    a = read_after_agent(text, "Pop it in the freezer and check the regulator setting.")
    assert a.level in (Level.CALM, Level.UNEASY), a.explain()
    assert not _ids(a) & {"press.sarcasm", "feel.upset", "feel.insult", "esc.legal"}, a.explain()


def test_the_agents_word_restated_as_what_it_costs_is_sarcasm() -> None:
    """Batch 195: "Cool, so normal is losing 40 minutes a shift." throws the agent's "normal"
    back; asked as a question, or taken with thanks, it is not."""
    excuse = "Some minor jamming is normal with wet dough. Try less water."
    said = read_after_agent("Cool, so normal is losing an hour a day.", excuse, COMPLAINT)
    assert "press.sarcasm" in _ids(said) and said.level is Level.FRUSTRATED, said.explain()
    for calm in (
        "Ah, so normal is under two a shift? Good to know.",
        "Ok so normal is fine, thanks!",
    ):
        a = read_after_agent(calm, excuse, COMPLAINT)
        assert "press.sarcasm" not in _ids(a), a.explain()


def test_the_agents_word_in_quotes_after_a_short_sentence_is_still_an_echo() -> None:
    """Batch 198: '9:40. no lorry. no call. "guaranteed" 👍' quotes the agent's promise; the
    "call" in the sentence before names no label."""
    promise = "Sorry! I've rebooked you for tomorrow, first drop, 7:30-9:00, guaranteed."
    a = read_after_agent('10:15. no van. no call. "guaranteed" 👍', promise, COMPLAINT)
    assert "press.sarcasm" in _ids(a), a.explain()


@pytest.mark.parametrize(
    ("reply", "family"),
    [
        ("Fabric colours can look different depending on lighting.", "agent.defensive"),
        ("Some minor fraying is normal with natural rope.", "agent.defensive"),
        ("Stalling under load is usually down to the operator.", "agent.defensive"),
        ("I've passed this on to our engineering team and they'll look into it.", "agent.canned"),
    ],
)
def test_an_excuse_or_a_hand_off_with_nothing_in_it_is_named(reply: str, family: str) -> None:
    """Batches 195 and 198: the difference explained away, the fault called usual or put on the
    user, and a hand-off with no date or owner."""
    assert family in engine().agent_families(reply.lower())


def test_a_hand_off_with_something_in_it_is_no_template() -> None:
    families = engine().agent_families(
        "I've passed this to the warehouse team and they'll send a replacement today.".lower()
    )
    assert "agent.canned" not in families and "agent.defensive" not in families


@pytest.mark.parametrize(
    "text",
    [
        "Yes. Full tank. Can you swap it or not",
        "It's a pallet. We have one yard. Where is it.",
        "ok. when",
        "So is that a no on replacing them this week or what",
    ],
)
def test_a_question_put_as_a_demand_presses(text: str) -> None:
    """Batches 197 and 198: a yes-or-no question closed with "or not"/"or what", where or when
    asked flat with a full stop."""
    a = read_after_agent(text, "Could you check the fuel level?", COMPLAINT)
    assert "press.question" in _ids(a), a.explain()


@pytest.mark.parametrize(
    "text",
    [
        "Let me know if you can do it or not, no rush.",
        "Not sure where it is, I'll ask Sam.",
        "Great, let me know when.",
    ],
)
def test_the_same_words_asked_plainly_press_nothing(text: str) -> None:
    a = read_after_agent(text, "Could you check the fuel level?", COMPLAINT)
    assert "press.question" not in _ids(a), a.explain()


def _after_two_replies(first: str, second: str, text: str) -> Assessment:
    eng = engine()
    state = eng.start()
    for role, said, at in (
        (Role.CUSTOMER, "The organ hums through the speakers since the update. Any fix?", 1.0),
        (Role.AGENT, first, 2.0),
        (Role.CUSTOMER, "I've been through that page. Can we roll the firmware back?", 3.0),
        (Role.AGENT, second, 4.0),
    ):
        state, _ = eng.read(state, Turn(role, said, at))
    _, a = eng.read(state, Turn(Role.CUSTOMER, text, 5.0))
    assert a is not None
    return a


def test_the_same_page_sent_again_is_the_same_answer_and_praise_for_it_is_sarcasm() -> None:
    """Batch 196: the agent sends the troubleshooting page twice (links are not words, so a
    short first reply shared too few words to count), and "very informative the second time as
    well" praises the repeat. A new page praised the same way is thanks."""
    page = "Hello! Please have a look at our guide here: <https://help.example.com/hum|hum guide>"
    again = (
        "I'd recommend going through the guide step by step, as it covers most hum issues: "
        "https://help.example.com/hum"
    )
    other = "Here is the rollback guide for your model: https://help.example.com/rollback"
    text = "Yes, very informative the second time as well. Could you answer the rollback question?"
    repeated = _after_two_replies(page, again, text)
    assert "press.sarcasm" in _ids(repeated), repeated.explain()
    fresh = _after_two_replies(page, other, "Very helpful again, that's the one I needed.")
    assert "press.sarcasm" not in _ids(fresh), fresh.explain()


# ---- batches 199-202 --------------------------------------------------------------------------


def test_sorry_for_ones_english_corrects_nobody() -> None:
    """Batch 199: "Sorry my english is not so good" apologises for the writing, not a mix-up."""
    a = read_after_agent(
        "Yes please, 24 pieces. Same invoice address like before. Sorry my english is not so good",
        "Would you like me to reserve 24 of the next batch?",
    )
    assert "dialog.sorry" not in _ids(a) and a.level in (Level.CALM, Level.UNEASY), a.explain()


@pytest.mark.parametrize("text", ["ok. which day.", "Is the flour arriving tomorrow, yes or no?"])
def test_a_day_asked_flat_or_a_yes_or_no_presses(text: str) -> None:
    """Batches 201 and 202: "which day." with a full stop, "..., yes or no?" closing the ask."""
    a = read_after_agent(text, "Should be in the next few days hopefully!", COMPLAINT)
    assert "press.question" in _ids(a), a.explain()


@pytest.mark.parametrize(
    "reply",
    [
        "Slight colour variation can occur between production batches of render.",
        "Shade variation is normal with porcelain, so batches can differ slightly.",
    ],
)
def test_a_variation_called_normal_is_an_excuse(reply: str) -> None:
    assert "agent.defensive" in engine().agent_families(reply.lower())


def test_praise_beside_what_a_non_answer_leaves_them_with_is_sarcasm() -> None:
    """Batches 200 and 201: after an excuse or the terms quoted, "Lovely. So I tell my client to
    spray her brand new lawn." and "Brilliant, so that's our problem too." mock the answer; a
    plan of the customer's own ("Great, so I'll fill in the form today.") is meant."""
    terms = "As per our terms, claims need to be logged on the driver's handset at delivery."
    for text in (
        "Lovely. So I tell my client to spray her brand new lawn. Cheers for that.",
        "He said he'd log it. He didn't. Brilliant, so that's our problem too.",
    ):
        a = read_after_agent(text, terms, COMPLAINT)
        assert "press.sarcasm" in _ids(a), a.explain()
    plan = read_after_agent("Great, so I'll fill in the claim form today.", terms, COMPLAINT)
    assert "press.sarcasm" not in _ids(plan), plan.explain()


@pytest.mark.parametrize(
    "reply",
    ["Our topsoil is screened to 10mm and meets BS3882.", "As per our terms, claims need a form."],
)
def test_a_standard_met_or_the_terms_quoted_is_a_defence(reply: str) -> None:
    assert "agent.defensive" in engine().agent_families(reply.lower())


# ---- batches 203-206 --------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "reply"),
    [
        (
            'Lovely, very reassuring. So "Tuesday at the latest" meant nothing then.',
            "Our warehouse team is working hard. Thank you so much for your patience!",
        ),
        (
            "Wonderful, really reassuring. So nobody's actually checked whether it left your unit?",
            "Our courier partners are experiencing high volumes. Please allow a few more days.",
        ),
        (
            "Great, so I sit here and wait for someone to be in touch. Brilliant service.",
            "I'll pass your message on to the scheduling team and they'll be in touch.",
        ),
    ],
)
def test_praise_and_its_verdict_beside_the_consequence_of_a_non_answer_is_sarcasm(
    text: str, reply: str
) -> None:
    """Batches 203, 205 and 206: "Lovely, very reassuring." with a "So ..." that draws what the
    template leaves them with (stated, or asked as a reproach), after the volume blamed, more
    days asked for, or a hand-off with no date."""
    a = read_after_agent(text, reply, COMPLAINT)
    assert "press.sarcasm" in _ids(a), a.explain()


def test_is_that_ok_asks_politely() -> None:
    """Batch 206: "our bursar needs the invoice reissued ... Is that ok?" is a polite request,
    never frustrated."""
    opener = (
        "Hi! Just wanted to say Friday's trip was INSANE, the kids have not stopped talking about "
        "it. Beth absolutely killed it with the fleece demo 😂"
    )
    eng = engine()
    state = eng.start()
    state, _ = eng.read(state, Turn(Role.CUSTOMER, opener, 1.0))
    _, a = eng.read(
        state,
        Turn(
            Role.CUSTOMER,
            "Only admin thing: our bursar needs the invoice reissued in the school's name, she "
            "says the finance system will bounce the one we've got. Is that ok?",
            2.0,
        ),
    )
    assert a is not None and a.level in (Level.CALM, Level.UNEASY), a and a.explain()


# ---- batches 207-210 --------------------------------------------------------------------------


def test_swearing_at_the_situation_is_no_abuse() -> None:
    """Batch 210: "what the hell" after a pitch cancelled at twenty minutes' notice swears at what
    happened, not at anyone; it read like "go to hell" to the example bank."""
    a = read_one(
        "my 4pm slot got cancelled 15 mins before, after I hauled everything in. what the hell"
    )
    assert CueKind.THREAT_ABUSE not in {c.kind for c in a.cues}, a.explain()
    abuse = read_one("you can go to hell, the lot of you")
    assert CueKind.THREAT_ABUSE in {c.kind for c in abuse.cues}, abuse.explain()


def test_how_long_something_is_kept_asks_no_wait() -> None:
    """Batch 210: "how long do you keep details of people who come off the list?" asks about the
    service; "how long do I have to wait" still waits."""
    kept = read_after_agent(
        "Perfect. One more: how long do you keep details of people who leave the list?",
        "Untick the contact fields before you export.",
    )
    assert "wait.still" not in _ids(kept) and "press.sarcasm" not in _ids(kept), kept.explain()
    waiting = read_after_agent("How long will it take? It's been a week.", "Checking now.")
    assert "wait.still" in _ids(waiting), waiting.explain()


@pytest.mark.parametrize(
    "reply",
    [
        "I'm sorry you feel that way. Could you send a video?",
        "Natural cane can be affected by humidity, please see our care guide.",
        "Cotton uppers need a little extra care, here's our guide.",
        "As per our care guide, rust can develop if tools are stored in damp sheds.",
        "We do recommend following the care instructions to keep them looking their best!",
        "Our hire terms include a 45-minute arrival window, so the crew arrived within the window.",
        "It went to your Bristol office, as that's the default address on the account.",
        "Some rattle from the hinges is normal on folding frames.",
    ],
)
def test_a_defect_put_down_to_care_terms_or_the_customer_is_a_defence(reply: str) -> None:
    """Batches 207-210: the non-apology, the fault put down to care, storage or conditions, the
    care guide or the terms quoted back, the customer's own setting blamed, a noise called
    normal."""
    families = engine().agent_families(reply.lower())
    assert "agent.defensive" in families, families
    if reply.startswith("I'm sorry you feel"):
        assert "agent.apology" not in families, families


def test_a_care_guide_asked_for_is_no_defence() -> None:
    families = engine().agent_families(
        "Here's how to clean them: a damp cloth, then leave them to dry flat.".lower()
    )
    assert "agent.defensive" not in families, families


@pytest.mark.parametrize(
    ("text", "reply"),
    [
        (
            "Oh lovely, a care guide. Very handy. They've only been worn indoors. Replacement?",
            "Sorry to hear that! Cotton uppers need a little extra care, here's our guide.",
        ),
        (
            "Right. So the plan is we sand them down and sell them as new. Genius.",
            "As per our care guide, rust can develop if tools are stored in damp sheds.",
        ),
        ("Right. Brilliant.", "We do recommend following the care guide to keep them looking new!"),
        (
            "Fantastic. So the chairs are 200 miles away and the wedding is Saturday.",
            "It went to your Bristol office, as that's the default address on the account.",
        ),
    ],
)
def test_praise_for_a_defence_that_answered_nothing_is_sarcasm(text: str, reply: str) -> None:
    """Batches 207, 208 and 210: the guide the reply sent named and praised, "Right. Brilliant."
    given flat, "Genius." after what the defence leaves them with."""
    a = read_after_agent(text, reply, COMPLAINT)
    assert "press.sarcasm" in _ids(a), a.explain()


def test_praise_for_a_guide_that_helped_is_meant() -> None:
    a = read_after_agent(
        "Oh lovely, a care guide, thanks for that! Will give it a go.",
        "Sorry to hear that! Cotton uppers need a little extra care, here's our guide.",
        COMPLAINT,
    )
    assert "press.sarcasm" not in _ids(a), a.explain()


@pytest.mark.parametrize(
    ("text", "family"),
    [
        ("ok. it's gone 3pm. anything from the depot?", "wait.still"),
        ("The size is in my first message. Feels like I'm talking to a wall.", "neglect.ignored"),
        ("Is it arriving tomorrow. Simple question.", "press.question"),
    ],
)
def test_a_chase_a_wall_and_a_simple_question_are_named(text: str, family: str) -> None:
    """Batches 207 and 209: the check the agent went to make chased, the customer talking to a
    wall, the dodged question called simple."""
    a = read_after_agent(text, "I'll check with the depot and get back to you.", COMPLAINT)
    assert family in _ids(a), a.explain()


def test_simple_question_as_a_preface_presses_nothing() -> None:
    a = read_after_agent(
        "Simple question. Do the lids fit the 2 litre tubs?", "Hi, how can I help?"
    )
    assert "press.question" not in _ids(a), a.explain()


def test_a_polite_opening_report_of_a_repeat_is_not_heated() -> None:
    """Batch 208: "Hello, my card is charged two times ... Same thing was happening last month
    ... Can you please refund the double one?" reports a repeat politely: the over-limit ask
    waits for the agent. Said with heat, it is heated."""
    polite = read_one(
        "Hello, my card was charged twice for the course (€389 x2). The same thing happened last "
        "month too. Can you please refund the extra one?"
    )
    assert not polite.heated, polite.explain()
    hot = read_one(
        "Charged TWICE again, €389 x2, same as last month. This is ridiculous. Refund it."
    )
    assert hot.heated, hot.explain()


def test_the_rounds_counted_in_a_learners_tense_go_round() -> None:
    """Batch 209: "Four times I ask the same simple question and I get the same sentence." counts
    the rounds as plainly as "I've asked four times"."""
    a = read_after_agent(
        "Three times I ask when it comes back and I get the same sentence.",
        "We're still waiting on the supplier.",
        COMPLAINT,
    )
    assert "repeat.loop" in _ids(a), a.explain()


def test_gladness_that_the_rule_was_kept_after_a_defence_is_sarcasm() -> None:
    """Batch 210: after the terms are quoted, "so glad the window was respected ... but
    contractually everything's fine" mocks the defence; glad the date moved is meant."""
    terms = (
        "Our hire terms include a 45-minute arrival window, so the crew arrived within the window."
    )
    mocked = read_after_agent(
        "Great, so glad the window was respected. The bride walked in to an empty room, but "
        "contractually everything's fine :+1:",
        terms,
    )
    assert "press.sarcasm" in _ids(mocked), mocked.explain()
    meant = read_after_agent("Great, so glad the window moved to Friday, thanks!", terms)
    assert "press.sarcasm" not in _ids(meant), meant.explain()


# ---- batches 211-214 --------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("reply", "family"),
    [
        ("Not yet I'm afraid, they're very busy this week.", "agent.canned"),
        ("Delivery times are confirmed by the driver the day before.", "agent.canned"),
        ("Our engineers arrange visits directly once the job is allocated 😊", "agent.canned"),
        (
            "Lessons are cancelled when the wind is over 20 knots for safety reasons.",
            "agent.defensive",
        ),
        ("Gut strings can be unforgiving if your swing is very flat.", "agent.defensive"),
        (
            "Please note windows are estimates as per our hire terms (section 4.2).",
            "agent.defensive",
        ),
        ("Weekend callouts depend on engineer availability, as per section 6.", "agent.defensive"),
    ],
)
def test_a_busy_team_a_time_left_to_others_or_a_rule_as_the_reason_is_named(
    reply: str, family: str
) -> None:
    """Batches 210-214: "they're very busy", a time someone else will confirm later, the rule
    named as the reason, the fault put on how the customer plays, the terms quoted by section."""
    assert family in engine().agent_families(reply.lower())


def test_a_time_given_by_the_agent_is_no_hand_off() -> None:
    families = engine().agent_families("The driver will be with you between 9 and 10 tomorrow.")
    assert "agent.canned" not in families and "agent.defensive" not in families, families


@pytest.mark.parametrize(
    "text",
    [
        "um, your surveyor measured everything when he was here? I also emailed photos on the 4th",
        "Your engineer took the readings last week, they're on your system.",
    ],
)
def test_the_agents_own_side_already_having_it_is_pushback(text: str) -> None:
    """Batch 211: asked for measurements "your surveyor measured" and photos sent on the 4th."""
    a = read_after_agent(text, "To prepare your quote, please send the room measurements.")
    assert "dialog.pushback" in _ids(a), a.explain()


def test_glad_the_small_print_has_us_covered_is_sarcasm() -> None:
    """Batch 212: "Fab, glad section 4.2 has us covered then." after the hire terms quoted."""
    terms = "The driver is late. Please note windows are estimates as per our hire terms (4.2)."
    a = read_after_agent(
        "Fab, glad section 4.2 has us covered then. An ETA would be more use.", terms, COMPLAINT
    )
    assert "press.sarcasm" in _ids(a), a.explain()


def test_a_repeat_played_down_is_no_heat() -> None:
    """Batch 213: "second time this year, not a big deal but would save us both a job" is an
    aside; "not a big deal to you" is not played down."""
    aside = read_after_agent(
        "any chance the screen could stop accepting commas? second time this year, not a big "
        "deal but would save us both a job",
        "Fixed that row, re-run should go through.",
    )
    assert "repeat.again" not in _ids(aside), aside.explain()
    sore = read_after_agent(
        "Second time this year. Not a big deal to you maybe, but we lose a day.",
        "Fixed that row, re-run should go through.",
    )
    assert "repeat.again" in _ids(sore), sore.explain()


# ---- batches 215-218 --------------------------------------------------------------------------


@pytest.mark.parametrize(
    "reply",
    [
        "Sorry about the mix-up! You can just delete that PDF and I'll regenerate it.",
        "Ah, that's just our volunteers' sheet, nothing to worry about 😊",
        "It's probably a display glitch, try clearing your browser cache.",
        "Sounds like a sync glitch. Try logging out and back in.",
    ],
)
def test_a_reply_that_plays_the_problem_down_is_named(reply: str) -> None:
    """Batches 208-217: the agent's answer to someone else's data in view: delete it, nothing to
    worry about, a glitch, log out and in."""
    assert "agent.minimised" in engine().agent_families(reply.lower())
    a = read_after_agent("ok but who else can see ours?", reply)
    assert a.agent_minimised, a.explain()


@pytest.mark.parametrize(
    ("reply", "family"),
    [
        ("Our cultures leave us in perfect condition, so it's most likely a storage issue.", None),
        ("Please allow 3-5 days for it to drop off.", "agent.canned"),
        ("Florists may substitute flowers of equal value, as stated in our terms.", None),
        ("I'm not able to approve a full refund myself.", "agent.above_level"),
    ],
)
def test_goods_said_to_leave_perfect_the_terms_stated_and_a_refund_not_mine_are_named(
    reply: str, family: str | None
) -> None:
    """Batches 215-217: the fault put on storage, a 3-5 day wait asked for, the terms stated, a
    full refund the agent cannot approve "myself"."""
    assert (family or "agent.defensive") in engine().agent_families(reply.lower())


@pytest.mark.parametrize(
    "text",
    [
        "So now is my fault that your parcel sit 3 days in the heat?",
        "Sir I have already given both in my above msg.",
        "Yes I know, I did. Monday. Screenshot attached.",
    ],
)
def test_blame_handed_back_or_details_already_given_push_back(text: str) -> None:
    """Batches 215 and 217: "So now is my fault" hands the blame back (it owns no slip, which
    would drop the correction); details given "in my above msg"; "Yes I know, I did"."""
    a = read_after_agent(text, "It's most likely a storage issue on your side.", COMPLAINT)
    assert "dialog.pushback" in _ids(a), a.explain()


def test_owning_a_slip_corrects_nobody() -> None:
    a = read_after_agent(
        "Ah, my fault, I typed the wrong postcode. It's actually the shop, I know, I did it.",
        "Which postcode did you use?",
    )
    assert "dialog.pushback" not in _ids(a), a.explain()


def test_which_is_when_presses() -> None:
    a = read_after_agent("Which is when? It's Thursday.", "It should go in the next batch.")
    assert "press.question" in _ids(a), a.explain()


# Batches 219-222 (session 41): what the fourth round of blind threads found.


@pytest.mark.parametrize(
    "text",
    [
        "fine till saturday then. thank u, 10/10 would order from you lot again",
        "noted, five stars, would be ambushed by the van again",
    ],
)
def test_a_reviews_would_do_it_again_is_no_recurrence(text: str) -> None:
    """Batch 219: "10/10 would get ambushed by a cat again" is a review's joke, not the problem
    coming back."""
    a = read_after_agent(text, "Glad it worked out! Keep it dry for a week.")
    assert "repeat.recur" not in _ids(a), a.explain()


def test_a_machine_working_again_after_the_fix_reads_resolved() -> None:
    """Batch 220: "Cleared out, clicked, it's cycling again" reports the fix working (a working
    machine's verb), and "that's on us" owns the cause."""
    a = read_after_agent(
        "Found grit in the chuck 🙄 that's on us. Cleaned it, it's spinning again. All fine.",
        "Can you check the chuck for debris and reseat it?",
    )
    assert "repeat.recur" not in _ids(a), a.explain()
    assert_calm(a)


def test_a_leak_again_is_still_a_recurrence() -> None:
    a = read_after_agent("Fitted the new seal yesterday and it's leaking again.", "Try a new seal.")
    assert "repeat.recur" in _ids(a), a.explain()


def test_slang_praise_aimed_at_us_is_praise() -> None:
    """Batch 219: "you lot are killing it with the packaging" is praise, and the excited
    punctuation beside it is no outburst."""
    a = read_one(
        "update on the fern!! the dog sat on it, total chaos, and it lived?? your team smashed it "
        "with the packing honestly"
    )
    assert "calm.praise" in _ids(a), a.explain()
    assert_calm(a)


def test_the_agents_joke_quoted_back_is_shared_not_scorned() -> None:
    """Batch 222: "'that's where the queue murders you' is going on the crew t-shirts" quotes the
    agent's joke for fun; the same quote after a plain reply in a complaint still stings."""
    eng = engine()
    state = eng.start()
    state, _ = eng.read(state, Turn(Role.CUSTOMER, "Question about loos for 4,000 people", 1.0))
    state, _ = eng.read(
        state, Turn(Role.AGENT, "Ha, right person. The bar is where the queue murders you.", 2.0)
    )
    state, a = eng.read(
        state, Turn(Role.CUSTOMER, '"where the queue murders you" is going on a t-shirt.', 3.0)
    )
    assert "press.sarcasm" not in _ids(a), a.explain()


def test_a_device_that_isnt_working_is_a_report_of_something_broken() -> None:
    """Session 41: "the wifi isn't working" reports a fault as "not working" does; a person not
    working today does not."""
    assert "problem.broken" in _ids(read_one("hi, the wifi isn't working in the chalet"))
    assert "problem.broken" not in _ids(read_one("hi, Sam isn't working today, can I book Monday?"))


@pytest.mark.parametrize(
    ("text", "agent"),
    [
        (
            "By then it'll be compost. Great plan, thanks.",
            "If the issue persists after 3 weeks, please get back in touch.",
        ),
        (
            "Thanks, great tip 👍 I've only been fitting strings for 15 years.",
            "Strings can go out of tune when you're changing them. We always recommend care.",
        ),
        (
            "Brilliant. So I pay twice for one repair. What a business model 👏",
            "A deeper clean is a separate service at £45.",
        ),
        ("Seven weeks. Wonderful. Superb planning all round.", "The lead time is 7 weeks."),
        ("Amazing, thanks, hadn't thought of that.", "Please rebook via the link."),
    ],
)
def test_praise_that_answers_a_non_answer_this_way_is_sarcasm(text: str, agent: str) -> None:
    """Batches 219-221: the loss the wait will cost, a lifetime's experience offered back, a way
    of charging admired, the agent's figure in words, the same advice thanked as news."""
    a = read_after_agent(text, agent, COMPLAINT)
    assert "press.sarcasm" in _ids(a), a.explain()


def test_a_new_idea_thanked_and_taken_up_is_meant() -> None:
    a = read_after_agent(
        "oh I hadn't thought of that. I'll try the other charger tonight.",
        "Have you tried the other charger?",
    )
    assert "press.sarcasm" not in _ids(a), a.explain()


def test_the_page_sent_pointing_back_at_the_sender_pushes_back() -> None:
    """Batches 220-221: "It says to contact the distributor. You're the distributor.", "the
    troubleshooting section says 'contact support'. That's you 🙂"; the smile points."""
    for text in (
        "I've read it. It says to contact the dealer. You're the dealer.",
        'The FAQ says "contact support". That\'s you 🙂',
    ):
        a = read_after_agent(text, "Please see our warranty page.", COMPLAINT)
        assert "dialog.pushback" in _ids(a), a.explain()
        assert "calm.cheer" not in _ids(a), a.explain()


@pytest.mark.parametrize(
    "text",
    [
        "Same question three times now. Will you collect them?",
        "I've asked for a replacement in every message since Monday.",
        "That's the reply I got Tuesday and Wednesday.",
        "Can you approve it? That's literally what I've been asking.",
    ],
)
def test_the_customer_saying_it_goes_round_is_a_loop(text: str) -> None:
    """Batches 219-222: the rounds counted in new words."""
    a = read_after_agent(text, "Please check the settings.", COMPLAINT)
    assert "repeat.loop" in _ids(a), a.explain()


@pytest.mark.parametrize(
    "text",
    [
        "Delivered to 14 Linden Court, thanks, all keys work.",
        "The left side is flickering, the right half is fine.",
        "Fine, I'll bring them Saturday. Would be nice if someone said sorry.",
    ],
)
def test_a_court_in_an_address_and_fine_about_the_other_half_are_neither_law_nor_praise(
    text: str,
) -> None:
    """Batches 221-222: "Linden Court" is an address; "the right half is fine" describes the
    part that works; "would be nice if" reproaches."""
    ids = _ids(read_one(text))
    assert "esc.legal" not in ids
    assert "calm.praise" not in ids


@pytest.mark.parametrize(
    ("reply", "family"),
    [
        ("Our hives are inspected, so the infection is unlikely to have come from us.", None),
        ("All our sails are built to a very high standard.", None),
        (
            "A slight variation is normal and within tolerance, as explained on the back of the "
            "tin.",
            None,
        ),
        ("Dust can get back onto the sensor when changing lenses.", None),
        ("If the issue persists after 2 weeks, please get back in touch.", "agent.canned"),
        ("Please note that warranty claims are handled by the manufacturer.", "agent.canned"),
        ("Ha, you're asking the right person.", "agent.joking"),
    ],
)
def test_a_defence_a_wait_and_see_and_a_laugh_are_named(reply: str, family: str | None) -> None:
    """Batches 219-222: the cause denied, the standard claimed, the fault called normal or put on
    how the customer handles it; "come back if it persists"; the procedure recited; a laugh."""
    assert (family or "agent.defensive") in engine().agent_families(reply.lower())


def test_an_insurance_policy_is_not_a_policy_quoted_back() -> None:
    """Batch 222: "Our policy carries £10m public liability" answers a contract question."""
    families = engine().agent_families("our policy carries £10m public liability, so that's fine.")
    assert "agent.defensive" not in families


@pytest.mark.parametrize(
    ("text", "agent"),
    [
        (
            "3-5 working days. The fair is Saturday. So that's a no then.",
            "Investigations usually take 3-5 working days.",
        ),
        (
            "ok. up to 10 working days to look at 3 photos of a scratch 🙃",
            "This can take up to 10 working days.",
        ),
        (
            "Fantastic. 3-5 working days for a race on Saturday. 👏",
            "Sorry, there was a delay at the warehouse, it should be with you in 3-5 working days.",
        ),
    ],
)
def test_the_agents_wait_thrown_back_pushes_back(text: str, agent: str) -> None:
    """Batches 223-225: the agent's figure thrown back after a praise word or "up to", and a
    craft "fair" that is not "that's fair"."""
    a = read_after_agent(text, agent, COMPLAINT)
    assert "dialog.pushback" in _ids(a), a.explain()


def test_three_to_five_days_is_fair_still_takes_the_figure() -> None:
    a = read_after_agent("3-5 days is fair, thanks.", "It should arrive in 3-5 days.", COMPLAINT)
    assert "dialog.pushback" not in _ids(a), a.explain()


@pytest.mark.parametrize(
    "text",
    [
        "The order number is in my message. #48213.",
        "It's attached to my first message. Term starts Monday.",
        "That's what we've done twice already. Please look at the base.",
    ],
)
def test_details_in_the_first_message_or_the_fix_already_tried_push_back(text: str) -> None:
    """Batches 223-225: the details already given, the fix already tried twice."""
    a = read_after_agent(text, "Could you send the order number?", COMPLAINT)
    assert "dialog.pushback" in _ids(a), a.explain()


@pytest.mark.parametrize(
    ("reply", "family"),
    [
        ("Gas lifts can wear faster if people drop into them heavily.", None),
        ("Icing sugar can clump if exposed to moisture, so we always recommend a tub.", None),
        ("Please note that custom orders are non-refundable once the proof is approved.", None),
        ("This can take up to 10 working days.", "agent.canned"),
    ],
)
def test_the_fault_put_on_use_the_terms_and_the_wait_are_named(
    reply: str, family: str | None
) -> None:
    """Batches 223-226: wear put on how people use it, a lecture, non-refundable terms noted,
    the wait stated as what it can take."""
    assert (family or "agent.defensive") in engine().agent_families(reply.lower())


def test_a_bare_enjoy_after_a_threat_cheers_nobody() -> None:
    """Batch 226: "Tonight they're all getting screenshots of this chat ... Enjoy." signs off in
    anger; "Enjoy your weekend!" still cheers."""
    assert "calm.cheer" not in _ids(read_one("They're all getting the screenshots. Enjoy."))
    assert "calm.cheer" in _ids(read_one("Thanks so much! Enjoy your weekend"))


@pytest.mark.parametrize(
    "text",
    [
        "I know what is bloom, I work with figs 20 years. The problem is the hard ones.",
        "I know they're cold-pressed, that's why we buy them. Normally we get 4-5 days.",
        "I know how to start a repair, I've done the form twice.",
        "It's been in the box since it arrived Tuesday. I haven't worn it.",
    ],
)
def test_an_explanation_rebuffed_or_the_blame_answered_pushes_back(text: str) -> None:
    """Batches 227-228: the customer's own standing against an explanation for beginners, and
    the blame answered with what did not happen."""
    a = read_after_agent(text, "Sugar bloom is a natural process, as per our specification.")
    assert "dialog.pushback" in _ids(a), a.explain()


def test_i_know_it_is_a_big_ask_is_no_pushback() -> None:
    a = read_after_agent("I know it's a big ask, but could you send it Friday?", "Sure, when?")
    assert "dialog.pushback" not in _ids(a), a.explain()


def test_the_blame_taken_on_mockingly_is_sarcasm() -> None:
    """Batch 227: "Sure, must be my hands 👍" after the agent blamed the customer's playing."""
    a = read_after_agent(
        "Sure, must be my hands 👍 Played it for 11 years, never buzzed before.",
        "Could you be playing with a heavier attack than usual?",
        COMPLAINT,
    )
    assert "press.sarcasm" in _ids(a), a.explain()


@pytest.mark.parametrize(
    "reply",
    [
        "Sugar bloom is not considered a quality defect, as per our product specification.",
        "Our specification allows up to 5% defects per lot.",
        "Shelf life is listed on the spec sheet as 3-5 days from pressing.",
        "Cold-pressed juice shelf life is naturally short.",
        "Could you be playing with a heavier attack than usual?",
        "Our workshop inspects every piece, so it may be a new kink from wear.",
    ],
)
def test_the_specification_and_the_customers_handling_given_as_reasons_are_a_defence(
    reply: str,
) -> None:
    """Batches 227-228: the spec quoted back, the fault called natural or put on the customer."""
    assert "agent.defensive" in engine().agent_families(reply.lower())


@pytest.mark.parametrize(
    ("reply", "family"),
    [
        ("Our arrival window is 6:00-10:00 as per your booking confirmation.", None),
        ("Seam leaks are usually caused by washing with fabric softener.", None),
        ("Please have a look at our care guide.", None),
        ("If it has been washed with softener the warranty may not apply.", None),
        ("Thanks for your feedback! I've passed this on to our warehouse team.", "agent.canned"),
        ("I understand your frustration. The warehouse has been notified.", "agent.canned"),
    ],
)
def test_the_booking_the_care_guide_the_warranty_and_a_hand_off_are_named(
    reply: str, family: str | None
) -> None:
    """Batches 228-230: "as per your booking confirmation", the fault put on washing, the care
    guide, the warranty said not to apply; thanks for feedback passed on to a team, the
    frustration named by rote."""
    assert (family or "agent.defensive") in engine().agent_families(reply.lower())


@pytest.mark.parametrize(
    ("text", "agent"),
    [
        (
            "Amazing, passed on. That's what happened last week as well 👍",
            "Thanks for your feedback! I've passed this on to our warehouse team.",
        ),
        (
            "Amazing, so 120 people might get breakfast at 10:15. Super.",
            "Our arrival window is 6:00-10:00 as per your booking confirmation.",
        ),
    ],
)
def test_the_non_answer_praised_in_its_own_words_or_its_cost_in_figures_is_sarcasm(
    text: str, agent: str
) -> None:
    """Batches 228 and 230: "Amazing, passed on." says the reply back as praise; "so 120
    people ..." draws the consequence in figures."""
    a = read_after_agent(text, agent, COMPLAINT)
    assert "press.sarcasm" in _ids(a), a.explain()


@pytest.mark.parametrize(
    ("reply", "family"),
    [
        ("Leather straps can crack with use, please see our care page.", "agent.defensive"),
        ("Some cloudiness can occur and isn't harmful.", "agent.defensive"),
        ("As wool is a natural fibre, this is listed as stated on our product pages.", None),
        ("New turf can look patchy at this time of year.", "agent.defensive"),
        ("Replacements usually take 7-10 working days.", "agent.canned"),
        ("It's in the queue and should be with you shortly.", "agent.canned"),
        ("Lead times can vary, we'll let you know.", "agent.canned"),
    ],
)
def test_wear_from_use_the_season_and_a_vague_time_are_named(
    reply: str, family: str | None
) -> None:
    """Batches 231-234: the fault called wear from use, harmless, the material's nature or the
    season's (defensive); the usual time quoted, the queue, "shortly", "can vary" (canned)."""
    assert (family or "agent.defensive") in engine().agent_families(reply.lower())


def test_a_shipment_promised_for_later_is_not_a_shipment_done() -> None:
    """Batch 232: "a tracking email as soon as your order has shipped" promises, it does not
    report the order shipped (which would read as progress)."""
    families = engine().agent_families(
        "you'll get a tracking email as soon as your order has shipped."
    )
    assert "agent.done" not in families
    assert "agent.done" in engine().agent_families("your order has shipped this morning.")


@pytest.mark.parametrize(
    ("text", "agent", "opener"),
    [
        # the far end of the quoted range, praised (batch 231)
        (
            "Lovely. 10 days. The gala is on Saturday.",
            "We can look at it, turnaround is 5-10 days at the moment.",
            COMPLAINT,
        ),
        (
            "Super, 3 weeks. Glad I paid for express.",
            "The replacement part will take 3 weeks to arrive.",
            COMPLAINT,
        ),
        # praise and its cost, after a defence that offers a paid fix
        (
            "Great, so I pay £60 to fix a month-old saddle. Very reassuring.",
            "Stitching can wear with use. We offer re-stitching for £60.",
            COMPLAINT,
        ),
    ],
)
def test_praise_for_the_wait_or_the_bill_just_quoted_is_sarcasm(
    text: str, agent: str, opener: str
) -> None:
    """Batches 231-232: praise opening the reply that throws the agent's figure back (the far
    end of a range counts: "48 hours" for "24-48h"), praise beside what a paid fix costs after
    a defence."""
    a = read_after_agent(text, agent, opener)
    assert "press.sarcasm" in _ids(a), a.explain()


@pytest.mark.parametrize(
    ("text", "agent", "opener"),
    [
        ("Perfect, 3 weeks works for us.", "It will take 3 weeks.", COMPLAINT),
        ("Great. See you tomorrow then.", "I've booked the engineer for 9am tomorrow.", COMPLAINT),
        (
            "Great. Is the apartment furnished?",
            "No, I'm afraid that one has no parking.",
            COMPLAINT,
        ),
    ],
)
def test_praise_for_a_figure_taken_or_a_fix_is_meant(text: str, agent: str, opener: str) -> None:
    """The figure taken, a visit booked, a plain no answered and moved on from: meant."""
    a = read_after_agent(text, agent, opener)
    assert "press.sarcasm" not in _ids(a), a.explain()


@pytest.mark.parametrize(
    ("text", "agent", "opener", "feature"),
    [
        # "ok." after a template that answered a question with no date
        (
            "ok.",
            "Your order is in the queue and will ship as soon as possible.",
            "Hi! Any idea when our order will ship?",
            "ctx.clipped",
        ),
        # ... and after a holding line to a customer heated a moment ago
        (
            "ok.",
            "I'll check with the workshop and come back to you.",
            "It's Thursday, no call, no parcel, and the show is on Monday. This is not ok!!",
            "ctx.clipped",
        ),
        ("so no refund then.", "Refunds can take 5-10 working days.", COMPLAINT, "dialog.pushback"),
        (
            "Shortly when? The fair opens Friday.",
            "It should be with you shortly.",
            COMPLAINT,
            "press.question",
        ),
    ],
)
def test_restraint_after_a_non_answer_is_read(
    text: str, agent: str, opener: str, feature: str
) -> None:
    """Batches 232-234: the customer who has nothing left to say but "ok.", sums the non-answer
    up ("so no date then.") or throws the vague time back ("Soon when.")."""
    a = read_after_agent(text, agent, opener)
    assert feature in _ids(a) or feature in a.explain(), a.explain()


@pytest.mark.parametrize(
    ("text", "agent"),
    [
        ("ok.", "Sure, I'll send the invoice over this afternoon."),
        ("ok.", "I've refunded it, you'll see it in 3 days."),
    ],
)
def test_ok_to_a_plan_or_a_fix_agrees(text: str, agent: str) -> None:
    """ "ok." after a plan for a calm ask, or after the thing was done, agrees."""
    a = read_after_agent(text, agent, "Hi, could you send me the invoice for March?")
    assert "ctx.clipped" not in _ids(a), a.explain()
    assert_calm(a)


@pytest.mark.parametrize(
    "text",
    [
        "No harm done, you fixed it within the day. Same order again next month please.",
        "We'll send the usual order in June as usual, roughly the same amounts.",
        "Best before dates are all fine, thanks!",
    ],
)
def test_forgiveness_a_routine_and_a_date_label_read_calm(text: str) -> None:
    """Batch 233: "No harm done" corrects nothing, a routine "as usual" repeats no failure, a
    "best before" date praises nothing."""
    a = read_after_agent(text, "Sorry again about the mix-up!", "Hi! The skirts arrived, thanks.")
    assert "dialog.no" not in _ids(a) and "repeat.again" not in _ids(a), a.explain()
    assert_calm(a)


def test_a_failure_as_usual_still_repeats() -> None:
    """ "Late as usual" and "as usual, nobody called" still say it keeps happening."""
    for text in ("Late as usual.", "As usual, nobody called."):
        assert "repeat.again" in _ids(read_one(text)), text


@pytest.mark.parametrize(
    "text",
    [
        "Still nothing and nobody's rung.",
        "It's 3pm, the van never came and no one's called.",
    ],
)
def test_nobody_in_touch_is_neglect_past_a_negation_before_and(text: str) -> None:
    """Batch 232: "nobody's rung" (the contraction too); a negation does not reach past "and"
    ("still nothing and nobody's rung")."""
    assert "neglect.ignored" in _ids(read_one(text)), read_one(text).explain()


def test_the_agents_words_opening_a_sentence_in_quotes_are_an_echo() -> None:
    """Batch 232: a capitalised quote opening a sentence, in an aggrieved thread, is the agent's
    words thrown back ("Slight variation", sure.), not a button's label."""
    a = read_after_agent(
        'Sage and olive are different codes on your site 🙂 "Slight variation", sure. '
        "So can you swap them or not?",
        "As wool is a natural fibre, slight colour variation between batches is normal.",
        "We received 40 skeins of sage yarn but they're olive, not sage, and the display is "
        "tomorrow.",
    )
    assert "press.sarcasm" in _ids(a), a.explain()


@pytest.mark.parametrize(
    ("reply", "family"),
    [
        ("Walnuts are a natural product and can vary in oil content.", "agent.defensive"),
        ("Heavy rain can sometimes lift the membrane at the edges.", "agent.defensive"),
        ("Please note there is a £40 call-out fee for this visit.", "agent.defensive"),
        ("QA are looking at it, we'll let you know.", "agent.canned"),
        ("No news yet, will update you as soon as I hear back!", "agent.canned"),
    ],
)
def test_the_material_the_weather_a_fee_and_a_holding_line_are_named(
    reply: str, family: str
) -> None:
    """Batches 235-238: the product called natural, the fault put on the weather, a fee noted for
    fixing it (defensive); "we'll let you know" with no time (canned)."""
    assert family in engine().agent_families(reply.lower())


@pytest.mark.parametrize(
    ("text", "feature"),
    [
        ("Monday when? We open at 7.", "press.question"),
        ("Love the suspense. The party is at 6.", "press.sarcasm"),
        ("Well your gardeners are invisible then.", "press.sarcasm"),
        ("Shall I raise a third one so they can keep each other company?", "press.sarcasm"),
        ("So the Friday thing was just something to say then.", "press.sarcasm"),
        ("Has anyone actually been this month? The beds are full of weeds.", "neglect.ignored"),
        ("Is anybody reading what I send?", "neglect.ignored"),
        ("The care guide we have read already. The tiles are cracked.", "dialog.pushback"),
        ("Serial is 4471, like I wrote.", "dialog.pushback"),
        ("I literally just said I've rebooted it.", "dialog.no"),
        ("I tell you, nothing has changed on our side.", "dialog.no"),
        ("It's not mould, it's rust.", "dialog.no"),
        ("That's next spring. I'm asking for a refund now.", "dialog.pushback"),
        ("We tested this four times already.", "repeat.again"),
    ],
)
def test_round_235_pressure_pushback_and_neglect_are_read(text: str, feature: str) -> None:
    """Batches 235-238: a day thrown back with "when?", the suspense enjoyed, the visits called
    invisible, the same step offered a third time, the promise called something to say; asking
    whether anyone came or reads; what was sent told back as known; the agent's word corrected;
    the ask restated against a later date; the checks counted."""
    a = read_after_agent(text, "Thanks, we'll let you know.", COMPLAINT)
    assert feature in _ids(a), a.explain()


@pytest.mark.parametrize(
    "text",
    [
        "Thanks! The fine almond flour is perfect, same again next month please.",
        "Lovely, we'll keep the spare until Friday so he doesn't have to learn a new one again.",
    ],
)
def test_a_fine_grind_and_an_again_avoided_read_calm(text: str) -> None:
    """Batches 235-236: "fine almond flour" is a grind, not praise to undo; "so he doesn't have
    to ... again" avoids a repeat, it reports none."""
    a = read_after_agent(text, "Great, it's booked.", "Hi! Could we add 2 sacks to next week?")
    assert "repeat.recur" not in _ids(a), a.explain()
    assert_calm(a)


@pytest.mark.parametrize(
    ("reply", "family"),
    [
        ("Couriers are independent contractors, so we'd suggest calling them directly.", None),
        ("A local cobbler should be able to re-stitch that for you.", None),
        ("Cracks are usually caused by the boots being too tight at the toe.", None),
        ("We're unable to guarantee exact colours on dyed yarn.", None),
        ("Tiles can vary slightly in size due to the firing process.", None),
        ("Bread keeps best in a cool, dry cupboard.", None),
        ("All our animals are walked twice a day as standard.", None),
        ("Just so you know, this is standard in printing.", None),
        ("I'll pass your feedback on to our packing team.", "agent.canned"),
        ("Still waiting to hear back from dispatch, will update asap!", "agent.canned"),
        ("Could you bin that file for us? I'll resend it.", "agent.minimised"),
        ("That might be a caching issue, could you log out and log back in?", "agent.minimised"),
    ],
)
def test_deflections_guarantees_and_housekeeping_are_named(reply: str, family: str | None) -> None:
    """Batches 239-242: the customer sent elsewhere, the fault put on fit, storage or the
    standard, a guarantee refused (defensive); feedback passed on, "will update asap" (canned); an
    exposure treated as housekeeping (minimised)."""
    assert (family or "agent.defensive") in engine().agent_families(reply.lower())


def test_work_done_by_someone_is_no_work_done() -> None:
    """Batch 239: "all our sharpening is done by trained technicians" claims a standard; it
    reports nothing done."""
    families = engine().agent_families("all our sharpening is done by trained technicians.")
    assert "agent.done" not in families


@pytest.mark.parametrize(
    ("text", "feature"),
    [
        ("Scratched isn't normal. It's damage.", "dialog.no"),
        ("That is not answer. Did he eat or not.", "dialog.no"),
        ("I know how to store flour 🙂 it was lumpy when the sack was opened.", "dialog.pushback"),
        ("I was in. I signed for it. So now it's my porch's fault?", "dialog.pushback"),
        ("Same as both my messages above.", "dialog.pushback"),
        ('And the answer is "ask the courier". Brilliant.', "dialog.pushback"),
        ("It fits fine, it's the size I always order.", "dialog.pushback"),
        ("Lovely, the guests will love the surprise.", "press.sarcasm"),
        ("feedback. right. and the refund?", "press.question"),
    ],
)
def test_round_239_corrections_and_rebuffs_are_read(text: str, feature: str) -> None:
    """Batches 239-242: the agent's minimising word turned down ("isn't normal", "not answer"),
    the advice rebuffed, the blame asked back, the detail already given, the answer scorned in
    quotes, the fit rebutted, bad news said to delight someone, the real ask prompted."""
    a = read_after_agent(text, "Thanks, we'll look into it.", COMPLAINT)
    assert feature in _ids(a), a.explain()


def test_the_explanation_thanked_as_a_lesson_is_sarcasm() -> None:
    """Batch 242: "Fantastic, thanks for the lesson." after a defence mocks the explanation."""
    a = read_after_agent(
        "Fantastic, thanks for the lesson. The labels read backwards.",
        "Just to explain, dies are engraved in reverse, this is standard in embossing.",
        "The brass die is mirrored, the labels read backwards. 5,000 run on Monday.",
    )
    assert "press.sarcasm" in _ids(a), a.explain()


# Batches 243-246 (95 of 120 on first play): restraint and sarcasm the engine missed.
_TEMPLATE = "Thanks for your patience! We're seeing very high volumes and the team is working hard."


@pytest.mark.parametrize(
    "text",
    [
        "Wonderful, glad the team is busy 👍 Is my order going out today or not?",
        "Nice to know about the volumes 👍 So will it come by Saturday, or do I buy elsewhere?",
    ],
)
def test_pleasantries_then_the_question_put_as_a_choice_are_sarcasm(text: str) -> None:
    """Praise for a template, then the unanswered question put as a choice ("... or not?"):
    the praise is not meant."""
    opener = "Order 5512 was due Tuesday. Still nothing, and our event is on Friday."
    a = read_after_agent(text, _TEMPLATE, opener)
    assert "press.sarcasm" in _ids(a), a.explain()
    assert "calm.praise" not in _ids(a) and "calm.cheer" not in _ids(a), a.explain()


def test_thanks_and_a_plain_either_or_question_stay_meant() -> None:
    """Thanks for a plan and a question with two real options is no sarcasm."""
    a = read_after_agent(
        "Great, thanks! Is it coming in the morning or the afternoon?",
        "It's out for delivery today with the driver.",
        "Hi, order 5512 was due Tuesday, any update?",
    )
    assert "press.sarcasm" not in _ids(a), a.explain()


@pytest.mark.parametrize(
    "text",
    [
        "Enjoying the twenty questions. Is the replacement coming this week?",
        "Interesting theory. The seal was split when your driver handed it over.",
    ],
)
def test_questions_enjoyed_and_a_defence_called_a_theory_are_sarcasm(text: str) -> None:
    """Questions instead of an answer, enjoyed; a defence admired as a theory."""
    a = read_after_agent(
        text,
        "Could you confirm how the product was stored on arrival? Seals usually fail from heat.",
        COMPLAINT,
    )
    assert "press.sarcasm" in _ids(a), a.explain()


def test_closing_praise_after_an_earlier_but_is_sarcasm() -> None:
    """A "but" sentences before the praise sets nothing against it."""
    a = read_after_agent(
        "Thanks. But another day and no reply, we've bought the labels elsewhere. Great service 👍",
        _TEMPLATE,
        COMPLAINT,
    )
    assert "press.sarcasm" in _ids(a), a.explain()


def test_praise_set_against_the_failure_in_one_sentence_stays_meant() -> None:
    """ "it still fails, but the support has been great" is a contrast, not sarcasm."""
    a = read_after_agent(
        "It still jams now and then, but the support has been great.",
        "We've replaced the roller, let us know how it runs.",
        COMPLAINT,
    )
    assert "press.sarcasm" not in _ids(a), a.explain()


def _after_asked(text: str, opener: str, agent: str) -> Assessment:
    return read_after_agent(text, agent, opener)


@pytest.mark.parametrize("text", ["7731-B, as I said above", "Ref QT-5520. Still waiting."])
def test_a_reference_given_back_flatly_is_pushback(text: str) -> None:
    """Asked for a reference given in the first message, the customer gives it back flatly: the
    agent did not read the thread, and the coach is told so."""
    a = _after_asked(
        text,
        "Hi! Quote QT-5520 for part 7731-B arrived damaged, could you send a replacement?",
        "Hi! Could you let me know the quote reference and the part number?",
    )
    assert "dialog.pushback" in _ids(a), a.explain()
    assert a.agent_asked_given


@pytest.mark.parametrize(
    ("text", "agent"),
    [
        ("Sure! It's QT-5520, thanks 🙂", "Hi! Could you confirm the quote reference?"),
        ("QT-5521, the second one.", "Hi! Which quote is it, the first or the second?"),
        ("QT-5520.", "I've sent the replacement for QT-5520, tracking to follow."),
        (
            "Got it. I'll keep an eye on quote QT-5520 and report back.",
            "Could you check whether it happens on the other quotes too?",
        ),
    ],
)
def test_a_reference_given_back_warmly_new_or_unasked_is_no_pushback(text: str, agent: str) -> None:
    """Given back with thanks, a new reference, no question asked, or the reference named in
    passing beside the customer's own next step: no slip to point out."""
    a = _after_asked(
        text, "Hi! Quote QT-5520 arrived damaged, could you send a replacement?", agent
    )
    assert not a.agent_asked_given, a.explain()


def test_an_earlier_promise_quoted_against_what_happened_is_sarcasm() -> None:
    """The agent's words from two replies back, quoted beside what happened ("... meant not
    started"): an echo, not a label."""
    eng = engine()
    s = eng.start()
    s, _ = eng.read(s, Turn(C, "Hi! Is the frame still on for Thursday collection?", 1.0))
    s, _ = eng.read(s, Turn(Role.AGENT, "Yes, all in hand, ready Thursday morning!", 2.0))
    s, _ = eng.read(s, Turn(C, "We're at the shop now and they say it's not been cut?", 3.0))
    s, _ = eng.read(s, Turn(Role.AGENT, "Sorry, the glass was delayed, next week now.", 4.0))
    _, a = eng.read(s, Turn(C, 'So "all in hand" meant not even cut. Super helpful.', 5.0))
    assert a is not None and "press.sarcasm" in _ids(a), a.explain()


@pytest.mark.parametrize("text", ["where is it.", "need a date."])
def test_a_short_question_with_a_full_stop_after_a_holding_line_is_clipped(text: str) -> None:
    a = read_after_agent(text, "Sorry, it's on its way.", "Hi! Any ETA on tonight's delivery?")
    assert "ctx.clipped" in _ids(a), a.explain()


@pytest.mark.parametrize("text", ["It's 4:10. Nothing yet.", "Still on the dock ⏳"])
def test_the_wait_said_flatly_or_shown_is_still_waiting(text: str) -> None:
    a = read_after_agent(text, "It'll be with you this afternoon.", "Hi! ETA on the pallet?")
    assert "wait.still" in _ids(a), a.explain()


@pytest.mark.parametrize(
    "text",
    [
        "Perfect, we've enough of the old stock to keep going till Friday. Thanks!",
        "Lifting that cabinet nearly killed me getting it up the stairs lol, it looks amazing.",
    ],
)
def test_quantity_and_effort_jokes_stay_calm(text: str) -> None:
    """ "enough of the old stock" is a quantity, "keep going" is carrying on, and effort
    joked about is no harm."""
    assert_calm(read_one(text))


# Batches 247-250 (95 of 120 on first play).
@pytest.mark.parametrize(
    "text",
    [
        "I can read. The label says medium, clear as day.",
        "that's... exactly what we did? 10 minutes, just like the packet says",
        "That's the routine we followed, every step.",
        "Booked for which day. That was the whole question.",
    ],
)
def test_advice_already_followed_and_the_question_missed_are_pushback(text: str) -> None:
    """Told to do what they did, or answered beside the question, the customer points it out."""
    a = read_after_agent(text, "Thanks! Have you followed the instructions on the pack?", COMPLAINT)
    assert "dialog.pushback" in _ids(a), a.explain()


@pytest.mark.parametrize(
    "agent",
    [
        "Milk should be refrigerated at 0-5°C immediately on arrival.",
        "Herbs need to be kept somewhere cool. I'd recommend checking your cold room.",
        "The two tins look alike so it's easy to confuse them.",
    ],
)
def test_a_storage_lecture_or_a_misreading_suggested_is_defensive(agent: str) -> None:
    assert "agent.defensive" in engine().agent_families(agent.lower())


def test_applause_after_a_reply_that_did_nothing_in_an_aggrieved_thread_is_a_slow_clap() -> None:
    """Applause after a reply that did nothing, once the customer has complained, mocks it;
    applause after a fix does not."""
    opener = "Your fitter was booked for 8am. It's 11 and nobody has come or rung. Again."
    clap = read_after_agent(
        "Brilliant. The staff love waiting around 👏👏",
        "The fitter will be with you today.",
        opener,
    )
    assert "press.sarcasm" in _ids(clap), clap.explain()
    fixed = read_after_agent(
        "He's here and it's working 👏👏", "I've sent Dan, he's 5 minutes away.", opener
    )
    assert "press.sarcasm" not in _ids(fixed), fixed.explain()


@pytest.mark.parametrize(
    "text",
    [
        "Lovely. I'll just tell the kids there's no swimming then.",
        "Great, I'll tell the guests the leak is part of the charm too then 👍",
    ],
)
def test_the_non_answer_relayed_to_the_customers_own_people_is_sarcasm(text: str) -> None:
    a = read_after_agent(
        text, "Unfortunately that isn't covered, as stated in our terms.", COMPLAINT
    )
    assert "press.sarcasm" in _ids(a), a.explain()


def test_praise_closing_what_a_refusal_leaves_them_with_is_sarcasm() -> None:
    a = read_after_agent(
        "So I pay for 20 and use 14, and that's my problem. Ok. Very nice.",
        "Unfortunately we can't guarantee every single item.",
        COMPLAINT,
    )
    assert "press.sarcasm" in _ids(a), a.explain()


def test_a_few_weeks_thrown_back_is_the_agents_figure() -> None:
    a = read_after_agent(
        "A couple of weeks. Right. And the invoices meanwhile?",
        "It can take a couple of weeks for the meter to connect.",
        COMPLAINT,
    )
    assert "dialog.pushback" in _ids(a), a.explain()


def test_the_fourth_ask_counted_flatly_is_a_loop() -> None:
    a = read_after_agent("Fourth time then. Credit note for INV-22.", "I've chased it again.")
    assert "repeat.loop" in _ids(a), a.explain()


def test_perishables_spoiled_on_arrival_are_a_problem() -> None:
    a = read_one("Today's salad leaves came in warm and are already going slimy.")
    assert "problem.wrong" in _ids(a), a.explain()


# Batches 251-254 (99 of 120 on first play).
@pytest.mark.parametrize(
    ("text", "agent"),
    [
        ("soon. right. has it actually left?", "Your parcel should be with you soon."),
        ("Shortly. OK. Is that today?", "Someone from the team will call you shortly."),
    ],
)
def test_the_agents_vague_promise_thrown_back_flatly_is_sarcasm(text: str, agent: str) -> None:
    a = read_after_agent(text, agent, COMPLAINT)
    assert "press.sarcasm" in _ids(a), a.explain()


def test_a_vague_word_taken_with_thanks_stays_meant() -> None:
    a = read_after_agent("Soon. Ok, thanks for checking!", "It should be with you soon.", COMPLAINT)
    assert "press.sarcasm" not in _ids(a), a.explain()


def test_the_day_it_ruined_praised_flatly_is_deadpan() -> None:
    eng = engine()
    s = eng.start()
    opener = (
        "The replacement rolls never turned up and we're short again today, second time this week."
    )
    s, _ = eng.read(s, Turn(C, opener, 1.0))
    s, _ = eng.read(s, Turn(Role.AGENT, "Strange, it shows here. Maybe the bakery missed it?", 2.0))
    _, a = eng.read(s, Turn(C, "Maybe. 90 covers and no rolls. Great start to a Sunday.", 3.0))
    assert a is not None and "press.sarcasm" in _ids(a), a.explain()


@pytest.mark.parametrize(
    "agent",
    [
        "We recommend storing them in a cool, dry place.",
        "This can happen naturally and it doesn't affect the product.",
        "Our kitchen follows strict hygiene procedures and everything is checked.",
    ],
)
def test_the_product_defended_is_defensive(agent: str) -> None:
    assert "agent.defensive" in engine().agent_families(agent.lower())


# Batches 255-258 (105 of 120 on first play).
@pytest.mark.parametrize(
    "agent",
    [
        "The panel thickness is well within our manufacturing tolerances.",
        "Some fading in the first weeks is completely natural.",
        "Shrinkage during drying is natural and is allowed for in the price.",
    ],
)
def test_the_fault_called_within_tolerance_or_natural_is_defensive(agent: str) -> None:
    assert "agent.defensive" in engine().agent_families(agent.lower())


def test_a_natural_material_named_is_no_defence() -> None:
    agent = "Our baskets are natural willow, woven by hand in Somerset."
    assert "agent.defensive" not in engine().agent_families(agent.lower())


@pytest.mark.parametrize(
    "text",
    [
        "Right. Normal wear. Very helpful. And the other two chairs?",
        "Good to know how your warranty works 🙂",
    ],
)
def test_a_defence_called_helpful_or_noted_as_how_they_work_is_sarcasm(text: str) -> None:
    a = read_after_agent(text, "Some wear on the frames is considered normal use.", COMPLAINT)
    assert "press.sarcasm" in _ids(a), a.explain()


def test_a_defence_thanked_for_its_help_stays_meant() -> None:
    a = read_after_agent(
        "Thanks for explaining, very helpful. We'll reorder the heavier grade.",
        "Some wear on the frames is considered normal use.",
        COMPLAINT,
    )
    assert "press.sarcasm" not in _ids(a), a.explain()


def test_thanks_taken_back_as_given_is_sarcasm() -> None:
    a = read_after_agent(
        "Thanks... I suppose. That's the second set with the same fault though.",
        "We apologise for any inconvenience caused.",
        COMPLAINT,
    )
    assert "press.sarcasm" in _ids(a), a.explain()


def test_big_thanks_closing_a_pushback_is_sarcasm() -> None:
    a = read_after_agent(
        "So nobody can actually tell me, just the FAQ again. Thank you very much.",
        "Please see our FAQ for the steps.",
        COMPLAINT,
    )
    assert "press.sarcasm" in _ids(a), a.explain()


def test_praise_for_a_tip_then_the_ask_as_a_choice_is_sarcasm() -> None:
    a = read_after_agent(
        "Lovely idea, I'll sand 40 doors by hand tonight then. Are you replacing them or not?",
        "You could try a light sanding, that often helps with raised grain.",
        COMPLAINT,
    )
    assert "press.sarcasm" in _ids(a), a.explain()


def test_what_was_asked_for_said_to_be_up_there_is_given_again() -> None:
    a = read_after_agent(
        "already attached. see above. two pictures.",
        "Could you send us pictures of the damage please?",
        "Two of the chairs came with split seats, pictures attached. Order 5521.",
    )
    assert a.agent_asked_given, a.explain()


def test_a_new_thing_sent_as_asked_is_no_reread() -> None:
    a = read_after_agent(
        "Sure, here are two more pictures from the side.",
        "Could you send us pictures from the side please?",
        "Two of the chairs came with split seats, pictures attached. Order 5521.",
    )
    assert not a.agent_asked_given, a.explain()


@pytest.mark.parametrize(
    "text",
    ["It's not the charger. Two chargers, same fault.", "Was not storage. Kept in the office."],
)
def test_the_agents_explanation_denied_in_its_own_word_pushes_back(text: str) -> None:
    a = read_after_agent(
        text,
        "This is usually the charger, or how the units were in storage before use.",
        "Four of the handsets won't hold a charge past lunchtime.",
    )
    assert "dialog.pushback" in _ids(a), a.explain()


def test_an_agents_word_denied_as_no_trouble_is_no_pushback() -> None:
    a = read_after_agent(
        "That's not a problem. Tuesday works.",
        "Sorry for the problem, the replacements will arrive Tuesday.",
        "Four of the handsets won't hold a charge past lunchtime.",
    )
    assert "dialog.pushback" not in _ids(a), a.explain()


def test_goods_crushed_in_transit_are_a_problem() -> None:
    a = read_one("Six of the lampshades arrived crushed and one frame has caved in.")
    assert "problem.wrong" in _ids(a), a.explain()


def test_the_rule_quoted_back_met_with_an_emphatic_did_pushes_back() -> None:
    a = read_after_agent(
        "We did fill in the form. On the 3rd. So why was it turned down?",
        "Refund requests must be made using the online form within 14 days.",
        "We were charged twice for March and nobody has answered our emails.",
    )
    assert "dialog.pushback" in _ids(a), a.explain()


def test_an_emphatic_did_that_worked_is_no_pushback() -> None:
    a = read_after_agent(
        "I did send it again and it worked, thanks!",
        "Could you try sending the file again?",
    )
    assert "dialog.pushback" not in _ids(a), a.explain()


def test_the_line_of_the_first_message_pointed_at_gives_the_reference_again() -> None:
    a = read_after_agent(
        "PO-4410. top line of my message.",
        "Could you share the order number so I can look into it?",
        "PO-4410: six of the trestles have cracked feet. need replacements this week",
    )
    assert a.agent_asked_given, a.explain()


# Batches 259-262 (102 of 120 on first play).
def test_a_few_words_of_the_reply_then_a_flat_right_is_sarcasm() -> None:
    a = read_after_agent(
        "With the team. Right. Same team as Monday I take it.",
        "I've chased it and it's with the team.",
        COMPLAINT,
    )
    assert "press.sarcasm" in _ids(a), a.explain()


def test_the_replys_day_taken_with_thanks_stays_meant() -> None:
    a = read_after_agent(
        "Tuesday. Great, thanks!", "The engineer can come on Tuesday morning.", COMPLAINT
    )
    assert "press.sarcasm" not in _ids(a), a.explain()


def test_praise_for_the_replys_own_words_before_an_emoji_is_sarcasm() -> None:
    a = read_after_agent(
        "Wonderful, in due course 🙌 the show opens Friday so we'll see",
        "Thanks for submitting! Our team will review it in due course.",
        COMPLAINT,
    )
    assert "press.sarcasm" in _ids(a), a.explain()


@pytest.mark.parametrize(
    "agent",
    [
        "Thanks for submitting! Our team will review it in due course.",
        "For all billing queries please complete the form on our website.",
    ],
)
def test_the_templates_own_words_are_canned(agent: str) -> None:
    assert "agent.canned" in engine().agent_families(agent.lower())


def test_an_ask_above_the_agent_said_with_a_long_object_is_above_their_level() -> None:
    agent = "I'm not able to authorise a full refund on a contract order of that size myself."
    assert "agent.above_level" in engine().agent_families(agent.lower())


def test_the_reply_promised_and_never_heard_is_neglect() -> None:
    a = read_after_agent(
        "Hi, following up, didn't hear back yesterday. Is Friday still on?",
        "I'll check with the workshop and come back to you today.",
    )
    assert "neglect.ignored" in _ids(a), a.explain()


def test_no_word_from_a_third_party_is_no_neglect_of_ours() -> None:
    a = read_one("We didn't hear back from the courier, could you check the tracking for us?")
    assert "neglect.ignored" not in _ids(a), a.explain()


def test_someone_asked_to_do_it_or_not_is_an_ultimatum() -> None:
    a = read_after_agent(
        "Same as the card says. Can someone bring another heater or not?",
        "Another thing to check is the thermostat dial.",
        COMPLAINT,
    )
    assert "press.question" in _ids(a), a.explain()


def test_the_advice_done_to_the_letter_and_more_pushes_back() -> None:
    a = read_after_agent(
        "Did all that, plus a full reset. Still the same.",
        "Try switching it off and on and checking the fuse.",
        COMPLAINT,
    )
    assert "dialog.pushback" in _ids(a), a.explain()


def test_a_short_question_about_the_part_typed_with_a_full_stop_is_clipped() -> None:
    a = read_after_agent("When is the part due.", "The workshop are still waiting on a part.")
    assert "ctx.clipped" in _ids(a), a.explain()


def test_a_strained_smile_beside_pushback_is_no_cheer() -> None:
    a = read_after_agent(
        "I've fitted these for ten years 😅 did all that, plus a new washer.",
        "Try tightening the gland nut a quarter turn.",
        COMPLAINT,
    )
    assert "calm.cheer" not in _ids(a) and "dialog.pushback" in _ids(a), a.explain()


def test_a_smile_laughed_out_beside_pushback_stays_cheer() -> None:
    a = read_after_agent(
        "haha did all that, plus a new washer 😅 my plumber says hi",
        "Try tightening the gland nut a quarter turn.",
        COMPLAINT,
    )
    assert "calm.cheer" in _ids(a), a.explain()


# Batches 263-266 (104 of 120 on first play).
def test_a_huff_taken_back_as_kidding_is_play() -> None:
    a = read_one("if it's not on the van I'm storming round there 😤 (kidding, see you Friday)")
    assert "emoji.upset" not in _ids(a), a.explain()


def test_a_huff_beside_a_real_failure_stays_upset_kidding_or_not() -> None:
    a = read_one("Third no-show this week 😤 and I'm not kidding about cancelling the van.")
    assert "emoji.upset" in _ids(a), a.explain()


def test_a_claim_quoted_and_redefined_is_sarcasm() -> None:
    a = read_after_agent(
        'So "next day" means four working days and a missed party.',
        "Next-day orders are dispatched within one to four working days.",
        COMPLAINT,
    )
    assert "press.sarcasm" in _ids(a), a.explain()


def test_a_quoted_term_asked_about_is_no_sarcasm() -> None:
    a = read_after_agent('So "archived" means they still exist?', "I've archived those projects.")
    assert "press.sarcasm" not in _ids(a), a.explain()


def test_the_same_link_named_after_a_sigh_says_it_goes_round() -> None:
    a = read_after_agent(
        "Ah, the link again. I'll tape it shut tonight then.",
        "Please follow the steps in the guide: https://example.com/setup",
        COMPLAINT,
    )
    assert "repeat.loop" in _ids(a), a.explain()


def test_the_page_read_before_asking_pushes_back() -> None:
    a = read_after_agent(
        "We read the returns policy before we wrote. The photos are in the first message.",
        "Please see our returns policy here: https://example.com/returns",
    )
    assert "dialog.pushback" in _ids(a), a.explain()


def test_the_promised_day_come_and_gone_is_a_broken_promise() -> None:
    a = read_after_agent(
        "thursday came and went. still no quote", "I'll get it to you by Thursday."
    )
    assert "promise.broken" in _ids(a), a.explain()


def test_the_fault_called_what_the_material_is_prone_to_is_defensive() -> None:
    agent = "Carbon steel pans can be more prone to spotting if left to air dry."
    assert "agent.defensive" in engine().agent_families(agent.lower())


def test_the_agents_word_denied_before_a_comma_pushes_back() -> None:
    a = read_after_agent(
        "They're not pending, both have cleared on my statement.",
        "Duplicate payments are usually pending authorisations that drop off.",
        "I've been charged twice for the same booking, £22 and £22.",
    )
    assert "dialog.pushback" in _ids(a), a.explain()


def test_the_refusal_read_off_a_non_answer_is_clipped() -> None:
    a = read_after_agent(
        "Right. So no.", "The form is the quickest way for us to process claims.", COMPLAINT
    )
    assert "ctx.clipped" in _ids(a), a.explain()


def test_the_commercial_team_signing_off_above_a_limit_is_above_the_agent() -> None:
    agent = "I'm afraid anything over £2,000 needs sign-off from our commercial team."
    assert "agent.above_level" in engine().agent_families(agent.lower())


def test_a_yes_within_spec_answering_the_question_is_no_defence() -> None:
    agent = "Yes, within spec: we allow one shade between slot pairs on the top settings."
    assert "agent.defensive" not in engine().agent_families(agent.lower())


def test_their_own_thing_that_got_crushed_is_no_fault_of_ours() -> None:
    a = read_one("any spare display stands? ours got crushed under a box of tinsel lol")
    assert "problem.wrong" not in _ids(a), a.explain()


# Batches 267-270 (session 45): the agent's blame said back, the reply shown to have moved
# nothing, sent round in a circle, the clock as the nudge, and what was asked for said to be
# further up.


@pytest.mark.parametrize(
    "text",
    [
        "Ok so is my fault. Three days of orders lost 👍",
        "So it's still our mains supply then. Noted.",
        "Love that it's somehow our router again.",
    ],
)
def test_the_agents_blame_said_back_pushes_back(text: str) -> None:
    a = read_after_agent(text, "This is usually caused by the customer's own network.", COMPLAINT)
    assert "dialog.pushback" in _ids(a), a.explain()


def test_owning_the_slip_with_an_apology_is_no_pushback() -> None:
    a = read_after_agent(
        "Oh so it's my mistake, sorry! I'll re-enter it.",
        "It looks like the postcode was typed with a space missing.",
    )
    assert "dialog.pushback" not in _ids(a), a.explain()


@pytest.mark.parametrize(
    "text",
    [
        "Escalated is nice, but it doesn't tell me anything. When will I know?",
        "A ticket doesn't actually get the boiler fixed.",
        "Yes, that's the first place I looked. It says to contact you.",
        "I don't want a voucher, I want the chairs that I paid for.",
        "But the courier is your courier, no? I never chose them.",
    ],
)
def test_a_reply_shown_to_move_nothing_is_pushback(text: str) -> None:
    a = read_after_agent(text, "I've raised it with the team, see our help page.", COMPLAINT)
    assert "dialog.pushback" in _ids(a), a.explain()


def test_the_shop_sending_the_customer_round_in_a_circle_goes_round() -> None:
    a = read_after_agent(
        "The app sent me to the website, the website sent me to the phone line and the phone "
        "line told me to write here.",
        "Please use the contact form on our website.",
        COMPLAINT,
    )
    assert "repeat.loop" in _ids(a), a.explain()


@pytest.mark.parametrize(
    ("text", "feature"),
    [
        ("It's 3:40 and still no engineer. We close at 5.", "promise.broken"),
        ("11:15. any news?", "wait.still"),
        ("Three deliveries in a row the same, bruised on one side.", "repeat.recur"),
        ("That's the second dryer of yours to develop a fault since May.", "repeat.recur"),
        ("The ink ran all over the linen and the cleaner says it won't come out.", "problem.wrong"),
    ],
)
def test_the_harm_told_another_way_is_read(text: str, feature: str) -> None:
    a = read_after_agent(text, "Thanks, I'll look into it.")
    assert feature in _ids(a), a.explain()


def test_a_ruined_diet_joke_is_no_damage() -> None:
    a = read_one("Your brownies have ruined me for every other bakery 😂 two more boxes please!")
    assert "problem.wrong" not in _ids(a), a.explain()


def test_the_label_quoted_against_the_advice_pushes_back() -> None:
    a = read_after_agent(
        "The label says 40. I've just checked it.",
        "We recommend washing these at 30 degrees on a gentle cycle.",
        COMPLAINT,
    )
    assert "dialog.pushback" in _ids(a), a.explain()


@pytest.mark.parametrize("text", ["Thanks, very enlightening.", "Brilliant, love a mystery."])
def test_a_lecture_praised_or_a_wait_enjoyed_is_sarcasm(text: str) -> None:
    a = read_after_agent(text, "Delays are normal at this time of year.", COMPLAINT)
    assert "press.sarcasm" in _ids(a), a.explain()


def test_a_mystery_box_loved_is_no_sarcasm() -> None:
    a = read_one("We love a mystery box! Could you add one to the order?")
    assert "press.sarcasm" not in _ids(a), a.explain()


def test_praise_after_a_face_closing_a_loss_is_sarcasm() -> None:
    a = read_after_agent(
        "so is my problem. 40 euro of paint in the bin 👍 great service",
        "The tins are checked before dispatch, so the dent must have happened later.",
        COMPLAINT,
    )
    assert "press.sarcasm" in _ids(a), a.explain()


def test_the_figure_said_back_with_what_it_does_pushes_back() -> None:
    a = read_after_agent(
        "10 working days puts us past the opening night.",
        "Reprints take 10 working days from approval.",
        COMPLAINT,
    )
    assert "dialog.pushback" in _ids(a), a.explain()


def test_which_answer_holds_typed_with_a_full_stop_is_clipped() -> None:
    a = read_after_agent(
        "So which is right.", "Our website says something else, please follow it.", COMPLAINT
    )
    assert "ctx.clipped" in _ids(a), a.explain()


def test_the_agents_words_quoted_and_denied_are_scorn() -> None:
    a = read_after_agent(
        '"Should arrive soon" isn\'t a date I can give the caterer.',
        "The warehouse says it should arrive soon.",
        COMPLAINT,
    )
    assert "press.sarcasm" in _ids(a), a.explain()


@pytest.mark.parametrize(
    "text", ["4471. blue. its in the message above", "Sent them with the first email. Same photos."]
)
def test_asked_for_what_they_gave_further_up(text: str) -> None:
    a = read_after_agent(
        text,
        "Could you send the order number and photos?",
        "Order 4471 came in the wrong colour, photos attached.",
    )
    assert a.agent_asked_given, a.explain()


@pytest.mark.parametrize(
    "agent",
    ["I can only authorise refunds up to £250.", "I'm only able to approve credits of up to 10%."],
)
def test_a_limit_of_the_agents_own_below_the_ask_is_above_them(agent: str) -> None:
    assert "agent.above_level" in engine().agent_families(agent.lower())


def test_a_house_discount_limit_is_no_authority_limit() -> None:
    agent = "We only offer discounts of up to 10% on bulk orders."
    assert "agent.above_level" not in engine().agent_families(agent.lower())


@pytest.mark.parametrize(
    "agent",
    [
        "I can't confirm anything until the review is complete.",
        "We'll refund you once the inspection is completed.",
    ],
)
def test_work_named_as_a_condition_is_not_done(agent: str) -> None:
    assert "agent.done" not in engine().agent_families(agent.lower())


def test_work_said_to_be_complete_is_done() -> None:
    assert "agent.done" in engine().agent_families("the inspection is complete.")


def test_a_title_quoted_and_turned_down_is_no_scorn() -> None:
    a = read_after_agent(
        '"Paranormal Activity" isn\'t really my kind of film, anything older?',
        "You might like Paranormal Activity, it's a classic.",
        "Hi, can you suggest a horror film for tonight?",
    )
    assert "press.sarcasm" not in _ids(a), a.explain()


# Batches 271-274 (session 45): blame handed back, the advice already followed, the referral
# shown to loop, the plan restated as the customer's chore, an ask the customer never made.


@pytest.mark.parametrize(
    "text",
    [
        "So it's your printer, not my artwork.",
        "So is not my fault. I checked twice.",
        "I think is problem with the resin, not with us.",
        "Brilliant. So it lands roughly two days after the wedding.",
        "Ok, so the courier did it. Good to know.",
        "We do three coats, like the instructions say.",
        "We've been through every carton twice. Nothing.",
        "That's what Monday was supposed to be.",
        "We've been servicing boilers for twenty years.",
        "The help page says to contact the support team. This is me contacting the support team.",
        "So my invoice is wrong and your system is right.",
        "I did read it before writing.",
        "Right. So it's our router.",
        "What's actually going to be different this time?",
        "And the date? That was the actual question.",
    ],
)
def test_blame_handed_back_or_the_advice_shown_followed_pushes_back(text: str) -> None:
    a = read_after_agent(text, "This is usually caused by how the product was used.", COMPLAINT)
    assert "dialog.pushback" in _ids(a), a.explain()


@pytest.mark.parametrize(
    "text",
    [
        "We've been using your pails for twelve years and never had this, thanks for checking.",
        "Oh so it's my fault, sorry! I'll re-enter it now.",
    ],
)
def test_loyalty_or_an_owned_slip_is_no_pushback(text: str) -> None:
    a = read_after_agent(text, "It looks like the postcode had a typo.")
    assert "dialog.pushback" not in _ids(a), a.explain()


def test_not_my_mistake_is_no_owned_slip() -> None:
    a = read_after_agent(
        "I wrote Ilia. So is not my mistake.", "Your order form says Ilja.", COMPLAINT
    )
    assert "calm.own_slip" not in _ids(a), a.explain()


def test_the_plan_restated_as_the_customers_chore_is_sarcasm() -> None:
    a = read_after_agent(
        "So the plan is we sand down 200 doors ourselves and hope the paint holds?",
        "Light sanding before repainting usually helps the finish.",
        COMPLAINT,
    )
    assert "press.sarcasm" in _ids(a), a.explain()


@pytest.mark.parametrize(
    ("text", "feature"),
    [
        ("I ask again, can you check the batch please?", "repeat.again"),
        ("That's the same answer as the last two times.", "repeat.loop"),
        ("That's what you said last time and the time before.", "repeat.loop"),
        ("Following up, it's been a week. Any date?", "wait.duration"),
        ("Are the spares coming Thursday or not.", "press.question"),
        ("ok. and the 12 replacements?", "press.question"),
    ],
)
def test_asking_again_told_another_way_is_read(text: str, feature: str) -> None:
    a = read_after_agent(text, "I'll chase the team and update you.", COMPLAINT)
    assert feature in _ids(a), a.explain()


@pytest.mark.parametrize(
    "agent",
    [
        "I've raised this with our packing team.",
        "Apologies, I've chased the warehouse again and will update you.",
    ],
)
def test_the_ask_passed_along_is_no_work_done(agent: str) -> None:
    assert "agent.done" not in engine().agent_families(agent.lower())


def test_a_replacement_raised_is_work_done() -> None:
    assert "agent.done" in engine().agent_families("i've raised a replacement order for you.")


def test_labour_not_agreed_myself_is_above_the_agent() -> None:
    agent = "I'm not able to agree labour costs at that level myself."
    assert "agent.above_level" in engine().agent_families(agent.lower())


@pytest.mark.parametrize(
    "text",
    ["M10. It is written in first message. 24 pieces.", "i attached it when i wrote this morning."],
)
def test_what_was_asked_for_said_to_be_given_already(text: str) -> None:
    a = read_after_agent(
        text,
        "Please send us the bolt size and a photo of the bracket.",
        "Wrong bolts in order 30417, we need 24 M10. Photo attached.",
    )
    assert a.agent_asked_given, a.explain()


def test_an_ask_the_customer_never_made_is_no_request_beyond_the_agent() -> None:
    eng = engine()
    state = eng.start()
    state, _ = eng.read(
        state, Turn(C, "One of the hens you sold us is a cockerel. What are our options?", 1.0)
    )
    state, _ = eng.read(
        state, Turn(Role.AGENT, "We are unable to offer refunds once birds have left us.", 2.0)
    )
    state, a = eng.read(
        state, Turn(C, "I wasn't asking for a refund, I was asking what to do with him.", 3.0)
    )
    assert a is not None and not eng.open_requests(state), a.explain()


def test_asks_counted_by_the_day_go_round() -> None:
    a = read_after_agent(
        "I've asked for these two certificates every working day since Monday and every answer "
        "is that QA know about it.",
        "I've chased QA again, they're aware.",
        COMPLAINT,
    )
    assert "repeat.loop" in _ids(a), a.explain()


def test_a_polite_ask_between_holding_lines_does_not_reset_the_rounds() -> None:
    eng = engine()
    state = eng.start()
    turns = [
        (C, "Could you send the certificate for PO 31877? Our audit is on the 19th."),
        (Role.AGENT, "No problem, I'll request it from QA."),
        (C, "Checking in on the certificate for PO 31877? Goods-in still have the parts on hold."),
        (Role.AGENT, "I've chased QA again, they're aware."),
    ]
    for i, (role, text) in enumerate(turns):
        state, _ = eng.read(state, Turn(role, text, float(i)))
    before = state.stuck_rounds
    state, _ = eng.read(state, Turn(C, "Thanks. Is there a date I can give our auditor?", 9.0))
    state, _ = eng.read(state, Turn(Role.AGENT, "Sorry, QA haven't come back yet.", 10.0))
    assert before >= 1 and state.stuck_rounds >= before


# Batches 275-278 (session 46): patience said to be gone, the excuse handed back as whose fault it
# is, the standard line answered with what the customer knew, the date said to be fixed, the
# vague promise asked back with "when.", the reference given "first thing", a pointed smile after
# the pointer, a defence's tip praised and answered, the evening spent on our fault, "very good
# service" after the cost, and agents who blame the material, cite a clause or recite the rule.


def test_patience_said_to_be_gone_is_upset() -> None:
    a = read_after_agent("Right. I've had it with your depot.", "We're looking into it.", COMPLAINT)
    assert "feel.upset" in _ids(a), a.explain()


@pytest.mark.parametrize(
    "text",
    [
        "Oh great, so it's the weather's fault. Again.",
        "I know the usual turnaround, I was told it had shipped.",
        "ok. but friday is friday",
    ],
)
def test_the_excuse_or_the_standard_line_handed_back_pushes_back(text: str) -> None:
    a = read_after_agent(text, "Delays like this are normally down to the weather.", COMPLAINT)
    assert "dialog.pushback" in _ids(a), a.explain()


def test_the_excuse_accepted_is_no_pushback() -> None:
    a = read_after_agent(
        "Ah ok, so it's the courier's fault, no worries, I'll chase them.",
        "The tracking shows the courier left it at the depot.",
    )
    assert "dialog.pushback" not in _ids(a), a.explain()


def test_the_vague_promise_asked_back_with_a_flat_when_is_sarcasm() -> None:
    a = read_after_agent(
        "back to me when. the van is booked for 8", "Someone will get back to you.", COMPLAINT
    )
    assert "press.sarcasm" in _ids(a), a.explain()


def test_a_shrug_then_when_typed_with_a_full_stop_is_clipped() -> None:
    a = read_after_agent("Ok. But when.", "It's with the engraver and in the queue!", COMPLAINT)
    assert "ctx.clipped" in _ids(a), a.explain()


def test_the_reference_given_first_thing_was_already_given() -> None:
    a = read_after_agent(
        "Order 5520, the first thing I wrote. Photos below.",
        "Could you send me your order number and some photos?",
        "Order 5520: four of the nets are torn. Need replacements by Friday.",
    )
    assert a.agent_asked_given, a.explain()


def test_a_smile_after_the_pointer_back_is_pointed() -> None:
    a = read_after_agent(
        "It's in my first message 🙂 BK-2210, 3 June.",
        "Could you send me your booking reference and the date?",
        "Hi, booking BK-2210 on 3 June: can we start half an hour later?",
    )
    assert "press.sarcasm" in _ids(a), a.explain()


def test_a_defences_tip_praised_and_answered_is_sarcasm() -> None:
    a = read_after_agent(
        "Thanks, great tip! We levelled the floor before it arrived. The door still sticks.",
        "Our cabinets are checked before dispatch; this is normally down to an uneven floor.",
        "The wardrobe door we got on Monday sticks halfway.",
    )
    assert "press.sarcasm" in _ids(a), a.explain()


def test_a_defences_tip_praised_and_tried_is_meant() -> None:
    a = read_after_agent(
        "Thanks, great tip! I'll check the floor with a level tonight.",
        "Our cabinets are checked before dispatch; this is normally down to an uneven floor.",
        "The wardrobe door we got on Monday sticks halfway.",
    )
    assert "press.sarcasm" not in _ids(a), a.explain()


@pytest.mark.parametrize(
    "text",
    [
        "Lovely, so I'll spend my Saturday straightening wire frames. Very helpful, thanks 👍",
        "Ok. So I drive back an hour and pay the lads for waiting. Very good service.",
    ],
)
def test_the_cost_of_a_non_answer_praised_is_sarcasm(text: str) -> None:
    a = read_after_agent(
        text, "Unfortunately parts can only be collected from the depot.", COMPLAINT
    )
    assert "press.sarcasm" in _ids(a), a.explain()


@pytest.mark.parametrize(
    "agent",
    [
        "Slate is a natural material, so small chips can happen.",
        "This is covered in clause 7 of our rental agreement.",
    ],
)
def test_the_fault_put_on_the_material_or_the_small_print_is_defensive(agent: str) -> None:
    assert "agent.defensive" in engine().agent_families(agent.lower())


def test_the_rule_recited_as_the_answer_is_canned() -> None:
    agent = "All return requests must go through the online portal so the team can review them."
    assert "agent.canned" in engine().agent_families(agent.lower())


def test_lying_flat_is_no_insult() -> None:
    a = read_one("The panel was lying flat on the bench when we measured it.")
    assert "feel.insult" not in _ids(a), a.explain()


def test_the_same_sentence_counted_by_the_week_goes_round() -> None:
    a = read_after_agent("Same line, week four.", "It's still with the warehouse.", COMPLAINT)
    assert "repeat.loop" in _ids(a), a.explain()


# Batches 279-282 (session 46): the agent's words asked back with "where." or shrugged at with
# "Ok.", the demand typed as a statement, the chore taken on "then", money off refused for the
# thing itself, the advice followed and the fault still there, the standard line set aside, a
# cause denied in two words, the same link named flatly, nothing arrived, a fix that mostly
# worked, a vent at the council, and agents who blame the light, the spec, the storage or the
# small print, or recite the process.


@pytest.mark.parametrize(
    "text",
    [
        "In transit where. It's 5pm.",
        "Someone will be in touch. Ok. Last time that took a week.",
        "Wonderful. I'll ask the kitchen to hand wash 200 plates a day then. Really helpful 👍",
    ],
)
def test_the_non_answer_said_back_or_its_chore_taken_on_is_sarcasm(text: str) -> None:
    a = read_after_agent(
        text,
        "Unfortunately damage from machine washing isn't covered. It shows as in transit and "
        "someone will be in touch.",
        COMPLAINT,
    )
    assert "press.sarcasm" in _ids(a), a.explain()


def test_the_thing_wanted_typed_as_a_statement_is_clipped() -> None:
    a = read_after_agent("When you send the part.", "Could you confirm the address?", COMPLAINT)
    assert "ctx.clipped" in _ids(a), a.explain()


@pytest.mark.parametrize(
    "text",
    [
        "Thanks... but I don't need money off next time, I need the chairs before Friday",
        "Checked them in daylight. Still blue.",
        "We follow the guide already.",
        "Done all that, twice.",
        "I'm not asking about usually.",
        "Friday doesn't move.",
    ],
)
def test_the_advice_followed_or_the_standard_line_set_aside_pushes_back(text: str) -> None:
    a = read_after_agent(text, "These can look different under shop lighting.", COMPLAINT)
    assert "dialog.pushback" in _ids(a), a.explain()


def test_a_cause_denied_in_two_words_after_a_defence_pushes_back() -> None:
    a = read_after_agent(
        "They weren't. Saturday.",
        "Please make sure they're not stacked, as pressure can cause the seams to split.",
        COMPLAINT,
    )
    assert "dialog.pushback" in _ids(a), a.explain()


def test_the_same_link_named_flatly_goes_round() -> None:
    a = read_after_agent("Same link. We do that every day.", "Please see our guide.", COMPLAINT)
    assert "repeat.loop" in _ids(a), a.explain()


def test_the_reference_attached_that_morning_was_given() -> None:
    a = read_after_agent(
        "Already attach. Look up, morning message.",
        "Could you please send a copy of the packing list?",
        "Testers missing from order 4471, packing list attached.",
    )
    assert a.agent_asked_given, a.explain()


def test_nothing_arrived_is_missing() -> None:
    a = read_after_agent("It's Friday 3pm and nothing has arrived.", "It will arrive Friday.")
    assert "problem.missing" in _ids(a), a.explain()


@pytest.mark.parametrize(
    ("text", "present", "absent"),
    [
        ("Did the reset, 3 of 4 took the update. The last one is stuck.", "calm.resolved", ""),
        ("Paired them again, 5 of them connected straight away.", "", "press.urgency"),
        ("Uploaded. 2 rows flagged for a missing postcode, I'll fix those.", "", "problem.missing"),
    ],
)
def test_a_fix_that_mostly_worked_is_a_report_not_a_complaint(
    text: str, present: str, absent: str
) -> None:
    a = read_after_agent(text, "Try a reset, then retry the update.")
    ids = _ids(a)
    assert (not present or present in ids) and (not absent or absent not in ids), a.explain()


def test_a_sarcastic_thanks_to_the_council_is_not_at_us() -> None:
    a = read_one(
        "The council have closed the road outside for resurfacing, cheers for that 🙃 Can we move "
        "the delivery to Monday?"
    )
    assert "press.sarcasm" not in _ids(a), a.explain()


@pytest.mark.parametrize(
    "agent",
    [
        "Our linens can look darker under artificial light.",
        "It was made to the spec on file.",
        "Please see section 2 of the user manual.",
        "Pressure can cause the seams to split.",
        "All our packs go through quality checks before leaving the warehouse.",
    ],
)
def test_the_fault_put_on_the_light_the_spec_the_storage_or_the_manual_is_defensive(
    agent: str,
) -> None:
    assert "agent.defensive" in engine().agent_families(agent.lower())


def test_the_process_recited_is_canned() -> None:
    agent = "Our standard returns process requires the item back first."
    assert "agent.canned" in engine().agent_families(agent.lower())


# Batches 283-286 (session 46): "not your fault" is no correction, a vent at whoever had the kit
# before, the check done already and the fault still there, the customer's paper against our
# system, the chore taken on "then" after thanks, a defence's guide praised and answered, a fix
# that works "as long as" it is not used, a promise called a story, and agents who blame the
# customer's order or supplies or point at a page of the guide.


def test_not_your_fault_is_no_correction() -> None:
    a = read_after_agent(
        "Perfect. One thing that's not your fault at all: our lift is out again.",
        "Done, moved to Thursdays.",
    )
    assert "dialog.no" not in _ids(a), a.explain()


def test_a_vent_at_whoever_had_the_kit_before_is_not_at_us() -> None:
    a = read_one(
        "Whoever had the mixer before me left it caked in dough 😤 I'm going to find them."
    )
    assert "emoji.upset" not in _ids(a), a.explain()


@pytest.mark.parametrize(
    "text",
    [
        "yes. twice. still drifts.",
        "Tightened it all the way. Still slips.",
        "The quote we emailed you says 300.",
    ],
)
def test_the_check_done_or_the_customers_paper_pushes_back(text: str) -> None:
    a = read_after_agent(text, "It may be that the quantity was entered incorrectly.", COMPLAINT)
    assert "dialog.pushback" in _ids(a), a.explain()


@pytest.mark.parametrize(
    ("agent", "text"),
    [
        (
            "We recommend watering them daily, as per our care guide 😊",
            "Wonderful, thanks. I'll be sure to water the dead ones daily then 👍",
        ),
        (
            "Please refer to page 3 of the assembly guide, which lists the fittings.",
            "Thanks, lovely guide. Page 3 shows four bolts. I have none.",
        ),
        (
            "Sometimes the beans can be too oily for the grinder.",
            "Brilliant, so the Friday thing was just a nice story then.",
        ),
    ],
)
def test_thanks_or_praise_for_a_non_answer_it_answers_is_sarcasm(agent: str, text: str) -> None:
    a = read_after_agent(text, agent, COMPLAINT)
    assert "press.sarcasm" in _ids(a), a.explain()


def test_works_as_long_as_it_is_not_used_is_not_fixed() -> None:
    a = read_after_agent(
        "Fantastic, so it works perfectly as long as I don't use it.",
        "Sometimes the beans can be too oily for the grinder.",
        COMPLAINT,
    )
    assert "calm.resolved" not in _ids(a), a.explain()


@pytest.mark.parametrize(
    "agent",
    [
        "It may be that the quantity was entered incorrectly when the order was placed.",
        "Sometimes the beans can be too oily for the grinder.",
        "Please refer to page 2 of the assembly guide.",
    ],
)
def test_the_slip_put_on_the_customer_or_the_page_pointed_at_is_defensive(agent: str) -> None:
    assert "agent.defensive" in engine().agent_families(agent.lower())


# Round 18 (batches 287-290): the agent's word asked back once after a defence, the pointer to the
# customer's own message, the template said back with a smile, the promised call told by its
# silence, a balance word, a voucher that is the product, a move the service cannot follow.
DEFENCE = "Please note colours can vary slightly between screen and print, as per our terms."


def test_the_defences_word_asked_back_once_and_answered_is_sarcasm() -> None:
    a = read_after_agent("Slightly? It's green. The order says blue.", DEFENCE, COMPLAINT)
    assert "press.sarcasm" in _ids(a), a.explain()


@pytest.mark.parametrize(
    "text",
    [
        "Slightly? What do you mean by slightly, the whole batch?",
        "Slightly? Fair enough, they look fine on the shelf. Can you send 20 more?",
    ],
)
def test_the_word_asked_about_or_accepted_is_no_sarcasm(text: str) -> None:
    a = read_after_agent(text, DEFENCE, COMPLAINT)
    assert "press.sarcasm" not in _ids(a), a.explain()


@pytest.mark.parametrize(
    "text",
    [
        "We did flush it. Twice. It's in the first message. The fault is still there.",
        "yep, both cables swapped. that was the second sentence of my message 🙂 still dead.",
    ],
)
def test_advice_answered_with_where_the_customer_said_it_is_not_being_read(text: str) -> None:
    a = read_after_agent(text, "Please try flushing the line and swapping both cables.", COMPLAINT)
    assert {"neglect.ignored", "dialog.pushback"} <= _ids(a), a.explain()
    assert "calm.cheer" not in _ids(a), a.explain()


def test_the_template_said_back_with_a_smile_is_sarcasm() -> None:
    template = (
        "Thank you for contacting support! A member of our team will respond within 1 business day."
    )
    a = read_after_agent(
        "A member of your team just did respond. With that. 🙂", template, COMPLAINT
    )
    assert "press.sarcasm" in _ids(a), a.explain()
    waiting = read_after_agent("Ok, I'll wait for someone then 🙂", template, COMPLAINT)
    assert "press.sarcasm" not in _ids(waiting), waiting.explain()


def test_the_promised_call_told_by_its_silence_is_a_broken_promise() -> None:
    a = read_after_agent(
        "Morning. Nobody rang yesterday. Could someone ring today please?",
        "So sorry, I'll get our manager to call you this afternoon.",
        COMPLAINT,
    )
    assert "promise.broken" in _ids(a), a.explain()


@pytest.mark.parametrize(
    "text",
    [
        "Could you also add a statement showing nothing outstanding? Our buyer asked for it.",
        "Can you list the outstanding invoices for March please?",
    ],
)
def test_a_balance_word_is_no_praise_taken_back(text: str) -> None:
    assert "calm.praise_not" not in _ids(read_after_agent(text)), text


def test_a_voucher_that_is_the_product_is_no_compensation_asked() -> None:
    bought = read_one("I bought a gift voucher (£240) on Monday and the voucher email never came.")
    assert not bought.requests, bought.explain()
    wanted = read_one("After all this I'd like a £50 voucher for the trouble.")
    assert RequestKind.COMPENSATION in {r.kind for r in wanted.requests}, wanted.explain()


def test_a_cancellation_for_a_move_the_service_cannot_follow_is_no_grievance() -> None:
    a = read_one(
        "Please cancel my box, I'm moving to Oslo next month and you don't ship there 😢 Thanks!"
    )
    assert not a.grievance, a.explain()
    assert not a.escalate, a.explain()


def test_the_same_reply_counted_says_it_goes_round() -> None:
    a = read_after_agent(
        "Four days, three identical replies and still no certificate.",
        "Thank you for your patience, QA will be in touch.",
        COMPLAINT,
    )
    assert "repeat.loop" in _ids(a), a.explain()


# Round 19 (batches 291-294): the agent's word made a tautology, the promise's words quoted back
# with the day, mock-formal outrage, praise routed through whoever does reviews, the customer's
# own counsel copied on papers.
def test_the_agents_word_made_a_tautology_is_sarcasm_even_beside_thanks() -> None:
    a = read_after_agent(
        "Understood. I'll tell our Friday diners that policy is policy. Thank you so much.",
        "I'm sorry, but our policy is that repairs are booked in order of receipt.",
        COMPLAINT,
    )
    assert "press.sarcasm" in _ids(a), a.explain()
    plain = read_after_agent(
        "Makes sense, a deal is a deal. Thanks!", "I've booked the repair for Monday.", COMPLAINT
    )
    assert "press.sarcasm" not in _ids(plain), plain.explain()


def test_the_promises_words_quoted_back_with_the_day_are_a_broken_promise() -> None:
    a = read_after_agent(
        '"Later this week" is what last week was. The drums are still full.',
        "Sorry! The collection should be later this week.",
        COMPLAINT,
    )
    assert "promise.broken" in _ids(a), a.explain()


def test_mock_formal_outrage_is_friendly_exaggeration() -> None:
    a = read_one("Formal complaint incoming: the last doughnut went by 9am. I demand justice.")
    assert "misread.hyperbole" in _ids(a), a.explain()


def test_praise_routed_through_whoever_does_reviews_asks_for_no_manager() -> None:
    a = read_after_agent(
        "Please do! And if you have a supervisor or whoever does reviews, tell them Ana deserves "
        "a raise 😂",
        "So glad it arrived in time, I'll pass your thanks to Ana.",
        "Just wanted to say thank you for getting our order out on Christmas Eve!",
    )
    assert CueKind.MANAGER_REQUEST not in {c.kind for c in a.cues}, a.explain()


def test_the_customers_own_counsel_copied_on_papers_is_no_heat() -> None:
    a = read_after_agent(
        "To me please, and cc our counsel, I'll DM you her email. ty!",
        "Happy to! Spec sheets go out today. Who should they go to?",
        "Our legal team does its usual review of packaging before print, could you send specs?",
    )
    assert not a.heated, a.explain()
    assert CueKind.LEGAL not in {c.kind for c in a.cues}, a.explain()


def test_the_consequence_spelled_out_and_closed_with_praise_is_sarcasm() -> None:
    a = read_after_agent(
        "So the new one gets here the day after the wedding. Lovely.",
        "We can send a replacement once the damaged one is back with us, 5-7 working days.",
        COMPLAINT,
    )
    assert "press.sarcasm" in _ids(a), a.explain()
    assert a.level in (Level.FRUSTRATED, Level.ANGRY), a.explain()
    # the reply's own plan said back and welcomed is an acceptance
    plain = read_after_agent(
        "Ok so it'll be with you Friday. Perfect.", "It'll be with you on Friday.", COMPLAINT
    )
    assert "press.sarcasm" not in _ids(plain), plain.explain()


def test_the_blame_handed_back_is_pushback_not_a_slip_owned() -> None:
    a = read_after_agent(
        "Your engineers wired the panel on Monday, not us. So how is that on us?",
        "This fault is usually caused by the unit not being installed to our guide.",
        COMPLAINT,
    )
    assert "dialog.pushback" in _ids(a), a.explain()
    assert "calm.own_slip" not in _ids(a), a.explain()
    owned = read_after_agent(
        "Ah, that's on us, we typed the wrong postcode. Sorry!", "Could you check the address?"
    )
    assert owned.level is Level.CALM, owned.explain()


def test_a_fault_put_on_what_the_customer_did_not_do_is_a_defence() -> None:
    families = engine().agent_families(
        "Stalling is almost always caused by the batteries not being charged overnight. As the "
        "karts were in your care on the day, we can't refund this."
    )
    assert "agent.defensive" in families, families


def test_the_same_promise_made_last_time_is_a_broken_promise() -> None:
    a = read_after_agent(
        "Last time you also promised a credit with the next invoice, and the invoice came "
        "without it again. What's different this time?",
        "Sorry! We'll add a credit to your next invoice.",
        COMPLAINT,
    )
    assert "promise.broken" in _ids(a), a.explain()
    assert "dialog.pushback" in _ids(a), a.explain()


def test_the_promised_call_missing_for_days_is_being_ignored_however_politely_put() -> None:
    a = read_after_agent(
        "Thank you. That was Monday. It is now Thursday and we have not been contacted. I would "
        "appreciate an actual date.",
        "Apologies, the engineer was moved to another job. We'll be in touch to rebook.",
        COMPLAINT,
    )
    assert {"neglect.ignored", "wait.duration", "dialog.pushback"} <= _ids(a), a.explain()
    # someone else's silence is not ours
    other = read_after_agent(
        "We have not been contacted by the courier yet, is that normal?",
        "It's with the courier now.",
    )
    assert "neglect.ignored" not in _ids(other), other.explain()


def test_the_customers_own_solicitors_hedged_answer_is_no_legal_step() -> None:
    a = read_one(
        "Hi! A former member asked us to erase her data under GDPR. Do we have to keep the signed "
        "waivers for a while? Our solicitor said probably yes but wasn't sure how your system "
        "handles it."
    )
    assert CueKind.LEGAL not in {c.kind for c in a.cues}, a.explain()
    assert not a.escalate, a.explain()


def test_the_question_asked_set_against_the_one_answered_is_pushback() -> None:
    a = read_after_agent(
        "It arrived thawed. I'm asking whether it's safe to sell and what you'll do about it, not "
        "how a freezer works.",
        "To keep it at its best, store it frozen at -18°C on receipt.",
        COMPLAINT,
    )
    assert "dialog.pushback" in _ids(a), a.explain()


def test_the_clause_cited_read_and_turned_back_is_pushback() -> None:
    a = read_after_agent(
        "I have read clause 7. It says you tell the customer before any extra work. Nobody did.",
        "As per our terms, additional charges may apply. Please see clause 7.",
        COMPLAINT,
    )
    assert "dialog.pushback" in _ids(a), a.explain()


def test_a_reply_that_repeats_the_tracker_is_pushed_back_on() -> None:
    a = read_after_agent(
        "That's what the status page says, yes 😅 I was hoping for something a human knows.",
        "Your repair is in progress and you'll be updated as soon as possible.",
        COMPLAINT,
    )
    assert "dialog.pushback" in _ids(a), a.explain()
    assert "calm.cheer" not in _ids(a), a.explain()


def test_the_joke_gone_out_of_it_is_upset() -> None:
    a = read_after_agent(
        "Tried that too. Same. The rota has to be out by 4. Not funny anymore tbh",
        "Could you try another browser?",
        "morning! export doing the thing again where everyone is on nights 😂 pls fix",
    )
    assert "feel.upset" in _ids(a), a.explain()


def test_praise_for_the_transparency_of_a_non_answer_is_sarcasm() -> None:
    a = read_after_agent(
        "so no date and no idea what's actually wrong with it. love the transparency ✨",
        "Repairs are handled in order of arrival. You'll be notified when it ships.",
        COMPLAINT,
    )
    assert "press.sarcasm" in _ids(a), a.explain()


def test_a_correction_played_down_is_an_aside() -> None:
    a = read_after_agent(
        "one small thing, the invoice says 2 x filters but only one was fitted? not fussed, just "
        "so your records are right",
        "Glad it's running well! Your next service is due in March.",
        "Just wanted to say the boiler's been perfect since the visit, thanks!",
    )
    assert "dialog.pushback" not in _ids(a), a.explain()
    assert a.level in (Level.CALM, Level.UNEASY), a.explain()


def test_a_business_closing_for_good_cancels_for_its_own_reason() -> None:
    a = read_one(
        "Hi all, bit of news: Jo and I are retiring and the bakery closes for good on the 30th. "
        "Could you cancel our weekly order after the 28th and close the account?"
    )
    assert not a.escalate, a.explain()
    assert a.level is Level.CALM, a.explain()


def test_a_charge_taken_twice_refunded_is_a_correction_not_a_grant() -> None:
    a = read_one("Hi, my card was charged twice for the annual pass, £240 x2. Can you refund one?")
    assert CueKind.BEYOND_AUTHORITY not in {c.kind for c in a.cues}, a.explain()
    grant = read_one("Hi, the class was cancelled. Can you refund the £240 pass?")
    assert RequestKind.REFUND in {r.kind for r in grant.requests}, grant.explain()


def test_asks_and_answers_counted_together_say_it_goes_round() -> None:
    a = read_after_agent(
        "Four emails, four versions of 'the team will be in touch'. It's £900 of stock.",
        "Our accounts team will be in touch as soon as possible.",
        COMPLAINT,
    )
    assert "repeat.loop" in _ids(a), a.explain()


def test_the_answer_asked_for_set_against_the_policy_sent_is_pushback() -> None:
    a = read_after_agent(
        "Thank you for the policy. My question was about the duplicate £48.50, which the policy "
        "does not mention.",
        "Per our billing policy, disputes must be raised within 5 days. Policy attached.",
        COMPLAINT,
    )
    assert "dialog.pushback" in _ids(a), a.explain()


# Batches 303-306 (round 22).


def test_an_annoyance_played_down_in_a_polite_report_is_not_anger() -> None:
    a = read_one(
        "Hello, my parcel (order 55120) was promised in 2 days and it's day 4, still nothing. "
        "bit annoying as the old charger is broken already. Could you check please?"
    )
    assert a.level in (Level.CALM, Level.UNEASY), a.explain()


def test_saying_you_will_send_it_again_yourself_is_no_recurrence() -> None:
    a = read_after_agent(
        "ah ok. we correct the file and import again",
        "Row 12 needs the new code, the rest of the file is fine.",
        "Hi, the import fails on row 12, can you help?",
    )
    assert "repeat.recur" not in _ids(a), a.explain()
    assert a.level in (Level.CALM, Level.UNEASY), a.explain()


def test_a_vague_promise_quoted_back_and_shrugged_at_is_sarcasm_whatever_thanks_close_it() -> None:
    a = read_after_agent(
        '"Soon." Ok. So I\'ll tell the club we have no kit for the final. Many thanks for the '
        "clarity.",
        "Your order is in production and will ship soon.",
        COMPLAINT,
    )
    assert "press.sarcasm" in _ids(a), a.explain()
    took = read_after_agent(
        '"Soon." Ok, thanks!', "Your order is in production and will ship soon.", COMPLAINT
    )
    assert "press.sarcasm" not in _ids(took), took.explain()


def test_advice_that_hands_back_what_was_paid_for_is_pushback_and_stacked_praise_mocks_it() -> None:
    a = read_after_agent(
        "we paid you £300 so we wouldn't have to strip the engine ourselves. brilliant, "
        "fantastic, love the homework. so is someone coming or not",
        "Have you tried cleaning the carburettor? It's a quick job.",
        COMPLAINT,
    )
    assert "dialog.pushback" in _ids(a), a.explain()
    assert "press.sarcasm" in _ids(a), a.explain()
    thanks = read_after_agent(
        "Great, amazing, thank you! That fixed it.",
        "I've reset the controller from our side, could you try again?",
        COMPLAINT,
    )
    assert "press.sarcasm" not in _ids(thanks), thanks.explain()


def test_a_played_down_cause_answered_with_an_ironic_sure_is_sarcasm() -> None:
    a = read_after_agent(
        "Sure, I'll ask the man who waited an hour in the rain to clear his cache. I'm sure "
        "that'll make his week.",
        "It's probably a browser issue on his side, he could just clear the cache.",
        "Hi, two customers were both booked into the 9am slot and one was sent home.",
    )
    assert "press.sarcasm" in _ids(a), a.explain()


def test_the_answer_promised_for_an_earlier_day_is_a_broken_promise() -> None:
    a = read_after_agent(
        "That's what you were going to confirm on Monday. It's Thursday.",
        "The warehouse team will be in touch about next steps.",
        COMPLAINT,
    )
    assert "promise.broken" in _ids(a), a.explain()


@pytest.mark.parametrize(
    "text",
    [
        "Thanks, but that doesn't really answer it. Is it here by Friday or not?",
        "10 years running this salon and my staff suddenly forgot how to file a nail?",
        "Could someone actually update the address on the account? It's a two-minute job.",
    ],
)
def test_the_answer_or_the_blame_turned_back_is_pushback(text: str) -> None:
    a = read_after_agent(text, "Please make sure the steps in our guide are followed.", COMPLAINT)
    assert "dialog.pushback" in _ids(a), a.explain()


def test_praise_after_a_face_starts_a_sentence_of_its_own() -> None:
    a = read_after_agent(
        "so 8 years doing this and I suddenly forgot how to mix it, only with this one batch 🙂 "
        "Super helpful. Are you replacing them or not?",
        "Please make sure the product is mixed well before use.",
        COMPLAINT,
    )
    assert "press.sarcasm" in _ids(a), a.explain()


def test_news_the_agent_does_not_have_is_not_an_ask_refused() -> None:
    eng = engine()
    for reply in (
        "I'm unable to give exact times while the driver is on route.",
        "Due to high demand we're unable to give specific delivery dates at this time.",
    ):
        assert "agent.cannot_grant" not in eng.agent_families(reply), reply
    assert "agent.cannot_grant" in eng.agent_families("I'm unable to give a refund on this order.")


def test_the_place_someone_is_cold_up_there_is_not_where_a_message_says_it() -> None:
    a = read_after_agent(
        "12 S, 8 M. Any chance they land before the 18th? it's going to be freezing up there 🥶",
        "Lovely! What split of sizes do you want?",
        "Hiya, can we reorder 20 more hats, same as last time? Mix of S and M",
    )
    assert "dialog.pushback" not in _ids(a), a.explain()
    pointed = read_after_agent(
        "It's all up there.",
        "Could you send us the order number?",
        "Hiya, order 88120 arrived damaged, can you help?",
    )
    assert "dialog.pushback" in _ids(pointed), pointed.explain()


# Batches 307-310 (round 23).


def test_a_retirement_said_in_idioms_cancels_with_no_complaint() -> None:
    a = read_one(
        "Morning. After 25 years I'm hanging up my boots, my back has had enough of the ladders. "
        "Please cancel the plan at renewal. Thanks for a great service all these years."
    )
    assert not a.grievance, a.explain()
    assert not a.escalate, a.explain()
    hung = read_one("The app keeps hanging on the login screen and I've had enough of it.")
    assert "problem.broken" in _ids(hung) and "feel.upset" in _ids(hung), hung.explain()


def test_a_repeat_called_a_mild_grumble_is_an_aside() -> None:
    a = read_one(
        "minor gripe: the delivery note came without prices again 🙄 not the end of the world, "
        "accounts just flagged it"
    )
    assert "repeat.recur" not in _ids(a), a.explain()
    assert a.level in (Level.CALM, Level.UNEASY), a.explain()


def test_switching_the_account_to_a_currency_or_billing_period_is_no_churn() -> None:
    a = read_after_agent(
        "Annoying that the invoice still shows dollars when we switched the account to EUR.",
        "Sorry about that, let me look.",
        COMPLAINT,
    )
    assert CueKind.CHURN not in {c.kind for c in a.cues}, a.explain()


def test_the_customer_paying_for_an_extra_is_no_threat() -> None:
    a = read_one("Lovely, and add a second tin of the wax, I'll pay for it on the same card.")
    assert not a.cues, a.explain()
    threat = read_after_agent("You'll pay for this.", "That is our policy.", COMPLAINT)
    assert CueKind.THREAT_ABUSE in {c.kind for c in threat.cues}, threat.explain()


@pytest.mark.parametrize(
    ("text", "reply"),
    [
        (
            "Wasn't a mistake on my side. The label says one thing, the box another.",
            "Could you double-check the order you placed?",
        ),
        (
            "I re-ran it on two machines, so it's the update not us.",
            "It may be your setup, please try reinstalling.",
        ),
        (
            "So it's my fault, then. Great.",
            "Our batches are all tested and nobody else has reported this.",
        ),
        (
            "I'm not looking for a lecture on storage, the box was in the fridge.",
            "Cheese sweats when it's stored too warm, please check your fridge.",
        ),
        (
            "Oh wonderful, restart it, why didn't I think of that. Still blank.",
            "Have you tried restarting the device?",
        ),
    ],
)
def test_blame_handed_back_or_an_obvious_tip_mocked_is_pushback(text: str, reply: str) -> None:
    a = read_after_agent(text, reply, COMPLAINT)
    assert "dialog.pushback" in _ids(a), a.explain()


def test_a_sincere_why_didnt_i_think_of_that_is_no_pushback() -> None:
    a = read_after_agent(
        "Ha, why didn't I think of that, it works now. Thanks!",
        "Have you tried restarting the device?",
        "Hi, the screen went blank after the update, any ideas?",
    )
    assert "dialog.pushback" not in _ids(a), a.explain()


def test_the_fault_unchanged_in_two_words_after_the_tips_is_a_repeat() -> None:
    a = read_after_agent(
        "Tried both browsers and a different laptop. Same error. The export is due at noon.",
        "Could you try another browser and clear your cache?",
        "Hi, the export page errors out for us since this morning.",
    )
    assert "repeat.again" in _ids(a), a.explain()
    same = read_after_agent(
        "Same here, we love it. Can we add two more seats?",
        "Glad the new layout works for you!",
        "Hi, the new layout is great.",
    )
    assert "repeat.again" not in _ids(same), same.explain()


def test_the_promised_time_gone_by_and_the_same_line_again_are_named() -> None:
    gone = read_after_agent(
        "Nothing came this morning. The fitters start Friday.",
        "I'll chase the factory and come back to you first thing tomorrow.",
        "Hi, any news on the hinge delivery? We were told Tuesday.",
    )
    assert "promise.broken" in _ids(gone), gone.explain()
    again = read_after_agent(
        "That's what Monday's reply said as well. I need a date today.",
        "We're still waiting on the factory and will let you know.",
        "Hi, any news on the hinge delivery? We were told Tuesday.",
    )
    assert "repeat.loop" in _ids(again), again.explain()


def test_a_refund_already_promised_chased_asks_for_no_grant() -> None:
    a = read_one(
        "Hi, the course was cancelled and the office said the refund would be automatic. "
        "It's been 12 days and €640 hasn't come back. Can you check?"
    )
    assert RequestKind.REFUND not in {r.kind for r in a.requests}, a.explain()
    ask = read_one("The course was cancelled. I want the €640 refunded, please.")
    assert RequestKind.REFUND in {r.kind for r in ask.requests}, ask.explain()


def test_our_own_solicitor_on_our_own_paperwork_is_no_legal_threat() -> None:
    eng = engine()
    state = eng.start()
    turns = [
        (
            Role.CUSTOMER,
            "Hi! Our solicitor is reviewing the lease and asked for your insurance "
            "certificate, could you send it over?",
        ),
        (Role.AGENT, "Of course, attached is the certificate."),
        (Role.CUSTOMER, "Perfect, forwarding to the solicitor now. Thanks!"),
    ]
    for i, (role, text) in enumerate(turns):
        state, a = eng.read(state, Turn(role, text, float(i)))
    assert CueKind.LEGAL not in {c.kind for c in a.cues}, a.explain()
    assert not a.escalate, a.explain()


# Batches 311-314 (round 24).


@pytest.mark.parametrize(
    ("text", "agent", "opener"),
    [
        (  # the answer's premise turned back
            "Shelf life isn't the point here and you know that. I'm not asking if it's legal.",
            "Our flour is well within its best-before date.",
            "Hi, the rye flour from Monday's drop smells musty. Can you check the batch?",
        ),
        (  # the agent's own page quoted back
            "It's right there on your own trade page: next-day dispatch. So where is it?",
            "Dispatch can take up to five working days.",
            "Hi, order T-5512 hasn't shipped yet, any news?",
        ),
        (  # the blame handed back, with the proof
            "I typed Martha. I'm looking at your order email right now and it says Martha.",
            "The name was entered as Marta on the order form, so the team followed that.",
            "Hi, the cake plaque says Marta, it should be Martha.",
        ),
        (  # the job offered back
            "So can it be reprinted before six, or do I write the labels myself?",
            "We'll look into it.",
            "Hi, the labels came with the wrong date on them.",
        ),
        (  # the reply's reading corrected
            "I'm not trying to cancel the order, I'm asking you to send the right size.",
            "Custom items can't be cancelled once cut, per our terms.",
            "Hi, the curtains came 20cm short. Can you remake them?",
        ),
        (  # an honest date asked for: the dates so far were not
            "Thank you. I would just like an honest date, even if it is next month.",
            "We will contact you when a date is confirmed.",
            "Hi, when will the headstone lettering be done? We were told 8 weeks.",
        ),
        (  # the blame on the customer's kit returned
            "We changed the settings twice. It's not our network, every other device works.",
            "Have you checked your network settings?",
            "Hi, the card reader keeps dropping offline since the update.",
        ),
    ],
)
def test_the_answers_premise_turned_back_is_pushback(text: str, agent: str, opener: str) -> None:
    a = read_after_agent(text, agent, opener)
    assert "dialog.pushback" in _ids(a), a.explain()


@pytest.mark.parametrize(
    "text",
    [
        "The point is the colour, not the size, so any of the three sizes is fine.",
        "It's on your website, I found it, thanks! I'll order the blue one.",
        "I'm not trying to be difficult, just checking: does the kit include the cable?",
        "Can you fit it on Tuesday, or should I put it up myself?",
        "Can you check our network is whitelisted? It's not urgent.",
    ],
)
def test_the_same_words_said_calmly_are_not_pushback(text: str) -> None:
    a = read_after_agent(text, "Happy to help, what do you need?", "Hi, a quick question.")
    assert "dialog.pushback" not in _ids(a), a.explain()


def test_the_time_gone_by_counted_in_words_says_how_long_it_has_been() -> None:
    a = read_after_agent(
        "It has now been seven weeks. Could you give me a date?",
        "We'll contact you when a date is confirmed.",
        "Hi, when will the fitting be? We were told four weeks.",
    )
    assert "wait.duration" in _ids(a), a.explain()
    old = read_one("Our dog is ten weeks old and loves the new bed!")
    assert "wait.duration" not in _ids(old), old.explain()


def test_misses_kept_as_a_score_and_the_reply_restating_the_paper_are_named() -> None:
    score = read_after_agent(
        "The new sign says 'Grand Openng'. That's 0 for 2 now.",
        "Sorry! We've reprinted it, collect from 9.",
        "Hi, the sign says 'Grnad Opening', can you redo it?",
    )
    assert "repeat.recur" in _ids(score), score.explain()
    loop = read_after_agent(
        "That's what the statement already says. Which visits were charged?",
        "The statement reflects the visits carried out.",
        "Hi, the statement shows six visits but we booked three. Can you explain?",
    )
    assert "repeat.loop" in _ids(loop), loop.explain()


def test_a_taste_is_no_neglect() -> None:
    a = read_after_agent(
        "Yes please. Nobody eats the plain ones anyway 😄",
        "Want me to swap the plain for cinnamon?",
        "Hi! Can we change Friday's pastry order?",
    )
    assert "neglect.ignored" not in _ids(a), a.explain()
    ignored = read_after_agent(
        "Nobody has replied to my email from Monday.",
        "Let me check.",
        "Hi, any news on the refund?",
    )
    assert "neglect.ignored" in _ids(ignored), ignored.explain()


@pytest.mark.parametrize(
    ("text", "agent"),
    [
        (  # thanks with praise a sentence after the figure set against what it costs
            "5-7 working days. The opening is on Saturday. Brilliant, thanks so much. "
            "Is there anything faster?",
            "Please allow 5-7 working days for the replacement.",
        ),
        (  # thanks for being told the same thing twice
            "Lovely. Thanks for quoting me the returns policy twice, that really helps.",
            "As mentioned, custom items are non-returnable under our terms.",
        ),
        (  # the agent's vague words, quoted and called no use
            '"Shortly" is hard for me to schedule a crew around. Which day?',
            "It's almost ready, you'll have it shortly!",
        ),
        (  # the plan given up, said back as what the customer will now do
            "Right. I'll tell the guests not to come, then.",
            "As mentioned, bookings are confirmed in order of receipt.",
        ),
        (  # the reply judged no help, with thanks on the end
            "We did that twice and it still drops out. Really useful stuff, thanks.",
            "Have you tried restarting the router?",
        ),
    ],
)
def test_praise_and_thanks_for_a_non_answer_read_as_sarcasm(text: str, agent: str) -> None:
    a = read_after_agent(text, agent, "Hi, our order is wrong and the event is this week.")
    assert "press.sarcasm" in _ids(a), a.explain()


@pytest.mark.parametrize(
    ("text", "agent"),
    [
        ("5-7 working days. Lovely, thanks! See you then.", "It'll be 5-7 working days."),
        ("Thanks for telling me twice, I'd have forgotten otherwise haha", "Reminder: Friday."),
        ('"Shortly" works for us, no rush at all.', "You'll have it shortly!"),
        ("Great news, I'll tell the guests to come at 3 then!", "All fixed, the room is ready."),
    ],
)
def test_the_same_shapes_meant_sincerely_are_no_sarcasm(text: str, agent: str) -> None:
    a = read_after_agent(text, agent, "Hi, a quick question about our booking.")
    assert "press.sarcasm" not in _ids(a), a.explain()


# Batches 315-318 (round 25).


@pytest.mark.parametrize(
    "text",
    [
        # a near miss the customer calls minor in the same breath
        "The tent pole snapped in the wind on the second night. Nobody was hurt and we patched "
        "it.\nCould you send a replacement section? No rush, I realise these things happen.",
        # "let down" as archery, not disappointment
        "At full draw the string slipped off the nock. I let down slowly, nothing broke.",
        # a routine visit by a regulator to the customer's own site
        "Heads up: we have our annual HSE inspection on the 4th, could you resend the "
        "service certificates for the hoists?",
        # a part of the customer's own body suing us, in fun
        "My calves are already filing a lawsuit after Saturday's climb 💀 worth it though",
        # a heads-up that is said to be no complaint, with the reason theirs
        "Heads up rather than a complaint: our Bristol office shuts in June, so we'll be "
        "cancelling its weekly order after May. Nothing wrong with you lot.",
    ],
)
def test_reports_the_customer_calls_minor_or_routine_stay_calm(text: str) -> None:
    assert_calm(read_one(text))


def test_a_near_miss_told_as_danger_is_still_a_safety_cue() -> None:
    a = read_one(
        "The bracket you fitted gave way while my son was on the ladder. Nobody fell, thank god, "
        "but it was two floors up."
    )
    assert CueKind.SAFETY in {c.kind for c in a.cues}, a.explain()


@pytest.mark.parametrize(
    ("text", "agent"),
    [
        (  # a check done once more the way the agent described
            "Tested all six again the way you said, they lock properly now. Thanks.",
            "Could you open each one fully and let it go? It should lock by itself.",
        ),
        (  # nobody there at the time: reassurance, not neglect
            "We've taken the two ladders out of use, nobody was on them at the time.",
            "Thanks for flagging, can you send photos of the feet?",
        ),
        (  # thanks with the document forwarded to their own lawyer
            "Perfect, thank you. I'll forward the revised version to our solicitor today.",
            "Attached is the revised lease schedule with the new dates.",
        ),
        (  # the customer's own mishap told in a thank-you, praise sent up the line
            "Wanted to say thanks: the first day was a comedy of errors on my part, lost a paddle "
            "and my sunglasses, and Jo fixed it all without making me feel like an idiot. Please "
            "make sure she and whoever she reports to hear this.",
            "Glad you enjoyed it!",
        ),
    ],
)
def test_the_customers_own_doing_and_reassurance_stay_calm(text: str, agent: str) -> None:
    assert_calm(read_after_agent(text, agent, "Hi, a quick note about last week."))


@pytest.mark.parametrize(
    ("text", "agent"),
    [
        (  # the figure that keeps moving, greeted with mock delight
            "Love how the date keeps slipping 🙂 Friday last week, Wednesday now.",
            "Your order should now arrive Wednesday.",
        ),
        (  # the fallout the customer must relay, hedged
            "Fine. So I tell the bride we possibly have flowers on the day.",
            "I can't promise a time, it depends on the wholesaler.",
        ),
    ],
)
def test_mock_delight_and_fallout_to_relay_read_as_sarcasm(text: str, agent: str) -> None:
    a = read_after_agent(text, agent, "Hi, when does our order arrive?")
    assert "press.sarcasm" in _ids(a), a.explain()


def test_a_calm_figure_or_plan_stays_sincere() -> None:
    for text in (
        "Love how the garden keeps growing, thanks for the tips!",
        "Great, so I tell the client we go live Monday.",
    ):
        a = read_after_agent(text, "Happy to help!", "Hi, a quick question.")
        assert "press.sarcasm" not in _ids(a), a.explain()


@pytest.mark.parametrize(
    "text",
    [
        "That's the same answer. Which day does it leave?",
        "Second identical reply. Which day does it leave?",
        "Three weeks on. I'm tired of repeating myself to a template.",
    ],
)
def test_the_reply_named_as_the_one_before_says_it_goes_round(text: str) -> None:
    a = read_after_agent(text, "It will ship as soon as possible.", "Hi, when does it ship?")
    assert "repeat.loop" in _ids(a), a.explain()


def test_done_with_the_form_is_a_close_but_done_repeating_is_not() -> None:
    closed = read_after_agent("Thanks, I'm done with the form now.", "Great!", "Hi, quick one.")
    assert "calm.closing" in _ids(closed) or closed.level is Level.CALM, closed.explain()
    going_round = read_after_agent(
        "I'm done repeating myself.", "Please see our policy.", "Hi, when does it ship?"
    )
    assert "calm.closing" not in _ids(going_round), going_round.explain()


def test_the_instruction_answered_as_already_followed_is_pushback() -> None:
    a = read_after_agent(
        "Yes... that's what we're doing. Telling you. Today. Where is the part?",
        "Per our terms, missing items must be reported within 24 hours of delivery.",
        "Hi, the delivery note lists a pump but there isn't one in the crate.",
    )
    assert "dialog.pushback" in _ids(a), a.explain()


def test_agent_replies_that_point_elsewhere_or_put_the_fault_back_are_named() -> None:
    eng = engine()
    assert "agent.canned" in eng.agent_families(
        "You'll find how to reset your password in our help centre article."
    )
    assert "agent.defensive" in eng.agent_families(
        "Print differences are usually caused by the export settings. Please double-check your "
        "file and re-upload."
    )
    assert "agent.defensive" in eng.agent_families(
        "Storm cancellations are converted into a credit you can use within the year."
    )
    closing = eng.agent_families("That's the policy. Is there anything else I can help with?")
    assert "agent.choice" not in closing
    assert "agent.choice" in eng.agent_families("Anything else you'd like changed on it?")


@pytest.mark.parametrize(
    "text",
    [
        "The receipt you emailed shows a Mr Varga, with his home address and his phone number.",
        "Your courier left my invoice inside her parcel, I found out from her this morning.",
        "It's the medical form for another family, not ours, with their allergies and birthdays.",
        "Your flyer shows my full name and mobile number, readable to anyone.",
    ],
)
def test_someone_elses_details_or_the_customers_own_in_the_open_are_data_exposure(
    text: str,
) -> None:
    a = read_one(text)
    assert CueKind.DATA_EXPOSURE in {c.kind for c in a.cues}, a.explain()


@pytest.mark.parametrize(
    "text",
    [
        "Please update his date of birth and home address, he moved in May.",
        "I'll send their full names and dates of birth before Friday.",
        "The form shows his full name and date of birth fields twice.",
        "It's the booking for another group we run, same dates please.",
    ],
)
def test_personal_details_in_routine_paperwork_are_not_data_exposure(text: str) -> None:
    a = read_one(text)
    assert CueKind.DATA_EXPOSURE not in {c.kind for c in a.cues}, a.explain()


# Batches 319-322 (round 26).


@pytest.mark.parametrize(
    "text",
    [
        # "late" for someone who has died, and a plain question about how long a job takes
        "Hello, I'm sorting out my late husband's watch collection. Do you service Omegas, and "
        "how long does a service usually take?",
        # praise that compares with what was expected
        "Brilliant, more than we hoped for. Will order again.",
        # an idiom, not a no, and the shortcodes Slack sends for a friendly hand or a laugh
        "no promises :call_me_hand: see you saturday",
        "ha, I totally wrecked it :skull: my own fault, can I get a replacement part?",
    ],
)
def test_the_deceased_a_process_question_and_friendly_shortcodes_stay_calm(text: str) -> None:
    assert_calm(read_one(text))


@pytest.mark.parametrize(
    ("text", "agent"),
    [
        (  # the ask put back as the only thing wanted
            "No. A delivery day. That's all I'm asking.",
            "Is there anything else I can help you with today?",
        ),
        (  # the question named as not yet answered
            "Sure, but the question I originally asked was about the filter.",
            "Water quality can vary from area to area.",
        ),
        (  # the pointer answered as already followed
            "I did look. The FAQ doesn't mention model 4B at all.",
            "All the details are in our FAQ.",
        ),
        (  # a vague time pressed for the real one
            "Ok but which week? The fitters are booked.",
            "It'll be delivered in an upcoming dispatch.",
        ),
        (  # the agent's hedge granted and denied
            "I'm sure it should work. It doesn't. Same error on both laptops.",
            "The update should work on all supported devices.",
        ),
        (  # retried, with the same result each time
            "Reinstalled twice, same crash every time. The show is tonight.",
            "Please try reinstalling the app.",
        ),
    ],
)
def test_the_real_ask_pressed_after_a_non_answer_is_pushback(text: str, agent: str) -> None:
    a = read_after_agent(text, agent, "Hi, a problem with my order, could you help?")
    assert _ids(a) & {"dialog.pushback", "repeat.again"}, a.explain()


@pytest.mark.parametrize(
    ("text", "agent", "opener"),
    [
        (  # the agent's vague words said back, then a flat "Noted."
            "Being looked into. Noted. Third week of it.",
            "Your claim is being looked into.",
            "Still nothing on my claim, it's been two weeks.",
        ),
        (  # the agent's words said back, with their own smile and a flat praise word
            "Moving along nicely 🙂 great. Is there a date?",
            "Your order is moving along nicely 🙂",
            "No word on our order at all, it's overdue.",
        ),
        (  # the agent's excuse passed on to the customer's own people
            "I'll tell our members the courier had high volumes and they can run in socks.",
            "Unfortunately the courier had high volumes this week.",
            "Our club kit still hasn't arrived and the race is Saturday.",
        ),
        (  # the next answer looked forward to as the last one went
            "Thanks. I look forward to hearing from the warehouse, as I did last March.",
            "I'll raise it with the warehouse.",
            "The pallet arrived short again, four boxes missing.",
        ),
        (  # the fee mocked for an obvious answer
            "Really worth £30 a month to find out that snow is cold.",
            "Conditions in the mountains can change quickly.",
            "Your premium forecast said clear skies and we got a blizzard.",
        ),
    ],
)
def test_the_agents_words_thrown_back_or_the_fee_mocked_read_as_sarcasm(
    text: str, agent: str, opener: str
) -> None:
    a = read_after_agent(text, agent, opener)
    assert "press.sarcasm" in _ids(a), a.explain()


def test_glad_news_said_back_with_praise_stays_sincere() -> None:
    for text in ("Shipped! Great!", "Moving along nicely, great, thanks for checking!"):
        a = read_after_agent(text, "Your order has shipped!", "Hi, any news on my order?")
        assert "press.sarcasm" not in _ids(a), a.explain()


def test_agent_replies_that_vouch_for_our_checks_or_leave_timing_to_the_routine_are_named() -> None:
    eng = engine()
    for said in (
        "Every unit is tested before dispatch and no faults were found on yours.",
        "We cannot be held liable for damage after collection.",
    ):
        assert "agent.defensive" in eng.agent_families(said), said
    assert "agent.canned" in eng.agent_families(
        "Invoices are paid in our regular monthly cycle; yours will go out in a future batch."
    )


# Batches 323-326 (round 27).


@pytest.mark.parametrize(
    ("text", "agent", "feature"),
    [
        (  # nothing received, listed
            "Still nothing: no reply, no explanation, nothing in the portal. The launch is Monday.",
            "Payouts on hold are reviewed by another team.",
            "neglect.ignored",
        ),
        (  # the answer set against what was paid for
            "It kept time before the service, which is the whole point of paying for one.",
            "Some daily variation is normal for mechanical watches.",
            "dialog.pushback",
        ),
        (  # conceded flat, with a thumbs-up
            "The blue is green. I'm selling these on Saturday but sure, normal 👍",
            "Colours can vary slightly between print runs.",
            "dialog.pushback",
        ),
        (  # praise, then what it means, too late
            "Perfect, so it arrives after the launch.",
            "Please return the item using our form and we'll send the right one.",
            "press.sarcasm",
        ),
    ],
)
def test_nothing_received_the_point_missed_and_praise_for_too_late_are_heard(
    text: str, agent: str, feature: str
) -> None:
    a = read_after_agent(text, agent, "Hi, there's a problem with my order, can you help?")
    assert feature in _ids(a), a.explain()


def test_the_agents_word_said_back_with_praise_and_a_face_is_sarcasm_in_a_grievance() -> None:
    a = read_after_agent(
        "Credits, great 🙂 The launch party will be thrilled. Is there another slot?",
        "Your credits have been returned to your account.",
        "The session was cancelled an hour before start and nobody told us why.",
    )
    assert "press.sarcasm" in _ids(a), a.explain()


def test_knowing_how_it_works_is_no_fix() -> None:
    a = read_after_agent(
        "So the next buyers know how it works in practice.",
        "Please see our warranty terms.",
        "The mount has failed twice and nobody answers my emails.",
    )
    assert "calm.resolved" not in _ids(a), a.explain()


# Batches 327-330 (round 28).


@pytest.mark.parametrize(
    ("text", "agent", "feature"),
    [
        (  # the promised contact named by its absence and its day
            "No email Thursday, or Friday. The show opens next week.",
            "I'll email you the proof on Thursday.",
            "promise.broken",
        ),
        (  # nothing come, by where it was looked for
            "10pm. Inbox empty, junk empty. Still no tickets.",
            "The tickets will be emailed tonight.",
            "problem.missing",
        ),
    ],
)
def test_a_missed_day_and_an_empty_inbox_are_heard(text: str, agent: str, feature: str) -> None:
    a = read_after_agent(text, agent, "Hi, I'm still waiting for the tickets for Saturday.")
    assert feature in _ids(a), a.explain()


def test_no_calls_on_a_day_asked_for_is_no_broken_promise() -> None:
    a = read_after_agent(
        "No call Monday please, we're closed for the bank holiday. Tuesday is fine.",
        "Shall I ring you on Monday to go through the quote?",
        "Hi, could we have a quote for regrinding two sets of stones?",
    )
    assert "promise.broken" not in _ids(a), a.explain()


def test_the_cause_found_with_a_shrug_is_a_fix() -> None:
    a = read_after_agent(
        "found a bit of packing foam in the fan housing, took it out, ran it an hour, no alarm. "
        "guess that was it",
        "Could you check the fan housing for anything blocking it?",
        "Hi, the dryer stopped with an overheat alarm last night. Restarted fine. Should I worry?",
    )
    assert "calm.resolved" in _ids(a), a.explain()


@pytest.mark.parametrize(
    ("text", "polite"),
    [
        ("Three weeks on. Could you at least tell me whether Friday is still realistic?", False),
        ("Then what would you like me to do with the other 400 jars?", False),
        ("Could you send the invoice again?", True),
        ("Would you check whether Friday is still realistic?", True),
    ],
)
def test_a_plea_cut_down_and_a_question_put_back_are_no_polite_asks(
    text: str, polite: bool
) -> None:
    eng = engine()
    reading = eng.features(eng.start(), Turn(Role.CUSTOMER, text, 0.0))
    assert reading.features.has("calm.polite") is polite, text


@pytest.mark.parametrize(
    "text",
    [
        # a blow aimed at the speaker, by someone at home, told as a joke
        "Any update on the kitchen order? Only asking because my partner says if I bring up "
        "worktops one more time at dinner she'll strangle me with the tape measure and make me "
        "sleep in your showroom 😂",
        # a regulator's routine visit, and who makes it
        "We have a scheduled inspection from the pharmacy regulator on the 9th and the inspector "
        "will want the batch certificates. Could you send them?",
    ],
)
def test_a_joke_at_home_and_a_routine_inspection_raise_no_cue(text: str) -> None:
    a = read_one(text)
    assert not a.cues, a.explain()


# Batches 331-334 (round 29).


@pytest.mark.parametrize(
    ("text", "agent", "feature"),
    [
        (  # the agent's "works on our end" answered with the customer's own
            "Noted that it works on yours. It doesn't on ours, on two clean installs.",
            "I've tested it here and it works fine on our end.",
            "dialog.pushback",
        ),
        (  # the agent sent back to what was already sent
            "They were broken when they arrived, it's in the photos I sent.",
            "Breakages usually happen when parcels are stored badly after delivery.",
            "dialog.pushback",
        ),
        (  # the reader doubted, the customer's competence said
            "Yes, your primer and your times. I'm not new at this and I wonder if anyone is "
            "actually reading what I write.",
            "It's most likely an application thing. Did you use our primer?",
            "dialog.pushback",
        ),
        (  # the exchange named as one had before
            "Same primer, same shade. We've had this exact conversation twice before.",
            "Could the wall have been damp when you painted?",
            "repeat.loop",
        ),
        (  # the answer summed up as a no, with flat praise
            "so no. great.",
            "We can only sell what's showing on the site, sorry!",
            "press.sarcasm",
        ),
    ],
)
def test_the_answer_disputed_the_loop_named_and_a_no_praised_are_heard(
    text: str, agent: str, feature: str
) -> None:
    a = read_after_agent(text, agent, "Hi, there's a problem with my order, can you help?")
    assert feature in _ids(a), a.explain()


def test_the_agents_works_on_our_end_granted_is_no_fix() -> None:
    a = read_after_agent(
        "Noted that it works on yours. Could you test on version 4.2 specifically?",
        "I've tested it here and it works fine on our end.",
        "Since the update every export crashes on frame 1, on three machines.",
    )
    assert "calm.resolved" not in _ids(a), a.explain()


def test_the_fault_counted_over_a_period_is_a_recurrence() -> None:
    a = read_one("Second pallet this month where the bottom layer arrived crushed. Photos below.")
    assert "repeat.recur" in _ids(a), a.explain()


def test_a_claim_against_the_customer_by_their_own_client_is_no_legal_step_against_us() -> None:
    a = read_one(
        "Hi, a tenant of ours is suing us over a leak last winter and our insurer's solicitor "
        "wants the full repair log. How do I export it?"
    )
    assert not a.cues, a.explain()


@pytest.mark.parametrize(
    "reply",
    [
        "I can only apply credits up to £250 from my side; an amount like this needs approval "
        "above me.",
        "That needs sign-off above my level, I'm afraid.",
    ],
)
def test_a_limit_below_the_ask_and_approval_above_them_put_the_ask_above_the_agent(
    reply: str,
) -> None:
    assert "agent.above_level" in engine().agent_families(reply)


# Batches 335-338 (round 30).


def test_someone_booked_again_is_no_recurrence() -> None:
    a = read_one("Loved the show. Can we have him again for the Leeds gig on 2 May?")
    assert "repeat.recur" not in _ids(a), a.explain()


def test_a_job_murdered_by_our_crew_is_praise() -> None:
    a = read_one("Your crew absolutely murdered the load-in today, done in 40 minutes 🔥")
    assert "calm.praise" in _ids(a), a.explain()


def test_a_police_joke_laughed_at_in_its_sentence_raises_no_cue() -> None:
    a = read_one(
        "Your rigger ate our hummus again. Next offence I'm calling the police 🚔😂 Serious bit: "
        "is he free on the 2nd?"
    )
    assert not a.cues, a.explain()


def test_the_police_called_in_anger_with_a_laugh_is_still_a_cue() -> None:
    a = read_after_agent(
        "lol you think this is funny? Third time your driver dumped it in the road. I'm calling "
        "the police 😂 absolutely useless",
        "Sorry about that!",
        "Your driver threw my parcel over the gate again and it smashed. Furious.",
    )
    assert CueKind.LEGAL in {c.kind for c in a.cues}, a.explain()


# Batches 339-342 (round 31).


def _thread(*turns: tuple[Role, str]) -> Assessment:
    """The assessment of the last customer message of a thread."""
    eng = engine()
    state = eng.start()
    last: Assessment | None = None
    for i, (role, text) in enumerate(turns):
        state, a = eng.read(state, Turn(role, text, float(i)))
        last = a if a is not None else last
    assert last is not None
    return last


def test_a_refund_of_a_charge_taken_twice_asked_again_is_still_owed_not_granted() -> None:
    """Charged twice, the customer asks once with the reason and then again without it: both
    chase a correction, not a grant beyond the agent (a plain refund asked for keeps its ask)."""
    twice = _thread(
        (C, "My card was charged 2 times for the June booking, €410 each. Please refund one."),
        (A, "Thanks, I've passed this to billing."),
        (C, "Passed on, fine, but is it refunded? It is €410. Yes or no??"),
    )
    assert twice.requests == (), twice.explain()
    plain = _thread(
        (C, "The June booking was a letdown. I'd like a refund."),
        (A, "Thanks, I've passed this to billing."),
        (C, "Passed on, fine, but is it refunded? It is €410. Yes or no??"),
    )
    assert [r.kind for r in plain.requests] == [RequestKind.REFUND], plain.explain()


def test_a_plain_no_refuses_only_an_ask_already_made_or_insisted_on() -> None:
    """ "Unfortunately the class had to be cancelled" answers a question about a class; the
    refund first asked for in the reply after it has had no answer yet. An ask pushed against
    the no ("No. I want sage ones by Friday") was refused."""
    first = _thread(
        (C, "Is Saturday's class going ahead? We got a text saying cancelled."),
        (A, "Sorry! Unfortunately the class had to be cancelled. We'll be in touch."),
        (C, "Ok but what happens now? A new date, a refund? Being in touch doesn't help us plan."),
    )
    assert not first.agent_refused, first.explain()
    again = _thread(
        (C, "The class was cancelled. I'd like a refund please."),
        (A, "Unfortunately refunds aren't possible for cancelled classes."),
        (C, "So no refund? We paid £180 for a course we never got."),
    )
    assert again.agent_refused, again.explain()
    insisted = _thread(
        (C, "The waistcoats you gave us are mustard, we booked sage. The wedding is Saturday."),
        (A, "Sorry! Unfortunately we don't have sage in those sizes. 20% off mustard instead?"),
        (C, "No. I don't want a discount on the wrong colour, I want sage by Friday."),
    )
    assert insisted.agent_refused, insisted.explain()


def test_a_they_said_before_the_other_party_is_named_still_means_us() -> None:
    """ "... told the certification team will be in touch. They haven't been. ... nothing to show
    the insurer": the insurer is who the customer answers to, not who failed them."""
    a = read_after_agent(
        "Three times I've asked, three times I've been told the certification team will be in "
        "touch. They haven't been. The audit is in 4 days and I have nothing to show the insurer.",
        "Hello, apologies for the delay. Your request is with our certification team, who will be "
        "in touch shortly.",
        "Can you send the certificates for our 16 staff please?",
    )
    assert "repeat.loop" in _ids(a), a.explain()


def test_the_cause_owned_in_a_word_is_no_frustration() -> None:
    a = read_after_agent(
        "that was me 🙋 put the new deep jig on yesterday for the plaques. sorry!!",
        "Is anything on the bed taller than usual? A deep jig can push the head past the switch.",
        "Machine halted again: homing switch not triggered. Any ideas?",
    )
    assert not a.frustrated, a.explain()


@pytest.mark.parametrize(
    ("text", "agent"),
    [
        (
            "ok so 20 trained staff sitting at home while the queue gets worked through. love "
            "that. can you at least email me something?",
            "Our team is working through the queue and will issue them as soon as possible.",
        ),
        (
            "a user guide. cheers. really useful with the doors opening in ten minutes",
            "I'm unable to change rotas on your behalf, but here's our user guide: "
            "https://help.example/rota",
        ),
        (
            "Yes, did that before I wrote. Still jams after two tickets, like I said. Brilliant, "
            "I'll tell the team to write them by hand then 👍",
            "Have you tried switching it off and on and reseating the roll?",
        ),
    ],
)
def test_praise_for_what_a_non_answer_leaves_is_sarcasm(text: str, agent: str) -> None:
    a = read_after_agent(text, agent, "Our printers jam and the certificates are late. Help?")
    assert "press.sarcasm" in _ids(a), a.explain()


def test_thanks_that_take_the_help_offered_are_meant() -> None:
    a = read_after_agent(
        "Perfect, I'll pick it up tomorrow then 👍",
        "Your order is ready, collect any time from 9am tomorrow.",
        "Hi, is my order ready?",
    )
    assert "press.sarcasm" not in _ids(a), a.explain()


@pytest.mark.parametrize(
    "text",
    [
        "I'm not asking about the form, I'm asking for a credit for work not done.",
        "Two vans stood idle all day and the answer is check the driver's app settings.",
        "The file is the one on your proof, which you then printed wrong. Not sure how to make "
        "this any simpler.",
    ],
)
def test_an_answer_put_straight_pushes_back(text: str) -> None:
    a = read_after_agent(text, "All invoices follow the contracted schedule.")
    assert "dialog.pushback" in _ids(a), a.explain()


def test_please_just_is_a_plea_pared_down_not_a_polite_ask() -> None:
    eng = engine()
    pared = eng.features(eng.start(), Turn(C, "Please just tell me a date.", 0.0))
    polite = eng.features(eng.start(), Turn(C, "Please tell me a date.", 0.0))
    assert not pared.features.has("calm.polite") and polite.features.has("calm.polite")


def test_the_customers_people_blamed_by_what_usually_happens_is_a_defence() -> None:
    said = engine().agent_families(
        "Missing tracks are almost always caused by rangers not enabling location or closing "
        "the app. Please remind your team."
    )
    assert "agent.defensive" in said, said


def test_a_state_told_with_fine_is_no_praise() -> None:
    a = read_one("The same phones recorded fine on Tuesday. Something changed on your side.")
    assert "calm.praise" not in _ids(a), a.explain()


def test_the_time_an_answer_cost_is_a_verdict() -> None:
    a = read_one("I've now spent my morning proving my team aren't idiots instead of working.")
    assert "verdict.harsh" in _ids(a), a.explain()


def test_a_service_not_offered_on_the_customers_behalf_holds_no_ask_above_the_agent() -> None:
    a = _thread(
        (C, "Can you just swap the two ushers for me? Doors are at 7."),
        (A, "I'm unable to make changes to customer rotas on your behalf, sorry."),
        (C, "Right. So I'm on my own with it at 6:15."),
    )
    assert a.requests == (), a.explain()


def test_a_help_article_handed_over_as_the_answer_is_canned() -> None:
    said = engine().agent_families("I can't do that for you, but here's our help article on it.")
    assert "agent.canned" in said, said


# Batches 343-346 (round 32).


def test_a_first_grumble_called_mild_is_neither_sarcasm_nor_frustration() -> None:
    a = read_one(
        "Mild grumble: the PDF export drops the page numbers, which makes the appendix a bit of a "
        "maze 🙃 Is there a setting I'm missing?"
    )
    assert "press.sarcasm" not in _ids(a) and not a.frustrated, a.explain()


def test_a_late_cancellation_charge_is_a_fee_not_a_wait() -> None:
    a = read_after_agent("Perfect. Is there a late cancellation charge if the trial overruns?")
    assert "wait.duration" not in _ids(a) and "press.sarcasm" not in _ids(a), a.explain()


@pytest.mark.parametrize(
    "text",
    [
        "Two printers, one template. We're hand-writing them meanwhile, which the registrar is "
        "just thrilled about, as you can imagine.",
        "Thank you for pointing me to clause 9. Perhaps you could point me to where anyone told "
        "us.",
        "Day four of refreshing the page, so I'll tell the brokers to enjoy the suspense.",
    ],
)
def test_delight_and_thanks_put_on_a_burden_are_sarcasm(text: str) -> None:
    a = read_after_agent(text, "It may be a driver issue on your side.")
    assert "press.sarcasm" in _ids(a), a.explain()


def test_praise_opening_a_reply_that_pushes_back_is_sarcasm() -> None:
    a = read_after_agent(
        "Wonderful, we're really getting to know each other. MP4, 1080p, ~2GB, also in my first "
        "message.",
        "Thanks! Could you also let us know the file format and size?",
        "Uploads fail at 99% every time. MP4, 1080p, about 2GB each.",
    )
    assert "press.sarcasm" in _ids(a), a.explain()


def test_asking_not_to_have_to_ask_twice_pushes_back() -> None:
    a = read_after_agent("I would also appreciate not having to ask for that twice.")
    assert "dialog.pushback" in _ids(a), a.explain()


def test_the_swap_refused_by_the_like_for_like_rule_is_a_no() -> None:
    said = engine().agent_families(
        "I'm sorry, warranty replacements have to be the same model as the original."
    )
    assert "agent.negative" in said, said


# Batches 347-350 (round 33).


def test_a_threshold_in_months_is_no_wait() -> None:
    a = read_one("Company policy is three quotes on anything over 6 months. Can you send rates?")
    assert "wait.duration" not in _ids(a), a.explain()


# Batches 351-354 (round 34).


def test_the_thing_named_as_the_one_wanted_corrects_nobody() -> None:
    a = read_after_agent(
        "That update is exactly what I wanted, the old one kept dropping readings."
    )
    assert "dialog.no" not in _ids(a), a.explain()
    b = read_after_agent("That's not the one I asked for, I wanted the 3.9 build.")
    assert "dialog.no" in _ids(b), b.explain()


def test_a_scare_declared_over_and_every_unit_done_read_as_resolved() -> None:
    a = read_after_agent("All four tills updated, totals back where they were. Panic over!")
    assert "calm.resolved" in _ids(a), a.explain()
    b = read_after_agent("All four tills updated but the totals are still wrong.")
    assert "calm.resolved" not in _ids(b), b.explain()


def test_a_job_run_again_without_a_fault_is_resolved() -> None:
    a = read_after_agent("Ran it again myself, 340 rows imported without errors.")
    assert "calm.resolved" in _ids(a), a.explain()


def test_a_gap_the_customer_explains_is_nothing_missing() -> None:
    a = read_after_agent(
        "Report pulled: 29 of 30 signed. The missing one is a new starter, which is expected."
    )
    assert "problem.missing" not in _ids(a), a.explain()
    b = read_after_agent(
        "Report pulled: 29 of 30 signed. The missing one signed last week, where is it?"
    )
    assert "problem.missing" in _ids(b), b.explain()


def test_comfort_in_a_status_stuck_for_weeks_is_sarcasm() -> None:
    a = read_after_agent(
        "So comforting to know it's on the roadmap, for the fourth month running.",
        agent="Thanks, this is on our roadmap.",
    )
    assert "press.sarcasm" in _ids(a), a.explain()


def test_the_agents_word_held_against_the_outcome_is_sarcasm() -> None:
    a = read_after_agent(
        'Any idea when "investigating" becomes "resolved"?', agent="Our team is investigating."
    )
    assert "press.sarcasm" in _ids(a), a.explain()


def test_a_question_running_through_an_example_is_still_a_question() -> None:
    a = read_one(
        "Thanks! Does the export include notes that other staff wrote about a client, e.g. a "
        "locum's free text? We review those first."
    )
    assert not a.cues, a.explain()


# Batches 355-358 (round 35).


def test_a_vent_at_the_customers_bank_reports_no_failure_of_ours() -> None:
    a = read_one(
        "Our bank bounced the payroll file AGAIN because their new portal hates spaces. Worst "
        "bank ever. Anyway! Is there a setting in your export for the file name?"
    )
    assert not [s for s in a.signals if s.id.startswith(("problem.", "repeat."))], a.explain()


def test_a_revived_unit_and_a_cost_that_is_someone_elses_are_no_complaint() -> None:
    a = read_after_agent(
        "It's alive! Burning 4 L/hr at idle, but that's one for the operator, not you 🙃 thanks!"
    )
    assert "calm.resolved" in _ids(a), a.explain()
    assert "press.sarcasm" not in _ids(a), a.explain()
    assert not a.frustrated, a.explain()


@pytest.mark.parametrize(
    "text",
    [
        "The first lorry is at the port in 2 hours and still no booking refs.",
        "This needs someone on it now, not tomorrow.",
    ],
)
def test_a_deadline_counted_down_or_set_against_later_presses(text: str) -> None:
    assert "press.urgency" in _ids(read_after_agent(text)), text


def test_a_suggestion_tried_with_no_change_is_still_broken() -> None:
    a = read_after_agent("done. same.", agent="Can you log out and back in again?")
    assert "wait.still" in _ids(a), a.explain()


@pytest.mark.parametrize("text", ["Yes. You mentioned.", "Yes, I'd gathered. Now what?"])
def test_the_agents_repeat_acknowledged_flat_pushes_back(text: str) -> None:
    a = read_after_agent(text, agent="As mentioned, payouts can take up to 5 business days.")
    assert "dialog.pushback" in _ids(a), a.explain()


@pytest.mark.parametrize(
    "text",
    [
        "Is there a bulk option or am I just your unpaid QA team now",
        "Love that for my card statement 🙃",
        'Oh brilliant, "all systems normal". The kiosk has been dark since 6.',
    ],
)
def test_new_shapes_of_sarcasm(text: str) -> None:
    assert "press.sarcasm" in _ids(read_after_agent(text)), text


def test_the_answer_named_as_the_one_given_before_is_a_broken_promise() -> None:
    a = read_after_agent("That's what I was told in March.", agent="I've passed it to the team.")
    assert "promise.broken" in _ids(a), a.explain()


# Batches 359-362 (round 36).


def test_the_update_named_as_the_fix_is_resolved() -> None:
    a = read_one("Just confirming the 3.1 update fixed the dropouts on the long runs!")
    assert "calm.resolved" in _ids(a), a.explain()


def test_a_cause_owned_in_answer_to_the_agents_question_is_no_complaint() -> None:
    a = read_after_agent(
        "I closed them from the tablet while it was offline. Probably my fault, I ignored the "
        "sync warning.",
        agent="Was anything different about how they were closed?",
    )
    assert not [s for s in a.signals if s.id.startswith(("problem.", "neglect."))], a.explain()


def test_keeping_anything_is_no_failure() -> None:
    a = read_after_agent(
        "Perfect. Our auditor asked whether you keep anything on your side, like IP logs?"
    )
    assert "problem.broken" not in _ids(a), a.explain()
    assert not a.frustrated, a.explain()


def test_a_rant_said_not_to_be_at_us_is_no_complaint_of_ours() -> None:
    a = read_one(
        "Morning. Bit of a rant and it's not at you lot: the ferry's been cancelled AGAIN, third "
        "time this week. Absolute joke. Can the spare reader come by post?"
    )
    assert not a.frustrated, a.explain()


def test_what_is_in_the_first_message_as_well_is_given_again() -> None:
    a = read_after_agent(
        "The order number is in my first message, and the photo is attached as well. HS-1234.",
        agent="Could you send me your order number and a photo?",
        opener="Order HS-1234 arrived with the wrong gauge, photo attached.",
    )
    assert a.agent_asked_given, a.explain()


def test_the_joke_said_to_be_over_is_upset() -> None:
    a = read_after_agent("yeah cheers. not really laughing now mate", agent="Haha, hang tight!")
    assert "feel.upset" in _ids(a), a.explain()


def test_froze_is_broken() -> None:
    assert "problem.broken" in _ids(read_one("The stream froze twice during the final."))


def test_the_same_answer_for_the_third_time_goes_round_in_circles() -> None:
    a = read_after_agent("That's the same answer for the third time.", agent="Results are final.")
    assert "repeat.loop" in _ids(a), a.explain()


def test_praise_then_so_restating_a_defence_is_sarcasm() -> None:
    a = read_after_agent(
        "Wonderful. So the system is working perfectly and I have two groups booked into one hall. "
        "Marvellous 🙂",
        agent="I've checked and the system is working as designed.",
    )
    assert "press.sarcasm" in _ids(a), a.explain()


# Batches 363-366 (round 37).


@pytest.mark.parametrize(
    "text",
    [
        "The courier lost two parcels again, hopeless. None of that's on you though. Can you "
        "resend the labels?",
        "Found it, the router reset itself 🙄 (the router, not you guys). All good now.",
        "The courier's fault, not yours, but the parcel came back. How do I rebook it?",
    ],
)
def test_the_fault_put_with_someone_else_in_new_words_is_a_vent_elsewhere(text: str) -> None:
    a = read_after_agent(text)
    vented = ("problem.", "repeat.", "feel.", "verdict.", "emoji.")
    assert not [s for s in a.signals if s.id.startswith(vented) and s.weight > 0], a.explain()
    assert not a.frustrated and not a.cues, a.explain()


def test_went_down_a_treat_is_no_outage() -> None:
    a = read_one("The new menu cards went down a treat with the regulars!")
    assert "problem.broken" not in _ids(a), a.explain()


def test_readings_coming_through_again_are_no_recurrence() -> None:
    a = read_after_agent("Restarted it and the readings are coming through again, cheers.")
    assert "repeat.recur" not in _ids(a), a.explain()


def test_a_gap_from_the_customers_own_offline_day_is_no_missing_data() -> None:
    a = read_after_agent(
        "Got it. The report is missing two sales from the day our card machine was down, we "
        "have them on paper."
    )
    assert "problem.missing" not in _ids(a), a.explain()


def test_on_hold_with_the_bank_is_no_wait_for_us() -> None:
    a = read_one("Spent an hour on hold with the bank to get this letter, anyway here it is.")
    assert "wait.still" not in _ids(a), a.explain()


def test_the_agents_window_said_to_have_passed_pushes_back() -> None:
    a = read_after_agent(
        "It's been 10 working days now.",
        agent="Refunds can take 5-10 working days to reach your account.",
    )
    assert "dialog.pushback" in _ids(a), a.explain()


@pytest.mark.parametrize(
    "reply",
    [
        "In most cases this comes from staff skipping the end-of-day scan.",
        "Your drivers may have scanned it twice.",
        "The app doesn't alter the quantities you type in.",
    ],
)
def test_the_fault_put_on_the_customers_people_or_input_is_defensive(reply: str) -> None:
    assert "agent.defensive" in engine().agent_families(reply)


def test_the_agents_explanation_doubted_pushes_back() -> None:
    a = read_after_agent(
        "I'm not convinced that's really a sizing issue.", agent="It looks like a sizing mix-up."
    )
    assert "dialog.pushback" in _ids(a), a.explain()


def test_a_joke_said_to_be_less_funny_now_is_upset() -> None:
    a = read_after_agent(
        "The emojis were cute at first. Much less cute now with 40 guests at the door.",
        agent="Haha 🙈 on it!",
    )
    assert "feel.upset" in _ids(a), a.explain()


def test_a_customer_done_with_us_in_the_third_person_is_leaving() -> None:
    a = read_after_agent(
        "Then this client's done. We got by for ten years without your app.",
        agent="The new pricing applies to everyone.",
    )
    assert "esc.leaving" in _ids(a), a.explain()


def test_not_a_user_error_owns_no_slip() -> None:
    eng = engine()
    said = eng.features(
        eng.start(),
        Turn(Role.CUSTOMER, "It's not a user error, we followed your guide to the letter.", 0.0),
    )
    assert not said.features.has("calm.own_slip"), said.features.values
    owned = eng.features(eng.start(), Turn(Role.CUSTOMER, "Classic user error, my bad.", 0.0))
    assert owned.features.has("calm.own_slip"), owned.features.values


# Batches 367-370 (round 38).


def test_not_our_fault_but_a_request_is_still_a_vent_elsewhere() -> None:
    a = read_one(
        "Not your fault at all but could you help: our bank froze the account and every direct "
        "debit bounced 🙄"
    )
    assert not [s for s in a.signals if s.id.startswith(("problem.", "emoji."))], a.explain()
    assert not a.frustrated, a.explain()


def test_a_they_after_a_vent_elsewhere_is_still_the_third_party() -> None:
    eng = engine()
    state = eng.start()
    for role, text in [
        (Role.CUSTOMER, "The courier lost our parcels again. Not your fault, I know."),
        (Role.AGENT, "Sorry! Here's the proof of handover for the claim."),
    ]:
        state, _ = eng.read(state, Turn(role, text, 1.0))
    _, a = eng.read(
        state,
        Turn(Role.CUSTOMER, "Their helpline had me on hold for an hour then hung up on me 🙄", 2.0),
    )
    assert a is not None
    assert not [s for s in a.signals if s.id.startswith(("wait.", "emoji."))], a.explain()
    assert not a.frustrated, a.explain()


def test_a_job_redone_again_is_no_recurrence() -> None:
    a = read_after_agent("Ok, reloaded the file and calibrated again. Readings match now.")
    assert "repeat.recur" not in _ids(a), a.explain()


def test_ringing_someone_to_double_check_is_no_pushback() -> None:
    a = read_after_agent(
        "I'd been calling the depot every day to double check the slots, so thanks for fixing it."
    )
    assert "dialog.pushback" not in _ids(a), a.explain()


def test_a_chore_the_fix_ended_is_resolved() -> None:
    eng = engine()
    said = "Brilliant, we can finally stop printing the lists by hand."
    reading = eng.features(eng.start(), Turn(Role.CUSTOMER, said, 0.0))
    assert reading.features.has("calm.resolved"), reading.features.values


def test_a_temper_owned_with_a_laugh_is_friendly_exaggeration() -> None:
    a = read_one("Our card reader has decided every receipt should print blank. I'm a bit cross 😂")
    assert "misread.hyperbole" in _ids(a), a.explain()
    assert "feel.upset" not in _ids(a), a.explain()


@pytest.mark.parametrize(
    ("text", "agent"),
    [
        ("They're correct. Same account for three years.", "Please check your bank details."),
        ("It isn't a sync issue. The orders are missing.", "Try a resync from settings."),
        ("Restarting won't bring the orders back, will it?", "Could you restart the app?"),
        ("I did read the article before writing.", "Here's our help article on this."),
        ("It's been set to UTC since we signed up.", "Please check your time zone setting."),
    ],
)
def test_the_agents_check_or_framing_refused_pushes_back(text: str, agent: str) -> None:
    assert "dialog.pushback" in _ids(read_after_agent(text, agent=agent)), text


@pytest.mark.parametrize(
    "text",
    [
        "Could I get an actual answer this time?",
        "Please help rather than sending me back to the carrier.",
    ],
)
def test_the_answers_called_no_answer_feel_ignored(text: str) -> None:
    assert "neglect.ignored" in _ids(read_after_agent(text)), text


def test_the_wait_counted_in_days_says_how_long() -> None:
    a = read_after_agent("This is now day six without a working till.")
    assert "wait.duration" in _ids(a), a.explain()


def test_a_charge_called_a_privilege_is_sarcasm() -> None:
    a = read_after_agent("Great, so we pay extra for the privilege of waiting.")
    assert "press.sarcasm" in _ids(a), a.explain()


def test_not_really_funny_anymore_is_upset() -> None:
    a = read_after_agent("Honestly not really funny anymore.", agent="Haha, classic!")
    assert "feel.upset" in _ids(a), a.explain()


def test_wanting_the_company_to_pay_a_bill_asks_for_compensation() -> None:
    a = read_after_agent("That's your mistake and I want your company to pay the storage bill.")
    assert RequestKind.COMPENSATION in {r.kind for r in a.requests}, a.explain()


# Batches 371-374 (round 39).


def test_names_called_at_the_party_at_fault_raise_no_cue() -> None:
    a = read_one(
        "Yes I know it's them not you, their API is down again. Absolute clowns 🤡 Can our "
        "invoices wait in a queue?"
    )
    assert not a.cues and not a.frustrated, a.explain()


def test_a_sarcastic_not_your_problem_puts_nothing_elsewhere() -> None:
    # the agent's deflection said back ("Not your problem then. Brilliant.") keeps the threat that
    # follows a threat; a sincere "not your problem, I know" is a vent elsewhere
    eng = engine()

    def features(text: str) -> set[str]:
        return set(eng.features(eng.start(), Turn(Role.CUSTOMER, text, 0.0)).features.values)

    assert "calm.elsewhere" not in features("Not your problem then. Brilliant.")
    assert "calm.elsewhere" in features("The courier lost it again. Not your problem, I know.")


def test_the_fault_taken_back_off_us_is_a_vent_elsewhere() -> None:
    a = read_after_agent(
        "Ah, that'll be our supplier sending the wrong file again. Fair enough, not on you. Can "
        "the import skip bad rows?"
    )
    assert "repeat.recur" not in _ids(a), a.explain()


def test_a_wry_face_while_taking_up_the_agents_offer_is_no_sarcasm() -> None:
    a = read_after_agent(
        "Yes please to the spare batteries, I'm the one who drives them over every time 🙃",
        agent="I can send two spare batteries today, would that help?",
    )
    assert "press.sarcasm" not in _ids(a), a.explain()


def test_each_complaint_in_a_register_is_no_upset() -> None:
    eng = engine()
    said = "Please export the audit trail of who edited each complaint."
    reading = eng.features(eng.start(), Turn(Role.CUSTOMER, said, 0.0))
    assert not reading.features.has("feel.upset"), reading.features.values


def test_you_should_have_it_by_a_day_is_a_promise_not_blame() -> None:
    eng = engine()
    assert "agent.defensive" not in eng.agent_families(
        "I've opened a request for it, you should have it by Thursday."
    )
    assert "agent.defensive" in eng.agent_families("You should have checked the settings first.")


def test_part_of_the_account_staying_is_a_downgrade_not_leaving() -> None:
    a = read_one(
        "Hi! The events team is moving to another vendor, so they won't need seats; the press "
        "office is staying with you. Can we drop to 11 seats?"
    )
    assert not a.cues and not a.frustrated, a.explain()


@pytest.mark.parametrize(
    "text",
    [
        'Two days on and nothing. "We will look into it" was super helpful 👍',
        "Everything passes. But by all means tell me again it's our DNS 🙂",
    ],
)
def test_the_agents_words_praised_or_invited_again_are_sarcasm(text: str) -> None:
    a = read_after_agent(text, agent="We will look into it and get back to you.")
    assert "press.sarcasm" in _ids(a), a.explain()


@pytest.mark.parametrize(
    "text",
    [
        "IT checked, and so did I.",
        "What changed is on your end.",
        "I've read 4.2 already.",
        "Please stop quoting the terms at me.",
        "So I get section 7.3 pasted at me.",
    ],
)
def test_the_check_done_or_the_terms_quoted_push_back(text: str) -> None:
    assert "dialog.pushback" in _ids(read_after_agent(text)), text


def test_not_a_joke_any_more_is_upset() -> None:
    a = read_after_agent("It's been a week. Not really a joke any more.", agent="Haha, on it!")
    assert "feel.upset" in _ids(a), a.explain()


def test_applause_right_after_a_template_is_a_slow_clap() -> None:
    a = read_after_agent(
        "Love that 👏 It's all in your own audit log.",
        agent="Thank you for reaching out! We're sorry for any inconvenience. Please verify your "
        "data and let us know if you need anything else.",
        opener="Hi, the March statements show last month's balances. Can you check?",
    )
    assert "press.sarcasm" in _ids(a), a.explain()


# Batches 375-378 (round 40).


def test_not_our_fault_but_the_customers_own_bind_is_still_a_vent_elsewhere() -> None:
    a = read_one(
        "The courier has lost it again, absolute clowns 🤦 Not your fault at all but we're down "
        "to our last box. Any chance of a reship?"
    )
    assert not a.cues and not a.frustrated, a.explain()


def test_an_animals_feelings_are_theirs() -> None:
    a = read_after_agent("Legend. The dogs are gutted 🐶", agent="Shipped, tracking to follow.")
    assert "feel.upset" not in _ids(a), a.explain()


def test_a_line_straight_again_is_no_recurrence() -> None:
    a = read_after_agent("Fix on both. Rows dead straight again. Cheers!")
    assert "repeat.recur" not in _ids(a), a.explain()


def test_leaving_the_setting_covered_asks_for_compensation() -> None:
    a = read_after_agent("That's two batches lost. I want this batch covered, £4,200.")
    assert RequestKind.COMPENSATION in {r.kind for r in a.requests}, a.explain()


def test_really_building_confidence_is_sarcasm() -> None:
    a = read_after_agent("Approved on the 2nd, it's the 14th. Really building confidence here 👍")
    assert "press.sarcasm" in _ids(a), a.explain()


# Batches 379-382 (round 41).


def test_a_loop_that_cannot_go_on_is_still_a_loop() -> None:
    """A negator that governs "keep" leaves the situation standing: it cannot be borne."""
    a = read_after_agent("Same link again. We can't keep going round in circles with this.")
    assert "repeat.loop" in _ids(a), a.explain()


def test_no_naming_the_thing_the_agent_asked_about_answers_the_question() -> None:
    asked = "Could you check whether there's an error on the printer's screen?"
    answer = read_after_agent("No error on it. Reseated the cable and it's printing now.", asked)
    assert "dialog.no" not in _ids(answer), answer.explain()
    bare = read_after_agent("No. Still nothing.", asked)
    assert "dialog.no" in _ids(bare), bare.explain()


def test_a_former_customer_of_the_customers_is_no_leaving() -> None:
    a = read_one("We had a data request from a former customer, how do I pull her bookings?")
    assert_calm(a)
    assert "esc.leaving" not in _ids(a), a.explain()


def test_a_regulators_visit_booked_for_a_date_is_routine() -> None:
    a = read_one("We have the food safety inspector in on the 12th, can I print May's fridge logs?")
    assert_calm(a)


def test_asking_for_the_record_of_an_export_is_no_data_exposure() -> None:
    a = read_after_agent("Is there a record that the report was downloaded? It's for our audit.")
    assert CueKind.DATA_EXPOSURE not in {c.kind for c in a.cues}, a.explain()


def test_done_that_answers_the_tip_as_already_followed() -> None:
    tip = "Please try clearing your cache."
    done_that = read_after_agent("Done that. Also tried another browser and my phone.", tip)
    assert "dialog.pushback" in _ids(done_that), done_that.explain()
    done = read_after_agent("Done.", "Can you try restarting it?")
    assert "dialog.pushback" not in _ids(done), done.explain()


def test_pointing_at_the_message_right_above_gives_it_again() -> None:
    a = read_after_agent(
        "They're in the message right above yours.",
        agent="Could you send me the order numbers?",
        opener="Hi, orders 5521 and 5530 haven't arrived.",
    )
    assert a.agent_asked_given, a.explain()


def test_the_agents_instruction_said_back_against_its_cost_is_sarcasm() -> None:
    asked = "Could you re-enter the orders by hand?"
    scorn = read_after_agent("Re-enter them by hand. For 40 orders, an hour before cut-off.", asked)
    assert "press.sarcasm" in _ids(scorn), scorn.explain()
    taken = read_after_agent("Re-enter them by hand. For the 40 orders, same dates?", asked)
    assert "press.sarcasm" not in _ids(taken), taken.explain()


def test_the_loss_named_before_the_ask_is_the_amount_asked() -> None:
    a = read_after_agent("At £12 a ticket that's about £3,000 we lost. I want that credited.")
    assert [(r.kind, r.amount) for r in a.requests] == [(RequestKind.CREDIT, 3000.0)], a.explain()


# Batches 383-386 (round 42).


def test_a_regulator_named_in_passing_by_the_customers_own_customer_is_no_legal_cue() -> None:
    a = read_one("A client sent a subject access request and mentioned the ICO. How do I export?")
    assert CueKind.LEGAL not in {c.kind for c in a.cues}, a.explain()


def test_a_vent_at_a_public_body_with_nothing_of_us_is_aimed_elsewhere() -> None:
    a = read_one("The port authority's booking site is down AGAIN, their system is a total joke.")
    assert not a.frustrated, a.explain()


def test_a_party_blamed_earlier_named_again_is_still_them() -> None:
    eng = engine()
    state = eng.start()
    for role, text in [
        (Role.CUSTOMER, "None of this is your fault, the co-op's scales are down again 😤"),
        (Role.AGENT, "Ugh. You can enter the loads by hand under Loads > Manual."),
        (Role.CUSTOMER, "Legend. Now I just need the co-op to pick up a phone 🙄"),
    ]:
        state, a = eng.read(state, Turn(role, text, 1.0))
    assert a is not None and not a.frustrated, a.explain()


def test_a_file_named_in_prose_is_no_words() -> None:
    assert "rejected" not in prepare("38 rows in rejected.csv, fixing now").tokens


def test_read_it_already_answers_the_pointer_as_already_followed() -> None:
    policy = "Please see our fee schedule."
    pushed = read_after_agent("Read it already. It says overseas cards only.", policy)
    assert "dialog.pushback" in _ids(pushed), pushed.explain()
    just_read = read_after_agent("read it. solid writeup, thanks.", "The postmortem is up: link")
    assert "dialog.pushback" not in _ids(just_read), just_read.explain()


def test_a_smile_on_a_pushback_after_a_bare_reply_is_no_cheer() -> None:
    policy = "Fees are set out in our schedule."
    pushed = read_after_agent("Done that. The card is domestic :slightly_smiling_face:", policy)
    assert "calm.cheer" not in _ids(pushed), pushed.explain()
    laughed = read_after_agent("Done that. The card is domestic haha", policy)
    assert "calm.cheer" in _ids(laughed), laughed.explain()


def test_the_same_fault_as_the_first_batch_happened_again() -> None:
    a = read_one("The second run arrived. Same problem as the first batch, the blue is off.")
    assert "repeat.again" in _ids(a), a.explain()


def test_applause_in_an_aggrieved_thread_is_a_slow_clap_whatever_the_reply_did() -> None:
    a = read_after_agent(
        "Great quality control 👏 two runs, same fault.",
        agent="Sorry to hear that. Could you send photos?",
        opener="The reprint came. Same problem as the first batch, the cyan is shifted.",
    )
    assert "press.sarcasm" in _ids(a), a.explain()


# Batches 387-390 (round 43).


def read_thread(*turns: tuple[Role, str]) -> Assessment:
    """The reading of the thread's last customer message, the turns played in order."""
    eng = engine()
    state = eng.start()
    a = None
    for role, text in turns:
        state, read = eng.read(state, Turn(role, text, 1.0))
        a = read or a
    assert a is not None
    return a


def features_after_agent(
    text: str,
    agent: str = "Thanks, checking now.",
    opener: str = "Hi, could you check invoice INV-1 for me?",
) -> set[str]:
    """The named features of `text` as the customer's second message (a calm marker of no
    weight shows here, not among the signals)."""
    eng = engine()
    state = eng.start()
    state, _ = eng.read(state, Turn(Role.CUSTOMER, opener, 1.0))
    state, _ = eng.read(state, Turn(Role.AGENT, agent, 2.0))
    return set(eng.features(state, Turn(Role.CUSTOMER, text, 3.0)).features.values)


def test_my_mess_owns_the_slip_and_its_word() -> None:
    said = features_after_agent("I'll delete it, my mess.", "Want me to delete it or will you?")
    assert "calm.own_slip" in said and "verdict.loaded" not in said, said


def test_a_thing_being_itself_is_a_shrug_at_someone_elses_kit() -> None:
    said = features_after_agent("COM6 🙄 windows gonna windows. want me to change it?")
    assert "calm.elsewhere" in said and "emoji.upset" not in said, said


def test_not_a_software_problem_puts_the_trouble_elsewhere() -> None:
    said = features_after_agent(
        "Done, thanks. The pallets keep going in the wrong bay but that's not a software problem"
    )
    assert "calm.elsewhere" in said and "dialog.no" not in said, said


def test_menace_at_the_customers_own_people_is_hyperbole() -> None:
    a = read_after_agent("Perfect. I will murder whoever keeps leaving the gate open 🙃")
    assert "esc.threat" not in _ids(a), a.explain()
    assert not [c for c in a.cues if c.kind is CueKind.THREAT_ABUSE], a.explain()


def test_after_a_vent_at_someone_else_a_plain_message_carries_no_new_tone() -> None:
    eng = engine()
    state = eng.start()
    for role, text in [
        (Role.CUSTOMER, "Not your fault at all, but the couriers squashed our trays AGAIN 😤"),
        (Role.AGENT, "Oof. Use Report a problem on the order and we'll chase them."),
        (Role.CUSTOMER, "Done. Tried the notes field before, they ignore it"),
    ]:
        state, a = eng.read(state, Turn(role, text, 1.0))
    assert a is not None and not a.frustrated, a.explain()


def test_if_it_happens_again_is_a_supposition() -> None:
    a = read_one("flipped it. if he double books again I'm sending him to you 😂")
    assert "repeat.recur" not in _ids(a), a.explain()


def test_super_helpful_after_a_template_beside_a_fault_is_sarcasm() -> None:
    template = (
        "Thanks for reaching out! Declines can happen for a number of reasons. Please make sure "
        "the correct PIN is used. Let us know if the issue persists!"
    )
    a = read_after_agent(
        "Oh awesome, thanks, super helpful 👍 The card is broken again, third time this month.",
        template,
    )
    assert "press.sarcasm" in _ids(a), a.explain()


def test_a_fine_the_customer_was_spared_is_no_legal_cue() -> None:
    a = read_one("Trading Standards could have fined us, so we reprinted them. Can you refund?")
    assert CueKind.LEGAL not in {c.kind for c in a.cues}, a.explain()


def test_a_loss_the_customer_wants_paid_asks_for_compensation() -> None:
    a = read_after_agent("11 pigs and the vet. I've put it at £6,900 and I want it paid.")
    assert [(r.kind, r.amount) for r in a.requests] == [(RequestKind.COMPENSATION, 6900.0)], (
        a.explain()
    )


# Batches 391-394 (round 44).


def test_a_menace_put_as_a_supposition_in_a_calm_thread_is_banter() -> None:
    eng = engine()
    state = eng.start()
    for role, text in [
        (Role.CUSTOMER, "Hi! Is there a size limit on label uploads?"),
        (Role.AGENT, "Yes, 10MB. Compress it and it'll go through."),
        (
            Role.CUSTOMER,
            "re-uploaded, all good. if it does this in the christmas rush I'm driving over "
            "there with my hottest soldering iron 🔥🔨",
        ),
    ]:
        state, a = eng.read(state, Turn(role, text, 1.0))
    assert a is not None and not a.cues, a.explain()


def test_past_me_called_names_is_the_customers_own_slip() -> None:
    said = features_after_agent("Found it, I set it to run till 2026. Past me is an idiot.")
    assert "calm.own_slip" in said and "feel.insult" not in said, said


# Rounds 41 to 44 (batches 379-394): phrasings read, after an agent reply, as the family a careful
# reader would give them, or not: (text, the agent's reply or None for a plain one, family, read?)
SESSION_58_PHRASINGS = [
    pytest.param(
        "Sure. I said I'd look at the renewal terms myself, but if you know?",
        None,
        "dialog.no",
        False,
        id="the_customers_own_word_to_check_is_no_correction",
    ),
    pytest.param(
        "Swapped it on Monday. Look, I'm driving out there every morning to check it myself.",
        "Could you check the battery?",
        "dialog.pushback",
        True,
        id="look_resetting_the_reply_pushes_back",
    ),
    pytest.param(
        "Could someone who can actually look at the server side take this?",
        None,
        "press.question",
        True,
        id="someone_who_can_actually_look_presses",
    ),
    pytest.param(
        "Now the totals are doubled. A bit less funny this time.",
        "Haha, fixed!",
        "feel.upset",
        True,
        id="a_joke_taken_back_in_the_comparative_is_upset",
    ),
    pytest.param(
        "That's the third time I've been pointed to the same page.",
        None,
        "repeat.loop",
        True,
        id="the_third_time_sent_to_the_same_page_says_the_loop",
    ),
    pytest.param(
        "Perfect, all in. Our foreman wrote 'tbc' on half the sheets, very him",
        "Rows with 'tbc' in the date go to the rejects file, fix and re-import those.",
        "press.sarcasm",
        False,
        id="quoted_words_someone_wrote_are_a_literal",
    ),
    pytest.param(
        "Not asking you to waive it. Asking you to check this one.",
        None,
        "dialog.pushback",
        True,
        id="not_asking_without_the_i_pushes_back",
    ),
    pytest.param(
        "Nothing has changed here. Did you look at the refs?",
        None,
        "press.question",
        True,
        id="did_you_look_at_the_refs_presses",
    ),
    pytest.param(
        "Two clients turned away and I'm getting links to the help centre.",
        None,
        "neglect.ignored",
        True,
        id="links_to_the_help_centre_as_the_answer_feel_ignored",
    ),
    pytest.param(
        "Really helpful to email 90 members a payment warning for no reason 👍",
        None,
        "press.sarcasm",
        True,
        id="praise_for_a_needless_harm_is_sarcasm",
    ),
    pytest.param(
        "The broker booked elsewhere. Not quite so funny now.",
        "Ha, on it!",
        "feel.upset",
        True,
        id="not_so_funny_now_is_upset",
    ),
    pytest.param(
        "Yes, they're showing. Anything we can do ourselves next time?",
        "I've rerun it by hand. Can you confirm the drivers see the routes?",
        "calm.resolved",
        True,
        id="yes_theyre_showing_confirms_the_fix",
    ),
    pytest.param(
        "It froze again this Saturday. Lovely to see it becoming a tradition 👍",
        None,
        "press.sarcasm",
        True,
        id="the_fault_kept_as_a_tradition_is_sarcasm",
    ),
    pytest.param(
        "Right. So the fee applies even when the error is yours. Good to know, I'll make a note.",
        None,
        "press.sarcasm",
        True,
        id="the_rule_summed_up_against_the_customer_then_noted_is_sarcasm",
    ),
    pytest.param(
        "Can someone re-run the March import. That is the whole request.",
        None,
        "dialog.pushback",
        True,
        id="the_whole_request_put_back_pushes_back",
    ),
]


# Batches 395-398 (round 45) and round 44's misses mended in session 59.


def test_a_temper_put_on_in_a_supposition_is_play_in_a_calm_thread() -> None:
    a = read_thread(
        (Role.CUSTOMER, "Any news on the 2.3 release? The crews keep asking me 😄"),
        (Role.AGENT, "It's in final testing, target is Friday."),
        (
            Role.CUSTOMER,
            "If it slips to next month I'm bringing a tray of flapjacks and eating every one "
            "in front of you 🍰😤",
        ),
    )
    assert not a.frustrated, a.explain()
    assert "emoji.upset" not in _ids(a), a.explain()


def test_a_temper_in_a_supposition_beside_a_complaint_stays_a_temper() -> None:
    said = features_after_agent("It crashed again at 6am. If it does that once more 😤")
    assert "emoji.upset" in said, said


def test_an_if_that_says_the_trouble_goes_on_is_an_ultimatum_not_a_supposition() -> None:
    a = read_after_agent(
        "If this isn't sorted this week I'm posting the whole story in the growers' group "
        "with your company's name on it.",
        "I can book an engineer for the 23rd.",
        "Hi, the grader belt has come off again.",
    )
    assert CueKind.THREAT_ABUSE in {c.kind for c in a.cues}, a.explain()


def test_a_refund_the_customer_must_give_their_own_buyer_asks_for_nothing() -> None:
    a = read_after_agent("He paid the old price, so I get to refund him by hand. Great stuff 🙃")
    assert not [r for r in a.requests if r.kind is RequestKind.REFUND], a.explain()
    asked = read_after_agent("You need to refund me the £40 fee.")
    assert [r.kind for r in asked.requests] == [RequestKind.REFUND], asked.explain()


SESSION_59_PHRASINGS = [
    pytest.param(
        "That's the same link. Does the product do re-exports or not?",
        "This article should help: https://help.example.com/permits",
        "repeat.loop",
        True,
        id="thats_the_same_link_names_the_repeat",
    ),
    pytest.param(
        "Is that the same link as the one in the welcome email?",
        None,
        "repeat.loop",
        False,
        id="asking_whether_a_link_is_the_same_is_no_repeat",
    ),
    pytest.param(
        "Third day without a reply. We're nearly out of stock.",
        None,
        "neglect.ignored",
        True,
        id="the_silence_counted_in_days_feels_ignored",
    ),
    pytest.param(
        "Two days without a reply from the carrier, could you chase them?",
        None,
        "neglect.ignored",
        False,
        id="a_third_partys_silence_is_not_ours",
    ),
    pytest.param(
        "It's your template. I downloaded it from the import page this morning.",
        "Your file has the dates in the wrong format.",
        "dialog.pushback",
        True,
        id="the_fault_handed_back_in_one_sentence_pushes_back",
    ),
    pytest.param(
        "It's a dishwasher. Things get wet. That's kind of the whole point",
        "Damage can happen if the unit is exposed to moisture.",
        "dialog.pushback",
        True,
        id="the_plain_fact_the_excuse_ignores_pushes_back",
    ),
    pytest.param(
        "Yes, that's the whole point of the import, thanks!",
        None,
        "dialog.pushback",
        False,
        id="the_point_of_a_feature_explained_is_no_pushback",
    ),
    pytest.param(
        "So we pay for your outage. Great way to treat customers of six years 👍",
        None,
        "press.sarcasm",
        True,
        id="praise_for_how_we_treat_the_customer_is_sarcasm",
    ),
    pytest.param(
        "The voucher feature is a great way to reward your regulars, thanks for adding it.",
        None,
        "press.sarcasm",
        False,
        id="a_feature_praised_for_rewarding_regulars_is_sincere",
    ),
    pytest.param(
        "It's Thursday.",
        "Still investigating, will let you know.",
        "wait.long",
        True,
        id="the_day_named_as_the_whole_answer_is_a_long_wait",
    ),
    pytest.param(
        "It's Thursday's delivery I'm asking about, not Friday's.",
        None,
        "wait.long",
        False,
        id="a_day_named_in_a_question_is_no_wait",
    ),
    pytest.param(
        "We'll see this season out and then we're gone.",
        None,
        "esc.leaving",
        True,
        id="the_end_named_after_a_last_stretch_is_leaving",
    ),
    pytest.param(
        "I'll finish the stock count and then I'm gone for the weekend.",
        None,
        "esc.leaving",
        False,
        id="gone_for_the_weekend_is_no_leaving",
    ),
    # batches 399-402 (round 46)
    pytest.param(
        "What's the best way to get the reports out in a format they can read offline?",
        None,
        "problem.broken",
        False,
        id="offline_as_the_way_to_read_is_no_fault",
    ),
    pytest.param(
        "The till went offline twice during lunch.",
        None,
        "problem.broken",
        True,
        id="a_till_gone_offline_is_a_fault",
    ),
    pytest.param(
        "Killed the stuck one and the rest are moving again. Ta!",
        "Cancel that job on its own and the others carry on.",
        "repeat.recur",
        False,
        id="things_moving_again_is_recovery_not_recurrence",
    ),
    pytest.param(
        "All sorted now. Ta!",
        None,
        "calm.thanks",
        True,
        id="ta_said_alone_is_thanks",
    ),
    pytest.param(
        "Can you at least tell me whether I should email them all myself?",
        "Still looking, bear with me.",
        "press.question",
        True,
        id="a_plea_cut_to_its_least_presses",
    ),
    pytest.param(
        "Thanks for the reply. It is word for word the one I got last week.",
        "Please check your capacity settings.",
        "press.sarcasm",
        True,
        id="thanks_for_a_reply_it_calls_a_repeat_is_sarcasm",
    ),
    pytest.param(
        "Thanks for the reply, that's exactly what I needed.",
        "Please check your capacity settings.",
        "press.sarcasm",
        False,
        id="thanks_for_a_useful_reply_is_sincere",
    ),
    pytest.param(
        "WE DID THE UPDATE. It says so in the ticket.",
        "Could you try updating the firmware?",
        "shape.caps",
        True,
        id="a_sentence_shouted_whole_is_capitals",
    ),
    pytest.param(
        "Codes on the label are SKU ABC DEF, is that right?",
        None,
        "shape.caps",
        False,
        id="codes_in_capitals_are_no_shout",
    ),
    pytest.param(
        "Officers go out with flat cameras. This is not ok.",
        None,
        "verdict.harsh",
        True,
        id="this_is_not_ok_is_a_verdict",
    ),
    pytest.param(
        "We did the update. Still red.",
        "Could you update the dock firmware?",
        "dialog.pushback",
        True,
        id="the_suggested_step_said_done_already_pushes_back",
    ),
    pytest.param(
        "That's the third time since April. Never happened once with the old provider.",
        None,
        "repeat.again",
        True,
        id="the_old_provider_as_the_better_time_keeps_the_fault_ours",
    ),
    pytest.param(
        "Two vans at the same pump is... kind of our whole job.",
        "The fraud rules are set globally.",
        "dialog.pushback",
        True,
        id="the_plain_fact_about_the_customers_job_pushes_back",
    ),
    pytest.param(
        'also the purple is VERY dramatic, can we have beige for "no data" 😅',
        'Purple is "no data" in that palette.',
        "press.sarcasm",
        False,
        id="a_colour_asked_for_a_quoted_state_is_no_echo",
    ),
    pytest.param(
        "He hated computers even more than I do, the old pattern maker.",
        None,
        "feel.upset",
        False,
        id="someone_elses_dislike_of_computers_is_no_upset",
    ),
    pytest.param(
        "Funny how the price goes up right after the contract is signed.",
        None,
        "press.sarcasm",
        True,
        id="timing_pointed_at_as_no_accident_is_sarcasm",
    ),
    pytest.param(
        "Funny how fast the crews took to the new app, they love it.",
        None,
        "press.sarcasm",
        False,
        id="a_pleasant_surprise_is_no_sarcasm",
    ),
    # batches 403-406 (round 47)
    pytest.param(
        "Perfect, Annex B is what she was missing. Can it go to contracts@example.com?",
        "The retention table is in Annex B.",
        "problem.missing",
        False,
        id="the_piece_found_is_no_loss",
    ),
    pytest.param(
        "Bingo. The italics were never copied over. Copying now.",
        "My guess is the fonts didn't get copied to the new box.",
        "calm.resolved",
        True,
        id="bingo_bears_out_the_agents_guess",
    ),
    pytest.param(
        "Rebuilt, preflight passes clean, 0 errors 0 warnings. Thanks!",
        None,
        "problem.broken",
        False,
        id="a_clean_build_counts_no_errors",
    ),
    pytest.param(
        "That's a relief, honestly. Photos attached.",
        "The claim goes through us, you don't have to chase the courier.",
        "calm.resolved",
        True,
        id="help_taken_with_relief_settles_it",
    ),
    pytest.param(
        "Photos attached. Never using that courier again, it said 'left in safe place'.",
        None,
        "repeat.recur",
        False,
        id="a_vow_about_someone_elses_service_is_no_recurrence",
    ),
    pytest.param(
        "Right. So the £45 is for your mistake. Good to know how this works.",
        "The policy applies to all accounts.",
        "press.sarcasm",
        True,
        id="the_cost_restated_and_called_good_to_know_is_sarcasm",
    ),
    pytest.param(
        "Both PDFs are on ticket #55812. Love getting to explain it twice :+1:",
        "Could you send me screenshots of both?",
        "press.sarcasm",
        True,
        id="the_repeat_welcomed_is_sarcasm",
    ),
    pytest.param(
        "Both have the same timestamp. That's kind of why I'm asking.",
        "Please refer to the latest one.",
        "dialog.pushback",
        True,
        id="the_replys_point_turned_back_as_the_reason_for_asking_pushes_back",
    ),
    pytest.param(
        "Reinstalling wipes the offline queue. That's the 40 boards. No.",
        "Can you try reinstalling?",
        "dialog.pushback",
        True,
        id="the_suggestion_turned_down_flat_after_its_cost_pushes_back",
    ),
    pytest.param(
        "We've gone round this three times now. The inspection is on the 19th.",
        "For exports please use the Export feature.",
        "repeat.loop",
        True,
        id="the_rounds_counted_say_the_loop",
    ),
    # batches 407-410 (round 48)
    pytest.param(
        "So the policy is that we pay for your outage. Good to know :+1:",
        "Overages are non-refundable.",
        "press.sarcasm",
        True,
        id="the_cost_called_good_to_know_with_a_thumb_is_sarcasm",
    ),
    pytest.param(
        "With respect, the TC52 is listed as recommended in your own hardware guide.",
        "The TC52 is an older device, we recommend upgrading.",
        "dialog.pushback",
        True,
        id="the_vendors_own_guide_against_the_reply_pushes_back",
    ),
    pytest.param(
        "We zero it before every job. It started with your update. But thanks for the reminder.",
        "Please make sure your operator zeroes the Z axis.",
        "press.sarcasm",
        True,
        id="thanks_for_advice_just_disproved_is_sarcasm",
    ),
    pytest.param(
        "Thanks for the reminder, I'd completely forgotten about the renewal!",
        "Just a heads up that your renewal is due on the 1st.",
        "press.sarcasm",
        False,
        id="thanks_for_a_useful_reminder_is_sincere",
    ),
    pytest.param(
        "So the recommendation is that we check your system's work for you. Noted.",
        "We recommend confirming directly with the bugler 48 hours before.",
        "press.sarcasm",
        True,
        id="the_advice_restated_as_our_job_and_noted_is_sarcasm",
    ),
    pytest.param(
        "Right. I've stopped joking. 60 people haven't been paid.",
        "Your next run is on the 5th.",
        "feel.upset",
        True,
        id="the_joking_called_off_is_upset",
    ),
    pytest.param(
        "Future shifts aren't the issue. Two people worked and weren't paid.",
        "I'd recommend regenerating the QR code for future shifts.",
        "dialog.pushback",
        True,
        id="the_replys_point_set_aside_pushes_back",
    ),
    pytest.param(
        "I'm not asking for a form, I'm asking someone to look at why.",
        "Off-cycle runs can be requested via the form.",
        "dialog.pushback",
        True,
        id="not_asking_for_x_asking_for_y_pushes_back",
    ),
    pytest.param(
        "So we now have minus 14 jackets in size M. Really nailing it.",
        "Your stock levels should be 100% accurate now.",
        "press.sarcasm",
        True,
        id="subjectless_praise_closing_an_absurd_result_is_sarcasm",
    ),
    pytest.param(
        "You're really nailing it with these updates, thanks team!",
        None,
        "press.sarcasm",
        False,
        id="praise_with_its_subject_is_sincere",
    ),
    # batches 411-414 (round 49)
    pytest.param(
        "Can you price it as a separate line? And our legal team want to redline the DPA.",
        None,
        "esc.legal",
        False,
        id="the_customers_lawyers_reviewing_papers_is_no_legal_step",
    ),
    pytest.param(
        "ok who do I have to bribe to get the export to stop putting nights on Saturday 🙃",
        None,
        "misread.hyperbole",
        True,
        id="a_joking_bribe_is_hyperbole",
    ),
    pytest.param(
        "Love that every cert is dated 1970. Really looking forward to explaining that to our "
        "customers.",
        None,
        "press.sarcasm",
        True,
        id="the_explaining_to_come_welcomed_is_sarcasm",
    ),
    pytest.param(
        "Checked spam and the address. The reminders are the one thing we pay you for.",
        None,
        "dialog.pushback",
        True,
        id="the_one_thing_paid_for_pushes_back",
    ),
    pytest.param(
        "They ARE on 3.9.2. I write this in the ticket also.",
        "Please make sure the drivers are on the latest version.",
        "dialog.pushback",
        True,
        id="the_answer_already_in_the_ticket_pushes_back",
    ),
    pytest.param(
        "Noted. That would be the fourth power-cycle this month, for the record.",
        "Could you power-cycle the controller and run the self-test?",
        "repeat.loop",
        True,
        id="the_same_step_counted_by_the_month_says_the_loop",
    ),
]


SESSION_60_PHRASINGS = [
    pytest.param(
        "Really appreciate getting to re-enter the rota every Monday 👍",
        "Done, it's re-applied now.",
        "press.sarcasm",
        True,
        id="a_chore_that_comes_back_every_week_welcomed_is_sarcasm",
    ),
    pytest.param(
        "Love getting to see the new dashboard every morning, great work.",
        None,
        "press.sarcasm",
        False,
        id="getting_to_see_something_good_every_day_is_praise",
    ),
    pytest.param(
        "Brilliant. Love a queue. Shall we check back in the new year?",
        "Your request is in the billing queue.",
        "press.sarcasm",
        True,
        id="a_queue_loved_and_the_next_chase_put_off_for_months_is_sarcasm",
    ),
    pytest.param(
        "Shall I check back next week for the replacement date?",
        None,
        "press.sarcasm",
        False,
        id="checking_back_next_week_is_a_plain_question",
    ),
    pytest.param(
        '"Some customers". Lovely. So who tells mine?',
        "Some customers were affected by a scheduler issue overnight.",
        "press.sarcasm",
        True,
        id="the_agents_words_quoted_back_with_one_word_of_praise_are_an_echo",
    ),
    pytest.param(
        "That worked! I take back half of what I said about the portal, thanks.",
        None,
        "dialog.no",
        False,
        id="taking_back_what_one_said_about_a_third_party_corrects_nobody",
    ),
    pytest.param(
        "That's not what I said. I asked for the March invoice.",
        None,
        "dialog.no",
        True,
        id="not_what_i_said_still_corrects_the_agent",
    ),
    pytest.param(
        "Does the pack include drafts? I'd rather they were in it marked draft than missing.",
        None,
        "problem.missing",
        False,
        id="rather_than_missing_is_a_preference_not_a_loss",
    ),
    pytest.param(
        "Right. Noted.",
        "Unfortunately the terms apply equally to all clients.",
        "ctx.clipped",
        True,
        id="right_noted_to_a_refusal_is_clipped",
    ),
    pytest.param(
        "Nah, done it myself, all sorted 🎉 cheers",
        "No, those get skipped. If you'd rather I ran it from our side, just say.",
        "dialog.no",
        False,
        id="nah_to_an_offer_made_conditional_declines_it",
    ),
    pytest.param(
        "Office 365, of course it was Office 365 🙃 all working now, thanks!",
        "That error usually means Office 365 is holding the file lock, close Outlook and retry.",
        "press.sarcasm",
        False,
        id="a_sigh_at_the_culprit_the_agent_named_is_no_sarcasm",
    ),
    pytest.param(
        "Great, so we're paying $2.50 a month per seat for nothing 👏",
        "Per our terms, inactive seats are billed.",
        "press.sarcasm",
        True,
        id="praise_then_paying_for_nothing_is_sarcasm",
    ),
    pytest.param(
        "Great, so we're billed monthly from now on. Nothing else changes?",
        None,
        "press.sarcasm",
        False,
        id="praise_then_a_plain_billing_question_is_no_sarcasm",
    ),
    pytest.param(
        "Tried that. Still wrong, which is at least consistent.",
        "Could you try clearing your cache?",
        "press.sarcasm",
        True,
        id="a_fault_praised_for_its_consistency_is_sarcasm",
    ),
    pytest.param(
        "Europe/London, as it has been since we signed up.",
        "Could you check your account timezone is set correctly?",
        "dialog.pushback",
        True,
        id="the_setting_right_all_along_pushes_back",
    ),
    pytest.param(
        "No changes on our side since the upgrade.",
        "Has anything changed on your network recently?",
        "dialog.no",
        False,
        id="no_changes_answers_whether_anything_changed",
    ),
    pytest.param(
        "Ha, kidding. Mostly. The export has the wrong column since this morning, can you look?",
        None,
        "calm.cheer",
        True,
        id="kidding_takes_back_a_dig",
    ),
    pytest.param(
        "Are you kidding? It's broken again.",
        None,
        "calm.cheer",
        False,
        id="are_you_kidding_is_no_joke",
    ),
    pytest.param(
        "Fourth time. Where is the certificate?",
        "Please see section 9 of the manual.",
        "repeat.loop",
        True,
        id="the_ask_counted_in_two_words_says_the_loop",
    ),
    pytest.param(
        "Third time lucky, it went through!",
        None,
        "repeat.loop",
        False,
        id="third_time_lucky_counts_no_asks",
    ),
    pytest.param(
        "Ha. Ha. Starting to think the invoice isn't the only thing that's gone missing.",
        "Still looking into it, will update you soon.",
        "press.sarcasm",
        True,
        id="a_laugh_typed_out_flat_is_sarcasm",
    ),
    pytest.param(
        "Haha that's brilliant, thanks!",
        None,
        "press.sarcasm",
        False,
        id="a_real_laugh_is_no_sarcasm",
    ),
    pytest.param(
        "Love that the tickets arrive after the show 👏 really adds to the experience.",
        None,
        "press.sarcasm",
        True,
        id="a_failure_that_adds_to_the_experience_is_sarcasm",
    ),
    pytest.param(
        "Great. Like last time.",
        "Thanks, I'll pass this on to the team.",
        "press.sarcasm",
        True,
        id="great_like_last_time_to_a_hand_off_is_sarcasm",
    ),
    pytest.param(
        "Great, like last time the engineer was brilliant, same again please.",
        None,
        "press.sarcasm",
        False,
        id="great_like_last_time_as_praise_is_no_sarcasm",
    ),
    pytest.param(
        "I appreciate the reply. I'd appreciate it more if it answered the question.",
        "Thank you for your patience, our team is looking into it.",
        "press.sarcasm",
        True,
        id="thanks_made_conditional_on_a_better_answer_is_sarcasm",
    ),
    pytest.param(
        "We received the same advice on the last ticket, and the speed was fine then too.",
        "Please check your internet connection is stable.",
        "repeat.loop",
        True,
        id="the_same_advice_received_before_says_the_loop",
    ),
    pytest.param(
        "I keep getting links to the same guide.",
        "Here's our guide: https://help.example.com/payouts",
        "repeat.loop",
        True,
        id="links_kept_coming_say_the_loop",
    ),
    pytest.param(
        "Less funny now, honestly. The quotes are going out wrong.",
        "Still looking! Have you tried logging out and back in?",
        "feel.upset",
        True,
        id="less_funny_now_says_the_joke_is_over",
    ),
    pytest.param(
        "Honestly starting to wonder why we switched from the old booking book.",
        "Here's our help article on that.",
        "feel.upset",
        True,
        id="wondering_why_they_switched_to_us_is_regret",
    ),
    pytest.param(
        "I wonder why the export takes so long, is it the file size?",
        None,
        "feel.upset",
        False,
        id="wondering_why_something_is_slow_is_a_question",
    ),
    pytest.param(
        "Joke's wearing a bit thin now, we need an answer by Friday.",
        "The template uses the address in Settings.",
        "feel.upset",
        True,
        id="a_joke_worn_thin_is_over",
    ),
    pytest.param(
        "Love that the scanner picks the morning of the audit to take a nap 👏",
        None,
        "press.sarcasm",
        True,
        id="a_fault_praised_for_its_timing_is_sarcasm",
    ),
    pytest.param(
        "So your invoice was wrong and we pay for it. Right.",
        "The terms are clear on late returns.",
        "press.sarcasm",
        True,
        id="your_mistake_and_we_pay_is_sarcasm",
    ),
    pytest.param(
        "So the answer is it's our staff. Great.",
        "It's most likely on the operator side.",
        "press.sarcasm",
        True,
        id="the_answer_restated_then_praised_is_sarcasm",
    ),
    pytest.param(
        "They still show the old price, which is why I'm asking.",
        "Prices update automatically.",
        "dialog.pushback",
        True,
        id="which_is_why_im_asking_said_flat_pushes_back",
    ),
    pytest.param(
        "I'll try once more. Why did it happen?",
        "We've fixed the batch now.",
        "repeat.loop",
        True,
        id="the_question_put_once_more_says_the_loop",
    ),
    pytest.param(
        "Let me try again, maybe the file was too big.",
        None,
        "repeat.loop",
        False,
        id="trying_an_upload_again_is_no_loop",
    ),
    pytest.param(
        "Sent the form Monday. Heard nothing since.",
        "Could you send us the form?",
        "neglect.ignored",
        True,
        id="heard_nothing_since_feels_ignored",
    ),
]


@pytest.mark.parametrize(
    ("text", "agent", "family", "read"),
    SESSION_58_PHRASINGS + SESSION_59_PHRASINGS + SESSION_60_PHRASINGS,
)
def test_a_phrasing_from_the_blind_rounds_reads_as_its_family(
    text: str, agent: str | None, family: str, read: bool
) -> None:
    """Rounds 41 to 53 (batches 379-430): each phrasing, after an agent reply, reads as the
    family a careful reader would give it, or not."""
    a = read_after_agent(text) if agent is None else read_after_agent(text, agent)
    assert (family in _ids(a)) is read, a.explain()


def test_the_ask_put_a_third_time_after_two_replies_that_moved_nothing_is_a_stalemate() -> None:
    a = read_thread(
        (Role.CUSTOMER, "Can you switch off auto re-sequencing for our Leeds depot?"),
        (Role.AGENT, "Re-sequencing keeps routes efficient as traffic changes 🚚"),
        (
            Role.CUSTOMER,
            "I get the idea. It doesn't work for how we load. I need it off. Possible?",
        ),
        (Role.AGENT, "Our engine recalculates routes so drivers always get the quickest one 😊"),
        (Role.CUSTOMER, "Third time asking. Yes or no: can it be turned off for Leeds?"),
    )
    assert CueKind.STALEMATE in {c.kind for c in a.cues}, a.explain()


def test_the_same_reply_named_a_second_time_is_not_yet_a_stalemate() -> None:
    a = read_thread(
        (Role.CUSTOMER, "Worker POS-3321 keeps failing its checks. Which one is it?"),
        (Role.AGENT, "Please make sure all workers have completed their induction."),
        (Role.CUSTOMER, "They all have. I asked which worker."),
        (Role.AGENT, "Please make sure all workers have completed their induction."),
        (Role.CUSTOMER, "That's word for word the same reply. Is anyone looking at POS-3321?"),
    )
    assert CueKind.STALEMATE not in {c.kind for c in a.cues}, a.explain()


def test_a_fee_to_be_taken_off_is_a_refund_of_that_fee() -> None:
    a = read_one("We were charged a £45 late fee on INV-7731. Can you take the fee off please?")
    assert [(r.kind, r.amount) for r in a.requests] == [(RequestKind.REFUND, 45.0)], a.explain()


def test_the_refund_the_customers_own_buyer_wants_asks_us_for_nothing() -> None:
    a = read_one(
        "The courier smashed it. The buyer is lovely but wants a refund. How do claims work?"
    )
    assert not a.requests, a.explain()


def test_a_rant_set_apart_from_the_question_to_us_is_aimed_elsewhere() -> None:
    a = read_one(
        "Honestly I could scream. The haulier has lost ANOTHER crate, third time this year with "
        "them. Rant over 😤 Actual question for you: how do I mark the slabs as lost?"
    )
    assert not a.frustrated, a.explain()


def test_the_count_opening_the_reply_counts_the_asks() -> None:
    a = read_thread(
        (
            Role.CUSTOMER,
            "Our buyer needs the certificate with the batch IDs on it. Can you do one?",
        ),
        (Role.AGENT, "Certificates can be downloaded from Documents > Certificates."),
        (Role.CUSTOMER, "That's where I got it. No batch IDs, the buyer rejected it. As I said."),
        (Role.AGENT, "The certificate template is standard for all customers."),
        (Role.CUSTOMER, "Third time: I have that one and it isn't accepted. IDs on it, yes or no?"),
    )
    assert CueKind.STALEMATE in {c.kind for c in a.cues}, a.explain()


def test_an_aside_opening_by_clearing_us_puts_the_upset_elsewhere() -> None:
    said = features_after_agent("Ugh. Our courier (not you, don't worry 😅) cancelled AGAIN.")
    assert "calm.elsewhere" in said, said


def test_a_question_called_silly_by_its_asker_is_their_own_slip() -> None:
    said = features_after_agent(
        "Ok I did it, there was salt on it. Now it shows 58%. Sorry for the stupid question 😅",
        "Could you rinse the probe tip with fresh water?",
    )
    assert "calm.own_slip" in said and "feel.insult" not in said, said


def test_a_vent_at_the_venue_then_a_question_to_us_is_aimed_elsewhere() -> None:
    a = read_one(
        "I swear this venue is going to be the death of me. They've moved the dinner *again* 🙄 "
        "Anyway, rant over. Is there a way to shift all 24 shifts by 75 min in one go?"
    )
    assert not a.frustrated, a.explain()


def test_the_drivers_angry_with_the_customer_not_us_is_not_the_customers_calm() -> None:
    said = features_after_agent(
        "They ARE on 3.9.2. Is 4 days now, the drivers are angry with me, not with you",
        "Please make sure the drivers are on the latest version.",
    )
    assert "calm.elsewhere" not in said, said


def test_a_rant_declared_not_about_us_puts_the_upset_elsewhere() -> None:
    said = features_after_agent(
        "Ok I need to vent and it is NOT about you guys. FuelPoint is a joke."
    )
    assert "calm.elsewhere" in said, said


def test_thanks_for_a_defence_then_pushed_back_on_is_sarcasm() -> None:
    a = read_after_agent(
        "Fantastic, thanks. Checked spam, checked the address. The reminders are the one thing "
        "we pay you for.",
        "Please make sure your email address is up to date and check your spam folder.",
        "Neither reminder email came and now the store is locked. This is ridiculous.",
    )
    assert "press.sarcasm" in _ids(a), a.explain()


# Batches 415-418 (round 50).


def test_a_vent_at_the_bank_with_us_asked_to_look_at_our_side_is_not_at_us() -> None:
    a = read_one(
        "Our bank rejected the file AGAIN 😤 Third time this month, honestly the bank is hopeless. "
        "Can you see anything odd on your side?"
    )
    assert a.level in (Level.CALM, Level.UNEASY), a.explain()


def test_the_people_who_run_the_site_are_someone_else_to_blame() -> None:
    a = read_one(
        "The site's property manager has 'lost' our certificate twice now, some of these "
        "property managers would lose their heads. Is there a delivery receipt in the app?"
    )
    assert a.level in (Level.CALM, Level.UNEASY), a.explain()


def test_after_a_vent_at_someone_else_what_went_wrong_with_him_is_his() -> None:
    a = read_thread(
        (
            Role.CUSTOMER,
            "The estate manager at Fernside has 'lost' my invoice three times now, some of these "
            "land agents would lose their own boots. Can I see whether he opened the emails?",
        ),
        (Role.AGENT, "Yes: open the invoice, then Activity. Each send shows when it was opened."),
        (Role.CUSTOMER, "Ha, opened twice. Lost it my foot. Can I send him a reminder with a fee?"),
    )
    assert "problem.missing" not in _ids(a), a.explain()


def test_the_same_question_counted_after_three_answers_that_moved_nothing_is_a_stalemate() -> None:
    a = read_thread(
        (Role.CUSTOMER, "The alarm feed dropped for four hours overnight. Why, and is it fixed?"),
        (Role.AGENT, "Thanks for reporting. The feed is working normally now."),
        (Role.CUSTOMER, "Good, but why did it drop, and can it happen again this weekend?"),
        (Role.AGENT, "Our engineers are investigating. The feed is working normally."),
        (Role.CUSTOMER, "I need to know whether to put a second person on shift this weekend."),
        (Role.AGENT, "We'll share a report when the investigation is done. All normal now."),
        (
            Role.CUSTOMER,
            "Same question for the fourth time: yes/no, can this happen again this weekend? "
            "'All normal now' doesn't help me staff a shift.",
        ),
    )
    assert CueKind.STALEMATE in {c.kind for c in a.cues}, a.explain()


def test_a_month_credited_and_free_months_after_are_a_credit_asked_for() -> None:
    a = read_one(
        "Three weeks without tracking. I want October credited in full and the next "
        "two months free."
    )
    assert RequestKind.CREDIT in {r.kind for r in a.requests}, a.explain()


def test_what_our_app_makes_of_someone_elses_change_is_a_reading_not_a_fault() -> None:
    a = read_one(
        "The port authority has moved the loading zone AGAIN without telling anyone, and your "
        "app thinks our trucks are outside it. Honestly that port lot are a nightmare 🤦 Can "
        "we redraw the zone ourselves?"
    )
    assert a.level in (Level.CALM, Level.UNEASY), a.explain()


def test_a_fix_we_announced_told_back_beside_the_fault_is_no_resolution() -> None:
    said = features_after_agent(
        "This is the third clash this year, after you told us in March it was fixed.",
        "Sorry about that, I'll raise it with engineering.",
        "Two bookings landed on the same slot again.",
    )
    assert "calm.resolved" not in said, said


def test_our_fees_for_three_months_credited_back_are_a_credit_asked_for() -> None:
    a = read_one("I want our seller fees for March, April and May credited back, that's £4,200.")
    assert RequestKind.CREDIT in {r.kind for r in a.requests}, a.explain()


def test_a_vent_announced_at_the_dealer_before_a_question_is_not_at_us() -> None:
    a = read_one(
        "Ok I need to vent for a sec and then ask you something 😤 Our dealer had the tractor for "
        "TWO WEEKS for a simple update. Absolute clowns. Anyway, your app isn't showing the hours "
        "since, is that on your end?"
    )
    assert not a.cues and a.level in (Level.CALM, Level.UNEASY), a.explain()


def test_the_years_fees_back_are_a_refund_asked_for() -> None:
    a = read_one("I want the year's fees back, £2,400, after this weekend.")
    assert RequestKind.REFUND in {r.kind for r in a.requests}, a.explain()


def test_the_amount_to_be_covered_is_compensation_asked_for() -> None:
    a = read_one("Your alarm failed and the batch is ruined. I want the £3,100 covered.")
    assert RequestKind.COMPENSATION in {r.kind for r in a.requests}, a.explain()


def test_guilty_owns_the_slip() -> None:
    said = features_after_agent(
        "Guilty. I'd left the old file in the folder 🙄",
        "That error means an old file is in the import folder.",
    )
    assert "calm.own_slip" in said, said


def test_the_delay_owned_as_their_own_sides_is_a_slip_of_theirs() -> None:
    said = features_after_agent(
        "Ah ok. My colleague published it late because the judge changed the date.",
        "The reminder was skipped because the pool was published after 18:00.",
    )
    assert "calm.own_slip" in said, said


def test_test_fails_retested_and_passed_report_no_fault() -> None:
    said = features_after_agent("Lift 14 has two fails, both retested and passed. One line or two?")
    assert "problem.broken" not in said, said


# Session 61, round 54 (batches 431-434)


def test_a_fault_the_customer_files_as_a_wish_and_not_urgent_is_no_grievance() -> None:
    a = read_after_agent(
        "One small thing, not urgent: the totals row is hard to read in dark mode. Feature request "
        "rather than a bug.",
        "Glad the update sorted it, I'll close the ticket.",
    )
    assert not ({"problem.broken", "dialog.soft"} & _ids(a)), a.explain()
    assert not a.frustrated, a.explain()


def test_a_fault_under_an_if_is_supposed_not_reported() -> None:
    said = features_after_agent(
        "Perfect. And if it doesn't work I'm sending the geese round to your office, fair "
        "warning 🪿",
        "One booking covers both days: choose Multi-day on the page.",
    )
    assert "problem.broken" not in said and "press.sarcasm" not in said, said


def test_praise_for_us_beside_a_fight_with_someone_else_is_not_at_us() -> None:
    a = read_thread(
        (
            Role.CUSTOMER,
            "Need to vent and it's NOT about you: the port authority's booking site has eaten my "
            "slot twice this week.",
        ),
        (Role.AGENT, "Sorry, rough week! Export > Slots > Compressed gets it under their limit."),
        (
            Role.CUSTOMER,
            "900KB. You're a star. Now back to arguing with the port authority again 🙃",
        ),
    )
    assert not a.frustrated, a.explain()


def test_kit_knocked_loose_by_the_customers_own_people_is_their_slip() -> None:
    said = features_after_agent(
        "Cable got knocked loose when the lads were painting the plant room 🙄 plugged it back in "
        "and it's back on the dashboard",
        "Is the network cable on the back still plugged in?",
    )
    assert "calm.own_slip" in said and "emoji.upset" not in said, said


def test_a_value_the_template_never_had_is_a_fault() -> None:
    assert "problem.broken" in features_after_agent(
        "The invoice template now prints Customer: undefined on every page."
    )


def test_praise_over_a_fault_from_the_first_message_is_sarcasm() -> None:
    a = read_one(
        "Fantastic 👏 the new export now puts null in every price column. Really nailing it."
    )
    assert "press.sarcasm" in _ids(a), a.explain()


def test_the_agents_word_said_back_after_a_yes_then_praised_flat_is_sarcasm() -> None:
    a = read_thread(
        (Role.CUSTOMER, "Members say the Pay button is greyed out on the renewal page."),
        (Role.AGENT, "I've checked and the renewal page is live 😊"),
        (Role.CUSTOMER, "Yes. Live. Great. They can look at it but not pay 🙂 Did you read it?"),
    )
    assert "press.sarcasm" in _ids(a), a.explain()


def test_the_agents_words_said_back_then_fine_is_flat_scorn() -> None:
    a = read_thread(
        (Role.CUSTOMER, "The stock sync has wiped the prices from all 90 items. Again."),
        (Role.AGENT, "Our engineers are aware and a fix is in the backlog."),
        (Role.CUSTOMER, "In the backlog. Fine. Tell me how I export everything."),
    )
    assert "press.sarcasm" in _ids(a), a.explain()


def test_the_service_wiping_the_customers_data_is_a_fault_and_their_own_clear_out_is_not() -> None:
    assert "problem.missing" in features_after_agent(
        "The overnight import has wiped the photos from all 212 listings."
    )
    assert "problem.missing" not in features_after_agent(
        "We have wiped the old photos from all the listings ourselves, ready for the new ones."
    )


def test_the_known_workaround_already_done_and_refused_again_pushes_back() -> None:
    said = features_after_agent(
        "I know the workaround, I did it last month. It took a whole day. I'm not doing it again.",
        "There's a workaround in our help centre for relinking the images.",
    )
    assert "dialog.pushback" in said, said


def test_every_other_app_working_pushes_back_on_the_agents_cause() -> None:
    said = features_after_agent(
        "Same office network as everything else. Every other app syncs fine.",
        "That error usually means a weak connection, could you try another network?",
    )
    assert "dialog.pushback" in said, said


def test_the_ask_counted_beside_the_same_answer_named_is_a_stalemate() -> None:
    a = read_thread(
        (Role.CUSTOMER, "My refund for order 5512 still hasn't arrived. When will it be paid?"),
        (Role.AGENT, "Thanks for your patience, the finance team is processing it."),
        (Role.CUSTOMER, "It's been three weeks. Is there a date? I have suppliers to pay."),
        (Role.AGENT, "Refund times can vary, the finance team is processing it."),
        (
            Role.CUSTOMER,
            "That's the same answer as last time. I'm asking for the third time: when will it be "
            "paid?",
        ),
    )
    assert CueKind.STALEMATE in {c.kind for c in a.cues}, a.explain()


def test_paying_the_customers_own_crews_to_wait_is_no_churn() -> None:
    a = read_thread(
        (Role.CUSTOMER, "The arrival texts to our consignees stopped on Saturday."),
        (Role.AGENT, "Our provider had a delay on Saturday, it should be resolved now."),
        (
            Role.CUSTOMER,
            "It isn't, none went out yesterday either. I cannot keep paying drivers to wait at the "
            "wharf, could someone look at the delivery receipts?",
        ),
    )
    assert CueKind.CHURN not in {c.kind for c in a.cues}, a.explain()


def test_a_rule_the_customers_lawyer_gives_for_a_record_is_no_legal_threat() -> None:
    a = read_one(
        "Our lawyer says the overtime must be shown as its own line on the payslip. Possible?"
    )
    assert CueKind.LEGAL not in {c.kind for c in a.cues}, a.explain()


def test_the_police_in_the_customers_own_incidents_are_no_threat() -> None:
    a = read_one(
        "The tablets lost 12 accident reports since the update. Several involved the police, so "
        "we need them back by Friday. Could you treat it as a priority?"
    )
    assert CueKind.LEGAL not in {c.kind for c in a.cues}, a.explain()


def test_a_councils_portal_is_no_regulator_brought_in() -> None:
    a = read_one(
        "The council's licensing portal times out on files over 2MB, it's a shambles. Can your "
        "export make one smaller PDF?"
    )
    assert CueKind.LEGAL not in {c.kind for c in a.cues}, a.explain()


# Session 61, round 55 (batches 435-438)


def test_a_part_dropped_because_another_system_does_it_is_no_churn_and_no_upset() -> None:
    a = read_one(
        "Heads up, we won't be renewing the route-planning add-on in June, our depot system does "
        "it now so we'd be paying twice. Main plan stays as is. Can you confirm?"
    )
    assert CueKind.CHURN not in {c.kind for c in a.cues}, a.explain()
    assert not a.frustrated, a.explain()


def test_a_fault_asked_about_as_a_guess_is_not_reported() -> None:
    said = features_after_agent(
        "One thing looks odd: Spain shows 900 plays but £0.00. Is that a bug or does it land "
        "next quarter?",
        "Statements > Q3 > Export, then choose By territory.",
    )
    assert "problem.broken" not in said, said


def test_the_service_praised_to_close_the_reply_to_a_refusal_is_sarcasm() -> None:
    a = read_thread(
        (Role.CUSTOMER, "The scale arrived with a cracked display. Can you send a new one?"),
        (Role.AGENT, "Per our policy, returns need the original box and postage is at your cost."),
        (Role.CUSTOMER, "So I pay to post back a scale you broke. Is that the best you can do?"),
        (Role.AGENT, "I'm afraid that's the policy for all hardware claims."),
        (Role.CUSTOMER, "Right. We'll weigh by hand then. Great service 👍"),
    )
    assert "press.sarcasm" in _ids(a), a.explain()


def test_glad_of_the_terms_read_out_twice_is_sarcasm() -> None:
    a = read_thread(
        (Role.CUSTOMER, "Our fee on booking 881 is 15% but we're on the 10% plan. Can you check?"),
        (Role.AGENT, "As per clause 4, rates apply at the time of booking."),
        (Role.CUSTOMER, "We moved plans in March, this was booked in June. So?"),
        (Role.AGENT, "As stated in clause 4, rates apply at the time of booking."),
        (
            Role.CUSTOMER,
            "Fantastic, really appreciate clause 4 being quoted to me twice 👍 It's £30.",
        ),
    )
    assert "press.sarcasm" in _ids(a), a.explain()


def test_a_thing_past_changing_by_its_own_state_is_not_above_the_agent() -> None:
    a = read_thread(
        (Role.CUSTOMER, "Our fee on booking 881 is 15% but we're on the 10% plan. Can you check?"),
        (Role.AGENT, "I'm unable to adjust commissions that have already been processed."),
        (Role.CUSTOMER, "So the plan we pay for just doesn't apply? That's not good enough."),
    )
    assert RequestKind.EXCEPTION not in {r.kind for r in a.requests}, a.explain()


def test_the_details_pointed_back_to_where_they_were_given_push_back() -> None:
    said = features_after_agent(
        "I wrote it in my message. Pixel 7, Android 14, app 5.2.",
        "Could you tell me which device and app version you're using?",
    )
    assert "dialog.pushback" in said, said


# Session 61, round 56 (batches 439-442)


def test_a_rant_announced_clipped_as_not_at_us_calls_names_at_someone_else() -> None:
    a = read_one(
        "Rant incoming, not at you: the courier has lost ANOTHER pallet, absolute clowns. Can I "
        "clone the shipment for the replacement?"
    )
    assert CueKind.THREAT_ABUSE not in {c.kind for c in a.cues}, a.explain()


def test_the_customers_own_alert_asked_after_is_no_exposure() -> None:
    a = read_thread(
        (Role.CUSTOMER, "We didn't get the closure text for the loch yesterday. What happened?"),
        (Role.AGENT, "Thanks for your patience! Our team is investigating notification delays."),
        (
            Role.CUSTOMER,
            "That doesn't tell me what happened to our alert. Was it sent to our numbers?",
        ),
    )
    assert CueKind.DATA_EXPOSURE not in {c.kind for c in a.cues}, a.explain()


def test_customers_seeing_the_wrong_stock_is_no_exposure() -> None:
    a = read_thread(
        (Role.CUSTOMER, "The stock on the webshop is wrong again, I reported it last week."),
        (Role.AGENT, "Could you clear your browser cache and check again?"),
        (Role.CUSTOMER, "Cache is not it. The CUSTOMERS see the wrong stock on their phones."),
    )
    assert CueKind.DATA_EXPOSURE not in {c.kind for c in a.cues}, a.explain()


def test_nobody_due_on_a_machine_yet_feels_no_neglect() -> None:
    said = features_after_agent(
        "yes go ahead, nobody is on it until 10", "Can I push the update to line 3 now?"
    )
    assert "neglect.ignored" not in said, said


def test_a_slip_run_on_with_so_is_owned() -> None:
    said = features_after_agent(
        "cancelled. it failed on row 40, a stray comma in the sheet so thats on us",
        "Can you check which row it stopped at?",
    )
    assert "calm.own_slip" in said, said


def test_the_customers_own_slip_feared_presses_for_nothing() -> None:
    said = features_after_agent("quick q before I do something dumb: how do I stop the import?")
    assert "press.urgency" not in said, said


def test_the_renewal_date_only_dates_a_cancellation_and_a_reversal_is_a_refund() -> None:
    a = read_one(
        "We were charged £42 for the add-on renewal. I emailed on 3 Nov asking to cancel it, "
        "before the renewal date. Could you reverse it please?"
    )
    assert CueKind.CHURN not in {c.kind for c in a.cues}, a.explain()
    assert [(r.kind, r.amount) for r in a.requests] == [(RequestKind.REFUND, 42.0)], a.explain()


def test_a_decision_called_a_choice_is_sarcasm() -> None:
    said = features_after_agent(
        "Quoting the terms at me over twelve pounds is... a choice.",
        "Per our terms, renewals are non-refundable.",
    )
    assert "press.sarcasm" in said, said


def test_details_pointed_back_to_earlier_tickets_push_back() -> None:
    said = features_after_agent(
        "Same as both previous tickets. Version 5.8, iPad 9th gen.",
        "Which app version and iPad are you using?",
    )
    assert "dialog.pushback" in said, said


# Session 61, round 57 (batches 443-446)


def test_a_vent_announced_at_them_then_the_question_is_not_at_us() -> None:
    a = read_one(
        "Need to vent for a sec and then a question. BoxLine lost another crate this week, "
        "absolutely furious with them. Anyway, the question for you: can I change the default "
        "carrier?"
    )
    assert not a.frustrated, a.explain()


def test_exposure_records_and_the_public_record_are_no_leak() -> None:
    for text in (
        "The HSE inspector will want our silica exposure records for the year. Best export?",
        "Since Tuesday the entries still show in my Submitted list but not on the public record.",
    ):
        a = read_one(text)
        assert CueKind.DATA_EXPOSURE not in {c.kind for c in a.cues}, a.explain()


def test_praise_then_one_thing_moves_on_to_the_next_point() -> None:
    said = features_after_agent(
        "Brilliant. One thing, the export only lists three vessels, is that because one was in "
        "dry dock?",
        "Reports > Hours of work, tick Include rest periods.",
    )
    assert "press.sarcasm" not in said, said


def test_a_phrase_quoted_beside_the_fix_is_shared_not_scorned() -> None:
    said = features_after_agent(
        'Ha, "weak signal under the bridges" is the story of my life. Cheers, that\'s us sorted',
        "3.8.2 fixes the retries on weak signal under the bridges.",
    )
    assert "press.sarcasm" not in said and "calm.resolved" in said, said


def test_the_same_sentence_counted_says_the_loop() -> None:
    said = features_after_agent(
        "That's the third time I've had that sentence.",
        "As mentioned, certificates can't be changed once issued.",
    )
    assert "repeat.loop" in said, said


def test_the_agents_asks_counted_back_push_back_but_are_no_loop() -> None:
    said = features_after_agent(
        "All iPhones. Third ask for the same info.", "Is it happening for all users?"
    )
    assert "dialog.pushback" in said and "repeat.loop" not in said, said


def test_a_job_run_at_the_wrong_time_is_wrong() -> None:
    assert "problem.wrong" in features_after_agent(
        "The reminder texts went out at 03:04 instead of 18:00."
    )


def test_the_follow_up_loved_out_loud_is_sarcasm() -> None:
    said = features_after_agent(
        "Really loving the engineering follow-up so far.", "I've passed this to engineering."
    )
    assert "press.sarcasm" in said, said


def test_nothing_came_is_something_missing() -> None:
    assert "problem.missing" in features_after_agent(
        "Tracking says delivered but the verger says nothing came."
    )


def test_the_details_pointed_back_in_a_word_push_back() -> None:
    assert "dialog.pushback" in features_after_agent("Above.", "Could you send the crash log?")


def test_the_festive_spirit_gone_is_upset() -> None:
    assert "feel.upset" in features_after_agent(
        "Not really feeling the festive spirit now, 40 families have no seat."
    )


# Session 62, round 58 (batches 447-450) and round 59 (batches 451-454)


def test_the_fee_wanted_back_is_a_refund_ask() -> None:
    a = read_one("Two missed visits. I want the whole annual support fee back, £3,900.")
    assert RequestKind.REFUND in {r.kind for r in a.requests}, a.explain()


def test_a_thing_nobody_needs_is_no_neglect() -> None:
    said = features_after_agent("Trim it, nobody reads those notes in the ledger anyway.")
    assert "neglect.ignored" not in said, said


def test_the_fault_named_with_last_month_recurs() -> None:
    said = features_after_agent("Price list 'Trade A'. Same as last month. And the month before.")
    assert "repeat.recur" in said, said


def test_the_fix_tried_before_it_was_suggested_pushes_back() -> None:
    said = features_after_agent(
        "We did that on all six tablets yesterday, same thing.", "Please reinstall the app."
    )
    assert "dialog.pushback" in said, said


def test_the_links_counted_back_push_back() -> None:
    said = features_after_agent(
        "I appreciate the articles, that's four now. Can someone compare the outputs?",
        "Here's our troubleshooting guide: https://example.com/help",
    )
    assert "dialog.pushback" in said, said


def test_a_cause_guessed_as_ones_own_is_a_slip_owned() -> None:
    said = features_after_agent(
        "That'd be me, sorry 🙈 I removed some old integrations last week.",
        "Did anyone change the app permissions recently?",
    )
    assert "calm.own_slip" in said and "dialog.sorry" not in said, said


def test_a_colleague_teased_for_the_slip_is_the_customers_own() -> None:
    a = read_thread(
        (Role.CUSTOMER, "Hi, one driver's hours haven't synced since Monday."),
        (Role.AGENT, "Is the shift still clocked in on his phone?"),
        (Role.CUSTOMER, "He'd left it running since Monday 🙄 (classic Rob). All in now, thanks!"),
    )
    assert a.level is Level.CALM, a.explain()


def test_the_customers_own_work_resumed_is_no_recurrence() -> None:
    said = features_after_agent("swapped the probe, reads fine at room temp. printing again. ta!")
    assert "repeat.recur" not in said, said


def test_the_wry_face_at_worn_kit_of_their_own_is_no_sarcasm() -> None:
    said = features_after_agent(
        "checked. the belt is literally in shreds 🙃 it's done ten years so it's earned its "
        "retirement",
        "Could you check the drive belt for wear?",
    )
    assert "press.sarcasm" not in said, said


def test_the_burden_called_a_treat_is_sarcasm() -> None:
    said = features_after_agent(
        "Great 👍 re-pairing 40 scanners by hand, my favourite way to spend a Monday.",
        "Please re-pair each scanner from the settings page.",
    )
    assert "press.sarcasm" in said, said


@pytest.mark.parametrize(
    "text",
    ["not really laughing about it today tbh", "OK, less funny now. Two clients came on Monday."],
)
def test_the_joke_called_off_is_upset(text: str) -> None:
    assert "feel.upset" in features_after_agent(text), text


def test_the_last_wait_named_presses_for_speed() -> None:
    said = features_after_agent("Thanks. Please don't let it be another three days.")
    assert "press.urgency" in said, said


def test_the_workaround_asked_back_in_disbelief_is_a_loaded_question() -> None:
    said = features_after_agent(
        "You want me to re-enter 300 prices by hand?", "Please edit each price manually."
    )
    assert "press.question" in said, said


def test_a_request_to_our_product_after_not_your_fault_still_clears_us() -> None:
    said = features_after_agent(
        "That depot is hopeless 😠 Not your fault at all, but can your label tool switch us "
        "to the other carrier?"
    )
    assert "calm.elsewhere" in said, said


def test_a_vented_courier_named_again_beside_a_how_to_question_is_theirs() -> None:
    a = read_thread(
        (Role.CUSTOMER, "Not your fault at all, but the courier has lost three parcels this week."),
        (Role.AGENT, "Sorry to hear that. Carrier rules are under Shipping."),
        (
            Role.CUSTOMER,
            "Done. Honestly, that courier 🙄 Any way to print claim forms for the lost ones "
            "from your side?",
        ),
    )
    assert a.level is Level.CALM or a.level is Level.UNEASY, a.explain()
    assert not a.frustrated, a.explain()


def test_the_customers_own_step_reported_done_is_no_chase() -> None:
    eng = engine()
    state = eng.start()
    opener = "Hi, the nightly sync failed on one record."
    state, _ = eng.read(state, Turn(Role.CUSTOMER, opener, 1.0))
    state, _ = eng.read(state, Turn(Role.AGENT, "Trim the note on it and I'll re-run.", 60.0))
    state, _ = eng.read(state, Turn(Role.CUSTOMER, "Sure, give me 5 min to trim it", 120.0))
    done = eng.features(state, Turn(Role.CUSTOMER, "done, trimmed to 180 chars", 180.0))
    assert "pace.double_text" not in done.features.values, done.features.values
    chase = eng.features(state, Turn(Role.CUSTOMER, "hello? anyone?", 180.0))
    assert "pace.double_text" in chase.features.values, chase.features.values


def test_a_fire_foretold_in_fun_is_no_danger() -> None:
    a = read_one("lol my apprentice thinks frame 4 is about to burst into flames 😂 wrong units")
    assert CueKind.SAFETY not in {c.kind for c in a.cues}, a.explain()
    real = read_one("The charger burst into flames in the van this morning.")
    assert CueKind.SAFETY in {c.kind for c in real.cues}, real.explain()


# Session 62, round 60 (batches 455-458) and round 61 (batches 459-462)


def test_asking_whether_the_agent_knows_a_fact_is_no_loaded_question() -> None:
    said = features_after_agent("Brill. Do you know if they want the photos with the claim?")
    assert "press.question" not in said, said
    assert "press.question" in features_after_agent("Do you even know what the export does?")


def test_a_typing_slip_owned_takes_the_agents_bad_news_with_it() -> None:
    a = read_thread(
        (Role.CUSTOMER, "Hi, our last three payouts haven't arrived, can you check?"),
        (Role.AGENT, "They were returned by your bank, unable to locate the account number."),
        (
            Role.CUSTOMER,
            "Let me check what I typed... yep, fat-fingered the last digits 🤦 fixing now",
        ),
    )
    ids = {s.id for s in a.signals}
    assert "agent.failed" not in ids and not a.frustrated, a.explain()


def test_a_loss_said_to_cost_nothing_that_matters_is_no_fault() -> None:
    said = features_after_agent(
        "Counts for that hour are missing but the press was idle anyway, so nothing lost that "
        "matters.",
        "Did you lose counts or only the live view?",
    )
    assert not {f for f in said if f.startswith("problem.")}, said


def test_nobody_hurt_and_the_change_rolled_back_is_no_danger() -> None:
    a = read_one(
        "The mill plunged the cutter into the clamp on the first job. Nobody was hurt. We rolled "
        "back to 4.2 and it runs clean. Can you confirm the bug?"
    )
    assert CueKind.SAFETY not in {c.kind for c in a.cues}, a.explain()


def test_a_chefs_kiss_is_praise_and_bumped_into_a_class_is_no_cancellation() -> None:
    said = features_after_agent(
        "the new waitlist auto-promote is chef's kiss. 11 people got bumped into Saturday's class."
    )
    assert "calm.praise" in said and "problem.cancelled" not in said, said


def test_a_temper_put_on_after_a_plain_request_is_play() -> None:
    a = read_thread(
        (Role.CUSTOMER, "The new export is lovely, thanks for shipping it."),
        (Role.AGENT, "Glad to hear! Anything else we can tweak?"),
        (
            Role.CUSTOMER,
            "One thing: can the window be 12h instead of 24? If you say no I'm coming over with a "
            "bucket of slip and I'm not afraid to use it 🏺😤",
        ),
    )
    assert CueKind.THREAT_ABUSE not in {c.kind for c in a.cues}, a.explain()
    assert not a.frustrated, a.explain()


def test_done_with_the_visits_is_fed_up_not_finished() -> None:
    said = features_after_agent("I'm done with visits. I want the money back.")
    assert "calm.closing" not in said, said


def test_a_charge_asked_to_come_off_is_a_refund_with_its_amount() -> None:
    a = read_one("Hi, we got a $65 overage on April's invoice. Can that come off?")
    refunds = [r for r in a.requests if r.kind is RequestKind.REFUND]
    assert refunds and refunds[0].amount == 65.0, a.explain()


def test_the_agents_suggestion_greeted_with_mock_delight_is_sarcasm() -> None:
    said = features_after_agent(
        "Oh brilliant, the update. Fantastic. We're already on 5.12.", "Please update the app."
    )
    assert "press.sarcasm" in said, said


def test_the_forced_fallback_mocked_as_old_fashioned_is_sarcasm() -> None:
    said = features_after_agent("Really loving the clipboard system though, very retro.")
    assert "press.sarcasm" in said, said
    # ... not "like it's 1987 😅" alone, said in good humour in the first report
    fun = features_after_agent("We've been writing claim numbers on tape like it's 1987 😅")
    assert "press.sarcasm" not in fun, fun


def test_the_day_named_in_a_chase_says_how_long_it_has_been() -> None:
    said = features_after_agent("Hi, any news? It's Wednesday.", "I'll get back to you today.")
    assert "wait.duration" in said, said


@pytest.mark.parametrize(
    "text",
    [
        "We've used the same rolls for three years without a problem. The only thing that changed "
        "is your update.",
        "We *have* let you know. That's what this thread is.",
    ],
)
def test_the_plain_record_against_the_agents_blame_pushes_back(text: str) -> None:
    assert "dialog.pushback" in features_after_agent(text, "Please use certified labels."), text


def test_a_past_working_state_is_no_praise() -> None:
    said = features_after_agent("How does the driver know? It printed them fine on Friday.")
    assert "calm.praise" not in said, said


@pytest.mark.parametrize(
    ("text", "family"),
    [
        ("Thanks, I'll raise it with the team and get back to you today.", "agent.plan"),
        ("I'd recommend reviewing the help article linked above.", "agent.canned"),
    ],
)
def test_the_agents_holding_lines_are_read(text: str, family: str) -> None:
    assert family in engine().agent_families(text), text


def test_the_same_answer_as_an_old_ticket_praised_as_consistency() -> None:
    said = features_after_agent(
        "I sent this exact problem in October and got this exact message back then too. Great to "
        "see consistency.",
        "Please check your rounding settings.",
    )
    assert "repeat.loop" in said and "press.sarcasm" in said, said


def test_charged_after_cancelling_is_a_billing_fault_not_leaving() -> None:
    a = read_one("Hi, I cancelled our plan on 2 Nov but we were charged $39 on 5 Nov anyway.")
    assert CueKind.CHURN not in {c.kind for c in a.cues}, a.explain()


def test_the_agents_word_asked_back_is_a_loaded_question() -> None:
    said = features_after_agent(
        "Investigating what, exactly? I've got suppliers to pay on Friday.",
        "The payments team is still investigating.",
    )
    assert "press.question" in said, said


def test_the_outages_timing_praised_is_sarcasm() -> None:
    said = features_after_agent(
        "Brilliant. Friday rush, best possible moment, really appreciate the timing 👏👏",
        "Thanks, we're looking into it.",
    )
    assert "press.sarcasm" in said, said


def test_too_late_in_a_story_is_no_wait() -> None:
    said = features_after_agent(
        "Too late, one of them built one out of lolly sticks 🙈 Could you send the invoice?",
        "Hope the obsession wears off before it turns into homework!",
    )
    assert "wait.duration" not in said, said


# Session 62, round 62 (batches 463-466) and round 63 (batches 467-470)


@pytest.mark.parametrize(
    "text",
    [
        "Right, venting not at you: the carrier lost another box. Can I reprint the label?",
        "The carrier lost our pallet again 😤 Not on you at all. Can I file the claim here?",
    ],
)
def test_the_vent_said_not_to_be_on_us_is_elsewhere(text: str) -> None:
    assert "calm.elsewhere" in features_after_agent(text), text


def test_the_offer_quoted_back_as_too_little_leaves_the_first_ask_standing() -> None:
    a = read_thread(
        (
            Role.CUSTOMER,
            "The outage cost us about €2,900 in lost margin. I'd like a credit for that.",
        ),
        (Role.AGENT, "Sorry about that. I can apply the standard SLA credit, which is €49."),
        (Role.CUSTOMER, "€49. That's not a credit, that's an insult."),
    )
    amounts = [r.amount for r in a.requests]
    assert amounts == [2900.0], a.explain()


def test_a_plan_price_is_not_the_sum_asked_for() -> None:
    a = read_one("Could we get a small credit for Saturday? We're on the $1,350/yr plan so $40.")
    credits = [r for r in a.requests if r.kind is RequestKind.CREDIT]
    assert credits and credits[0].amount == 40.0, a.explain()


def test_the_sum_wanted_credited_is_a_credit_ask() -> None:
    a = read_one("The cream was about $6,400 at cost. I want the $6,400 credited to our account.")
    credits = [r for r in a.requests if r.kind is RequestKind.CREDIT]
    assert credits and credits[0].amount == 6400.0, a.explain()


def test_the_standard_remedy_offered_is_an_offer() -> None:
    families = engine().agent_families("I can apply the standard SLA credit for the 9 hours.")
    assert "agent.offer" in families, families


@pytest.mark.parametrize(
    ("text", "agent"),
    [
        (
            "Fantastic update 🙃 really appreciate the notes field disappearing in audit week.",
            "We've released 5.0!",
        ),
        ("Passing feedback on is nice. I need the old notes back.", "I'll pass the feedback on."),
        ("Sure, I'll try it on the toaster too.", "Could you try a different device?"),
        (
            "Love that the fix for the update wiping the log is to... install the update.",
            "Please update the app.",
        ),
        ("Sure, why not. It's been down two hours, what's another twenty minutes 🙂", "Try again?"),
        (
            "We tried it twice. Thanks for the suggestion though, very helpful 🙂",
            "Have you tried restarting it?",
        ),
        (
            "So the policy is that I pay $35 because your processor was down. Good to know.",
            "Per section 9.4 a $35 fee applies.",
        ),
        ("Sure. Automatically. Fine.", "The fee is applied automatically."),
    ],
)
def test_thanks_and_praise_for_the_burden_are_sarcasm(text: str, agent: str) -> None:
    assert "press.sarcasm" in features_after_agent(text, agent), text


@pytest.mark.parametrize(
    "text",
    [
        "I listed the browsers I tried. And incognito.",
        "Yes, twice. As the log I attached shows.",
        "It is the latest version, that's literally what broke it.",
    ],
)
def test_the_record_pointed_back_to_pushes_back(text: str) -> None:
    assert "dialog.pushback" in features_after_agent(text, "Please clear your cache."), text


def test_the_counted_ask_put_as_an_instruction_is_a_stalemate() -> None:
    a = read_thread(
        (Role.CUSTOMER, "The welder failed again, third time. We need an RMA please."),
        (Role.AGENT, "Please run the self-test and send the result."),
        (Role.CUSTOMER, "Self-test: GEN FAIL 31, same as before. Can we get the RMA started?"),
        (Role.AGENT, "Could you confirm the serial number and check the horn torque?"),
        (
            Role.CUSTOMER,
            "Serial is in my first message, horn is at spec. Third time asking in this thread: "
            "please issue the RMA.",
        ),
    )
    assert CueKind.STALEMATE in {c.kind for c in a.cues}, a.explain()


def test_an_unseen_thing_asked_about_is_no_fault() -> None:
    said = features_after_agent(
        "Perfect. Does that include anything you hold that I can't see? e.g. payment details",
        "Customers > Export buyer data gives you a ZIP.",
    )
    assert "problem.broken" not in said and "press.sarcasm" not in said, said


# Session 62, round 64 (batches 471-474)


def test_a_slip_confessed_up_front_is_owned() -> None:
    said = features_after_agent(
        "Right, confession: at 3am I tried to log the twins to the ram 🙈 the app wouldn't let me."
    )
    assert "calm.own_slip" in said, said
