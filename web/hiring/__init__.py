"""Hiring: teams and their members, interview templates, mock interviews (the interviewer's
pages, the candidate's), the report and the similarity flag."""
from web.hiring import candidate_pages, interview_pages, team_pages, template_pages

blueprints = (team_pages.bp, template_pages.bp, interview_pages.bp, candidate_pages.bp)


def init_app(_app) -> None:
    """Nothing to start."""
