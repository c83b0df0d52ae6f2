"""Slack's OAuth v2 as the fake plays it: codes a user "approves", `oauth.v2.access` exchanging a
code for a bot token, and token rotation where each refresh token works exactly once.

`oauth.v2.access` authenticates the app by its client id and secret (HTTP Basic, or `client_id` /
`client_secret` arguments), like Slack. With rotation on, access tokens look like
`xoxe.xoxb-...` and expire after `token_lifetime` seconds; refreshing with a refresh token that
was already used answers `invalid_refresh_token`, which is how two replicas refreshing at once
break the chain on real Slack.
"""

from __future__ import annotations

import base64
import itertools
import secrets
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from bot.fakeslack import payloads as p

if TYPE_CHECKING:
    from bot.fakeslack.server import FakeSlack

Json = dict[str, Any]


@dataclass
class _Grant:
    team_id: str
    team_name: str
    installer: str
    rotation: bool


class FakeOAuth:
    """The app's credentials, pending codes, issued tokens and the live refresh token per team."""

    def __init__(self, fake: FakeSlack) -> None:
        self.fake = fake
        self.client_id = "1111.2222"
        self.client_secret = "fake-client-secret"
        self.token_lifetime = 43_200  # Slack's rotating tokens last 12 hours
        self.refreshes: list[str] = []  # team ids, one per successful refresh
        self._codes: dict[str, _Grant] = {}
        self._tokens: dict[str, tuple[str, str]] = {}  # access token -> (team id, team name)
        self._refresh: dict[str, tuple[str, _Grant]] = {}  # refresh token -> (team, grant)
        self._live_refresh: dict[str, str] = {}  # team id -> the one usable refresh token
        self._n = itertools.count(1)

    def approve(
        self,
        team_id: str = p.TEAM_OURS,
        team_name: str = "Undertone Test",
        *,
        installer: str = p.SUPERVISOR,
        rotation: bool = False,
    ) -> str:
        """A code, as Slack hands one to the redirect URL after an admin approves the install."""
        code = f"code-{next(self._n)}-{secrets.token_hex(4)}"
        self._codes[code] = _Grant(team_id, team_name, installer, rotation)
        return code

    def team_of(self, token: str) -> tuple[str, str] | None:
        return self._tokens.get(token)

    def _client_ok(self, args: Json, auth: str) -> bool:
        cid, secret = args.get("client_id"), args.get("client_secret")
        if auth.startswith("Basic "):
            try:
                cid, _, secret = base64.b64decode(auth[6:]).decode().partition(":")
            except ValueError:
                return False
        return (cid, secret) == (self.client_id, self.client_secret)

    def access(self, args: Json, auth: str) -> Json:
        if not self._client_ok(args, auth):
            return {"ok": False, "error": "invalid_client_id"}
        if args.get("grant_type") == "refresh_token":
            return self._refreshed(str(args.get("refresh_token") or ""))
        grant = self._codes.pop(str(args.get("code") or ""), None)
        if grant is None:
            return {"ok": False, "error": "invalid_code"}
        return self._issue(grant)

    def _refreshed(self, refresh_token: str) -> Json:
        found = self._refresh.get(refresh_token)
        if found is None or self._live_refresh.get(found[0]) != refresh_token:
            return {"ok": False, "error": "invalid_refresh_token"}
        self.refreshes.append(found[0])
        return self._issue(found[1])

    def _issue(self, grant: _Grant) -> Json:
        n = next(self._n)
        prefix = "xoxe.xoxb-" if grant.rotation else "xoxb-"
        token = f"{prefix}{grant.team_id}-{n}-{secrets.token_hex(6)}"
        self._tokens[token] = (grant.team_id, grant.team_name)
        answer: Json = {
            "ok": True,
            "access_token": token,
            "token_type": "bot",
            "scope": ",".join(self.fake.scopes),
            "bot_user_id": self.fake.bot_user_id,
            "app_id": p.APP_ID,
            "team": {"id": grant.team_id, "name": grant.team_name},
            "enterprise": None,
            "is_enterprise_install": False,
            "authed_user": {"id": grant.installer},
        }
        if grant.rotation:
            refresh = f"xoxe-1-{grant.team_id}-{n}-{secrets.token_hex(6)}"
            self._refresh[refresh] = (grant.team_id, grant)
            self._live_refresh[grant.team_id] = refresh
            answer |= {"refresh_token": refresh, "expires_in": self.token_lifetime}
        return answer
