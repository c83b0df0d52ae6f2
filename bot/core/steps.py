"""The engine's pipeline: small named steps, each a pure function of one message in its thread.

Like a logging processor chain, every step receives the same `Reading` and adds or removes named
features; the combiner reads what is left. Misreads are steps of their own, not special cases
scattered through the scoring: hyperbole ("this bug is killing our build"), sarcasm ("thanks a
lot, broken again"), corrections that only mean something after an agent reply, owning a slip,
and closings ("no, thanks, that's all"). Code blocks, quoted logs and Slack markup are removed
before any step runs (`bot.core.text.prepare`).
"""

from __future__ import annotations

import math
import re
from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING

from bot.core import features as F
from bot.core.features import Features, Hit
from bot.core.models import Level, Turn
from bot.core.signals import Matcher, strip_quote_lines
from bot.core.text import (
    FIGURE,
    LAUGH_OUT,
    WORD_FIGURE,
    Prepared,
    content_hashes,
    figure_key,
    ref_hashes,
)
from bot.core.textindex import AnyOf
from bot.core.tone import ToneModels, Vector
from phrasebook.detection import DetectionRules

if TYPE_CHECKING:
    from bot.core.engine import EngineState
    from bot.core.situation import SituationReader

SHORT = 10  # tokens: a short message
LENGTH_CAP = 30  # words: beyond this a message reads no longer
DAY_MINUTES = 24 * 60


@dataclass(slots=True)
class Reading:
    """One customer message on its way through the pipeline."""

    prep: Prepared
    turn: Turn
    state: EngineState  # the thread before this message (steps read it, never change it)
    customer_turn: int  # 0 for the customer's first message of the thread
    after_agent: bool  # an agent replied since the customer last wrote
    features: Features
    topic: str | None = None
    vector: Vector | None = None  # sentence embedding, when an embedder is loaded
    asks: bool | None = None  # `asks_question` of the message, once the context step asked
    no_fault: bool | None = None  # the message names a reason of its own, once a step looked
    gave_again: bool = False  # gives back a reference the agent asked for again (context step)
    aimed_away: bool = False  # puts the fault with someone else, nothing of us (`aimed_elsewhere`)
    put_on: bool = False  # a temper put on in a closing supposition (`supposed_temper`)


Step = Callable[[Reading], None]
Pipeline = list[tuple[str, Step]]


def lexicon_step(matcher: Matcher) -> Step:
    """Lexicon families that fire on the message (negation-aware)."""

    def lexicon(r: Reading) -> None:
        # lines quoted from someone else ("> You people are THIEVES") are theirs, not the customer's
        for hit in matcher.match(strip_quote_lines(r.prep.lower), r.prep.prose):
            r.features.add(hit)

    return lexicon


def dialogue_only(r: Reading) -> None:
    """Corrections, pushback and "sorry, I meant" only mean something as answers to an agent:
    an opening "No idea why, but..." or "sorry to bother you" corrects nobody. A second message
    in a row after an agent's answer still answers it ("That's what I did." then "Could someone
    actually read the log please")."""
    if not (r.after_agent or r.state.agent_hashes):  # no agent has answered in the thread yet
        for name in [n for n in r.features.values if n.startswith("dialog.")]:
            r.features.drop(name)


def hyperbole_step(matcher: Matcher, cancels: tuple[str, ...]) -> Step:
    """Friendly exaggeration cancels the heated words it borrows ("killing it", "I'd kill for
    dark mode", "this bug is killing our build")."""

    def hyperbole(r: Reading) -> None:
        if not matcher.exaggerates(r.prep.lower):
            return
        for name in [n for n in r.features.values if n.startswith(cancels)]:
            r.features.drop(name)
        r.features.set(F.HYPERBOLE, 1.0, "friendly exaggeration")

    return hyperbole


# a sentence put as a supposition: "If it slips to next week I'm driving down ..."
_SUPPOSED_SENTENCE = re.compile(r"[^.!?\n]+[.!?]*")


def supposed_temper_step(rules: DetectionRules) -> Step:
    """`supposed_temper`: a put-on temper in a message that ends in supposition, complaining of
    nothing, in a thread not yet heated, is play ("If it slips to next week I'm driving down to
    your office with a crate of doughnuts and eating ALL of them in front of you 🍩😤"): the upset
    face belongs to the story, not to the customer now."""
    complaint = tuple(g for g in rules.tuning.grievance if g != "emoji.upset")

    def supposed_temper(r: Reading) -> None:
        if not r.features.has("emoji.upset") or r.state.level in _HEATED:
            return
        if r.features.has(*complaint):
            return
        sentences = [s.strip() for s in _SUPPOSED_SENTENCE.findall(r.prep.lower) if s.strip()]
        # (the temper closes the message as a supposition; what comes before it complains of
        # nothing: "can promoted people get a 12h window? ... If you say no I'm coming over there
        # with a bucket of reclaim and I'm not afraid to use it 🏺😤")
        if not sentences or not sentences[-1].startswith("if "):
            return
        r.features.drop("emoji.upset")
        r.features.set(F.HYPERBOLE, 1.0, "a temper put on in a supposition")
        r.put_on = True

    return supposed_temper


_PRAISE_WORD = (
    r"(?:great|fantastic|brilliant|perfect|wonderful|awesome|lovely|excellent|amazing|superb|super|"
    r"fab|fabulous|genius|"
    r"marvell?ous|splendid|terrific|cool(?! cool))"
)
# Praise said on its own, as a sentence ("Fantastic.", "Brilliant stuff, really.", "Oh great!"),
# stacked ("great, amazing, ..."), or as an "oh great" / "just perfect" / "just what I needed"
# aside: sarcastic beside a failure, sincere without one ("Oh perfect! Can I book a table for
# eight?")
_PRAISE_ALONE = re.compile(
    # (a face ends a sentence too: "... only on the pots from this one lot 🙂 Super helpful.")
    r"(?:^|[.!?]\s+|[^\w\s.,;:!?'\"()\[\]/*&#@%+=<>-]\s+)(?:oh,? |well,? )?"
    + _PRAISE_WORD
    + r"(?: [a-z]+)?"
    r"(?:,? (?:really|truly|guys|folks|team))?[.!]+(?=\s|$)"
    r"|\b(?:oh|just),? " + _PRAISE_WORD + r"\b|\bjust what (?:i|we) (?:needed|wanted)\b"
    # praise words stacked: "great, amazing, love the DIY element"
    r"|(?:^|[.!?]\s+)" + _PRAISE_WORD + r", " + _PRAISE_WORD + r"\b"
    r"|\blove (?:that|this) for (?:us|me)\b"
    # "love that." said as a sentence of its own ("... while the backlog gets worked through.
    # love that.")
    r"|(?:^|[.!?]\s+)(?:i |we |just |gotta |got to )?(?:love|loving) (?:that|it|this)[.!]+(?=\s|$)"
)
# Praise as the first sentence of a reply ("Wonderful. ...", "Oh, brilliant!"), or right after
# the agent's own word echoed back ("soon. lovely. ..."); an "ok." or "thanks." first is no echo
_PRAISE_OPENS = re.compile(
    r"^(?:(?!(?:ok|okay|k|thanks|thx|cheers|yes|yep|yeah|sure|right|alright|fine|noted|cool|"
    r"hi|hey|hello|done|great)[.!?])[a-z']+[.!?]+\s+)?(?:oh,? |well,? )?"
    + _PRAISE_WORD
    + r"[.!]+(?=\s|$)"
)
# praise naming what the reply sent instead of an answer: "Oh lovely, a care guide.", "Great, the
# FAQ again."
_PRAISE_NAMES = re.compile(
    r"^(?:oh,? |well,? )?" + _PRAISE_WORD + r",? (?:a|an|the|another|more|some) (?:[a-z-]+ ){0,3}"
    r"[a-z-]+(?: again)?[.!]+(?=\s|$)"
)
# ... or the thing named first, then thanked flat: "a help article. cheers. really useful at 6:15"
_NAMES_PRAISED = re.compile(
    r"^(?:a|an|the|another|more|some) ((?:[a-z-]+ ){0,3}[a-z-]+)(?: again)?[.!]+\s+(?:oh,? )?(?:"
    + _PRAISE_WORD
    + r"|cheers|thanks|ta)[.!]+(?=\s|$)"
)
# praise given flat after a shrug, and nothing else: "Right. Brilliant." (after a defence it mocks;
# after a template, "ok. great." may just take it)
_SHRUGGED_PRAISE = re.compile(
    r"^(?:right|ok|okay|fine|alright|sure|k)[.!,]+\s+(?:oh,? )?" + _PRAISE_WORD + r"[.!]*\s*$"
)
# a template thanked for what it lacked: "great, really appreciate these detailed updates"
_PRAISED_DETAIL = re.compile(
    r"\bappreciate (?:these|this|the|your|all (?:the|these|your)) (?:very |so |super |really )?"
    r"(?:detailed|thorough|informative|specific|precise|in-depth|comprehensive) "
    r"(?:updates?|answers?|replies|responses|explanations?|info\w*)\b"
)
# Deadpan praise in pairs ("awesome. cool.", "Great. Just great."): two one-word verdicts in a
# row, after a complaint earlier in the thread, mock the answer they follow
_VERDICT_WORD = _PRAISE_WORD.replace("superb|", "cool|super|nice|superb|")
_DEADPAN = re.compile(
    r"(?:^|[.!?]\s+)(?:oh,? )?"
    + _VERDICT_WORD
    + r"[.!]+\s+(?:just |really |so |very |truly |simply |absolutely )?"
    + _VERDICT_WORD
    + r"[.!]*(?=\s|$)"
    # the day it ruined, praised flatly: "Great start to a Saturday."
    r"|(?:^|[.!?]\s+)(?:what a |a )?(?:great|lovely|fantastic|brilliant|perfect|wonderful|fab) "
    r"(?:start|way to start|way to begin) (?:to|of)? ?(?:the|a|my|our) (?:day|week|weekend|"
    r"morning|monday|tuesday|wednesday|thursday|friday|saturday|sunday|shift|service|season)"
    r"[.!]*(?=\s|$)"
)
# what the message says went wrong: a promise broken, a long wait, a fault, the same again (a
# question about money is not a failure: "Perfect. Are the tickets refundable?")
_FAILURE = (
    "promise.broken",
    "wait.",
    "problem.broken",
    "problem.cancelled",
    "problem.conduct",
    "problem.missing",
    "problem.wrong",
    "repeat.",
    "neglect.",
)
# the message says it is joking: its praise is meant and its trouble imagined ("perfect. if the
# logo ends up upside down on 500 lanyards i will haunt you forever 👻 jk")
_KIDDING = re.compile(r"\b(?:jk|j/k|kidding)\b")
_CONTRAST = re.compile(r"\b(?:but|however|though|although|except|yet)\b")
# praise as the opening word of a sentence that states the failure: "Great, two days to tell me
# you've asked."
_PRAISE_COMMA = re.compile(r"^(?:oh,? |well,? )?" + _PRAISE_WORD + r", ([^.!?]+)")
# the message moves on to another item ("Amazing. Second: ...", "Awesome. And fwiw ..."): praise
# before it acknowledges the last answer, it does not mock what follows
_MOVES_ON = re.compile(
    r"(?:^|[.!?]\s+)(?:(?:and|oh and|also),? )?(?:second(?:ly)?[:,]|next[:,]|also[:,]|"
    # "Perfect. also he's on new meds since last week": a new topic, not "also still broken"
    r"also (?!still\b|not\b|again\b|broken\b|no\b|nothing\b|the same\b|same\b)|"
    r"another (?:question|thing)|one more (?:thing|question|q)\b|one more[,:]|unrelated|"
    # "Brilliant. One thing, the export only lists three vessels": the next point, not the verdict
    r"one (?:small |quick |little |other )?(?:thing|question|q)[,:]|"
    r"(?:can|could|would) you also\b|"
    r"separately|btw|"
    r"by the way|fwiw|for what it'?s worth|while i have you|"
    r"on (?:another|a different|a separate) (?:note|topic))"
)
# thanks or praise for help given ("thanks for looking into it", "appreciate you sorting the
# outage", "great job on the fix"): sincere even beside the problem it helps with
_FOR_HELP = re.compile(
    r"\b(?:thanks?|thank you|thx|ty|cheers|appreciate|grateful|great|good|nice|well done)"
    r"(?: \w+){0,4}? (?:for |on )?(?:the |your |you )?(?:quick |fast |speedy )?"
    r"(?:look\w*|check\w*|fix\w*|sort\w*|help\w*|resolv\w*|solv\w*|chas\w*|getting back|"
    r"repl\w*|respon\w*|answer\w*|updat\w*|investigat\w*|escalat\w*|explain\w*|"
    r"confirm\w*|patience|time|heads[- ]up|letting (?:me|us) know|digging|work(?:ing)? on|"
    r"refund\w*|unlock\w*|restor\w*|reactivat\w*|reset\w*|support)\b"
)
# Praise that closes a message after the failure it mocks ("..., very cool", "Truly world
# class.", "Excellent service as always ✈️", "a cracked back, it's great fun")
_CLOSING_PRAISE = re.compile(
    # (after a face too: "70 euro of malt on the floor 👍 very nice service")
    r"(?:^|[.,;!?]\s*|[^\w\s.,;!?'\"()]\s+)(?:(?:it'?s|that'?s|this is) (?:been )?(?:such )?)?"
    r"(?:(?:truly|really|very|so|just|simply|absolutely|genuinely|honestly) )?(?:world[- ]class|"
    r"top[- ]notch|top|stellar|inspired|generous|informative|helpful|useful|cool|impressive|"
    r"reassuring|convenient|"
    r"professional|efficient|amazing|brilliant|fantastic|excellent|wonderful|great|lovely|"
    r"perfect|outstanding|superb|nice|cracking|"
    # "good" only with its intensifier: "So I drive back 40 minute ... Very good service."
    r"(?<=very )good|(?<=really )good|(?<=so )good|"
    r"(?:loving|love|enjoying) the (?:consistency|reliability|"
    r"quality control|quality|attention to detail|communication|service|speed|efficiency|"
    r"transparency|honesty|clarity|urgency|updates))"
    r"(?: (?:customer |)(?:service|communication|support|job|work|stuff|timing|idea|plan|"
    r"suggestion|advice|tip|answer|solution|system|process|policy|strategy|approach|logic|"
    r"planning|fun|news)(?: (?:strategy|policy|process|system|approach|skills|team))?)?"
    r"(?: as (?:always|usual|ever)| again)?(?:,? (?:guys|team|folks|everyone))?"
    # ... with flat thanks on the end: "so basically I'm going snorkeling without a snorkel,
    # great, thanks" (an exclamation, "Brilliant, thanks!", is sincere)
    # (or a face: "Truly wonderful timing, thank you so much 🙏")
    r"(?:[,.]* (?:thanks|thank you|cheers)(?: (?:so much|a lot|very much))?"
    r"(?=\.*\s*(?:[^\w\s.,;!?'\"()]\s*)*$))?"
    r"[.!]*\s*(?:[^\w\s]\s*)*$"
)
# thanks said on its own to close a complaint: "right. so i go into thursday with nothing. thanks
# a lot."
_CLOSING_THANKS = re.compile(
    r"(?:^|[.!?]\s+)(?:well,? |so,? |ok,? )?(?:thanks|thank you|cheers) "
    r"(?:a lot|so much|a bunch|a million|for nothing|very much)[.!]*\s*$"
)
# ... and the help judged useless with thanks on the end ("the answer is the T&C. ok. very
# helpful, thank you."): an exclamation with thanks ("Brilliant, thanks!") is sincere
_CLOSING_HELPFUL = re.compile(
    r"(?:^|[.,;!?]\s*)(?:(?:very|so|really|super|most|ever so) )?(?:helpful|useful|informative|"
    # "Really useful stuff, thanks."
    r"reassuring)(?: stuff| info| advice)?,? "
    r"(?:thanks|thank you|cheers|ta)(?: (?:so much|a lot|very much))?[.!]*\s*"
    r"(?:[^\w\s]\s*)*$"
)
# the customer's own people, told what the agent said
_THEIR_PEOPLE = (
    r"(?:customers?|clients?|guests?|staff|team|tenants?|queue|people|kids|parents|players|diners|"
    r"patients|residents|members|crew|chefs?|drivers?|bride|boss)\b"
)
# Ironic set phrases: sarcasm beside a complaint whatever else the message says ("thanks, super
# helpful as always 👍👍", "love this for me", "I'm sure that's made the bride's mum feel loads
# better")
_IRONIC = re.compile(
    r"\blove (?:that|this) for (?:us|me)\b|\bjust what (?:i|we) (?:needed|wanted)\b|"
    # "the update that isn't really an update", "appreciate being kept so well informed", "10/10
    # communication, would wait another week"
    r"\b(?:update|answer|reply|response|fix) that (?:isn'?t|is not|wasn'?t) (?:really |actually |"
    r"even )?(?:an? )?(?:update|answer|reply|response|fix)\b|"
    r"\b(?:appreciat|lov|enjoy)\w* being kept (?:so |very |really )?(?:well )?(?:informed|in the "
    r"loop|updated)\b|"
    r"\b10/10\b[^.!?]{0,30}\bwould (?:wait|chase|ask|email|call|do (?:it|this)) "
    r"(?:again|another)\b|"
    # news that comes late, loved: "Love finding that out now"
    r"\b(?:love|loving) (?:finding|hearing|learning|being told|discovering) (?:that|this|it)"
    r"(?: out)? (?:now|only now|today|at this (?:point|stage)|this late)\b|"
    r"\b(?:really |truly |so )?feeling (?:the love|so valued|very valued|really valued|special)\b|"
    # "Really makes me feel like a priority customer"
    r"\bmakes? me feel (?:so |very |really )?(?:like )?(?:a |an )?(?:valued|priority|vip|important|"
    r"special|treasured) (?:customer|client)\b|"
    r"\bi'?m sure (?:that|this|it)(?:'s|'ll| will| has| is going to)? (?:made|make|making|"
    r"help(?:ed|s)?|be a (?:great |huge |real )?comfort)\b|"
    r"\b(?:super |very |so |really |ever so )?(?:helpful|useful) as (?:always|usual|ever)\b|"
    # the obvious suggested, thanked for: "oh wonderful, the manual, why didn't I think of that"
    r"\bwhy didn'?t (?:i|we) think of (?:that|this)\b|"
    # the advice given again, thanked as news and nothing more: "Amazing, thanks, hadn't thought
    # of that." (not "oh I hadn't thought of that. I'd keep the mortar actually")
    r"^(?:oh,? )?" + _PRAISE_WORD + r"[,.!]*\s+(?:(?:thanks|thank you|cheers)[,.!]*\s+)?(?:i |we )?"
    r"(?:hadn'?t|had not|never would have|wouldn'?t have|would never have) thought of "
    r"(?:that|this)[.!]*$|"
    r"\b(?:really |truly |just |so )?(?:loving|enjoying) (?:this|the) (?:whole )?"
    r"(?:process|experience|journey|system|runaround)\b|"
    # questions instead of an answer, enjoyed: "Really loving this quiz."; a defence admired as a
    # theory: "Fascinating theory."
    r"\b(?:really |truly |just |so )?(?:loving|enjoying) (?:this|the|all (?:the|these|this)) "
    r"(?:little )?(?:quiz|questionnaire|interrogation|twenty questions|q&a|back and forth|"
    r"treasure hunt|paper ?chase)\b|"
    r"\b(?:interesting|fascinating|bold|creative|novel|lovely|great|brilliant) theory\b|"
    r"\bas (?:helpful|useful) as (?:always|ever)\b|(?:^|[.!?]\s+)cool story\b|"
    # a lifetime's experience, offered back to advice for beginners: "I've only been changing
    # lenses for 22 years"; a way of charging, admired: "What a business model"
    r"\b(?:i'?ve|i have|we'?ve|we have) only been (?:[a-z]+ing|at (?:this|it)|in (?:this|the) "
    r"(?:trade|business|game))\b[^.!?\n]{0,40}?\bfor (?:\d+|ten|fifteen|twenty|thirty|forty) "
    r"(?:odd )?years\b|"
    r"\bwhat an? (?:[\w-]+ )?business model\b|\bwhat a way to run a business\b|"
    # the non-answer relayed to the customer's own people: "I'll just tell the queue to wait an
    # extra 10 min per cup", "I'll tell customers the puddle is a feature too then"
    r"\b(?:i'?ll|i will|we'?ll|we will) (?:just (?=(?:tell|let|inform|explain to) (?:\S+ ){0,4}?"
    + _THEIR_PEOPLE
    + r")|(?=(?:tell|let|inform|explain to) (?:\S+ ){0,4}?"
    + _THEIR_PEOPLE
    + r"[^.!?\n]{0,60}?\b(?:too|as well|then)[.!]*\s*(?:[^\w\s]\s*)*$))|"
    # how the vendor works, noted after a defence: "Good to know how your invoices work 🙂"
    r"\b(?:good|nice|great|useful|handy) to know (?:how|that|what|where) (?:your|you) "
    r"(?:[\w-]+ ){0,2}(?:work|works|operate|operates|do things|run things)\b|"
    # thanks taken back as it is given: "Thanks... I guess? That's two batches with the same typo"
    r"\b(?:thanks|thank you)[.!,]*\s*(?:i guess|i suppose)\b|"
    # the explanation thanked as a lesson: "Fantastic, thanks for the lesson."
    r"\bthanks? (?:you )?for the (?:lesson|lecture|tutorial|history lesson|masterclass|seminar)\b|"
    # the blame taken on, mockingly: "Sure, must be my hands 👍"
    r"^(?:sure|yeah|yes|right|oh|of course|ok|okay)[,.!]*\s+(?:it )?must be (?:my|me|our|us)\b|"
    # the fix for their fault taken on at a cost: "Sure, I'll pay someone to finish the £89
    # waistcoat I bought from you."
    r"^(?:sure|right|fine|ok|okay|great|brilliant)[,.!]*\s+(?:i'?ll|i will|we'?ll|let me) "
    r"(?:just )?(?:pay|fork out|shell out|spend)\b|"
    r"\b(?:happy|glad|delighted) to do your (?:[\w-]+ ){0,2}(?:job|work|admin|homework|paperwork) "
    r"for you\b|"
    r"\b(?:wow|yeah|yep|oh)[.!,]*\s+(?:yeah,? )?(?:genuinely|truly|really|just|absolutely|simply) "
    r"(?:stellar|world[- ]class|top[- ]notch|outstanding|amazing|brilliant|fantastic|great|"
    r"excellent) (?:support|service|stuff|work|job|help)\b|"
    # the rule kept, the harm left standing: "so glad the window was respected", "but
    # contractually everything's fine"
    r"\b(?:so |really |very )?(?:glad|pleased|relieved|happy) (?:that )?(?:the|your|our) "
    r"(?:[\w-]+ )?(?:window|policy|terms|process|procedure|sla|rules?|contract|timeframe) "
    r"(?:was|were|is|are|got) (?:respected|followed|met|kept|observed|honou?red|upheld)\b|"
    r"\b(?:glad|pleased|relieved|happy) (?:that )?(?:the |your |our )?(?:section|clause|paragraph|"
    r"policy|terms|small print|contract) ?[\w.]{0,8} (?:has|have|had) (?:us|you|me|everyone) "
    r"covered\b|"
    r"\bglad (?:that'?s|it'?s|this is|that is|it is) (?:all )?(?:written down|in writing|"
    r"in the terms|documented|covered)\b|"
    r"\bbut (?:contractually|technically|on paper|legally|procedurally|by the book),? "
    r"(?:everything|it|all|we|you)(?:'s|'re| is| are) (?:all )?(?:fine|ok|okay|good|correct|"
    r"in order|covered)\b"
)


