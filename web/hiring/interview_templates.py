"""Interview templates: a team's reusable plans (items from the catalogue, their order and
points, the total duration). Interviews copy a template's items when they are created, so
editing or deleting a template never changes an interview already made from it."""
from sqlalchemy import select
from sqlalchemy.orm import selectinload

from web import clock
from web.db import db
from web.enums import ItemKind
from web.errors import Refused
from web.hiring.catalogue_items import catalogue_title
from web.hiring.teams import team_row
from web.models import InterviewTemplate, TemplateItem
from web.text import clean_name

MIN_MINUTES, MAX_MINUTES = 5, 240
MAX_POINTS = 1000
MAX_ITEMS = 30
MAX_NAME = 120
MOVES = {"up": -1, "down": 1}


def of_team(team_id: int) -> list[InterviewTemplate]:
    """The team's templates with their items (one query for all the items)."""
    return list(db().scalars(select(InterviewTemplate).where(InterviewTemplate.team_id == team_id)
                             .options(selectinload(InterviewTemplate.items))
                             .order_by(InterviewTemplate.name, InterviewTemplate.id)))


def template_of(team_id: int, template_id: int, user_id: int) -> InterviewTemplate:
    return team_row(InterviewTemplate, team_id, template_id, "template", user_id)


def checked_settings(name: str | None, minutes: int | None) -> tuple[str, int]:
    name = clean_name(name, "A template name", MAX_NAME)
    if minutes is None or not MIN_MINUTES <= minutes <= MAX_MINUTES:
        raise Refused(f"The duration must be {MIN_MINUTES} to {MAX_MINUTES} minutes.")
    return name, minutes


def checked_points(points: int | None) -> int:
    if points is None or not 1 <= points <= MAX_POINTS:
        raise Refused(f"Points must be a whole number from 1 to {MAX_POINTS}.")
    return points


def create(team_id: int, name: str | None, minutes: int | None) -> InterviewTemplate:
    name, minutes = checked_settings(name, minutes)
    template = InterviewTemplate(team_id=team_id, name=name, duration_minutes=minutes,
                                 created_at=clock.now())
    db().add(template)
    db().commit()
    return template


def update(template: InterviewTemplate, name: str | None, minutes: int | None) -> None:
    template.name, template.duration_minutes = checked_settings(name, minutes)
    db().commit()


def add_item(template: InterviewTemplate, choice: str | None, points: int | None) -> None:
    """Append `kind:ref_id` (a challenge or a question of the catalogue) worth `points`."""
    kind, _, ref_id = (choice or "").partition(":")
    if kind not in ItemKind.ALL or catalogue_title(kind, ref_id, template.team_id) is None:
        raise Refused("Choose a coding challenge or a question from the list.")
    if len(template.items) >= MAX_ITEMS:
        raise Refused(f"A template holds at most {MAX_ITEMS} items.")
    template.items.append(TemplateItem(position=len(template.items), kind=kind, ref_id=ref_id,
                                       points=checked_points(points)))
    db().commit()


def renumber(template: InterviewTemplate, items: list[TemplateItem]) -> None:
    """Positions 0..n-1 in the given order (no unique constraint: swaps need no juggling)."""
    template.items = items
    for position, item in enumerate(items):
        item.position = position


def change_item(template: InterviewTemplate, position: int, action: str | None,
                points: int | None = None) -> None:
    """Move the item at `position` up or down, change its points, or remove it."""
    items = list(template.items)
    if position >= len(items):
        raise Refused(f"This template has no item {position + 1}.", 404)
    if action == "points":
        items[position].points = checked_points(points)
    elif action in MOVES:
        other = position + MOVES[action]
        if 0 <= other < len(items):
            items[position], items[other] = items[other], items[position]
            renumber(template, items)
    elif action == "remove":
        db().delete(items.pop(position))
        renumber(template, items)
    else:
        raise Refused("Choose up, down, points or remove.")
    db().commit()


def delete(template: InterviewTemplate) -> None:
    db().delete(template)
    db().commit()
