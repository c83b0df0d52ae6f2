"""Thread documents as compact JSON, with orjson: every fold reads and writes its thread's
document, and the standard library's encoder and decoder were 7 % of a worker's samples at
capacity (`bench/scale.py` under py-spy). The text is the same JSON either library reads."""

from __future__ import annotations

from typing import Any

import orjson

_OPTIONS = orjson.OPT_NON_STR_KEYS


def dumps(value: Any) -> str:
    """Compact JSON text (no spaces), as `json.dumps(value, separators=(",", ":"))` writes it."""
    return orjson.dumps(value, option=_OPTIONS).decode()


def loads(raw: str | bytes) -> Any:
    """The value of JSON text or bytes."""
    return orjson.loads(raw)
