"""Hostile submissions, each graded through the CLI: contained, with the right verdict."""
import os
import subprocess
from pathlib import Path

import pytest

from tests.sandbox.conftest import grade_cli

ATTACKS = Path(__file__).parent / "attacks"
SECRET = "cvjudge-test-secret-4f1c2"

# attack file -> verdicts that mean "contained"
EXPECTED = {
    "fork_bomb": {"time_limit_exceeded", "runtime_error"},
    "thread_bomb": {"time_limit_exceeded", "runtime_error"},
    "memory_bomb": {"memory_limit_exceeded"},
    "infinite_loop": {"time_limit_exceeded"},
    "sleep_at_import": {"time_limit_exceeded"},
    "output_flood": {"output_limit_exceeded"},
    "disk_fill": {"runtime_error"},
    "fd_exhaustion": {"runtime_error"},
    "network_access": {"wrong_answer"},
    "snoop_secrets": {"wrong_answer"},
    "write_outside_tmp": {"wrong_answer"},
    "kill_parent": {"runtime_error"},
    "kill_everything": {"wrong_answer"},
    "fake_success_exit": {"runtime_error"},
    "eq_always_true": {"wrong_answer"},
    "eq_float_subclass": {"wrong_answer"},
    "monkeypatch": {"wrong_answer"},
    "sabotage_builtins": {"runtime_error"},
    "deep_recursion": {"runtime_error", "memory_limit_exceeded"},
    "syntax_error": {"compile_error"},
    "missing_function": {"compile_error"},
    "invalid_utf8_output": {"accepted"},
    "forge_protocol": {"runtime_error", "wrong_answer"},
    "null_bytes": {"compile_error"},
    "huge_return": {"memory_limit_exceeded", "runtime_error"},
    "orphan_process": {"wrong_answer"},
    "huge_string_return": {"output_limit_exceeded"},
    "sleep_each_call": {"time_limit_exceeded"},
    "large_string_return": {"wrong_answer"},
    "long_message_and_output": {"runtime_error"},
}
# attacks that return what they managed to reach: the list must come back empty
FINDS_NOTHING = {"network_access", "snoop_secrets", "write_outside_tmp"}


def test_every_attack_file_has_an_expectation():
    assert {p.stem for p in ATTACKS.glob("*.py")} == set(EXPECTED)


@pytest.mark.parametrize("attack", sorted(EXPECTED))
def test_attack_is_contained(attack):
    result = grade_cli("iou", ATTACKS / f"{attack}.py", "--seed", "7",
                       env={"CVJUDGE_TEST_SECRET": SECRET})
    assert result["verdict"] in EXPECTED[attack], result["message"]
    assert SECRET not in str(result)
    if attack in FINDS_NOTHING:
        assert result["counterexample"]["got"] == [], result["counterexample"]
    if attack != "invalid_utf8_output":
        assert result["score"] < 100


def test_supervisor_survives_an_attempt_to_kill_it():
    result = grade_cli("iou", ATTACKS / "kill_parent.py", "--seed", "1")
    assert "PermissionError" in result["message"]


def test_invalid_utf8_output_is_reported_readably():
    result = grade_cli("iou", ATTACKS / "invalid_utf8_output.py", "--seed", "1")
    assert "not utf-8" in result["output"] and "\ufffd" in result["output"]


def test_fake_success_is_not_believed():
    result = grade_cli("iou", ATTACKS / "fake_success_exit.py", "--seed", "1")
    assert result["verdict"] == "runtime_error" and "exited (status 0)" in result["message"]


def test_host_is_unaffected_after_the_bombs(docker_client):
    for attack in ("fork_bomb", "memory_bomb"):
        grade_cli("iou", ATTACKS / f"{attack}.py", "--seed", "3")
    assert subprocess.run(["true"]).returncode == 0
    assert docker_client.ping()
    assert os.path.exists("/tmp") and not os.path.exists("/pwned")


@pytest.mark.parametrize("attack", ["huge_string_return", "large_string_return"])
def test_a_huge_answer_is_stored_as_a_few_kilobytes(attack):
    result = grade_cli("iou", ATTACKS / f"{attack}.py", "--seed", "1")
    import json

    assert len(json.dumps(result)) < 16_000, len(json.dumps(result))
    if attack == "large_string_return":
        assert "more characters)" in json.dumps(result["counterexample"]["got"])
    else:
        assert "more than the 16 MB" in result["message"]


def test_long_messages_and_printed_output_are_stored_cut_short():
    import json

    result = grade_cli("iou", ATTACKS / "long_message_and_output.py", "--seed", "1")
    assert len(json.dumps(result)) < 40_000, len(json.dumps(result))
    assert "more characters)" in result["message"]
    assert all(len(p["message"]) < 2100 for p in result["properties"])
    assert result["output"].endswith("more bytes not kept)")


def test_sleeping_in_every_call_is_stopped_by_the_budget_and_called_waiting():
    result = grade_cli("iou", ATTACKS / "sleep_each_call.py", "--seed", "1")
    assert result["verdict"] == "time_limit_exceeded"
    assert "waiting" in result["message"] and "sleeping or blocked" in result["message"]
    assert result["duration_s"] < 60
