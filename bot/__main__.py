"""The `undertone` command: serve, worker, socket, demo, doctor, score, eval, phrasebook check,
report, tune, export, deadletters.

Start-up tells the truth: a bad setting is one line on stderr naming it and a non-zero exit; a
set-up that would silently lose work (a worker without Redis, an embedded store nobody
processes) refuses to start; SIGTERM stops taking work, finishes or hands back what is in flight
and exits within `UNDERTONE_SHUTDOWN_GRACE_SECONDS` (twice that at worst for `serve`).
"""

from __future__ import annotations

import argparse
import asyncio
import errno
import gc
import logging
import re
import signal
import sys
import time
from pathlib import Path
from typing import TYPE_CHECKING

from pydantic import ValidationError

from bot import __version__
from bot.config import Settings, describe_error, load_settings
from bot.logsetup import configure_logging, log_crash

if TYPE_CHECKING:
    from bot.core.engine import FrustrationEngine
    from bot.services import Services
    from phrasebook import Phrasebook

log = logging.getLogger("undertone.main")

EXIT_SETUP = 2  # refused to start: a setting or the phrasebook is wrong
EXIT_UNAVAILABLE = 1  # a dependency (Redis) could not be reached at start-up
STORE_WAIT_SECONDS = 10.0


def _refuse(problem: str, code: int = EXIT_SETUP) -> int:
    print(f"undertone: {problem}", file=sys.stderr, flush=True)
    return code


def _missing_secrets(settings: Settings, *names: str) -> str | None:
    missing = [n.upper() for n in names if not settings.secret(n)]
    if missing:
        return f"missing settings: {', '.join(missing)} (see .env.example)"
    return None


def _setup_problem(cmd: str, settings: Settings, workers: int | None) -> str | None:
    """Set-ups that would take events in and never process them."""
    if cmd == "worker" and not settings.redis_url:
        return (
            "`undertone worker` needs REDIS_URL: the embedded store lives inside one process "
            "(run `undertone serve` alone, or set REDIS_URL for both)"
        )
    count = settings.workers if workers is None else workers
    if cmd == "serve" and not settings.redis_url and count == 0:
        return (
            "UNDERTONE_WORKERS=0 with the embedded store: nothing would process events "
            "(set REDIS_URL and run `undertone worker`, or keep UNDERTONE_WORKERS>=1)"
        )
    return None


def _stop_event() -> asyncio.Event:
    """Set on SIGTERM or SIGINT (the first one: a second one stops the process at once)."""
    stop = asyncio.Event()
    loop = asyncio.get_running_loop()

    def on_signal(signum: int) -> None:
        log.info("signal_received", extra={"signal": signal.Signals(signum).name})
        stop.set()
        for sig in (signal.SIGTERM, signal.SIGINT):
            loop.remove_signal_handler(sig)

    for sig in (signal.SIGTERM, signal.SIGINT):
        loop.add_signal_handler(sig, on_signal, sig)
    return stop


async def _start_up(services: Services, role: str, workers: int) -> str | None:
    """Reach the store, learn who we are in Slack, say what runs where. None when ready, else
    the one line to exit with."""
    from bot.app import readiness_warnings

    store = services.store
    loop = asyncio.get_running_loop()
    deadline = loop.time() + STORE_WAIT_SECONDS
    while not await store.ping():
        if loop.time() > deadline:
            waited = f"{STORE_WAIT_SECONDS:.0f} s"
            return f"cannot reach Redis at {store.where} (REDIS_URL) within {waited}"
        await asyncio.sleep(0.5)
    await store.ensure_group()
    workspace = None
    if services.installs is None:  # one workspace: learn it once; requests are authorized by it
        workspace = await services.identity.load()
        if workspace is None:
            log.warning(
                "slack_unreachable_at_start",
                extra={"detail": "auth.test failed; authorizing from settings, retrying"},
            )
            services.identity.keep_trying(on_load=services.directory.remember_home)
        else:
            services.directory.remember_home(services.identity.home_teams())
    routes = services.phrasebook.escalation.routes.values()
    internal = sorted({*routes, services.settings.supervisor_channel or ""} - {""})
    log.info(
        "starting",
        extra={
            "role": role,
            "version": __version__,
            "store": store.where,
            "workspace": workspace.team_id if workspace else "many" if services.installs else "?",
            "bot_user": workspace.bot_user_id if workspace else "",
            "internal_channels": internal,
            "workers": workers,
        },
    )
    for warning in readiness_warnings(services):
        log.warning("setup_warning", extra={"detail": warning})
    return None


