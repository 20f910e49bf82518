"""Load and strictly validate the challenge folders under `challenges/`.

A challenge is one folder whose name is its id (for new challenges, also its function's name):

    challenge.toml   metadata, checked against challenges/challenge.schema.json
    statement.md     the statement; its Contract block holds the function's def line
    starter.py       what the editor starts with (must be rejected by the judge)
    reference.py     the trusted answer, run on the host
    properties.py    PROPERTIES: the hidden, named, weighted hypothesis checks; optionally
                     check_input(...), the rule a typed custom input must follow
    examples.json    the visible examples
    solutions/       correct_*.py and wrong_*.py (with `# expect: <verdict>`)
    compare.py       optional: a comparator for `[compare] kind = "custom"`
    figure.py        optional: this challenge's own counterexample drawer

The function's signature is written in the starter, the reference, the statement and the
parameter table; the loader checks that they agree. Every mistake is reported with the file
(and the key or line) it is in, so a bad folder fails loudly at start-up and in the tests.
"""
import ast
import importlib.util
import inspect
import json
import os
import re
import tomllib
from dataclasses import dataclass, replace
from functools import lru_cache
from pathlib import Path
from types import MappingProxyType

from judge import comparators, figures
from judge import params as param_kinds
from judge.properties import Property
from judge.verdicts import Verdict

CHALLENGES_DIR = Path(os.environ.get("CVJUDGE_CHALLENGES",
                                     Path(__file__).resolve().parent.parent / "challenges"))
SCHEMA_PATH = Path(__file__).resolve().parent.parent / "challenges" / "challenge.schema.json"
REQUIRED_FILES = ("challenge.toml", "statement.md", "starter.py", "reference.py",
                  "properties.py", "examples.json")
ID_PATTERN = re.compile(r"[a-z][a-z0-9_]*")
EXPECT_LINE = re.compile(r"^# expect: (\w+)\s*$", re.MULTILINE)
DEF_LINE = re.compile(r"^def (\w+)\(")
SOLUTION_VERDICTS = {v.value for v in Verdict} - {Verdict.INTERNAL_ERROR.value}


class CatalogueError(ValueError):
    """A challenge folder that does not follow the format."""


@dataclass(frozen=True)
class ChallengeLimits:
    memory_mb: int = 256
    call_timeout_s: float = 2.0  # nominal CPU seconds any single call may take before a kill
    budget_s: float = 120.0  # wall seconds for the whole grading run


@dataclass(frozen=True)
class Example:
    args: tuple
    expected: object
    explanation: str


@dataclass(frozen=True)
class Solution:
    """A held-in solution and the verdict it must get."""
    path: Path
    expected: str  # a Verdict value; "accepted" for correct_*.py

    @property
    def correct(self) -> bool:
        return self.expected == Verdict.ACCEPTED.value


@dataclass(frozen=True)
class Challenge:
    id: str
    title: str
    difficulty: str
    tags: tuple
    function: str
    signature: str  # "nms(boxes, scores, iou_threshold)", as the starter's def line has it
    params: MappingProxyType  # parameter name -> kind (judge/params.py), in signature order
    compare: object  # comparator: compare(expected, got, args) -> message | None
    compare_spec: MappingProxyType
    limits: ChallengeLimits
    statement: str
    starter: str
    reference_source: str
    reference: object
    properties: tuple
    examples: tuple
    path: Path
    figure: figures.Figure | None = None
    solutions: tuple = ()
    inputs_unchanged: bool = False  # the contract forbids changing arguments in place
    check_input: object = None  # properties.py's check_input(*args) -> problem or None

    def named_args(self, args: tuple) -> dict:
        return dict(zip(self.params, args))


def load_catalogue(root: Path | None = None) -> dict[str, Challenge]:
    """Every challenge under `root`, by id; folders starting with `_` or `.` are skipped."""
    root = Path(root or CHALLENGES_DIR)
    challenges = {}
    for folder in sorted(root.iterdir()):
        if folder.is_dir() and not folder.name.startswith(("_", ".")):
            challenges[folder.name] = load_challenge(folder)
    if not challenges:
        raise CatalogueError(f"{root}: no challenges found")
    return challenges


