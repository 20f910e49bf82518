"""The report's similarity flag: each final solution against the other candidates' of the same
team (another team's candidates are never read), measured beyond what honest solutions share.

What honest solutions share, per challenge: the starter, the reference, the correct solutions
in the challenge folder and the latest accepted practice submissions (distinct code, at most
MAX_ACCEPTED). Web.hiring.similarity discounts it and decides from the pair's length.
"""
from dataclasses import dataclass, field

from flask import current_app
from sqlalchemy import func, select

from web.db import db
from web.enums import ACCEPTED, ItemKind, Kind, Status
from web.hiring import interviews
from web.hiring.similarity import Common, Match, common, compare, marks
from web.models import Interview, InterviewItem, Submission
from web.practice.catalogue import catalogue

MAX_ACCEPTED = 100


@dataclass
class SimilarWork:
    """Another candidate of the same team whose final code for this challenge is close; the
    segments mark, on each side, the code shared with the other beyond honest material."""
    interview: Interview
    code: str
    match: Match
    my_marks: list = field(default_factory=list)
    their_marks: list = field(default_factory=list)

    @property
    def score(self) -> float:
        return self.match.score


def honest_base(challenge_id: str) -> Common:
    """The grams of what honest solutions of this challenge share (see the module), kept
    until a new accepted practice submission arrives."""
    newest = db().scalar(select(func.max(Submission.id)).where(
        Submission.challenge_id == challenge_id, Submission.user_id.is_not(None),
        Submission.verdict == ACCEPTED))
    cache = current_app.extensions.setdefault("cvjudge.honest_bases", {})  # per app
    key = (challenge_id, newest or 0)
    if key not in cache:
        if len(cache) >= 64:
            cache.clear()
        cache[key] = _honest_base(challenge_id, newest or 0)
    return cache[key]


def _honest_base(challenge_id: str, newest_accepted: int) -> Common:
    challenge = catalogue().challenges.get(challenge_id)
    if challenge is None:
        return common([])
    sources = [challenge.starter, challenge.reference_source]
    sources += [solution.path.read_text() for solution in challenge.solutions if solution.correct]
    sources += db().scalars(
        select(Submission.code).where(Submission.challenge_id == challenge_id,
                                      Submission.user_id.is_not(None),
                                      Submission.kind == Kind.SUBMIT,
                                      Submission.status == Status.DONE,
                                      Submission.verdict == ACCEPTED,
                                      Submission.id <= newest_accepted)
        .group_by(Submission.code).order_by(func.max(Submission.id).desc())
        .limit(MAX_ACCEPTED)).all()
    return common(sources)


def meaningful(code: str | None, starter: str) -> bool:
    """Code worth comparing: something beyond the untouched starter."""
    return bool(code and code.strip() and code.strip() != starter.strip())


def flag_similar_work(report) -> None:
    """Fill each coding item's `similar` with the team's other candidates whose final code for
    the same challenge is flagged, most alike first."""
    mine = {r.item.ref_id: r for r in report.items
            if r.coding and meaningful(r.final_code, getattr(r.challenge, "starter", ""))}
    if not mine:
        return
    interview = report.interview
    rows = db().execute(
        select(InterviewItem, Interview).join(Interview, InterviewItem.interview_id == Interview.id)
        .where(Interview.team_id == interview.team_id, Interview.id != interview.id,
               InterviewItem.kind == ItemKind.CHALLENGE, InterviewItem.ref_id.in_(list(mine)))
        .order_by(Interview.id)).all()
    latest = interviews.latest_snapshots(item.id for item, _ in rows)
    bases = {ref: honest_base(ref) for ref in mine}
    for item, other in rows:
        snapshot = latest.get(item.id)
        entry = mine[item.ref_id]
        if snapshot is None or not meaningful(snapshot.code, getattr(entry.challenge, "starter", "")):
            continue
        match = compare(entry.final_code, snapshot.code, bases[item.ref_id])
        if match.flagged:
            my_marks, their_marks = marks(entry.final_code, snapshot.code, bases[item.ref_id])
            entry.similar.append(SimilarWork(interview=other, code=snapshot.code, match=match,
                                             my_marks=my_marks, their_marks=their_marks))
    for entry in mine.values():
        entry.similar.sort(key=lambda work: -work.score)