def _freeze_start_up_heap() -> None:
    """What start-up built (the phrasebook, the models, Bolt's app) lives as long as the process:
    it is moved out of the garbage collector's sight, so a full collection under load scans only
    what was made since (on a 2-core VM a full collection of a fresh process took 40-55 ms: a
    stall of every ack and fold in flight)."""
    gc.collect()
    gc.freeze()


def _warm_engine(engine: FrustrationEngine) -> None:
    """Build the engine's lazily compiled regexes before the first message, not during it: a
    worker started into a queue (a deploy, a restart after a crash) would otherwise spend its
    first seconds of traffic compiling while entries wait."""
    began = time.perf_counter()
    compiled = engine.warm()
    log.info(
        "engine_warmed",
        extra={"regexes": compiled, "seconds": round(time.perf_counter() - began, 2)},
    )


async def _serve(
    settings: Settings, book: Phrasebook, host: str, port: int, workers: int | None
) -> int:
    from aiohttp import web

    from bot.app import create_web_app
    from bot.services import build_services

    services = build_services(settings, phrasebook=book)
    count = settings.workers if workers is None else workers
    problem = await _start_up(services, "serve", count)
    if problem:
        await services.close()
        return _refuse(problem, EXIT_UNAVAILABLE)
    grace = settings.shutdown_grace_seconds
    runner = web.AppRunner(
        create_web_app(services, workers=workers), access_log=None, shutdown_timeout=grace
    )
    await runner.setup()
    _freeze_start_up_heap()
    await web.TCPSite(runner, host, port).start()
    stop = _stop_event()
    log.info(
        "serving",
        extra={"url": f"http://{host}:{port}/slack/events", "version": __version__},
    )
    await stop.wait()
    log.info("stopping", extra={"role": "serve", "grace_s": grace})
    await runner.cleanup()  # no new requests; in-flight ones finish; workers finish or hand back
    log.info("stopped", extra={"role": "serve"})
    return 0


async def _worker(
    settings: Settings, book: Phrasebook, count: int, ops_host: str, ops_port: int
) -> int:
    from aiohttp import web

    from bot.ops import create_ops_app
    from bot.priority import yield_cpu
    from bot.services import build_services
    from bot.worker import WorkerPool

    lowered = yield_cpu(settings.worker_nice)
    services = build_services(settings, phrasebook=book)
    problem = await _start_up(services, "worker", count)
    if problem:
        await services.close()
        return _refuse(problem, EXIT_UNAVAILABLE)
    _warm_engine(services.engine)
    ops = web.AppRunner(create_ops_app(services), access_log=None) if ops_port else None
    pool = WorkerPool(services, count, dedicated=True)
    try:
        if ops is not None:
            await ops.setup()
            try:
                await web.TCPSite(ops, ops_host, ops_port).start()
            except OSError as exc:
                if exc.errno != errno.EADDRINUSE:
                    raise
                # Another worker process on this host has the port (several workers side by
                # side scale out on one machine): this one works without its ops endpoints.
                log.warning("ops_port_in_use", extra={"port": ops_port})
                await ops.cleanup()
                ops = None
        _freeze_start_up_heap()
        pool.start()
        stop = _stop_event()
        log.info(
            "worker_started",
            extra={
                "consumers": count,
                "ops": f"{ops_host}:{ops_port}" if ops else "off",
                "nice": settings.worker_nice if lowered else 0,
            },
        )
        stopped = asyncio.create_task(stop.wait())
        running = asyncio.create_task(pool.wait())
        await asyncio.wait({stopped, running}, return_when=asyncio.FIRST_COMPLETED)
        stopped.cancel()
        grace = settings.shutdown_grace_seconds
        log.info("stopping", extra={"role": "worker", "grace_s": grace})
        clean = await pool.stop(grace)
        log.info("stopped", extra={"role": "worker", "clean": clean})
    finally:
        if ops is not None:
            await ops.cleanup()
        await services.close()
    return 0


