#!/usr/bin/env python3
"""Build the filesystem of deploy/Dockerfile's image without a container engine, then test it.

CI has no Docker daemon, so this follows the Dockerfile itself, instruction by instruction:
- each stage gets a root folder; `FROM python:X-slim` stands for this machine's Python, which
  must be version X (the image's base);
- ARG and ENV are expanded as Docker expands them; WORKDIR, COPY and RUN act inside the stage's
  root: the absolute paths the Dockerfile creates (/src, /wheels, /opt/undertone) are rewritten
  into it; RUN runs under `sh -c` with the stage's ENV;
- COPY from the build context honours .dockerignore; COPY --from copies between stage roots;
- any instruction it does not know stops it (so the Dockerfile cannot drift past this check).
Then, in a private network namespace (`unshare -n`, so ports 3000/3001 are the image's own) and
as the image's USER, it runs what a container would run and checks:
- `ENTRYPOINT --version` prints the package version;
- `ENTRYPOINT CMD` (serve) starts with its secrets only in files (/run/secrets stand-in), answers
  /healthz, /readyz, /metrics, logs JSON lines, and the HEALTHCHECK command passes;
- `ENTRYPOINT worker` starts against a redis-server and the same HEALTHCHECK passes on :3001;
- the process runs as the USER uid, cannot write to the installed code, and the install is the
  wheel (not editable) with its data files and without tests or the repository.

  python3 deploy/imagefs.py [--keep DIR]     (scripts/image-check; needs PyPI for the wheels)
"""

from __future__ import annotations

import argparse
import json
import os
import re
import shlex
import shutil
import signal
import subprocess
import sys
import tempfile
import time
import urllib.request
from dataclasses import dataclass, field
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
DOCKERFILE = REPO / "deploy" / "Dockerfile"
BASE_PATH = "/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin"  # python:*-slim's PATH
# an absolute path token (not part of a URL or a longer word); group 2 is its first component
PATH_TOKEN = re.compile(r"(?<![\w.:/$-])(/([A-Za-z0-9_.-]+))")
SYSTEM = {"usr", "bin", "sbin", "lib", "lib64", "etc", "dev", "proc", "sys", "tmp", "run", "var"}
SUPPORTED = {
    "ARG",
    "FROM",
    "ENV",
    "WORKDIR",
    "COPY",
    "RUN",
    "USER",
    "EXPOSE",
    "HEALTHCHECK",
    "ENTRYPOINT",
    "CMD",
    "LABEL",
}


# ---- Dockerfile reading -------------------------------------------------------------------------
def instructions(text: str) -> list[tuple[str, str]]:
    """[(INSTRUCTION, arguments)]: continuation lines joined, comments dropped."""
    out: list[tuple[str, str]] = []
    buf = ""
    for raw in text.splitlines():
        line = raw.rstrip()
        if line.lstrip().startswith("#") or (not buf and not line.strip()):
            continue
        if line.endswith("\\"):
            buf += line[:-1] + " "
            continue
        buf += line
        word, _, rest = buf.strip().partition(" ")
        out.append((word.upper(), rest.strip()))
        buf = ""
    if buf.strip():
        word, _, rest = buf.strip().partition(" ")
        out.append((word.upper(), rest.strip()))
    return out


def expand(value: str, env: dict[str, str]) -> str:
    """Docker's $VAR / ${VAR} substitution (unknown variables become empty)."""
    return re.sub(r"\$\{(\w+)\}|\$(\w+)", lambda m: env.get(m.group(1) or m.group(2), ""), value)


def env_pairs(args: str) -> list[tuple[str, str]]:
    """`ENV A=1 B="two words"` (and the legacy `ENV A value`)."""
    words = shlex.split(args)
    if words and "=" not in words[0]:
        return [(words[0], " ".join(words[1:]))]
    return [tuple(w.split("=", 1)) for w in words]  # type: ignore[misc]


def exec_form(args: str) -> list[str]:
    value = json.loads(args)
    if not (isinstance(value, list) and all(isinstance(v, str) for v in value)):
        raise SystemExit(f"imagefs: expected the exec (JSON) form, got {args!r}")
    return value