IRONIC_FACE = "\U0001f643"  # 🙃, also what Slack's :upside_down_face: becomes


# a laugh beside the face: "this upload bug is killing me lol" shrugs at the failure
_LAUGH = re.compile(LAUGH_OUT + "|\U0001f605")


# the agent's answer praised to the skies: "thanks sooo much for the super helpful link 🙃",
# "Thanks sooo much for the link, super helpful"
_HELP_PRAISED = re.compile(
    r"\b(?:super|so+|very|really|ever so|incredibly|extremely) (?:helpful|useful|informative) "
    r"(?:link|article|guide|answer|reply|response|docs?|suggestion|advice|tip|faq|page)s?\b"
    r"|\b(?:thanks|thank you)(?: (?:so+ much|a lot|very much))? for the (?:link|article|guide|"
    r"faq|docs?|page|help article)[,.!]* (?:super|so+|very|really|ever so) (?:helpful|useful)\b"
)
# thanks for the link, and elsewhere in the message how helpful it was: "thanks so much for the
# link to the FAQ I already read twice 👍 super helpful"
_THANKED_FOR_LINK = re.compile(
    r"\b(?:thanks|thank you)\b[^.!?]{0,30}?\bfor the (?:very |super |really )?"
    r"(?:helpful |useful )?(?:link|faq|article|guide|docs?|page|help article)\b"
)
_SO_HELPFUL = re.compile(r"\b(?:super|so+|very|really|ever so) (?:helpful|useful)\b")


# a reply that opens by taking up the agent's offer or plan: "please yes to the lanyards", "yes
# please", "Brilliant, Thursday's great", "perfect, that works"
_TAKES_IT = re.compile(
    r"^\W*(?:(?:please )?yes(?:,? please)?(?: to\b)?|please do|(?:brilliant|great|perfect|lovely|"
    r"amazing|fab|fantastic|excellent|cheers|ace|sounds (?:good|great|perfect))[,.!]+ "
    r"(?:[\w-]+ ){0,3}?[\w-]*(?:(?:'s| is| are) (?:great|fine|perfect|good|brilliant|ideal|"
    r"spot on)| works?| sounds? (?:good|great|fine|perfect))\b)"
)
# a customer shopping for a replacement or asking what to buy
_SHOPPING = re.compile(
    r"\b(?:which|what) (?:of your |one of your )?(?:[\w-]+ ){0,3}(?:would|do|should|could) you "
    r"(?:recommend|suggest|advise)\b|\bwhat do you recommend\b|"
    r"\b(?:looking|want|wanting|need|needing) to (?:buy|order|get) (?:a |an |some )?"
    r"(?:new|replacement|spare)\b"
)


# the cause named with a sigh: "of course it was Teams", "of course it's the firewall"
_CULPRIT = re.compile(
    r"\bof course it (?:was|is|'s|had to be|would be) (?:the |our |my )?([a-z][\w-]{2,})"
)


def ironic_face_step(matcher: Matcher, rules: DetectionRules) -> Step:
    """`ironic_face`: 🙃 read as a shrug on a light line: "my kid says fish is 'crunchy' now 🙃"
    has nothing gone wrong, so the face alone is no sarcasm; nor beside a failure laughed off
    ("resets 🙃 this upload bug is killing me lol") in a thread with no complaint yet; nor a
    laugh at something else with no failure or pushback of its own ("lol I told him to read the
    changelog 🙃"), complaint or not; nor at their own side's slip ("intern renamed the colour
    field yesterday 🙃"); nor at the cause of a fault they say is fixed ("found a hazel branch
    in there 🙃 it's running again"); nor, first thing, at the failure that sent them shopping
    ("... till the battery gave up 🙃 which of your pumps would you recommend?"); nor in a first
    grumble called mild in so many words ("Mild grumble: ... a bit of a soup 🙃"); nor while
    taking up what the agent just offered ("please yes to the lanyards, I'm the one who climbs
    down to fetch it every time 🙃"); nor at the culprit the agent just named ("Teams, of course
    it was Teams 🙃 both through now"). Beside a complaint, after one, beside pushback, with
    sarcastic words of its own ("love that for me 🙃"), or praising the agent's answer to the
    skies ("thanks sooo much for the super helpful link 🙃") it keeps its meaning. It runs
    before the steps that find sarcasm in other ways (an echo of the agent's words, praise
    beside a failure), so dropping the face's reading never drops theirs."""
    words = matcher.family("press.sarcasm")
    played_down = _either(rules.tuning.no_rush)

    def ironic_face(r: Reading) -> None:
        lower = r.prep.lower
        if IRONIC_FACE not in lower or "press.sarcasm" not in r.features.values:
            return
        laughs = _LAUGH.search(lower) is not None
        # a wink right after a non-answer mocks the answer ("colours may vary, see our terms"
        # ... "love that our royal blue is now basically teal 🙃")
        answered = r.after_agent and _moved_nothing(r.state.last_agent)
        fresh = not r.state.grieved and not answered
        # nothing wrong and nothing pushed back on ("oh great so it's my table's fault 🙃" mocks)
        shrug = fresh and not r.features.has(*_FAILURE, "dialog.pushback")
        # a laugh, early on or at something beside the complaint ("lol I told him to read the
        # changelog 🙃")
        laughed = laughs and (fresh or not r.features.has(*_FAILURE, "dialog."))
        # at their own side's slip ("intern renamed the colour field yesterday 🙃")
        own = r.features.has("calm.own_slip") and not r.features.has(*_FAILURE)
        # at the cause of a problem now fixed ("found a lovely hazel branch in there 🙃 it's
        # running again. thanks!")
        fixed = r.features.has("calm.resolved") and not r.features.has("dialog.pushback")
        # at the failure that sent them shopping, first thing in the thread ("the old pump ran till
        # the battery gave up 🙃 ... which of your auto pumps would you recommend?")
        shopping = fresh and _SHOPPING.search(lower) is not None
        # in a first grumble the customer plays down in so many words ("Mild grumble: ... a bit of
        # a soup 🙃 Is there a setting I'm missing?", `tuning.no_rush`)
        mild = fresh and played_down.search(lower) is not None
        # taking up what the agent just offered or did, the face at the customer's own lot
        # ("please yes to the lanyards, I'm the one who climbs down to fetch it every time 🙃",
        # "Brilliant, Thursday's great. ... Otherwise they'll sit there with the parcels 🙃")
        accepted = (
            r.after_agent
            and any(f in _MOVES_SOMETHING for f in r.state.last_agent)
            and _TAKES_IT.match(lower) is not None
            and not r.features.has("dialog.pushback")
        )
        # beside a joke the hyperbole step found, first thing in the thread ("ok who do I have to
        # bribe to get the roster export to stop putting the night gang on *Saturday* 🙃")
        joking = fresh and r.features.has(F.HYPERBOLE)
        # at the culprit the agent just named ("another app is holding the camera (Teams/Zoom)"
        # ... "Teams, of course it was Teams 🙃 both through now")
        named = _CULPRIT.search(lower) if r.after_agent else None
        culprit = (
            named is not None
            and _agents_words(r, named.group(1))
            and not r.features.has("dialog.pushback")
        )
        light = (
            shrug or laughed or own or fixed or shopping or mild or accepted or joking or culprit
        )
        if (
            light
            and (words is None or words.search(lower.replace(IRONIC_FACE, " ")) is None)
            and not (r.after_agent and _HELP_PRAISED.search(lower) is not None)
        ):
            r.features.drop("press.sarcasm")

    return ironic_face