async def _socket(settings: Settings, book: Phrasebook) -> int:
    from bot.app import create_app, socket_handler
    from bot.services import build_services
    from bot.worker import WorkerPool

    services = build_services(settings, phrasebook=book)
    count = max(1, settings.workers)
    problem = await _start_up(services, "socket", count)
    if problem:
        await services.close()
        return _refuse(problem, EXIT_UNAVAILABLE)
    handler = socket_handler(create_app(services), settings.secret("slack_app_token"))
    pool = WorkerPool(services, count)
    _freeze_start_up_heap()
    pool.start()
    stop = _stop_event()
    await handler.connect_async()  # type: ignore[no-untyped-call]
    await stop.wait()
    await handler.close_async()  # type: ignore[no-untyped-call]
    await pool.stop(settings.shutdown_grace_seconds)
    await services.close()
    return 0


async def _report(settings: Settings, book: Phrasebook, what: str) -> int:
    from bot.core.alert_report import Outcome, format_report, precision_by_cue
    from bot.core.learning import Knob
    from bot.core.tuning_report import format_learning
    from bot.flows.learning import learned_by_channel
    from bot.stores.store import Store

    store = Store.from_url(settings.redis_url, cluster=settings.redis_cluster)
    try:
        if what == "alerts":
            rows = await store.outcomes()
            outcomes = [o for o in (Outcome.from_json(r) for r in rows) if o is not None]
            print(format_report(precision_by_cue(outcomes)))
        else:
            counts = await store.feedback_counts()
            print(f"{'hint':60} {'used':>6} {'not_helpful':>12} {'snooze':>7}")
            for hint_id, c in counts.items():
                print(
                    f"{hint_id[:60]:60} {c.get('used', 0):>6} {c.get('not_helpful', 0):>12} "
                    f"{c.get('snooze', 0):>7}"
                )
        knob: Knob = "alert_shift" if what == "alerts" else "hint_shift"
        print()
        print(format_learning(await learned_by_channel(store), knob, book.coaching.policy.learning))
    finally:
        await store.close()
    return 0


CHANNEL_ID = re.compile(r"^[A-Z0-9][A-Z0-9_]{0,39}$")


async def _tune(settings: Settings, book: Phrasebook, args: argparse.Namespace) -> int:
    """`tune show [CHANNEL]`: what channels learned from answers; `tune reset CHANNEL`: back to
    the shipped judgement (logged and listed as a change)."""
    import time

    from bot.core.tuning_report import format_tuning
    from bot.flows.learning import TuningContended, learned_by_channel, reset_tuning
    from bot.stores.store import Store

    store = Store.from_url(settings.redis_url)
    bounds = book.coaching.policy.learning
    try:
        if args.tune_cmd == "show":
            chosen = [args.channel] if args.channel else None
            print(format_tuning(await learned_by_channel(store, chosen), bounds))
            return 0
        try:
            changes = await reset_tuning(store, args.channel, time.time())
        except TuningContended:
            return _refuse(f"tune reset: {args.channel} kept changing; try again", 1)
        if not changes:
            print(f"{args.channel}: nothing learned; it already uses the shipped judgement")
            return 0
        moved = ", ".join(
            f"{'hint' if c.knob == 'hint_shift' else 'alert'} bar {c.before:+.2f} -> 0"
            for c in changes
        )
        print(f"{args.channel}: back to the shipped judgement ({moved})")
        return 0
    finally:
        await store.close()