@dataclass
class Stage:
    name: str
    root: Path
    base: str
    env: dict[str, str] = field(default_factory=dict)
    workdir: str = "/"
    user: str = "0"
    expose: list[str] = field(default_factory=list)
    healthcheck: list[str] = field(default_factory=list)
    entrypoint: list[str] = field(default_factory=list)
    cmd: list[str] = field(default_factory=list)

    def inside(self, path: str) -> Path:
        absolute = path if path.startswith("/") else os.path.join(self.workdir, path)
        return self.root / os.path.normpath(absolute).lstrip("/")

    def rewrite(self, text: str) -> str:
        """Absolute paths outside the base image's system folders, moved under the stage root."""
        return PATH_TOKEN.sub(
            lambda m: (str(self.root) + m.group(1)) if m.group(2) not in SYSTEM else m.group(1),
            text,
        )


def dockerignore(repo: Path) -> list[str]:
    f = repo / ".dockerignore"
    if not f.is_file():
        return []
    lines = [ln.strip() for ln in f.read_text().splitlines()]
    return [ln for ln in lines if ln and not ln.startswith("#")]


def _glob(pattern: str) -> re.Pattern[str]:
    """A .dockerignore pattern: `**` any folders, `*` and `?` within one path segment."""
    out, i = "", 0
    while i < len(pattern):
        if pattern.startswith("**/", i):
            out, i = out + "(?:.*/)?", i + 3
        elif pattern.startswith("**", i):
            out, i = out + ".*", i + 2
        elif pattern[i] in "*?":
            out, i = out + ("[^/]*" if pattern[i] == "*" else "[^/]"), i + 1
        else:
            out, i = out + re.escape(pattern[i]), i + 1
    return re.compile(out)


def ignored(rel: str, patterns: list[str]) -> bool:
    """Docker's rule: a pattern matching a path or one of its folders excludes it; the last
    matching pattern wins; `!` includes again."""
    parts = rel.strip("/").split("/")
    prefixes = ["/".join(parts[: i + 1]) for i in range(len(parts))]
    result = False
    for pattern in patterns:
        negate = pattern.startswith("!")
        rx = _glob(pattern.lstrip("!").strip("/"))
        if any(rx.fullmatch(prefix) for prefix in prefixes):
            result = not negate
    return result


def copy_tree(src: Path, dst: Path, rel_base: str, patterns: list[str]) -> None:
    if src.is_file():
        dst.parent.mkdir(parents=True, exist_ok=True)
        shutil.copy2(src, dst)
        return
    for item in sorted(src.rglob("*")):
        rel = f"{rel_base}/{item.relative_to(src)}".strip("/")
        if ignored(rel, patterns):
            continue
        target = dst / item.relative_to(src)
        if item.is_dir():
            target.mkdir(parents=True, exist_ok=True)
        elif item.is_file():
            target.parent.mkdir(parents=True, exist_ok=True)
            shutil.copy2(item, target)


# ---- building -----------------------------------------------------------------------------------
def base_python(version: str) -> str:
    """A Python `version` laid out like the base image's: runnable by any user (the image runs
    as one), with venv and pip. /usr/local/bin first (python:*-slim), then the system's."""
    names = [f"/usr/local/bin/python{version}", f"/usr/bin/python{version}"]
    names += [w for w in [shutil.which(f"python{version}")] if w]
    for name in names:
        if not os.path.exists(name):
            continue
        probe = subprocess.run(
            [name, "-c", "import venv, ensurepip, sys; print(sys.version)"],
            preexec_fn=as_user(65534, 65534),
            capture_output=True,
            text=True,
        )
        if probe.returncode == 0:
            found = probe.stdout.split()[0]
            print(f"image-check: the base image's Python {version}: {name} ({found})")
            return name
    raise SystemExit(
        f"imagefs: no Python {version} with venv that any user can run (tried {', '.join(names)});"
        f" on Debian: apt-get install python{version}-venv python3-pip"
    )


