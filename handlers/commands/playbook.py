"""/playbook [topic] | practice [type] | digest: acked at once, answered ephemerally through the
response_url."""

from __future__ import annotations

from typing import Any

from slack_bolt.context.ack.async_ack import AsyncAck

from bot import flows
from bot.flows import digest, practice
from bot.services import Services
from bot.slack import followup_blocks
from bot.slack.blocks import playbook_reply
from handlers import access
from phrasebook.render import render


async def handle_playbook(ack: AsyncAck, command: dict[str, Any], context: dict[str, Any]) -> None:
    """Answer an agent or supervisor with the topic list, a playbook card, or suggestions for an
    unknown topic; start a practice round; post the digest (supervisors). Anyone else gets a
    neutral "for the support team"."""
    await ack()
    services: Services = context["services"]
    caller = access.Caller.of(command)
    text = str(command.get("text") or "")
    verb, _, rest = text.strip().partition(" ")
    wording = services.phrasebook
    if verb.lower() == "digest":
        if await access.allow(services, caller, what="digest_command",
                              needs=access.is_supervisor, refusal=wording.access.supervisors_only):
            channels = digest.supervisor_channels(services)
            channel = caller.channel if caller.channel in channels else (channels or [""])[0]
            if channel:
                await digest.on_demand(services, channel)
            said = render(wording.followup.wording["digest_requested"], {"channel": channel})
            await access.answer_privately(services, caller, followup_blocks.practice([said]))
        return
    if not await access.allow(services, caller, what="playbook_command",
                              needs=access.is_support_team,
                              refusal=wording.access.support_team_only):
        return
    if verb.lower() == "practice":
        title = await practice.start(services, caller.user, rest)
        said = (
            render(wording.practice.policy.wording["started"], {"title": title})
            if title is not None
            else practice.choices(services)
        )
        await access.answer_privately(services, caller, followup_blocks.practice([said]))
        return
    message = playbook_reply(flows.answer_playbook(services, text))
    await access.answer_privately(services, caller, message)