async def _deadletters(settings: Settings, args: argparse.Namespace) -> int:
    from bot.flows.replay import replay
    from bot.services import build_services
    from bot.stores.deadletters import describe

    if not settings.redis_url:
        return _refuse("dead letters live in Redis: set REDIS_URL")
    services = build_services(settings)
    try:
        if args.dl_cmd == "list":
            letters = await services.store.dead.newest(args.limit)
            for letter in letters:
                print(describe(letter))
            print(f"{len(letters)} dead letter(s) shown", file=sys.stderr)
            return 0
        chosen = (
            await services.store.dead.newest(10_000)
            if args.all
            else await services.store.dead.get(args.ids)
        )
        for letter in chosen:
            print(f"{letter.id}: {await replay(services, letter)}")
        return 0
    finally:
        await services.close()


def _parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(prog="undertone", description=__doc__)
    p.add_argument("--version", action="version", version=f"undertone {__version__}")
    sub = p.add_subparsers(dest="cmd", required=True)
    fmt = argparse.ArgumentDefaultsHelpFormatter
    serve = sub.add_parser(
        "serve",
        help="HTTP mode: POST /slack/events, GET /healthz, /readyz, /metrics",
        formatter_class=fmt,
    )
    serve.add_argument("--host", default="0.0.0.0", help="address to listen on")
    serve.add_argument("--port", type=int, default=3000, help="port to listen on")
    serve.add_argument(
        "--workers",
        type=int,
        default=None,
        help="in-process stream consumers (None: UNDERTONE_WORKERS, itself 1 by default; 0: none)",
    )
    worker = sub.add_parser(
        "worker", help="run stream consumers only (needs REDIS_URL)", formatter_class=fmt
    )
    worker.add_argument(
        "--count", type=int, default=2, help="stream consumers in this process (one task each)"
    )
    worker.add_argument("--ops-host", default="0.0.0.0", help="address of /healthz and /metrics")
    worker.add_argument(
        "--ops-port", type=int, default=3001, help="port of /healthz, /readyz, /metrics (0: off)"
    )
    sub.add_parser("socket", help="Socket Mode, for teams without a public URL")
    doctor = sub.add_parser(
        "doctor",
        help="check settings, the Slack app (token, scopes, channels) and Redis; say what to fix",
    )
    doctor.add_argument("--timeout", type=float, default=10.0, help="seconds for each remote check")
    health = sub.add_parser(
        "healthcheck",
        help="exit 0 when one of the URLs answers 200 (the container HEALTHCHECK)",
        formatter_class=fmt,
    )
    health.add_argument(
        "urls",
        nargs="*",
        default=["http://127.0.0.1:3000/healthz"],
        help="health endpoints to try in turn",
    )
    sub.add_parser(
        "keygen", help="print a new UNDERTONE_TOKEN_ENCRYPTION_KEY (many-workspace installs)"
    )
    ws = sub.add_parser("workspaces", help="list the workspaces Undertone is installed in (OAuth)")
    ws.add_argument(
        "--reencrypt",
        action="store_true",
        help="rewrite every stored installation with the first UNDERTONE_TOKEN_ENCRYPTION_KEY",
    )
    demo = sub.add_parser("demo", help="play realistic threads against a built-in fake Slack")
    demo.add_argument("--quiet", action="store_true", help="summary only")
    score = sub.add_parser(
        "score",
        help="predictions for a conversations file (JSON lines; format: docs/input-format.md)",
    )
    score.add_argument("file", type=Path)
    ev = sub.add_parser(
        "eval",
        help="metrics on a folder of conversation sets, beside the VADER peer "
        "(format: docs/input-format.md)",
    )
    ev.add_argument("folder", type=Path)
    ev.add_argument(
        "--sets", nargs="*", default=None, help="only these sets (file names up to the first dot)"
    )
    pb = sub.add_parser("phrasebook", help="phrasebook tools")
    pb_sub = pb.add_subparsers(dest="pb_cmd", required=True)
    check = pb_sub.add_parser("check", help="validate a team phrasebook folder")
    check.add_argument("dir", type=Path, nargs="?", default=None)
    report = sub.add_parser(
        "report",
        help="reports from stored answers and records, and what each channel learned from them "
        "(digest: needs REDIS_URL)",
    )
    report.add_argument("what", choices=["alerts", "hints", "digest"])
    report.add_argument("--days", type=int, default=7, help="digest: days back (default 7)")
    report.add_argument(
        "--png", type=Path, default=None, help="digest: write the chart here (needs matplotlib)"
    )
    report.add_argument("--until", default=None, help="digest: end of the window (default: now)")
    tune = sub.add_parser(
        "tune", help="what channels learned from answers, and undoing it (needs REDIS_URL)"
    )
    tune_sub = tune.add_subparsers(dest="tune_cmd", required=True)
    tune_show = tune_sub.add_parser("show", help="each channel's hint and alert bars and changes")
    tune_show.add_argument("channel", nargs="?", default=None, help="a channel id (default: all)")
    tune_reset = tune_sub.add_parser(
        "reset", help="put a channel back to the shipped judgement (logged as a change)"
    )
    tune_reset.add_argument("channel", help="a channel id, e.g. C0123ABCD")
    export = sub.add_parser(
        "export",
        help="after-thread records as CSV or JSON lines (fields: docs/records.md; needs REDIS_URL)",
    )
    export.add_argument(
        "--since", default="30d", help="a duration back (30d, 12h) or a date (default 30d)"
    )
    export.add_argument("--until", default=None, help="end of the window (default: now)")
    export.add_argument(
        "--format", choices=["csv", "jsonl"], default="jsonl", dest="fmt", help="default jsonl"
    )
    dead = sub.add_parser("deadletters", help="entries and effects given up on (needs REDIS_URL)")
    dead_sub = dead.add_subparsers(dest="dl_cmd", required=True)
    listing = dead_sub.add_parser("list", help="newest first: ids, kind, reason (never text)")
    listing.add_argument("--limit", type=int, default=50, help="how many to show")
    again = dead_sub.add_parser("replay", help="process dead-lettered entries again")
    again.add_argument("ids", nargs="*", default=[], help="dead-letter ids (from `list`)")
    again.add_argument("--all", action="store_true", help="every dead letter")
    return p


