"""Interview e-mail through a real SMTP server (aiosmtpd) started by the tests: the invitation
with a working link and the deadline in the candidate's time zone, the reminder, the notice
when the candidate finishes, and failed sends that are retried and shown, never losing the
interview."""
import re

import pytest
from sqlalchemy import select

from tests.smtp_inbox import Inbox, free_port, mail_config, smtp_inbox
from tests.web.helpers import html, session
from tests.web.hiring.interview_helpers import create_team, create_template, interview_id_and_link
from web.hiring import mail_loop, notices
from web.models import Interview, OutgoingMail

LINK = re.compile(r"http://localhost(/i/[\w-]{43})")


@pytest.fixture
def mail_port() -> int:
    return free_port()


@pytest.fixture
def app_config(mail_port):
    return mail_config(mail_port)


@pytest.fixture
def inbox(mail_port):
    with smtp_inbox(mail_port) as inbox:
        yield inbox


def invite(owner, team_id: int, template_id: int, **extra):
    form = {"template_id": template_id, "candidate_name": "Ada Lovelace",
            "candidate_email": "ada@example.com", "link_days": 7,
            "candidate_tz": "Europe/Paris", "notify_email": "lead@example.com", **extra}
    response = owner.post_form(f"/teams/{team_id}/interviews", form, page=f"/teams/{team_id}")
    assert response.status_code == 302, html(response)
    return response.headers["Location"]


def tick(app) -> int:
    with app.app_context():
        return mail_loop.tick()


def mails(app) -> list[tuple[str, str, int]]:
    with session(app) as s:
        return [(m.kind, m.status, m.attempts)
                for m in s.scalars(select(OutgoingMail).order_by(OutgoingMail.id))]


@pytest.fixture
def team(login):
    owner = login("owner")
    team_id = create_team(owner)
    return owner, team_id, create_template(owner, team_id)


def test_the_invitation_arrives_with_a_working_link_and_the_local_deadline(app, team, inbox,
                                                                           candidate, clock):
    owner, team_id, template_id = team
    page = html(owner.client.get(f"/teams/{team_id}"))
    assert '<option selected>UTC</option>' in page and "<option>Europe/Paris</option>" in page
    detail = invite(owner, team_id, template_id)
    [message] = inbox.wait_for(1)
    assert message["To"] == "ada@example.com"
    assert message["From"] == "cvjudge <interviews@example.com>"
    assert message["Subject"] == "Your interview: Detection, 30 min"
    body = Inbox.text(message)
    assert "2 items in 30 minutes" in body
    # the link was made 2026-11-20 09:00 UTC, valid 7 days: 10:00 in Paris (winter time)
    assert "Friday 27 November 2026, 10:00 (Europe/Paris, UTC+01:00)" in body
    link = LINK.search(body).group(1)
    assert link == interview_id_and_link(owner.client.get(detail))[1]
    assert "Hello Ada Lovelace" in html(candidate.open(link))
    with session(app) as s:  # the outbox keeps a placeholder, never the link
        stored = s.scalars(select(OutgoingMail)).all()
        assert all("{link}" in m.body and link not in m.body for m in stored
                   if m.kind != "finished")
    assert mails(app) == [("invitation", "sent", 1), ("reminder", "pending", 0)]
    assert "sent" in html(owner.client.get(detail))


def test_a_reminder_goes_a_day_before_expiry_unless_the_candidate_started(app, team, inbox,
                                                                          candidate, clock):
    owner, team_id, template_id = team
    invite(owner, team_id, template_id)
    invite(owner, team_id, template_id, candidate_name="Grace Hopper",
           candidate_email="grace@example.com")
    inbox.wait_for(2)
    grace_link = LINK.search(Inbox.text(inbox.messages[1])).group(1)
    assert candidate.start(grace_link).status_code == 302  # Grace starts; Ada does not
    clock.advance(days=5, hours=23)
    assert tick(app) == 1  # no reminder due yet; Grace's time ran out long ago: the notice
    assert inbox.messages[2]["Subject"].startswith("Grace Hopper finished")
    clock.advance(hours=2)
    assert tick(app) == 1
    reminder = inbox.messages[3]
    assert reminder["To"] == "ada@example.com" and reminder["Subject"].startswith("Reminder")
    assert LINK.search(Inbox.text(reminder))
    assert [m for m in mails(app) if m[0] == "reminder"] == [("reminder", "sent", 1),
                                                              ("reminder", "cancelled", 0)]


