"""The unseen corpus: thread specs (tests/threads), cue paraphrases (tests/data) and load line
pools (bench/lines), read and validated by the same rules as the acceptance probe's loader.

A thread file follows the probe's format (`../shared/tools/probe/README.md`, "Threads"): the
same keys, users, message numbering and expectation semantics, so the files run unchanged with
`python3 ../shared/tools/probe/run.py . --threads tests/threads`.
"""

from __future__ import annotations

import json
import re
import string
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Literal

import yaml

# libyaml's parser when PyYAML has it (the same documents, read about 8x faster: collecting the
# corpus is a third of a default test run's start-up otherwise)
_LOADER: Any = getattr(yaml, "CSafeLoader", yaml.SafeLoader)

ROOT = Path(__file__).resolve().parents[1]
THREADS_DIR = ROOT / "tests" / "threads"
CUE_FILE = ROOT / "tests" / "data" / "cue_paraphrases.yaml"
LINES_DIR = ROOT / "bench" / "lines"

# The probe's identities: customers of the customer team, agents of ours.
CUSTOMERS = ("U0CUST1", "U0CUST2")
AGENTS = ("U0AGENT1", "U0AGENT2")

TOP_KEYS = {"id", "product", "kind", "why", "customer", "agent", "messages", "expect"}
MSG_KEYS = {"who", "user", "text", "delay"}
EXPECT_KEYS = {"whisper", "whisper_from", "escalate", "escalate_by"}
KINDS = ("calm", "rising", "escalate")

Tri = Literal["yes", "no", "any"]


@dataclass(frozen=True)
class Message:
    number: int  # 1-based, as the probe counts: message 1 is the thread parent
    who: Literal["customer", "agent"]
    user: str  # a probe identity (U0CUST1, U0AGENT2, ...)
    text: str  # what the person typed (mrkdwn, ``` fences allowed)
    delay: float | None  # seconds before it is sent; None = the runner's default gap


@dataclass(frozen=True)
class Expect:
    whisper: Tri
    escalate: Tri
    whisper_from: int  # only whispers at/after this message count (1 = any)
    escalate_by: int | None  # the first ping must come before message escalate_by + 1


@dataclass(frozen=True)
class ThreadSpec:
    id: str
    path: Path
    product: str
    kind: str
    why: str
    messages: tuple[Message, ...]
    expect: Expect


def _tri(value: Any, what: str) -> Tri:
    # YAML 1.1 reads bare yes/no as booleans; the probe accepts both spellings.
    if value is True or (isinstance(value, str) and value.lower() in ("yes", "true")):
        return "yes"
    if value is False or (isinstance(value, str) and value.lower() in ("no", "false")):
        return "no"
    if isinstance(value, str) and value.lower() == "any":
        return "any"
    raise ValueError(f"{what} must be yes, no or any, not {value!r}")


def load_thread(path: Path) -> ThreadSpec:
    """One thread file, validated like the probe does; raises ValueError naming the problem."""
    spec = yaml.load(path.read_text(encoding="utf-8"), Loader=_LOADER)
    if not isinstance(spec, dict):
        raise ValueError(f"{path.name}: top level must be a mapping")
    unknown = set(spec) - TOP_KEYS
    if unknown:
        raise ValueError(f"{path.name}: unknown keys {sorted(unknown)}")
    customer, agent = spec.get("customer", CUSTOMERS[0]), spec.get("agent", AGENTS[0])
    raw_messages = spec.get("messages")
    if not isinstance(raw_messages, list) or not raw_messages:
        raise ValueError(f"{path.name}: messages must be a non-empty list")
    messages: list[Message] = []
    for number, m in enumerate(raw_messages, 1):
        where = f"{path.name}: message {number}"
        if not isinstance(m, dict) or set(m) - MSG_KEYS:
            raise ValueError(f"{where}: keys must be among {sorted(MSG_KEYS)}")
        who = m.get("who")
        if who not in ("customer", "agent"):
            raise ValueError(f"{where}: who must be customer or agent")
        user = m.get("user") or (customer if who == "customer" else agent)
        if user not in (CUSTOMERS if who == "customer" else AGENTS):
            raise ValueError(f"{where}: user {user} is not a known {who}")
        text = m.get("text")
        if not isinstance(text, str) or not text.strip():
            raise ValueError(f"{where}: text missing")
        delay = m.get("delay")
        if delay is not None and not (
            isinstance(delay, int | float) and not isinstance(delay, bool) and 0 <= delay <= 30
        ):
            raise ValueError(f"{where}: delay must be 0..30 seconds")
        messages.append(Message(number, who, user, text.rstrip("\n"), delay))
    if messages[0].who != "customer":
        raise ValueError(
            f"{path.name}: the first message (the thread parent) must be the customer's"
        )
    exp = spec.get("expect")
    if not isinstance(exp, dict) or "whisper" not in exp or "escalate" not in exp:
        raise ValueError(f"{path.name}: expect must give whisper and escalate (yes, no or any)")
    if set(exp) - EXPECT_KEYS:
        raise ValueError(f"{path.name}: expect: unknown keys {sorted(set(exp) - EXPECT_KEYS)}")
    expect = Expect(
        whisper=_tri(exp["whisper"], "whisper"),
        escalate=_tri(exp["escalate"], "escalate"),
        whisper_from=int(exp.get("whisper_from") or 1),
        escalate_by=int(exp["escalate_by"]) if exp.get("escalate_by") else None,
    )
    n = len(messages)
    for name, value in (("whisper_from", expect.whisper_from), ("escalate_by", expect.escalate_by)):
        if value is not None and not 1 <= value <= n:
            raise ValueError(f"{path.name}: expect.{name} must be a message number 1..{n}")
    if expect.escalate_by is not None and expect.escalate != "yes":
        raise ValueError(f"{path.name}: escalate_by only goes with escalate: yes")
    if exp.get("whisper_from") is not None and expect.whisper != "yes":
        raise ValueError(f"{path.name}: whisper_from only goes with whisper: yes")
    if expect.whisper == "yes" and not any(m.who == "agent" for m in messages):
        raise ValueError(f"{path.name}: whisper: yes needs an agent in the thread to whisper to")
    return ThreadSpec(
        id=str(spec.get("id") or path.stem),
        path=path,
        product=str(spec.get("product", "")),
        kind=str(spec.get("kind", "")),
        why=" ".join(str(spec.get("why", "")).split()),
        messages=tuple(messages),
        expect=expect,
    )


