"""Text preparation for the engine: strip markup, code and log lines; tokenize; guess language.

Pure and fast: one pass of a few precompiled regexes over a capped prefix of the message.
"""

from __future__ import annotations

import re
import unicodedata
import zlib
from dataclasses import dataclass

MAX_CHARS = 600  # work is capped: longer messages are read as their head and tail
_HEAD = 420

_FENCE = re.compile(r"```.*?(?:```|$)", re.S)
_INLINE = re.compile(r"`[^`\n]*`")
# a file named in prose ("38 in rejected.csv", "see invoice_march.pdf"): a name, not words
_FILENAME = re.compile(
    r"\b[\w-]+(?:\.[\w-]+)*\.(?:csv|tsv|xlsx?|xlsm|ods|pdf|docx?|odt|rtf|txt|json|xml|zip|"
    r"png|jpe?g|gif|heic|log|ya?ml|html?|sql|ics|pptx?|dwg|dxf|stl|gcode)\b",
    re.IGNORECASE,
)
_SLACK_LINK = re.compile(r"<(?:https?|mailto):[^>|]*\|([^>]*)>")
_SLACK_CHANNEL = re.compile(r"<#[A-Z0-9]+\|([^>]*)>")
_SLACK_OTHER = re.compile(r"<[@#!][^>]*>|<(?:https?|mailto):[^>]*>")
_URL = re.compile(r"https?://\S+|www\.\S+")
_UPSET_EMOJI_CODE = re.compile(
    r":(?:rage|angry|triumph|unamused|face_with_rolling_eyes|roll_eyes|disappointed|pouting_cat|"
    r"face_with_symbols_on_mouth|weary|tired_face|persevere|confounded|"
    r"cry|sob|slightly_frowning_face|white_frowning_face|"
    r"frowning|thumbsdown|-1)(?:::skin-tone-\d)?:"
)
_IRONIC_EMOJI_CODE = re.compile(r":upside_down_face:")  # read as the emoji itself (🙃)
# the facepalm is read as the emoji itself (🤦): a gesture at a blunder, not an upset face
_FACEPALM_CODE = re.compile(
    r":(?:facepalm|face_palm|(?:man|woman|person)_facepalming)(?:::skin-tone-\d)?:"
)
# Slack sends the emoji people pick as :codes:; the cheerful ones are read as the emoji themselves
# (the lexicon names the emoji), so "considering suing Mother Nature :joy:" laughs as "😂" does
_CHEER_EMOJI = {
    "joy": "😂",
    "rolling_on_the_floor_laughing": "🤣",
    "sweat_smile": "😅",
    "laughing": "😆",
    "satisfied": "😆",
    "smile": "😄",
    "smiley": "😃",
    "grinning": "😀",
    "grin": "😁",
    "blush": "😊",
    "slightly_smiling_face": "🙂",
    "wink": "😉",
    "stuck_out_tongue_winking_eye": "😜",
    "heart_eyes": "😍",
    "smiling_face_with_3_hearts": "🥰",
    "star-struck": "🤩",
    "sunglasses": "😎",
    "skull": "💀",  # "dead" of laughing, as "😂"
    "call_me_hand": "🤙",
    "the_horns": "🤘",
    "sign_of_the_horns": "🤘",
    "metal": "🤘",
    "hugging_face": "🤗",
    "partying_face": "🥳",
    "tada": "🎉",
    "raised_hands": "🙌",
    "muscle": "💪",
    "handshake": "🤝",
    "sparkles": "✨",
    "heart": "❤",
    "+1": "👍",
    "thumbsup": "👍",
    "pray": "🙏",
    "clap": "👏",  # beside a failure, a slow clap (the sarcasm step)
    # and the hourglass, the wait shown: "It's 5:20. Nothing yet. :hourglass_flowing_sand:"
    "hourglass_flowing_sand": "⏳",
    "hourglass": "⌛",
}
_CHEER_EMOJI_CODE = re.compile(
    r":(" + "|".join(re.escape(code) for code in _CHEER_EMOJI) + r")(?:::skin-tone-\d)?:"
)
_EMOJI = re.compile(
    r"(?<![\w:]):(?=[a-z0-9_+\-]*[a-z+\-])[a-z0-9_+\-]+:(?::skin-tone-\d:)?(?![\w:])"
)
# someone else's words, quoted after who said them ("a client emailed ... quote: "This is a total
# scam ..."", "the tenant wrote "..."): theirs, not the customer's, so they are not read (the
# customer quoting us, "you said "...", or an error message keeps its words)
_REPORTED = re.compile(
    r"(?:\b(?:quote|quoting|verbatim|(?:his|her|their) (?:exact )?words were)|"
    r"\b(?:she|he|they|(?:client|customer|guest|tenant|patient|member|"
    r"parent|student|boss|landlord|neighbou?r|buyer|seller|caller|visitor|owner)s?)\b"
    r"[^.!?\n\"\u201c]{0,40}?\b(?:said|says|wrote|writes|emailed|messaged|texted|replied|"
    r"complained|posted|shouted|yelled)(?: (?:me|us|to (?:me|us)|this|saying))?)\s*[:,-]?\s*"
    r"(?P<q>\"[^\"\n]{3,600}\"|\u201c[^\u201d\n]{3,600}\u201d)",
    re.I,
)
_HANDLE = re.compile(r"(?<!\w)@\w+")
_HASHTAG = re.compile(r"(?<![\w&])#(?=[A-Za-z])")
_LOG_LINE = re.compile(
    r"^\s*(?:\[?\d{4}-\d\d-\d\d[ T]\d\d:\d\d|\[?\d\d:\d\d:\d\d|traceback \(most recent|"
    r"at [\w.$]+\(|file \"[^\"]+\", line \d+|\w*(?:error|exception)\b\s*:|"
    r"\[?(?:error|fatal|warn|warning|info|debug|critical|panic)\]?\s*[:\]|-]|"
    r"e\d{3,}|exit (?:code|status) \d+|\$ |> )",
    re.I,
)
_LOGGY_WORDS = re.compile(r"\b(?:ERROR|FATAL|FAILED|KILLED|SIGKILL|SIGSEGV|OOM|PANIC|EXCEPTION)\b")
_WORD = re.compile(r"[a-z]+(?:['’][a-z]+)*")
_CAPS_WORD = re.compile(r"\b[A-Z]{3,}\b")
_ANY_WORD = re.compile(r"\b[A-Za-z]{3,}\b")
_SPACES = re.compile(r"[ \t\u00a0]{2,}")
_BURST = re.compile(r"[!?]{2,}|!\s*!|\?\s*\?")