def test_the_interviewer_is_told_when_the_candidate_finishes(app, team, inbox, candidate, clock):
    owner, team_id, template_id = team
    invite(owner, team_id, template_id)
    link = LINK.search(Inbox.text(inbox.wait_for(1)[0])).group(1)
    candidate.start(link)
    candidate.finish()
    candidate.finish()  # once only
    assert tick(app) == 1
    notice = inbox.messages[1]
    assert notice["To"] == "lead@example.com"
    assert notice["Subject"] == "Ada Lovelace finished: Detection, 30 min"
    assert f"http://localhost/teams/{team_id}/interviews/1/report" in Inbox.text(notice)
    assert tick(app) == 0


def test_a_candidate_who_runs_out_of_time_is_reported_too(app, team, inbox, candidate, clock):
    owner, team_id, template_id = team
    invite(owner, team_id, template_id)
    candidate.start(LINK.search(Inbox.text(inbox.wait_for(1)[0])).group(1))
    clock.advance(minutes=31)  # nobody looks at the interview: the loop closes it
    assert tick(app) == 1
    assert inbox.messages[-1]["Subject"].startswith("Ada Lovelace finished")


def test_a_failed_send_is_shown_retried_and_never_loses_the_interview(app, team, mail_port,
                                                                       clock):
    owner, team_id, template_id = team
    detail = invite(owner, team_id, template_id)  # nothing listens on the port yet
    page = html(owner.client.get(detail))
    assert "not sent yet" in page and "ConnectionRefusedError" in page and "Send again" in page
    assert 'id="candidate-link"' in page  # the interview and its link are there all the same
    with session(app) as s:
        assert s.scalar(select(Interview.candidate_name)) == "Ada Lovelace"
    assert mails(app)[0] == ("invitation", "pending", 1)
    with smtp_inbox(mail_port) as inbox:
        assert tick(app) == 0  # the retry waits its turn (a minute after the first failure)
        clock.advance(minutes=1, seconds=1)
        assert tick(app) == 1
        assert inbox.wait_for(1)[0]["To"] == "ada@example.com"
    assert mails(app)[0] == ("invitation", "sent", 2)


def test_after_the_last_retry_it_is_marked_failed_and_can_be_sent_again(app, team, mail_port,
                                                                         clock):
    owner, team_id, template_id = team
    detail = invite(owner, team_id, template_id)
    for delay in notices.RETRY_AFTER:
        clock.advance(seconds=delay.total_seconds() + 1)
        tick(app)
    assert mails(app)[0] == ("invitation", "failed", len(notices.RETRY_AFTER) + 1)
    assert "not sent</span> after 5 attempts" in html(owner.client.get(detail))
    with smtp_inbox(mail_port) as inbox:
        [mail_id] = re.findall(r"/mail/(\d+)\"", html(owner.client.get(detail)))
        response = owner.post_form(f"{detail}/mail/{mail_id}", {}, page=detail)
        assert response.status_code == 302
        assert inbox.wait_for(1)[0]["To"] == "ada@example.com"
    assert mails(app)[0][:2] == ("invitation", "sent")


@pytest.mark.parametrize("field, value, message", [
    ("candidate_tz", "Mars/Olympus", "Unknown time zone"),
    ("notify_email", "not-an-address", "Give your e-mail address")])
def test_bad_mail_settings_on_the_form_are_refused(app, team, inbox, field, value, message):
    owner, team_id, template_id = team
    form = {"template_id": template_id, "candidate_name": "Ada", "link_days": 7,
            "candidate_email": "ada@example.com", field: value}
    response = owner.post_form(f"/teams/{team_id}/interviews", form, page=f"/teams/{team_id}")
    assert response.status_code == 400 and message in html(response)
    assert mails(app) == []


@pytest.mark.parametrize("app_config", [{**mail_config(0), "BASE_URL": "https://jobs.example.com"}])
def test_links_in_mail_use_the_configured_address_not_the_request_host(app, team, clock):
    owner, team_id, template_id = team
    with smtp_inbox() as inbox:
        app.config["SMTP_PORT"] = inbox.port
        invite(owner, team_id, template_id)
        body = Inbox.text(inbox.wait_for(1)[0])
    assert re.search(r"https://jobs\.example\.com/i/[\w-]{43}", body)
    assert "localhost" not in body
