"""One submission: its page (code and result) and the result panel fragment the editor shows."""
from flask import Blueprint, render_template
from flask_login import current_user, login_required

from web.practice.result_panel import panel_context
from web.practice.submissions import visible_submission

bp = Blueprint("submissions", __name__)


@bp.route("/submissions/<int:submission_id>")
@login_required
def show(submission_id: int):
    submission = visible_submission(submission_id, current_user)
    return render_template("practice/submissions/show.html", **panel_context(submission))


@bp.route("/submissions/<int:submission_id>/panel")
@login_required
def panel(submission_id: int):
    submission = visible_submission(submission_id, current_user)
    return render_template("practice/submissions/_panel.html", **panel_context(submission))
