"""Challenge list and the challenge page (statement, editor, results, history)."""
from flask import Blueprint, render_template, request
from flask_login import current_user, login_required

from web.practice import standings
from web.practice.catalogue import catalogue, challenge_or_404, visible_examples
from web.practice.submissions import history, latest_pending

bp = Blueprint("challenges", __name__)


@bp.route("/")
def index():
    rates = standings.acceptance_rates()
    best = standings.best_scores(current_user.id if current_user.is_authenticated else None)
    tag = request.args.get("tag")
    challenges = [c for c in catalogue().ordered() if not tag or tag in c.tags]
    return render_template("practice/challenges/index.html", challenges=challenges, rates=rates,
                           best=best, tags=catalogue().tags(), tag=tag)


@bp.route("/challenges/<challenge_id>")
def show(challenge_id: str):
    challenge = challenge_or_404(challenge_id)
    submissions, pending, best = [], None, None
    if current_user.is_authenticated:
        submissions = history(current_user.id, challenge.id)
        pending = latest_pending(current_user.id, challenge.id)
        best = standings.best_scores(current_user.id).get(challenge.id)
    return render_template(
        "practice/challenges/show.html", challenge=challenge,
        statement=catalogue().statements[challenge.id],
        submissions=submissions, pending=pending,
        best=best, examples=visible_examples(challenge))


@bp.route("/challenges/<challenge_id>/history")
@login_required
def history_fragment(challenge_id: str):
    """The submission list alone, refreshed by the page after each verdict."""
    challenge = challenge_or_404(challenge_id)
    return render_template("practice/challenges/_history.html", challenge=challenge,
                           submissions=history(current_user.id, challenge.id))