def thread_files() -> list[Path]:
    return sorted(THREADS_DIR.glob("*.yaml"))


def load_threads() -> list[ThreadSpec]:
    return [load_thread(path) for path in thread_files()]


# ---- cue paraphrases -------------------------------------------------------------------------

CUE_LABELS = ("threat_abuse", "legal", "churn", "manager_request", "data_exposure", "none")


def load_cue_paraphrases() -> dict[str, list[str]]:
    """{cue label: [customer lines]} from tests/data/cue_paraphrases.yaml."""
    data = yaml.safe_load(CUE_FILE.read_text(encoding="utf-8"))
    if not isinstance(data, dict) or not isinstance(data.get("cues"), dict):
        raise ValueError(f"{CUE_FILE.name}: expected a top-level 'cues' mapping")
    out: dict[str, list[str]] = {}
    for label, lines in data["cues"].items():
        if label not in CUE_LABELS:
            raise ValueError(f"{CUE_FILE.name}: unknown cue {label!r}")
        if not isinstance(lines, list) or not all(isinstance(t, str) and t.strip() for t in lines):
            raise ValueError(f"{CUE_FILE.name}: {label} must be a list of non-empty lines")
        out[label] = [" ".join(t.split()) for t in lines]
    return out


def normalised(text: str) -> str:
    """Lower-case words only: two lines with the same normalised form are duplicates."""
    return " ".join(re.findall(r"[a-z0-9']+", text.lower()))


# ---- load line pools ---------------------------------------------------------------------------

# The load harness's topics and the fields its templates may use (see _load_lines in
# ../shared/tools/load/traffic.py).
LOAD_TOPICS = ("api", "billing", "import", "reports", "shipping", "sso")
LOAD_FIELDS = {"thing", "team", "cust", "agent", "n", "hex"}
SAMPLE_FIELDS = {
    "thing": "invoice INV-48213",
    "team": "billing",
    "cust": "Carol",
    "agent": "Alice",
    "n": 4821,
    "hex": "0a1b2c3d",
}
POOL_KEYS = ("calm_customer", "agent", "angry", "escalate")
# A calm thread uses up to 3 calm customer lines and 5 agent lines of one shuffled pool; an
# escalation thread up to 2 angry lines and 1 escalation line.
POOL_MINIMUM = {"calm_customer": 3, "agent": 5, "angry": 2, "escalate": 1}


def template_fields(template: str) -> set[str]:
    return {name for _, name, _, _ in string.Formatter().parse(template) if name is not None}


def line_pool_files() -> list[Path]:
    return sorted(LINES_DIR.glob("*.json"))


def load_line_pool(path: Path) -> dict[str, Any]:
    """A UNDERTONE_LOAD_LINES file, validated; raises ValueError naming the problem."""
    data = json.loads(path.read_text(encoding="utf-8"))
    if not isinstance(data, dict):
        raise ValueError(f"{path.name}: top level must be an object")
    unknown = set(data) - set(POOL_KEYS) - {"openers", "about"}
    if unknown:
        raise ValueError(f"{path.name}: unknown keys {sorted(unknown)}")
    templates: list[tuple[str, str]] = []
    for key in POOL_KEYS:
        pool = data.get(key)
        if not isinstance(pool, list) or len(pool) < POOL_MINIMUM[key]:
            raise ValueError(f"{path.name}: {key} needs at least {POOL_MINIMUM[key]} lines")
        templates += [(key, t) for t in pool]
    openers = data.get("openers")
    if not isinstance(openers, dict) or sorted(openers) != sorted(LOAD_TOPICS):
        raise ValueError(f"{path.name}: openers must give every topic of {LOAD_TOPICS}")
    for topic, pool in openers.items():
        if not isinstance(pool, list) or not pool:
            raise ValueError(f"{path.name}: openers.{topic} must be a non-empty list")
        templates += [(f"openers.{topic}", t) for t in pool]
    for key, template in templates:
        if not isinstance(template, str) or not template.strip():
            raise ValueError(f"{path.name}: {key}: empty template")
        fields = template_fields(template)
        if fields - LOAD_FIELDS:
            raise ValueError(f"{path.name}: {key}: unknown fields {sorted(fields - LOAD_FIELDS)}")
        if key in ("angry", "escalate") and "thing" not in fields:
            raise ValueError(f"{path.name}: {key} line must name {{thing}}: {template!r}")
        try:
            template.format(**SAMPLE_FIELDS)
        except (ValueError, IndexError, KeyError) as exc:
            raise ValueError(f"{path.name}: {key}: cannot fill {template!r}: {exc}") from None
    return data