def build(work: Path, log: list[str]) -> Stage:
    """Follow the Dockerfile; return the final stage."""
    global_args: dict[str, str] = {}
    stages: dict[str, Stage] = {}
    stage: Stage | None = None
    patterns = dockerignore(REPO)
    shims = work / "shims"
    shims.mkdir(parents=True)
    for ins, args in instructions(DOCKERFILE.read_text()):
        if ins not in SUPPORTED:
            raise SystemExit(f"imagefs: unsupported instruction {ins} (teach deploy/imagefs.py)")
        if ins == "ARG":
            name, _, default = args.partition("=")
            (stage.env if stage else global_args).setdefault(name, default)
            continue
        if ins == "FROM":
            words = expand(args, global_args).split()
            base = words[0]
            name = words[2] if len(words) >= 3 and words[1].lower() == "as" else str(len(stages))
            m = re.fullmatch(r"python:(\d+\.\d+)-slim", base)
            if base in stages:
                raise SystemExit("imagefs: FROM <earlier stage> is not supported")
            if not m:
                raise SystemExit(f"imagefs: base image {base} is not python:X.Y-slim")
            if not (shims / "python").exists():
                (shims / "python").symlink_to(base_python(m.group(1)))
            stage = Stage(name, work / "stages" / name, base, env={"PATH": BASE_PATH})
            stage.root.mkdir(parents=True)
            stages[name] = stage
            log.append(f"FROM {base} AS {name} -> {stage.root}")
            continue
        assert stage is not None, "instruction before FROM"
        scope = global_args | stage.env
        if ins == "ENV":
            for key, value in env_pairs(args):
                stage.env[key] = expand(value, scope | stage.env)
        elif ins == "WORKDIR":
            stage.workdir = expand(args, scope)
            stage.inside(stage.workdir).mkdir(parents=True, exist_ok=True)
        elif ins == "COPY":
            words = shlex.split(expand(args, scope))
            source = next((w.split("=", 1)[1] for w in words if w.startswith("--from=")), None)
            words = [w for w in words if not w.startswith("--")]
            *srcs, dst = words
            for src in srcs:
                if source is not None:
                    frm = stages[source]
                    target = stage.inside(dst)
                    copy_tree(frm.inside(src), target, "", [])
                else:
                    path = REPO / src
                    if ignored(src.strip("./") or ".", patterns):
                        raise SystemExit(f"imagefs: COPY {src}, but .dockerignore leaves it out")
                    target = stage.inside(dst)
                    if path.is_file() and (dst.endswith("/") or target.is_dir()):
                        target = target / path.name
                    copy_tree(path, target, src.strip("./"), patterns)
        elif ins == "RUN":
            command = stage.rewrite(args)
            env = {k: stage.rewrite(v) for k, v in stage.env.items()}
            env["PATH"] = f"{shims}:{stage.rewrite(stage.env['PATH'])}"
            env["HOME"] = str(work / "home")
            log.append(f"RUN {args}")
            out = work / "build.log"
            with out.open("a") as fh:
                done = subprocess.run(
                    ["sh", "-c", command],
                    cwd=stage.inside(stage.workdir),
                    env=env,
                    stdout=fh,
                    stderr=subprocess.STDOUT,
                )
            if done.returncode != 0:
                print(out.read_text()[-4000:])
                raise SystemExit(f"imagefs: RUN failed (exit {done.returncode}): {args}")
        elif ins == "USER":
            stage.user = expand(args, scope)
        elif ins == "EXPOSE":
            stage.expose += args.split()
        elif ins == "HEALTHCHECK":
            cmd = args[args.index("CMD") + 3 :].strip()
            stage.healthcheck = exec_form(cmd)
        elif ins == "ENTRYPOINT":
            stage.entrypoint = exec_form(args)
        elif ins == "CMD":
            stage.cmd = exec_form(args)
    assert stage is not None
    for s in stages.values():  # the image is read by uid USER: traversable folders
        for d in [s.root, *s.root.parents]:
            if str(d).startswith(str(work)):
                d.chmod(0o755)
    return stage


# ---- running ------------------------------------------------------------------------------------
@dataclass
class Checks:
    results: list[tuple[bool, str]] = field(default_factory=list)

    def check(self, ok: bool, what: str) -> None:
        self.results.append((ok, what))
        print(f"{'ok  ' if ok else 'FAIL'}  {what}", flush=True)


def as_user(uid: int, gid: int):  # noqa: ANN202
    def demote() -> None:
        os.setgroups([])
        os.setgid(gid)
        os.setuid(uid)

    return demote


