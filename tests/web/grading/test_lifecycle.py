"""The queue in the database: claiming, storing exactly once, recovering after a restart."""
import pytest

from judge.result import GradeResult
from judge.verdicts import Verdict
from tests.web.conftest import fake_grader
from tests.web.helpers import add_submission, add_users, get_submission
from web.grading.lifecycle import claim_next, grade_submission, requeue_interrupted, store_result


@pytest.fixture
def database(app):
    return app.extensions["cvjudge.db"]


@pytest.fixture
def user(app):
    return add_users(app, "alice")[0]


def queued(app, user, kind="submit", challenge="iou") -> int:
    return add_submission(app, user, challenge, kind=kind, status="queued")


def result(verdict: Verdict, score: int) -> GradeResult:
    return GradeResult(challenge="iou", verdict=verdict, score=score)


def test_claim_takes_runs_before_submits_and_oldest_first(app, database, user):
    first_submit, second_submit = queued(app, user), queued(app, user)
    first_run, second_run = queued(app, user, "run"), queued(app, user, "run")
    claimed = [claim_next(database) for _ in range(5)]
    assert claimed == [first_run, second_run, first_submit, second_submit, None]


def test_claiming_marks_the_submission_running(app, database, user):
    submission_id = queued(app, user)
    claim_next(database)
    claimed = get_submission(app, submission_id)
    assert claimed.status == "running" and claimed.attempts == 1
    assert claimed.started_at is not None


def test_finished_and_running_submissions_are_not_claimed(app, database, user):
    add_submission(app, user, "iou", 100)
    add_submission(app, user, "iou", status="running")
    assert claim_next(database) is None


def test_requeue_puts_interrupted_submissions_back(app, database, user):
    interrupted, waiting = queued(app, user), queued(app, user)
    done = add_submission(app, user, "iou", 100)
    assert claim_next(database) == interrupted
    assert requeue_interrupted(database) == 1
    statuses = [get_submission(app, i).status for i in (interrupted, waiting, done)]
    assert statuses == ["queued", "queued", "done"]
    assert get_submission(app, interrupted).started_at is None
    assert claim_next(database) == interrupted  # graded after the restart


def test_a_result_is_stored_once(app, database, user):
    submission_id = queued(app, user)
    claim_next(database)
    assert store_result(database, submission_id, result(Verdict.WRONG_ANSWER, 40)) is True
    assert store_result(database, submission_id, result(Verdict.ACCEPTED, 100)) is False
    stored = get_submission(app, submission_id)
    assert (stored.status, stored.verdict, stored.score) == ("done", "wrong_answer", 40)
    assert stored.result["score"] == 40


def test_a_queued_submission_is_not_stored_before_it_is_claimed(app, database, user):
    submission_id = queued(app, user)
    assert store_result(database, submission_id, result(Verdict.ACCEPTED, 100)) is False
    assert get_submission(app, submission_id).status == "queued"


def test_grading_passes_code_and_kind_to_the_grader(app, database, user):
    submission_id = add_submission(app, user, "nms", kind="run", status="queued", code="# score=7")
    seen = []

    def grader(challenge, code, kind, progress=None):
        seen.append((challenge.id, code, kind))
        return fake_grader(challenge, code, kind)

    grade_submission(database, claim_next(database), app.extensions["cvjudge.catalogue"].challenges,
                     grader)
    assert seen == [("nms", "# score=7", "run")]
    assert get_submission(app, submission_id).score == 7


def broken_grader(challenge, code, kind, progress=None):
    raise RuntimeError("the grader fell over")


@pytest.mark.parametrize("challenge, grader, message", [
    ("iou", broken_grader, "the judge failed: RuntimeError"),
    ("retired", fake_grader, "the challenge 'retired' no longer exists"),
])
def test_a_failing_grade_is_stored_as_an_internal_error(app, database, user, challenge, grader,
                                                        message):
    submission_id = queued(app, user, challenge=challenge)
    grade_submission(database, claim_next(database), app.extensions["cvjudge.catalogue"].challenges,
                     grader)
    stored = get_submission(app, submission_id)
    assert (stored.status, stored.verdict, stored.score) == ("done", "internal_error", 0)
    assert stored.result["message"] == message
