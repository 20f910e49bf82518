"""Quick quiz: N random questions against the clock; write, then self-mark the key points.

The deadline is kept on the server (web.clock, like an interview's): an answer that arrives
after it is not saved and the quiz ends. Marking which key points an answer hit stays
possible afterwards. Answers follow the one rule for written answers (web.text).
"""
import json
import random
from datetime import timedelta

from sqlalchemy import select

from web import clock
from web.db import db
from web.errors import Refused
from web.models import Quiz, QuizItem
from web.sittings import item_at, time_is_up
from web.study.questions import SECTIONS, question_tags, questions
from web.text import check_answer

SECONDS_PER_QUESTION = 150
SIZES = (3, 5, 10)


def pick(count: int, section: str = "", tag: str = "", rng=random) -> list[str]:
    pool = [q.id for q in questions().values()
            if (not section or q.section == section) and (not tag or tag in q.tags)]
    return rng.sample(pool, min(count, len(pool)))


def start(user_id: int, count, section: str = "", tag: str = "") -> Quiz | None:
    """A new quiz for the choice made; None when no question matches it."""
    if count not in SIZES or (section and section not in SECTIONS) or \
            (tag and tag not in question_tags()):
        raise Refused("choose a size, and a section or tag from the lists")
    chosen = pick(count, section, tag)
    if not chosen:
        return None
    now = clock.now().replace(microsecond=0)  # whole seconds: the deadline the page shows
    quiz = Quiz(user_id=user_id, created_at=now,
                scope=f"section:{section}" if section else (f"tag:{tag}" if tag else ""),
                deadline=now + timedelta(seconds=SECONDS_PER_QUESTION * len(chosen)))
    quiz.items = [QuizItem(position=i, question_id=qid, key_points=len(questions()[qid].key_points))
                  for i, qid in enumerate(chosen)]
    db().add(quiz)
    db().commit()
    return quiz


def own_quiz(quiz_id: int, user_id: int) -> Quiz:
    quiz = db().get(Quiz, quiz_id)
    if quiz is None or quiz.user_id != user_id:
        raise Refused(f"no quiz {quiz_id}", 404)
    return quiz


def recent(user_id: int, limit: int = 20, *, finished: bool = False) -> list[Quiz]:
    query = select(Quiz).where(Quiz.user_id == user_id)
    if finished:
        query = query.where(Quiz.finished_at.is_not(None))
    return list(db().scalars(query.order_by(Quiz.id.desc()).limit(limit)))


def expired(quiz: Quiz) -> bool:
    return quiz.finished_at is not None or time_is_up(quiz.deadline)


def close_if_done(quiz: Quiz) -> None:
    if quiz.finished_at is None and (time_is_up(quiz.deadline) or
                                     all(item.hits_json is not None for item in quiz.items)):
        quiz.finished_at = min(clock.now(), quiz.deadline)


def current_item(quiz: Quiz) -> QuizItem | None:
    """The first item not yet marked (answered or not)."""
    return next((item for item in quiz.items if item.hits_json is None), None)


def score(quiz: Quiz) -> tuple[int, int]:
    return (sum(len(item.hits) for item in quiz.items),
            sum(item.key_points for item in quiz.items))


def answer(quiz: Quiz, position: int, text) -> bool:
    """Keep the first answer to the item at `position`; False when time was up (the quiz
    then ends). An answer over the limit is refused (413), never cut."""
    item = item_at(quiz, position)
    if item is None:
        raise Refused(f"no question {position} in this quiz", 404)
    if expired(quiz):
        close_if_done(quiz)
        db().commit()
        return False
    if item.answer is None:  # the first answer counts; no rewriting after seeing the model
        item.answer, item.answered_at = check_answer(text or ""), clock.now()
        db().commit()
    return True


def mark(quiz: Quiz, position: int, hits) -> None:
    """Record which key points (0-based) the answer covered."""
    item = item_at(quiz, position)
    if item is None or item.answer is None:
        raise Refused("answer the question before marking it")
    item.hits_json = json.dumps(sorted({h for h in hits if 0 <= h < item.key_points}))
    close_if_done(quiz)
    db().commit()
