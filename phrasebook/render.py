"""One strict renderer for phrasebook wording: `$name` placeholders, all of them required."""

from __future__ import annotations

import string
from collections.abc import Mapping


class RenderError(Exception):
    """A template names a placeholder that was not supplied."""


def placeholders(template: str) -> set[str]:
    """The `$names` a template uses."""
    names: set[str] = set()
    for _, named, braced, _ in string.Template.pattern.findall(template):
        if named or braced:
            names.add(named or braced)
    return names


def render(template: str, values: Mapping[str, object], *, limit: int | None = None) -> str:
    """Substitute every placeholder; fail on a missing one; cut to `limit` characters."""
    try:
        text = string.Template(template).substitute({k: str(v) for k, v in values.items()})
    except KeyError as exc:
        raise RenderError(f"missing value for placeholder ${exc.args[0]}") from exc
    if limit is not None and len(text) > limit:
        text = text[: limit - 1] + "…"
    return text
