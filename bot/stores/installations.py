"""Installations in many workspaces, in Redis, encrypted at rest; OAuth states; refresh locks.

- An installation (bot token, refresh token, expiry, ids) is one JSON document per workspace,
  encrypted with Fernet (`cryptography`: AES-128-CBC and HMAC-SHA256) under
  UNDERTONE_TOKEN_ENCRYPTION_KEY. Several keys, comma-separated, newest first, let you rotate the
  key: documents are read with any of them and written with the first. Key names hold ids only.
- OAuth `state` values live ten minutes and are consumed once (GETDEL).
- `rotation_lock` serialises the refresh of one workspace's rotating token across replicas (a
  refresh token works once: two replicas refreshing at once would break the chain).

Slack's store interfaces are adapted onto this in `bot/slack/installs.py`.
"""

from __future__ import annotations

import asyncio
import contextlib
import json
import logging
import secrets
import time
from collections.abc import AsyncIterator
from typing import Any

from cryptography.fernet import Fernet, InvalidToken, MultiFernet

from bot.stores.store import Store

log = logging.getLogger(__name__)

STATE_TTL = 600  # seconds an install link stays valid (Slack's page to our redirect)
LOCK_TTL_MS = 30_000  # a refresh takes one Slack call; a crashed holder frees the lock after this
_RELEASE = """
if redis.call('GET', KEYS[1]) == ARGV[1] then return redis.call('DEL', KEYS[1]) end
return 0
"""


class TokenCipher:
    """Fernet encryption of stored installations."""

    def __init__(self, keys: str) -> None:
        parts = [k.strip() for k in keys.split(",") if k.strip()]
        if not parts:
            raise ValueError("UNDERTONE_TOKEN_ENCRYPTION_KEY is empty")
        try:
            self._fernet = MultiFernet([Fernet(k.encode()) for k in parts])
        except ValueError:
            raise ValueError(
                "UNDERTONE_TOKEN_ENCRYPTION_KEY must be Fernet keys (32 url-safe base64 bytes; "
                "`undertone keygen` makes one)"
            ) from None

    @staticmethod
    def new_key() -> str:
        return Fernet.generate_key().decode()

    def encrypt(self, data: dict[str, Any]) -> bytes:
        return self._fernet.encrypt(json.dumps(data, default=str).encode())

    def decrypt(self, blob: bytes) -> dict[str, Any]:
        try:
            value: dict[str, Any] = json.loads(self._fernet.decrypt(blob))
        except InvalidToken:
            raise ValueError("an installation cannot be decrypted with the key(s) given") from None
        return value


def _bytes(value: Any) -> bytes:
    return value if isinstance(value, bytes) else str(value).encode()


class InstallationVault:
    """Encrypted installation documents by (kind, enterprise, team), states and refresh locks."""

    def __init__(self, store: Store, cipher: TokenCipher, *, state_ttl: int = STATE_TTL) -> None:
        self._client = store.client
        self._keys = store.keys
        self._cipher = cipher
        self._state_ttl = state_ttl
        self._release = store.client.register_script(_RELEASE)

    async def put(
        self, kind: str, enterprise_id: str | None, team_id: str | None, doc: dict[str, Any]
    ) -> None:
        key = self._keys.install(kind, enterprise_id, team_id)
        # The installation, then the index (keys of different slots on a cluster: no MULTI); a
        # crash in between leaves it readable but unlisted until the next save.
        await self._client.set(key, self._cipher.encrypt(doc))
        await self._client.sadd(self._keys.install_index(), key)

    async def get(
        self, kind: str, enterprise_id: str | None, team_id: str | None
    ) -> dict[str, Any] | None:
        blob = await self._client.get(self._keys.install(kind, enterprise_id, team_id))
        return None if blob is None else self._cipher.decrypt(_bytes(blob))

    async def delete(self, kind: str, enterprise_id: str | None, team_id: str | None) -> None:
        key = self._keys.install(kind, enterprise_id, team_id)
        await self._client.delete(key)
        await self._client.srem(self._keys.install_index(), key)

    async def raw(self, kind: str, enterprise_id: str | None, team_id: str | None) -> bytes | None:
        """The bytes as stored (what someone reading Redis or its AOF would see)."""
        value = await self._client.get(self._keys.install(kind, enterprise_id, team_id))
        return None if value is None else _bytes(value)

    async def teams(self) -> list[str]:
        """Team ids with a stored bot installation."""
        keys = sorted(
            _bytes(k).decode() for k in await self._client.smembers(self._keys.install_index())
        )
        prefix = self._keys.install("bot", None, None).rsplit(":", 2)[0] + ":"
        return [k.rsplit(":", 1)[-1] for k in keys if k.startswith(prefix)]

    async def issue_state(self) -> str:
        state = secrets.token_urlsafe(24)
        await self._client.set(self._keys.oauth_state(state), "1", ex=self._state_ttl)
        return state

    async def consume_state(self, state: str) -> bool:
        return await self._client.getdel(self._keys.oauth_state(state)) is not None

    @contextlib.asynccontextmanager
    async def rotation_lock(
        self, team_id: str, *, wait_seconds: float = 10.0
    ) -> AsyncIterator[bool]:
        """Hold the refresh lock of one workspace; yields False if it could not be had in time
        (another replica is refreshing: re-read the installation instead)."""
        key = self._keys.install_lock(team_id)
        token = secrets.token_hex(8)
        deadline = time.monotonic() + wait_seconds
        while True:
            got = bool(await self._client.set(key, token, nx=True, px=LOCK_TTL_MS))
            if got or time.monotonic() >= deadline:
                break
            await asyncio.sleep(0.05)  # the holder needs one Slack call
        try:
            yield got
        finally:
            if got:
                await self._release(keys=[key], args=[token])