# words in quotation marks: "... gone, and "anything else"", "2mm isn't 'a bit'"
_QUOTED_WORDS = re.compile(
    r"(?:(?<=\s)|^)([\"\u201c\u2018'])([a-z][^\"\u201c\u201d\u2018\u2019\n]{1,48}?)"
    r"([\"\u201d\u2019'])(?![a-z])"
)
# a quoted label or name, not an echo: "I clicked 'place hold'", "the 'export' button"
_LABEL_BEFORE = re.compile(
    # (what someone wrote is a literal: "Tom wrote 'est' on every gravity reading")
    r"\b(?:click\w*|tap\w*|press\w*|select\w*|chose|choose|typ\w*|enter\w*|call\w*|named|"
    r"wrote|writes|written|marked|put|"
    r"label\w*|says?|said|shows?|showing|reads?|status|option|button|menu|field|tab|under|to|of|"
    # a colour or a word asked for a state: "can we have beige for "no data""
    r"(?:colou?rs?|shades?|icons?|words?|beige|gr[ae]y|red|green|blue|purple|yellow|orange|pink|"
    r"white|black) (?:for|as|instead of))"
    r"[^\w.!?\n]*$"  # in the same sentence: "no call. "guaranteed"" names no label
)
_LABEL_AFTER = re.compile(
    r"^\W*(?:button|tab|option|menu|field|page|link|setting|screen|section|status|column|"
    r"folder|label|toggle|box|step)s?\b"
)
_NEGATION = re.compile(r"\b(?:not|no|never|isn'?t|wasn'?t|aren'?t|weren'?t|doesn'?t|didn'?t)\b")
_NO_USE = re.compile(
    r"\s*(?:is|are|was) (?:(?:very|really|quite|rather|a bit|a little|pretty) )?"
    r"(?:difficult|hard|impossible|tricky|no use|no help|useless|meaningless) (?:for|to)\b"
    # ... or praises them to the skies: ""We'll look into it" was super helpful 👍"
    r"|\s*(?:is|are|was|were) (?:(?:super|so|really|very|incredibly|amazingly|hugely|ever so) )"
    r"(?:helpful|useful|reassuring|informative|comforting|clear)\b"
    # ... or answers them with one word of praise: '"A number of accounts". Great.'
    r"|[\"'”’]?[.!,]+\s*(?:great|lovely|brilliant|fantastic|wonderful|perfect|super|marvellous|"
    r"excellent|splendid|cool|nice)[.!]+"
)
# the agent's words thrown back bare as an outraged question opening the reply: "Good fun?? A
# stranger messaged her last night", "A glitch?!"
_BARE_ECHO = re.compile(r"^\W*([a-z][a-z' -]{1,30}?)\s*(?:\?\?|\?!|!\?)[?!]*(?=\s|$)")
# ... or with one question mark, answering a reply that defended or played the problem down, and
# followed by what the customer holds against it: "Slightly? It's purple. Our brand is navy."
_ASKED_BACK = re.compile(
    r"^\W*([a-z][a-z'-]{1,20}(?: [a-z'-]{1,20})?)\?\s+(?!(?:what|how|do|does|did|is|are|can|could|"
    r"would|will|which|who|why|sorry|meaning|you mean)\b)(?=[a-z0-9])"
)
# the agent's word made a tautology: "I will let our Saturday customers know that the standard is
# the standard.", "so policy is policy"
_TAUTOLOGY = re.compile(r"\b(?:the |our |your )?([a-z]{4,}) is (?:the |our |your )?\1\b")
# the agent's vague promise said back flatly and shrugged at: "shortly. right.", "soon. right."
# the end of the words said back, in quotation marks or not: "soon. ", ""As soon as possible." "
_SAID_BACK_END = r"(?:[.!]+[\"\u201d\u2019']?|[\"\u201d\u2019'][.!]+)\s+"
_VAGUE_BACK = re.compile(
    r"^\W*(shortly|soon|asap|in due course|as soon as (?:possible|we can)|later|next week|"
    r"this afternoon|a few (?:days|weeks)|in the queue)"
    + _SAID_BACK_END
    + r"(?:right|ok|okay|sure|great|"
    r"lovely|brilliant|cool|fab|perfect)[.!,]"
)
# ... or any few words of the reply, then a flat "Right." or "Ok.": "On the list. Right. Same list
# as yesterday I assume", "Someone will be in touch. Ok. Last time that took 4 days."
# (in quotation marks too: ""As soon as possible." Right.")
# ... or "I see.", "Noted.", "Sure.", "Fine.": "Passed it on. Noted.", "On the roadmap. Fine."
_ECHO_RIGHT = re.compile(
    # (a shrug may open it: "Sure. Automatically. Fine.")
    r"^\W*(?:(?:sure|right|ok|okay|yes|yeah)\.+\s+)?([a-z][a-z' ]{1,30}?)"
    + _SAID_BACK_END
    + r"(?:right|ok|okay|i see|noted|got it|sure|understood|fine)\.+(?=\s|$)"
)
# ... or, in a thread already aggrieved, a few of them with a praise word said flat after, the
# agent's smile between or their own after, and more to say: "Progressing nicely 😊 great. ...
# Could I have an actual date?", "Credits, great 🙂 The comet will be very impressed." (a glad
# "Shipped! Great!" is no echo: the praise ends flat, with a full stop or a face); a "Yes." before
# them takes nothing back ("Yes. Visible. Great. Buyers can admire it but not bid on it")
# (a plan said back and welcomed is taken: "Ok so it'll be with you Friday. Perfect.")
_ECHO_PRAISED = re.compile(
    r"^\W*(?:(?:yes|yeah|yep|ok|okay|right)[.!]+\s+)?"
    r"(?!(?:ok|okay|so|right|yes|yeah|fine|sure)\b)([a-z][a-z']*(?: [a-z']+){0,3})"
    r"(?:[.!,]+\s*|\s*[^\w\s.!?,;:'\"]{1,3}\s+)"
    r"(?:great|lovely|brilliant|wonderful|perfect|fab|fantastic|super|cool|marvellous)"
    r"(?:[.!]|\s*[^\w\s.!?,;:'\"]{1,3})\s+\S"
)
# the agent's words passed on to the customer's own people, as the answer they will now have to
# give: "I'll let the June guests know your team is working really hard and they might want to
# pack a tent."
_RELAYED = re.compile(
    r"\b(?:i'?ll|i will|i'?m going to|let me|i can|i shall) (?:just )?(?:let|tell) (?:the|my|our) "
    r"(?:[\w-]+ ){0,2}(?:guests|customers|clients|members|parents|students|staff|team|crew|tenants|"
    r"buyers|families|patients|riders|players|boss|director|manager|board|owner)s? "
    r"(?:know )?(?:that )?([a-z][a-z' ]{8,60}?)(?= and\b|[.!,;]|$)"
)
# ... or asked back with a flat "when." or "where.": "in touch when.", "In transit where."
_WHEN_BACK = re.compile(r"^\W*([a-z][a-z' ]{1,30}?)\s+(?:when|where)[.!]+(?=\s|$)")
# ... or said back as a sentence of its own, then set against the circumstances in a fragment:
# "Re-enter them manually. For four people, two hours before lock, when the hours were right
# before your fix."
_ECHO_AGAINST = re.compile(
    r"^\W*([a-z][a-z' -]{3,40}?)\.\s+(?:for|with|on|at|when|while|after|before|by)\b[^.?!\n]*[.!]"
)
# the agent's word restated as what it costs: "Cool, so normal is losing 40 minutes a shift."
_SO_ECHO = re.compile(
    r"(?:^|[.!?,;]\s*)so ([a-z][a-z'-]*(?: [a-z'-]+){0,2}) (?:is|means|equals)\b([^.!?\n]*)([.!?]?)"
)


# the reply opens with a figure, then stops or sets it against something ("48h for a booking
# that's tomorrow morning", "10-14 days. season opens in 9.", "5 business days?? ...")
_FIGURE_OPENS = re.compile(
    # after an interjection too: "wow, 30 seconds, hadn't thought of that"
    # or a praise word: "Fantastic. 3-5 working days for a race on Saturday."; "up to" or
    # "another" before it: "ok. up to 10 working days to look at 3 photos"
    r"^\W*(?:(?:wow|oh|ah|right|ok|okay|so|hmm+|um+|great|fantastic|brilliant|perfect|lovely|"
    r"wonderful|super|cool|amazing)[,.!]*\s+)?(?:(?:up to|another|a further|within) )?"
    # the window the agent gave, now gone by: "It's been 5 working days." after "3-5 working days"
    r"(?:(?:it'?s|it has|that'?s|we'?ve|i'?ve) (?:now |already |just |actually )?"
    r"(?:been|had|waited) (?:over |more than |a full |the full )?)?("
    + FIGURE.pattern
    + "|"
    + WORD_FIGURE.pattern
    + r")(?=\s*[.?!,]|\s+(?:for|is|are|to|when|while|with|without|on|in|of|and|just|now|"
    r"then|from|after|before|but|"
    # what the figure does to the customer: "5-7 working days lands us in the second week of term"
    r"lands|puts|takes|means|gets|leaves|brings|would|will)\b)"
)
# ... unless it takes the figure ("3-5 days is fine", "48h works for us", "2 weeks sounds good")
_FIGURE_TAKEN = re.compile(
    r"^\W*\S+(?:\s+\S+){0,3}?\s*(?:[.,!]\s*)?(?:is|are|would be|'d be|sounds?|works?|suits?)?\s*"
    r"(?:actually |even |much |way |really |so much )?"
    r"(?:fine|ok|okay|good|great|perfect|no problem|np|totally fine|all good|grand|doable|workable|"
    # "90 days is actually better for us"
    r"better|best|ideal|plenty|enough|easier|"
    # ("fair", not the craft fair: "3-5 working days. The fair is Saturday.")
    r"reasonable|fair(?! (?:is|was|on|in|at|starts|opens|day|weekend))|manageable|not bad|works|"
    r"suits)\b"
)


def figure_echo(r: Reading) -> None:
    """The agent's own figure thrown back at the start of the reply ("48h for a booking that's
    tomorrow morning", "5-7 business days. perfect.", "24-48h?? I told you the cutoff is 3pm")
    pushes back on the answer: in the corpus a reply opening with the agent's figure came from an
    upset customer 42 times and from a calm one once. Said in words ("Seven weeks. Wonderful."),
    after a praise word ("Fantastic. 3-5 working days for a race on Saturday.") or "up to" it
    counts too. Not when the figure is taken ("3-5 days is fine", "48h works for us"), nor with a
    fix or thanks for help beside it."""
    if not r.after_agent or not r.state.agent_figures:
        return
    lower = r.prep.lower
    head = _FIGURE_OPENS.match(lower)
    if head is None or figure_key(head.group(1)) not in set(r.state.agent_figures):
        return
    if _FIGURE_TAKEN.match(lower) or r.features.has("calm.resolved"):
        return
    if r.features.has("calm.thanks") and _FOR_HELP.search(lower) is not None:
        return
    r.features.set("dialog.pushback", 1.0, _FIGURE_BACK)


_FIGURE_BACK = "throws the agent's figure back"
# praise as the reply's first word, before the figure thrown back: "Brilliant, 10 days."
_PRAISE_FIRST = re.compile(r"^\W*(?:oh,? |well,? )?" + _PRAISE_WORD + r"[,.!]+\s")
# thanks for being read the same thing again: "Thanks for reading me the policy twice"
_THANKS_FOR_REPEAT = re.compile(
    r"\b(?:thanks|thank you|cheers)(?: so much| very much)? for (?:reading|quoting|pasting|"
    r"copying|repeating|telling|reciting)(?: me| us)? (?:the |that |this |your |it |them )?"
    r"(?:[\w-]+ ){0,3}?(?:twice|(?:for )?the (?:second|third|fourth) time|"
    r"(?:two|three|four) times)\b"
    # ... or glad of it: "really appreciate section 7.2 being read to me twice 👍"
    r"|\b(?:appreciate|love|enjoy(?:ed)?)(?: having)? (?:the |that |this |your |it |them )?"
    r"(?:[\w.-]+ ){0,3}?(?:being )?(?:read|quoted|pasted|copied|repeated|recited|sent)"
    r"(?: (?:out |back ))?(?: to)?(?: me| us)? (?:twice|(?:for )?the (?:second|third|fourth) time|"
    r"(?:two|three|four) times)\b"
)
# thanks for the reply, opening a message that says the reply came before: "Thank you for the
# detailed reply. It is word for word the one I received on the 3rd"
_THANKS_FOR_REPLY = re.compile(
    r"^\W*(?:thanks|thank you|many thanks|cheers)(?: so much| very much)? for (?:the|your) "
    r"(?:[\w-]+ )?(?:reply|response|answer|message|e-?mail|update)\b"
)
# praise run into thanks, a sentence after the one set against the figure: "10-14 working days.
# For a wedding in 12 calendar days. Fab, thanks so much" (not "2 days. Lovely, thanks!")
_PRAISE_THEN_THANKS = re.compile(
    r"^\W*[^.!?]+[.!?]+\s+[^.!?]+[.!?]+\s+(?:oh,? |well,? )?"
    + _PRAISE_WORD
    + r"[,.!]* (?:thanks|thank you|cheers|ta)\b"
)


def _agents_words(r: Reading, words: str, *, at_least: int = 1, others: int = 0) -> bool:
    """The content words of `words` are the agent's last reply's (at least `at_least` of them,
    and no more than `others` that are not): the customer is saying the agent's words back."""
    said = content_hashes(words)
    shared = said.intersection(r.state.agent_hashes)
    return len(shared) >= at_least and len(said) - len(shared) <= others


def echo(r: Reading) -> None:
    """Throwing the agent's own words back in quotation marks is scorn ("You "believe so". OK.",
    "2mm isn't "a bit".", "14 weeks of waiting, gone, and "anything else""): sarcasm, when the
    quoted words are the last reply's, in lower case (not a button or a name), not a label
    ("I clicked 'place hold'"), not a plain question about them ("does "archived" mean they
    still exist?"), and not beside thanks for help ("thanks for the "quick fix", all good now").
    Bare, as an outraged question opening the reply ("Good fun?? A stranger messaged her"), or
    restated as what they cost ("Cool, so normal is losing 40 minutes a shift."), made a tautology
    ("the standard is the standard", even beside thanks), after a defence asked back once and
    answered ("Slightly? It's purple."), said back flat ("Passed it on. Noted."), in a grievance
    with a flat praise word after ("Progressing nicely 😊 great. Could I have a date?") or passed on
    to the customer's own people as the answer ("I'll let the guests know your team is working
    really hard"), the words need no quotation marks. A joke of the agent's
    quoted back in a thread with no complaint is shared, not scorned ("'that's where the queue
    murders you' is going on the crew t-shirts")."""
    lower = r.prep.lower
    if not r.state.agent_hashes or "press.sarcasm" in r.features.values:
        return
    # a tautology of the agent's word is scorn even beside thanks
    circle = _TAUTOLOGY.search(lower)
    if (
        circle is not None
        and r.after_agent
        and not r.features.has("calm.resolved")
        and _agents_words(r, circle.group(1))
    ):
        r.features.set("press.sarcasm", 1.0, "turns the agent's word into a tautology")
        return
    if (
        r.features.has("calm.thanks")
        and _FOR_HELP.search(lower) is not None
        and _CLOSING_HELPFUL.search(lower) is None  # "right, 'up to 0.5oz'. super helpful, thanks"
    ):
        return
    bare = _BARE_ECHO.match(lower)
    if (
        bare is not None
        and len(bare.group(1).split()) <= 4
        and not r.features.has("calm.polite", "calm.thanks")
        and F.AGENT_JOKING not in r.state.last_agent  # "NO GLITTER??" to a joke is play
        and (
            r.state.grieved or r.features.has(*_FAILURE, "press.", "shape.caps", "dialog.", "feel.")
        )
        and _agents_words(r, bare.group(1))
    ):
        r.features.set("press.sarcasm", 1.0, "throws the agent's words back")
        return
    asked = _ASKED_BACK.match(lower)
    if (
        asked is not None
        and r.after_agent
        and (F.AGENT_DEFENSIVE in r.state.last_agent or F.AGENT_MINIMISED in r.state.last_agent)
        and not r.features.has("calm.polite", "calm.thanks", "calm.praise", "calm.resolved")
        and _agents_words(r, asked.group(1))
    ):
        r.features.set("press.sarcasm", 1.0, "throws the agent's words back")
        return
    against = _ECHO_AGAINST.match(lower) if r.after_agent else None
    if (
        against is not None
        and not r.features.has("calm.polite", "calm.thanks", "calm.resolved", "calm.praise")
        # all but one of its words the agent's ("them" for "their hours")
        and _agents_words(r, against.group(1), at_least=2, others=1)
    ):
        r.features.set("press.sarcasm", 1.0, "says the agent's words back against what they cost")
        return
    flat = _VAGUE_BACK.match(lower) or _ECHO_RIGHT.match(lower) or _WHEN_BACK.match(lower)
    # (in a grievance, or with a pressing question of its own: "Yes. Visible. Great. ... Did you
    # read past the first line?")
    if flat is None and r.after_agent and (r.state.grieved or r.features.has("press.question")):
        flat = _ECHO_PRAISED.match(lower)
    if (
        flat is not None
        and r.after_agent
        and not r.features.has("calm.resolved")
        # thanks right after it takes the words ("soon. ok, thanks"); thanks closing what they
        # go on to spell out does not ("... So I'll tell the PCC we may be dedicating two empty
        # pits. Thank you so much for the clarity.")
        and not (r.features.has("calm.thanks") and len(lower[flat.end() :].split()) <= 6)
        and _agents_words(r, flat.group(1))
    ):
        r.features.set("press.sarcasm", 1.0, "throws the agent's words back flat")
        return
    # (searched only in a grievance, after a reply: most messages skip the scan)
    relayed = _RELAYED.search(lower) if r.after_agent and r.state.grieved else None
    if (
        relayed is not None
        and not r.features.has("calm.resolved", "calm.thanks")
        and _agents_words(r, relayed.group(1), at_least=3)
    ):
        r.features.set("press.sarcasm", 1.0, "passes the agent's words on as the answer")
        return
    restated = _SO_ECHO.search(lower)
    if (
        restated is not None
        and restated.group(3) != "?"
        and not r.features.has("calm.polite", "calm.thanks", "calm.resolved")
        and (r.state.grieved or r.features.has(*_FAILURE, "dialog."))
        and _agents_words(r, restated.group(1))
    ):
        r.features.set("press.sarcasm", 1.0, "restates the agent's word as what it costs")
        return
    if '"' not in lower and "'" not in lower and "\u201c" not in lower and "\u2018" not in lower:
        return
    if r.state.agent_joked and not r.state.grieved and not r.features.has(*_FAILURE):
        return  # a joke quoted back is shared: ""queue murders you" is going on the t-shirts"
    if r.features.has("calm.resolved"):
        return  # ... and so is a phrase quoted beside the fix: ""weak 4G" ... that's us sorted"
    replied = set(r.state.agent_hashes)
    # an earlier reply's words too, quoted against what happened: "So "all on track" on
    # Wednesday meant not started."
    said_before = set(r.state.agent_said)
    for m in _QUOTED_WORDS.finditer(lower):
        words = m.group(2)
        if len(words.split()) > 6 or words != words.strip():
            continue
        start, end = m.span()
        opens = _SENTENCE_START.search(r.prep.prose[: m.start()]) is not None
        if (
            r.prep.prose[m.start(2)].isupper()
            and not (
                opens
                and (
                    # a sentence opened with the words, in an aggrieved thread, is an echo: "🙂
                    # "Slight variation", sure.", ""One-off". It did the same thing on the 3rd."
                    (r.state.grieved and r.features.has("press.", "dialog.", "repeat."))
                    # ... and so is one that denies them next: ""Should be fine" isn't something I
                    # can give the printer." (a title, "Paranormal Activity", is a name)
                    or (
                        not any(ch.isupper() for ch in r.prep.prose[m.start(2) + 1 : m.end(2)])
                        and (
                            _NEGATION.search(lower, end, end + 12) is not None
                            # ... or calls them no use: ""Very soon" is difficult for me to plan
                            # a print run around."
                            or _NO_USE.match(lower, end) is not None
                        )
                    )
                )
            )
        ):  # "Place hold": a label or a name
            continue
        if _LABEL_BEFORE.search(lower[max(0, start - 20) : start]) or _LABEL_AFTER.search(
            lower[end : end + 20]
        ):
            continue
        said = content_hashes(words)
        if not said or not (said <= replied or said <= said_before):
            continue
        left = max(lower.rfind(ch, 0, start) for ch in ".!?")
        stop = [i for i in (lower.find(ch, end) for ch in ".!?") if i >= 0]
        sentence = lower[left + 1 : min(stop) + 1 if stop else len(lower)]
        if not said <= replied and _NEGATION.search(sentence) is None:
            continue  # an earlier reply quoted, not set against what happened
        if sentence.rstrip().endswith("?") and not (
            _CONTRAST.search(sentence) or _NEGATION.search(sentence)
        ):
            continue
        r.features.set("press.sarcasm", 1.0, "echoes the agent's words in quotes")
        return