_EN_WORDS = """
a an the i you he she it we they me my your our is are was were be been am do does did have has
had not no to of in on at for with and or but this that what why how when where can could will
would should please thanks thank hi hello ok yes just so if there here still again get got im
it's i'm don't can't won't didn't
"""
_OTHER_WORDS = """
el la los las que de del por para con una uno es muy pero como esta está y nadie hay sus mi se
lo ya der die das und nicht ist ich mit ein eine auf sie wir zu dem auch le les des est pas avec
pour une je vous nous très il elle dans sur qui mais não uma com você het een niet ik wij zijn
ja nie jest się
"""
STOP_EN = frozenset(_EN_WORDS.split())
STOP_OTHER = frozenset(_OTHER_WORDS.split())


@dataclass(frozen=True, slots=True)
class Prepared:
    """A message made ready for the rules: lowercased prose, tokens and shape facts."""

    prose: str  # original-case prose (markup, code and log lines removed), capped
    lower: str  # lowercased prose with unified apostrophes
    tokens: tuple[str, ...]
    content_hashes: frozenset[int]  # crc32 of content tokens, for repeat detection
    chars: int  # length of the raw message (uncapped)
    caps_words: int
    long_words: int
    bursts: int
    stripped_code: bool  # code blocks, inline code or log lines were removed
    handled_language: bool


def _strip_logs(text: str) -> tuple[str, bool]:
    kept: list[str] = []
    removed = False
    for line in text.split("\n"):
        if _LOG_LINE.match(line) or (":" in line and _LOGGY_WORDS.search(line)):
            removed = True
            continue
        kept.append(line)
    return "\n".join(kept), removed


def _language_ok(raw_letters: str, tokens: tuple[str, ...]) -> bool:
    if raw_letters:
        latin = sum(1 for ch in raw_letters if ch.isascii())
        if latin / len(raw_letters) < 0.5:
            return False
    if len(tokens) >= 5:
        en = sum(1 for t in tokens if t in STOP_EN)
        other = sum(1 for t in tokens if t in STOP_OTHER)
        if other >= 2 and other > en:
            return False
    return True