def _offline(args: argparse.Namespace) -> int:
    """Commands that need no settings: score, eval, phrasebook check."""
    from bot.convinput import InputError, eval_progress

    try:
        if args.cmd == "score":
            from bot.evaluation import score_main

            return score_main(args.file, sys.stdout)
        from bot.evaluation import eval_main

        with eval_progress(sys.stderr):
            return eval_main(args.folder, sys.stdout, args.sets)
    except InputError as exc:
        print(f"undertone {args.cmd}: {exc}", file=sys.stderr)
        print("  (the input format: docs/input-format.md)", file=sys.stderr)
        return 2


def _healthcheck(urls: list[str], timeout: float = 3.0) -> int:
    """0 when one URL answers 200 (serve on :3000, worker on :3001), else 1."""
    import urllib.error
    import urllib.request

    for url in urls:
        try:
            with urllib.request.urlopen(url, timeout=timeout) as resp:
                if resp.status == 200:
                    return 0
        except (urllib.error.URLError, OSError):
            continue
    print(f"undertone healthcheck: no answer from {', '.join(urls)}", file=sys.stderr)
    return 1


async def _workspaces(settings: Settings, *, reencrypt: bool = False) -> int:
    """The workspaces Undertone is installed in (many-workspace mode); `reencrypt` rewrites
    each with the newest key (after adding a key in front of the old one)."""
    from bot.slack.installs import build_installs
    from bot.stores.store import Store

    if not settings.oauth_enabled:
        print("single-workspace mode (SLACK_BOT_TOKEN): no OAuth installs to list")
        return 0
    store = Store.from_url(settings.redis_url, cluster=settings.redis_cluster)
    try:
        installs = build_installs(settings, store)
        vault = installs.installations.vault
        teams = await vault.teams()
        for team in teams:
            if reencrypt:
                for kind in ("bot", "installation"):
                    doc = await vault.get(kind, None, team)
                    if doc is not None:
                        await vault.put(kind, None, team, doc)
            bot = await installs.installations.async_find_bot(enterprise_id=None, team_id=team)
            expires = (
                ""
                if bot is None or not bot.bot_token_expires_at
                else (f" token rotates, expires at {bot.bot_token_expires_at}")
            )
            name = bot.team_name if bot is not None else "?"
            print(f"{team}  {name}{expires}")
        print(f"{len(teams)} workspace(s)")
    finally:
        await store.close()
    return 0


