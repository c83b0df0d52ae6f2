"""A worker process lowers its own CPU priority so serve's acknowledgements come first."""

from __future__ import annotations

from pathlib import Path

from bot.priority import yield_cpu


class Renice:
    def __init__(self) -> None:
        self.by: list[int] = []

    def __call__(self, increment: int) -> int:
        self.by.append(increment)
        return increment


def test_zero_leaves_the_priority_alone(tmp_path: Path) -> None:
    renice, group = Renice(), tmp_path / "autogroup"
    assert yield_cpu(0, renice=renice, leads_session=lambda: True, autogroup=group) == []
    assert renice.by == [] and not group.exists()


def test_a_worker_leading_its_session_lowers_itself_and_its_scheduling_group(
    tmp_path: Path,
) -> None:
    renice, group = Renice(), tmp_path / "autogroup"
    changed = yield_cpu(10, renice=renice, leads_session=lambda: True, autogroup=group)
    assert changed == ["nice", "autogroup"]
    assert renice.by == [10] and group.read_text().strip() == "10"


def test_a_worker_sharing_its_session_leaves_the_group_to_the_others(tmp_path: Path) -> None:
    renice, group = Renice(), tmp_path / "autogroup"
    assert yield_cpu(10, renice=renice, leads_session=lambda: False, autogroup=group) == ["nice"]
    assert renice.by == [10] and not group.exists()


def test_a_kernel_without_scheduling_groups_gets_the_plain_nice(tmp_path: Path) -> None:
    renice = Renice()
    missing = tmp_path / "no-such-dir" / "autogroup"
    assert yield_cpu(5, renice=renice, leads_session=lambda: True, autogroup=missing) == ["nice"]
    assert renice.by == [5]
