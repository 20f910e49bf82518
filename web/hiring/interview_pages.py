"""The interviewer's side: a team's interviews, creating one (its link is shown once), the
live view, the report (rubric and notes, CSV, printable page) and the replay data.

Everything here is team data: members only, 404 for anyone else.
"""
import re

from flask import Blueprint, Response, abort, flash, jsonify, redirect, render_template, request, url_for
from flask_login import current_user, login_required
from sqlalchemy import select

from web import clock
from web.db import db
from web.hiring import interviews, report
from web.hiring.interviews import LINK_DAYS, WorkRefused
from web.hiring.team_pages import clean_name, member_or_404, owner_or_403, team_row_or_404
from web.hiring.template_pages import team_templates, template_or_404
from web.models import Interview
from web.practice.catalogue import catalogue
from web.practice.submissions import iso

bp = Blueprint("interview_pages", __name__)
EMAIL = re.compile(r"^[^@\s]+@[^@\s]+\.[^@\s]+$")
MAX_NAME, MAX_EMAIL, MAX_NOTES = 120, 254, 10_000
PAGE_SIZE = 100


def interview_or_404(team_id: int, interview_id: int) -> Interview:
    interview = team_row_or_404(Interview, team_id, interview_id, "interview")
    interviews.settle(interview)
    return interview


def candidate_link(token: str) -> str:
    return url_for("candidate.entry", token=token, _external=True)


@bp.route("/teams/<int:team_id>")
@login_required
def team(team_id: int):
    """The team's home: its interviews, newest first, and the form for a new one."""
    me = member_or_404(team_id)
    rows = db().scalars(select(Interview).where(Interview.team_id == team_id)
                        .order_by(Interview.id.desc()).limit(PAGE_SIZE)).all()
    for row in rows:
        interviews.settle(row)
    return render_template("hiring/teams/interviews.html", team=me.team, me=me, interviews=rows,
                           templates=team_templates(team_id), link_days=LINK_DAYS,
                           status_of=interviews.status, labels=interviews.STATUS_LABELS,
                           chosen=request.args.get("template", type=int))


@bp.route("/teams/<int:team_id>/interviews", methods=["GET", "POST"])
@login_required
def create(team_id: int):
    if request.method == "GET":  # a reload of the page that showed a new link, say
        member_or_404(team_id)
        return redirect(url_for("interview_pages.team", team_id=team_id))
    template = template_or_404(team_id, request.form.get("template_id", 0, type=int))
    name = clean_name(request.form.get("candidate_name"), "The candidate's name", MAX_NAME)
    email = (request.form.get("candidate_email") or "").strip()
    days = request.form.get("link_days", 7, type=int)
    if len(email) > MAX_EMAIL or not EMAIL.match(email):
        abort(400, description="Give the candidate's e-mail address, like ada@example.com.")
    if days not in LINK_DAYS:
        abort(400, description="Choose how long the link stays valid.")
    try:
        interview, token = interviews.create(template, name, email, days, current_user.id)
    except WorkRefused as refused:
        abort(refused.status, description=refused.message)
    return detail_page(interview, new_link=candidate_link(token))


@bp.route("/teams/<int:team_id>/interviews/<int:interview_id>")
@login_required
def detail(team_id: int, interview_id: int):
    return detail_page(interview_or_404(team_id, interview_id))


def detail_page(interview: Interview, new_link: str | None = None):
    """The interview's page: status, the link's state, actions, and the live view."""
    return render_template("hiring/interviews/detail.html", interview=interview, team=interview.team,
                           me=member_or_404(interview.team_id),
                           live=report.live_state(interview), new_link=new_link,
                           link_days=LINK_DAYS, status=interviews.status(interview))


@bp.route("/teams/<int:team_id>/interviews/<int:interview_id>/live")
@login_required
def live(team_id: int, interview_id: int):
    return jsonify(report.live_state(interview_or_404(team_id, interview_id)))


@bp.route("/teams/<int:team_id>/interviews/<int:interview_id>/link", methods=["POST"])
@login_required
def new_link(team_id: int, interview_id: int):
    interview = interview_or_404(team_id, interview_id)
    days = request.form.get("link_days", 7, type=int)
    if days not in LINK_DAYS:
        abort(400, description="Choose how long the link stays valid.")
    try:
        token = interviews.new_link(interview, days)
    except WorkRefused as refused:
        abort(refused.status, description=refused.message)
    return detail_page(interview, new_link=candidate_link(token))


