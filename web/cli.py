"""`cvjudge`: the grading commands plus `serve`, `worker`, `status` and `init-db` for the web app."""
import argparse
import getpass
import json
import logging
import secrets
import signal
import sys

from judge import cli as judge_cli

log = logging.getLogger("cvjudge")


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(prog="cvjudge", description=__doc__)
    commands = parser.add_subparsers(dest="command", required=True)
    handlers = judge_cli.add_commands(commands)
    serve_cmd = commands.add_parser("serve", help="run the web app with in-process graders")
    serve_cmd.add_argument("--host", default="127.0.0.1")
    serve_cmd.add_argument("--port", type=int, default=5000)
    serve_cmd.add_argument("--workers", type=int, help="grading threads (default CVJUDGE_WORKERS or 2)")
    serve_cmd.add_argument("--demo", action="store_true",
                           help="create the demo account (new password printed at each start)")
    worker_cmd = commands.add_parser("worker", help="grade submissions from the Celery queue "
                                     "(needs CVJUDGE_BROKER_URL and a Docker engine)")
    worker_cmd.add_argument("--concurrency", type=int,
                            help="submissions graded at once (default CVJUDGE_WORKER_CONCURRENCY "
                                 "or the number of CPUs)")
    worker_cmd.add_argument("--name", help="worker name (default cvjudge-<pid>@<host>)")
    worker_cmd.add_argument("--lane", choices=["all", "interactive"], default="all",
                            help="all (default): both lanes, plus CVJUDGE_INTERACTIVE_WORKERS "
                                 "processes in a second worker that only take Run examples and "
                                 "interview work; interactive: only those")
    status_cmd = commands.add_parser("status", help="queue depth, workers seen, oldest waiting")
    status_cmd.add_argument("--json", action="store_true", help="one JSON object on stdout")
    status_cmd.add_argument("--expect-worker", metavar="NAME",
                            help="also fail unless the worker NAME answers (a health check)")
    commands.add_parser("init-db", help="create or upgrade the database schema")
    user_cmd = commands.add_parser("create-user", help="create an account (asks for the password)")
    user_cmd.add_argument("username")
    user_cmd.add_argument("--admin", action="store_true")
    token_cmd = commands.add_parser("create-token", help="print a new API token for an account")
    token_cmd.add_argument("username")
    token_cmd.add_argument("--name", default="cli", help="what the token is for (default: cli)")
    token_cmd.add_argument("--scopes", nargs="+", default=["read", "submit"],
                           choices=["read", "submit", "admin"],
                           help="what it may do (default: read submit; admin for admins only)")
    commands.add_parser("questions", help="validate and list the conceptual questions")
    images_cmd = commands.add_parser("compose-images",
                                     help="build the compose stack's images and record them in .env")
    images_cmd.add_argument("--force", action="store_true")
    images_cmd.add_argument("--env-file", default=".env", help="where to record them (default .env)")
    handlers.update({"serve": cmd_serve, "worker": cmd_worker, "status": cmd_status,
                     "init-db": cmd_init_db, "create-user": cmd_create_user,
                     "create-token": cmd_create_token, "questions": cmd_questions,
                     "compose-images": cmd_compose_images})
    check_challenges = handlers["check"]
    # the whole catalogue: questions too (each challenge needs one); named ids: those alone
    handlers["check"] = lambda args: (not args.ids and cmd_questions(args, True)) or check_challenges(args)
    args = parser.parse_args(argv)
    return judge_cli.dispatch(handlers, args)


def cmd_init_db(_args) -> int:
    from web.config import from_environment
    from web.db import shown_url
    from web.migrate import upgrade
    url = from_environment()["DATABASE_URL"]
    upgrade(url)
    print(f"database ready: {shown_url(url)}")
    return 0


def cmd_questions(args, require_every_challenge: bool = False) -> int:
    """Load every question strictly; print one line each, or the first error (exit 1).

    `cvjudge check` runs this before checking the challenges in Docker, and then also
    requires every challenge to have a conceptual question linked to it.
    """
    from pathlib import Path

    from judge.catalogue import load_catalogue
    from web.config import from_environment
    from web.study.questions import QUESTIONS_DIR, QuestionError, load_questions
    root = Path(from_environment()["QUESTIONS_DIR"] or QUESTIONS_DIR)
    challenge_ids = set(load_catalogue())
    try:
        questions = load_questions(root, challenge_ids)
    except QuestionError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 1
    unexplained = sorted(challenge_ids - {cid for q in questions.values() for cid in q.related})
    if require_every_challenge and unexplained:
        print(f"error: challenge {unexplained[0]!r} has no conceptual question (a question in "
              f"{root} with `related: [{unexplained[0]}]`)", file=sys.stderr)
        return 1
    for question in questions.values():
        print(f"{question.section:30} {question.id:40} {len(question.answer.split()):4} words")
    print(f"{len(questions)} questions in {root}")
    return 0