# Slack emphasis around a phrase: *bold*, _italic_, ~strike~ ("showing _another family's_ child");
# a lone marker ("f***", "snake_case", "5*3") is left alone
_EMPHASIS = re.compile(
    r"(?<![\w*_~])([*_~])(?=[^\s*_~])([^*_~\n]{1,200}?)(?<=[^\s*_~])\1(?![\w*_~])"
)


def _content(tokens: tuple[str, ...] | list[str]) -> frozenset[int]:
    return frozenset(zlib.crc32(t.encode()) for t in tokens if t not in STOP_EN and len(t) > 2)


# laughing out loud, as a pattern to compile where it is read: "lol", "haha", 😂, 🤣 (the sarcasm
# steps keep a cheer beside one; the situation reader takes a cue laughed at for a joke)
LAUGH_OUT = "\\b(?:lol|lmao|rofl|haha\\w*|hehe\\w*)\\b|\U0001f602|\U0001f923"

# a figure with its unit, as an agent quotes a wait or an amount: "48h", "3-5 business days",
# "10–14 days", "30 min", "72 hours" (the unit is kept: "48" alone is an order number as often)
FIGURE = re.compile(
    r"\b\d+(?:[.,]\d+)?(?:\s*(?:-|–|to)\s*\d+(?:[.,]\d+)?)?\s*(?:h|hrs?|hours?|days?|business days|"
    r"working days|calendar days|weeks?|wks?|secs?|seconds?|mins?|minutes?|months?|%|oz|mm|cm|kg)\b"
)


# a count of days or weeks said in words: "Seven weeks.", "two working days"
NUMBER_WORDS = {
    "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8,
    "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "fourteen": 14, "twenty": 20, "thirty": 30,
}  # fmt: skip
WORD_FIGURE = re.compile(
    # "a few weeks" too: thrown back, it is the agent's figure as much as "2 weeks" is
    r"\b(?:" + "|".join(NUMBER_WORDS) + r"|a few|a couple of)\s+(?:hours?|days?|business days|"
    r"working days|"
    r"calendar days|weeks?|months?)\b"
)
_LEADING_WORD = re.compile(r"^(" + "|".join(NUMBER_WORDS) + r")\b")


def figure_key(figure: str) -> int:
    """A figure's hash, however it is spelled ("3-5 days", "3–5 days", "3 to 5 days", "48 hours",
    "48h", "seven weeks" as "7 weeks")."""
    f = _LEADING_WORD.sub(lambda m: str(NUMBER_WORDS[m.group(1)]), figure.lower().strip())
    f = re.sub(r"\s+", "", f).replace("–", "-").replace("to", "-")
    f = re.sub(r"(?:hours?|hrs?)$", "h", f)
    f = re.sub(r"(?:minutes?|mins?)$", "min", f)
    f = re.sub(r"(?:days?|businessdays|workingdays|calendardays)$", "d", f)
    f = re.sub(r"(?:weeks?|wks?)$", "w", f)
    return zlib.crc32(f.encode())


def figure_hashes(lower: str) -> frozenset[int]:
    """The figures with units in these (lowercased) words, as hashes: no text is kept."""
    found = [m.group(0) for m in FIGURE.finditer(lower)]
    found += [m.group(0) for m in WORD_FIGURE.finditer(lower)]
    # a range's far end is thrown back on its own: "48 hours" for "24-48h", "5 days" for "3-5 days"
    found += [m.group(1) + m.group(2) for f in found if (m := _RANGE_END.match(f)) is not None]
    return frozenset(figure_key(f) for f in found)


_RANGE_END = re.compile(r"^\d+(?:[.,]\d+)?\s*(?:-|–|to)\s*(\d+(?:[.,]\d+)?)(\s*\D.*)$")


def link_hashes(text: str) -> frozenset[int]:
    """Hashes of the links in a raw message (Slack's `<url|label>` or a bare URL), so a reply
    that sends the same page again reads as the same answer though links are not words."""
    if "http" not in text and "www." not in text:
        return frozenset()
    # a match starts at the scheme; Slack's label and closing bracket are cut off its end
    urls = (m.group(0).split("|", 1)[0].rstrip(">.,;:!?)").lower() for m in _URL.finditer(text))
    return frozenset(zlib.crc32(b"link:" + u.encode()) for u in urls if u)