def load_challenge(folder: Path) -> Challenge:
    folder = Path(folder)
    if not ID_PATTERN.fullmatch(folder.name):
        raise CatalogueError(f"{folder}: id must match {ID_PATTERN.pattern}")
    missing = [name for name in REQUIRED_FILES if not (folder / name).is_file()]
    if missing:
        raise CatalogueError(f"{folder}: missing {', '.join(missing)}")
    where = folder / "challenge.toml"
    meta = _read_toml(where)
    _check_schema(meta, where)
    function = meta["function"]
    name = function["name"]  # new challenges use their id (the first four predate the rule)
    params = dict(function["params"])
    statement, starter = _nonempty_text(folder / "statement.md"), _nonempty_text(folder / "starter.py")
    signature = _check_signatures(folder, name, list(params))
    try:
        compare = comparators.build(meta["compare"], tuple(params), folder)
    except comparators.ComparatorError as exc:
        raise CatalogueError(f"{where}: {exc}") from None
    properties, check_input = _check_properties(folder / "properties.py", folder.name, list(params))
    reference = getattr(_import(folder / "reference.py", f"{folder.name}_reference"), name, None)
    if not callable(reference):
        raise CatalogueError(f"{folder / 'reference.py'}: does not define `{name}`")
    challenge = Challenge(
        id=folder.name, title=meta["title"], difficulty=meta["difficulty"],
        tags=tuple(meta["tags"]), function=name, signature=signature,
        params=MappingProxyType(params), compare=compare,
        compare_spec=MappingProxyType(dict(meta["compare"])),
        limits=ChallengeLimits(**meta.get("limits", {})),
        statement=statement, starter=starter,
        reference_source=(folder / "reference.py").read_text(), reference=reference,
        properties=properties, check_input=check_input, examples=(),
        path=folder, figure=_check_figure(meta.get("figure"), folder, where),
        inputs_unchanged=function.get("inputs_unchanged", False),
        solutions=_check_solutions(folder / "solutions"))
    return replace(challenge, examples=_check_examples(folder / "examples.json", challenge))


# ---------------------------------------------------------------- challenge.toml


def _read_toml(path: Path) -> dict:
    try:
        return tomllib.loads(path.read_text())
    except tomllib.TOMLDecodeError as exc:
        raise CatalogueError(f"{path}: invalid TOML: {exc}") from None


@lru_cache(maxsize=1)
def _validator():
    import jsonschema

    schema = json.loads(SCHEMA_PATH.read_text())
    return jsonschema.Draft202012Validator(schema)


def _check_schema(meta: dict, where: Path) -> None:
    """Schema errors as `file: key: what is wrong`, the most specific error first."""
    errors = sorted(_validator().iter_errors(meta), key=lambda e: (-len(e.absolute_path),
                                                                   list(map(str, e.path))))
    if not errors:
        return
    error = errors[0]
    key = ".".join(str(part) for part in error.absolute_path)
    prefix = f"{key}." if key else ""
    if error.validator == "additionalProperties":
        allowed = sorted(error.schema.get("properties", {}))
        unknown = sorted(set(error.instance) - set(allowed))
        raise CatalogueError(f"{where}: unknown key {prefix}{unknown[0]} "
                             f"(allowed: {', '.join(allowed)})")
    if error.validator == "required":
        missing = [k for k in error.validator_value if k not in error.instance]
        raise CatalogueError(f"{where}: missing key {prefix}{missing[0]}")
    if error.validator == "enum":
        raise CatalogueError(f"{where}: {key} must be one of "
                             f"{', '.join(map(str, error.validator_value))}")
    if error.validator == "pattern" and key.startswith("function.params."):
        raise CatalogueError(f"{where}: {key} must be a parameter kind "
                             f"({', '.join(param_kinds.BASE_KINDS)}, optionally ending in ?)")
    raise CatalogueError(f"{where}: {key or 'the file'}: {error.message}")


# ---------------------------------------------------------------- the signature, once


def _def_node(path: Path, name: str) -> ast.FunctionDef:
    try:
        tree = ast.parse(path.read_text(), filename=str(path))
    except SyntaxError as exc:
        raise CatalogueError(f"{path}:{exc.lineno}: invalid Python: {exc.msg}") from None
    for node in tree.body:
        if isinstance(node, ast.FunctionDef) and node.name == name:
            return node
    raise CatalogueError(f"{path}: does not define `{name}` at the top level")


