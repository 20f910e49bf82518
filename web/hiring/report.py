"""What interviewers read: the live summary while an interview runs, the report afterwards,
and its CSV export.

Scoring: a coding item earns best_score / 100 × its points (no graded submission: 0); a
conceptual item earns rubric / 5 × its points once an interviewer has rated it, and is
pending until then. A judge failure (`internal_error`) is shown but never counts.
"""
import csv
import io
import json
from dataclasses import dataclass, field
from functools import cached_property

from markupsafe import Markup
from sqlalchemy import select

from judge.figures import render_figure
from web import clock
from web.dates import iso
from web.db import db
from web.display import badge
from web.enums import JUDGE_FAILURE, SOLVED, ItemKind, Kind, Status
from web.errors import Refused
from web.hiring import interviews
from web.hiring.catalogue_items import written_question
from web.hiring.similarity import SUSPICIOUS, matching_lines, similarity
from web.models import EditorSnapshot, Interview, InterviewItem, Submission
from web.practice.catalogue import catalogue

RUBRIC = {1: "poor", 2: "weak", 3: "adequate", 4: "good", 5: "excellent"}
MAX_NOTES = 10_000


def review(item: InterviewItem, rubric: str, notes: str, reviewer_id: int) -> None:
    """An interviewer's rating (1-5, conceptual items; "" clears it) and notes (any item)."""
    if item.kind == ItemKind.QUESTION:
        if rubric != "" and rubric not in {str(n) for n in RUBRIC}:
            raise Refused("The rating must be a whole number from 1 to 5.")
        item.rubric = int(rubric) if rubric else None
    if len(notes) > MAX_NOTES:
        raise Refused(f"Notes are limited to {MAX_NOTES:,} characters.", 413)
    item.notes = notes
    item.reviewed_by, item.reviewed_at = reviewer_id, clock.now()
    db().commit()


@dataclass
class SimilarWork:
    """Another candidate of the same team whose final code for this challenge is close; the
    line sets say which lines of each side share code with the other, for highlighting."""
    interview: Interview
    code: str
    score: float
    my_lines: set = field(default_factory=set)
    their_lines: set = field(default_factory=set)


@dataclass
class ItemReport:
    item: InterviewItem
    seconds: int
    rows: list = field(default_factory=list)  # every run and submission, oldest first
    snapshot: EditorSnapshot | None = None  # the latest: the final code
    similar: list = field(default_factory=list)

    @cached_property
    def counterexamples(self) -> list[tuple[dict, Markup | None]]:
        """Each distinct shrunk counterexample the candidate met, in the order they met them,
        with its figure (drawn only when a report shows them, never for the live view)."""
        challenge, seen, found = self.challenge, set(), []
        for submission in self.counted:
            example = (submission.result or {}).get("counterexample")
            if not example:
                continue
            key = json.dumps(example, sort_keys=True, default=str)
            if key in seen:
                continue
            seen.add(key)
            found.append((example, render_figure(getattr(challenge, "figure", None), example)))
        return found

    @property
    def submissions(self) -> list[Submission]:
        """The graded attempts (runs of the visible examples are counted apart)."""
        return [s for s in self.rows if s.kind == Kind.SUBMIT]

    @property
    def runs(self) -> int:
        return sum(s.kind == Kind.RUN for s in self.rows)

    @property
    def final_code(self) -> str | None:
        return self.snapshot.code if self.snapshot else None

    @property
    def challenge(self):
        return catalogue().challenges.get(self.item.ref_id) if self.coding else None

    @property
    def question(self):
        return None if self.coding else written_question(self.item.ref_id, self.item.interview.team_id)

    @property
    def coding(self) -> bool:
        return self.item.kind == ItemKind.CHALLENGE

    @property
    def counted(self) -> list[Submission]:
        return [s for s in self.submissions if s.status == Status.DONE and s.verdict != JUDGE_FAILURE]

    @property
    def attempts(self) -> int:
        return len(self.submissions)

    @property
    def best_score(self) -> int | None:
        return max((s.score for s in self.counted), default=None)

    @property
    def earned(self) -> float | None:
        """Points earned, or None while a conceptual answer waits for its rating."""
        if self.coding:
            return round((self.best_score or 0) * self.item.points / SOLVED, 1)
        if self.item.rubric is None:
            return None
        return round(self.item.rubric * self.item.points / 5, 1)


@dataclass
class Report:
    interview: Interview
    status: str
    items: list

    @property
    def points(self) -> int:
        return sum(r.item.points for r in self.items)

    @property
    def earned(self) -> float:
        return round(sum(r.earned for r in self.items if r.earned is not None), 1)

    @property
    def pending(self) -> int:
        return sum(r.earned is None for r in self.items)


def submissions_by_item(interview: Interview) -> dict[int, list[Submission]]:
    ids = [item.id for item in interview.items]
    rows = db().scalars(select(Submission).where(Submission.interview_item_id.in_(ids))
                        .order_by(Submission.id)).all() if ids else []
    grouped: dict[int, list[Submission]] = {item_id: [] for item_id in ids}
    for row in rows:
        grouped[row.interview_item_id].append(row)
    return grouped