# a reference the customer gives: an order, lot, invoice or booking number ("24-118", "FV-3308",
# "PO 7741"), not an amount ("£4,200"), a time ("10:30"), a date ("12/04") or a size ("1500mm")
_ANY_DIGIT = re.compile(r"\d")
_REF = re.compile(r"(?<![\w.,/£$€:])(?:[a-z]{1,5}-?)?\d[\d-]{2,}\d[a-z]?(?![\w%])")


def ref_hashes(lower: str) -> frozenset[int]:
    """Hashes of the reference numbers in these (lowercased) words, spelled with or without a
    dash: no text is kept."""
    if _ANY_DIGIT.search(lower) is None:  # most messages have no number at all
        return frozenset()
    return frozenset(
        zlib.crc32(b"ref:" + m.group(0).replace("-", "").encode()) for m in _REF.finditer(lower)
    )


def content_hashes(lower: str) -> frozenset[int]:
    """The hashes `Prepared.content_hashes` keeps for these (lowercased) words."""
    return _content(_WORD.findall(lower))


def _unquote(m: re.Match[str]) -> str:
    """The frame kept, the quoted words left out ("quote: "…"")."""
    return m.group(0)[: m.start("q") - m.start()] + '"…"'


def prepare(text: str) -> Prepared:
    """Clean one raw message (Slack markup, code, logs, odd unicode) and tokenize it."""
    chars = len(text)
    raw = text if len(text) <= MAX_CHARS * 4 else text[: MAX_CHARS * 2] + "\n" + text[-MAX_CHARS:]
    body = unicodedata.normalize("NFKC", raw) if not raw.isascii() else raw
    stripped = False
    if "`" in body:
        new = _INLINE.sub(" ", _FENCE.sub(" ", body))
        stripped = new != body
        body = new
    body, logs = _strip_logs(body)
    if "<" in body:
        body = _SLACK_LINK.sub(r"\1", body)
        body = _SLACK_CHANNEL.sub(r"\1", body)
        body = _SLACK_OTHER.sub(" ", body)
    if "&" in body:  # Slack sends what people typed as &, < and > escaped; markup is gone now
        body = body.replace("&gt;", ">").replace("&lt;", "<").replace("&amp;", "&")
    if "http" in body or "www." in body:  # what every match of _URL begins with
        body = _URL.sub(" ", body)
    if "." in body:
        body = _FILENAME.sub(" ", body)
    if '"' in body or "\u201c" in body:
        body = _REPORTED.sub(_unquote, body)
    if "*" in body or "_" in body or "~" in body:
        body = _EMPHASIS.sub(r"\2", body)
    if ":" in body:
        body = _IRONIC_EMOJI_CODE.sub(" \U0001f643 ", _UPSET_EMOJI_CODE.sub(" 😠 ", body))
        body = _FACEPALM_CODE.sub(" \U0001f926 ", body)
        body = _CHEER_EMOJI_CODE.sub(lambda m: f" {_CHEER_EMOJI[m.group(1)]} ", body)
        body = _EMOJI.sub(" ", body)
    # a regex is run only over a text with the character its matches need
    if "@" in body:
        body = _HANDLE.sub(" ", body)
    if "#" in body:
        body = _HASHTAG.sub("", body)
    if "  " in body or "\t" in body or "\u00a0" in body:  # two of them in a row, or one of these
        body = _SPACES.sub(" ", body)
    stripped = stripped or logs
    prose = body if len(body) <= MAX_CHARS else f"{body[:_HEAD]} … {body[_HEAD - MAX_CHARS :]}"
    lower = prose.lower().replace("’", "'")
    tokens = tuple(_WORD.findall(lower))
    head = prose[:400]
    letters = "" if head.isascii() else "".join(ch for ch in head if ch.isalpha())
    handled = _language_ok(letters, tokens)
    content = _content(tokens)
    return Prepared(
        prose=prose,
        lower=lower,
        tokens=tokens,
        content_hashes=content,
        chars=chars,
        caps_words=sum(1 for w in _CAPS_WORD.findall(prose) if not _LOGGY_WORDS.fullmatch(w)),
        long_words=len(_ANY_WORD.findall(prose)),
        bursts=len(_BURST.findall(prose)) if "!" in prose or "?" in prose else 0,
        stripped_code=stripped,
        handled_language=handled,
    )
