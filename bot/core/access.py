"""Who may see and do what: a person's role, decided from plain facts about them.

Pure: the facts (which team a user belongs to, whether they are a guest, which configured groups
and channels they are in) are fetched and cached by `bot.slack.directory`; this module only
decides. Every surface (alert buttons, App Home, shortcuts, slash commands) asks the same question.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum


class Role(StrEnum):
    """A person's standing towards Undertone."""

    SUPERVISOR = "supervisor"  # sees open alerts, may claim, reassign, dismiss them
    AGENT = "agent"  # is coached: whispers, Coach me, /playbook, their threads in App Home
    OTHER = "other"  # someone of our organisation with no part in support: nothing internal
    CUSTOMER = "customer"  # outside our organisation (or unknown): nothing at all

    @property
    def is_support_team(self) -> bool:
        """Agents and supervisors: the people coaching, playbooks and readings are for."""
        return self in (Role.AGENT, Role.SUPERVISOR)

    @property
    def is_internal(self) -> bool:
        """Anyone of our own organisation (may receive a private message from the bot at all)."""
        return self is not Role.CUSTOMER


@dataclass(frozen=True, slots=True)
class PersonFacts:
    """What Slack says about a user (`users.info`), reduced to what decides a role."""

    user: str
    team: str  # the user's own workspace ('' when Slack did not say)
    enterprise: str = ""  # the user's Enterprise Grid org, if any
    is_guest: bool = False  # a single- or multi-channel guest of our workspace
    is_bot: bool = False
    deleted: bool = False


@dataclass(frozen=True, slots=True)
class TeamFacts:
    """What the team configured, plus group and channel memberships looked up for one user."""

    home: frozenset[str]  # our team and enterprise ids
    agents_configured: bool = False  # agent ids or an agent user group are set
    is_configured_agent: bool = False  # in the configured ids or the agent user group
    supervisor_group_configured: bool = False
    in_supervisor_group: bool = False
    in_alert_channel: bool = False  # a member of a channel alerts go to


def is_outsider(person: PersonFacts | None, home: frozenset[str], team_hint: str = "") -> bool:
    """True unless both Slack's record and the request (when it names one) place the person in
    one of our teams. Unknown people are outsiders: when in doubt, nothing internal."""
    if person is None or not (person.team or person.enterprise):
        return True
    ours = person.team in home or (bool(person.enterprise) and person.enterprise in home)
    if team_hint and team_hint not in home and person.enterprise not in home:
        return True  # Slack delivered this request on behalf of another workspace's user
    return not ours


def decide_role(person: PersonFacts | None, team: TeamFacts, team_hint: str = "") -> Role:
    """The role of one person.

    - Outside our organisation, or unknown: customer.
    - Deactivated users and bots: other. Guests: other, unless explicitly configured as agents
      or in the supervisor group.
    - Supervisors: the supervisor user group when configured, else the members of the channels
      alerts go to (guests excepted).
    - Agents: the configured agents; when none are configured, anyone of our teams (as in a
      Slack Connect channel, where our people are the agents).
    """
    if is_outsider(person, team.home, team_hint):
        return Role.CUSTOMER
    assert person is not None
    if person.deleted or person.is_bot:
        return Role.OTHER
    if team.in_supervisor_group or (
        not team.supervisor_group_configured and team.in_alert_channel and not person.is_guest
    ):
        return Role.SUPERVISOR
    if team.is_configured_agent:
        return Role.AGENT
    if person.is_guest or team.agents_configured:
        return Role.OTHER
    return Role.AGENT
