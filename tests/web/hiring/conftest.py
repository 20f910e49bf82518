"""Fixtures of the hiring tests: a team with a template and an interview, and candidates."""
import pytest

from tests.web.hiring.interview_helpers import (
    Candidate,
    Setup,
    create_interview,
    create_team,
    create_template,
)


@pytest.fixture
def candidate(app):
    return Candidate(app.test_client())


@pytest.fixture
def another_browser(app):
    return Candidate(app.test_client())


@pytest.fixture
def setup(login, clock) -> Setup:
    """An owner, their team, a template (iou for 40 points, a question for 10) and an
    interview sent to Ada."""
    owner = login("owner")
    team_id = create_team(owner)
    template_id = create_template(owner, team_id)
    interview_id, link = create_interview(owner, team_id, template_id)
    return Setup(owner, team_id, template_id, interview_id, link)
