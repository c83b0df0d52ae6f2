"""The `undertone` command: serve, worker, socket, demo, doctor, score, eval, phrasebook check,
report."""

from __future__ import annotations

import argparse
import asyncio
import logging
import sys
from pathlib import Path

from bot import __version__
from bot.config import Settings, load_settings
from bot.logsetup import configure_logging, log_crash

log = logging.getLogger("undertone.main")


def _require(settings: Settings, *names: str) -> None:
    missing = [n.upper() for n in names if not settings.secret(n)]
    if missing:
        sys.exit(f"undertone: missing settings: {', '.join(missing)} (see .env.example)")


async def _serve(settings: Settings, host: str, port: int, workers: int | None) -> None:
    from aiohttp import web

    from bot.app import create_web_app
    from bot.services import build_services

    services = build_services(settings)
    runner = web.AppRunner(create_web_app(services, workers=workers), access_log=None)
    await runner.setup()
    await web.TCPSite(runner, host, port).start()
    log.info(
        "serving",
        extra={"url": f"http://{host}:{port}/slack/events", "version": __version__},
    )
    try:
        await asyncio.Event().wait()
    finally:
        await runner.cleanup()


async def _worker(settings: Settings, count: int, ops_host: str, ops_port: int) -> None:
    from aiohttp import web

    from bot.ops import create_ops_app
    from bot.services import build_services
    from bot.worker import run_workers

    services = build_services(settings)
    ops = web.AppRunner(create_ops_app(services), access_log=None) if ops_port else None
    try:
        if ops is not None:
            await ops.setup()
            await web.TCPSite(ops, ops_host, ops_port).start()
        log.info(
            "worker_started",
            extra={"consumers": count, "ops": f"{ops_host}:{ops_port}" if ops else "off"},
        )
        await run_workers(services, count)
    finally:
        if ops is not None:
            await ops.cleanup()
        await services.close()


async def _socket(settings: Settings) -> None:
    from bot.app import create_app, socket_handler
    from bot.services import build_services
    from bot.worker import run_workers

    services = build_services(settings)
    app = create_app(services)
    handler = socket_handler(app, settings.secret("slack_app_token"))
    workers = asyncio.create_task(run_workers(services, max(1, settings.workers)))
    try:
        await handler.start_async()  # type: ignore[no-untyped-call]
    finally:
        workers.cancel()
        await services.close()


async def _report(settings: Settings, what: str) -> int:
    from bot.core.alert_report import Outcome, format_report, precision_by_cue
    from bot.stores.store import Store

    store = Store.from_url(settings.redis_url)
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
    finally:
        await store.close()
    return 0


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
    report = sub.add_parser("report", help="reports from stored outcomes")
    report.add_argument("what", choices=["alerts", "hints"])
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
    store = Store.from_url(settings.redis_url)
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
    settings = load_settings()
    if args.cmd == "report":
        return asyncio.run(_report(settings, args.what))
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
    _require(settings, *needs[args.cmd])
    configure_logging(settings.log_level, settings.log_json)
    try:
        if args.cmd == "serve":
            asyncio.run(_serve(settings, args.host, args.port, args.workers))
        elif args.cmd == "worker":
            asyncio.run(_worker(settings, args.count, args.ops_host, args.ops_port))
        else:
            asyncio.run(_socket(settings))
    except KeyboardInterrupt:
        return 0
    except Exception:
        log_crash(log, f"{args.cmd}_crashed")  # one parseable line, not a bare traceback
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
