"""Leaderboard and progress pages."""
from flask import Blueprint, render_template, request
from flask_login import current_user, login_required
from sqlalchemy import select

from web.db import db
from web.models import Quiz
from web.practice import standings
from web.practice.catalogue import catalogue
from web.study import quiz_pages as quiz
from web.study import spaced_repetition as study
from web.study.questions import questions

bp = Blueprint("scores", __name__)
PAGE_SIZE = 50


def period_arg() -> str:
    return "week" if request.args.get("period") == "week" else "all"


def page_arg() -> int:
    page = request.args.get("page", "1")
    return max(1, int(page)) if page.isdigit() else 1


@bp.route("/leaderboard")
def leaderboard():
    period, page = period_arg(), page_arg()
    ids = catalogue().challenges.keys()
    ranking = standings.ranking(period, ids)
    rows, count = ranking[(page - 1) * PAGE_SIZE:page * PAGE_SIZE], len(ranking)
    mine = standings.standing_of(current_user.id, ranking) if current_user.is_authenticated else None
    pages = max(1, -(-count // PAGE_SIZE))
    return render_template("practice/scores/leaderboard.html", rows=rows, count=count, period=period,
                           page=page, pages=pages, mine=mine)


@bp.route("/progress")
@login_required
def progress():
    challenges = catalogue().challenges
    best = standings.best_scores(current_user.id)
    return render_template(
        "practice/scores/progress.html", challenges=catalogue().ordered(), best=best,
        points=standings.score_over_time(current_user.id, challenges.keys()),
        tags=standings.solved_by_tag(best, challenges),
        mine=standings.standing_of(current_user.id, standings.ranking("all", challenges.keys())),
        total=sum(best.get(cid, 0) for cid in challenges),
        review=review_summary(current_user.id), quizzes=quiz_results(current_user.id))


def review_summary(user_id: int) -> dict:
    bank = list(questions())
    return {"due": len(study.due_queue(user_id, bank)), "streak": study.streak(user_id),
            "seen": len(study.cards_of(user_id)), "bank": len(bank)}


def quiz_results(user_id: int) -> list[dict]:
    rows = db().scalars(select(Quiz).where(Quiz.user_id == user_id, Quiz.finished_at.is_not(None))
                        .order_by(Quiz.id.desc()).limit(10)).all()
    results = []
    for row in rows:
        hit, total = quiz.score(row)
        results.append({"quiz": row, "hit": hit, "total": total})
    return results
