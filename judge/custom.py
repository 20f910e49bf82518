"""Custom input: run a submission on arguments a person typed, beside the reference's answer.

The arguments arrive as Python literals, one text per parameter. They are parsed with
`ast.literal_eval` (never evaluated), converted by the parameter's kind (judge/params.py) and
checked against the challenge's own input rules (`check_input` in its properties.py, when it
has one); a mistake is refused with a message naming the parameter. The reference answers on
the host, the submission in the sandbox exactly as for a Run, and the challenge's comparator
decides whether the two agree; the submission never sees the reference's answer.
"""
import ast
from dataclasses import replace

from hypothesis import strategies as st

from judge import params as param_kinds
from judge.catalogue import Challenge
from judge.display import to_display
from judge.engine import grade
from judge.plans import ReferenceFailed, reference_answer
from judge.properties import Property
from judge.result import GradeResult
from judge.verdicts import Verdict

MAX_CHARS = 20_000  # all the typed text together
MAX_VALUES = 4_000  # numbers in all the arguments together (the reference runs on the host)
MAX_COUNT = 1_000  # any whole-number argument (sizes, strides, rounds): bounds the host's work
PROPERTY = "custom_input"


class CustomInputError(ValueError):
    """Typed arguments that cannot be used; the message says which one and why."""


def parse_custom_input(challenge: Challenge, texts) -> tuple:
    """The positional arguments for `texts` (parameter name -> Python literal text)."""
    if not isinstance(texts, dict):
        raise CustomInputError("Send the input as an object: parameter name -> Python literal.")
    unknown = sorted(set(map(str, texts)) - set(challenge.params))
    if unknown:
        raise CustomInputError(f"{unknown[0]} is not a parameter of {challenge.signature}.")
    if sum(len(t) for t in texts.values() if isinstance(t, str)) > MAX_CHARS:
        raise CustomInputError(f"The input is longer than {MAX_CHARS:,} characters.")
    values, count = [], 0
    for name, kind in challenge.params.items():
        text = texts.get(name)
        if not isinstance(text, str) or not text.strip():
            raise CustomInputError(f"{name}: give a value (a Python literal such as "
                                   f"{example_literal(kind)}).")
        literal = _literal(name, text)
        count += _numbers(literal)
        if count > MAX_VALUES:
            raise CustomInputError(f"The input holds more than {MAX_VALUES:,} numbers; custom "
                                   "input is for small cases you can read.")
        try:
            value = param_kinds.convert(kind, literal)
        except (ValueError, TypeError) as exc:
            raise CustomInputError(f"{name}: {exc}.") from None
        _check_counts(name, kind, value)
        values.append(value)
    args = tuple(values)
    problem = challenge.check_input(*args) if challenge.check_input else None
    if problem:
        raise CustomInputError(f"{problem}.")
    return args


def _literal(name: str, text: str):
    try:
        value = ast.literal_eval(text.strip())
    except (ValueError, SyntaxError, TypeError, MemoryError, RecursionError) as exc:
        detail = f" ({exc.msg})" if isinstance(exc, SyntaxError) and exc.msg else ""
        raise CustomInputError(f"{name}: not a Python literal{detail}; write numbers, lists, "
                               "tuples, True, False or None.") from None
    if isinstance(value, (set, frozenset, dict, bytes, complex)):
        raise CustomInputError(f"{name}: a {type(value).__name__} is not an accepted value; "
                               "write numbers, lists, tuples, True, False or None.")
    return value


def _numbers(value) -> int:
    if isinstance(value, (list, tuple)):
        return sum(_numbers(v) for v in value)
    return 1


def _check_counts(name: str, kind: str, value) -> None:
    base = kind.removesuffix("?")
    if base in ("int", "int_or_pair") and value is not None:
        for number in value if isinstance(value, tuple) else (value,):
            if abs(number) > MAX_COUNT:
                raise CustomInputError(f"{name}: {number} is larger than custom input allows "
                                       f"(at most {MAX_COUNT:,}).")


KIND_TEXT = {
    "number": "a number", "int": "a whole number", "float": "a number", "bool": "True or False",
    "tuple": "a tuple of numbers", "tuple_list": "a list of tuples of numbers",
    "array": "an array, as nested lists of numbers", "int_array": "an array of whole numbers",
    "bool_array": "an array of True/False", "int_or_pair": "a whole number or a pair of them",
    "any": "a Python literal",
}
EXAMPLE_OF = {"number": "0.5", "int": "3", "float": "0.5", "bool": "True", "tuple": "(0, 0, 2, 2)",
              "tuple_list": "[(0, 0, 2, 2)]", "array": "[[0.0, 1.0], [2.0, 3.0]]",
              "int_array": "[1, 2, 3]", "bool_array": "[True, False]", "int_or_pair": "(3, 3)",
              "any": "[1, 2]"}


def kind_text(kind: str) -> str:
    text = KIND_TEXT.get(kind.removesuffix("?"), "a Python literal")
    return f"{text}, or None" if kind.endswith("?") else text


def example_literal(kind: str) -> str:
    return EXAMPLE_OF.get(kind.removesuffix("?"), "[1, 2]")


def prepare(challenge: Challenge, texts) -> tuple:
    """(arguments, the reference's answer); CustomInputError when either cannot be had.

    The reference is the last input rule: an input it cannot answer is outside the contract.
    """
    args = parse_custom_input(challenge, texts)
    try:
        return args, reference_answer(challenge, args)
    except ReferenceFailed as exc:
        cause = exc.__cause__
        raise CustomInputError(f"This input is outside the challenge's rules: the reference "
                               f"solution cannot answer it ({type(cause).__name__}: "
                               f"{str(cause)[:200]}).") from None


def run_custom(challenge: Challenge, source: str, texts, **options) -> GradeResult:
    """Grade `source` on the typed input like a Run; the result's extra["custom"] holds the
    input, the reference's answer, the submission's and whether they agree."""
    try:
        args, expected = prepare(challenge, texts)
    except CustomInputError as exc:
        return _refused(challenge, str(exc))
    seen = {}

    def compare(want, got, call_args):
        seen["got"] = got
        seen["mismatch"] = challenge.compare(want, got, call_args)
        return seen["mismatch"]

    prop = Property(PROPERTY, "Your own input, against the reference's answer.",
                    st.just(args), max_examples=1)
    result = grade(replace(challenge, properties=(prop,), compare=compare), source, **options)
    custom = {"inputs": to_display(challenge.named_args(args)), "expected": to_display(expected),
              "answered": "got" in seen, "got": to_display(seen.get("got")),
              "agree": "got" in seen and not seen.get("mismatch"),
              "difference": seen.get("mismatch") or ""}
    return replace(result, counterexample=None, extra={**result.extra, "custom": custom})


def _refused(challenge: Challenge, message: str) -> GradeResult:
    """A refused input: nothing ran. Custom runs are never scored, so the verdict only says
    that the code was not run (as for code that does not compile); the page shows the reason."""
    return GradeResult(challenge=challenge.id, verdict=Verdict.COMPILE_ERROR, score=0,
                       message=message, extra={"custom": {"refused": message}})
