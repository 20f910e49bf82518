"""The interviewer's side: creating an interview (its link is shown once), its page with the
live view, the link (new, revoke), the report (rubric and notes, CSV, printable page) and the
replay data. Rules: web.hiring.interviews and web.hiring.report.

Everything here is team data: members only, 404 for anyone else.
"""
from flask import Blueprint, Response, flash, jsonify, redirect, render_template, request, url_for
from flask_login import current_user, login_required

from web.dates import iso
from web.db import db
from web.enums import ItemKind
from web.errors import Refused
from web.hiring import interview_templates, interviews, report, teams
from web.links import absolute_url
from web.models import Interview
from web.practice.catalogue import catalogue
from web.security import shows_secret
from web.sittings import item_at

bp = Blueprint("interview_pages", __name__)


def interview_of(team_id: int, interview_id: int) -> Interview:
    interview = teams.team_row(Interview, team_id, interview_id, "interview", current_user.id)
    interviews.settle(interview)
    return interview


def candidate_link(token: str) -> str:
    """The candidate's link, shown once: the page that shows it is never cached."""
    shows_secret()
    return absolute_url("candidate.entry", token=token)


def detail_url(team_id: int, interview_id: int) -> str:
    return url_for("interview_pages.detail", team_id=team_id, interview_id=interview_id)


@bp.route("/teams/<int:team_id>/interviews", methods=["GET", "POST"])
@login_required
def create(team_id: int):
    if request.method == "GET":  # a reload of the page that showed a new link, say
        teams.member(team_id, current_user.id)
        return redirect(url_for("teams.team", team_id=team_id))
    template = interview_templates.template_of(team_id, request.form.get("template_id", 0, type=int),
                                               current_user.id)
    interview, token = interviews.create(template, request.form.get("candidate_name"),
                                         request.form.get("candidate_email"),
                                         request.form.get("link_days", 7, type=int),
                                         current_user.id)
    return detail_page(interview, new_link=candidate_link(token))


@bp.route("/teams/<int:team_id>/interviews/<int:interview_id>")
@login_required
def detail(team_id: int, interview_id: int):
    return detail_page(interview_of(team_id, interview_id))


def detail_page(interview: Interview, new_link: str | None = None):
    """The interview's page: status, the link's state, actions, and the live view."""
    return render_template("hiring/interviews/detail.html", interview=interview, team=interview.team,
                           me=teams.member(interview.team_id, current_user.id),
                           live=report.live_state(interview), new_link=new_link,
                           link_days=interviews.LINK_DAYS, status=interviews.status(interview))


@bp.route("/teams/<int:team_id>/interviews/<int:interview_id>/live")
@login_required
def live(team_id: int, interview_id: int):
    return jsonify(report.live_state(interview_of(team_id, interview_id)))


@bp.route("/teams/<int:team_id>/interviews/<int:interview_id>/link", methods=["POST"])
@login_required
def new_link(team_id: int, interview_id: int):
    interview = interview_of(team_id, interview_id)
    token = interviews.new_link(interview, request.form.get("link_days", 7, type=int))
    return detail_page(interview, new_link=candidate_link(token))


@bp.route("/teams/<int:team_id>/interviews/<int:interview_id>/revoke", methods=["POST"])
@login_required
def revoke(team_id: int, interview_id: int):
    interviews.revoke(interview_of(team_id, interview_id))
    flash("The link is revoked: the candidate can no longer open or continue this interview.")
    return redirect(detail_url(team_id, interview_id))


@bp.route("/teams/<int:team_id>/interviews/<int:interview_id>/delete", methods=["POST"])
@login_required
def delete(team_id: int, interview_id: int):
    """Erase an interview and all the candidate's work (owners only: it cannot be undone)."""
    interview = interview_of(team_id, interview_id)
    teams.owner(team_id, current_user.id)
    name = interview.candidate_name
    db().delete(interview)
    db().commit()
    flash(f"The interview with {name} and all its work were deleted.")
    return redirect(url_for("teams.team", team_id=team_id))


@bp.route("/teams/<int:team_id>/interviews/<int:interview_id>/report")
@login_required
def report_page(team_id: int, interview_id: int):
    interview = interview_of(team_id, interview_id)
    return render_template("hiring/interviews/report.html", interview=interview, team=interview.team,
                           report=report.build(interview), rubric=report.RUBRIC,
                           labels=interviews.STATUS_LABELS)


@bp.route("/teams/<int:team_id>/interviews/<int:interview_id>/report.csv")
@login_required
def report_csv(team_id: int, interview_id: int):
    interview = interview_of(team_id, interview_id)
    filename = f"interview-{interview.id}.csv"
    return Response(report.csv_text(report.build(interview)), mimetype="text/csv",
                    headers={"Content-Disposition": f'attachment; filename="{filename}"'})


@bp.route("/teams/<int:team_id>/interviews/<int:interview_id>/items/<int:position>/review",
          methods=["POST"])
@login_required
def review(team_id: int, interview_id: int, position: int):
    """An interviewer's rating (1-5, conceptual items) and notes (any item)."""
    item = item_at(interview_of(team_id, interview_id), position)
    if item is None:
        raise Refused(f"This interview has no item {position + 1}.", 404)
    report.review(item, request.form.get("rubric", ""), request.form.get("notes", ""),
                  current_user.id)
    flash(f"Saved your review of item {position + 1}.")
    return redirect(url_for("interview_pages.report_page", team_id=team_id,
                            interview_id=interview_id) + f"#item-{position + 1}")


@bp.route("/teams/<int:team_id>/interviews/<int:interview_id>/items/<int:position>/replay")
@login_required
def replay(team_id: int, interview_id: int, position: int):
    """The editor snapshots of one coding item, oldest first, for the replay slider."""
    interview = interview_of(team_id, interview_id)
    item = item_at(interview, position)
    if item is None or item.kind != ItemKind.CHALLENGE:
        raise Refused(f"This interview has no coding item {position + 1}.", 404)
    challenge = catalogue().challenges.get(item.ref_id)
    start = interview.started_at
    return jsonify(position=position, title=item.title, started_at=iso(start),
                   starter=challenge.starter if challenge else "",
                   snapshots=[{"id": s.id, "at": iso(s.taken_at),
                               "t": int((s.taken_at - start).total_seconds()) if start else 0,
                               "code": s.code} for s in interviews.snapshots_of(item.id)])
