"""Lanes on a live `cvjudge serve` (in-process graders, real Docker): Run examples is graded
while two slow practice submissions hold both general grading threads."""
import time

from tests.browser.conftest import database_url, running_server
from tests.browser.test_restart import CODE, add_user_with_token, call

SLOW = "import time\ntime.sleep(8)  # a slow import: the grader is busy for 8 s\n\n" + CODE


def test_a_run_is_not_held_up_by_slow_practice_submissions(docker_client, tmp_path):
    with running_server(tmp_path, workers=2) as base:
        token = add_user_with_token(database_url(tmp_path))
        slow = [call(base, "/api/v1/submissions", token, {"challenge": "iou", "code": SLOW})["id"]
                for _ in range(2)]
        deadline = time.monotonic() + 60
        while any(call(base, f"/api/v1/submissions/{i}", token)["status"] != "running"
                  for i in slow):
            assert time.monotonic() < deadline, "the slow submissions never started"
            time.sleep(0.1)
        run = call(base, "/api/v1/submissions", token,
                   {"challenge": "iou", "code": CODE, "kind": "run"})["id"]
        while (state := call(base, f"/api/v1/submissions/{run}", token))["status"] != "done":
            assert time.monotonic() < deadline, f"the run is still {state['status']}"
            time.sleep(0.05)
        assert state["verdict"] == "accepted"
        assert all(call(base, f"/api/v1/submissions/{i}", token)["status"] == "running"
                   for i in slow), "the run should finish while both slow ones still grade"
