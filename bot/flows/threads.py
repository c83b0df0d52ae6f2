"""The thread document as a unit of change: read, fold, compare-and-set, retried on a race."""

from __future__ import annotations

from collections.abc import Awaitable, Callable

from bot.record import ThreadRecord
from bot.services import Services
from bot.stores.keys import ThreadRef
from bot.stores.store import Versioned

MAX_CAS_ATTEMPTS = 16


class ConflictError(RuntimeError):
    """A thread document kept changing under us; the entry will be retried."""


async def mutate_thread(
    s: Services,
    ref: ThreadRef,
    change: Callable[[ThreadRecord], bool],
    *,
    before_save: Callable[[ThreadRecord], Awaitable[None]] | None = None,
    loaded: Versioned | None = None,
) -> ThreadRecord:
    """Apply `change` to the thread and save it atomically; `change` returns False to skip saving.

    `change` may run more than once (another worker wrote first), so it must only touch the record.
    `before_save` runs before each save attempt (delivery uses it to index new effects first, so a
    saved effect is never missing from the due index). `loaded`: the document as the caller just
    read it (saves reading it again; a stale one only costs a retry).
    """
    for _ in range(MAX_CAS_ATTEMPTS):
        current = loaded or await s.store.load_thread(ref)
        loaded = None
        record = ThreadRecord.from_json(current.doc)
        if not change(record):
            return record
        if before_save is not None:
            await before_save(record)
        if await s.store.save_thread(
            ref, current.version, record.to_json(), s.settings.thread_ttl_seconds
        ):
            return record
    raise ConflictError(ref.key)
