"""Scores from graded submissions: best per challenge, the leaderboard, progress over time.

Everything is computed from the submissions table (the one source of truth), so a rejudge
changes standings with no bookkeeping. Only graded `submit` submissions count; a run of the
visible examples never does, and neither does a candidate's work in a mock interview
(those submissions have no user).
"""
from dataclasses import dataclass
from datetime import datetime, timedelta

from flask_login import current_user
from sqlalchemy import case, func, select

from web.db import db
from web.models import Submission, User, utcnow

SOLVED = 100


def graded(since: datetime | None = None):
    """Conditions selecting the submissions that count for scores."""
    conditions = [Submission.kind == "submit", Submission.status == "done",
                  Submission.verdict != "internal_error",  # the judge's failures never count
                  Submission.user_id.is_not(None)]  # interview submissions are team data
    if since is not None:
        conditions.append(Submission.created_at >= since)
    return conditions


def best_per_challenge(since: datetime | None = None):
    """Subquery: (user_id, challenge_id, best, reached_at) — when the best was first reached.

    One pass with a window function: each (user, challenge) group sorted by score, then time,
    keeps its first row.
    """
    ranked = (select(Submission.user_id, Submission.challenge_id,
                     Submission.score.label("best"), Submission.created_at.label("reached_at"),
                     func.row_number().over(
                         partition_by=(Submission.user_id, Submission.challenge_id),
                         order_by=(Submission.score.desc(), Submission.created_at, Submission.id))
                     .label("position"))
              .where(*graded(since)).subquery())
    return (select(ranked.c.user_id, ranked.c.challenge_id, ranked.c.best, ranked.c.reached_at)
            .where(ranked.c.position == 1).subquery())


@dataclass(frozen=True)
class Standing:
    rank: int
    user_id: int
    username: str
    total: int
    solved: int
    reached_at: datetime


def ranking(period: str = "all", challenge_ids=None) -> list[Standing]:
    """Everyone with points, ordered by total, then solved count, then who got there first."""
    since = utcnow() - timedelta(days=7) if period == "week" else None
    best = best_per_challenge(since)
    conditions = [User.active.is_(True)]
    if challenge_ids is not None:  # challenges removed from the catalogue no longer count
        conditions.append(best.c.challenge_id.in_(list(challenge_ids)))
    total = func.sum(best.c.best).label("total")
    solved = func.sum(case((best.c.best >= SOLVED, 1), else_=0)).label("solved")
    reached = func.max(best.c.reached_at).label("reached_at")
    rows = db().execute(select(User.id, User.username, total, solved, reached)
                        .join(best, best.c.user_id == User.id).where(*conditions)
                        .group_by(User.id, User.username).having(func.sum(best.c.best) > 0)
                        .order_by(total.desc(), solved.desc(), reached.asc(), User.id)).all()
    return [Standing(i + 1, r.id, r.username, int(r.total), int(r.solved), r.reached_at)
            for i, r in enumerate(rows)]


def standing_of(user_id: int, rows: list[Standing]) -> Standing | None:
    return next((row for row in rows if row.user_id == user_id), None)


def best_scores(user_id: int) -> dict[str, int]:
    rows = db().execute(select(Submission.challenge_id, func.max(Submission.score))
                        .where(Submission.user_id == user_id, *graded())
                        .group_by(Submission.challenge_id)).all()
    return {challenge_id: int(score) for challenge_id, score in rows}


def my_best_scores() -> dict[str, int]:
    """The signed-in visitor's best scores; nothing for an anonymous one."""
    return best_scores(current_user.id) if current_user.is_authenticated else {}


def acceptance_rates() -> dict[str, tuple[int, int]]:
    """challenge id -> (accepted, graded) over every user's graded submissions.

    Full marks and `accepted` are the same thing; the score is in the covering index.
    """
    rows = db().execute(select(Submission.challenge_id,
                               func.sum(case((Submission.score >= SOLVED, 1), else_=0)),
                               func.count())
                        .where(*graded()).group_by(Submission.challenge_id)).all()
    return {cid: (int(accepted or 0), int(total)) for cid, accepted, total in rows}


def score_over_time(user_id: int, challenge_ids=None) -> list[dict]:
    """The user's total score after each graded submission that raised it."""
    rows = db().execute(select(Submission.challenge_id, Submission.score, Submission.created_at)
                        .where(Submission.user_id == user_id, *graded())
                        .order_by(Submission.created_at, Submission.id)).all()
    best: dict[str, int] = {}
    points = []
    for challenge_id, score, created_at in rows:
        if challenge_ids is not None and challenge_id not in challenge_ids:
            continue
        if score > best.get(challenge_id, 0):
            best[challenge_id] = score
            points.append({"t": created_at.isoformat(timespec="seconds") + "Z",
                           "total": sum(best.values())})
    return points


def solved_by_tag(best: dict[str, int], challenges: dict) -> list[dict]:
    tags: dict[str, list[int]] = {}
    for challenge in challenges.values():
        for tag in challenge.tags:
            counts = tags.setdefault(tag, [0, 0])
            counts[1] += 1
            counts[0] += best.get(challenge.id, 0) >= SOLVED
    return [{"tag": tag, "solved": solved, "total": total}
            for tag, (solved, total) in sorted(tags.items())]
