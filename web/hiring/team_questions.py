"""A team's private written questions: written by its members, used only in its interviews.

The question bank is public (the Concepts pages show every model answer), so a written item
drawn from it can be looked up by a candidate who searches its title; a team question is
visible to the team's members and, as a question without its answer, to their candidates.
"""
import json
from dataclasses import dataclass

from markupsafe import Markup
from sqlalchemy import select

from web import clock
from web.db import db
from web.errors import Refused
from web.markdown import render_markdown
from web.models import TeamQuestion, TemplateItem
from web.text import check_text, clean_name

PREFIX = "team:"  # a template or interview item's ref_id for a team question
MAX_TITLE, MAX_ANSWER, MAX_POINTS, MAX_POINT = 200, 10_000, 8, 300


@dataclass(frozen=True)
class WrittenQuestion:
    """What interview pages show of a team question (the bank's Question has the same)."""
    id: str
    title: str
    answer_html: Markup
    key_points: tuple[str, ...]
    private: bool = True


def ref_of(question: TeamQuestion) -> str:
    return f"{PREFIX}{question.id}"


def of_team(team_id: int) -> list[TeamQuestion]:
    return list(db().scalars(select(TeamQuestion).where(TeamQuestion.team_id == team_id)
                             .order_by(TeamQuestion.title, TeamQuestion.id)))


def question_of(team_id: int, question_id: int) -> TeamQuestion:
    question = db().get(TeamQuestion, question_id)
    if question is None or question.team_id != team_id:
        raise Refused("No such question in this team.", 404)
    return question


def resolve(ref_id: str, team_id: int | None) -> WrittenQuestion | None:
    """The team question `ref_id` names, if it belongs to `team_id` (None otherwise)."""
    number = ref_id.removeprefix(PREFIX)
    if team_id is None or not ref_id.startswith(PREFIX) or not number.isdigit():
        return None
    question = db().get(TeamQuestion, int(number))
    if question is None or question.team_id != team_id:
        return None
    return WrittenQuestion(id=ref_id, title=question.title,
                           answer_html=render_markdown(question.answer),
                           key_points=tuple(question.key_points))


def _checked(title: str | None, answer: str | None, key_points: str | None):
    title = clean_name(title, "The question", MAX_TITLE)
    answer = (answer or "").strip()
    check_text(answer, "model answer", "a model answer")
    if not answer or len(answer) > MAX_ANSWER:
        raise Refused(f"Write a model answer of 1 to {MAX_ANSWER:,} characters.")
    points = [clean_name(line, "A key point", MAX_POINT)
              for line in (key_points or "").splitlines() if line.strip()]
    if len(points) > MAX_POINTS:
        raise Refused(f"List at most {MAX_POINTS} key points, one per line.")
    return title, answer, json.dumps(points)


def create(team_id: int, title, answer, key_points) -> TeamQuestion:
    title, answer, points = _checked(title, answer, key_points)
    question = TeamQuestion(team_id=team_id, title=title, answer=answer,
                            key_points_json=points, created_at=clock.now())
    db().add(question)
    db().commit()
    return question


def update(question: TeamQuestion, title, answer, key_points) -> None:
    question.title, question.answer, question.key_points_json = _checked(title, answer, key_points)
    db().commit()


def delete(question: TeamQuestion) -> None:
    """Templates that name it lose the item; interviews keep their copy of the title."""
    db().execute(TemplateItem.__table__.delete().where(TemplateItem.ref_id == ref_of(question)))
    db().delete(question)
    db().commit()
