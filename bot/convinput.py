"""Reading conversation files for `undertone score` and `undertone eval`: validated line by line.

The format (docs/input-format.md): JSON Lines, one conversation per line,
`{"id": "c1", "turns": [{"role": "customer" | "agent", "text": "...", "frustrated": true | false |
null, "intensity": 0..1 | null, "ts": seconds}], "escalation": true | false | null}`; other keys
are ignored. A bad line stops the command with `FILE:LINE: what is wrong` (never a traceback),
and a role other than "customer" or "agent" is an error, not silently an agent.
"""

from __future__ import annotations

import contextlib
import contextvars
import json
import time
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Literal, TextIO

from pydantic import BaseModel, ConfigDict, Field, ValidationError, field_validator

Conversation = dict[str, Any]


class InputError(ValueError):
    """A conversations file that cannot be used, with the file and line to fix."""

    def __init__(self, path: Path, line: int | None, problem: str) -> None:
        self.path, self.line, self.problem = path, line, problem
        where = f"{path}:{line}" if line is not None else str(path)
        super().__init__(f"{where}: {problem}")


class TurnIn(BaseModel):
    model_config = ConfigDict(extra="ignore")

    role: Literal["customer", "agent"]
    text: str | None = None
    ts: float | None = None
    frustrated: bool | None = None
    intensity: float | None = Field(default=None, ge=0.0, le=1.0)


class ConversationIn(BaseModel):
    model_config = ConfigDict(extra="ignore")

    id: str = Field(min_length=1)
    turns: list[TurnIn]
    escalation: bool | None = None

    @field_validator("id", mode="before")
    @classmethod
    def _id_as_text(cls, value: Any) -> Any:
        return str(value) if isinstance(value, int) and not isinstance(value, bool) else value


def _describe(error: ValidationError, data: Any) -> str:
    """The first problem of a validation error in plain words, with where it is in the line."""
    first = error.errors()[0]
    loc = first["loc"]
    path = ""
    for part in loc:
        path += f"[{part}]" if isinstance(part, int) else (f".{part}" if path else str(part))
    kind = first["type"]
    if kind == "missing":
        return f'"{path}" is missing'
    if kind == "literal_error" and loc[-1] == "role":
        value = first.get("input")
        return f'{path} is {json.dumps(value)}: it must be "customer" or "agent"'
    if kind == "model_type" and not loc:
        return f"a line must be a JSON object (a conversation), not {type(data).__name__}"
    return f"{path or 'conversation'}: {first['msg']} (got {json.dumps(first.get('input'))[:60]})"


def parse_line(path: Path, number: int, line: str) -> Conversation:
    """One conversation from one line, or InputError naming the line."""
    try:
        data = json.loads(line)
    except json.JSONDecodeError as exc:
        raise InputError(path, number, f"not valid JSON: {exc.msg} (column {exc.colno})") from None
    try:
        ConversationIn.model_validate(data)
    except ValidationError as exc:
        raise InputError(path, number, _describe(exc, data)) from None
    conversation: Conversation = data
    return conversation


def load_conversations(path: Path) -> Iterator[Conversation]:
    """Conversations of a JSON Lines file, validated; blank lines skipped; ids must be unique."""
    if not path.exists():
        raise InputError(path, None, "no such file")
    if path.is_dir():
        raise InputError(path, None, "is a folder; give a .jsonl file of conversations")
    seen: dict[str, int] = {}
    count = 0
    with path.open("rb") as fh:
        for number, raw in enumerate(fh, 1):
            try:
                line = raw.decode("utf-8")
            except UnicodeDecodeError:
                raise InputError(path, number, "not UTF-8 text") from None
            if not line.strip():
                continue
            conversation = parse_line(path, number, line)
            cid = str(conversation["id"])
            if cid in seen:
                raise InputError(path, number, f'id "{cid}" is already used on line {seen[cid]}')
            seen[cid] = number
            count += 1
            yield conversation
    progress = _progress.get(None)
    if progress is not None:
        progress.loaded(path, count)


# ---- progress of long runs (`undertone eval` over several sets) ----------------------------------


@dataclass
class _Progress:
    out: TextIO
    started: float = field(default_factory=time.monotonic)
    sets: int = 0

    def loaded(self, path: Path, count: int) -> None:
        self.sets += 1
        elapsed = time.monotonic() - self.started
        self.out.write(
            f"eval: set {self.sets}: {path.name}: {count} conversations read, scoring "
            f"({elapsed:.1f} s so far)\n"
        )
        self.out.flush()


_progress: contextvars.ContextVar[_Progress] = contextvars.ContextVar("undertone_eval_progress")


@contextlib.contextmanager
def eval_progress(out: TextIO) -> Iterator[None]:
    """Report each set as it is read, and the total time at the end, on `out` (stderr)."""
    progress = _Progress(out)
    token = _progress.set(progress)
    try:
        yield
    finally:
        _progress.reset(token)
        if progress.sets:
            total = time.monotonic() - progress.started
            out.write(f"eval: {progress.sets} set(s) in {total:.1f} s\n")
            out.flush()