def _shape_of(args: ast.arguments) -> tuple:
    """Parameter names with their defaults, as source text: what must agree everywhere."""
    plain = args.posonlyargs + args.args
    defaults = [None] * (len(plain) - len(args.defaults)) + list(args.defaults)
    shape = tuple((a.arg, None if d is None else ast.unparse(d)) for a, d in zip(plain, defaults))
    if args.vararg or args.kwarg or args.kwonlyargs:
        shape += (("*", "not allowed"),)
    return shape


def _text(shape: tuple) -> str:
    return ", ".join(n if d is None else f"{n}={d}" for n, d in shape)


def _statement_def(path: Path, name: str) -> tuple[int, tuple]:
    """The line number and shape of the def line in the statement's first python block."""
    in_block = False
    for number, line in enumerate(path.read_text().splitlines(), start=1):
        if line.strip().startswith("```"):
            in_block = not in_block and line.strip() == "```python"
            continue
        match = DEF_LINE.match(line.strip()) if in_block else None
        if match and match.group(1) == name:
            source = line.strip().rstrip(":").removesuffix("...").rstrip().rstrip(":")
            try:
                node = ast.parse(f"{source}: ...").body[0]
            except SyntaxError:
                raise CatalogueError(f"{path}:{number}: the contract's def line is not valid "
                                     "Python") from None
            return number, _shape_of(node.args)
    raise CatalogueError(f"{path}: no ```python block with `def {name}(...)` (the contract)")


def _check_signatures(folder: Path, name: str, params: list) -> str:
    """starter, reference, statement and [function.params] must name the same parameters."""
    starter = _def_node(folder / "starter.py", name)
    shape = _shape_of(starter.args)
    where = f"{folder / 'starter.py'}:{starter.lineno}"
    if ("*", "not allowed") in shape:
        raise CatalogueError(f"{where}: `{name}` may only take plain parameters "
                             "(no *args, **kwargs or keyword-only ones)")
    if [n for n, _ in shape] != params:
        raise CatalogueError(f"{folder / 'challenge.toml'}: function.params lists "
                             f"({', '.join(params)}) but {where} defines "
                             f"{name}({_text(shape)})")
    reference = _def_node(folder / "reference.py", name)
    if _shape_of(reference.args) != shape:
        raise CatalogueError(f"{folder / 'reference.py'}:{reference.lineno}: defines "
                             f"{name}({_text(_shape_of(reference.args))}) but {where} "
                             f"defines {name}({_text(shape)})")
    line, stated = _statement_def(folder / "statement.md", name)
    if stated != shape:
        raise CatalogueError(f"{folder / 'statement.md'}:{line}: the contract says "
                             f"{name}({_text(stated)}) but {where} defines "
                             f"{name}({_text(shape)})")
    return f"{name}({_text(shape)})"


# ---------------------------------------------------------------- python files


def _import(path: Path, module_name: str):
    spec = importlib.util.spec_from_file_location(f"cvjudge_challenge_{module_name}", path)
    module = importlib.util.module_from_spec(spec)
    try:
        spec.loader.exec_module(module)
    except Exception as exc:
        raise CatalogueError(f"{path}: failed to import: {type(exc).__name__}: {exc}") from exc
    return module


def _check_properties(path: Path, challenge_id: str, params: list) -> tuple:
    """(PROPERTIES, check_input or None): the hidden checks, and the optional rule a typed
    custom input must follow (a function of the parameters returning a problem or None)."""
    module = _import(path, f"{challenge_id}_properties")
    check_input = getattr(module, "check_input", None)
    if check_input is not None and (not callable(check_input) or list(
            inspect.signature(check_input).parameters) != params):
        raise CatalogueError(f"{path}: check_input must be a function of ({', '.join(params)})")
    found = getattr(module, "PROPERTIES", None)
    if not isinstance(found, (list, tuple)) or not found:
        raise CatalogueError(f"{path}: must define a non-empty list PROPERTIES")
    seen = set()
    for prop in found:
        if not isinstance(prop, Property):
            raise CatalogueError(f"{path}: PROPERTIES holds a {type(prop).__name__}, not a Property")
        if not ID_PATTERN.fullmatch(prop.name) or prop.name in seen:
            raise CatalogueError(f"{path}: property name {prop.name!r} is invalid or repeated")
        if not prop.description.strip() or prop.weight < 1 or prop.max_examples < 1:
            raise CatalogueError(f"{path}: property {prop.name} needs a description, "
                                 "a weight >= 1 and max_examples >= 1")
        if prop.timed and not (prop.size or "").strip():
            raise CatalogueError(f"{path}: the timed property {prop.name} needs a size (its "
                                 "input in a few words, stated on the page beside the limit)")
        if prop.hint is not None and not prop.hint.strip():
            raise CatalogueError(f"{path}: property {prop.name} has an empty hint")
        seen.add(prop.name)
    return tuple(found), check_input


