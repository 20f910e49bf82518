"""Grading feedback in real Docker: custom input beside the reference, time and memory
messages that name their limit and input, the most specific failure shown, no-answer
counterexamples, the result's stated limits."""
import pytest

from judge.catalogue import load_catalogue, load_challenge
from judge.custom import run_custom
from judge.engine import grade
from judge.verdicts import Verdict
from tests.conftest import FIXTURE_CHALLENGES

CATALOGUE = load_catalogue()
IOU_INPUT = {"box_a": "(0, 0, 4, 4)", "box_b": "(2, 2, 6, 6)"}


@pytest.fixture(scope="module")
def add():
    return load_challenge(FIXTURE_CHALLENGES / "add")


def custom(result) -> dict:
    return result.extra["custom"]


def test_custom_input_agrees_with_the_reference(docker_client):
    iou = CATALOGUE["iou"]
    shown = custom(run_custom(iou, iou.reference_source, IOU_INPUT))
    assert shown["agree"] and shown["answered"]
    assert shown["inputs"] == {"box_a": [0, 0, 4, 4], "box_b": [2, 2, 6, 6]}
    assert shown["expected"] == pytest.approx(1 / 7) and shown["got"] == pytest.approx(1 / 7)


def test_custom_input_shows_a_different_answer_and_why(docker_client):
    result = run_custom(CATALOGUE["iou"], "def iou(box_a, box_b):\n    return 0.5\n", IOU_INPUT)
    shown = custom(result)
    assert not shown["agree"] and shown["got"] == 0.5
    assert shown["difference"].startswith("expected 0.14285714")
    assert result.counterexample is None and result.score == 0


def test_custom_input_on_a_crash_says_there_was_no_answer(docker_client):
    result = run_custom(CATALOGUE["iou"], "def iou(box_a, box_b):\n    return 1 / 0\n",
                        IOU_INPUT)
    shown = custom(result)
    assert not shown["answered"] and not shown["agree"]
    assert result.verdict is Verdict.RUNTIME_ERROR and "ZeroDivisionError" in result.message


def test_refused_custom_input_never_starts_a_sandbox():
    result = run_custom(CATALOGUE["iou"], "def iou(box_a, box_b):\n    return 0.0\n",
                        {"box_a": "(4, 0, 0, 4)", "box_b": "(0, 0, 1, 1)"})
    assert custom(result)["refused"].startswith("box_a must have x1 <= x2")
    assert result.calls == 0


def test_time_limit_message_names_the_limit_and_the_input(add, docker_client):
    result = grade(add, "def add(a, b):\n    while True:\n        pass\n", seed=1)
    assert result.verdict is Verdict.TIME_LIMIT_EXCEEDED
    assert "on the reference machine" in result.message and "scale factor" in result.message
    assert result.counterexample.answered is False
    assert result.counterexample.expected is not None  # the expected value is always there


def test_timed_failure_names_the_timed_input_and_its_fixed_limit(add, docker_client):
    slow = ("import time\ndef add(a, b):\n    if (a, b) == (1, 2):  # the timed input only\n"
            "        end = time.process_time() + 1.5\n"
            "        while time.process_time() < end:\n            pass\n    return a + b\n")
    limits = grade(add, "def add(a, b):\n    return a + b\n", seed=2)
    assert limits.reference_time_limit_s == 0.2 and limits.timed_size == "two small integers"
    assert limits.memory_mb == 256 and limits.speed_factor > 0
    result = grade(add, slow, seed=2)
    assert result.verdict is Verdict.TIME_LIMIT_EXCEEDED
    assert "the timed input (two small integers)" in result.message
    assert "0.2 s on the reference machine" in result.message


def test_memory_message_names_the_limit(add, docker_client):
    hog = "def add(a, b):\n    blocks = []\n    while True:\n        blocks.append(bytearray(2**26))\n"
    result = grade(add, hog, seed=3)
    assert result.verdict is Verdict.MEMORY_LIMIT_EXCEEDED
    assert "the memory limit is 256 MB" in result.message


def test_the_most_specific_failing_property_is_shown(docker_client):
    """Visiting tied boxes last-index-first breaks ties only; the tie property (rank 2) is
    shown even when the general random property fails too, and the others are listed."""
    nms = CATALOGUE["nms"]
    wrong = next(s for s in nms.solutions if s.path.name == "wrong_argsort_reversed.py")
    result = grade(nms, wrong.path.read_text(), seed=4)
    example = result.counterexample
    failing = [p.name for p in result.properties if not p.passed]
    assert "tied_scores" in failing and example.property == "tied_scores"
    assert set(example.also_failed) == set(failing) - {"tied_scores"}
    assert "ties between equal scores" in example.hint.lower()


def test_an_import_that_never_ends_names_its_limit(add, docker_client):
    result = grade(add, "while True:\n    pass\n", seed=5)
    assert result.verdict is Verdict.TIME_LIMIT_EXCEEDED
    assert "while importing your code" in result.message
    assert "importing may take 5 s on the reference machine" in result.message