def build(interview: Interview, *, compare: bool = True) -> Report:
    grouped = submissions_by_item(interview)
    latest = interviews.latest_snapshots(item.id for item in interview.items)
    items = []
    for item in interview.items:
        items.append(ItemReport(item=item, seconds=interviews.seconds_on(interview, item),
                                rows=grouped[item.id], snapshot=latest.get(item.id)))
    result = Report(interview=interview, status=interviews.status(interview), items=items)
    if compare:
        flag_similar_work(result)
    return result


def meaningful(code: str | None, starter: str) -> bool:
    """Code worth comparing: something beyond the untouched starter."""
    return bool(code and code.strip() and code.strip() != starter.strip())


def flag_similar_work(report: Report) -> None:
    """Compare each final solution with other candidates' for the same challenge, within the
    same team only (another team's candidates are never read)."""
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
    for item, other in rows:
        snapshot = latest.get(item.id)
        entry = mine[item.ref_id]
        starter = getattr(entry.challenge, "starter", "")
        if snapshot is None or not meaningful(snapshot.code, starter):
            continue
        score = similarity(entry.final_code, snapshot.code, starter)
        if score >= SUSPICIOUS:
            mine_lines, their_lines = matching_lines(entry.final_code, snapshot.code, starter)
            entry.similar.append(SimilarWork(interview=other, code=snapshot.code, score=score,
                                             my_lines=mine_lines, their_lines=their_lines))
    for entry in mine.values():
        entry.similar.sort(key=lambda work: -work.score)


# --- live view ------------------------------------------------------------------------------

def live_state(interview: Interview) -> dict:
    """What the live page polls: where the candidate is, time left, verdicts, latest code."""
    report = build(interview, compare=False)
    positions = {item.id: item.position for item in interview.items}
    recent = sorted((s for r in report.items for s in r.rows), key=lambda s: -s.id)[:30]
    latest = max((r.snapshot for r in report.items if r.snapshot), key=lambda snap: snap.id,
                 default=None)
    current = interviews.current_item(interview)
    return {
        "status": report.status,
        "status_label": interviews.STATUS_LABELS[report.status],
        "started_at": iso(interview.started_at), "deadline": iso(interview.deadline),
        "finished_at": iso(interview.finished_at),
        "seconds_left": interviews.seconds_left(interview),
        "current_position": interview.current_position if interview.started_at else None,
        "current_title": current.title if current and interview.started_at else None,
        "bound": interview.browser_hash is not None,
        "current_answer": current.answer or "" if current and current.kind == ItemKind.QUESTION else None,
        "items": [{"position": r.item.position, "title": r.item.title, "kind": r.item.kind,
                   "points": r.item.points, "seconds": r.seconds, "attempts": r.attempts,
                   "runs": r.runs, "best_score": r.best_score,
                   "last_verdict": r.submissions[-1].verdict if r.submissions else None,
                   "last_badge": badge(r.submissions[-1].verdict).as_json()
                   if r.submissions and r.submissions[-1].verdict else None,
                   "answer_chars": len(r.item.answer or "")} for r in report.items],
        "submissions": [{"id": s.id, "position": positions[s.interview_item_id],
                         "kind": s.kind, "status": s.status, "verdict": s.verdict,
                         "score": s.score, "created_at": iso(s.created_at),
                         "badge": _badge_json(s)} for s in recent],
        "latest_code": None if latest is None else {
            "position": positions[latest.item_id], "code": latest.code,
            "taken_at": iso(latest.taken_at)},
    }


def _badge_json(submission: Submission) -> dict | None:
    shown = badge(submission.verdict, submission.status)
    return shown.as_json() if shown else None


# --- CSV ------------------------------------------------------------------------------------

FORMULA_START = ("=", "+", "-", "@", "\t", "\r")
CSV_HEADER = ["interview", "candidate", "email", "item", "kind", "title", "points", "earned",
              "best_score", "attempts", "runs", "verdicts", "time_spent_s", "rubric", "notes",
              "answer", "similar_to", "final_code"]


def cell(value):
    """A CSV cell a spreadsheet will not run: text that could start a formula gets a '."""
    if value is None:
        return ""
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        return value
    text = str(value)
    return "'" + text if text.startswith(FORMULA_START) else text


def csv_text(report: Report) -> str:
    interview = report.interview
    out = io.StringIO()
    writer = csv.writer(out)
    writer.writerow(CSV_HEADER)
    for r in report.items:
        writer.writerow([cell(v) for v in (
            interview.id, interview.candidate_name, interview.candidate_email,
            r.item.position + 1, r.item.kind, r.item.title, r.item.points, r.earned,
            r.best_score, r.attempts if r.coding else None, r.runs if r.coding else None,
            " ".join(s.verdict or s.status for s in r.submissions), r.seconds, r.item.rubric,
            r.item.notes, r.item.answer,
            "; ".join(f"{w.interview.candidate_name} ({w.score:.2f})" for w in r.similar),
            r.final_code)])
    writer.writerow([cell(v) for v in (
        interview.id, interview.candidate_name, interview.candidate_email, "total", "", "",
        report.points, report.earned, None, None, None, None,
        sum(r.seconds for r in report.items), None,
        f"{report.pending} item(s) not rated yet" if report.pending else "", None, None, None)])
    return out.getvalue()
