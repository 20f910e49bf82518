"""The engine against a tiny fixture challenge: shrinking, seeds, timing, restarts, errors."""
import pytest

from judge.catalogue import load_challenge
from judge.engine import grade
from judge.verdicts import Verdict
from tests.conftest import FIXTURE_CHALLENGES
from tests.sandbox.conftest import grade_cli, run_cli

WRONG_ABOVE_TEN = """
def add(a, b):
    return a - b if abs(a) > 10 else a + b
"""


@pytest.fixture(scope="module")
def add():
    return load_challenge(FIXTURE_CHALLENGES / "add")


def test_reference_is_accepted(add, docker_client):
    result = grade(add, add.reference_source, seed=5)
    assert result.verdict is Verdict.ACCEPTED and result.score == 100
    assert all(p.passed for p in result.properties)
    assert result.counterexample is None


def test_counterexample_is_shrunk(add, docker_client):
    result = grade(add, WRONG_ABOVE_TEN, seed=11)
    assert result.verdict is Verdict.WRONG_ANSWER
    example = result.counterexample
    assert example.property == "integers" and example.shrunk
    assert abs(example.inputs["a"]) == 11 and example.inputs["b"] in (-1, 1)
    assert example.expected == example.inputs["a"] + example.inputs["b"]
    assert example.got == example.inputs["a"] - example.inputs["b"]
    passed = {p.name: p.passed for p in result.properties}
    assert passed == {"integers": False, "floats": False, "large": True}
    assert result.score == 25


def test_same_seed_same_run(add, docker_client):
    first = grade(add, WRONG_ABOVE_TEN, seed=1234)
    second = grade(add, WRONG_ABOVE_TEN, seed=1234)
    assert first.counterexample == second.counterexample
    assert [p.examples_run for p in first.properties] == [p.examples_run for p in second.properties]


def test_runtime_error_reports_the_line(add, docker_client):
    result = grade(add, "def add(a, b):\n    return a / (a - a)\n", seed=1)
    assert result.verdict is Verdict.RUNTIME_ERROR
    assert "ZeroDivisionError" in result.message and "line 2" in result.message
    assert result.counterexample.inputs == {"a": 0, "b": 0}


def test_a_crash_does_not_cost_the_other_properties(add, docker_client):
    source = ("import os\n"
              "def add(a, b):\n"
              "    if isinstance(a, float):\n"
              "        os._exit(3)\n"
              "    return a + b\n")
    result = grade(add, source, seed=2)
    passed = {p.name: p.passed for p in result.properties}
    assert passed == {"integers": True, "floats": False, "large": True}
    assert result.verdict is Verdict.RUNTIME_ERROR and "exited (status 3)" in result.message
    assert result.score == 75


def test_slow_timed_call_is_time_limit_exceeded(add, docker_client):
    source = ("def add(a, b):\n"
              "    if (a, b) == (1, 2):\n"
              "        n = 0\n"
              "        for i in range(30_000_000):\n"
              "            n += i\n"
              "    return a + b\n")
    result = grade(add, source, seed=3)
    assert result.verdict is Verdict.TIME_LIMIT_EXCEEDED
    large = next(p for p in result.properties if p.name == "large")
    assert not large.passed
    assert result.counterexample.property == "large" and not result.counterexample.shrunk


def test_printing_is_captured_for_the_user(add, docker_client):
    result = grade(add, "def add(a, b):\n    print('debug', a)\n    return a + b\n", seed=4)
    assert result.verdict is Verdict.ACCEPTED and result.output.startswith("debug")


def test_oversized_source_is_refused(add, docker_client):
    result = grade(add, "x = 1\n" * 20_000, seed=1)
    assert result.verdict is Verdict.COMPILE_ERROR and "larger than" in result.message


def test_missing_image_is_a_judge_failure(add, docker_client):
    result = grade(add, add.reference_source, seed=1, image="cvjudge-sandbox:does-not-exist")
    assert result.verdict is Verdict.INTERNAL_ERROR and "make image" in result.message


def test_cli_json_has_the_documented_fields(docker_client, tmp_path):
    solution = tmp_path / "solution.py"
    solution.write_text("def iou(a, b):\n    return 0.0\n")
    result = grade_cli("iou", solution, "--seed", "9")
    for key in ("challenge", "verdict", "score", "properties", "counterexample", "seed",
                "duration_s"):
        assert key in result
    assert result["challenge"] == "iou" and result["seed"] == 9
    assert result["verdict"] == "wrong_answer" and 0 <= result["score"] < 100
    assert all(set(p) >= {"name", "passed", "message"} for p in result["properties"])
    assert set(result["counterexample"]) >= {"inputs", "expected", "got"}


def test_cli_judge_failure_exits_1(docker_client, tmp_path):
    solution = tmp_path / "solution.py"
    solution.write_text("def iou(a, b):\n    return 0.0\n")
    code, out, _ = run_cli("grade", "iou", str(solution), "--json",
                           env={"CVJUDGE_SANDBOX_IMAGE": "cvjudge-sandbox:does-not-exist"})
    assert code == 1 and '"internal_error"' in out


def test_catalogue_check_passes(docker_client):
    """One challenge through the CLI; tests/sandbox/test_solutions.py covers every challenge."""
    code, out, err = run_cli("check", "iou", timeout=900)
    assert code == 0, out + err[-3000:]
    assert "catalogue OK" in out


def test_a_hung_call_ends_the_grading_with_time_limit_exceeded(add, docker_client):
    result = grade(add, "def add(a, b):\n    while True:\n        pass\n", seed=1)
    assert result.verdict is Verdict.TIME_LIMIT_EXCEEDED
    assert "stopped after" in result.message and "of CPU" in result.message
    first, *rest = result.properties
    assert not first.passed and all("earlier call ran out of time" in p.message for p in rest)


def test_a_sleeping_call_is_stopped_and_called_waiting(add, docker_client):
    result = grade(add, "import time\ndef add(a, b):\n    time.sleep(30)\n    return a + b\n",
                   seed=1)
    assert result.verdict is Verdict.TIME_LIMIT_EXCEEDED
    assert "waiting" in result.message and "sleeping or blocked" in result.message


def test_a_prepared_plan_gives_the_live_result(add, docker_client):
    from judge.plans import make_plan

    live = grade(add, WRONG_ABOVE_TEN, seed=21)
    planned = grade(add, WRONG_ABOVE_TEN, plan=make_plan(add, 21))
    assert planned.seed == 21 and planned.counterexample == live.counterexample
    assert [(p.name, p.passed, p.examples_run) for p in planned.properties] == \
        [(p.name, p.passed, p.examples_run) for p in live.properties]
    assert live.extra["plan"] == "drawn" and planned.extra["plan"] == "prepared"


def test_progress_is_reported_per_property(add, docker_client):
    seen = []
    grade(add, add.reference_source, seed=3, progress=lambda *event: seen.append(event))
    assert seen == [(0, 3, "integers"), (1, 3, "floats"), (2, 3, "large")]
