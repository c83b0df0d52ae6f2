"""The fixed rule that splits every dev set into a fit part and a check part.

A conversation belongs to the **check** part when `crc32(id) % 5 < 2` (about 40 %), else to the
**fit** part. Everything learned (tone models, the combiner's weights and cut points) is fitted on
fit parts only; the check parts are read to decide whether a change is kept, never to fit it.

GoEmotions feeds two learners, so its fit part is divided once more: the tone models are fitted
on `crc32(id) % 5 in (2, 3)` ("tone"), the combiner on `crc32(id) % 5 == 4` ("combiner"), so the
combiner never sees tone scores of comments the tone models were fitted on.
"""

from __future__ import annotations

import zlib
from typing import Literal

Part = Literal["fit", "check"]
RULE = "check = crc32(conversation id) % 5 < 2; fit = the rest"


def _bucket(conv_id: str) -> int:
    return zlib.crc32(conv_id.encode("utf-8")) % 5


def part_of(conv_id: str) -> Part:
    """Which part of its dev set a conversation belongs to."""
    return "check" if _bucket(conv_id) < 2 else "fit"


def for_tone(conv_id: str) -> bool:
    """A fit conversation the tone models may be fitted on (GoEmotions)."""
    return _bucket(conv_id) in (2, 3)


def for_combiner(conv_id: str, dataset: str) -> bool:
    """A fit conversation the combiner may be fitted on (GoEmotions: only the tone-free fifth)."""
    if part_of(conv_id) != "fit":
        return False
    return _bucket(conv_id) == 4 if dataset == "goemotions" else True
