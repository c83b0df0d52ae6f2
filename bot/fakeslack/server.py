"""A local stand-in for Slack's Web API and response_url endpoints, served by aiohttp on 127.0.0.1.

It speaks the real protocol (`/api/{method}` with JSON, form or query arguments and a Bearer token),
keeps a small model of the workspace (users, channels, messages, each user's visible whispers),
records every request, and can be scripted to fail. Point
`AsyncWebClient(base_url=fake.api_url)` at it.
"""

from __future__ import annotations

import asyncio
import contextlib
import itertools
import json
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any, TypeVar

from aiohttp import WSMsgType, web

from bot.fakeslack import payloads as p
from bot.fakeslack.methods import METHODS, unknown_args
from bot.fakeslack.oauth import FakeOAuth
from bot.slack.scopes import BOT_SCOPES

SOCKET_OPEN = "apps.connections.open"

Json = dict[str, Any]
T = TypeVar("T")

_JSON_STRING_ARGS = ("blocks", "attachments", "view", "metadata")
_DEFAULT_ERRORS = {429: "ratelimited", 500: "internal_error", 503: "service_unavailable"}
RESPONSE_URL_USES = 5  # Slack accepts up to five posts per response_url


class SlackError(Exception):
    """An `{"ok": false, "error": ...}` answer raised inside a method handler."""

    def __init__(self, error: str) -> None:
        super().__init__(error)
        self.error = error


@dataclass(frozen=True)
class Call:
    """One recorded Web API request and the fake's answer to it."""

    method: str
    params: Json  # query, form and JSON arguments merged; JSON-string blocks/view decoded
    headers: dict[str, str]
    http_method: str
    at: float  # time.monotonic() when the request arrived
    status: int
    response: Json
    unknown_args: frozenset[str] = frozenset()
    peer: str = ""  # the caller's address and port: one per connection

    @property
    def ok(self) -> bool:
        """Whether the fake answered `ok: true`."""
        return bool(self.response.get("ok"))


@dataclass
class Ephemeral:
    """A whisper as its recipient sees it; `deleted` once removed via response_url."""

    user: str
    channel: str
    message_ts: str
    text: str | None
    blocks: list[Json] | None
    thread_ts: str | None = None
    deleted: bool = False
    versions: list[Json] = field(default_factory=list)  # earlier {text, blocks}, oldest first


@dataclass
class Message:
    """A message posted to a channel by the bot (or via an `in_channel` response)."""

    channel: str
    ts: str
    text: str | None
    blocks: list[Json] | None
    thread_ts: str | None = None
    user: str = p.BOT_USER
    deleted: bool = False
    versions: list[Json] = field(default_factory=list)
    files: list[str] = field(default_factory=list)  # ids of files shared with the message


@dataclass
class UploadedFile:
    """A file uploaded with files.getUploadURLExternal, the upload URL, and
    files.completeUploadExternal (`content` None until the bytes arrive; `channel` once shared)."""

    id: str
    filename: str
    length: int
    alt_txt: str = ""
    title: str = ""
    content: bytes | None = None
    channel: str | None = None
    completed: bool = False


@dataclass(frozen=True)
class ResponsePost:
    """One POST received on a response_url."""

    token: str
    body: Json
    at: float
    status: int


@dataclass
class _User:
    id: str
    team_id: str
    name: str
    is_bot: bool
    is_guest: bool = False


@dataclass
class _Channel:
    id: str
    name: str
    members: set[str]
    is_ext_shared: bool = False
    is_private: bool = False
    im_user: str | None = None


@dataclass
class _Failure:
    status: int
    error: str
    retry_after: int | None
    times: int
    html: bool = False  # answer with an HTML page instead of Slack's JSON (a proxy or LB error)


class Hold:
    """A Web API call the fake keeps waiting (see `FakeSlack.hold_next`)."""

    def __init__(self) -> None:
        self.arrived = asyncio.Event()  # the call came in and is waiting
        self._go = asyncio.Event()
        self.answer: _Failure | None = None

    def release(self, status: int = 200, retry_after: int | None = 1, error: str = "") -> None:
        """Let the call finish: normally (200), or failing like `fail_next` would make it."""
        if status != 200:
            err = error or _DEFAULT_ERRORS.get(status) or "error"
            self.answer = _Failure(status, err, retry_after if status == 429 else None, 1)
        self._go.set()


@dataclass
class _ResponseTarget:
    user: str | None
    channel: str | None
    message_ts: str | None
    uses: int = 0


