"""The outbox entry: one typed intent, when it was decided, until when it is worth sending, and
how its delivery went so far.

An intent says *what* should reach someone (a hint for an agent, the state of an alert), never how
it looks: the Slack layer renders it at send time with the team's wording. Intents are versioned
(`v`); an entry this build cannot read (a newer version or kind written during a rolling deploy)
is kept untouched for a worker that can, until its deadline.
"""

from __future__ import annotations

from typing import ClassVar

from pydantic import BaseModel, ConfigDict


class Intent(BaseModel):
    """Base of every intent kind. Subclasses set `kind` (a Literal) and `DEADLINE`."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    DEADLINE: ClassVar[float]  # seconds after the decision when sending is no longer worth it
    # the longest pause between two attempts while sends fail without a Retry-After (the
    # backoff grows up to this): an urgent kind sets less, to go out soon after Slack returns
    RETRY_CAP: ClassVar[float] = 30.0

    kind: str
    v: int = 1


class Receipt(BaseModel):
    """What Slack (or a pager) answered when it accepted an effect: where the message landed."""

    model_config = ConfigDict(frozen=True, extra="ignore")

    channel: str = ""
    ts: str = ""
    permalink: str = ""
    rev: int = 0  # alert: the alert revision the sent message shows
    posted: bool = False  # alert: this send created the message (later ones edit it)
    rolled_up: bool = False  # alert: the message is an overflow message naming several alerts


class SendFailed(Exception):
    """A send did not go through. `permanent`: retrying cannot help (the effect is given up and
    dead-lettered); otherwise it is retried after `retry_after` seconds (Slack's Retry-After) or
    the engine's backoff, until its deadline."""

    def __init__(self, reason: str, *, permanent: bool = False, retry_after: float | None = None):
        super().__init__(reason)
        self.reason = reason
        self.permanent = permanent
        self.retry_after = retry_after


class NotReady(Exception):  # noqa: N818  (a state, not an error)
    """The effect depends on something not there yet (another effect, its channel's overflow
    message being written); look again in `seconds`."""

    def __init__(self, seconds: float) -> None:
        super().__init__(f"not ready for {seconds}s")
        self.seconds = seconds
