"""YAML -> validated pydantic models, with errors that name the file, the line and the problem."""

from __future__ import annotations

from collections.abc import Mapping
from pathlib import Path
from typing import Any, TypeVar

import yaml
from pydantic import BaseModel, ValidationError

from phrasebook.render import placeholders

M = TypeVar("M", bound=BaseModel)

# libyaml's parser when PyYAML was built with it (the same safe schema and the same line marks,
# several times faster: the phrasebook is read at every start of serve, worker and the CLI)
_LOADER: Any = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


class PhrasebookError(Exception):
    """A phrasebook file is missing, malformed or fails validation."""

    def __init__(self, path: Path | str, line: int | None, problem: str) -> None:
        self.path = str(path)
        self.line = line
        self.problem = problem
        where = f"{self.path}:{line}" if line is not None else self.path
        super().__init__(f"{where}: {problem}")


def _line_index(node: yaml.Node, prefix: tuple[Any, ...], out: dict[tuple[Any, ...], int]) -> None:
    out[prefix] = node.start_mark.line + 1
    if isinstance(node, yaml.MappingNode):
        for key_node, value_node in node.value:
            key = key_node.value
            out[(*prefix, key)] = key_node.start_mark.line + 1
            _line_index(value_node, (*prefix, key), out)
    elif isinstance(node, yaml.SequenceNode):
        for i, item in enumerate(node.value):
            _line_index(item, (*prefix, i), out)


def read_yaml(path: Path) -> tuple[Any, dict[tuple[Any, ...], int]]:
    """Parse one YAML file; return the data and a map from key path to line number."""
    try:
        text = path.read_text(encoding="utf-8")
    except OSError as exc:
        raise PhrasebookError(path, None, f"cannot read file: {exc.strerror or exc}") from exc
    # parsed once: the line numbers are read from the node tree, then the data is built from it
    # (building flattens merge keys in place, so the lines come first)
    loader = _LOADER(text)
    lines: dict[tuple[Any, ...], int] = {}
    try:
        node = loader.get_single_node()
        if node is None:
            return None, lines
        _line_index(node, (), lines)
        return loader.construct_document(node), lines
    except yaml.MarkedYAMLError as exc:
        line = exc.problem_mark.line + 1 if exc.problem_mark else None
        raise PhrasebookError(path, line, f"not valid YAML: {exc.problem}") from exc
    finally:
        loader.dispose()


def nearest_line(
    loc: tuple[Any, ...], lines: dict[tuple[Any, ...], int], *, allow_root: bool = True
) -> int | None:
    """The line of the deepest key on `loc` that the file has (the root only if `allow_root`)."""
    for cut in range(len(loc), -1 if allow_root else 0, -1):
        if loc[:cut] in lines:
            return lines[loc[:cut]]
    return None


def describe(exc: ValidationError) -> tuple[tuple[Any, ...], str]:
    """Where the first validation error is (key path) and what it says, for a person."""
    first = exc.errors()[0]
    loc = tuple(first["loc"])
    dotted = ".".join(str(p) for p in loc) or "(top level)"
    more = f" (and {exc.error_count() - 1} more)" if exc.error_count() > 1 else ""
    return loc, f"{dotted}: {first['msg']}{more}"


def load_model(path: Path, model: type[M]) -> M:
    """Read `path` and validate it as `model`; raise PhrasebookError pointing at the bad line."""
    data, lines = read_yaml(path)
    if data is None:
        data = {}
    try:
        return model.model_validate(data)
    except ValidationError as exc:
        loc, problem = describe(exc)
        raise PhrasebookError(path, nearest_line(loc, lines), problem) from exc


def load_models_in(folder: Path, model: type[M]) -> list[tuple[Path, M]]:
    """Validate every *.yaml file of a folder (sorted by name) as `model`."""
    if not folder.is_dir():
        return []
    return [(p, load_model(p, model)) for p in sorted(folder.glob("*.yaml"))]


def deep_merge(base: Any, over: Any) -> Any:
    """`over` merged into `base` key by key (mappings recursively; anything else replaced)."""
    if isinstance(base, dict) and isinstance(over, dict):
        merged = dict(base)
        for key, value in over.items():
            merged[key] = deep_merge(base[key], value) if key in base else value
        return merged
    return over


def load_with_team(model: type[M], shipped: Path, team_dir: Path | None, team_file: str) -> M:
    """The shipped file, with the fields of `team_dir/team_file` merged over it, validated as
    `model`; an error names the team's line when the team's file has the key, else the shipped
    file's."""
    base, base_lines = read_yaml(shipped)
    data: Any = base or {}
    team_path: Path | None = None
    team_lines: dict[tuple[Any, ...], int] = {}
    if team_dir is not None and (team_dir / team_file).is_file():
        team_path = team_dir / team_file
        team, team_lines = read_yaml(team_path)
        if team is not None and not isinstance(team, dict):
            raise PhrasebookError(team_path, 1, "(top level): expected a mapping of fields")
        data = deep_merge(data, team or {})
    try:
        return model.model_validate(data)
    except ValidationError as exc:
        loc, problem = describe(exc)
        team_line = nearest_line(loc, team_lines, allow_root=False) if team_path else None
        if team_path is not None and team_line is not None:
            raise PhrasebookError(team_path, team_line, problem) from exc
        raise PhrasebookError(
            shipped, nearest_line(loc, base_lines, allow_root=False), problem
        ) from exc


def check_wording(value: dict[str, str], fields: Mapping[str, frozenset[str]]) -> dict[str, str]:
    """Every wording field present, none unknown, each using only its own placeholders."""
    missing = sorted(set(fields) - set(value))
    if missing:
        raise ValueError(f"wording missing: {', '.join(missing)}")
    unknown = sorted(set(value) - set(fields))
    if unknown:
        raise ValueError(f"unknown wording: {', '.join(unknown)}")
    for name, text in value.items():
        extra = placeholders(text) - fields[name]
        if extra:
            raise ValueError(f"wording {name} uses unknown placeholders {sorted(extra)}")
    return value
