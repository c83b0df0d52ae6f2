"""The Web API methods the fake implements, with the arguments Slack's published spec gives them.

`required` mirrors the `required: true` parameters of Slack's OpenAPI description (minus `token`,
which travels in the `Authorization` header); `optional` lists the other documented arguments. A
test checks both against `slack_web_openapi_v2_without_examples.json`. Where the 2020 spec marks an
argument optional but the method cannot work without it (`users.info` `user`,
`conversations.info` and `conversations.members` `channel`), the fake answers with the method's
own documented error (`user_not_found`, `channel_not_found`). A missing required argument gets
`invalid_arguments`, Slack's common error.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class MethodSpec:
    """One Web API method: its name and its documented arguments."""

    name: str
    required: frozenset[str]
    optional: frozenset[str]

    @property
    def known_args(self) -> frozenset[str]:
        """Every argument the method documents, plus `token`."""
        return self.required | self.optional | {"token"}


def _spec(name: str, required: str = "", optional: str = "") -> MethodSpec:
    return MethodSpec(name, frozenset(required.split()), frozenset(optional.split()))


_MESSAGE_ARGS = "as_user attachments blocks icon_emoji icon_url link_names parse text username"

# Arguments documented after the 2020 spec snapshot; accepted without being flagged as unknown.
NEWER_ARGS: dict[str, frozenset[str]] = {
    "chat.postEphemeral": frozenset({"markdown_text"}),
    "chat.postMessage": frozenset({"markdown_text", "metadata"}),
    "chat.update": frozenset({"markdown_text", "metadata", "reply_broadcast", "file_ids"}),
    "oauth.v2.access": frozenset({"grant_type", "refresh_token"}),  # token rotation (2021)
}

# Methods newer than the 2021 spec snapshot (files.uploadV2's two calls, 2023), with the
# arguments Slack's method documentation gives them; a test checks they really are absent from
# the snapshot, so this list cannot hide a typo in a method the spec does describe.
NEWER_METHODS: frozenset[str] = frozenset(
    {"files.getUploadURLExternal", "files.completeUploadExternal"}
)

METHODS: dict[str, MethodSpec] = {
    m.name: m
    for m in (
        _spec("auth.test"),
        _spec("chat.postEphemeral", "channel user", f"{_MESSAGE_ARGS} thread_ts"),
        _spec(
            "chat.postMessage",
            "channel",
            f"{_MESSAGE_ARGS} mrkdwn reply_broadcast thread_ts unfurl_links unfurl_media",
        ),
        _spec("chat.update", "channel ts", "as_user attachments blocks link_names parse text"),
        _spec("chat.getPermalink", "channel message_ts"),
        _spec("users.info", "", "include_locale user"),
        _spec("conversations.info", "", "channel include_locale include_num_members"),
        _spec("conversations.members", "", "channel cursor limit"),
        _spec("conversations.open", "", "channel users return_im"),
        _spec("conversations.replies", "", "channel ts latest oldest inclusive limit cursor"),
        _spec("usergroups.users.list", "usergroup", "include_disabled"),
        _spec("views.publish", "user_id view", "hash"),
        _spec("views.open", "trigger_id view"),
        _spec("views.update", "", "view_id external_id view hash"),
        _spec("users.conversations", "", "user types exclude_archived limit cursor"),
        _spec("oauth.v2.access", "code", "client_id client_secret redirect_uri"),
        _spec("files.getUploadURLExternal", "filename length", "alt_txt snippet_type"),
        _spec(
            "files.completeUploadExternal",
            "files",
            "channel_id channels initial_comment thread_ts blocks",
        ),
    )
}


def unknown_args(method: str, params: dict[str, object]) -> frozenset[str]:
    """Arguments a call passed that `method` does not document (Slack ignores them silently)."""
    spec = METHODS[method]
    return frozenset(params) - spec.known_args - NEWER_ARGS.get(method, frozenset())
