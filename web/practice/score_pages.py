"""Leaderboard and progress pages."""
from flask import Blueprint, render_template, request
from flask_login import current_user, login_required

from web.paging import page_count, page_window
from web.periods import period_from
from web.practice import standings
from web.practice.catalogue import catalogue
from web.study import quiz, spaced_repetition
from web.study.questions import questions

bp = Blueprint("scores", __name__)
PAGE_SIZE = 50


@bp.route("/leaderboard")
def leaderboard():
    period, window = period_from(request.args), page_window(request.args, PAGE_SIZE)
    board = standings.board(period, catalogue().challenges.keys(), offset=window.offset,
                            limit=window.limit,
                            user_id=current_user.id if current_user.is_authenticated else None)
    return render_template("practice/scores/leaderboard.html", rows=board.rows, count=board.count,
                           period=period, page=window.page, mine=board.mine,
                           pages=page_count(board.count, PAGE_SIZE))


@bp.route("/progress")
@login_required
def progress():
    challenges = catalogue().challenges
    best = standings.best_scores(current_user.id)
    return render_template(
        "practice/scores/progress.html", challenges=catalogue().ordered(), best=best,
        points=standings.score_over_time(current_user.id, challenges.keys()),
        tags=standings.solved_by_tag(best, challenges),
        mine=standings.standing_of(current_user.id, "all", challenges.keys()),
        total=sum(best.get(cid, 0) for cid in challenges),
        review=review_summary(current_user.id), quizzes=quiz_results(current_user.id))


def review_summary(user_id: int) -> dict:
    bank = list(questions())
    return {"due": len(spaced_repetition.due_queue(user_id, bank)),
            "streak": spaced_repetition.streak(user_id),
            "seen": len(spaced_repetition.cards_of(user_id)), "bank": len(bank)}


def quiz_results(user_id: int) -> list[dict]:
    return [{"quiz": row, "hit": hit, "total": total}
            for row in quiz.recent(user_id, 10, finished=True) for hit, total in [quiz.score(row)]]
