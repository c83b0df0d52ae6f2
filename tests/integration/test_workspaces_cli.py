"""`undertone workspaces` lists installs; `--reencrypt` moves them to a new encryption key."""

from __future__ import annotations

import asyncio

import pytest

from bot.__main__ import main
from bot.stores.installations import InstallationVault, TokenCipher
from bot.stores.store import Store


def test_reencrypt_moves_installations_to_the_newest_key(
    redis_url: str, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    old, new = TokenCipher.new_key(), TokenCipher.new_key()

    async def stored(key: str) -> bytes | None:
        store = Store.from_url(redis_url)
        try:
            vault = InstallationVault(store, TokenCipher(key))
            if key == old:
                bot = {"team_id": "T1", "team_name": "One", "bot_token": "xoxb-1"}
                bot |= {"bot_id": "B1", "bot_user_id": "U1", "installed_at": 1.0}
                await vault.put("bot", None, "T1", bot)
            return await vault.raw("bot", None, "T1")
        finally:
            await store.close()

    before = asyncio.run(stored(old))
    for name, value in {
        "REDIS_URL": redis_url,
        "SLACK_CLIENT_ID": "1.2",
        "SLACK_CLIENT_SECRET": "s",
        "UNDERTONE_TOKEN_ENCRYPTION_KEY": f"{new},{old}",
        "UNDERTONE_SECRETS_DIR": "/nonexistent",
    }.items():
        monkeypatch.setenv(name, value)
    assert main(["workspaces", "--reencrypt"]) == 0
    assert capsys.readouterr().out.splitlines() == ["T1  One", "1 workspace(s)"]
    after = asyncio.run(stored(new))
    assert before is not None and after is not None and before != after
    with pytest.raises(ValueError, match="cannot be decrypted"):
        TokenCipher(old).decrypt(after)
    assert TokenCipher(new).decrypt(after)["bot_token"] == "xoxb-1"


def test_keygen_prints_a_usable_key(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["keygen"]) == 0
    key = capsys.readouterr().out.strip()
    assert TokenCipher(key).decrypt(TokenCipher(key).encrypt({"a": 1})) == {"a": 1}