# where a sentence starts: the message's start, or after its end mark (and an emoji or a space)
_SENTENCE_START = re.compile(r"(?:^|[.!?][^\w\s]*|[^\w\s,;:'\"]{1,3})\s*$")


def sarcasm(r: Reading) -> None:
    """In a sarcastic message the praise and thanks are not meant ("thanks a lot, broken again",
    "great, another outage"): they cannot calm the score. Praise said on its own, or praise
    closing the message, beside a stated failure (closing: or a pushback, "... to finish it
    myself. great. very convenient") is sarcasm when nothing else explains it: not
    thanks for help ("thanks for checking, it still fails"), not a polite request ("..., could
    you update it?"), not praise set against the complaint with a "but" (the contrast step's
    case), not a fix ("it works now"). Applause beside a failure is a slow clap, thanks or not.
    ("The auto-renewal I never agreed to, very cool", "Fantastic. Day four of next-day
    delivery.", "Thanks for the update 👏 Still down after three hours.")

    After an agent reply that moved nothing (a template, a defence), praise is sarcasm when it
    opens the reply, sits beside what the non-answer leaves the customer with ("Lovely. So I tell
    my client to spray her brand new lawn.", not "Great, so I'll fill in the form today."), or
    is applause; so is praise that names what the reply sent instead ("Oh lovely, a care guide.")
    and, after a defence, praise given flat after a shrug ("Right. Brilliant."). After the same
    answer sent again, praise that names the repeat ("very informative the second time") is too.
    The answer praised and pushed back on in one breath, an ironic set phrase beside a complaint
    or right after a defence ("so glad the window was respected", "but contractually everything's
    fine"), and deadpan pairs ("Great. Just great.") complete the list; so do a smile closing a
    pushback ("The troubleshooting section says 'contact support'. That's you 🙂") and, in an
    aggrieved thread, the non-answer praised in its own words ("Amazing, passed on.") or praise
    opening a reply that throws the agent's figure back ("Brilliant, 10 days."), praise and thanks
    a sentence after that figure is set against what it costs ("10-14 working days. For a wedding
    in 12 calendar days. Fab, thanks so much"), thanks for being told the same thing twice
    ("Thanks for reading me the policy twice") unless laughed off, and a template's own words
    said back with a smile ("A member of your team just did respond. With that. 🙂").
    Whatever the reply offered, the consequence it leaves spelled out with a "so" and closed with
    praise is sarcasm too ("So realistically we do half term with 8 cars and a queue round the
    arcade. Cracking."), unless the "so" only says the reply's own plan back ("Ok so it'll be with
    you Friday. Perfect."). So is the service itself praised as the last words of the reply to a
    refusal in an aggrieved thread ("... hope the tank without one doesn't cook. Great service
    👍"). A message not read as sarcasm may still have a face that is not meant
    (`_faces_not_meant`)."""
    feats = r.features
    if "press.sarcasm" not in feats.values and (
        not feats.has("calm.resolved") or _restates_claim(r)
    ):
        reason = _sarcasm_reason(r)
        if reason is not None:
            feats.set("press.sarcasm", 1.0, reason)
    if "press.sarcasm" in feats.values:  # the cheer in "Super fun way to start a Monday" too
        _unmeant(feats)
    else:
        _faces_not_meant(r)


def _faces_not_meant(r: Reading) -> None:
    """In a message not read as sarcasm, a face that does not mean what it shows: a strained
    smile beside pushback is no cheer ("I've been kneading sugarpaste for six years 😅 did all
    that, plus the fat"), unless a laugh goes with it; a huff taken back in the same breath is
    play, not upset ("I'm coming round with a pitchfork 😤🔱 (kidding, I'll bring the
    doughnuts)"), unless something went wrong or was pushed back on."""
    feats = r.features
    lower = r.prep.lower
    if (
        r.after_agent
        and feats.has("dialog.pushback")
        and _STRAINED_SMILE in lower
        and _LAUGHS_OUT.search(lower) is None
    ):
        feats.drop("calm.cheer")
    if _TAKEN_BACK.search(lower) is not None and not feats.has(*_FAILURE, "dialog.", "feel."):
        feats.drop("emoji.upset")


_STRAINED_SMILE = "\U0001f605"  # 😅
# said and taken back as a joke ("(kidding, I'll bring the doughnuts)"), not "I'm not kidding"
_TAKEN_BACK = re.compile(
    r"(?<!not )(?<!no )(?<!n't )\b(?:jk|j/k|kidding|only joking|just joking)\b"
)
# a laugh out loud beside it ("lol", 😂) keeps the cheer
_LAUGHS_OUT = re.compile(LAUGH_OUT)


def _restates_claim(r: Reading) -> bool:
    """ "Wonderful. So the system is working perfectly and I simply have 90 wedding guests ...":
    the agent's claim said back after praise and a "so" as its consequence, not a fix."""
    return r.after_agent and _praise_so_consequence(r.prep.lower)


def _praise_so_consequence(lower: str) -> bool:
    """Praise run into a "so" and what the failure means ("Wonderful, so the Tuesday thing was
    just a nice story then.")."""
    return _PRAISE_SO.search(lower) is not None and _SO_CONSEQUENCE.search(lower) is not None


def _praise_opening(lower: str) -> str | None:
    """The sentence after an opening praise word and a comma ("Wonderful, we're really getting
    to know each other."), when it sets nothing against the praise and thanks for nothing ("Great,
    thanks for checking", "Great, it came, but ...")."""
    m = _PRAISE_COMMA.match(lower)
    if m is None:
        return None
    sentence = m.group(1)
    if _FOR_HELP.search(sentence) is not None or _CONTRAST.search(sentence) is not None:
        return None
    return sentence


def _sarcasm_reason(r: Reading) -> str | None:
    """The first way this message reads as sarcasm, in the order the sarcasm step tries them
    (the message is not read as sarcasm yet and says nothing is fixed)."""
    feats = r.features
    lower = r.prep.lower
    failure = feats.has(*_FAILURE)
    pushback = feats.has("dialog.pushback")
    if (
        (failure or pushback)
        and _KIDDING.search(lower) is None  # "... i will haunt you forever 👻 jk"
        and (
            (
                # ... or a pushback: "brilliant. the party is TOMORROW. checking with the team
                # doesn't really get 8 tankards re-engraved"
                not feats.has("calm.thanks")
                and _PRAISE_ALONE.search(lower) is not None
                and _MOVES_ON.search(lower) is None
            )
            or (failure and "\U0001f44f" in lower)  # 👏 beside a failure is a slow clap
            # praise opening a reply that pushes back, in a thread with a complaint: "Wonderful,
            # we're really getting to know each other. WAV, 48kHz, ~180MB, also in my first
            # message." (not the agent's figure said back: "Perfect, 60 days. And the renewal
            # date is 1 March, correct?"; nor a check asked for in a happy thread: "great, can you
            # double check the note says ...")
            or (
                pushback
                and r.after_agent
                and (r.state.grieved or failure)
                and getattr(feats.hits.get("dialog.pushback"), "label", None) != _FIGURE_BACK
                and not feats.has("calm.thanks", "calm.resolved")
                and _praise_opening(lower) is not None
            )
            # praise ending on the burden the customer is left with: "Jams after 2-3 tickets,
            # like I said. Brilliant, I'll tell the lads to hand-write PCNs in the rain then 👍"
            or (r.after_agent and _PRAISE_THEN.search(lower) is not None)
            # praise run into what the failure means: "Wonderful, so the Tuesday thing was just a
            # nice story then."
            or _praise_so_consequence(lower)
            # praise closing a failure or a pushback ("... to finish manufacturing it myself.
            # great. very convenient")
            or (
                (
                    _CLOSING_PRAISE.search(lower) is not None
                    or _CLOSING_HELPFUL.search(lower) is not None
                    # big thanks closing a pushback, not just any report
                    or (_CLOSING_THANKS.search(lower) is not None and pushback)
                )
                and not feats.has("calm.polite")
                and _FOR_HELP.search(lower) is None
                # praise set against the complaint in its own sentence ("it still fails, but the
                # support was great"); a "but" sentences earlier sets nothing against it ("But
                # again one day and no answer. ... Very nice service 👍")
                and _CONTRAST.search(_last_sentence(lower)) is None
            )
        )
    ):
        return "praise said beside a failure"
    after = r.after_agent
    last = r.state.last_agent
    non_answer = after and _moved_nothing(last)
    figure_back = feats.hits.get("dialog.pushback")
    if (
        figure_back is not None
        and figure_back.label == _FIGURE_BACK
        and r.state.grieved
        and not feats.has("calm.thanks")
        and _PRAISE_FIRST.match(lower) is not None
    ):
        # praise for the wait or the price just quoted, in an aggrieved thread: "Brilliant, 10
        # days.", "Wonderful. 48 hours. Love that."
        return "praises the figure it throws back"
    if (
        r.after_agent
        and not feats.has("calm.resolved")
        and _THANKS_FOR_REPEAT.search(lower) is not None
        and _LAUGHS_OUT.search(lower) is None  # "thanks for telling me twice haha"
    ):
        # thanks for being told the same thing again: "Thanks for reading me the policy twice,
        # really clears it up."
        return "thanks for the same answer again"
    if (
        r.after_agent
        and feats.has("repeat.loop")
        and not feats.has("calm.resolved")
        and _THANKS_FOR_REPLY.search(lower) is not None
        and _LAUGHS_OUT.search(lower) is None
    ):
        # thanks for a reply the same message calls a repeat: "Thank you for the detailed reply.
        # It is word for word the one I received on the 3rd"
        return "thanks for a reply it calls a repeat"
    if (
        figure_back is not None
        and figure_back.label == _FIGURE_BACK
        and _PRAISE_THEN_THANKS.match(lower) is not None
        and _FOR_HELP.search(lower) is None
    ):
        # thanks with praise for the figure it has just thrown back, before the question that
        # figure raises: "10-14 working days. For a wedding in 12 calendar days. Fab, thanks so
        # much 🙂 Is there an express option"
        return "thanks for the figure it throws back"
    if (
        "\U0001f44f" in lower
        and after
        # in a thread already aggrieved, or right after a template that moved nothing, unthanked
        # ("Love that 👏 Payments were posted on the 2nd ... it's all in your own audit log")
        and (r.state.grieved or (non_answer and not feats.has("calm.thanks")))
        and _KIDDING.search(lower) is None
        and (
            non_answer
            # a reply that did, asked, offered or planned nothing, applauded without thanks
            or (not feats.has("calm.thanks") and not any(f in _MOVES_SOMETHING for f in last))
            # in a thread already aggrieved, applause with neither thanks nor a fix for a reply
            # that did nothing, though it asked ("Same problem as the first batch" ... "Could you
            # send photos?" ... "Fantastic quality control honestly 👏 two runs, same shift")
            or (
                r.state.grieved
                and F.AGENT_DONE not in last
                and not feats.has("calm.thanks", "calm.resolved")
            )
        )
    ):
        # applause for a reply that did nothing, in a thread already aggrieved: a slow clap
        # ("Great, thanks for passing on my feedback :clap: Meanwhile my waiters ...", "Fantastic.
        # "Today". The tenants will be thrilled 👏👏"); applause for a fix is meant
        return "applauds an answer that moved nothing"
    if (
        after
        # ... or set against a failure told in the same breath: "Oh awesome, thanks, super
        # helpful 👍 ... This is the third decline on this card since the 1st."
        and feats.has("dialog.", "problem.")
        and (
            _HELP_PRAISED.search(lower) is not None
            or (
                _SO_HELPFUL.search(lower) is not None
                and (
                    _THANKED_FOR_LINK.search(lower) is not None
                    # a template called "super helpful" and corrected in one breath
                    or _templated(last)
                )
            )
        )
        and _CONTRAST.search(lower) is None  # "very helpful. I've read it already though, ..."
    ):
        # the answer praised and pushed back on in one breath: "Thanks sooo much for the link,
        # super helpful, I'd only read it twice before posting"
        return "praises the answer it pushes back on"
    if (
        after
        and F.AGENT_DEFENSIVE in last
        and not feats.has("calm.thanks")
        and _SO_HELPFUL.search(lower) is not None
        and _FOR_HELP.search(lower) is None
        and _CONTRAST.search(lower) is None
    ):
        # a defence just given, called helpful: "Right. Within tolerance. Super helpful. So what
        # do I tell the designer on Thursday?"
        return "calls a defence helpful"
    if (
        after
        and F.AGENT_DEFENSIVE in last
        and _TIP_PRAISED.search(lower) is not None
        and _OWN_PLAN.search(lower) is None
        and not feats.has("calm.resolved")
        and _CONTRAST.search(lower) is None
    ):
        # the tip of a defence praised, then answered rather than tried: "Thanks, great tip! He
        # measured both legs lying flat on the pallet ... The leg is 8mm short."
        return "praises the tip of a defence it answers"
    if (
        after
        # "super helpful as always" right after the agent did the thing is meant
        and (
            (r.state.grieved and F.AGENT_DONE not in last)
            or feats.has(*_FAILURE, "dialog.")
            or F.AGENT_DEFENSIVE in last  # a defence just given: "so glad the window was respected"
            # ... or the trouble played down: "may be a caching issue, ask her to log out" ->
            # "I'm sure that'll make her day 👍"
            or F.AGENT_MINIMISED in last
        )
        and _IRONIC.search(lower) is not None
    ):
        return "an ironic set phrase beside a complaint"
    if r.state.grieved and not feats.has("calm.thanks") and _DEADPAN.search(lower) is not None:
        return "deadpan praise after a complaint"
    if (
        non_answer
        and r.state.grieved
        and (
            (
                (_PRAISE_OPENS.search(lower) is not None or _PRAISE_NAMES.search(lower) is not None)
                and _FOR_HELP.search(lower) is None
            )
            or _PRAISED_DETAIL.search(lower) is not None
            or (F.AGENT_DEFENSIVE in last and _SHRUGGED_PRAISE.search(lower) is not None)
        )
    ):
        # "Wonderful. Truly, thank you so much for appreciating my patience twice." after a
        # template reply: praise for an answer that moved nothing
        return "praise for a non-answer"
    if (
        non_answer
        and r.state.grieved
        and feats.has("dialog.pushback")
        and _PRAISE_THANKS_OPENS.match(lower) is not None
    ):
        # praise and thanks for a defence, then the defence pushed back on: "Fantastic, thanks.
        # Checked spam, checked the address ... The reminders are the one thing we pay you for"
        return "thanks for a defence it then pushes back on"
    named = _NAMES_PRAISED.match(lower) if non_answer else None
    if named is not None and _agents_words(r, named.group(1), at_least=2):
        # what the non-answer handed over, named back and thanked flat: "a help article. cheers.
        # really useful at 6:15" (a grievance said before or not)
        return "thanks the non-answer for what it handed over"
    # what the reply leaves the customer with, said with a "so" (two ways below use it)
    consequence = _SO_CONSEQUENCE.search(lower) if after else None
    if (
        # a defence or a refusal answers nothing, whatever it offers for a fee: "We offer
        # re-tinning at our standard rate of $95." -> "Fantastic, so I pay $95 to fix a $240 pan
        # after 15 uses."; "we can't guarantee every bulb" -> "So I pay 10 kilo and I use 7, and
        # is my problem. Ok. Very nice."
        consequence is not None
        and (non_answer or (after and any(f in _DEFENCE_OR_NO for f in last)))
        and not feats.has("calm.polite")
        and _FOR_HELP.search(lower) is None
        and (
            _PRAISE_ALONE.search(lower) is not None
            or _PRAISE_SO.search(lower) is not None
            or _PRAISE_PAIR.search(lower) is not None
            or _CLOSING_PRAISE.search(lower) is not None
            # "Wonderful, thanks. I'll be sure to store the dead ones tip-down then 👍"
            or _PRAISE_THANKS.search(lower) is not None
        )
    ):
        # praise beside what the non-answer leaves the customer with: "Lovely. So I tell my
        # client to spray her brand new lawn.", "Brilliant, so that's our problem too."
        return "praise beside what the non-answer leaves them with"
    if (
        consequence is not None
        and _FOR_HELP.search(lower) is None
        and _CLOSING_PRAISE.search(lower) is not None
        # the reply's own plan said back and welcomed is no consequence: "Ok so it'll be with
        # you Friday. Perfect."
        and not _agents_words(r, consequence.group(0))
    ):
        # whatever the reply offered, however calmly the trouble was first told, the consequence
        # it leaves spelled out and closed with praise: "So realistically we do half term with 8
        # cars and a queue round the arcade. Cracking.", "So if I post it back today, we might
        # see a new one some time after Low Sunday. Easter is this Sunday. Truly wonderful
        # timing, thank you so much 🙏"
        return "praise closing the consequence it spells out"
    if (
        after
        # a reply that did, offered or planned nothing: a template, a defence, a tip to try
        # ("You could try steaming them gently")
        and (
            non_answer or F.AGENT_DEFENSIVE in last or not any(f in _MOVES_SOMETHING for f in last)
        )
        and r.state.grieved
        and feats.has(F.PRAISE, "calm.cheer")
        and not feats.has("calm.thanks", "calm.polite")
        and _FOR_HELP.search(lower) is None
        and _FORCED_CHOICE.search(lower) is not None
    ):
        # pleasantries for the non-answer, then the question put again as a choice: "Cool cool,
        # good to know the office hours 👍 So is it coming tomorrow, or am I at the fish market
        # at 6am?"
        return "praise beside the question put again"
    echoed = _PRAISE_ECHO.match(lower) if non_answer and r.state.grieved else None
    if echoed is not None and _agents_words(r, echoed.group(1)):
        # praise for the agent's own words, said back: "Amazing, passed on."
        return "praises the non-answer in its own words"
    if (
        non_answer
        and F.AGENT_CANNED in last
        and r.state.grieved
        and lower.rstrip().endswith("\U0001f642")
        and not feats.has("calm.thanks", "calm.polite")
        and _agents_words(r, _SENTENCE_BREAK.split(lower.strip())[0], at_least=2)
    ):
        # the template's own words said back, closed with a smile: "A member of your team just
        # did respond. With that. 🙂"
        return "says the template back with a smile"
    if pushback and _POINTED_SMILE.search(lower) is not None and not feats.has("calm.thanks"):
        # a smile closing a pushback points, it does not cheer: "The troubleshooting section says
        # 'contact support'. That's you 🙂"
        return "a pointed smile closing a pushback"
    if (
        after
        and F.SAME_ANSWER in last
        and _FOR_HELP.search(lower) is None
        and _PRAISED_REPEAT.search(lower) is not None
    ):
        # the same answer sent again, praised for coming again: "Yes, very informative the second
        # time as well."
        return "praises the same answer for coming again"
    if (
        after
        and r.state.grieved
        and any(f in _DEFENCE_OR_NO for f in last)
        and not feats.has("calm.thanks", "calm.resolved")
        and _SERVICE_PRAISED.search(_last_sentence(lower)) is not None
    ):
        # the service praised to close the reply to a refusal: "Grand. We'll ship with five then
        # and hope the tank without one doesn't cook. Great service 👍"
        return "praises the service that just refused"
    return None


