"""Lanes and fair order: which queued submission is graded next, and what a waiting one is told.

Two lanes. *Interactive* holds what someone is watching with a clock running or a cursor
blinking: *Run examples* and every interview submission. *Practice* holds graded practice
submissions. Interactive work never waits behind practice work: graders take interactive
jobs first, and some graders (a thread in the web process, a Celery process per worker)
take nothing else, so even while every other grader is busy with slow practice submissions
an interactive job starts at once.

Within a lane the order is fair: each owner (a user, or an interview for a candidate) has
their k-th job counted from the jobs of theirs already running, and jobs go by (k, age). A
user's third job therefore waits behind other users' first ones.
"""
import statistics
from collections import Counter

from sqlalchemy import or_, select

from web.enums import Kind, Status
from web.models import InterviewItem, Submission

INTERACTIVE, PRACTICE = "interactive", "practice"
LANES = (INTERACTIVE, PRACTICE)
CANDIDATES = 200  # queued jobs looked at per claim; the oldest ones
RECENT = 20  # finished jobs whose duration estimates a wait


def lane_of(kind: str, interview_item_id) -> str:
    return INTERACTIVE if kind in (Kind.RUN, Kind.CUSTOM) or interview_item_id is not None \
        else PRACTICE


def lanes_of(session, submission_ids) -> dict:
    """submission id -> its lane, for ids about to be announced to a broker."""
    if not submission_ids:
        return {}
    rows = session.execute(select(Submission.id, Submission.kind, Submission.interview_item_id)
                           .where(Submission.id.in_(list(submission_ids)))).all()
    return {row.id: lane_of(row.kind, row.interview_item_id) for row in rows}


def in_lane(lane: str):
    """A SQL condition selecting the submissions of one lane."""
    interactive = or_(Submission.kind.in_((Kind.RUN, Kind.CUSTOM)),
                      Submission.interview_item_id.isnot(None))
    return interactive if lane == INTERACTIVE else ~interactive


def _owner_rows(session, *conditions, limit: int | None = None):
    query = (select(Submission.id, Submission.user_id, InterviewItem.interview_id)
             .outerjoin(InterviewItem, InterviewItem.id == Submission.interview_item_id)
             .where(*conditions).order_by(Submission.id))
    return session.execute(query.limit(limit) if limit else query).all()


def _owner(row) -> tuple:
    return ("user", row.user_id) if row.user_id is not None else ("interview", row.interview_id)


def _ranked(session, lane: str) -> list[tuple]:
    """(rank, id, owner) of a lane's queued jobs: rank k for an owner's k-th job, counting
    the owner's running ones first."""
    running = Counter(_owner(row) for row in _owner_rows(session, Submission.status == Status.RUNNING))
    seen = Counter()
    ranked = []
    for row in _owner_rows(session, Submission.status == Status.QUEUED, in_lane(lane),
                           limit=CANDIDATES):
        owner = _owner(row)
        ranked.append((running[owner] + seen[owner], row.id, owner))
        seen[owner] += 1
    return sorted(ranked)


def fair_order(session, lane: str) -> list[int]:
    """Queued ids of a lane in the order they should be graded."""
    return [submission_id for _, submission_id, _ in _ranked(session, lane)]


def should_step_aside(session, submission_id: int, fair_share: int = 2) -> bool:
    """For a grader that is handed one job (Celery): True when this job's owner already has
    `fair_share` jobs running and another owner's job waits in the same lane at a lower rank."""
    row = session.execute(select(Submission.kind, Submission.interview_item_id)
                          .where(Submission.id == submission_id)).first()
    if row is None:
        return False
    ranked = _ranked(session, lane_of(row.kind, row.interview_item_id))
    mine = next((entry for entry in ranked if entry[1] == submission_id), None)
    if mine is None or mine[0] < fair_share:
        return False
    return any(rank < mine[0] and owner != mine[2] for rank, _, owner in ranked)


def waiting_text(session, submission: Submission) -> str | None:
    """What a person watching this submission is told while it is not done."""
    if submission.status == Status.RUNNING:
        if submission.progress:
            done, _, name = submission.progress.partition(" ")
            index, _, count = done.partition("/")
            return f"Running property {index} of {count} ({name})…"
        return "Running…"
    if submission.status != Status.QUEUED:
        return None
    lane = lane_of(submission.kind, submission.interview_item_id)
    order = fair_order(session, lane)
    ahead = order.index(submission.id) if submission.id in order else len(order)
    if ahead == 0:
        return "Queued: next to be graded…"
    estimate = _typical_seconds(session, lane) * (ahead + 1) / max(1, _running_count(session, lane))
    return f"Queued: {ahead} ahead (about {max(1, round(estimate))} s)…"


def _running_count(session, lane: str) -> int:
    return len(session.scalars(select(Submission.id).where(
        Submission.status == Status.RUNNING, in_lane(lane))).all())


def _typical_seconds(session, lane: str) -> float:
    rows = session.execute(select(Submission.started_at, Submission.finished_at).where(
        Submission.status == Status.DONE, in_lane(lane), Submission.started_at.isnot(None),
        Submission.finished_at.isnot(None)).order_by(Submission.id.desc()).limit(RECENT)).all()
    spans = [(done - began).total_seconds() for began, done in rows]
    return statistics.median(spans) if spans else 2.0
