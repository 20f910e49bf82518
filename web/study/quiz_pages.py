"""Quick quiz: N random questions against the clock; write, then self-mark the key points.

The deadline is kept on the server: an answer that arrives after it is refused and the quiz
ends. Marking which key points an answer hit stays possible afterwards.
"""
import json
import random
from datetime import timedelta

from flask import Blueprint, abort, flash, redirect, render_template, request, url_for
from flask_login import current_user, login_required
from sqlalchemy import select

from web.db import db
from web.models import Quiz, QuizItem, utcnow
from web.study.questions import SECTIONS, questions

bp = Blueprint("quiz", __name__)
SECONDS_PER_QUESTION = 150
SIZES = (3, 5, 10)
MAX_ANSWER_CHARS = 5000


def pick(count: int, section: str = "", tag: str = "", rng=random) -> list[str]:
    pool = [q.id for q in questions().values()
            if (not section or q.section == section) and (not tag or tag in q.tags)]
    return rng.sample(pool, min(count, len(pool)))


def own_quiz_or_404(quiz_id: int) -> Quiz:
    quiz = db().get(Quiz, quiz_id)
    if quiz is None or quiz.user_id != current_user.id:
        abort(404, description=f"no quiz {quiz_id}")
    return quiz


def item_at(quiz: Quiz, position: int) -> QuizItem | None:
    return next((item for item in quiz.items if item.position == position), None)


def expired(quiz: Quiz) -> bool:
    return quiz.finished_at is not None or utcnow() > quiz.deadline


def close_if_done(quiz: Quiz) -> None:
    if quiz.finished_at is None and (utcnow() > quiz.deadline or
                                     all(item.hits_json is not None for item in quiz.items)):
        quiz.finished_at = min(utcnow(), quiz.deadline)


def current_item(quiz: Quiz) -> QuizItem | None:
    """The first item not yet marked (answered or not)."""
    return next((item for item in quiz.items if item.hits_json is None), None)


def score(quiz: Quiz) -> tuple[int, int]:
    return (sum(len(item.hits) for item in quiz.items),
            sum(item.key_points for item in quiz.items))


@bp.route("/quiz", methods=["GET", "POST"])
@login_required
def index():
    tags = sorted({tag for q in questions().values() for tag in q.tags})
    if request.method == "POST":
        count = request.form.get("count", type=int)
        section, tag = request.form.get("section", ""), request.form.get("tag", "")
        if count not in SIZES or (section and section not in SECTIONS) or (tag and tag not in tags):
            abort(400, description="choose a size, and a section or tag from the lists")
        chosen = pick(count, section, tag)
        if not chosen:
            flash("No questions match that choice.")
            return redirect(url_for("quiz.index"))
        now = utcnow()
        quiz = Quiz(user_id=current_user.id, created_at=now,
                    scope=f"section:{section}" if section else (f"tag:{tag}" if tag else ""),
                    deadline=now + timedelta(seconds=SECONDS_PER_QUESTION * len(chosen)))
        quiz.items = [QuizItem(position=i, question_id=qid,
                               key_points=len(questions()[qid].key_points))
                      for i, qid in enumerate(chosen)]
        db().add(quiz)
        db().commit()
        return redirect(url_for("quiz.show", quiz_id=quiz.id))
    past = db().scalars(select(Quiz).where(Quiz.user_id == current_user.id)
                        .order_by(Quiz.id.desc()).limit(20)).all()
    return render_template("study/quiz/index.html", sizes=SIZES, sections=SECTIONS, tags=tags,
                           past=[(quiz, score(quiz)) for quiz in past],
                           minutes=SECONDS_PER_QUESTION / 60)


@bp.route("/quiz/<int:quiz_id>")
@login_required
def show(quiz_id: int):
    quiz = own_quiz_or_404(quiz_id)
    close_if_done(quiz)
    db().commit()
    item = current_item(quiz)
    if item is None or (expired(quiz) and item.answer is None):  # answers go in order
        return render_template("study/quiz/summary.html", quiz=quiz, bank=questions(),
                               score=score(quiz))
    return render_template("study/quiz/item.html", quiz=quiz, item=item, bank=questions(),
                           question=questions().get(item.question_id), expired=expired(quiz),
                           deadline=quiz.deadline.isoformat() + "Z")


@bp.route("/quiz/<int:quiz_id>/answer/<int:position>", methods=["POST"])
@login_required
def answer(quiz_id: int, position: int):
    quiz = own_quiz_or_404(quiz_id)
    item = item_at(quiz, position)
    if item is None:
        abort(404, description=f"no question {position} in this quiz")
    if expired(quiz):
        close_if_done(quiz)
        db().commit()
        flash("Time is up: that answer arrived after the deadline and was not saved.")
        return redirect(url_for("quiz.show", quiz_id=quiz.id))
    if item.answer is None:  # the first answer counts; no rewriting after seeing the model
        item.answer = (request.form.get("answer") or "")[:MAX_ANSWER_CHARS]
        item.answered_at = utcnow()
        db().commit()
    return redirect(url_for("quiz.show", quiz_id=quiz.id))


@bp.route("/quiz/<int:quiz_id>/mark/<int:position>", methods=["POST"])
@login_required
def mark(quiz_id: int, position: int):
    quiz = own_quiz_or_404(quiz_id)
    item = item_at(quiz, position)
    if item is None or item.answer is None:
        abort(400, description="answer the question before marking it")
    hits = sorted({int(h) for h in request.form.getlist("hit") if h.isdigit()
                   and int(h) < item.key_points})
    item.hits_json = json.dumps(hits)
    close_if_done(quiz)
    db().commit()
    return redirect(url_for("quiz.show", quiz_id=quiz.id))