def _learning_command(settings: Settings, args: argparse.Namespace) -> int:
    """`report` and `tune`: they read the store and the team's learning bounds."""
    from phrasebook import PhrasebookError, load_phrasebook

    if args.cmd == "tune":
        if not settings.redis_url:
            return _refuse("tune: what channels learned lives in Redis: set REDIS_URL")
        if args.channel is not None and not CHANNEL_ID.match(args.channel):
            return _refuse("tune: give a channel id such as C0123ABCD (names are not looked up)")
    try:
        book = load_phrasebook(settings.phrasebook_dir)
    except PhrasebookError as exc:
        return _refuse(f"invalid phrasebook (UNDERTONE_PHRASEBOOK_DIR): {exc}")
    if args.cmd == "tune":
        configure_logging(settings.log_level, settings.log_json)  # a reset logs its changes
        return asyncio.run(_tune(settings, book, args))
    return asyncio.run(_report(settings, book, args.what))


def main(argv: list[str] | None = None) -> int:
    args = _parser().parse_args(argv)
    if args.cmd == "healthcheck":
        return _healthcheck(args.urls)
    if args.cmd == "keygen":
        from bot.stores.installations import TokenCipher

        print(TokenCipher.new_key())
        return 0
    if args.cmd in ("score", "eval"):
        return _offline(args)
    if args.cmd == "phrasebook":
        from phrasebook.check import check_main

        return check_main(args.dir, sys.stdout)
    if args.cmd == "demo":
        from bot.demo import run_demo

        configure_logging("WARNING", json_lines=False)
        return asyncio.run(run_demo(quiet=args.quiet))
    try:
        settings = load_settings()
    except ValidationError as exc:
        return _refuse(describe_error(exc))
    if args.cmd == "report" and args.what == "digest":
        from bot.reports import digest_main

        return asyncio.run(digest_main(settings, args.days, args.png, args.until))
    if args.cmd in ("report", "tune"):
        return _learning_command(settings, args)
    if args.cmd == "export":
        from bot.reports import export_main

        return asyncio.run(export_main(settings, args.since, args.until, args.fmt))
    if args.cmd == "deadletters":
        if args.dl_cmd == "replay" and not (args.ids or args.all):
            return _refuse("deadletters replay: give dead-letter ids, or --all")
        return asyncio.run(_deadletters(settings, args))
    if args.cmd == "doctor":
        from bot.doctor import run_doctor

        return asyncio.run(run_doctor(settings, sys.stdout, timeout=args.timeout))
    if args.cmd == "workspaces":
        return asyncio.run(_workspaces(settings, reencrypt=args.reencrypt))
    token = "token_encryption_key" if settings.oauth_enabled else "slack_bot_token"
    needs = {
        "serve": (token, "slack_signing_secret"),
        "worker": (token,),
        "socket": ("slack_bot_token", "slack_app_token"),
    }
    problem = _missing_secrets(settings, *needs[args.cmd]) or _setup_problem(
        args.cmd, settings, getattr(args, "workers", None)
    )
    if problem:
        return _refuse(problem)
    from phrasebook import PhrasebookError, load_phrasebook

    try:
        book = load_phrasebook(settings.phrasebook_dir)  # checked before anything starts
    except PhrasebookError as exc:
        return _refuse(f"invalid phrasebook (UNDERTONE_PHRASEBOOK_DIR): {exc}")
    configure_logging(settings.log_level, settings.log_json)
    try:
        if args.cmd == "serve":
            return asyncio.run(_serve(settings, book, args.host, args.port, args.workers))
        if args.cmd == "worker":
            return asyncio.run(_worker(settings, book, args.count, args.ops_host, args.ops_port))
        return asyncio.run(_socket(settings, book))
    except KeyboardInterrupt:
        return 0
    except Exception:
        log_crash(log, f"{args.cmd}_crashed")  # one parseable line, not a bare traceback
        return 1


if __name__ == "__main__":
    sys.exit(main())
