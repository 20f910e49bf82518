"""Hiring: teams and their members, interview templates and their pools, mock interviews (the
interviewer's pages, the candidate's), their e-mail, integrity signals, scorecards, the report
and the similarity flag."""
from web.hiring import candidate_pages, interview_pages, mail_loop, team_pages, template_pages
from web.mailer import MailSettings

blueprints = (team_pages.bp, template_pages.bp, interview_pages.bp, candidate_pages.bp)


def init_app(app) -> None:
    """Check the SMTP settings at start-up (a typo fails loudly), then start the mail loop."""
    MailSettings.from_config(app.config)
    mail_loop.start(app)
