"""Every runner reply maps to exactly one verdict, whatever the (untrusted) reply holds."""
import pytest

from judge.engine import reply_failure
from judge.verdicts import Verdict


@pytest.mark.parametrize("reply, verdict, fatal", [
    ({"status": "bad_value", "message": "unsupported type Sneaky"}, Verdict.WRONG_ANSWER, False),
    ({"status": "error", "type": "ValueError", "message": "x", "traceback": ["line 3, in f"]},
     Verdict.RUNTIME_ERROR, False),
    ({"status": "error", "type": "MemoryError", "message": "", "memory": True},
     Verdict.MEMORY_LIMIT_EXCEEDED, False),
    ({"status": "died", "oom": True, "signal": "SIGKILL"}, Verdict.MEMORY_LIMIT_EXCEEDED, True),
    ({"status": "died", "oom": False, "signal": "SIGSEGV"}, Verdict.RUNTIME_ERROR, True),
    ({"status": "died", "oom": False, "exit_code": 0}, Verdict.RUNTIME_ERROR, True),
    ({"status": "output_limit", "message": "printed too much"}, Verdict.OUTPUT_LIMIT_EXCEEDED, True),
    ({"status": "protocol_error", "message": "oversized reply"}, Verdict.RUNTIME_ERROR, True),
    ({"status": "timeout", "cpu_s": 2.1, "wall_s": 2.2, "cpu_limit_s": 2.0},
     Verdict.TIME_LIMIT_EXCEEDED, True),
    ({"status": "timeout", "cpu_s": 0.01, "wall_s": 6.5, "wall_limit_s": 6.5},
     Verdict.TIME_LIMIT_EXCEEDED, True),
    ({}, Verdict.RUNTIME_ERROR, True),
    ({"status": ["weird"], "message": {"a": 1}}, Verdict.RUNTIME_ERROR, True),
    ({"status": "error", "type": None, "message": None, "traceback": "not a list"},
     Verdict.RUNTIME_ERROR, False),
])
def test_reply_maps_to_one_verdict(reply, verdict, fatal):
    failure = reply_failure(reply)
    assert failure.verdict is verdict
    assert failure.fatal is fatal
    assert isinstance(failure.message, str) and failure.message


def test_segfault_message_mentions_recursion():
    failure = reply_failure({"status": "died", "signal": "SIGSEGV"})
    assert "recursion" in failure.message


def test_exit_message_says_the_code_exited():
    assert "exited (status 0)" in reply_failure({"status": "died", "exit_code": 0}).message


def test_a_stopped_call_says_whether_it_was_computing_or_waiting():
    computing = reply_failure({"status": "timeout", "cpu_s": 2.1, "wall_s": 2.2,
                               "cpu_limit_s": 2.0, "wall_limit_s": 6.5})
    waiting = reply_failure({"status": "timeout", "cpu_s": 0.01, "wall_s": 6.5,
                             "cpu_limit_s": 2.0, "wall_limit_s": 6.5})
    assert "2.00 s of CPU" in computing.message and "waiting" not in computing.message
    assert "waiting 6.5 s" in waiting.message and "sleeping or blocked" in waiting.message
    assert computing.timeout and waiting.timeout