def wait_http(url: str, seconds: float = 30.0) -> int | None:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        try:
            with urllib.request.urlopen(url, timeout=2) as r:
                return int(r.status)
        except OSError:
            time.sleep(0.2)
    return None


def smoke(state: dict[str, object]) -> int:
    """Inside the private network namespace: run the image's commands as its USER."""
    subprocess.run(["ip", "link", "set", "lo", "up"], check=True)
    root = Path(str(state["root"]))
    uid, _, gid = str(state["user"]).partition(":")
    uid_n, gid_n = int(uid), int(gid or uid)
    env = {k: str(v) for k, v in dict(state["env"]).items()}  # type: ignore[call-overload]
    secrets = Path(tempfile.mkdtemp(prefix="imagefs-secrets-"))
    secrets.chmod(0o755)
    for name, value in (("SLACK_BOT_TOKEN", "xoxb-imagefs"), ("SLACK_SIGNING_SECRET", "s3cret")):
        f = secrets / name
        f.write_text(value)
        os.chown(f, 0, gid_n)  # as a Kubernetes secret volume with fsGroup and mode 0440
        f.chmod(0o440)
    env |= {
        "UNDERTONE_SECRETS_DIR": str(secrets),
        "UNDERTONE_SUPERVISOR_CHANNEL": "C0SUPERVISE",
        "SLACK_API_URL": "http://127.0.0.1:9/api/",
        "HOME": "/",
    }
    entry = list(state["entrypoint"])  # type: ignore[call-overload]
    cmd = list(state["cmd"])  # type: ignore[call-overload]
    health = list(state["healthcheck"])  # type: ignore[call-overload]
    checks = Checks()
    demote = as_user(uid_n, gid_n)

    def run(argv: list[str], **kw: object) -> subprocess.CompletedProcess[str]:
        return subprocess.run(
            argv, env=env, preexec_fn=demote, capture_output=True, text=True, timeout=60, **kw
        )

    version = str(state["version"])
    out = run(entry + ["--version"])
    checks.check(
        out.returncode == 0 and version in out.stdout,
        f"`{' '.join(entry)} --version` -> {out.stdout.strip()!r} (want {version})",
    )

    site = next(root.glob("opt/undertone/lib/python*/site-packages"))
    probe = run(["python", "-c", f"open({str(site / 'bot' / 'x')!r}, 'w')"])
    checks.check(
        probe.returncode != 0 and "Permission denied" in probe.stderr,
        f"uid {uid_n} cannot write to the installed code in {site.relative_to(root)}",
    )
    dist = next(site.glob("undertone-*.dist-info"))
    direct = dist / "direct_url.json"
    editable = direct.is_file() and '"editable": true' in direct.read_text()
    checks.check(
        dist.name == f"undertone-{version}.dist-info" and not editable,
        f"installed from the wheel: {dist.name}, not editable",
    )
    charts = run(["python", "-c", "from bot import chart; print(chart.available())"])
    checks.check(
        charts.returncode == 0 and charts.stdout.strip() == "True",
        "the weekly digest can draw its chart (the `charts` extra is installed)",
    )
    data = [site / "phrasebook/data/detection/lexicon.yaml", site / "bot/stores/lua/intake.lua"]
    stray = [
        p
        for p in ("tests", ".git", ".venv", "scripts")
        if (site / p).exists() or (root / p).exists()
    ]
    checks.check(
        all(p.is_file() for p in data) and not stray,
        f"package data present ({', '.join(p.name for p in data)}); "
        f"no {stray or 'tests, .git, .venv'}",
    )

    serve_log = Path(tempfile.mkstemp(prefix="imagefs-serve-", suffix=".log")[1])
    with serve_log.open("w") as fh:
        serve = subprocess.Popen(entry + cmd, env=env, preexec_fn=demote, stdout=fh, stderr=fh)
    try:
        status = wait_http("http://127.0.0.1:3000/healthz")
        checks.check(
            status == 200,
            f"`{' '.join(entry + cmd)}` (secrets only in files) answers /healthz: {status}",
        )
        ready = wait_http("http://127.0.0.1:3000/readyz", 5)
        metrics = wait_http("http://127.0.0.1:3000/metrics", 5)
        checks.check((ready, metrics) == (200, 200), f"/readyz {ready}, /metrics {metrics}")
        owner = next(
            (
                ln.split()[1]
                for ln in Path(f"/proc/{serve.pid}/status").read_text().splitlines()
                if ln.startswith("Uid:")
            ),
            "?",
        )
        checks.check(owner == str(uid_n), f"serve runs as uid {owner} (USER {state['user']})")
        hc = run(health)
        checks.check(hc.returncode == 0, f"HEALTHCHECK {' '.join(health)} -> exit {hc.returncode}")
    finally:
        serve.send_signal(signal.SIGTERM)
        try:
            serve.wait(timeout=20)
        except subprocess.TimeoutExpired:
            serve.kill()
            serve.wait()
    lines = [ln for ln in serve_log.read_text().splitlines() if ln.strip()]
    parsed = []
    for ln in lines:
        try:
            parsed.append(json.loads(ln))
        except ValueError:
            parsed.append(None)
    checks.check(
        bool(lines) and all(isinstance(p, dict) and "timestamp" in p for p in parsed),
        f"serve's {len(lines)} log line(s) are JSON with timestamps "
        f"(first: {lines[0][:100] if lines else 'none'!r})",
    )

    redis_bin = shutil.which("redis-server")
    if redis_bin is None:
        checks.check(False, "redis-server not found: cannot start the worker")
    else:
        redis = subprocess.Popen(
            [
                redis_bin,
                "--port",
                "6379",
                "--bind",
                "127.0.0.1",
                "--save",
                "",
                "--appendonly",
                "no",
            ],
            stdout=subprocess.DEVNULL,
        )
        worker = None
        try:
            env["REDIS_URL"] = "redis://127.0.0.1:6379/0"
            worker = subprocess.Popen(
                entry + ["worker"],
                env=env,
                preexec_fn=demote,
                stdout=subprocess.DEVNULL,
                stderr=subprocess.DEVNULL,
            )
            status = wait_http("http://127.0.0.1:3001/healthz")
            checks.check(
                status == 200, f"`{' '.join(entry)} worker` answers :3001/healthz: {status}"
            )
            hc = run(health)
            checks.check(
                hc.returncode == 0, f"HEALTHCHECK passes for the worker too -> exit {hc.returncode}"
            )
        finally:
            for proc in (worker, redis):
                if proc is not None:
                    proc.terminate()
                    try:
                        proc.wait(timeout=20)
                    except subprocess.TimeoutExpired:
                        proc.kill()
                        proc.wait()
    failed = sum(not ok for ok, _ in checks.results)
    total = len(checks.results)
    print(
        f"image-check: {total - failed} of {total} checks ok" + ("" if not failed else ": FAILED")
    )
    return 1 if failed else 0


