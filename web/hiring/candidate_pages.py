"""The candidate's side of a mock interview: no account, just the link.

`/i/<token>` is the link from the invitation. Pressing Start on it starts the clock and binds
the interview to this browser: a random secret goes into an HttpOnly cookie, its hash into
the interview. From then on every page and call under `/interview/<id>/` needs that cookie,
so the link cannot be shared or used in two places at once:

- the same browser reopening the link resumes where it was (current item, latest code and
  answers from the server);
- another browser gets a clear refusal (409). If the candidate really must switch (a
  crashed laptop), an interviewer issues a new link, which releases the binding; the first
  browser to open the new link carries on, with the time that is left.

Lookups of unknown links are rate-limited per address. Every write checks the time on the
server (see web.hiring.interviews): after the end, runs, submissions and navigation are refused,
and saves of what was typed are kept only within the short grace period.
"""
import hmac
from datetime import timedelta

from flask import Blueprint, current_app, flash, jsonify, redirect, render_template, request, url_for
from sqlalchemy import select

from web import clock
from web.dates import iso
from web.db import db
from web.enums import ItemKind, Kind, Status
from web.errors import Refused
from web.hiring import interviews, signals
from web.hiring.catalogue_items import written_question
from web.models import Interview, InterviewItem, Submission
from web.practice.catalogue import catalogue, visible_examples
from web.practice.result_panel import panel_context
from web.practice.submissions import create_submission, to_json
from web.rate_limits import known_link, link_limit, save_limit, submit_limit, unknown_link
from web.security import limiter, new_secret, token_hash
from web.sittings import item_at
from web.text import MAX_ANSWER_CHARS

bp = Blueprint("candidate", __name__)
COOKIE = "cvjudge_interview_{}"
NOT_HERE = ("This interview is not open in this browser. Open the link from your invitation "
            "in the browser where you started it.")


# --- finding the interview ------------------------------------------------------------------

def link_exists(token: str) -> bool:
    return db().scalar(select(Interview.id).where(Interview.token_hash == token_hash(token))) \
        is not None


def by_token_or_404(token: str) -> Interview:
    interview = db().scalar(select(Interview).where(Interview.token_hash == token_hash(token)))
    if interview is None:
        raise Refused("This interview link is not valid. Check that you copied all of it, or "
                      "ask your interviewer for a new one.", 404)
    interviews.settle(interview)
    return interview


def bound_here(interview: Interview) -> bool:
    secret = request.cookies.get(COOKIE.format(interview.id), "")
    return bool(secret and interview.browser_hash and
                hmac.compare_digest(token_hash(secret), interview.browser_hash))


def candidate_interview_or_404(interview_id: int) -> Interview:
    """The interview bound to this browser; 404 for any other visitor (nothing revealed)."""
    interview = db().get(Interview, interview_id)
    if interview is None or not bound_here(interview):
        raise Refused(NOT_HERE, 404)
    interviews.settle(interview)
    return interview


def bind_cookie(response, interview: Interview, secret: str):
    lifetime = timedelta(seconds=interview.duration_s) + timedelta(days=1)
    response.set_cookie(COOKIE.format(interview.id), secret, max_age=int(lifetime.total_seconds()),
                        httponly=True, samesite="Lax",
                        secure=bool(current_app.config.get("HTTPS") or request.is_secure))
    return response


def closed_page(interview: Interview, status: int = 200):
    return render_template("hiring/candidate/closed.html", interview=interview,
                           state=interviews.status(interview)), status


# --- the link -------------------------------------------------------------------------------

@bp.route("/i/<token>")
@limiter.limit(link_limit, deduct_when=unknown_link, exempt_when=known_link(link_exists))
def entry(token: str):
    interview = by_token_or_404(token)
    state = interviews.status(interview)
    if state in ("revoked", "expired"):
        return closed_page(interview, 410)
    if state == "invited":
        return render_template("hiring/candidate/start.html", interview=interview, token=token,
                               coding=sum(i.kind == ItemKind.CHALLENGE for i in interview.items),
                               written=sum(i.kind == ItemKind.QUESTION for i in interview.items))
    if bound_here(interview):
        if state == "finished":
            return closed_page(interview)
        return redirect(url_for("candidate.take", interview_id=interview.id))
    if state == "finished":
        return closed_page(interview, 410)
    if interview.browser_hash is None:  # released by an interviewer: continue here
        return render_template("hiring/candidate/start.html", interview=interview, token=token,
                               resume=True, seconds_left=interviews.seconds_left(interview))
    return render_template("hiring/candidate/elsewhere.html", interview=interview), 409