# the service itself praised, as the message's last words: "Great service 👍"
_SERVICE_PRAISED = re.compile(
    r"^(?:really |truly |just |such )?(?:great|fantastic|brilliant|excellent|amazing|wonderful|"
    r"lovely|superb|top|first[- ]class|stellar|outstanding|world[- ]class|top[- ]notch)"
    r"(?: customer)? (?:service|support|stuff|work|job|help)\b[^\w\n]*$"
)


# praise and then a few words of the reply: "Amazing, passed on. That's what happened in week 1",
# "Amazing, in due course 🙌 we fly home Sunday"
_PRAISE_ECHO = re.compile(
    r"^(?:oh,? )?" + _PRAISE_WORD + r"[,.!]*\s+([a-z][a-z' ]{2,30}?)(?:[.!]+|\s*[^\w\s,]+)(?=\s|$)"
)
_SENTENCE_BREAK = re.compile(r"[.!?]+\s+")


def _last_sentence(lower: str) -> str:
    """The message's last sentence (the whole message when it is one)."""
    return _SENTENCE_BREAK.split(lower.strip())[-1]


# a question put as a choice the customer should not have to ask: "Is it shipping this week or
# not?", "So is it coming tomorrow, or am I at the fish market at 6am?"
_FORCED_CHOICE = re.compile(
    r"\bor (?:not|isn'?t (?:there|it|he|she)|aren'?t (?:they|there|you)|won'?t (?:it|they|you)|"
    r"am i|do i|should i|will i|is it not|are they not)\b[^.!?\n]{0,60}\?"
)
# a plain smile as the last thing said
# ... or before the question put again: "Flagged is nice, but it doesn't tell me anything 🙂 When do
# I hear back, today or tomorrow?"
_POINTED_SMILE = re.compile(
    "\U0001f642\\s*(?:$|(?:so |and )?(?:when|what|where|who|how|is|are|can|could|will|do|does)\\b"
    "[^.!?\\n]*\\?\\s*$)"
    # ... or one set after the pointer back: "It's in my message above 🙂 WKS-8812, 14 May.", "that
    # was the second sentence of my message 🙂"
    "|(?:above|up there|(?:first|last|original|earlier) (?:message|msg|post|email)|"
    "(?:sentence|line|bit|part) of my (?:message|msg|post|email)|already "
    "(?:sent|given|gave|attached|provided))[.!,]?\\s*\U0001f642"
)
# the advice itself praised: "great tip!", "brilliant suggestion", "it's a lovely guide"
_TIP_PRAISED = re.compile(
    r"\b(?:great|brilliant|fantastic|wonderful|super|lovely|excellent|amazing|handy|useful|top) "
    r"(?:tip|advice|suggestion|idea|shout|guide|link|article|page|faq)\b"
)
# praise and flat thanks opening the reply: "Wonderful, thanks."
_PRAISE_THANKS = re.compile(
    r"^\W*(?:oh,? )?" + _PRAISE_WORD + r",? (?:thanks|thank you|cheers)[.!]+(?=\s|$)"
)
# praise opening the customer's own plan, closed with "then", at the end of the message: "Brilliant,
# I'll tell the lads to hand-write PCNs in the rain then 👍"
_PRAISE_THEN = re.compile(
    r"(?:^|[.!?]\s+)(?:oh,? |well,? )?"
    + _PRAISE_WORD
    + r"[,.!]? (?:i'?ll|we'll|i will|we will|(?:i|we) (?:guess|suppose) (?:i|we)'?ll) "
    r"[^.!?\n]{3,80}? then\b[^\w\n]*$"
)
# praise run into a "so", in one sentence or two: "Brilliant, so that's our problem too",
# "Wonderful. So the system is working perfectly and I simply have 90 wedding guests ..." (not
# "great, so glad")
_PRAISE_SO = re.compile(
    r"(?:^|[.!?]\s+)(?:oh,? |well,? |wow,? |ah,? )?"
    # "good" said to a defence too: "Ah good, so it's nature's fault."
    + r"(?:"
    + _PRAISE_WORD
    + r"|good)"
    + r"[,.!]? so (?!(?:much|many|far|glad|happy|"
    r"quick|kind|helpful|good|great|nice|fast|pleased|excited|grateful)\b)"
)
# praise and its verdict, in one sentence or two: "Lovely, very reassuring.", "Wonderful, really
# helpful.", "Great. Really reassuring."
_PRAISE_PAIR = re.compile(
    r"(?:^|[.!?]\s+)(?:oh,? |well,? )?"
    + _PRAISE_WORD
    + r"(?:,|[.!]\s)? ?(?:very |really |so |most |super )?"
    r"(?:reassuring|helpful|informative|useful|comforting|encouraging|clear)[.!,]+(?=\s|$)"
)
# a sentence drawing the consequence, stated, not asked: "So the homeowner has a two-tone house",
# or asked as a reproach: "So nobody's actually checked whether it left your unit?"
_SO_CONSEQUENCE = re.compile(
    r"(?:^|[.!?,]\s+)(?:(?:ok|okay|right|oh|ah)[,.]? )?so "
    r"(?!(?:much|many|far|glad|happy|sorry|thanks|thank|yes|no|please)\b)"
    # a plan of the customer's own is meant: "Great, so I'll fill in the form today."
    r"(?!(?:i|we)(?:'ll| will| can| could| just need| need to|'m going to| am going to|"
    r"'re going to| are going to|'d better| should)\b"
    # ... but not time of theirs spent on our fault: "Wonderful, so I'll spend my evening
    # hand-bending steel hoops"
    r"(?! (?:be )?(?:spend|spending|waste|wasting|lose|losing) (?:my|our|the|a|all|another)\b))"
    r"(?:[a-z0-9'\"\u201c][^.!?\n]*(?:[.!]|$)"
    r"|(?:nobody|no one|noone|you|your [a-z]+)\b[^.!?\n]*\b(?:actually|even|bothered)\b[^.!?\n]*\?)"
    # ... or the chore it leaves, taken on with a "then": "I'll ask the laundry to line dry 60
    # bathmats a day then."
    r"|(?:^|[.!?]\s+)(?:(?:ok|okay|right|fine)[,.]? )?(?:i'?ll|we'?ll|i will|we will) (?:just )?"
    r"[a-z][^.!?\n]* then(?:[.!]|\s*[^\w\s]|$)"
)
# praise of an answer for its repetition: "very informative the second time", "helpful again"
_PRAISED_REPEAT = re.compile(
    r"\b(?:" + _PRAISE_WORD + r"|informative|helpful|useful|enlightening|illuminating|"
    r"clear|insightful)\b[^.!?\n]{0,25}?\b(?:(?:the )?(?:second|third|2nd|3rd) time|again|twice|"
    r"both times|every time)\b"
)


# what a sarcastic message's praise, thanks and cheer are worth: nothing
_MOCKED = (F.PRAISE, "calm.thanks", "calm.cheer")


def _unmeant(feats: Features) -> None:
    """Drop the praise, thanks and cheer of a message read as sarcasm: they are not meant."""
    for name in _MOCKED:
        feats.drop(name)


def praise_opens_failure_step(matcher: Matcher) -> Step:
    """`praise_opens_failure`: a first sentence that is a praise word, a comma and the failure
    itself ("Great, two days to tell me you've asked. Really appreciate it.") is sarcasm, and the
    praise and thanks around it are not meant. Not thanks for help ("Great, thanks for checking,
    still down"), not a contrast ("Great, it came, but ..."), not a fix."""
    failures = [cs.regex for cs in matcher.signals if cs.rule.id.startswith(_FAILURE)]

    def praise_opens_failure(r: Reading) -> None:
        feats = r.features
        if "press.sarcasm" in feats.values or not feats.has(*_FAILURE):
            return
        sentence = _praise_opening(r.prep.lower)
        if sentence is None or feats.has("calm.resolved"):
            return
        if any(rx.search(sentence) is not None for rx in failures):
            feats.set("press.sarcasm", 1.0, "praise opening the failure it names")
            _unmeant(feats)

    return praise_opens_failure


_NON_ANSWER = ("agent.canned", F.AGENT_DEFENSIVE)
# what a reply that moved something shows: done, asked, confirmed, offered or planned
_MOVES_SOMETHING = (*F.PROGRESS, F.AGENT_OFFER, "agent.plan")
# a reply that defends or says no: what it leaves the customer with may be mocked
_DEFENCE_OR_NO = (F.AGENT_DEFENSIVE, *F.REFUSED)


def _templated(agent: list[str]) -> bool:
    """The agent's last reply read as a template or a defence (a plain "no" is an answer; a
    reply much like the last one may be a new date on the same booking)."""
    return any(f in _NON_ANSWER for f in agent)


def _progressed(agent: list[str]) -> bool:
    """The agent's last reply did something, asked something or confirmed something."""
    return any(f in F.PROGRESS for f in agent)


def _moved_on(agent: list[str]) -> bool:
    """The agent's last reply did something, asked something or offered something."""
    return any(f in F.PROGRESS or f == F.AGENT_OFFER for f in agent)


# praise run into thanks as the whole first sentence: "Fantastic, thanks."
_PRAISE_THANKS_OPENS = re.compile(
    r"^\W*(?:oh,? )?" + _PRAISE_WORD + r",? (?:thanks|thank you|cheers|ta)[.!]+(?=\s|$)"
)


def _moved_nothing(agent: list[str]) -> bool:
    """The agent's last reply was a non-answer: a template or a defence with nothing done,
    asked or offered."""
    return _templated(agent) and not _moved_on(agent)


# a smile that may sit on a pushback as politeness: not a laugh, not a party
_SMILE = re.compile("[\U0001f642\U0001f60a]|:-?\\)")


