"""`cvjudge`: grade a file from the terminal, list and check the catalogue, build the image."""
import argparse
import contextlib
import json
import sys
from pathlib import Path

EXIT_OK, EXIT_JUDGE_FAILURE, EXIT_USAGE = 0, 1, 2


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(prog="cvjudge", description=__doc__)
    handlers = add_commands(parser.add_subparsers(dest="command", required=True))
    args = parser.parse_args(argv)
    return dispatch(handlers, args)


def dispatch(handlers: dict, args) -> int:
    """Run the chosen command; a missing Docker engine ends it with one line, exit 1."""
    from judge.docker_engine import NoEngine, explain, is_engine_error

    try:
        return handlers[args.command](args)
    except Exception as exc:
        if not is_engine_error(exc):
            raise
        print(f"cvjudge {args.command}: {exc if isinstance(exc, NoEngine) else explain(exc)}",
              file=sys.stderr)
        return EXIT_JUDGE_FAILURE


def require_engine() -> None:
    """Stop before grading when no engine answers (grade() would report internal_error)."""
    from judge.docker_engine import connect

    connect().close()


def add_commands(commands) -> dict:
    """Register the grading commands on an argparse subparsers object; returns the handlers."""
    grade_cmd = commands.add_parser("grade", help="grade a solution file against a challenge")
    grade_cmd.add_argument("challenge")
    grade_cmd.add_argument("file")
    grade_cmd.add_argument("--json", action="store_true", help="print one JSON object")
    grade_cmd.add_argument("--seed", type=int, help="reproduce a run with its seed")
    commands.add_parser("challenges", help="list the challenges")
    check_cmd = commands.add_parser("check", help="check challenges in the sandbox: examples, "
                                    "reference accepted, starter rejected, solutions' verdicts")
    check_cmd.add_argument("ids", nargs="*", help="challenge ids (default: all)")
    check_cmd.add_argument("--seed", type=int, default=0)
    new_cmd = commands.add_parser("new", help="scaffold a challenge folder (see docs/authoring.md)")
    new_cmd.add_argument("id")
    new_cmd.add_argument("--dir", help="where (default: the challenges folder)")
    image_cmd = commands.add_parser("image", help="build the sandbox image if needed")
    image_cmd.add_argument("--force", action="store_true")
    commands.add_parser("cleanup", help="remove leftover sandbox containers")
    return {"grade": cmd_grade, "challenges": cmd_challenges, "check": cmd_check,
            "new": cmd_new, "image": cmd_image, "cleanup": cmd_cleanup}


def cmd_grade(args) -> int:
    from judge.catalogue import load_catalogue
    from judge.engine import grade
    from judge.verdicts import Verdict

    catalogue = load_catalogue()
    challenge = catalogue.get(args.challenge)
    if challenge is None:
        print(f"cvjudge: unknown challenge {args.challenge!r}; known: {', '.join(catalogue)}",
              file=sys.stderr)
        return EXIT_USAGE
    try:
        source = Path(args.file).read_bytes().decode("utf-8")
    except OSError as exc:
        print(f"cvjudge: cannot read {args.file}: {exc.strerror or exc}", file=sys.stderr)
        return EXIT_USAGE
    except UnicodeDecodeError:
        print(f"cvjudge: {args.file} is not UTF-8 text", file=sys.stderr)
        return EXIT_USAGE
    require_engine()
    with contextlib.redirect_stdout(sys.stderr):  # stdout carries only the result
        result = grade(challenge, source, seed=args.seed)
    if args.json:
        print(json.dumps(result.to_dict(), allow_nan=False))
    else:
        print(format_result(result))
    return EXIT_JUDGE_FAILURE if result.verdict is Verdict.INTERNAL_ERROR else EXIT_OK


def format_result(result) -> str:
    lines = [f"{result.challenge}: {result.verdict.value}  score {result.score}/100"]
    if not result.accepted and result.message:
        lines.append(f"  {result.message}")
    for prop in result.properties:
        mark = "PASS" if prop.passed else "FAIL"
        detail = "" if prop.passed else f": {prop.message}"
        lines.append(f"  [{mark}] {prop.name} (weight {prop.weight}){detail}")
    example = result.counterexample
    if example:
        from judge.literal import python_literal

        lines.append(f"  smallest failing input ({example.property}"
                     f"{'' if example.shrunk else ', not shrunk'}):")
        for name, value in example.inputs.items():
            lines.append(f"    {name} = {python_literal(value)}")
        lines.append(f"    expected: {python_literal(example.expected)}")
        lines.append(f"    got:      {python_literal(example.got) if example.answered else 'no answer'}")
        if example.hint:
            lines.append(f"  hint: {example.hint}")
        if example.also_failed:
            lines.append(f"  also failing: {', '.join(example.also_failed)}")
    if result.time_limit_s is not None and result.slowest_timed_call_s is not None:
        from judge.limits import limit_text

        lines.append(f"  timing: slowest timed call ({result.timed_size}) "
                     f"{result.slowest_timed_call_s:.3f} s, limit "
                     f"{limit_text(result.reference_time_limit_s, result.speed_factor, timed=True)}")
    lines.append(f"  seed {result.seed}, {result.calls} calls, {result.duration_s:.2f} s "
                 f"(container start {result.container_start_s:.2f} s)")
    return "\n".join(lines)


def cmd_challenges(args) -> int:
    from judge.catalogue import load_catalogue

    for challenge in load_catalogue().values():
        print(f"{challenge.id:10} {challenge.difficulty:7} {challenge.title}  "
              f"[{', '.join(challenge.tags)}]")
    return EXIT_OK


def cmd_check(args) -> int:
    from judge.check import check_catalogue

    require_engine()
    with contextlib.redirect_stdout(sys.stderr):
        problems = check_catalogue(seed=args.seed, log=lambda m: print(m, file=sys.stderr),
                                   only=args.ids)
    for problem in problems:
        print(f"FAIL {problem}")
    print("catalogue OK" if not problems else f"{len(problems)} problem(s)")
    return EXIT_OK if not problems else EXIT_JUDGE_FAILURE


def cmd_new(args) -> int:
    from judge.catalogue import CHALLENGES_DIR, CatalogueError
    from judge.scaffold import scaffold

    try:
        folder = scaffold(Path(args.dir) if args.dir else CHALLENGES_DIR, args.id)
    except (ValueError, CatalogueError, OSError) as exc:
        print(f"cvjudge: {exc}", file=sys.stderr)
        return EXIT_USAGE
    print(f"created {folder}: write reference.py, then run `cvjudge check {args.id}` "
          "(docs/authoring.md walks through the rest)")
    return EXIT_OK


def cmd_image(args) -> int:
    from judge.docker_engine import connect
    from judge.image import build_image

    build_image(connect(), force=args.force)
    return EXIT_OK


def cmd_cleanup(args) -> int:
    from judge.docker_engine import connect
    from judge.sandbox import remove_leftovers

    print(f"removed {remove_leftovers(connect())} leftover sandbox container(s)")
    return EXIT_OK


if __name__ == "__main__":
    sys.exit(main())