@bp.route("/i/<token>/start", methods=["POST"])
@limiter.limit(link_limit, deduct_when=unknown_link, exempt_when=known_link(link_exists))
def start(token: str):
    interview = by_token_or_404(token)
    if bound_here(interview):
        return redirect(url_for("candidate.take", interview_id=interview.id))
    state = interviews.status(interview)
    secret, digest = new_secret()
    if state == "invited":
        taken = interviews.start(interview, digest)
    elif state == "in_progress" and interview.browser_hash is None:
        taken = interviews.rebind(interview, digest)
    elif state == "in_progress":
        taken = False
    else:
        return closed_page(interview, 410)
    if not taken:
        return render_template("hiring/candidate/elsewhere.html", interview=interview), 409
    response = redirect(url_for("candidate.take", interview_id=interview.id))
    return bind_cookie(response, interview, secret)


# --- the sitting ----------------------------------------------------------------------------

@bp.route("/interview/<int:interview_id>")
def take(interview_id: int):
    """The current item, with the latest work the server holds for it."""
    interview = candidate_interview_or_404(interview_id)
    if interviews.status(interview) != "in_progress":
        return closed_page(interview)
    item = interviews.current_item(interview)
    context = {"interview": interview, "item": item, "items": interview.items,
               "deadline": iso(interview.deadline), "server_now": iso(clock.now()),
               "max_answer": MAX_ANSWER_CHARS}
    if item.kind == ItemKind.CHALLENGE:
        challenge = catalogue().challenges.get(item.ref_id)
        snapshot = interviews.latest_snapshot(item.id)
        context.update(challenge=challenge, snapshot=snapshot,
                       statement=catalogue().statements.get(item.ref_id),
                       examples=visible_examples(challenge) if challenge else [],
                       submissions=item_submissions(item),
                       pending=next((s for s in item_submissions(item, kind=None)
                                     if s.status != Status.DONE), None))
    else:
        context["question"] = written_question(item.ref_id, interview.team_id)
    return render_template("hiring/candidate/item.html", **context)


def save_work_from_form(interview: Interview) -> None:
    """Navigation and Finish forms carry the current item's code or answer: keep it."""
    item = item_at(interview, request.form.get("current", -1, type=int))
    if item is None:
        return
    if item.kind == ItemKind.QUESTION and "answer" in request.form:
        interviews.save_answer(interview, item, request.form["answer"])
    elif item.kind == ItemKind.CHALLENGE and "code" in request.form:
        interviews.save_snapshot(interview, item, request.form["code"], force=True)


@bp.route("/interview/<int:interview_id>/goto", methods=["POST"])
def goto(interview_id: int):
    interview = candidate_interview_or_404(interview_id)
    try:
        save_work_from_form(interview)
        interviews.move_to(interview, request.form.get("position", -1, type=int))
    except Refused as refused:  # time is up, say: the page says so and shows where things are
        db().rollback()
        flash(refused.message)
    return redirect(url_for("candidate.take", interview_id=interview.id))


@bp.route("/interview/<int:interview_id>/finish", methods=["POST"])
def finish(interview_id: int):
    interview = candidate_interview_or_404(interview_id)
    try:
        save_work_from_form(interview)
        interviews.finish(interview)
    except Refused as refused:  # time is up, say: the page says so and shows where things are
        db().rollback()
        flash(refused.message)
    return redirect(url_for("candidate.take", interview_id=interview.id))


# --- calls from the page's scripts (JSON) ---------------------------------------------------

def item_or_404(interview: Interview, position: int) -> InterviewItem:
    item = item_at(interview, position)
    if item is None:
        raise Refused(f"This interview has no item {position + 1}.", 404)
    return item