def smile_on_pushback(r: Reading) -> None:
    """A smile closing a pushback on a reply that did, asked or confirmed nothing is politeness
    worn thin, not cheer ("Read it. It says international cards. ... or something's
    misclassified 🙂 cool cool"): the smile cannot calm the correction. A laugh keeps its
    cheer."""
    if (
        "calm.cheer" in r.features.values
        and r.after_agent
        and r.features.has("dialog.pushback", "dialog.no")
        and not _progressed(r.state.last_agent)
        and _SMILE.search(r.prep.lower) is not None
        and _LAUGH.search(r.prep.lower) is None
    ):
        r.features.drop("calm.cheer")


def contrast(r: Reading) -> None:
    """Praise or thanks before a "but" softens what follows it ("I love you guys but the app
    crashes", "thanks, but it still fails"): it cannot calm the complaint after it."""
    feats = r.features
    m = _CONTRAST.search(r.prep.lower)
    if m is None or not feats.has(F.PRAISE, "calm.thanks"):
        return
    after = r.prep.lower[m.end() :]
    if not after.strip():
        return
    for name in (F.PRAISE, "calm.thanks"):
        hit = feats.hits.get(name)
        if hit is not None and _before(r.prep.lower, hit.evidence, m.start()):
            feats.drop(name)


def _before(lower: str, evidence: str, cut: int) -> bool:
    """The evidence quote appears before position `cut` of the message."""
    probe = evidence.strip("…").strip().lower()
    at = lower.find(probe) if probe else -1
    return 0 <= at < cut


def closing(r: Reading) -> None:
    """A short "no, thanks" or "nope, that's all" closes the conversation; it corrects nothing."""
    feats = r.features
    if len(r.prep.tokens) <= SHORT and feats.has("calm.thanks", "calm.closing"):
        for name in ("dialog.no", "dialog.pushback"):
            feats.drop(name)


# a "no" opening a reply, with its punctuation ("nah, same address", "no. ", "nope!")
_LEADING_NO = re.compile(r"^(?:no|nope|nah|negative)\b[\s,.!]*")
# "no" before a noun, no stop between: "No light on it", "no error in the log"
_NO_THING = re.compile(r"^no ([a-z][a-z-]{2,})\b")
# ... and a reply that wants something other than what was offered: the offer missed
_WANTS_OTHER = re.compile(
    r"\b(?:want|wanted|need|needed|prefer|rather|instead|other|another|different|else|"
    r"looking for|like to|'d like|would like)\b"
)


def _inflections(word: str) -> tuple[str, ...]:
    """A plural noun and the past tense the agent asked with ("No changes on our side" answers
    "Has anything changed?"): the word itself, and for one ending in s its -d and -ed forms."""
    forms = {word}
    for end in ("es", "s"):
        if word.endswith(end) and len(word) - len(end) >= 3:
            stem = word[: -len(end)]
            forms.update((stem + "d", stem + "ed"))
    return tuple(sorted(forms))


def answered_no_step(matcher: Matcher) -> Step:
    """A "no" turning down what the agent offered, from a customer who is plainly content
    ("Want the Feb box sent to a different address?" "nah same address ... the new cartridges
    are stupidly good"), answers the question; it corrects nothing. A bare "no" to an offer
    ("Nope.", "No, not right now.") keeps its weight: in the dev sets' task dialogues it comes
    from dissatisfied users more often than other replies, and reading it as neutral cost
    0.03-0.05 AUROC on fit and check. The rest of the message may still correct the agent ("no,
    I said the blue one"), and a "no" that wants something else ("No, I'd like somewhere
    cheaper") says the offer missed."""
    words = matcher.family("dialog.no")

    def answered_no(r: Reading) -> None:
        if "dialog.no" not in r.features.values or not r.after_agent:
            return
        if F.AGENT_ASKED in r.state.last_agent:
            # "no" naming the very thing the agent asked about answers the question ("Could you
            # check whether the power supply has a light on?" "No light on it. Breaker had
            # tripped"), in its plural for the agent's past tense too ("No changes on our side"
            # to "has anything changed?"): it says what is not there, it corrects nobody
            thing = _NO_THING.match(r.prep.lower)
            if thing is not None and any(_agents_words(r, w) for w in _inflections(thing.group(1))):
                r.features.drop("dialog.no")
                return
        if F.AGENT_CHOICE not in r.state.last_agent or not r.features.has("calm."):
            return
        lower = r.prep.lower
        m = _LEADING_NO.match(lower)
        if m is None:
            return
        rest = " " * m.end() + lower[m.end() :]
        if _WANTS_OTHER.search(rest) is not None:
            return
        if words is None or words.search(rest) is None:
            r.features.drop("dialog.no")

    return answered_no


# a reply doing what the agent asked ("sure, uploading now", "here you go", "attached")
_COMPLIES = re.compile(
    r"^(?:sure|ok(?:ay)?|yes|yep|yup|no problem|of course|here(?: you go| it is|'s the)|attached|"
    r"done|sending|uploading|uploaded|sent)\b"
)
# "sorry" closing the message ("... a bit blurry sorry", "you're a star. sorry!!")
_SORRY_LAST = re.compile(r"\b(?:sorry|apologies)\W*$")


def own_slip(r: Reading) -> None:
    """A customer owning a slip of their own ("my bad", "sorry, I forgot to say") corrects
    themselves, not the agent: the "actually" and the "bad" in it are no complaint. A "sorry"
    closing a reply that does what was asked or thanks the agent ("sure, uploading now. its a
    phone scan so a bit blurry sorry", "you're a star. sorry!!") owns a small slip too; a bare
    "sorry." or one that goes on ("sorry, but this is the third time") still counts."""
    feats = r.features
    lower = r.prep.lower
    if (
        "dialog.sorry" in feats.values
        and r.after_agent
        and (feats.has("calm.praise", "calm.thanks") or _COMPLIES.search(lower) is not None)
        and _SORRY_LAST.search(lower) is not None
    ):
        feats.drop("dialog.sorry")
    if feats.has("calm.own_slip"):
        # the facepalm is at themselves; and a fault they made and fixed is no complaint
        # ("fatal error in our test env, my bad :face_palm: ... Fixed it, getting 200s now")
        # ("I cancelled the wrong order 🙈": the wrong thing is theirs too)
        own = [n for n in feats.values if n.startswith("dialog.")] + [
            "verdict.mild",
            "emoji.upset",
            "problem.wrong",
        ]
        # ... and so is a mishap of their own told in a thank-you ("Day 2 was a total disaster
        # on my part: I capsized, lost my hat ... and Ewan had me sorted in 90 seconds"): the
        # losses and the verdict are their story, the thanks are for us
        thanked = feats.has("calm.praise", "calm.thanks")
        # ... and so is the cause owned in answer to the agent's question ("Was anything
        # different about how they were closed?" - "I closed them from the tablet ... that was
        # offline half the afternoon. Probably my fault, it showed a cloud icon that I ignored")
        answered = r.after_agent and F.AGENT_ASKED in r.state.last_agent
        # (and how long it lasted is theirs too: "He'd left himself clocked in since Monday 🙄
        # (classic Kev). All three are in now. Thanks for sorting.")
        if thanked or answered or feats.has("calm.resolved"):
            own += [n for n in feats.values if n.startswith(("problem.", "neglect.", "wait."))]
        if thanked or answered:
            # ("I'll delete it, my mess" to "Want me to delete it or will you?"), and the wry face
            # at their own worn kit ("checked. tip is literally crumbling at the end 🙃 it's done
            # about 300 firings so I guess it earned its retirement")
            own += ["verdict.loaded", "press.sarcasm"]
        slip = feats.hits.get("calm.own_slip")
        if slip is not None and _SELF_INSULT.search(slip.evidence.lower()) is not None:
            own.append("feel.insult")  # "Past me is an idiot": the name is their own
        for name in own:
            feats.drop(name)


_SELF_INSULT = re.compile(
    r"\b(?:idiot|muppet|fool|numpty|moron|clown|menace|disaster|stupid|silly|dumb|daft)\b"
)


# what a vent about someone else borrows: the feeling, not the facts
_VENTED = (
    "feel.",
    "verdict.",
    "emoji.upset",
    "press.sarcasm",
    "shape.burst",
    "repeat.",
    "dialog.pushback",  # "Ugh, Zoom." answers no one
)


def elsewhere(r: Reading) -> None:
    """ "My seller is driving me up the wall ... not your problem, I know": the customer says
    the upset is with someone else. The feelings in the message are theirs, not ours to answer,
    and so is what went wrong ("they've tipped 8 tonnes of crusher run ... Not your lot's fault,
    the app did exactly what I asked"): the customer still needs help, not soothing."""
    if r.features.has("calm.elsewhere"):
        _drop(r.features, _VENTED)
        _drop(r.features, F.PROBLEM_PREFIXES)


def _drop(feats: Features, prefixes: tuple[str, ...]) -> None:
    """Remove every feature starting with one of `prefixes`."""
    for name in [n for n in feats.values if n.startswith(prefixes)]:
        feats.drop(name)


def _either(patterns: list[str]) -> re.Pattern[str]:
    return re.compile("|".join(f"(?:{p})" for p in patterns))


# the customer's own filing of a fault as a wish: "Feature request rather than bug."
_FILED_AS_WISH = re.compile(
    r"\b(?:more (?:of )?)?an? (?:feature request|enhancement|wish(?:list item)?),? "
    r"(?:rather than|not) an? (?:bug|fault|defect)\b|\bfeature request rather than (?:a )?bug\b"
)


def no_rush_step(rules: DetectionRules) -> Step:
    """`no_rush`: a deadline the customer says is no rush ("their deadline is the 30th, so no rush
    before then") presses for nothing, and a repeat or a correction played down ("second time
    this year, not a big deal but would save us both a job", "the invoice says 2 x zip pull but I
    think only one was changed? not fussed, just so your records are right") is an aside, not
    heat (`tuning.no_rush`); so is a loss said to cost nothing that matters (`_NO_HARM`). A fault
    the customer files as a wish themselves and vents nothing about ("One tiny thing, not
    urgent: in dark mode the low-water line is quite hard to see. Feature request rather than
    bug.") is a request to note, not a grievance."""
    waived = _either(rules.tuning.no_rush)
    asides = ("press.urgency", "repeat.again", "repeat.recur", "dialog.pushback")

    def no_rush(r: Reading) -> None:
        lower = r.prep.lower
        if r.features.has(*asides) and waived.search(lower) is not None:
            for name in asides:
                if r.features.has(name):
                    r.features.drop(name)
        if _FILED_AS_WISH.search(lower) is not None and not r.features.has(*_VENTED):
            _drop(r.features, (*F.PROBLEM_PREFIXES, "dialog.soft"))
        elif _NO_HARM.search(lower) is not None and not r.features.has(*_VENTED):
            _drop(r.features, F.PROBLEM_PREFIXES)

    return no_rush


# a loss the customer says cost nothing that matters: "Counts for 02:10-06:30 are missing but the
# press wasn't striking then anyway (die change), so nothing lost that matters", "no harm done"
_NO_HARM = re.compile(
    r"\bnothing (?:(?:was |got )?(?:lost|missed|damaged) )?that (?:matters|mattered|counts)\b"
    r"|\bno (?:real )?harm done\b|\bnothing (?:important|of (?:any )?(?:note|value)) "
    r"(?:was |got )?(?:lost|missed|damaged)\b"
)


_THEY_WORDS = r"they|they'?re|they'?ve|their|them"
_THEY = re.compile(rf"\b(?:{_THEY_WORDS})\b")
# ... and, once the upset is theirs, the one person it was put with ("Can I send him a reminder?")
_THEY_ELSEWHERE = re.compile(rf"\b(?:{_THEY_WORDS}|he|he'?s|him|his|she|she'?s|her)\b")
_YOU = re.compile(r"\b(?:you|your|yours|you'?re|you'?ve|u|ur|y'?all|yous)\b")
# a request to us ("could you", "any chance you can pull the scan history") puts no fault on us
_BENIGN_YOU = re.compile(
    r"\b(?:thank you|(?:could|can|would|will) you|any chance (?:you|u) (?:can|could)|"
    r"let you know|see you|"
    r"(?:for|before|during|on) your (?:visit|appointment|call|engineer|technician|crew|team)|"
    r"heads up for your \w+|"
    # the question set apart from the vent: "Rant over 😤 Actual question for you: how do I ..."
    r"(?:actual|real|proper|quick|serious|genuine|one more|another|a|my|the) questions? "
    r"(?:for|to) you)\b"
    # a how-to question to us after the vent ("Anyway! Is there a setting in your export to change
    # the file name format?", "Honestly, that courier 🙄 Any way to bulk-print claim forms for the
    # lost ones from your side?") asks about our product, it blames no one
    r"|(?:^|(?<=[.!?\u2600-\u27bf\U0001f300-\U0001faff] ))(?:anyway[,.!]* )?"
    r"(?:(?:is|are) there (?:a |an |any )?|any ?way (?:to|of|i can|we can)\b|"
    r"is it possible to\b)[^.!?\n]{0,140}?\?"
    # ... what our system makes of it, told as a reading ("your app thinks they're outside the
    # zone", "your portal says it was delivered"): a report, not the fault
    r"|\byour (?:app|system|portal|platform|software|dashboard|site|website|tool|map|tracker) "
    r"(?:thinks|says|shows|reads|treats|sees|puts|has) (?:them|they|it|him|her|us|me|"
    r"(?:our|my|the) [\w-]+)\b"
    # ... and us asked to look at our side: "Can you see anything wrong on your end?"
    r"|\b(?:anything|something) (?:wrong|off|odd|weird|strange|unusual|amiss|different|unexpected) "
    r"(?:on|at|from|in) your (?:end|side|logs?|system)\b[^.!?\n]{0,40}\?"
    # ... and us praised for the help: "1.4MB. You are a saint. Now to go and fight the council
    # again 🙃"
    r"|\byou(?:'re| are)(?: such)?(?: an?| the)? (?:absolute |total |real |actual |proper )?"
    r"(?:saint|star|legend|hero|lifesaver|life saver|genius|gem|champion|angel|diamond|wizard|"
    r"godsend|best)\b"
)
_VENT_FIRST = re.compile(
    r"\b(?:need|have|got|want|gotta|going|gonna) to "
    r"(?:vent|rant|have a (?:rant|moan|vent|whinge))\b[^.!?\n]{0,40}?"
    r"\b(?:then|before|after that|and)\b"
)
_DID_IT = re.compile(r" (?:have|has|had|'ve|'s|are|is|were|was|went|keep|kept|just|[a-z]{3,}ed)\b")
_AT_US = re.compile(r"\b(?:with|at|about|towards?|by|of) (?:you|your|u|ur|y'?all)\b")


# the old provider named as the better time, so the fault is ours: "Never happened once with the
# old provider", "we never had this with our previous supplier", "starting to wonder what we
# switched for"
_BETTER_BEFORE = re.compile(
    r"\b(?:never|not once|didn'?t|did not|wasn'?t|was not)(?: once| ever)? (?:happened|happen|had "
    r"(?:this|that|it|these|those|one|an? (?:issue|problem))|an? (?:issue|problem))(?: once| even "
    r"once| before)? (?:with|at|under|on) (?:the|our|my) (?:old|previous|former|last)\b"
    r"|\bwhat (?:we|i) (?:switched|moved|changed|came over) for\b"
    r"|\bshould(?:'ve| have) (?:stayed|stuck) with (?:the|our|my) (?:old|previous|former|last)\b"
)