@bp.route("/teams/<int:team_id>/interviews/<int:interview_id>/revoke", methods=["POST"])
@login_required
def revoke(team_id: int, interview_id: int):
    interview = interview_or_404(team_id, interview_id)
    try:
        interviews.revoke(interview)
    except WorkRefused as refused:
        abort(refused.status, description=refused.message)
    flash("The link is revoked: the candidate can no longer open or continue this interview.")
    return redirect(url_for("interview_pages.detail", team_id=team_id, interview_id=interview_id))


@bp.route("/teams/<int:team_id>/interviews/<int:interview_id>/delete", methods=["POST"])
@login_required
def delete(team_id: int, interview_id: int):
    """Erase an interview and all the candidate's work (owners only: it cannot be undone)."""
    interview = interview_or_404(team_id, interview_id)
    owner_or_403(team_id)
    db().delete(interview)
    db().commit()
    flash(f"The interview with {interview.candidate_name} and all its work were deleted.")
    return redirect(url_for("interview_pages.team", team_id=team_id))


@bp.route("/teams/<int:team_id>/interviews/<int:interview_id>/report")
@login_required
def report_page(team_id: int, interview_id: int):
    interview = interview_or_404(team_id, interview_id)
    return render_template("hiring/interviews/report.html", interview=interview, team=interview.team,
                           report=report.build(interview), rubric=report.RUBRIC,
                           labels=interviews.STATUS_LABELS)


@bp.route("/teams/<int:team_id>/interviews/<int:interview_id>/report.csv")
@login_required
def report_csv(team_id: int, interview_id: int):
    interview = interview_or_404(team_id, interview_id)
    filename = f"interview-{interview.id}.csv"
    return Response(report.csv_text(report.build(interview)), mimetype="text/csv",
                    headers={"Content-Disposition": f'attachment; filename="{filename}"'})


@bp.route("/teams/<int:team_id>/interviews/<int:interview_id>/items/<int:position>/review",
          methods=["POST"])
@login_required
def review(team_id: int, interview_id: int, position: int):
    """An interviewer's rating (1-5, conceptual items) and notes (any item)."""
    interview = interview_or_404(team_id, interview_id)
    item = interviews.item_at(interview, position)
    if item is None:
        abort(404, description=f"This interview has no item {position + 1}.")
    rubric = request.form.get("rubric", "")
    notes = request.form.get("notes", "")
    if item.kind == "question" and rubric != "":
        if rubric not in {str(n) for n in report.RUBRIC}:
            abort(400, description="The rating must be a whole number from 1 to 5.")
        item.rubric = int(rubric)
    elif item.kind == "question":
        item.rubric = None
    if len(notes) > MAX_NOTES:
        abort(413, description=f"Notes are limited to {MAX_NOTES:,} characters.")
    item.notes = notes
    item.reviewed_by, item.reviewed_at = current_user.id, clock.now()
    db().commit()
    flash(f"Saved your review of item {position + 1}.")
    return redirect(url_for("interview_pages.report_page", team_id=team_id,
                            interview_id=interview_id) + f"#item-{position + 1}")


@bp.route("/teams/<int:team_id>/interviews/<int:interview_id>/items/<int:position>/replay")
@login_required
def replay(team_id: int, interview_id: int, position: int):
    """The editor snapshots of one coding item, oldest first, for the replay slider."""
    interview = interview_or_404(team_id, interview_id)
    item = interviews.item_at(interview, position)
    if item is None or item.kind != "challenge":
        abort(404, description=f"This interview has no coding item {position + 1}.")
    challenge = catalogue().challenges.get(item.ref_id)
    start = interview.started_at
    return jsonify(position=position, title=item.title, started_at=iso(start),
                   starter=challenge.starter if challenge else "",
                   snapshots=[{"id": s.id, "at": iso(s.taken_at),
                               "t": int((s.taken_at - start).total_seconds()) if start else 0,
                               "code": s.code} for s in interviews.snapshots_of(item.id)])
