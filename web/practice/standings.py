"""Scores from graded submissions: best per challenge, the leaderboard, progress over time.

Everything is computed from the submissions table (the one source of truth), so a rejudge
changes standings with no bookkeeping. Only graded `submit` submissions count; a run of the
visible examples never does, and neither does a candidate's work in a mock interview
(those submissions have no user).
"""
from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import and_, case, func, or_, select

from web.dates import iso
from web.db import db
from web.enums import JUDGE_FAILURE, SOLVED, Kind, Status
from web.models import Submission, User, utcnow
from web.periods import since


def graded(since: datetime | None = None):
    """Conditions selecting the submissions that count for scores."""
    conditions = [Submission.kind == Kind.SUBMIT, Submission.status == Status.DONE,
                  Submission.verdict != JUDGE_FAILURE,  # the judge's failures never count
                  Submission.user_id.is_not(None)]  # interview submissions are team data
    if since is not None:
        conditions.append(Submission.created_at >= since)
    return conditions


def best_per_challenge(since: datetime | None = None):
    """Subquery: (user_id, challenge_id, best, reached_at) — when the best was first reached.

    Two grouped passes the covering index serves (kind, status, user, challenge, score,
    created_at): each pair's best score, then the earliest submission with that score.
    """
    counted = graded(since)
    top = (select(Submission.user_id, Submission.challenge_id,
                  func.max(Submission.score).label("best"))
           .where(*counted).group_by(Submission.user_id, Submission.challenge_id).subquery())
    return (select(top.c.user_id, top.c.challenge_id, top.c.best,
                   func.min(Submission.created_at).label("reached_at"))
            .join(Submission, and_(Submission.user_id == top.c.user_id,
                                   Submission.challenge_id == top.c.challenge_id,
                                   Submission.score == top.c.best))
            .where(*counted).group_by(top.c.user_id, top.c.challenge_id, top.c.best).subquery())


@dataclass(frozen=True)
class Standing:
    rank: int
    user_id: int
    username: str
    total: int
    solved: int
    reached_at: datetime


@dataclass(frozen=True)
class Board:
    """One page of the ranking, how many are ranked in all, and one person's place."""
    rows: list[Standing]
    count: int
    mine: Standing | None


def ranked(period: str = "all", challenge_ids=None):
    """Subquery: everyone with points, their rank (by total, then solved count, then who got
    there first) and how many are ranked, computed by the database in one pass."""
    best = best_per_challenge(since(period, utcnow()))
    conditions = [User.active.is_(True)]
    if challenge_ids is not None:  # challenges removed from the catalogue no longer count
        conditions.append(best.c.challenge_id.in_(list(challenge_ids)))
    total = func.sum(best.c.best)
    solved = func.sum(case((best.c.best >= SOLVED, 1), else_=0))
    reached = func.max(best.c.reached_at)
    order = (total.desc(), solved.desc(), reached.asc(), User.id)
    return (select(User.id.label("user_id"), User.username, total.label("total"),
                   solved.label("solved"), reached.label("reached_at"),
                   func.row_number().over(order_by=order).label("rank"),
                   func.count().over().label("ranked"))
            .join(best, best.c.user_id == User.id).where(*conditions)
            .group_by(User.id, User.username).having(total > 0).subquery())


def _standing(row) -> Standing:
    return Standing(int(row.rank), row.user_id, row.username, int(row.total), int(row.solved),
                    row.reached_at)


def board(period: str = "all", challenge_ids=None, *, offset: int = 0, limit: int = 0,
          user_id: int | None = None) -> Board:
    """Ranks offset+1 .. offset+limit, the count, and `user_id`'s standing: one query
    (a second one only for a page past the end, to count)."""
    table = ranked(period, challenge_ids)
    wanted = table.c.rank.between(offset + 1, offset + limit)
    if user_id is not None:
        wanted = or_(wanted, table.c.user_id == user_id)
    rows = db().execute(select(table).where(wanted).order_by(table.c.rank)).all()
    if rows:
        count = int(rows[0].ranked)
    else:
        count = db().scalar(select(func.count()).select_from(table)) if offset else 0
    page = [_standing(row) for row in rows if offset < row.rank <= offset + limit]
    mine = next((_standing(row) for row in rows if row.user_id == user_id), None)
    return Board(page, count, mine)


def ranking(period: str = "all", challenge_ids=None) -> list[Standing]:
    """The whole ranking (tests, small lists); pages use `board`."""
    table = ranked(period, challenge_ids)
    return [_standing(row) for row in db().execute(select(table).order_by(table.c.rank))]


def standing_of(user_id: int, period: str = "all", challenge_ids=None) -> Standing | None:
    """One person's place, in one query."""
    return board(period, challenge_ids, user_id=user_id).mine


def best_scores(user_id: int | None) -> dict[str, int]:
    """challenge id -> the user's best score; nothing for nobody (an anonymous visitor)."""
    if user_id is None:
        return {}
    rows = db().execute(select(Submission.challenge_id, func.max(Submission.score))
                        .where(Submission.user_id == user_id, *graded())
                        .group_by(Submission.challenge_id)).all()
    return {challenge_id: int(score) for challenge_id, score in rows}


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
            points.append({"t": iso(created_at),
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
