"""Custom input through the page and the API: checked before queueing, rate-limited with the
runs, graded on the interactive lane, shown with the reference's answer; and the limits
every challenge page states."""
import pytest

from judge.result import GradeResult
from judge.verdicts import Verdict
from tests.web.helpers import get_submission, html, post_json

CODE = "def iou(box_a, box_b):\n    return 0.5\n"
GOOD = {"box_a": "(0, 0, 4, 4)", "box_b": "[2, 2, 6, 6]"}


@pytest.fixture
def alice(login):
    return login("alice")


def send(browser, texts, challenge="iou", code=CODE):
    return post_json(browser, "/api/v1/submissions",
                     {"challenge": challenge, "code": code, "kind": "custom", "input": texts})


def test_a_custom_run_is_queued_with_its_input_on_the_interactive_lane(app, alice):
    from web.grading.lanes import INTERACTIVE, lane_of

    response = send(alice, GOOD)
    assert response.status_code == 202, response.get_json()
    body = response.get_json()
    assert body["kind"] == "custom" and body["input"] == GOOD
    stored = get_submission(app, body["id"])
    assert lane_of(stored.kind, stored.interview_item_id) == INTERACTIVE
    again = alice.client.get(f"/api/v1/submissions/{body['id']}").get_json()
    assert again["input"] == GOOD


@pytest.mark.parametrize("texts, message", [
    ({"box_a": "(4, 0, 0, 4)", "box_b": "(0, 0, 1, 1)"}, "Custom input: box_a must have x1 <= x2"),
    ({"box_a": "(0, 0, 4, 4)"}, "Custom input: box_b: give a value"),
    ({"box_a": "open('x')", "box_b": "(0, 0, 1, 1)"}, "Custom input: box_a: not a Python literal"),
    ("(0, 0, 1, 1)", "Send the custom input as \"input\": {parameter: Python literal text}"),
    (None, "Send the custom input as"),
])
def test_bad_input_is_refused_at_once_with_a_clear_message(app, alice, texts, message):
    response = send(alice, texts)
    assert response.status_code == 400
    assert response.get_json()["error"].startswith(message), response.get_json()


@pytest.mark.parametrize("app_config", [{"SUBMIT_RATE_LIMIT": "2 per minute",
                                         "MAX_PENDING_PER_USER": 100}])
def test_custom_runs_share_the_runs_rate_limit(alice):
    assert alice.submit("iou", CODE, "run").status_code == 202
    assert send(alice, GOOD).status_code == 202
    assert send(alice, GOOD).status_code == 429


def custom_grader(challenge, code, kind, progress=None, custom_input=None):
    """Stand-in for the sandbox: the judge's own shape of a custom result (the real run is
    covered in tests/sandbox/test_feedback.py and tests/browser/test_feedback_flow.py)."""
    assert kind == "custom" and custom_input == GOOD
    return GradeResult(challenge=challenge.id, verdict=Verdict.WRONG_ANSWER, score=0, extra={
        "custom": {"inputs": {"box_a": [0, 0, 4, 4], "box_b": [2, 2, 6, 6]},
                   "expected": 0.14285714285714285, "got": None, "answered": True,
                   "agree": False, "difference": "expected 0.14285714285714285, got None"}})


def test_the_panel_shows_both_answers_in_python_terms(alice, grade_pending):
    submission_id = send(alice, GOOD).get_json()["id"]
    assert grade_pending(custom_grader) == 1
    panel = html(alice.client.get(f"/submissions/{submission_id}/panel"))
    assert "Your answer differs from the reference" in panel
    assert "0.14285714285714285" in panel and "None" in panel and "null" not in panel
    assert "[0, 0, 4, 4]" in panel
    history = html(alice.client.get("/challenges/iou/history"))
    assert f"#{submission_id}" not in history  # custom runs are not submissions


def test_the_page_offers_custom_input_to_signed_in_users_only(client, alice):
    page = html(alice.client.get("/challenges/nms"))
    assert 'id="custom-form"' in page and 'data-param="iou_threshold"' in page
    assert ">[[0.0, 0.0, 4.0, 4.0]" in page or ">[[0, 0, 4, 4]" in page  # the first example
    assert 'id="custom-form"' not in html(client.get("/challenges/nms"))


def test_interview_items_refuse_custom_input(app, alice):
    from web.errors import Refused
    from web.practice.submissions import create_submission

    with app.test_request_context(), pytest.raises(Refused, match="not for interview items"):
        create_submission(None, "iou", CODE, "custom", interview_item=object(), custom_input=GOOD)


@pytest.mark.parametrize("challenge_id, size, limit", [
    ("nms", "about 1,000 detections", "1.2 s"), ("iou", "one pair of boxes", "0.1 s")])
def test_challenge_pages_state_their_limits(client, challenge_id, size, limit):
    page = html(client.get(f"/challenges/{challenge_id}"))
    assert 'aria-label="Limits"' in page and size in page
    assert f"<strong>{limit}</strong> of CPU per call on the reference machine" in page
    assert "<strong>256 MB</strong>" in page and "scale factor" in page
