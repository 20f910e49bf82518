"""The interviewer's side: creating an interview, its page with the link (Copy link until the
candidate opens it; new; revoke) and the live view, the report (rubric and notes, CSV, printable page) and the
replay data. Rules: web.hiring.interviews and web.hiring.report.

Everything here is team data: members only, 404 for anyone else.
"""
from flask import (
    Blueprint,
    Response,
    flash,
    jsonify,
    redirect,
    render_template,
    request,
    url_for,
)
from flask_login import current_user, login_required

from web.dates import iso
from web.db import db
from web.enums import ItemKind
from web.errors import Refused
from web.hiring import (
    interview_templates,
    interviews,
    notices,
    report,
    scorecards,
    signals,
    teams,
)
from web.links import absolute_url, site_url
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
    """The candidate's link, shown to the team until a browser takes it up: a page that
    shows it is never cached."""
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
    interview = interviews.create(template, request.form.get("candidate_name"),
                                  request.form.get("candidate_email"),
                                  request.form.get("link_days", 7, type=int), current_user.id,
                                  tz=request.form.get("candidate_tz"),
                                  notify_email=request.form.get("notify_email"),
                                  base_url=site_url())
    if notices.enabled():
        notices.deliver_due(interview.id)
        flash(f"Interview created for {interview.candidate_name}; the invitation's state is "
              f"below, and the link stays here until they open it.")
    else:
        flash(f"Interview created for {interview.candidate_name}: copy the link below and send it.")
    return redirect(detail_url(team_id, interview.id))  # post/redirect/get: a reload makes none


@bp.route("/teams/<int:team_id>/interviews/<int:interview_id>")
@login_required
def detail(team_id: int, interview_id: int):
    return detail_page(interview_of(team_id, interview_id))


def detail_page(interview: Interview):
    """The interview's page: status, the link's state, actions, and the live view."""
    token = interviews.link_token(interview)
    return render_template("hiring/interviews/detail.html", interview=interview, team=interview.team,
                           me=teams.member(interview.team_id, current_user.id),
                           live=report.live_state(interview),
                           link=candidate_link(token) if token else None,
                           shareable=interviews.link_shareable(interview),
                           mails=notices.mails_of(interview), mail_on=notices.enabled(),
                           link_days=interviews.LINK_DAYS, status=interviews.status(interview))


@bp.route("/teams/<int:team_id>/interviews/<int:interview_id>/live")
@login_required
def live(team_id: int, interview_id: int):
    return jsonify(report.live_state(interview_of(team_id, interview_id)))


@bp.route("/teams/<int:team_id>/interviews/<int:interview_id>/link", methods=["POST"])
@login_required
def new_link(team_id: int, interview_id: int):
    interviews.new_link(interview_of(team_id, interview_id),
                        request.form.get("link_days", 7, type=int))
    flash("A new link replaces the old one, which no longer works: copy it below.")
    return redirect(detail_url(team_id, interview_id))


@bp.route("/teams/<int:team_id>/interviews/<int:interview_id>/mail/<int:mail_id>",
          methods=["POST"])
@login_required
def send_again(team_id: int, interview_id: int, mail_id: int):
    """Try a failed or waiting e-mail again now."""
    interview = interview_of(team_id, interview_id)
    notices.send_again(interview, mail_id)
    notices.deliver_due(interview.id)
    return redirect(detail_url(team_id, interview_id) + "#mail")


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
                           report=report.build(interview, viewer_id=current_user.id),
                           rubric=report.RUBRIC, labels=interviews.STATUS_LABELS)


@bp.route("/teams/<int:team_id>/interviews/<int:interview_id>/summary")
@login_required
def summary(team_id: int, interview_id: int):
    """The one-page candidate summary: items, scores, every visible scorecard, signals."""
    interview = interview_of(team_id, interview_id)
    return render_template("hiring/interviews/summary.html", interview=interview,
                           team=interview.team, labels=interviews.STATUS_LABELS,
                           report=report.build(interview, compare=False,
                                               viewer_id=current_user.id))


@bp.route("/teams/<int:team_id>/interviews/<int:interview_id>/summary.csv")
@login_required
def summary_csv(team_id: int, interview_id: int):
    interview = interview_of(team_id, interview_id)
    built = report.build(interview, compare=False, viewer_id=current_user.id)
    return Response(report.summary_csv(built), mimetype="text/csv", headers={
        "Content-Disposition": f'attachment; filename="summary-{interview.id}.csv"'})


@bp.route("/teams/<int:team_id>/interviews/<int:interview_id>/report.csv")
@login_required
def report_csv(team_id: int, interview_id: int):
    interview = interview_of(team_id, interview_id)
    filename = f"interview-{interview.id}.csv"
    return Response(report.csv_text(report.build(interview, viewer_id=current_user.id)),
                    mimetype="text/csv",
                    headers={"Content-Disposition": f'attachment; filename="{filename}"'})


@bp.route("/teams/<int:team_id>/interviews/<int:interview_id>/items/<int:position>/review",
          methods=["POST"])
@login_required
def review(team_id: int, interview_id: int, position: int):
    """The member's scorecard of one item: a rating (1-5), notes and private notes."""
    item = item_at(interview_of(team_id, interview_id), position)
    if item is None:
        raise Refused(f"This interview has no item {position + 1}.", 404)
    scorecards.submit(item, current_user.id, request.form.get("rubric", ""),
                      request.form.get("notes", ""), request.form.get("private_notes", ""))
    flash(f"Saved your scorecard of item {position + 1}.")
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
                               "ts": (s.taken_at - start).total_seconds() if start else 0.0,
                               "code": s.code} for s in interviews.snapshots_of(item.id)],
                   events=[signals.as_json(event, start)
                           for event in signals.events_of(interview, position)])