def aimed_elsewhere_step(rules: DetectionRules) -> Step:
    """`aimed_elsewhere`: the upset names someone else as the one at fault (`tuning.third_party`)
    and says nothing of us ("Our SIS vendor changed the export format AGAIN without telling
    anyone ... honestly they're the worst"): like a vent with "not your problem", its feelings
    are not ours to answer, and what went wrong in it went wrong with them. So is a feeling told
    as someone else's ("tenant is pretty fed up with him", `tuning.their_feeling`). Once the
    thread has put the upset with someone else (`EngineState.vented_elsewhere`), a later "they"
    that says nothing of us is that someone ("Their claims line had me on hold for 40 mins")."""
    third_party = _either(rules.tuning.third_party)
    their_feeling = _either(rules.tuning.their_feeling)

    def aimed_elsewhere(r: Reading) -> None:
        lower = r.prep.lower
        # once the thread has put the upset with someone else, a plain report of what went wrong
        # with them is theirs too ("Opened 14 Oct, 22 Oct and 3 Nov. Lost my foot. Can I send him
        # a reminder with a late fee?")
        reported = r.state.vented_elsewhere and r.features.has(*F.PROBLEM_PREFIXES)
        if not (r.features.has(*_VENTED) or reported) or r.features.has("calm.elsewhere"):
            return
        # "could you come and quote", "a heads up for your visit" ask or tell us something;
        # any other "you" may be the one at fault
        found = third_party.search(lower)
        # a vent announced before the question ("Ok I need to vent for a sec and then ask you a
        # question 😤 Our dealer had our baler ... for THREE WEEKS"): the "you" of the question
        # after it puts no fault on us
        # (the party may go unnamed by kind, only "they": "SwiftParcel lost ANOTHER cold box ...
        # Absolutely furious with them. Anyway, the question for you")
        announced = _VENT_FIRST.search(lower) is not None and (
            found is not None or _THEY.search(lower) is not None
        )
        of_us = not announced and (
            _YOU.search(_BENIGN_YOU.sub(" ", lower)) is not None
            or _BETTER_BEFORE.search(lower) is not None
        )
        # an announced vent is aimed elsewhere whatever it names; otherwise the party must be the
        # one that did it, in a message that says nothing of us
        named = announced or (
            not of_us
            and (
                (
                    found is not None
                    # "... they're the worst", or the party as the one that did it: "The council
                    # have stuck a parking suspension on the bay ... cheers for that lads 🙃"; a
                    # "they" before the party is named is someone else ("told the certification
                    # team will be in touch. They haven't been ... nothing to show the insurer")
                    and (
                        _THEY.search(lower, found.start()) is not None
                        or _DID_IT.match(lower, found.end()) is not None
                    )
                )
                # the party an earlier message blamed, now a "they" ("Not your fault at all, I know
                # you just hand over to them" ... "Their claims line had me on hold for 40 mins and
                # then hung up on me 🙄")
                # ... or named again ("Now I just need the co-op to answer a phone 🙄")
                or (
                    r.state.vented_elsewhere
                    and (found is not None or _THEY_ELSEWHERE.search(lower) is not None)
                )
            )
        )
        r.aimed_away = named
        theirs = _AT_US.search(lower) is None and their_feeling.search(lower) is not None
        if named or theirs:
            _drop(r.features, _VENTED)
        if named:
            # nothing in the message is about us, so neither is what went wrong in it: "Our bank
            # has rejected our payment file AGAIN ... the worst bank on the planet. Anyway! Is
            # there a setting in your export ...?" reports the bank's failure, not ours
            _drop(r.features, F.PROBLEM_PREFIXES)

    return aimed_elsewhere


_LEAVING = ("esc.churn", "esc.leaving")
_NOT_OURS = ("problem.", *_LEAVING)


def says_own_reason(no_fault: bool, feats: Features) -> bool:
    """This message gives a reason of the customer's own (`tuning.no_fault`: "Nothing wrong with
    it, our reinsurer covers it now") and vents nothing: what it drops or cancels is an account
    change, whatever the thread complained about before."""
    return no_fault and not feats.has(*_VENTED)


def left_for_own_reason(state: EngineState, feats: Features) -> bool:
    """An earlier message gave a reason of the customer's own for leaving, nothing in the
    thread has complained about the service since, and this message vents nothing."""
    return state.own_reason and not state.grieved and not feats.has(*_VENTED)


def own_reason_step(no_fault: AnyOf) -> Step:
    """`own_reason`: a customer who says the reason is not the service ("we've finally moved
    into the new house so we won't need the unit", "our vet put him on a kidney diet") is not
    complaining: leaving, and what no longer suits them, are an account change
    (`tuning.no_fault`). The reason holds for the rest of the thread: "does cancelling the plan
    delete everything?" two messages after "our parent company standardised on one provider,
    not a complaint" asks how to leave, it does not threaten to; unless the message vents."""

    def own_reason(r: Reading) -> None:
        feats = r.features
        if not feats.has(*_NOT_OURS) or feats.has(*_VENTED):
            return
        r.no_fault = no_fault.found(r.prep.lower)
        if r.no_fault:
            for name in [n for n in feats.values if n.startswith(_NOT_OURS)]:
                feats.drop(name)
        elif left_for_own_reason(r.state, feats):
            for name in _LEAVING:
                feats.drop(name)

    return own_reason


def praise_passed_on(rules: DetectionRules) -> Step:
    """ "Is there somewhere I can leave feedback for your manager?", "tell your boss you deserve
    a raise": praise to pass up, in a thread with no complaint and nothing wrong in the message,
    asks for nobody senior (the cue is left out as well: `FrustrationEngine._finish`)."""
    pass_on = _either(rules.tuning.pass_on)

    def praise(r: Reading) -> None:
        feats = r.features
        if (
            "esc.manager" in feats.values
            and feats.has("calm.praise", "calm.thanks")
            and not r.state.grieved
            and not feats.has(*_FAILURE)
            and pass_on.search(r.prep.lower) is not None
        ):
            feats.drop("esc.manager")

    return praise


_STILL_WRONG = ("problem.", "wait.", "neglect.", "feel.", "promise.broken", "press.")


def retried_and_working(r: Reading) -> None:
    """ "I ran the import again and it went through": the "again" is the customer's own retry,
    and what follows it says it works. A success report, not the problem coming back; unless
    the message also says something is still wrong."""
    feats = r.features
    recur, works = feats.hits.get("repeat.recur"), feats.hits.get("calm.resolved")
    if recur is None or works is None:
        return
    if any(n.startswith(_STILL_WRONG) for n in feats.values):
        return
    lower = r.prep.lower
    at = lower.find(works.evidence.strip("…").strip().lower())
    if at >= 0 and _before(lower, recur.evidence, at + 1):
        feats.drop("repeat.recur")


def again_by_choice_step(rules: DetectionRules) -> Step:
    """`again_by_choice`: an "again" the customer wishes for is no recurrence ("you guys are
    dangerous, now I want to move again"), nor is a check done again the way the agent asked
    ("checked all ten again the way you described"): `repeat.recur` is dropped when every
    "again" is one they chose (`tuning.wish_again`)."""
    wish = _either(rules.tuning.wish_again)

    def again_by_choice(r: Reading) -> None:
        if not r.features.has("repeat.recur"):
            return
        lower = r.prep.lower
        wished = sum(1 for _ in wish.finditer(lower))
        if wished and wished >= lower.count(" again") + lower.startswith("again"):
            r.features.drop("repeat.recur")

    return again_by_choice


# the outcome of one more try, told as a result: "same thing at a similar point, chunk 774 this
# time", "no luck with the desktop app either"
_RETRY_RESULT = re.compile(
    r"\b(?:same (?:thing|error|result|issue|problem|message|code)|no (?:luck|joy|change|difference)"
    r"|didn'?t (?:work|help|change anything)|still (?:the same|fail\w*|get(?:s|ting)? (?:it|that|"
    r"the same|an?)))\b"
)
_THIS_TRY = re.compile(
    r"\bthis time\b|\beither\b|\b(?:with|on|in|using|via) the (?:desktop|new|other|latest|"
    r"updated|mobile|web|beta) \w+|\bafter (?:the|a|that) (?:restart|reboot|update|reinstall|"
    r"change|switch|fix)\b"
    r"|\btried (?:it |them )?(?:on |in |with )?[\w.-]+(?:,? (?:and|&|or) |, )[\w.-]+"
)
# ... and what makes it more than that: counting the times, or saying it keeps happening
_COUNTED = re.compile(
    r"\b(?:second|third|fourth|fifth|\d+(?:st|nd|rd|th)|several|many|multiple|\d+) times?\b"
    r"|\bevery (?:single )?time\b|\bkeeps?\b|\b(?:yet|once) again\b|\bagain and again\b"
)
_HEAT = ("feel.", "verdict.", "press.", "neglect.", "emoji.upset", "dialog.", "promise.broken")


def retried_and_failing(r: Reading) -> None:
    """ "hmm same thing at a similar point. 413 again, chunk 774 this time": the customer tried
    what was suggested and reports the result. The "same" and the "again" tell how this try
    went, not that the problem keeps coming back; unless they count the times, say it keeps
    happening, or say how they feel about it."""
    feats = r.features
    if not feats.has("repeat.again", "repeat.recur") or feats.has(*_HEAT):
        return
    lower = r.prep.lower
    if len(r.prep.tokens) > 40 or _COUNTED.search(lower) is not None:
        return
    if _RETRY_RESULT.search(lower) is not None and _THIS_TRY.search(lower) is not None:
        feats.drop("repeat.again")
        feats.drop("repeat.recur")


_GLAD = ("calm.resolved", "calm.praise", "calm.cheer", "calm.thanks")


# a fix we announced, told back: "after you told us in February it was fixed", "your engineer
# swore it was sorted"
_FIX_TOLD = re.compile(
    r"\b(?:you|your [\w-]+|they|he|she)(?: [\w-]+){0,2}? (?:told|said|promised|assured|claimed|"
    r"swore|insisted|confirmed)\b[^.!?\n]{0,40}?\b(?:it|that|this|the [\w-]+)(?:'s| is| was| had "
    r"been| has been| would be| were) (?:now |all )?(?:solved|resolved|fixed|sorted)\b"
)


def fix_told_back(r: Reading) -> None:
    """ "This is the second double booking this year, after you told us in February it was
    fixed": a fix we announced, told back beside the fault come back, is a promise broken, not
    "it works now"."""
    if (
        "calm.resolved" in r.features.values
        and r.features.has("repeat.", "promise.", "problem.")
        and _FIX_TOLD.search(r.prep.lower) is not None
    ):
        r.features.drop("calm.resolved")


# a sentence shouted whole, among calm ones: "WE DID THE UPDATE. Version 2.8.1, is written in the
# ticket." (a run of codes or product names in capitals is no shout: it has none of these words)
_SENTENCE_SPLIT = re.compile(r"[.!?\n]+")
_CAPS_TOKEN = re.compile(r"[A-Za-z']+")
_SHOUTED_WORDS = frozenset(
    {
        *("I", "WE", "YOU", "IT", "THE", "THIS", "THAT", "IS", "ARE", "WAS", "DID", "DONE"),
        *("NOT", "NO", "HAVE", "HAS", "ALREADY", "STILL", "WHY", "WHAT", "AND", "TO", "OF"),
        *("MY", "OUR", "YOUR", "TOLD", "SAID", "NEVER", "AGAIN"),
    }
)


def _shouts(prose: str) -> bool:
    """Some sentence of `prose` is written wholly in capitals, three words or more."""
    for sentence in _SENTENCE_SPLIT.split(prose):
        words = _CAPS_TOKEN.findall(sentence)
        if (
            len(words) >= 3
            and all(w.isupper() for w in words if len(w) > 1)
            and sum(1 for w in words if len(w) >= 3) >= 2
            and any(w in _SHOUTED_WORDS for w in words)
        ):
            return True
    return False


def shape_step(rules: DetectionRules) -> Step:
    """`shape`: capitals, punctuation bursts (not in glad news, nor closing a yes or a cheer:
    `tuning.glad_bursts`), length, stripped code and empty messages."""
    glad_burst = _either(rules.tuning.glad_bursts)

    def shape(r: Reading) -> None:
        prep, feats = r.prep, r.features
        feats.set(
            F.CAPS,
            1.0
            if prep.caps_words >= 2
            and (prep.caps_words * 2 >= prep.long_words or _shouts(prep.prose))
            else 0.0,
            "writes in capitals",
        )
        bursts = prep.bursts
        if bursts and not feats.has(*_FAILURE, "press.sarcasm"):
            if feats.has(*_GLAD):
                bursts = 0  # "That did it!!", "omg thank you!!": joy, with nothing gone wrong
            else:  # "yes!! grab them", "go for it!! tag us": excitement
                bursts = max(0, bursts - len(glad_burst.findall(prep.lower)))
        feats.set(F.BURST, float(min(2, bursts)), "bursts of !? punctuation")
        # length saturates: a long complaint reads longer than a one-liner, a pasted config
        # does not
        feats.set(F.LENGTH, round(math.log1p(min(len(prep.tokens), LENGTH_CAP)), 4))
        feats.set(F.CODE, 1.0 if prep.stripped_code else 0.0, "quotes code or logs")
        feats.set(F.EMPTY, 0.0 if prep.tokens else 1.0, "nothing but a link, emoji or file")

    return shape


def tone_step(models: ToneModels) -> Step:
    """The learned tone models' say (0 when a model is not loaded or there are no words). When
    the customer says the upset is with someone else ("nothing to do with you lot, your side was
    faultless"), the heat the models hear in the words is not ours: it can calm, not raise."""

    def tone(r: Reading) -> None:
        if not r.prep.tokens:
            return
        r.vector = models.embed(r.prep.lower)
        words = models.words_logit(r.prep.lower)
        embed = models.embed_logit(r.vector)
        # ... and once the thread has put the upset with someone else, a later message that
        # complains of nothing in its own words ("Tried the notes field before, they ignore it")
        # carries the earlier vent's tone, not a new upset with us
        # after a vent at someone else, or in one put with someone else here ("The haulier has
        # lost ANOTHER crate ... Rant over 😤 Actual question for you: ..."), the tone of a message
        # that complains of nothing of ours cannot raise it
        quiet = (r.state.vented_elsewhere or r.aimed_away) and not r.features.has(
            *F.COMPLAINT_PREFIXES, "verdict."
        )
        if r.features.has("calm.elsewhere") or quiet:
            words, embed = min(words, 0.0), min(embed, 0.0)
        r.features.set(F.TONE_WORDS, round(words, 4), "overall wording")
        r.features.set(F.TONE_EMBED, round(embed, 4), "overall tone")

    return tone


_NUDGE_PREFIXES = ("press.", "neglect.", "wait.")
# one clipped word and a full stop (`ctx.clipped`)
_CLIPPED = re.compile(
    # after a shrug, with a "but" or without: "Ok. But when.", "Right. Noted."
    r"(?:(?:ok|okay|right|fine|yes|yeah|sure)[.,!]? (?:(?:but|and|so) )?)?(?:"
    r"(k|kk|fine|no|nope|noted|right|whatever|when|soon|nothing|same|still|obviously)\."
    # ... or a short question typed with a full stop, a demand for a time: "where is he.",
    # "need a time.", "When is the part due."
    r"|(?:where|when|why|how long|how far(?: behind| away| off)?|what time)"
    r"(?: (?:is|are|was|will|does|did) "
    r"(?:he|she|it|they|that|this|the [a-z]+)(?: (?:due|ready|coming|arriving|back|done|fixed))?)?"
    r"\.|need (?:a|an) (?:time|date|eta|answer|update)\."
    # ... or the thing wanted, as a statement: "When you send testers."
    r"|when (?:will )?(?:you|u) (?:send|ship|deliver|post|fix|refund|replace|call|reply|answer|"
    r"come|book)\w*(?: [a-z]+){0,2}\."
    # ... or which of two answers holds: "So which one is right."
    r"|(?:so )?(?:which|what) (?:one )?is (?:it|right|correct|true)\."
    # ... or the refusal read off a non-answer: "Right. So no."
    r"|(?:(?:right|ok|okay|fine)[.,]? )?so (?:no|that'?s a no|not then)\.)"
)  # not "yes." "sure." "ok.": agreeing, even clipped, is how transcribed speech answers
_NO_WORDS = frozenset({"no", "nope"})  # an answer when the agent asked
# ... though "ok." is clipped too when it is all that is left to say to a non-answer (see
# `context_step`); the levels at which a customer counts as heated a moment ago
_OK_FULL_STOP = re.compile(r"(?:ok|okay)\.")
_HEATED = (Level.FRUSTRATED, Level.ANGRY)