def _check_figure(spec, folder: Path, where: Path) -> figures.Figure | None:
    own = folder / "figure.py"
    options = dict(spec) if isinstance(spec, dict) else {}
    kind = spec if isinstance(spec, str) else options.pop("kind", None)
    try:
        if own.is_file():
            if kind is not None:
                raise CatalogueError(f"{where}: figure names kind {kind!r} but {own} is this "
                                     "challenge's drawer; give only its options")
            draw = getattr(_import(own, f"{folder.name}_figure"), "draw", None)
            if not callable(draw):
                raise CatalogueError(f"{own}: must define draw(counterexample, **options)")
            return figures.make_figure(folder.name, draw, options)
        if kind is None:
            if options:
                raise CatalogueError(f"{where}: figure options given without a kind")
            return None
        return figures.make_figure(kind, options=options)
    except figures.FigureError as exc:
        raise CatalogueError(f"{where}: {exc}") from None


def _check_solutions(folder: Path) -> tuple:
    """At least one correct and one wrong solution, each wrong one naming its verdict."""
    if not folder.is_dir():
        raise CatalogueError(f"{folder}: missing (correct_*.py and wrong_*.py solutions)")
    found = []
    for path in sorted(folder.glob("*.py")):
        match = EXPECT_LINE.search(path.read_text())
        if path.name.startswith("correct_"):
            if match and match.group(1) != Verdict.ACCEPTED.value:
                raise CatalogueError(f"{path}: a correct solution must expect accepted")
            found.append(Solution(path, Verdict.ACCEPTED.value))
        elif path.name.startswith("wrong_"):
            if not match or match.group(1) not in SOLUTION_VERDICTS - {"accepted"}:
                raise CatalogueError(f"{path}: needs a line `# expect: <verdict>` naming one of "
                                     f"{', '.join(sorted(SOLUTION_VERDICTS - {'accepted'}))}")
            found.append(Solution(path, match.group(1)))
        else:
            raise CatalogueError(f"{path}: solution names start with correct_ or wrong_")
    if not any(s.correct for s in found) or all(s.correct for s in found):
        raise CatalogueError(f"{folder}: needs at least one correct_*.py and one wrong_*.py")
    return tuple(found)


# ---------------------------------------------------------------- text and examples


def _nonempty_text(path: Path) -> str:
    text = path.read_text()
    if not text.strip():
        raise CatalogueError(f"{path}: is empty")
    return text


def _check_examples(path: Path, challenge: Challenge) -> tuple:
    try:
        raw = json.loads(path.read_text())
    except ValueError as exc:
        raise CatalogueError(f"{path}: invalid JSON: {exc}") from None
    if not isinstance(raw, list) or not raw:
        raise CatalogueError(f"{path}: must be a non-empty list of examples")
    examples = []
    for index, item in enumerate(raw):
        if not isinstance(item, dict) or set(item) != {"args", "expected", "explanation"}:
            raise CatalogueError(f"{path}: example {index} must have exactly the keys "
                                 "args, expected, explanation")
        if not isinstance(item["args"], dict) or list(item["args"]) != list(challenge.params):
            raise CatalogueError(f"{path}: example {index} args must name "
                                 f"{list(challenge.params)} in that order")
        try:
            args = convert_args(challenge, item["args"])
        except ValueError as exc:
            raise CatalogueError(f"{path}: example {index}: {exc}") from None
        examples.append(Example(args=args, expected=item["expected"],
                                explanation=str(item["explanation"])))
    return tuple(examples)


def convert_args(challenge: Challenge, named: dict) -> tuple:
    """JSON arguments by name -> the positional Python values the function receives."""
    values = []
    for name, kind in challenge.params.items():
        try:
            values.append(param_kinds.convert(kind, named[name]))
        except (ValueError, TypeError) as exc:
            raise ValueError(f"{name}: {exc}") from None
    return tuple(values)
