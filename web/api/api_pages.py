"""JSON API under /api/v1, for the page's own scripts and for personal-token scripts."""
from flask import Blueprint, jsonify, request, url_for
from flask_login import current_user, login_required
from sqlalchemy import select
from sqlalchemy.orm import joinedload

from web.api.openapi import openapi_document
from web.dates import iso
from web.db import db
from web.enums import Kind
from web.links import absolute_url
from web.models import Submission
from web.paging import limit_window
from web.periods import period_from
from web.practice import standings
from web.practice.catalogue import catalogue, challenge_or_404, visible_examples
from web.practice.submissions import create_submission, to_json, visible_submission
from web.rate_limits import submit_limit
from web.security import limiter, user_or_ip

bp = Blueprint("api", __name__, url_prefix="/api/v1")


def challenge_summary(challenge, rates: dict, best: dict) -> dict:
    accepted, graded = rates.get(challenge.id, (0, 0))
    return {"id": challenge.id, "title": challenge.title, "difficulty": challenge.difficulty,
            "tags": list(challenge.tags),
            "acceptance_rate": round(accepted / graded, 4) if graded else None,
            "your_best_score": best.get(challenge.id),
            "url": absolute_url("challenges.show", challenge_id=challenge.id)}


def my_best_scores() -> dict[str, int]:
    return standings.best_scores(current_user.id if current_user.is_authenticated else None)


@bp.get("/challenges")
def list_challenges():
    best = my_best_scores()
    rates = standings.acceptance_rates()
    return jsonify(challenges=[challenge_summary(c, rates, best) for c in catalogue().ordered()])


@bp.get("/challenges/<challenge_id>")
def get_challenge(challenge_id: str):
    challenge = challenge_or_404(challenge_id)
    best = my_best_scores()
    data = challenge_summary(challenge, standings.acceptance_rates(), best)
    data.update(function=challenge.function, signature=challenge.signature,
                statement=challenge.statement, starter=challenge.starter,
                examples=visible_examples(challenge))
    return jsonify(data)


@bp.post("/submissions")
@login_required
@limiter.limit(submit_limit, key_func=user_or_ip)
def create():
    body = request.get_json(silent=True)
    if not isinstance(body, dict):
        return jsonify(error="Send a JSON object: {\"challenge\": id, \"code\": source}."), 400
    submission = create_submission(current_user, str(body.get("challenge", "")),
                                   body.get("code"), body.get("kind", Kind.SUBMIT),
                                   custom_input=body.get("input"))
    response = jsonify(to_json(submission))
    response.status_code = 202
    response.headers["Location"] = url_for("api.get_submission", submission_id=submission.id)
    return response


@bp.get("/submissions/<int:submission_id>")
@login_required
def get_submission(submission_id: int):
    return jsonify(to_json(visible_submission(submission_id, current_user), with_code=True))


@bp.get("/submissions")
@login_required
def list_submissions():
    query = select(Submission).where(Submission.user_id == current_user.id)
    if request.args.get("challenge"):
        query = query.where(Submission.challenge_id == request.args["challenge"])
    window = limit_window(request.args, 50, 200)
    rows = db().scalars(query.options(joinedload(Submission.user))
                        .order_by(Submission.id.desc()).limit(window.limit)).all()
    return jsonify(submissions=[to_json(s, with_result=False) for s in rows])


@bp.get("/leaderboard")
def leaderboard():
    period, window = period_from(request.args), limit_window(request.args, 100, 500)
    board = standings.board(period, catalogue().challenges.keys(), offset=window.offset,
                            limit=window.limit)
    return jsonify(period=period, count=board.count, rows=[
        {"rank": r.rank, "user": r.username, "total_score": r.total, "solved": r.solved,
         "reached_at": iso(r.reached_at)} for r in board.rows])


@bp.get("/me")
@login_required
def me():
    return jsonify(user=current_user.username, role=current_user.role,
                   best_scores=standings.best_scores(current_user.id))


@bp.get("/openapi.json")
def openapi():
    return jsonify(openapi_document(request.host_url.rstrip("/") + "/api/v1"))