def cmd_create_user(args) -> int:
    """The same rules as the sign-up form: name, look-alikes, common passwords."""
    from web import create_app
    from web.accounts.users import find_user, register_user
    from web.errors import Refused
    app = create_app()
    password = getpass.getpass(f"password for {args.username}: ")
    with app.app_context():
        if find_user(args.username):
            print(f"{args.username} exists already", file=sys.stderr)
            return 2
        try:
            register_user(args.username, password, "admin" if args.admin else "member")
        except Refused as refusal:
            print(f"cvjudge: {refusal.message}", file=sys.stderr)
            return 2
    print(f"created {args.username}")
    return 0


def cmd_create_token(args) -> int:
    """Print only the token on stdout, so scripts can capture it."""
    from web import create_app
    from web.accounts.users import find_user, new_api_token
    from web.errors import Refused
    app = create_app()
    with app.app_context():
        user = find_user(args.username)
        if user is None:
            print(f"no account named {args.username}", file=sys.stderr)
            return 2
        try:
            print(new_api_token(user, args.name[:64], args.scopes))
        except Refused as refusal:
            print(f"cvjudge: {refusal.message}", file=sys.stderr)
            return 2
    return 0


def cmd_compose_images(args) -> int:
    from pathlib import Path

    from judge.docker_engine import connect
    from web import compose_images as images
    env_file = Path(args.env_file)
    chosen = images.images_to_keep(images.read_env(env_file))
    client = connect()
    try:
        built = images.build_stack_images(client, force=args.force, keep=chosen)
    except RuntimeError as exc:
        print(f"cvjudge: {exc}", file=sys.stderr)
        return 1
    images.write_env(env_file, built, images.docker_socket_gid())
    print(f"recorded in {env_file}: " + ", ".join(f"{key}={value}" for key, value in built.items()))
    return 0


def ensure_demo_accounts(app) -> list[str]:
    """Reset the demo member's password, and create an admin when there is none."""
    from sqlalchemy import select

    from web.accounts.users import create_user, find_user
    from web.db import db
    from web.models import User
    from web.security import hash_password
    lines = []
    with app.app_context():
        password = secrets.token_urlsafe(9)
        demo = find_user("demo")
        if demo is None:
            create_user("demo", password)
        else:
            demo.password_hash, demo.active = hash_password(password), True
            db().commit()
        lines.append(f"demo account:  demo / {password}")
        if db().scalar(select(User).where(User.role == "admin").limit(1)) is None:
            admin_password = secrets.token_urlsafe(12)
            create_user("admin", admin_password, "admin")
            lines.append(f"admin account: admin / {admin_password}  (shown once; keep it)")
    return lines


def cmd_serve(args) -> int:
    from waitress import serve

    from web import create_app
    from web.db import shown_url
    from web.grading.thread_pool import start_pool
    from web.links import listening_url
    from web.migrate import upgrade

    app = create_app()
    app.config["BASE_URL"] = app.config.get("BASE_URL") or listening_url(args.host, args.port)
    if not app.config["BROKER_URL"]:  # this process grades: its sandboxes need the engine
        judge_cli.require_engine()
    upgrade(app.config["DATABASE_URL"])
    pool = None
    if app.config["BROKER_URL"]:
        grading = f"grading by `cvjudge worker` via {shown_url(app.config['BROKER_URL'])}"
    else:
        workers = args.workers if args.workers is not None else app.config["WORKERS"]
        pool = start_pool(app, workers)
        grading = f"{workers} grading threads"
    banner = [f"cvjudge on http://{args.host}:{args.port}  ({grading}, "
              f"database {shown_url(app.config['DATABASE_URL'])})"]
    if args.demo:
        banner += ensure_demo_accounts(app)
    print("\n".join(["", *banner, ""]), flush=True)
    # a SIGTERM (docker stop, a supervisor, the tests) ends like Ctrl-C: through `finally`, so
    # the grading threads' warm sandboxes are removed instead of left behind, exited
    signal.signal(signal.SIGTERM, lambda *_: sys.exit(0))
    try:
        serve(app, host=args.host, port=args.port, threads=8, ident="cvjudge")
    finally:
        if pool is not None:
            pool.stop()
    return 0