def main() -> int:
    ap = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    ap.add_argument("--keep", type=Path, help="build in this folder and keep it")
    ap.add_argument("--smoke", type=Path, help=argparse.SUPPRESS)
    args = ap.parse_args()
    if args.smoke:
        return smoke(json.loads(args.smoke.read_text()))
    if os.geteuid() != 0:
        print("image-check: needs root (to run the image's USER and a network namespace)")
        return 2
    work = args.keep or Path(tempfile.mkdtemp(prefix="imagefs-"))
    work.mkdir(parents=True, exist_ok=True)
    log: list[str] = []
    started = time.monotonic()
    try:
        final = build(work, log)
        print("\n".join(f"image-check: {ln}" for ln in log))
        print(f"image-check: image filesystem built in {time.monotonic() - started:.0f} s")
        if final.user.split(":")[0] in ("", "0", "root"):
            print("FAIL  the final stage runs as root")
            return 1
        version_ns: dict[str, str] = {}
        exec((REPO / "bot" / "__init__.py").read_text(), version_ns)
        env = {k: final.rewrite(v) for k, v in final.env.items()}
        state = {
            "root": str(final.root),
            "user": final.user,
            "env": env,
            "entrypoint": final.entrypoint,
            "cmd": final.cmd,
            "healthcheck": final.healthcheck,
            "version": version_ns["__version__"],
        }
        state_file = work / "state.json"
        state_file.write_text(json.dumps(state))
        return subprocess.run(
            ["unshare", "-n", sys.executable, __file__, "--smoke", str(state_file)]
        ).returncode
    finally:
        if args.keep is None:
            shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    sys.exit(main())
