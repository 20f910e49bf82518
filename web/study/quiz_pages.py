"""The quiz pages: choose and start one, answer each question, mark it, read the results."""
from flask import Blueprint, flash, redirect, render_template, request, url_for
from flask_login import current_user, login_required

from web.dates import iso
from web.db import db
from web.study import quiz
from web.study.questions import SECTIONS, question_tags, questions
from web.text import MAX_ANSWER_CHARS

bp = Blueprint("quiz", __name__)


@bp.route("/quiz", methods=["GET", "POST"])
@login_required
def index():
    if request.method == "POST":
        started = quiz.start(current_user.id, request.form.get("count", type=int),
                             request.form.get("section", ""), request.form.get("tag", ""))
        if started is None:
            flash("No questions match that choice.")
            return redirect(url_for("quiz.index"))
        return redirect(url_for("quiz.show", quiz_id=started.id))
    past = quiz.recent(current_user.id)
    return render_template("study/quiz/index.html", sizes=quiz.SIZES, sections=SECTIONS,
                           tags=question_tags(), past=[(row, quiz.score(row)) for row in past],
                           minutes=quiz.SECONDS_PER_QUESTION / 60)


@bp.route("/quiz/<int:quiz_id>")
@login_required
def show(quiz_id: int):
    sitting = quiz.own_quiz(quiz_id, current_user.id)
    quiz.close_if_done(sitting)
    db().commit()
    item = quiz.current_item(sitting)
    if item is None or (quiz.expired(sitting) and item.answer is None):  # answers go in order
        return render_template("study/quiz/summary.html", quiz=sitting, bank=questions(),
                               score=quiz.score(sitting))
    return render_template("study/quiz/item.html", quiz=sitting, item=item, bank=questions(),
                           question=questions().get(item.question_id),
                           expired=quiz.expired(sitting), deadline=iso(sitting.deadline),
                           max_answer=MAX_ANSWER_CHARS)


@bp.route("/quiz/<int:quiz_id>/answer/<int:position>", methods=["POST"])
@login_required
def answer(quiz_id: int, position: int):
    sitting = quiz.own_quiz(quiz_id, current_user.id)
    if not quiz.answer(sitting, position, request.form.get("answer")):
        flash("Time is up: that answer arrived after the deadline and was not saved.")
    return redirect(url_for("quiz.show", quiz_id=sitting.id))


@bp.route("/quiz/<int:quiz_id>/mark/<int:position>", methods=["POST"])
@login_required
def mark(quiz_id: int, position: int):
    sitting = quiz.own_quiz(quiz_id, current_user.id)
    quiz.mark(sitting, position, [int(h) for h in request.form.getlist("hit") if h.isdigit()])
    return redirect(url_for("quiz.show", quiz_id=sitting.id))