# the customer's own step reported done, as the first words of a message: "done, trimmed to 180
# chars", "ok, all done", "that's done now"
_REPORTS_DONE = re.compile(
    r"(?:ok(?:ay)?|right|so|and)?[,.!]? ?(?:(?:all|that'?s|it'?s|now) )?"
    r"(?:done|sorted|did (?:it|that))"
    r"\b(?![^.!?\n]{0,40}\b(?:but|still|again|nothing|no (?:change|difference|luck))\b)"
)
# what the agent could not do, when the customer then owns the slip that caused it
_OWNED_NEWS = ("agent.failed", "agent.negative")


def context_step(reader: SituationReader, rules: DetectionRules) -> Step:
    """What the thread adds: position, the agent's last reply, repeats, pace, the last score."""
    tuning = rules.tuning
    labels = {rule.id: rule.label for rule in rules.agent.rules}
    labels[F.SAME_ANSWER] = "agent repeated their last answer"
    labels[F.AGENT_ASKED] = "agent asked a question"

    def context(r: Reading) -> None:
        feats, state, prep = r.features, r.state, r.prep
        opening = r.customer_turn == 0
        feats.set(F.OPENING, 1.0 if opening else 0.0)
        problem = opening and feats.has(*F.PROBLEM_PREFIXES)
        feats.set(F.OPENING_PROBLEM, 1.0 if problem else 0.0, "opens with a problem report")
        # "probably us but wanted to check" is no blunt report either
        blunt = problem and not feats.has(*F.POLITE_PREFIXES, "calm.own_slip")
        feats.set(F.BLUNT_PROBLEM, 1.0 if blunt else 0.0, "opens with a blunt problem report")
        feats.set(F.AFTER_AGENT, 1.0 if r.after_agent else 0.0)
        if r.after_agent:
            # the bad news a slip of the customer's own caused is theirs, not the reply's ("All
            # three were returned by your bank ... unable to locate" / "yep, fat-fingered the
            # last digits 🤦 fixing now")
            owned = feats.has("calm.own_slip")
            for family in state.last_agent:
                if owned and family in _OWNED_NEWS:
                    continue
                feats.add(Hit(family, labels.get(family, family), ""))
        overlap = _overlap(prep, state.recent_hashes)
        repeated = overlap if overlap >= tuning.repeat_min_overlap else 0.0
        feats.set(F.REPEAT, repeated, "repeats an earlier message")
        r.topic = reader.topic_of(prep.lower)
        before = state.topic_counts.get(r.topic, 0) if r.topic else 0
        feats.set(F.TOPIC_AGAIN, float(min(before, 3)), f"asks about {r.topic} again")
        asks = r.asks = asks_question(r.turn.text)
        feats.set(
            F.ASKS_AGAIN,
            1.0 if asks and r.after_agent and state.last_asked else 0.0,
            "asks again",
        )
        if state.last_logit is not None:
            feats.set(F.PREVIOUS, round(state.last_logit - rules.combiner.bias, 4))
        if state.peak_logit is not None:
            feats.set(F.PEAK, round(state.peak_logit - rules.combiner.bias, 4))
        feats.set(F.POSITION, round(math.log1p(r.customer_turn), 4))
        # the same customer writing again (a colleague joining in is not chasing)
        same = not (r.turn.author and state.last_customer) or r.turn.author == state.last_customer
        chasing = (
            state.last_role == "customer" and same and r.turn.ts > 0 and state.last_customer_ts > 0
        )
        gap = r.turn.ts - state.last_customer_ts if chasing else 0.0
        # before anyone has answered, quick messages in a row are one request typed in pieces
        # ("hi!! quick one on the proof" / "we spelled Annual wrong" / "can we swap the file?"),
        # unless the new one is a nudge about the wait ("Hello?", "Is anyone monitoring this?")
        quick = 0 < gap < tuning.double_text_seconds
        # ... and the customer's own step reported done is no chase either ("give me 5 min to
        # trim it" / "done, trimmed to 180 chars")
        double = (
            quick
            and (bool(state.agent_hashes) or feats.has(*_NUDGE_PREFIXES))
            and _REPORTS_DONE.match(prep.lower) is None
        )
        feats.set(F.DOUBLE_TEXT, 1.0 if double else 0.0, "writes again before any reply")
        waited = math.log1p(gap / 60) / math.log1p(DAY_MINUTES) if gap > 0 and not quick else 0.0
        feats.set(F.WAITED, round(min(1.0, waited), 4), "chasing after a long wait")
        # asked for what they gave at the start, the customer gives it again, flatly: "24-118, as
        # above", "PO 7741. Tuesday. Line's waiting." (not "Sure! It's 10488, thanks", nor a
        # reference named in passing: "Got it. I'll keep an eye on rpt-2727 and report back.")
        if (
            r.after_agent
            and (F.AGENT_ASKED in state.last_agent or F.AGENT_REQUESTED in state.last_agent)
            and 0 < len(prep.tokens) <= tuning.gave_again_max_words
            and not feats.has(*F.SOFTENED_PREFIXES)
            and (
                len(prep.tokens) <= tuning.gave_again_bare_words
                or _POINTS_BACK.search(prep.lower) is not None
                or feats.has("emoji.upset", "dialog.")
            )
            and _OWN_PLAN.search(prep.lower) is None
        ):
            refs = ref_hashes(prep.lower)
            if (refs and refs.issubset(state.given_refs)) or (
                # what was asked for, said to be up there already, with no reference to give
                # back: "attached. in my first message. 3 photos."
                not refs and _GIVEN_UP_THERE.search(prep.lower) is not None
            ):
                feats.set("dialog.pushback", 1.0, _GAVE_AGAIN)
                r.gave_again = True
        # the reply answered by where the customer said it already, after a reply that moved
        # nothing: "We soaked them. Soil was 75, it's in the first message.", "square and level.
        # that was the second sentence of my message 🙂": the agent did not read the message
        if (
            r.after_agent
            and not _progressed(state.last_agent)
            and _SAID_UP_THERE.search(prep.lower) is not None
            and not feats.has("calm.thanks", "calm.polite")
        ):
            feats.set("neglect.ignored", 1.0, "points to where they said it already")
            if not feats.has("dialog.pushback"):
                feats.set("dialog.pushback", 1.0, "points to where they said it already")
            if feats.has("calm.cheer") and _POINTED_SMILE.search(prep.lower) is not None:
                feats.drop("calm.cheer")  # the smile after the pointer points, it does not cheer
        # the agent's explanation denied flatly in its own word: "0.4mm is not tolerance.", "It's
        # not the battery." (not "That's not a problem.")
        denied = _DENIED.search(prep.lower) if r.after_agent and state.agent_hashes else None
        if (
            denied is not None
            and not _progressed(state.last_agent)
            and not feats.has("calm.thanks", "calm.polite", "dialog.pushback")
        ):
            said = content_hashes(denied.group(1))
            if said and said <= set(state.agent_hashes):
                feats.set("dialog.pushback", 1.0, "denies the agent's explanation")
        if (
            r.after_agent
            and F.AGENT_DEFENSIVE in state.last_agent
            and len(prep.tokens) <= 6
            and _FLAT_DENIAL.match(prep.lower) is not None
            and not feats.has("calm.thanks", "calm.polite", "dialog.pushback")
        ):
            # the cause a defence suggested, denied in two words: "They weren't. Thursday."
            feats.set("dialog.pushback", 1.0, "denies the agent's cause flatly")
        curt = (
            state.was_warm
            and not opening
            and 0 < len(prep.tokens) <= tuning.curt_max_words
            and not prep.stripped_code  # a request id or a command given is information
            and not feats.has(*F.SOFTENED_PREFIXES)
            and feats.has(*F.COMPLAINT_PREFIXES)
        )
        feats.set(F.CURT, 1.0 if curt else 0.0, "gone curt after a friendly start")
        # typed chat chooses its full stop: "k." or "when." after a reply that did nothing is
        # clipped; "no." to the agent's own question is only an answer
        word = _CLIPPED.fullmatch(prep.lower.strip())
        clipped = (
            word is not None
            and r.after_agent
            and F.AGENT_DONE not in state.last_agent
            and not (word.group(1) in _NO_WORDS and F.AGENT_ASKED in state.last_agent)
        ) or (
            # "ok." agrees, except as all that is left to say to a reply that answered nothing
            # (a template, or a holding line to a customer heated a moment ago) after a question
            # or a complaint: "Your job is in the queue." ... "ok."
            _OK_FULL_STOP.fullmatch(prep.lower.strip()) is not None
            and r.after_agent
            and not _moved_on(state.last_agent)
            and (
                (_templated(state.last_agent) and (state.last_asked or state.grieved))
                or state.level in _HEATED
            )
        )
        feats.set(F.CLIPPED, 1.0 if clipped else 0.0, "answers in one clipped word")

    return context


# where both kinds of pointer say the thing is: the top of the thread, the first line of the
# first message, "up there"
_UP_THERE = (
    r"(?:at the )?top of (?:the|this) (?:thread|chat|message)|(?:first|top|opening) "
    r"(?:line|bit|part|sentence) of my (?:message|post|email)|"
    # "right up there", "all attached up there" (not the place: "brutal cold up there 🥶")
    r"(?:right|already|attached|listed|written|posted|sent|given|mentioned|included) up there|"
    r"(?:it'?s|its|it is|they'?re|they are|all|that'?s) (?:all )?up there"
    r"(?=\s*(?:[.!,;)]|\U0001f446|\u261d|$))|"
    # "its in the msg above", "They're in the message directly above yours."
    r"(?:in|on) (?:the|my) (?:first |last |previous |earlier )?(?:msg|message|post|email|note) "
    r"(?:directly |right |just |immediately )?above|"
    # "7781. first thing i wrote."
    r"(?:the )?(?:first|very first) thing (?:i|we) (?:wrote|said|sent|put|typed|gave you)"
)
# what was asked for, said to have gone with an earlier message or delivery: "Sent one with the
# first lot."
_SENT_BEFORE = (
    r"(?:sent|attached|included|gave|posted) (?:it|one|them|those|that|(?:a |the )?"
    r"(?:photos?|pics?|pictures?|images?|screenshots?)) (?:with|in) (?:the|my) "
    r"(?:first|original|earlier|last) "
    r"(?:lot|message|email|post|order|delivery|one)|"
    # "i attached it when i wrote this morning"
    r"(?:sent|attached|included|added) (?:it|them|one|that|those) when (?:i|we) (?:first )?"
    r"(?:wrote|messaged|emailed|posted|got in touch|reported it)"
)
# a reply pointing back at what was given: "as above", "already", "at the top of this thread"
_POINTS_BACK = re.compile(
    r"\b(?:as (?:above|i said|i wrote|i mentioned|mentioned|stated)|see above|already|again|"
    r"(?:(?:first|top|opening|last) (?:line|bit|part|sentence) of )?(?:my |the |in )"
    r"(?:first|original|last) (?:message|post|email)|" + _UP_THERE + "|" + _SENT_BEFORE + r")\b"
    r"|\U0001f446"
)
# where the customer's own words already said it: "it's in the first message", "that was the
# second sentence of my message", "as I said in my first message"
_SAID_UP_THERE = re.compile(
    r"\b(?:it'?s|it is|that'?s|that is|that was|it was|they'?re|they are|both are|all) (?:in|on) "
    r"(?:my |the )?(?:first|second|third|opening|original|very first) (?:message|msg|post|email)\b"
    r"|\b(?:first|second|third|opening|last) (?:line|sentence|paragraph|bit|part) of my "
    r"(?:first |original |opening )?(?:message|msg|post|email)\b"
    r"|\bas (?:i|we) (?:said|wrote|mentioned|explained|put it) in my (?:first |original |opening )?"
    r"(?:message|msg|post|email)\b"
)
# ... the narrower pointers: what was asked for is further up ("in my first message", "see
# above", "already attached"), not just "again", "already" or "as I said"
_GIVEN_UP_THERE = re.compile(
    r"\b(?:as above|see above|further up|(?:in|see|check) (?:my |the )?"
    r"(?:first|original|opening|earlier) (?:message|post|email)|already (?:sent|attached|"
    r"gave|given|included|provided|shared|posted|attach|send|give)|(?:look|scroll|see) up|"
    + _UP_THERE
    + "|"
    + _SENT_BEFORE
    + r")\b"
    r"|\U0001f446"
)
# a cause denied in a sentence of its own: "0.4mm is not tolerance.", "Is not humidity.", "It's
# not the packaging." (the word is checked against the agent's last reply)
_DENIED = re.compile(
    r"(?:^|[.!?]\s+)(?:(?:it|this|that|[\w.,%]+)(?:'s| is| are|'re| was| were) |is |are |was |"
    r"were )?not "
    r"(?:a |an |the |just |about |from |due to |caused by |because of |our |my )?"
    r"(?!(?:a )?(?:problem|issue|worry|worries|bother|rush|hurry|necessary|needed|sure|yet|"
    r"really|quite|exactly|bad|much|great|ideal|urgent|important|big deal|fault|ok|okay|"
    r"possible|available|required)\b)"
    r"([a-z][a-z-]{3,}(?: [a-z][a-z-]+)?)[.!,;]+(?=\s|$)"
)
# a cause denied flatly, in the first words: "They weren't.", "It wasn't.", "Didn't."
_FLAT_DENIAL = re.compile(
    r"^\W*(?:(?:they|it|we|i|that|those|these|he|she)(?:'re| are| were| was| is| did| do| does|"
    r"'ve| have| had)?(?: not|n't)|(?:didn'?t|wasn'?t|weren'?t|"
    r"no,? (?:they|it) (?:weren'?t|wasn'?t)))[.!](?=\s|$)"
)
# the customer's own next step named: "I'll keep an eye on it and report back"
# ("we'll" needs its apostrophe: "as well" is no plan)
_OWN_PLAN = re.compile(r"\b(?:i'?ll|we'll|i will|we will|i'?m going to|we'?re going to)\b")
# the label of a pushback that gives back a reference number asked for again
_GAVE_AGAIN = "gives again what they already gave"


_QUESTION = re.compile(
    r"\?|^\s*(?:where|when|why|how|what|who|which|has|have|is|are|was|were|did|do|does|can|could|will|would)\b",
    re.I | re.M,
)


def asks_question(text: str) -> bool:
    """The message asks something (a question mark, or a sentence opening like a question)."""
    return _QUESTION.search(text[:2000]) is not None


def _overlap(prep: Prepared, recent: list[list[int]]) -> float:
    """The largest share of this message's content words found in one earlier message."""
    hashes = prep.content_hashes
    if len(hashes) < 3:
        return 0.0
    best = 0.0
    for old in recent:
        if len(old) >= 3:
            best = max(best, len(hashes.intersection(old)) / min(len(hashes), len(old)))
    return round(best, 3)


def default_pipeline(
    matcher: Matcher,
    reader: SituationReader,
    tone: ToneModels,
    rules: DetectionRules,
    no_fault: AnyOf | None = None,
) -> Pipeline:
    """The engine's steps, in order (`no_fault`: `tuning.no_fault` compiled, when the caller
    has it already)."""
    return [
        ("lexicon", lexicon_step(matcher)),
        ("dialogue_only", dialogue_only),
        ("hyperbole", hyperbole_step(matcher, tuple(rules.lexicon.hyperbole_cancels))),
        ("supposed_temper", supposed_temper_step(rules)),
        ("again_by_choice", again_by_choice_step(rules)),  # before sarcasm: no failure to mock
        ("ironic_face", ironic_face_step(matcher, rules)),  # before the other ways to find sarcasm
        ("echo", echo),
        ("figure_echo", figure_echo),
        ("sarcasm", sarcasm),
        ("praise_opens_failure", praise_opens_failure_step(matcher)),
        ("contrast", contrast),
        ("smile_on_pushback", smile_on_pushback),
        ("closing", closing),
        ("answered_no", answered_no_step(matcher)),
        ("own_slip", own_slip),
        ("elsewhere", elsewhere),
        ("aimed_elsewhere", aimed_elsewhere_step(rules)),
        ("no_rush", no_rush_step(rules)),
        ("own_reason", own_reason_step(no_fault or AnyOf(rules.tuning.no_fault))),
        ("praise_passed_on", praise_passed_on(rules)),
        ("retried_and_working", retried_and_working),
        ("retried_and_failing", retried_and_failing),
        ("fix_told_back", fix_told_back),
        ("shape", shape_step(rules)),
        ("tone", tone_step(tone)),
        ("context", context_step(reader, rules)),
    ]
