"""Interview templates: a team's reusable plans (items from the catalogue, order, points,
total duration). Interviews copy a template's items when they are created, so editing or
deleting a template never changes an interview already made from it."""
from flask import Blueprint, abort, flash, redirect, render_template, request, url_for
from flask_login import login_required
from sqlalchemy import select

from web import clock
from web.db import db
from web.hiring.interviews import catalogue_title
from web.hiring.team_pages import clean_name, member_or_404, team_row_or_404
from web.models import InterviewTemplate, TemplateItem
from web.practice.catalogue import catalogue
from web.study.questions import by_section

bp = Blueprint("interview_templates", __name__)
MIN_MINUTES, MAX_MINUTES = 5, 240
MAX_POINTS = 1000
MAX_ITEMS = 30
MAX_NAME = 120


def template_or_404(team_id: int, template_id: int) -> InterviewTemplate:
    return team_row_or_404(InterviewTemplate, team_id, template_id, "template")


def team_templates(team_id: int) -> list[InterviewTemplate]:
    return list(db().scalars(select(InterviewTemplate).where(InterviewTemplate.team_id == team_id)
                             .order_by(InterviewTemplate.name, InterviewTemplate.id)))


def parse_settings(form) -> tuple[str, int]:
    name = clean_name(form.get("name"), "A template name", MAX_NAME)
    minutes = form.get("duration_minutes", type=int)
    if minutes is None or not MIN_MINUTES <= minutes <= MAX_MINUTES:
        abort(400, description=f"The duration must be {MIN_MINUTES} to {MAX_MINUTES} minutes.")
    return name, minutes


def parse_points(form) -> int:
    points = form.get("points", type=int)
    if points is None or not 1 <= points <= MAX_POINTS:
        abort(400, description=f"Points must be a whole number from 1 to {MAX_POINTS}.")
    return points


def renumber(template: InterviewTemplate, items: list[TemplateItem]) -> None:
    template.items = items
    for position, item in enumerate(items):
        item.position = position


@bp.route("/teams/<int:team_id>/templates", methods=["GET", "POST"])
@login_required
def index(team_id: int):
    me = member_or_404(team_id)
    if request.method == "POST":
        name, minutes = parse_settings(request.form)
        template = InterviewTemplate(team_id=team_id, name=name, duration_minutes=minutes,
                                     created_at=clock.now())
        db().add(template)
        db().commit()
        flash("Template created: now add its items.")
        return redirect(url_for("interview_templates.edit", team_id=team_id,
                                template_id=template.id))
    return render_template("hiring/teams/templates.html", team=me.team, me=me,
                           templates=team_templates(team_id))


@bp.route("/teams/<int:team_id>/templates/<int:template_id>", methods=["GET", "POST"])
@login_required
def edit(team_id: int, template_id: int):
    template = template_or_404(team_id, template_id)
    if request.method == "POST":
        template.name, template.duration_minutes = parse_settings(request.form)
        db().commit()
        flash("Template saved.")
        return redirect(url_for("interview_templates.edit", team_id=team_id,
                                template_id=template_id))
    me = member_or_404(team_id)
    return render_template("hiring/teams/template_edit.html", team=me.team, me=me, template=template,
                           titles={item.id: catalogue_title(item.kind, item.ref_id)
                                   for item in template.items},
                           challenges=catalogue().ordered(), sections=by_section(),
                           max_points=MAX_POINTS, min_minutes=MIN_MINUTES,
                           max_minutes=MAX_MINUTES)


@bp.route("/teams/<int:team_id>/templates/<int:template_id>/items", methods=["POST"])
@login_required
def add_item(team_id: int, template_id: int):
    template = template_or_404(team_id, template_id)
    kind, _, ref_id = (request.form.get("item") or "").partition(":")
    if kind not in ("challenge", "question") or catalogue_title(kind, ref_id) is None:
        abort(400, description="Choose a coding challenge or a question from the list.")
    if len(template.items) >= MAX_ITEMS:
        abort(400, description=f"A template holds at most {MAX_ITEMS} items.")
    points = parse_points(request.form)
    template.items.append(TemplateItem(position=len(template.items), kind=kind, ref_id=ref_id,
                                       points=points))
    db().commit()
    return redirect(url_for("interview_templates.edit", team_id=team_id, template_id=template_id))


@bp.route("/teams/<int:team_id>/templates/<int:template_id>/items/<int:position>",
          methods=["POST"])
@login_required
def change_item(team_id: int, template_id: int, position: int):
    """Move an item up or down, change its points, or remove it."""
    template = template_or_404(team_id, template_id)
    items = list(template.items)
    if position >= len(items):
        abort(404, description=f"This template has no item {position + 1}.")
    action = request.form.get("action")
    if action == "points":
        items[position].points = parse_points(request.form)
    elif action in ("up", "down"):
        other = position - 1 if action == "up" else position + 1
        if 0 <= other < len(items):
            items[position], items[other] = items[other], items[position]
            renumber(template, items)
    elif action == "remove":
        db().delete(items.pop(position))
        renumber(template, items)
    else:
        abort(400, description="Choose up, down, points or remove.")
    db().commit()
    return redirect(url_for("interview_templates.edit", team_id=team_id, template_id=template_id))


@bp.route("/teams/<int:team_id>/templates/<int:template_id>/delete", methods=["POST"])
@login_required
def delete(team_id: int, template_id: int):
    template = template_or_404(team_id, template_id)
    db().delete(template)
    db().commit()
    flash(f"Template “{template.name}” deleted; interviews made from it keep their items.")
    return redirect(url_for("interview_templates.index", team_id=team_id))
