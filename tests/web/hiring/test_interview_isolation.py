"""A candidate's submissions go through the same queue and grader as practice, but they are
the hiring team's data: never on the leaderboard, progress pages, acceptance rates or "your
best" badges, and not reachable through the practice pages, not even by an admin."""
import pytest

from tests.web.helpers import add_submission, html, session
from tests.web.hiring.interview_helpers import Candidate
from web.models import Submission

SECRET = "CANDIDATE_SECRET_SOLUTION"
CODE = f"def iou(a, b):\n    return 1.0  # {SECRET}\n"


@pytest.fixture
def graded_interview(app, setup, login, grade_pending):
    """A signed-in member takes an interview in the same browser and gets full marks."""
    member = login("member")
    candidate = Candidate(member.client)
    candidate.start(setup.link)
    for kind in ("submit", "run"):
        assert candidate.submit(0, CODE, kind=kind).status_code == 202
    assert grade_pending() == 2
    with session(app) as s:
        rows = s.query(Submission).order_by(Submission.id).all()
        assert [(r.user_id, r.verdict, r.score) for r in rows] == \
            [(None, "accepted", 100), (None, "accepted", 100)]
        ids = [r.id for r in rows]
    return {"member": member, "candidate": candidate, "ids": ids}


def test_interview_work_is_graded_by_the_same_path_and_kept_off_the_standings(
        app, client, graded_interview):
    assert client.get("/api/v1/leaderboard").get_json()["rows"] == []
    rates = {c["id"]: c["acceptance_rate"]
             for c in client.get("/api/v1/challenges").get_json()["challenges"]}
    assert rates["iou"] is None
    member = graded_interview["member"].client
    assert member.get("/api/v1/me").get_json()["best_scores"] == {}
    assert member.get("/api/v1/challenges/iou").get_json()["your_best_score"] is None
    assert "your best" not in html(member.get("/challenges/iou"))
    assert "not tried" in html(member.get("/"))
    progress = html(member.get("/progress"))
    assert "<strong>0</strong> points" in progress and "not ranked yet" in progress
    assert member.get("/api/v1/submissions").get_json()["submissions"] == []
    assert "No submissions yet." in html(member.get("/challenges/iou/history"))
    assert "Not ranked yet." in html(member.get("/users/member"))


def test_practice_scores_are_unaffected_by_interview_work(app, client, graded_interview):
    member_id = graded_interview["member"].user_id
    add_submission(app, member_id, "iou", 50)
    rows = client.get("/api/v1/leaderboard").get_json()["rows"]
    assert [(r["user"], r["total_score"]) for r in rows] == [("member", 50)]
    rates = {c["id"]: c["acceptance_rate"]
             for c in client.get("/api/v1/challenges").get_json()["challenges"]}
    assert rates["iou"] == 0.0  # one graded practice submission, not accepted


def test_the_practice_pages_do_not_serve_interview_submissions_even_to_admins(
        app, login, graded_interview):
    admin = login("root", "admin")
    for submission_id in graded_interview["ids"]:
        for browser in (admin, graded_interview["member"]):
            for path in (f"/submissions/{submission_id}", f"/submissions/{submission_id}/panel",
                         f"/api/v1/submissions/{submission_id}"):
                response = browser.client.get(path)
                assert response.status_code == 404 and SECRET not in html(response)
    listing = html(admin.client.get("/admin/submissions"))
    assert SECRET not in listing and "No submissions." in listing
    rejudge = admin.post_form(f"/admin/submissions/{graded_interview['ids'][0]}/rejudge", {},
                              page="/admin/submissions")
    assert rejudge.status_code == 404
    with session(app) as s:
        assert s.get(Submission, graded_interview["ids"][0]).status == "done"
    assert "root" in html(admin.client.get("/admin/users"))


def test_a_submission_row_must_belong_to_exactly_one_owner(app):
    """The database itself refuses a submission with both a user and an interview item, or
    neither (so no query can mistake one for the other)."""
    from sqlalchemy.exc import IntegrityError
    with pytest.raises(IntegrityError), session(app) as s:
        s.add(Submission(user_id=None, interview_item_id=None, challenge_id="iou", code="x"))
