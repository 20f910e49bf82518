"""Submitting through the API, refusals, limits, and how a graded result is shown."""
import pytest

from tests.web.helpers import get_submission, html, post_json, table_row

WRONG = "def iou(a, b):\n    return 0.0  # score=50\n"
RIGHT = "def iou(a, b):\n    return 1.0\n"


@pytest.fixture
def alice(login):
    return login("alice")


def my_submissions(browser) -> list[dict]:
    return browser.client.get("/api/v1/submissions").get_json()["submissions"]


@pytest.mark.parametrize("kind", ["submit", "run"])
def test_a_submission_is_queued_and_located(app, alice, kind):
    response = alice.submit("iou", WRONG, kind)
    assert response.status_code == 202
    body = response.get_json()
    assert body["status"] == "queued" and body["kind"] == kind and body["user"] == "alice"
    assert response.headers["Location"] == f"/api/v1/submissions/{body['id']}"
    stored = get_submission(app, body["id"])
    assert (stored.code, stored.challenge_id, stored.kind) == (WRONG, "iou", kind)


def test_kind_defaults_to_submit(alice):
    response = post_json(alice, "/api/v1/submissions", {"challenge": "iou", "code": RIGHT})
    assert response.get_json()["kind"] == "submit"


@pytest.mark.parametrize("body, status, message", [
    ([1, 2], 400, "Send a JSON object"),
    ({"challenge": "iou"}, 400, "code must be a string"),
    ({"challenge": "iou", "code": 42}, 400, "code must be a string"),
    ({"challenge": "iou", "code": " \n\t"}, 400, "The code is empty."),
    ({"challenge": "nope", "code": RIGHT}, 404, "no challenge called 'nope'"),
    ({"code": RIGHT}, 404, "no challenge called ''"),
    ({"challenge": "iou", "code": RIGHT, "kind": "grade"}, 400, "kind must be one of submit, run"),
], ids=["not-an-object", "no-code", "code-not-a-string", "empty-code", "unknown-challenge",
        "no-challenge", "unknown-kind"])
def test_bad_submissions_are_refused_with_a_json_error(alice, body, status, message):
    response = post_json(alice, "/api/v1/submissions", body)
    assert response.status_code == status
    assert message in response.get_json()["error"]
    assert my_submissions(alice) == []


def test_a_body_that_is_not_json_is_refused(alice):
    response = post_json(alice, "/api/v1/submissions", data="code=1", content_type="text/plain")
    assert response.status_code == 400
    assert "Send a JSON object" in response.get_json()["error"]


def test_code_up_to_64_kb_is_accepted(alice):
    code = "#" * (64 * 1024 - 1) + "\n"
    assert alice.submit("iou", code).status_code == 202


def test_code_over_64_kb_is_refused_with_a_clear_message(alice):
    response = alice.submit("iou", "#" * (64 * 1024 + 1))
    assert response.status_code == 413
    assert "the limit is 64 KB" in response.get_json()["error"]
    assert my_submissions(alice) == []


def test_multibyte_code_is_measured_in_bytes(alice):
    response = alice.submit("iou", "é" * (33 * 1024))  # 33 K characters, 66 KB
    assert response.status_code == 413


def test_a_request_body_over_the_size_limit_is_refused_as_json(alice):
    body = '{"challenge": "iou", "code": "' + "#" * (300 * 1024) + '"}'
    response = post_json(alice, "/api/v1/submissions", data=body, content_type="application/json")
    assert response.status_code == 413
    assert response.get_json() == {"error": "The request is too large.", "status": 413}


def test_too_many_pending_submissions_are_refused_until_graded(alice, grade_pending):
    assert [alice.submit("iou", RIGHT).status_code for _ in range(3)] == [202] * 3
    refused = alice.submit("iou", RIGHT)
    assert refused.status_code == 429
    assert "waiting to be graded" in refused.get_json()["error"]
    assert grade_pending() == 3
    assert alice.submit("iou", RIGHT).status_code == 202


