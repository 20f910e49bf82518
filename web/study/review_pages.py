"""Review mode: today's queue of flashcards, rated again / hard / good / easy."""
from flask import Blueprint, abort, redirect, render_template, request, url_for
from flask_login import current_user, login_required

from web.study import spaced_repetition
from web.study.questions import questions

bp = Blueprint("review", __name__)


@bp.route("/review")
@login_required
def index():
    bank = questions()
    queue = spaced_repetition.due_queue(current_user.id, list(bank))
    question = bank[queue[0]] if queue else None
    buttons = []
    if question:
        intervals = spaced_repetition.preview(current_user.id, question.id)
        buttons = [(value, name, spaced_repetition.describe(intervals[value]))
                   for value, name in spaced_repetition.RATINGS.items()]
    return render_template("study/review/index.html", question=question, remaining=len(queue),
                           buttons=buttons, streak=spaced_repetition.streak(current_user.id))


@bp.route("/review/<question_id>", methods=["POST"])
@login_required
def rate(question_id: str):
    if question_id not in questions():
        abort(404, description=f"no question called {question_id!r}")
    rating = request.form.get("rating", type=int)
    if rating not in spaced_repetition.RATINGS:
        abort(400, description="rating must be 1 (again), 2 (hard), 3 (good) or 4 (easy)")
    spaced_repetition.rate(current_user.id, question_id, rating)
    return redirect(url_for("review.index"))
