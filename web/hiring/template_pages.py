"""A team's template pages: the list, creating one, and editing its settings and items.
Rules: web.hiring.interview_templates."""
from flask import Blueprint, flash, redirect, render_template, request, url_for
from flask_login import current_user, login_required

from web.hiring import interview_templates as templates
from web.hiring import team_questions
from web.hiring.catalogue_items import catalogue_title, is_public_question
from web.hiring.teams import member
from web.practice.catalogue import catalogue
from web.study.questions import by_section

bp = Blueprint("interview_templates", __name__)


def edit_url(team_id: int, template_id: int) -> str:
    return url_for("interview_templates.edit", team_id=team_id, template_id=template_id)


@bp.route("/teams/<int:team_id>/templates", methods=["GET", "POST"])
@login_required
def index(team_id: int):
    me = member(team_id, current_user.id)
    if request.method == "POST":
        template = templates.create(team_id, request.form.get("name"),
                                    request.form.get("duration_minutes", type=int))
        flash("Template created: now add its items.")
        return redirect(edit_url(team_id, template.id))
    return render_template("hiring/teams/templates.html", team=me.team, me=me,
                           templates=templates.of_team(team_id))


@bp.route("/teams/<int:team_id>/templates/<int:template_id>", methods=["GET", "POST"])
@login_required
def edit(team_id: int, template_id: int):
    template = templates.template_of(team_id, template_id, current_user.id)
    if request.method == "POST":
        templates.update(template, request.form.get("name"),
                         request.form.get("duration_minutes", type=int))
        flash("Template saved.")
        return redirect(edit_url(team_id, template_id))
    me = member(team_id, current_user.id)
    return render_template("hiring/teams/template_edit.html", team=me.team, me=me, template=template,
                           titles={item.id: catalogue_title(item.kind, item.ref_id, team_id)
                                   for item in template.items},
                           challenges=catalogue().ordered(), sections=by_section(),
                           team_questions=team_questions.of_team(team_id),
                           is_public_question=is_public_question,
                           max_points=templates.MAX_POINTS, min_minutes=templates.MIN_MINUTES,
                           max_minutes=templates.MAX_MINUTES)


@bp.route("/teams/<int:team_id>/templates/<int:template_id>/items", methods=["POST"])
@login_required
def add_item(team_id: int, template_id: int):
    template = templates.template_of(team_id, template_id, current_user.id)
    templates.add_item(template, request.form.get("item"), request.form.get("points", type=int))
    return redirect(edit_url(team_id, template_id))


@bp.route("/teams/<int:team_id>/templates/<int:template_id>/items/<int:position>",
          methods=["POST"])
@login_required
def change_item(team_id: int, template_id: int, position: int):
    """Move an item up or down, change its points, or remove it."""
    template = templates.template_of(team_id, template_id, current_user.id)
    templates.change_item(template, position, request.form.get("action"),
                          request.form.get("points", type=int))
    return redirect(edit_url(team_id, template_id))


@bp.route("/teams/<int:team_id>/templates/<int:template_id>/delete", methods=["POST"])
@login_required
def delete(team_id: int, template_id: int):
    template = templates.template_of(team_id, template_id, current_user.id)
    name = template.name
    templates.delete(template)
    flash(f"Template “{name}” deleted; interviews made from it keep their items.")
    return redirect(url_for("interview_templates.index", team_id=team_id))



# --- the team's private written questions ---------------------------------------------------

def questions_url(team_id: int) -> str:
    return url_for("interview_templates.questions", team_id=team_id)


@bp.route("/teams/<int:team_id>/questions", methods=["GET", "POST"])
@login_required
def questions(team_id: int):
    me = member(team_id, current_user.id)
    if request.method == "POST":
        team_questions.create(team_id, request.form.get("title"), request.form.get("answer"),
                              request.form.get("key_points"))
        flash("Question added: choose it in a template's items.")
        return redirect(questions_url(team_id))
    return render_template("hiring/teams/questions.html", team=me.team, me=me, question=None,
                           questions=team_questions.of_team(team_id))


@bp.route("/teams/<int:team_id>/questions/<int:question_id>", methods=["GET", "POST"])
@login_required
def edit_question(team_id: int, question_id: int):
    me = member(team_id, current_user.id)
    question = team_questions.question_of(team_id, question_id)
    if request.method == "POST":
        team_questions.update(question, request.form.get("title"), request.form.get("answer"),
                              request.form.get("key_points"))
        flash("Question saved.")
        return redirect(questions_url(team_id))
    return render_template("hiring/teams/question_edit.html", team=me.team, me=me,
                           question=question)


@bp.route("/teams/<int:team_id>/questions/<int:question_id>/delete", methods=["POST"])
@login_required
def delete_question(team_id: int, question_id: int):
    member(team_id, current_user.id)
    team_questions.delete(team_questions.question_of(team_id, question_id))
    flash("Question deleted.")
    return redirect(questions_url(team_id))