@pytest.mark.parametrize("app_config", [{"SUBMIT_RATE_LIMIT": "2 per minute",
                                         "MAX_PENDING_PER_USER": 100}])
def test_submissions_are_rate_limited_per_user(alice, login):
    assert [alice.submit("iou", RIGHT).status_code for _ in range(2)] == [202, 202]
    limited = alice.submit("iou", RIGHT)
    assert limited.status_code == 429
    assert "error" in limited.get_json()
    assert int(limited.headers["Retry-After"]) > 0
    assert login("bob").submit("iou", RIGHT).status_code == 202  # bob has his own allowance


def test_grading_stores_verdict_score_and_result(alice, grade_pending):
    submission_id = alice.submit("iou", WRONG).get_json()["id"]
    assert grade_pending() == 1
    body = alice.client.get(f"/api/v1/submissions/{submission_id}").get_json()
    assert (body["status"], body["verdict"], body["score"]) == ("done", "wrong_answer", 50)
    assert body["finished_at"] is not None
    assert [p["name"] for p in body["result"]["properties"]] == ["first"]
    assert body["result"]["counterexample"]["inputs"] == {"box_a": [0, 0, 4, 4],
                                                          "box_b": [2, 2, 6, 6]}


def graded_panel(browser, grade_pending, code: str = WRONG, kind: str = "submit") -> str:
    submission_id = browser.submit("iou", code, kind).get_json()["id"]
    grade_pending()
    response = browser.client.get(f"/submissions/{submission_id}/panel")
    assert response.status_code == 200
    return html(response)


def test_the_panel_shows_verdict_properties_and_counterexample(alice, grade_pending):
    panel = graded_panel(alice, grade_pending)
    assert 'data-verdict="wrong_answer"' in panel and "wrong answer" in panel
    assert "<strong>50</strong>/100" in panel
    assert "a checked thing" in panel and "expected 1/7" in panel
    assert "<dt>box_a</dt>" in panel and "[0, 0, 4, 4]" in panel
    assert "0.14285714285714285" in panel
    assert "<svg" in panel  # the IoU figure


def test_the_panel_escapes_what_the_submission_returned(alice, grade_pending):
    panel = graded_panel(alice, grade_pending)
    assert "<script>" not in panel
    assert "\\u003cscript\\u003e" in panel or "&lt;script&gt;" in panel


def test_the_panel_of_a_queued_submission_says_so(alice):
    submission_id = alice.submit("iou", RIGHT).get_json()["id"]
    panel = html(alice.client.get(f"/submissions/{submission_id}/panel"))
    assert 'data-status="queued"' in panel and "is queued" in panel


def test_the_panel_of_a_run_counts_examples(alice, grade_pending):
    panel = graded_panel(alice, grade_pending, RIGHT, "run")
    assert "1/1 examples passed" in panel


def test_the_submission_page_shows_code_and_result(alice, grade_pending):
    submission_id = alice.submit("iou", WRONG).get_json()["id"]
    grade_pending()
    page = html(alice.client.get(f"/submissions/{submission_id}"))
    assert "return 0.0  # score=50" in page
    assert 'data-verdict="wrong_answer"' in page
    assert "<script>alert" not in page


def test_an_unknown_submission_is_a_404(alice):
    assert alice.client.get("/submissions/999").status_code == 404
    assert alice.client.get("/submissions/999/panel").status_code == 404


def test_runs_never_count_for_scores(alice, client, grade_pending):
    alice.submit("iou", RIGHT, "run")
    assert grade_pending() == 1
    assert my_submissions(alice)[0]["verdict"] == "accepted"
    assert alice.client.get("/api/v1/me").get_json()["best_scores"] == {}
    assert client.get("/api/v1/leaderboard").get_json()["count"] == 0
    row = table_row(html(alice.client.get("/")), "data-challenge", "iou")
    assert "not tried" in row and "—" in row