class FakeSlack:
    """The fake Slack: `await start()`, use `.api_url`, inspect `calls`, `await stop()`."""

    def __init__(
        self,
        *,
        team_id: str = p.TEAM_OURS,
        bot_user_id: str = p.BOT_USER,
        bot_id: str = p.BOT_ID,
        host: str = "127.0.0.1",
    ) -> None:
        self.team_id, self.bot_user_id, self.bot_id, self.host = team_id, bot_user_id, bot_id, host
        self.calls: list[Call] = []
        self.response_posts: list[ResponsePost] = []
        self.ephemerals: list[Ephemeral] = []
        self.messages: list[Message] = []
        self.home_views: dict[str, Json] = {}
        self.files: dict[str, UploadedFile] = {}
        self.views: dict[str, Json] = {}
        self.listeners: list[Callable[[Call | ResponsePost], None]] = []
        self._users: dict[str, _User] = {}
        self._channels: dict[str, _Channel] = {}
        self._usergroups: dict[str, list[str]] = {}
        self._failures: dict[str, list[_Failure]] = {}
        self._holds: dict[str, list[Hold]] = {}
        self._history: dict[tuple[str, str], Message] = {}  # people's messages, for replies
        self._site: web.TCPSite | None = None
        self._targets: dict[str, _ResponseTarget] = {}
        self._ids = itertools.count(1)
        self._changed = asyncio.Condition()
        self._runner: web.AppRunner | None = None
        self._port: int | None = None
        self.scopes: list[str] = list(BOT_SCOPES)  # granted to every token (X-OAuth-Scopes)
        self.oauth = FakeOAuth(self)
        self.socket_acks: list[Json] = []  # what the app sent back over Socket Mode
        self._sockets: list[web.WebSocketResponse] = []
        self._token = ""  # the bearer token of the request being answered
        self._handlers: dict[str, Callable[[Json], Json]] = {
            "auth.test": self._auth_test,
            "chat.postEphemeral": self._post_ephemeral,
            "chat.postMessage": self._post_message,
            "chat.update": self._update,
            "chat.getPermalink": self._get_permalink,
            "users.info": self._users_info,
            "conversations.info": self._conversations_info,
            "conversations.members": self._conversations_members,
            "conversations.open": self._conversations_open,
            "conversations.replies": self._conversations_replies,
            "usergroups.users.list": self._usergroup_users,
            "views.publish": self._views_publish,
            "views.open": self._views_open,
            "views.update": self._views_update,
            "users.conversations": self._users_conversations,
            "oauth.v2.access": self._oauth_access,
            "files.getUploadURLExternal": self._get_upload_url,
            "files.completeUploadExternal": self._complete_upload,
        }
        assert set(self._handlers) == set(METHODS), "handlers and the methods table disagree"

    # ---- lifecycle -------------------------------------------------------------------------

    async def start(self) -> None:
        """Serve on a free port of `host`."""
        app = web.Application()
        app.router.add_route("*", "/api/{method}", self._api)
        app.router.add_post("/response/{token}", self._response)
        app.router.add_post("/upload/{file_id}", self._upload)
        app.router.add_get("/link", self._socket)
        self._runner = web.AppRunner(app, access_log=None)
        await self._runner.setup()
        self._site = web.TCPSite(self._runner, self.host, 0)
        await self._site.start()
        self._port = int(self._runner.addresses[0][1])

    async def go_offline(self) -> None:
        """Stop listening (connections are refused) but keep the port and everything recorded;
        kept-alive connections are dropped too, as in a real outage."""
        if self._site is not None:
            await self._site.stop()
            self._site = None
        server = self._runner.server if self._runner is not None else None
        for connection in server.connections if server is not None else []:
            connection.force_close()

    async def go_online(self) -> None:
        """Listen again on the same port after `go_offline`."""
        if self._site is None and self._runner is not None:
            self._site = web.TCPSite(self._runner, self.host, self._port, reuse_address=True)
            await self._site.start()

    async def stop(self) -> None:
        """Stop serving and release the port."""
        for ws in list(self._sockets):
            await ws.close()
        if self._runner is not None:
            await self._runner.cleanup()
            self._runner = None

    async def __aenter__(self) -> FakeSlack:
        await self.start()
        return self

    async def __aexit__(self, *exc: object) -> None:
        await self.stop()

    @property
    def url(self) -> str:
        """Base URL, e.g. `http://127.0.0.1:54321`."""
        if self._port is None:
            raise RuntimeError("FakeSlack is not started")
        return f"http://{self.host}:{self._port}"

    @property
    def api_url(self) -> str:
        """The `base_url` for `AsyncWebClient` (`url + "/api/"`)."""
        return self.url + "/api/"

    # ---- directory ---------------------------------------------------------------------------

    def add_user(
        self, user_id: str, team_id: str, name: str, is_bot: bool = False, is_guest: bool = False
    ) -> None:
        """Register a user (a customer is a user whose `team_id` is not ours; a guest is a
        multi-channel guest of the team: `is_restricted`)."""
        self._users[user_id] = _User(user_id, team_id, name, is_bot, is_guest)

    def add_channel(
        self,
        channel_id: str,
        name: str,
        members: list[str] | set[str],
        is_ext_shared: bool = False,
        is_private: bool = False,
    ) -> None:
        """Register a channel; the bot is a member only if `bot_user_id` is in `members`."""
        channel = _Channel(channel_id, name, set(members), is_ext_shared, is_private)
        self._channels[channel_id] = channel

    def share_channel(self, channel_id: str, *, shared: bool = True) -> None:
        """Turn a channel into a Slack Connect channel (or back): `conversations.info` says so."""
        self._channels[channel_id].is_ext_shared = shared

    def add_member(self, channel_id: str, user_id: str) -> None:
        """Add a user to a channel."""
        self._channels[channel_id].members.add(user_id)

    def remove_member(self, channel_id: str, user_id: str) -> None:
        """Remove a user from a channel."""
        self._channels[channel_id].members.discard(user_id)

    def add_usergroup(self, usergroup_id: str, users: list[str]) -> None:
        """Register a user group (for `usergroups.users.list`)."""
        self._usergroups[usergroup_id] = list(users)

    def add_default_directory(self) -> None:
        """Our team, a customer team, agent/customer/supervisor, three channels and the bot."""
        self.add_user(self.bot_user_id, self.team_id, "undertone", is_bot=True)
        self.add_user(p.AGENT, self.team_id, "agent")
        self.add_user(p.SUPERVISOR, self.team_id, "supervisor")
        self.add_user(p.CUSTOMER, p.TEAM_CUST, "customer")
        bot = self.bot_user_id
        shared_members = {p.AGENT, p.CUSTOMER, bot}
        self.add_channel(p.CHANNEL_SHARED, "ext-acme", shared_members, is_ext_shared=True)
        self.add_channel(p.CHANNEL_HELP, "support-help", {p.AGENT, p.SUPERVISOR, bot})
        self.add_channel(p.CHANNEL_SUP, "support-leads", {p.SUPERVISOR, bot})
        self.add_usergroup(p.USERGROUP_SUP, [p.SUPERVISOR])

    def dm_channel_id(self, user_id: str) -> str:
        """The id of the bot's DM with `user_id` (created on first use)."""
        dm_id = f"D_{user_id}"
        if dm_id not in self._channels:
            members = {user_id, self.bot_user_id}
            self._channels[dm_id] = _Channel(dm_id, dm_id, members, im_user=user_id)
        return dm_id

    # ---- scripting and inspection ------------------------------------------------------------

    def fail_next(
        self,
        method: str,
        status: int = 429,
        retry_after: int | None = 1,
        error: str | None = None,
        times: int = 1,
        html: bool = False,
    ) -> None:
        """Make the next `times` calls of `method` fail: 429 (+ Retry-After), 5xx, or with
        `status=200, error="token_revoked"` an `ok: false` answer. `method="*"` matches any.
        `html`: the answer is an HTML error page, as a proxy in front of Slack would send."""
        err = error or _DEFAULT_ERRORS.get(status)
        if err is None:
            raise ValueError(f"give an error code for status {status}")
        wait = retry_after if status == 429 else None
        self._failures.setdefault(method, []).append(_Failure(status, err, wait, times, html))

    def clear_failures(self) -> None:
        """Forget scripted failures not used up yet (Slack recovered)."""
        self._failures.clear()

    def hold_next(self, method: str) -> Hold:
        """Keep the next call of `method` waiting until `release()` (a send in flight)."""
        hold = Hold()
        self._holds.setdefault(method, []).append(hold)
        return hold

    def remember_message(
        self, channel: str, ts: str, user: str, text: str, thread_ts: str | None = None
    ) -> None:
        """A message people wrote (the driver posts events; this is what Slack would store)."""
        self._history[(channel, ts)] = Message(channel, ts, text, None, thread_ts, user)

    def calls_to(self, method: str) -> list[Call]:
        """Recorded calls of one method, oldest first."""
        return [c for c in self.calls if c.method == method]

    def ephemerals_for(self, user: str, *, include_deleted: bool = False) -> list[Ephemeral]:
        """The whispers `user` can currently see (replaced ones show their latest content)."""
        return [e for e in self.ephemerals if e.user == user and (include_deleted or not e.deleted)]

    def messages_in(self, channel: str) -> list[Message]:
        """Visible messages in a channel; a user id means the bot's DM with that user."""
        if channel in self._users:
            channel = self.dm_channel_id(channel)
        return [m for m in self.messages if m.channel == channel and not m.deleted]

    def response_url(
        self,
        token: str | None = None,
        *,
        user: str | None = None,
        channel: str | None = None,
        message_ts: str | None = None,
    ) -> str:
        """A response_url on this fake. `message_ts` names the whisper or message it belongs to
        (for replace/delete); `user`/`channel` say where new replies appear (without them a
        new reply is only recorded, in `posts_to(token)`)."""
        token = token or f"rt{next(self._ids)}"
        if message_ts is not None:
            original = self._find_original(message_ts)
            if original is None:
                raise KeyError(f"no whisper or message with ts {message_ts}")
            channel = channel or original.channel
            if isinstance(original, Ephemeral):
                user = user or original.user
        self._targets[token] = _ResponseTarget(user, channel, message_ts)
        return f"{self.url}/response/{token}"

    def posts_to(self, token: str) -> list[ResponsePost]:
        """Bodies posted to one response_url token, oldest first."""
        return [r for r in self.response_posts if r.token == token]

    async def wait_for(self, predicate: Callable[[], T], timeout: float = 5.0) -> T:
        """Wait until `predicate()` is truthy, re-checking after each recorded request."""
        try:
            async with asyncio.timeout(timeout), self._changed:
                return await self._changed.wait_for(predicate)
        except TimeoutError:
            seen = [c.method for c in self.calls]
            message = f"condition not met within {timeout}s; calls so far: {seen}"
            raise AssertionError(message) from None

    # ---- HTTP ----------------------------------------------------------------------------------

    async def _api(self, request: web.Request) -> web.Response:
        at = time.monotonic()
        method = request.match_info["method"]
        params, parse_error = await _read_params(request)
        held = self._holds.get(method)
        hold = held.pop(0) if held else None
        if hold is not None:
            hold.arrived.set()
            await self._notify(None)
            await hold._go.wait()
            if hold.answer is not None:
                self._failures.setdefault(method, []).insert(0, hold.answer)
        html = self._next_is_html(method)
        status, headers, body = self._answer(method, params, request, parse_error)
        known = unknown_args(method, params) if method in METHODS else frozenset()
        peername = request.transport.get_extra_info("peername") if request.transport else None
        peer = f"{peername[0]}:{peername[1]}" if isinstance(peername, tuple) else ""
        call = Call(
            method, params, dict(request.headers), request.method, at, status, body, known, peer
        )
        self.calls.append(call)
        await self._notify(call)
        headers = headers | {"X-OAuth-Scopes": ",".join(self.scopes)}  # as Slack answers bots
        if html:
            page = f"<html><body><h1>{status} Server Error</h1></body></html>"
            return web.Response(status=status, text=page, content_type="text/html")
        return web.json_response(body, status=status, headers=headers)

    def _next_is_html(self, method: str) -> bool:
        for key in (method, "*"):
            queue = self._failures.get(key)
            if queue:
                return queue[0].html
        return False

    def _answer(
        self, method: str, params: Json, request: web.Request, parse_error: str | None
    ) -> tuple[int, dict[str, str], Json]:
        if method == SOCKET_OPEN:  # Socket Mode handshake: app-level token, newer than the spec
            if not request.headers.get("Authorization", "").startswith("Bearer xapp-"):
                return 200, {}, {"ok": False, "error": "invalid_auth"}
            return 200, {}, {"ok": True, "url": f"ws://{self.host}:{self._port}/link"}
        if method not in METHODS:
            return 200, {}, {"ok": False, "error": "unknown_method"}
        auth = request.headers.get("Authorization", "")
        if method == "oauth.v2.access":  # client credentials, not a token
            return 200, {}, self.oauth.access(params, auth)
        if not auth:
            return 200, {}, {"ok": False, "error": "not_authed"}
        if not auth.startswith(("Bearer xoxb-", "Bearer xoxe.xoxb-")):
            return 200, {}, {"ok": False, "error": "invalid_auth"}
        self._token = auth.removeprefix("Bearer ")
        failure = self._take_failure(method)
        if failure is not None:
            retry_after = failure.retry_after
            headers = {"Retry-After": str(retry_after)} if retry_after is not None else {}
            return failure.status, headers, {"ok": False, "error": failure.error}
        if parse_error is not None:
            return 200, {}, {"ok": False, "error": parse_error}
        if any(params.get(arg) in (None, "") for arg in METHODS[method].required):
            return 200, {}, {"ok": False, "error": "invalid_arguments"}
        try:
            return 200, {}, {"ok": True} | self._handlers[method](params)
        except SlackError as e:
            return 200, {}, {"ok": False, "error": e.error}

    def _take_failure(self, method: str) -> _Failure | None:
        for key in (method, "*"):
            queue = self._failures.get(key)
            if queue:
                failure = queue[0]
                failure.times -= 1
                if failure.times <= 0:
                    queue.pop(0)
                return failure
        return None

    async def _response(self, request: web.Request) -> web.Response:
        token = request.match_info["token"]
        try:
            body = await request.json()
        except ValueError:
            body = None
        target = self._targets.get(token)
        if target is None:
            status, text = 404, "no_service"
        elif target.uses >= RESPONSE_URL_USES:
            status, text = 404, "used_url"
        elif not isinstance(body, dict):
            status, text = 400, "invalid_payload"
        else:
            target.uses += 1
            status, text = self._apply_response(target, body)
        post = ResponsePost(token, body if isinstance(body, dict) else {}, time.monotonic(), status)
        self.response_posts.append(post)
        await self._notify(post)
        return web.Response(status=status, text=text)

    def _apply_response(self, target: _ResponseTarget, body: Json) -> tuple[int, str]:
        original = self._find_original(target.message_ts) if target.message_ts else None
        if body.get("delete_original") or body.get("replace_original"):
            if original is None or original.deleted:
                return 404, "message_not_found"
            if body.get("delete_original"):
                original.deleted = True
            else:
                original.versions.append({"text": original.text, "blocks": original.blocks})
                original.text, original.blocks = body.get("text"), body.get("blocks")
            return 200, "ok"
        thread_ts = body.get("thread_ts")
        posted: Ephemeral | Message | None = None
        if target.channel is not None and body.get("response_type") == "in_channel":
            posted = self._store_message(target.channel, body, thread_ts)
        elif target.channel is not None and target.user is not None:
            posted = self._store_ephemeral(target.user, target.channel, body, thread_ts)
        # else: a URL issued without user/channel only records the post (see `posts_to`)
        if posted is not None and target.message_ts is None:
            # like Slack, later posts with replace/delete_original act on this first reply
            target.message_ts = posted.ts if isinstance(posted, Message) else posted.message_ts
        return 200, "ok"

    async def _notify(self, event: Call | ResponsePost | None) -> None:
        for listener in self.listeners:
            if event is not None:
                listener(event)
        async with self._changed:
            self._changed.notify_all()

    # ---- Socket Mode ---------------------------------------------------------------------------

    @property
    def socket_connected(self) -> bool:
        """Whether an app holds a Socket Mode connection."""
        return bool(self._sockets)

    async def socket_send(
        self,
        payload: Json,
        *,
        kind: str = "events_api",
        retry_attempt: int = 0,
    ) -> str:
        """Deliver a payload over Socket Mode as Slack does; returns its `envelope_id`."""
        envelope_id = f"env-{next(self._ids)}"
        await self._sockets[-1].send_json(
            {
                "envelope_id": envelope_id,
                "type": kind,
                "payload": payload,
                "accepts_response_payload": kind != "events_api",
                "retry_attempt": retry_attempt,
                "retry_reason": "timeout" if retry_attempt else "",
            }
        )
        return envelope_id

    async def _socket(self, request: web.Request) -> web.WebSocketResponse:
        ws = web.WebSocketResponse()
        await ws.prepare(request)
        self._sockets.append(ws)
        await ws.send_json(
            {
                "type": "hello",
                "num_connections": len(self._sockets),
                "connection_info": {"app_id": p.APP_ID},
                "debug_info": {"host": "fake-slack"},
            }
        )
        await self._notify(None)
        try:
            async for message in ws:
                if message.type == WSMsgType.TEXT:
                    self.socket_acks.append(json.loads(message.data))
                    await self._notify(None)
        finally:
            self._sockets.remove(ws)
        return ws

    # ---- model helpers ---------------------------------------------------------------------

    def _find_original(self, ts: str | None) -> Ephemeral | Message | None:
        found: list[Ephemeral | Message] = [e for e in self.ephemerals if e.message_ts == ts]
        found += [m for m in self.messages if m.ts == ts]
        return found[0] if found else None

    def _channel(self, channel_id: Any) -> _Channel:
        if isinstance(channel_id, str) and channel_id in self._users:
            channel_id = self.dm_channel_id(channel_id)
        channel = self._channels.get(channel_id) if isinstance(channel_id, str) else None
        if channel is None:
            raise SlackError("channel_not_found")
        return channel

    def _user(self, user_id: Any) -> _User:
        user = self._users.get(user_id) if isinstance(user_id, str) else None
        if user is None:
            raise SlackError("user_not_found")
        return user

    def _store_ephemeral(self, user: str, channel: str, args: Json, thread_ts: Any) -> Ephemeral:
        text, blocks = args.get("text"), args.get("blocks")
        whisper = Ephemeral(user, channel, p.next_ts(), text, blocks, thread_ts)
        self.ephemerals.append(whisper)
        return whisper

    def _store_message(self, channel: str, args: Json, thread_ts: Any) -> Message:
        message = Message(channel, p.next_ts(), args.get("text"), args.get("blocks"), thread_ts)
        message.user = self.bot_user_id  # the bot is the author of everything it posts
        self.messages.append(message)
        return message

    def _message_json(self, m: Message) -> Json:
        out: Json = {"type": "message", "user": m.user, "bot_id": self.bot_id, "ts": m.ts}
        out |= {"text": m.text or "", "team": self.team_id}
        if m.blocks is not None:
            out["blocks"] = m.blocks
        if m.thread_ts is not None:
            out["thread_ts"] = m.thread_ts
        return out

    @staticmethod
    def _require_content(args: Json) -> None:
        if not (args.get("text") or args.get("blocks") or args.get("attachments")) and not args.get(
            "markdown_text"
        ):
            raise SlackError("no_text")

    def _view(self, view: Any, view_type: str) -> Json:
        if not isinstance(view, dict):
            raise SlackError("invalid_arguments")
        view_id = f"V{next(self._ids):06d}"
        stored = {"id": view_id, "team_id": self.team_id, "type": view_type} | view
        stored |= {"id": view_id, "hash": f"{next(self._ids)}.fakehash", "bot_id": self.bot_id}
        self.views[view_id] = stored
        return stored

    # ---- methods -------------------------------------------------------------------------------

    def _auth_test(self, args: Json) -> Json:
        team_id, team = self.oauth.team_of(self._token) or (self.team_id, "Undertone Test")
        return {
            "url": f"https://{p.TEAM_DOMAIN}.slack.com/",
            "team": team,
            "user": "undertone",
            "team_id": team_id,
            "user_id": self.bot_user_id,
            "bot_id": self.bot_id,
            "is_enterprise_install": False,
        }

    def _post_ephemeral(self, args: Json) -> Json:
        channel = self._channel(args["channel"])
        if self.bot_user_id not in channel.members:
            raise SlackError("not_in_channel")
        if args["user"] not in channel.members:
            raise SlackError("user_not_in_channel")  # also for unknown users, as Slack does
        self._require_content(args)
        whisper = self._store_ephemeral(args["user"], channel.id, args, args.get("thread_ts"))
        return {"message_ts": whisper.message_ts}

    def _post_message(self, args: Json) -> Json:
        channel = self._channel(args["channel"])
        if self.bot_user_id not in channel.members:
            raise SlackError("not_in_channel")
        self._require_content(args)
        message = self._store_message(channel.id, args, args.get("thread_ts"))
        return {"channel": channel.id, "ts": message.ts, "message": self._message_json(message)}

    def _update(self, args: Json) -> Json:
        channel = self._channel(args["channel"])
        found = [m for m in self.messages if m.channel == channel.id and m.ts == args["ts"]]
        if not found or found[0].deleted:
            raise SlackError("message_not_found")  # ephemerals cannot be updated either
        message = found[0]
        message.versions.append({"text": message.text, "blocks": message.blocks})
        message.text, message.blocks = args.get("text", message.text), args.get("blocks")
        text = message.text or ""
        return {
            "channel": channel.id,
            "ts": message.ts,
            "text": text,
            "message": self._message_json(message),
        }

    def _get_permalink(self, args: Json) -> Json:
        channel = self._channel(args["channel"])
        ts = str(args["message_ts"])
        link = f"https://{p.TEAM_DOMAIN}.slack.com/archives/{channel.id}/p{ts.replace('.', '')}"
        return {"channel": channel.id, "permalink": link}

    def _users_info(self, args: Json) -> Json:
        user = self._user(args.get("user"))
        profile = {"real_name": user.name, "display_name": user.name, "team": user.team_id}
        if user.is_bot:
            profile["bot_id"] = self.bot_id if user.id == self.bot_user_id else f"B{user.id}"
        return {
            "user": {
                "id": user.id,
                "team_id": user.team_id,
                "name": user.name,
                "real_name": user.name,
                "deleted": False,
                "is_bot": user.is_bot,
                "is_app_user": False,
                "is_restricted": user.is_guest,
                "is_ultra_restricted": False,
                "updated": 1700000000,
                "profile": profile,
            }
        }

    def _conversations_info(self, args: Json) -> Json:
        c = self._channel(args.get("channel"))
        if c.is_private and self.bot_user_id not in c.members:
            raise SlackError("channel_not_found")  # private channels are invisible to outsiders
        if c.im_user is not None:
            info: Json = {"id": c.id, "created": 1700000000, "is_im": True, "is_org_shared": False}
            return {"channel": info | {"user": c.im_user, "is_user_deleted": False, "priority": 0}}
        teams = sorted({self._users[u].team_id for u in c.members if u in self._users})
        info = {
            "id": c.id,
            "name": c.name,
            "name_normalized": c.name,
            "created": 1700000000,
            "creator": self.bot_user_id,
            "is_channel": not c.is_private,
            "is_group": c.is_private,
            "is_im": False,
            "is_mpim": False,
            "is_private": c.is_private,
            "is_archived": False,
            "is_general": False,
            "is_shared": c.is_ext_shared,
            "is_ext_shared": c.is_ext_shared,
            "is_org_shared": False,
            "is_pending_ext_shared": False,
            "is_member": self.bot_user_id in c.members,
            "context_team_id": self.team_id,
            "conversation_host_id": self.team_id,
            "shared_team_ids": teams if c.is_ext_shared else [self.team_id],
            "topic": {"value": "", "creator": "", "last_set": 0},
            "purpose": {"value": "", "creator": "", "last_set": 0},
        }
        if args.get("include_num_members") in (True, "true", "1", 1):
            info["num_members"] = len(c.members)
        return {"channel": info}

    def _conversations_members(self, args: Json) -> Json:
        c = self._channel(args.get("channel"))
        if c.is_private and self.bot_user_id not in c.members:
            raise SlackError("channel_not_found")
        members = sorted(c.members)
        try:
            start = int(args.get("cursor") or 0)
            limit = max(1, min(1000, int(args.get("limit") or 100)))
        except ValueError as exc:
            raise SlackError("invalid_cursor") from exc
        page = members[start : start + limit]
        more = start + limit < len(members)
        return {
            "members": page,
            "response_metadata": {"next_cursor": str(start + limit) if more else ""},
        }
    def _conversations_replies(self, args: Json) -> Json:
        channel = self._channel(args.get("channel"))
        parent = str(args.get("ts") or "")
        if not parent:
            raise SlackError("thread_not_found")
        oldest = float(args.get("oldest") or 0)
        latest = float(args.get("latest") or "inf")
        known = [m for (c, _), m in self._history.items() if c == channel.id]
        known += [m for m in self.messages if m.channel == channel.id]
        found = sorted(
            (m for m in known if m.ts == parent or m.thread_ts == parent),
            key=lambda m: float(m.ts),
        )
        if not found:
            raise SlackError("thread_not_found")
        messages = [
            {"type": "message", "user": m.user, "text": m.text or "", "ts": m.ts}
            | ({"thread_ts": m.thread_ts} if m.thread_ts else {})
            for m in found
            if m.ts == parent or oldest <= float(m.ts) <= latest
        ]
        return {"messages": messages[: int(args.get("limit") or 1000)], "has_more": False}

    def _conversations_open(self, args: Json) -> Json:
        if args.get("channel"):
            return {"channel": {"id": self._channel(args["channel"]).id}}
        users = [u for u in str(args.get("users") or "").split(",") if u]
        if not users:
            raise SlackError("users_list_not_supplied")
        if len(users) > 1:
            raise SlackError("method_not_supported_for_channel_type")  # group DMs not modelled
        self._user(users[0])
        already = f"D_{users[0]}" in self._channels
        dm_id = self.dm_channel_id(users[0])
        return {"no_op": already, "already_open": already, "channel": {"id": dm_id}}

    def _users_conversations(self, args: Json) -> Json:
        user = str(args.get("user") or self.bot_user_id)
        types = str(args.get("types") or "public_channel").split(",")
        found = [
            self._conversations_info({"channel": c.id})["channel"]
            for c in self._channels.values()
            if user in c.members
            and c.im_user is None
            and ("private_channel" if c.is_private else "public_channel") in types
        ]
        start = int(args.get("cursor") or 0)
        limit = int(args.get("limit") or 100)
        page = found[start : start + limit]
        cursor = str(start + limit) if start + limit < len(found) else ""
        return {"channels": page, "response_metadata": {"next_cursor": cursor}}

    def _oauth_access(self, args: Json) -> Json:  # answered in `_answer` (client credentials)
        raise SlackError("invalid_auth")

    def _usergroup_users(self, args: Json) -> Json:
        if args["usergroup"] not in self._usergroups:
            raise SlackError("no_such_subteam")
        return {"users": list(self._usergroups[args["usergroup"]])}

    def _get_upload_url(self, args: Json) -> Json:
        try:
            length = int(args["length"])
        except (TypeError, ValueError) as exc:
            raise SlackError("invalid_arguments") from exc
        if length <= 0:
            raise SlackError("missing_argument")  # Slack's answer for a length of 0
        file_id = f"F{next(self._ids):08d}"
        self.files[file_id] = UploadedFile(
            file_id, str(args["filename"]), length, alt_txt=str(args.get("alt_txt") or "")
        )
        return {"upload_url": f"{self.url}/upload/{file_id}", "file_id": file_id}

    async def _upload(self, request: web.Request) -> web.Response:
        """The upload URL: the file's bytes, raw or as a multipart form (200 "OK - <bytes>")."""
        upload = self.files.get(request.match_info["file_id"])
        if upload is None or upload.content is not None:
            return web.Response(status=404, text="not found")
        body = await request.read()
        if request.content_type.startswith("multipart/"):
            return web.Response(status=400, text="multipart not modelled")
        upload.content = body
        await self._notify(None)
        return web.Response(status=200, text=f"OK - {len(body)}")

    def _complete_upload(self, args: Json) -> Json:
        raw = args["files"]
        try:
            items = json.loads(raw) if isinstance(raw, str) else raw
        except ValueError as exc:
            raise SlackError("invalid_arguments") from exc
        if not isinstance(items, list) or not items:
            raise SlackError("invalid_arguments")
        uploads: list[UploadedFile] = []
        for item in items:
            upload = self.files.get(str(item.get("id"))) if isinstance(item, dict) else None
            if upload is None or upload.completed:
                raise SlackError("file_not_found")
            if upload.content is None or len(upload.content) != upload.length:
                raise SlackError("file_upload_size_mismatch" if upload.content else "not_uploaded")
            upload.title = str(item.get("title") or upload.filename)
            uploads.append(upload)
        channel_id = args.get("channel_id") or (str(args.get("channels") or "").split(",")[0])
        if channel_id:
            channel = self._channel(channel_id)
            if self.bot_user_id not in channel.members:
                raise SlackError("not_in_channel")
            comment = {"text": args.get("initial_comment") or ""}
            message = self._store_message(channel.id, comment, args.get("thread_ts"))
            message.files = [u.id for u in uploads]
        for upload in uploads:
            upload.completed = True
            upload.channel = channel_id or None
        files = [
            {"id": u.id, "title": u.title, "name": u.filename, "size": u.length} for u in uploads
        ]
        return {"files": files}

    def _views_publish(self, args: Json) -> Json:
        self._user(args["user_id"])
        view = self._view(args["view"], "home")
        self.home_views[args["user_id"]] = view
        return {"view": view}

    def _views_open(self, args: Json) -> Json:
        return {"view": self._view(args["view"], "modal")}

    def _views_update(self, args: Json) -> Json:
        view_id = args.get("view_id")
        if not view_id and args.get("external_id"):
            ext = [v for v in self.views.values() if v.get("external_id") == args["external_id"]]
            view_id = ext[0]["id"] if ext else None
        if not view_id or args.get("view") is None:
            raise SlackError("invalid_arguments" if not args.get("external_id") else "not_found")
        if view_id not in self.views:
            raise SlackError("not_found")
        view = self._view(args["view"], "modal")
        del self.views[view["id"]]
        view["id"] = view_id
        self.views[view_id] = view
        return {"view": view}


async def _read_params(request: web.Request) -> tuple[Json, str | None]:
    """Merge query, form and JSON arguments; report `invalid_json` / `json_not_object`."""
    params: Json = dict(request.query)
    if request.can_read_body:
        if request.content_type == "application/json":
            try:
                body = await request.json()
            except ValueError:
                return params, "invalid_json"
            if not isinstance(body, dict):
                return params, "json_not_object"
            params |= body
        else:
            form = await request.post()
            params |= {k: v for k, v in form.items() if isinstance(v, str)}
    for key in _JSON_STRING_ARGS:
        if isinstance(params.get(key), str):
            with contextlib.suppress(ValueError):
                params[key] = json.loads(params[key])
    return params, None
