"""The bot scopes Undertone needs: the same list as `deploy/slack/manifest*.yaml` (a test keeps
them equal). `undertone doctor` compares them with what an installed token was granted, and the
OAuth install asks for exactly these."""

from __future__ import annotations

BOT_SCOPES: tuple[str, ...] = (
    "channels:history",  # message.channels in public support channels
    "groups:history",  # message.groups in private support channels
    "channels:read",  # conversations.info / .members: shared channels refused, supervisors found
    "groups:read",  # same, for private channels
    "chat:write",  # postEphemeral whispers, pings in the supervisor channel
    "commands",  # /playbook and the message shortcut
    "users:read",  # users.info: whose team a person is in (customer or one of us)
    "usergroups:read",  # agents or supervisors configured as a user group
    "reactions:read",  # reaction_added: a check mark resolves a thread (its record is kept)
    "im:history",  # message.im: an agent's replies in a practice round (their DM with Undertone)
    "files:write",  # the digest's chart (files.getUploadURLExternal, files.completeUploadExternal)
)
