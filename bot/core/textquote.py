"""Evidence quotes for people: a short excerpt of the customer's own words around a match.

Rules match on lowercased text; a person should read what the customer actually wrote. A quote
keeps the original casing, is centred on the matched phrase, cut at word boundaries, marked with
an ellipsis (…) wherever it was trimmed, and never longer than its limit (privacy: short quotes).
"""

from __future__ import annotations

import re

ELLIPSIS = "…"
SIGNAL_LIMIT = 80
CUE_LIMIT = 120

_APOSTROPHE = re.compile("'")
_LEFT_PUNCT = ",;:.!?-–—)/"  # the tail of a cut-off clause, dropped after a leading ellipsis
_RIGHT_PUNCT = ",;:-–—(/"  # the start of one, dropped before a trailing ellipsis


def _collapse(text: str) -> str:
    return " ".join(text.split())


def _wordy(ch: str) -> bool:
    return ch.isalnum() or ch in "'’"


def _at_boundary(text: str, i: int) -> bool:
    return i <= 0 or i >= len(text) or not (_wordy(text[i - 1]) and _wordy(text[i]))


def _cut_head(text: str, limit: int) -> str:
    """The start of `text` cut at a word boundary to fit `limit` with a trailing ellipsis."""
    if len(text) <= limit:
        return text
    room = max(1, limit - 1)
    cut = text.rfind(" ", 0, room + 1)
    body = text[: cut if cut > 0 else room].rstrip(" ,;:")
    return body + ELLIPSIS


def excerpt(text: str, start: int, end: int, limit: int) -> str:
    """The span `text[start:end]` widened evenly to whole words, at most `limit` characters,
    with an ellipsis on each side that was trimmed."""
    start = max(0, min(start, len(text)))
    end = max(start, min(end, len(text)))
    if len(text) <= 2 * limit:  # collapsing spaces only shortens: the whole may still fit
        whole = _collapse(text)
        if len(whole) <= limit:
            return whole
    match = _collapse(text[start:end])
    if len(match) + 2 > limit:
        return _cut_head(match, limit)
    budget = limit - len(match) - 2  # room for context, both ellipses reserved
    left = budget // 2
    right = budget - left
    # give the unused room of a short side to the other side
    spare_left = max(0, left - start)
    spare_right = max(0, right - (len(text) - end))
    left, right = left - spare_left + spare_right, right - spare_right + spare_left
    lo = max(0, start - left)
    hi = min(len(text), end + right)
    while lo < start and not _at_boundary(text, lo):
        lo += 1
    while hi > end and not _at_boundary(text, hi):
        hi -= 1
    body = _collapse(text[lo:hi])
    head = ELLIPSIS if lo > 0 and text[:lo].strip() else ""
    tail = ELLIPSIS if hi < len(text) and text[hi:].strip() else ""
    if head and lo < start:
        body = body.lstrip(_LEFT_PUNCT + " ") or body
    if tail and hi > end:
        body = body.rstrip(_RIGHT_PUNCT + " ") or body
    quote = f"{head}{body}{tail}"
    if len(quote) > limit:  # collapsing never grows text; this guards odd unicode only
        return _cut_head(quote, limit)
    return quote


def _refind(original: str, phrase: str, near: float) -> tuple[int, int] | None:
    """The occurrence of `phrase` in `original` (case-insensitively) nearest relative `near`."""
    if not phrase.strip():
        return None
    pattern = _APOSTROPHE.sub("['’]", re.escape(phrase).replace(r"\ ", r"\s+"))
    best: tuple[int, int] | None = None
    best_gap = float("inf")
    for m in re.finditer(pattern, original, re.I):
        gap = abs(m.start() / max(1, len(original)) - near)
        if gap < best_gap:
            best, best_gap = m.span(), gap
    return best


def quote(original: str, lower: str, start: int, end: int, limit: int) -> str:
    """An evidence quote in the customer's casing for a match at `lower[start:end]`.

    `lower` is the normalised (lowercased) text the rules ran on. When it lines up with
    `original` character for character the span maps across directly; otherwise the matched
    phrase is found again in `original`, ignoring case (falling back to the normalised text).
    """
    if len(original) == len(lower):
        return excerpt(original, start, end, limit)
    span = _refind(original, lower[start:end], start / max(1, len(lower)))
    if span is None:
        return excerpt(lower, start, end, limit)
    return excerpt(original, span[0], span[1], limit)


def shorten(text: str, limit: int) -> str:
    """A quote trimmed evenly from both ends at word boundaries (its centre kept) to `limit`."""
    text = _collapse(text)
    if len(text) <= limit:
        return text
    head = ELLIPSIS if text.startswith(ELLIPSIS) else ""
    tail = ELLIPSIS if text.endswith(ELLIPSIS) else ""
    core = text.strip(ELLIPSIS + " ")
    mid = len(core) // 2
    word_lo = core.rfind(" ", 0, mid) + 1
    word_hi = core.find(" ", mid)
    word_hi = len(core) if word_hi < 0 else word_hi
    cut = excerpt(core, word_lo, word_hi, limit - len(head) - len(tail))
    if head and not cut.startswith(ELLIPSIS):
        cut = head + cut
    if tail and not cut.endswith(ELLIPSIS):
        cut = cut + tail
    return cut
