"""`cvjudge`: the grading commands plus `serve` and `init-db` for the web app."""
import argparse
import getpass
import logging
import secrets
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
    commands.add_parser("init-db", help="create or upgrade the database schema")
    user_cmd = commands.add_parser("create-user", help="create an account (asks for the password)")
    user_cmd.add_argument("username")
    user_cmd.add_argument("--admin", action="store_true")
    token_cmd = commands.add_parser("create-token", help="print a new API token for an account")
    token_cmd.add_argument("username")
    token_cmd.add_argument("--name", default="cli", help="what the token is for (default: cli)")
    commands.add_parser("questions", help="validate and list the conceptual questions")
    images_cmd = commands.add_parser("compose-images",
                                     help="build the compose stack's images and record them in .env")
    images_cmd.add_argument("--force", action="store_true")
    images_cmd.add_argument("--env-file", default=".env", help="where to record them (default .env)")
    handlers.update({"serve": cmd_serve, "init-db": cmd_init_db, "create-user": cmd_create_user,
                     "create-token": cmd_create_token, "questions": cmd_questions,
                     "compose-images": cmd_compose_images})
    check_challenges = handlers["check"]
    handlers["check"] = lambda args: cmd_questions(args) or check_challenges(args)
    args = parser.parse_args(argv)
    return handlers[args.command](args)


def cmd_init_db(_args) -> int:
    from web.config import from_environment
    from web.migrate import upgrade
    url = from_environment()["DATABASE_URL"]
    upgrade(url)
    print(f"database ready: {url}")
    return 0


def cmd_questions(_args) -> int:
    """Load every question strictly; print one line each, or the first error (exit 1).

    `cvjudge check` runs this before checking the challenges in Docker.
    """
    from judge.catalogue import load_catalogue
    from web.config import from_environment
    from web.questions import QUESTIONS_DIR, QuestionError, load_questions
    from pathlib import Path
    root = Path(from_environment()["QUESTIONS_DIR"] or QUESTIONS_DIR)
    try:
        questions = load_questions(root, set(load_catalogue()))
    except QuestionError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 1
    for question in questions.values():
        print(f"{question.section:30} {question.id:40} {len(question.answer.split()):4} words")
    print(f"{len(questions)} questions in {root}")
    return 0


def cmd_create_user(args) -> int:
    from web import create_app
    from web.accounts import create_user, find_user
    app = create_app()
    password = getpass.getpass(f"password for {args.username}: ")
    with app.app_context():
        if find_user(args.username):
            print(f"{args.username} exists already", file=sys.stderr)
            return 2
        create_user(args.username, password, "admin" if args.admin else "member")
    print(f"created {args.username}")
    return 0


def cmd_create_token(args) -> int:
    """Print only the token on stdout, so scripts can capture it."""
    from web import create_app
    from web.accounts import find_user, new_api_token
    app = create_app()
    with app.app_context():
        user = find_user(args.username)
        if user is None:
            print(f"no account named {args.username}", file=sys.stderr)
            return 2
        print(new_api_token(user, args.name[:64]))
    return 0


def cmd_compose_images(args) -> int:
    from pathlib import Path
    from web import images
    env_file = Path(args.env_file)
    chosen = images.images_to_keep(images.read_env(env_file))
    try:
        built = images.build_stack_images(force=args.force, keep=chosen)
    except RuntimeError as exc:
        print(f"cvjudge: {exc}", file=sys.stderr)
        return 1
    images.write_env(env_file, built, images.docker_socket_gid())
    print(f"recorded in {env_file}: " + ", ".join(f"{key}={value}" for key, value in built.items()))
    return 0


def ensure_demo_accounts(app) -> list[str]:
    """Reset the demo member's password, and create an admin when there is none."""
    from sqlalchemy import select
    from web.accounts import create_user, find_user
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
    from web.migrate import upgrade
    from web.worker import InProcessPool
    import web.worker

    app = create_app()
    upgrade(app.config["DATABASE_URL"])
    workers = args.workers if args.workers is not None else app.config["WORKERS"]
    pool = InProcessPool(app.extensions["cvjudge.db"], app.extensions["cvjudge.catalogue"].challenges,
                         workers)
    web.worker.init_app(app, pool)
    pool.start()
    banner = [f"cvjudge on http://{args.host}:{args.port}  ({workers} grading threads, "
              f"database {app.config['DATABASE_URL']})"]
    if args.demo:
        banner += ensure_demo_accounts(app)
    print("\n".join(["", *banner, ""]), flush=True)
    try:
        serve(app, host=args.host, port=args.port, threads=8, ident="cvjudge")
    finally:
        pool.stop()
    return 0


if __name__ == "__main__":
    sys.exit(main())