def cmd_worker(args) -> int:
    """Check the database, Docker and the sandbox image, then grade until stopped."""
    from pathlib import Path

    from judge.catalogue import load_catalogue
    from web.config import from_environment
    from web.db import shown_url
    from web.grading.celery_worker import run_worker
    from web.logs import configure

    configure()
    config = from_environment()
    if not config["BROKER_URL"]:
        print("cvjudge worker: set CVJUDGE_BROKER_URL (e.g. redis://localhost:6379/0); without "
              "a broker `cvjudge serve` grades in its own threads", file=sys.stderr)
        return 2
    problem = worker_preflight(config)
    if problem:
        print(f"cvjudge worker: {problem}", file=sys.stderr)
        return 1
    root = config["CHALLENGES_DIR"]
    challenges = load_catalogue(Path(root) if root else None)
    concurrency = args.concurrency or config["WORKER_CONCURRENCY"]
    lanes = ("interactive",) if args.lane == "interactive" else ("interactive", "practice")
    log.info("worker: %d grading processes for %s, %d challenges, broker %s, database %s",
             concurrency, "+".join(lanes), len(challenges), shown_url(config["BROKER_URL"]),
             shown_url(config["DATABASE_URL"]))
    helper = None
    if args.lane == "all" and config["INTERACTIVE_WORKERS"] > 0:
        helper = start_interactive_worker(args.name, config["INTERACTIVE_WORKERS"])
    try:
        return run_worker(config, challenges, concurrency=concurrency, name=args.name,
                          lanes=lanes)
    finally:
        if helper is not None:
            helper.terminate()
            helper.wait(60)
        _remove_orphans_at_exit()


def _remove_orphans_at_exit() -> None:
    """The grading processes have exited: remove the warm sandboxes any of them could not
    close (a child stopped before its shutdown hook ran), rather than leave them to the
    engine after `compose down`."""
    from judge.sandbox import remove_orphans
    try:
        removed = remove_orphans()
    except Exception:  # the engine may be going away too: never block the exit
        log.exception("removing orphaned sandboxes at exit failed")
        return
    if removed:
        log.info("worker: removed %d sandbox(es) left by its grading processes", removed)


def start_interactive_worker(name: str | None, concurrency: int):
    """A second worker beside this one taking only the interactive lane, so Run examples and
    interview work never wait behind practice submissions (it stops with this one)."""
    import socket
    import subprocess

    from web.grading.celery_worker import default_name
    base = name or default_name()
    node, _, host = base.partition("@")
    return subprocess.Popen([sys.executable, "-m", "web.cli", "worker", "--lane", "interactive",
                             "--concurrency", str(concurrency),
                             "--name", f"{node}-interactive@{host or socket.gethostname()}"])


def worker_preflight(config: dict) -> str | None:
    """What stops this machine from grading, as a sentence; None when all is ready."""
    from sqlalchemy import text

    from judge.docker_engine import NoEngine, connect
    from judge.image import build_image
    from web.db import Database
    database = Database(config["DATABASE_URL"], pool_size=1, max_overflow=0)
    try:
        with database.engine.connect() as connection:
            connection.execute(text("SELECT version_num FROM alembic_version"))
    except Exception as exc:
        return f"the database is not ready ({type(exc).__name__}); run `cvjudge init-db` first"
    finally:
        database.engine.dispose()
    try:
        client = connect()
    except NoEngine as exc:
        return str(exc)
    try:
        build_image(client, log=log.info)  # a no-op when the image is up to date
    except Exception as exc:
        return (f"the sandbox image is missing and could not be built ({type(exc).__name__}: "
                f"{exc}); build it with `cvjudge image` or set CVJUDGE_SANDBOX_IMAGE")
    finally:
        client.close()
    return None


def cmd_status(args) -> int:
    from web.config import from_environment
    from web.db import Database
    from web.grading.dispatch import BrokerQueue
    from web.grading.queue_status import describe, queue_status

    config = from_environment()
    database = Database(config["DATABASE_URL"], pool_size=1, max_overflow=0)
    broker = BrokerQueue(config) if config["BROKER_URL"] else None
    try:
        status = queue_status(database, broker, lease_s=config["LEASE_S"])
    finally:
        database.engine.dispose()
    print(json.dumps(status, indent=2) if args.json else describe(status))
    healthy = status["database"]["ok"] and status.get("broker", {"ok": True})["ok"]
    if args.expect_worker and args.expect_worker not in status.get("broker", {}).get("workers", []):
        print(f"worker {args.expect_worker} did not answer", file=sys.stderr)
        healthy = False
    return 0 if healthy else 1


if __name__ == "__main__":
    sys.exit(main())
