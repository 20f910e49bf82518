"""Load and strictly validate the challenge folders under `challenges/`.

A challenge is a folder whose name is its id, holding challenge.toml, statement.md,
starter.py, reference.py, properties.py and examples.json. Every mistake is reported with
the file and key it is in, so a bad folder fails loudly at start-up and in the tests.
"""
import ast
import importlib.util
import json
import os
import re
import sys
import tomllib
from dataclasses import dataclass, replace
from pathlib import Path
from types import MappingProxyType

from judge import wire
from judge.compare import COMPARATORS
from judge.properties import Property

CHALLENGES_DIR = Path(os.environ.get("CVJUDGE_CHALLENGES",
                                     Path(__file__).resolve().parent.parent / "challenges"))
REQUIRED_FILES = ("challenge.toml", "statement.md", "starter.py", "reference.py",
                  "properties.py", "examples.json")
DIFFICULTIES = ("easy", "medium", "hard")
PARAM_KINDS = ("number", "tuple", "tuple_list", "array")
ID_PATTERN = re.compile(r"^[a-z][a-z0-9_]*$")
TOP_KEYS = {"title", "difficulty", "tags", "function", "limits", "figure"}
FUNCTION_KEYS = {"name", "signature", "output", "params"}
LIMIT_KEYS = {"memory_mb", "call_timeout_s", "budget_s"}


class CatalogueError(ValueError):
    """A challenge folder that does not follow the schema."""


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
class Challenge:
    id: str
    title: str
    difficulty: str
    tags: tuple
    function: str
    signature: str
    output: str
    params: MappingProxyType  # parameter name -> kind, in signature order
    limits: ChallengeLimits
    statement: str
    starter: str
    reference_source: str
    reference: object
    properties: tuple
    examples: tuple
    path: Path
    figure: str | None = None  # how the web page draws a counterexample (web/figures.py)

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
    if not ID_PATTERN.match(folder.name):
        raise CatalogueError(f"{folder}: id must match {ID_PATTERN.pattern}")
    missing = [name for name in REQUIRED_FILES if not (folder / name).is_file()]
    if missing:
        raise CatalogueError(f"{folder}: missing {', '.join(missing)}")
    meta = _read_toml(folder / "challenge.toml")
    where = folder / "challenge.toml"
    _only_keys(meta, TOP_KEYS, where, "")
    title = _typed(meta, "title", str, where)
    difficulty = _typed(meta, "difficulty", str, where)
    if difficulty not in DIFFICULTIES:
        raise CatalogueError(f"{where}: difficulty must be one of {DIFFICULTIES}")
    tags = _typed(meta, "tags", list, where)
    if not tags or not all(isinstance(t, str) and t for t in tags):
        raise CatalogueError(f"{where}: tags must be a non-empty list of strings")
    function = _typed(meta, "function", dict, where)
    _only_keys(function, FUNCTION_KEYS, where, "function.")
    name = _typed(function, "name", str, where, "function.")
    signature = _typed(function, "signature", str, where, "function.")
    output = _typed(function, "output", str, where, "function.")
    if output not in COMPARATORS:
        raise CatalogueError(f"{where}: function.output must be one of {tuple(COMPARATORS)}")
    params = _check_params(_typed(function, "params", dict, where, "function."), name,
                           signature, where)
    limits = _check_limits(meta.get("limits", {}), where)
    figure = _typed(meta, "figure", str, where) if "figure" in meta else None
    if figure is not None and not ID_PATTERN.match(figure):
        raise CatalogueError(f"{where}: figure must match {ID_PATTERN.pattern}")
    reference_source = (folder / "reference.py").read_text()
    reference = getattr(_import(folder / "reference.py", f"{folder.name}_reference"), name, None)
    if not callable(reference):
        raise CatalogueError(f"{folder / 'reference.py'}: does not define `{name}`")
    properties = _check_properties(folder / "properties.py", folder.name)
    challenge = Challenge(
        id=folder.name, title=title, difficulty=difficulty, tags=tuple(tags), function=name,
        signature=signature, output=output, params=MappingProxyType(params), limits=limits,
        statement=_nonempty_text(folder / "statement.md"),
        starter=_nonempty_text(folder / "starter.py"), reference_source=reference_source,
        reference=reference, properties=properties, examples=(), path=folder, figure=figure)
    examples = _check_examples(folder / "examples.json", challenge)
    return replace(challenge, examples=examples)


