"""What interviewers read: the live summary while an interview runs, the report afterwards,
and its CSV export.

Scoring: a coding item earns best_score / 100 × its points (no graded submission: 0); a
conceptual item earns the combined rating of its scorecards / 5 × its points (web.hiring.
scorecards), and is pending until someone rates it, or hidden from a member who has not
submitted their own scorecard yet. A judge failure (`internal_error`) is shown but never counts.
"""
import csv
import io
import json
from dataclasses import dataclass, field
from functools import cached_property

from markupsafe import Markup
from sqlalchemy import select

from judge.figures import render_figure
from web.dates import iso
from web.db import db
from web.display import badge
from web.enums import JUDGE_FAILURE, SOLVED, ItemKind, Kind, Status
from web.hiring import interviews, pools, scorecards, signals
from web.hiring.catalogue_items import written_question
from web.hiring.similar_work import flag_similar_work
from web.models import EditorSnapshot, Interview, InterviewItem, Submission
from web.practice.catalogue import catalogue

RUBRIC = scorecards.RUBRIC


@dataclass
class ItemReport:
    item: InterviewItem
    seconds: int
    rows: list = field(default_factory=list)  # every run and submission, oldest first
    snapshot: EditorSnapshot | None = None  # the latest: the final code
    similar: list = field(default_factory=list)
    events: list = field(default_factory=list)  # integrity signals on this item
    cards: scorecards.ItemCards = field(default_factory=scorecards.ItemCards)

    @property
    def signal_summary(self) -> list[str]:
        return signals.summarise(self.events).words()

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
    def drawn_from(self) -> str | None:
        """The pool this item was drawn from, in words (None for a fixed item)."""
        draw = self.item.draw
        return pools.describe(self.item.kind, draw["pool"], count=False) if draw else None

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
        if self.cards.combined is None:
            return None
        return round(self.cards.combined * self.item.points / 5, 1)


@dataclass
class Report:
    interview: Interview
    status: str
    items: list
    events: list = field(default_factory=list)  # integrity signals, oldest first

    @property
    def signal_summary(self) -> list[str]:
        return signals.summarise(self.events).words()

    @property
    def points(self) -> int:
        return sum(r.item.points for r in self.items)

    @property
    def earned(self) -> float:
        return round(sum(r.earned for r in self.items if r.earned is not None), 1)

    @property
    def pending(self) -> int:
        """Written items no one has rated yet (as far as this reader may see)."""
        return sum(r.earned is None and r.cards.visible for r in self.items)

    @property
    def hidden(self) -> int:
        """Items rated by colleagues, hidden until this reader submits their own scorecard."""
        return sum(not r.cards.visible for r in self.items)

    @property
    def team_rating(self) -> float | None:
        """The mean of every rating this reader may see, over all items."""
        return scorecards.combined([rating for r in self.items for rating in r.cards.ratings])

    @property
    def raters(self) -> list[str]:
        names = {card.reviewer.username for r in self.items for card in r.cards.shown}
        return sorted(names)


def submissions_by_item(interview: Interview) -> dict[int, list[Submission]]:
    ids = [item.id for item in interview.items]
    rows = db().scalars(select(Submission).where(Submission.interview_item_id.in_(ids))
                        .order_by(Submission.id)).all() if ids else []
    grouped: dict[int, list[Submission]] = {item_id: [] for item_id in ids}
    for row in rows:
        grouped[row.interview_item_id].append(row)
    return grouped


def build(interview: Interview, *, compare: bool = True, viewer_id: int | None = None) -> Report:
    """The report as `viewer_id` may read it (others' scorecards hidden until they submitted
    their own; None: every scorecard, for exports of the whole team's view)."""
    grouped = submissions_by_item(interview)
    cards = scorecards.cards_of(interview.items, viewer_id)
    latest = interviews.latest_snapshots(item.id for item in interview.items)
    events = signals.events_of(interview)
    items = []
    for item in interview.items:
        items.append(ItemReport(item=item, seconds=interviews.seconds_on(interview, item),
                                rows=grouped[item.id], snapshot=latest.get(item.id),
                                events=[e for e in events if e.position == item.position],
                                cards=cards[item.id]))
    result = Report(interview=interview, status=interviews.status(interview), items=items,
                    events=events)
    if compare:
        flag_similar_work(result)
    return result


# --- live view ------------------------------------------------------------------------------

def live_state(interview: Interview) -> dict:
    """What the live page polls: where the candidate is, time left, verdicts, latest code."""
    report = build(interview, compare=False)
    positions = {item.id: item.position for item in interview.items}
    recent = sorted((s for r in report.items for s in r.rows), key=lambda s: -s.id)[:30]
    latest = max((r.snapshot for r in report.items if r.snapshot), key=lambda snap: snap.id,
                 default=None)
    current = interviews.current_item(interview)
    events = signals.events_of(interview)
    return {
        "signals": [signals.as_json(event, interview.started_at) for event in events[-30:]][::-1],
        "signal_summary": signals.summarise(events).words(),
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


def card_notes(cards: scorecards.ItemCards) -> str:
    """Each visible scorecard's rating and notes (never the private notes), for exports."""
    return "\n".join(f"{card.reviewer.username} ({card.rating or '-'}/5): {card.notes}".rstrip()
                     for card in cards.shown)


def _csv(header: list[str], rows) -> str:
    out = io.StringIO()
    writer = csv.writer(out)
    writer.writerow(header)
    writer.writerows([cell(value) for value in row] for row in rows)
    return out.getvalue()


def csv_text(report: Report) -> str:
    interview = report.interview
    rows = []
    for r in report.items:
        rows.append((
            interview.id, interview.candidate_name, interview.candidate_email,
            r.item.position + 1, r.item.kind, r.item.title, r.item.points, r.earned,
            r.best_score, r.attempts if r.coding else None, r.runs if r.coding else None,
            " ".join(s.verdict or s.status for s in r.submissions), r.seconds, r.cards.combined,
            card_notes(r.cards), r.item.answer,
            "; ".join(f"{w.interview.candidate_name} ({w.score:.2f})" for w in r.similar),
            r.final_code))
    rows.append((
        interview.id, interview.candidate_name, interview.candidate_email, "total", "", "",
        report.points, report.earned, None, None, None, None,
        sum(r.seconds for r in report.items), None,
        f"{report.pending} item(s) not rated yet" if report.pending else "", None, None, None))
    return _csv(CSV_HEADER, rows)


SUMMARY_HEADER = ["interview", "candidate", "email", "item", "title", "points", "earned",
                  "best_score", "combined_rating", "scorecards", "signals"]


def summary_csv(report: Report) -> str:
    """The one-page summary as CSV: one row per item, then the total (private notes never)."""
    interview = report.interview
    who = (interview.id, interview.candidate_name, interview.candidate_email)
    rows = [(*who, r.item.position + 1, r.item.title, r.item.points,
             "hidden until you rate it" if not r.cards.visible else r.earned,
             r.best_score, r.cards.combined, card_notes(r.cards), "; ".join(r.signal_summary))
            for r in report.items]
    rows.append((*who, "total", "", report.points, report.earned, None, report.team_rating,
                 ", ".join(report.raters), "; ".join(report.signal_summary)))
    return _csv(SUMMARY_HEADER, rows)
