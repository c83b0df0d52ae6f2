"""Roles from facts: one pure decision every surface relies on."""

from __future__ import annotations

import pytest

from bot.core.access import PersonFacts, Role, TeamFacts, decide_role, is_outsider

HOME = frozenset({"T_OURS", "E_OURS"})


def person(team: str = "T_OURS", **kw: object) -> PersonFacts:
    return PersonFacts(user="U1", team=team, **kw)  # type: ignore[arg-type]


def team(**kw: object) -> TeamFacts:
    return TeamFacts(home=HOME, **kw)  # type: ignore[arg-type]


def test_someone_of_another_workspace_is_a_customer_whatever_else_is_true() -> None:
    everything = team(
        agents_configured=True,
        is_configured_agent=True,
        supervisor_group_configured=True,
        in_supervisor_group=True,
        in_alert_channel=True,
    )
    assert decide_role(person("T_CUST"), everything) is Role.CUSTOMER


def test_unknown_people_are_customers() -> None:
    assert decide_role(None, team(in_alert_channel=True)) is Role.CUSTOMER
    assert decide_role(person(""), team(in_alert_channel=True)) is Role.CUSTOMER


def test_a_request_made_on_behalf_of_another_workspace_makes_a_customer() -> None:
    assert decide_role(person(), team(in_alert_channel=True), team_hint="T_CUST") is Role.CUSTOMER
    assert decide_role(person(), team(in_alert_channel=True), team_hint="T_OURS") is Role.SUPERVISOR


def test_a_member_of_our_enterprise_is_one_of_us() -> None:
    grid = person("T_SISTER", enterprise="E_OURS")
    assert not is_outsider(grid, HOME)
    assert not is_outsider(grid, HOME, team_hint="T_SISTER")
    assert decide_role(grid, team()) is Role.AGENT


def test_members_of_the_alert_channels_supervise_when_no_group_is_configured() -> None:
    assert decide_role(person(), team(in_alert_channel=True)) is Role.SUPERVISOR


def test_a_configured_supervisor_group_decides_alone() -> None:
    configured = {"supervisor_group_configured": True}
    assert decide_role(person(), team(**configured, in_alert_channel=True)) is Role.AGENT
    assert decide_role(person(), team(**configured, in_supervisor_group=True)) is Role.SUPERVISOR


def test_with_agents_configured_only_they_are_agents() -> None:
    assert decide_role(person(), team(agents_configured=True)) is Role.OTHER
    assert (
        decide_role(person(), team(agents_configured=True, is_configured_agent=True)) is Role.AGENT
    )


def test_without_agents_configured_our_people_are_agents() -> None:
    assert decide_role(person(), team()) is Role.AGENT


@pytest.mark.parametrize("facts", [{"is_guest": True}, {"is_bot": True}, {"deleted": True}])
def test_guests_bots_and_leavers_get_nothing_by_default(facts: dict[str, bool]) -> None:
    assert decide_role(person(**facts), team(in_alert_channel=True)) is Role.OTHER


def test_a_guest_may_be_made_an_agent_or_supervisor_explicitly() -> None:
    guest = person(is_guest=True)
    assert decide_role(guest, team(agents_configured=True, is_configured_agent=True)) is Role.AGENT
    group = team(supervisor_group_configured=True, in_supervisor_group=True)
    assert decide_role(guest, group) is Role.SUPERVISOR


def test_what_each_role_may_receive() -> None:
    assert [r.is_support_team for r in Role] == [True, True, False, False]
    assert [r.is_internal for r in Role] == [True, True, True, False]