def _read_toml(path: Path) -> dict:
    try:
        return tomllib.loads(path.read_text())
    except tomllib.TOMLDecodeError as exc:
        raise CatalogueError(f"{path}: invalid TOML: {exc}") from None


def _only_keys(table: dict, allowed: set, where: Path, prefix: str) -> None:
    unknown = sorted(set(table) - allowed)
    if unknown:
        raise CatalogueError(f"{where}: unknown key {prefix}{unknown[0]} "
                             f"(allowed: {', '.join(sorted(allowed))})")


def _typed(table: dict, key: str, kind: type, where: Path, prefix: str = ""):
    if key not in table:
        raise CatalogueError(f"{where}: missing key {prefix}{key}")
    value = table[key]
    if not isinstance(value, kind) or (kind is str and not value.strip()):
        raise CatalogueError(f"{where}: {prefix}{key} must be a non-empty {kind.__name__}")
    return value


def _check_params(params: dict, name: str, signature: str, where: Path) -> dict:
    try:
        tree = ast.parse(f"def {signature}: pass")
        func = tree.body[0]
    except SyntaxError:
        raise CatalogueError(f"{where}: function.signature is not a valid signature") from None
    if func.name != name:
        raise CatalogueError(f"{where}: function.signature names `{func.name}`, not `{name}`")
    names = [a.arg for a in func.args.args]
    if list(params) != names:
        raise CatalogueError(f"{where}: function.params must list {names} in that order")
    for param, kind in params.items():
        if kind not in PARAM_KINDS:
            raise CatalogueError(f"{where}: function.params.{param} must be one of {PARAM_KINDS}")
    return dict(params)


def _check_limits(table: dict, where: Path) -> ChallengeLimits:
    if not isinstance(table, dict):
        raise CatalogueError(f"{where}: limits must be a table")
    _only_keys(table, LIMIT_KEYS, where, "limits.")
    values = {}
    for key, value in table.items():
        if isinstance(value, bool) or not isinstance(value, (int, float)) or value <= 0:
            raise CatalogueError(f"{where}: limits.{key} must be a positive number")
        values[key] = value
    return ChallengeLimits(**values)


def _import(path: Path, module_name: str):
    spec = importlib.util.spec_from_file_location(f"cvjudge_challenge_{module_name}", path)
    module = importlib.util.module_from_spec(spec)
    try:
        spec.loader.exec_module(module)
    except Exception as exc:
        raise CatalogueError(f"{path}: failed to import: {type(exc).__name__}: {exc}") from exc
    return module


def _check_properties(path: Path, challenge_id: str) -> tuple:
    module = _import(path, f"{challenge_id}_properties")
    found = getattr(module, "PROPERTIES", None)
    if not isinstance(found, (list, tuple)) or not found:
        raise CatalogueError(f"{path}: must define a non-empty list PROPERTIES")
    seen = set()
    for prop in found:
        if not isinstance(prop, Property):
            raise CatalogueError(f"{path}: PROPERTIES holds a {type(prop).__name__}, not a Property")
        if not ID_PATTERN.match(prop.name) or prop.name in seen:
            raise CatalogueError(f"{path}: property name {prop.name!r} is invalid or repeated")
        if not prop.description.strip() or prop.weight < 1 or prop.max_examples < 1:
            raise CatalogueError(f"{path}: property {prop.name} needs a description, "
                                 "a weight >= 1 and max_examples >= 1")
        seen.add(prop.name)
    return tuple(found)


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
            args = tuple(convert_param(challenge.params[k], v) for k, v in item["args"].items())
        except (ValueError, TypeError) as exc:
            raise CatalogueError(f"{path}: example {index}: {exc}") from None
        examples.append(Example(args=args, expected=item["expected"],
                                explanation=str(item["explanation"])))
    return tuple(examples)


def convert_param(kind: str, value):
    """Turn a JSON value from examples.json into the Python value the function receives."""
    import numpy as np

    if kind == "number":
        if isinstance(value, bool) or not isinstance(value, (int, float)):
            raise ValueError(f"expected a number, got {value!r}")
        return value
    if kind == "tuple":
        return tuple(value)
    if kind == "tuple_list":
        return [tuple(item) for item in value]
    if isinstance(value, dict):
        return wire.decode(value).astype(np.float64)
    return np.asarray(value, dtype=np.float64)