def json_body() -> dict:
    body = request.get_json(silent=True)
    if not isinstance(body, dict):
        raise Refused("Send a JSON object.")
    return body


def interview_key() -> str:
    return f"interview:{request.view_args.get('interview_id')}"


@bp.route("/interview/<int:interview_id>/items/<int:position>/answer", methods=["POST"])
@limiter.limit(save_limit, key_func=interview_key)
def save_answer(interview_id: int, position: int):
    interview = candidate_interview_or_404(interview_id)
    item = item_or_404(interview, position)
    interviews.save_answer(interview, item, json_body().get("answer"))
    return jsonify(saved_at=iso(item.answer_saved_at))


@bp.route("/interview/<int:interview_id>/items/<int:position>/snapshot", methods=["POST"])
@limiter.limit(save_limit, key_func=interview_key)
def snapshot(interview_id: int, position: int):
    interview = candidate_interview_or_404(interview_id)
    item = item_or_404(interview, position)
    saved = interviews.save_snapshot(interview, item, json_body().get("code"))
    return jsonify(snapshot_id=saved.id, taken_at=iso(saved.taken_at))


@bp.route("/interview/<int:interview_id>/items/<int:position>/events", methods=["POST"])
@limiter.limit(save_limit, key_func=interview_key)
def event(interview_id: int, position: int):
    """A paste, a loss or return of focus, or a long pause, noticed by the page (see the rules
    page: the candidate is told what is recorded)."""
    interview = candidate_interview_or_404(interview_id)
    item = item_or_404(interview, position)
    interviews.require_saving(interview)
    body = json_body()
    kept = signals.record(interview, body.get("kind"), item.position, body.get("amount", 0))
    return jsonify(kept=kept is not None)


@bp.route("/interview/<int:interview_id>/items/<int:position>/submissions", methods=["POST"])
@limiter.limit(submit_limit, key_func=interview_key)
def submit(interview_id: int, position: int):
    """Run the examples or submit, through the same queue and grader as practice."""
    interview = candidate_interview_or_404(interview_id)
    item = item_or_404(interview, position)
    body = json_body()
    interviews.require_work(interview)
    if item.kind != ItemKind.CHALLENGE:
        raise Refused("This item takes a written answer, not code.")
    code = body.get("code")
    submission = create_submission(None, item.ref_id, code, body.get("kind", Kind.SUBMIT),
                                   interview_item=item)
    saved = interviews.save_snapshot(interview, item, code, force=True)
    data = to_json(submission)
    data["snapshot_id"] = saved.id
    return jsonify(data), 202


def item_submissions(item: InterviewItem, kind: str | None = Kind.SUBMIT) -> list[Submission]:
    query = select(Submission).where(Submission.interview_item_id == item.id)
    if kind:
        query = query.where(Submission.kind == kind)
    return list(db().scalars(query.order_by(Submission.id.desc()).limit(50)))


def own_submission_or_404(interview: Interview, submission_id: int) -> Submission:
    submission = db().get(Submission, submission_id)
    item_ids = {item.id for item in interview.items}
    if submission is None or submission.interview_item_id not in item_ids:
        raise Refused(f"no submission {submission_id} in this interview", 404)
    return submission


@bp.route("/interview/<int:interview_id>/submissions/<int:submission_id>")
def submission(interview_id: int, submission_id: int):
    interview = candidate_interview_or_404(interview_id)
    return jsonify(to_json(own_submission_or_404(interview, submission_id), with_code=True))


@bp.route("/interview/<int:interview_id>/submissions/<int:submission_id>/panel")
def panel(interview_id: int, submission_id: int):
    interview = candidate_interview_or_404(interview_id)
    context = panel_context(own_submission_or_404(interview, submission_id))
    return render_template("practice/submissions/_panel.html", **context, link=False)


@bp.route("/interview/<int:interview_id>/items/<int:position>/history")
def history(interview_id: int, position: int):
    interview = candidate_interview_or_404(interview_id)
    item = item_or_404(interview, position)
    return render_template("practice/challenges/_history.html", submissions=item_submissions(item),
                           link=False)
