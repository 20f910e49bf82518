"""One submission: its page (code and result) and the result panel fragment the editor shows."""
from flask import Blueprint, render_template
from flask_login import login_required

from web.figures import render_figure
from web.practice.catalogue import catalogue
from web.practice.submissions import visible_submission_or_404

bp = Blueprint("submissions", __name__)


def panel_context(submission) -> dict:
    challenge = catalogue().challenges.get(submission.challenge_id)
    result = submission.result
    counterexample = result.get("counterexample") if result else None
    figure = render_figure(getattr(challenge, "figure", None), counterexample) if counterexample else None
    return {"submission": submission, "challenge": challenge, "result": result,
            "counterexample": counterexample, "figure": figure}


@bp.route("/submissions/<int:submission_id>")
@login_required
def show(submission_id: int):
    submission = visible_submission_or_404(submission_id)
    return render_template("practice/submissions/show.html", **panel_context(submission))


@bp.route("/submissions/<int:submission_id>/panel")
@login_required
def panel(submission_id: int):
    submission = visible_submission_or_404(submission_id)
    return render_template("practice/submissions/_panel.html", **panel_context(submission))
