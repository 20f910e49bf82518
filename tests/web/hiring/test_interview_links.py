"""Creating an interview and replacing its link follow post/redirect/get, and the link waits
for the team behind Copy link until the candidate opens it, without being stored."""
from sqlalchemy import func, select, text

from tests.web.helpers import html, session
from tests.web.hiring.interview_helpers import create_team, create_template, interview_id_and_link
from tests.web.hiring.test_teams import invite_link, join
from web.hiring import links
from web.models import Interview


def interview_count(app) -> int:
    with session(app) as s:
        return s.scalar(select(func.count()).select_from(Interview))


def test_creating_redirects_so_a_reload_makes_no_second_interview(app, login):
    owner = login("owner")
    team_id = create_team(owner)
    template_id = create_template(owner, team_id)
    form = {"template_id": template_id, "candidate_name": "Ada Lovelace",
            "candidate_email": "ada@example.com", "link_days": 7}
    response = owner.post_form(f"/teams/{team_id}/interviews", form, page=f"/teams/{team_id}")
    assert response.status_code == 302
    detail = response.headers["Location"]
    assert detail.startswith(f"/teams/{team_id}/interviews/")
    assert "Interview created for Ada Lovelace" in html(owner.client.get(detail))
    for _ in range(3):  # reloading the page the browser landed on
        page = owner.client.get(detail)
        assert page.status_code == 200 and 'id="candidate-link"' in html(page)
    assert owner.client.get(f"/teams/{team_id}/interviews").status_code == 302  # GET: nothing
    assert interview_count(app) == 1
    assert "shown only now" not in html(owner.client.get(detail))


def test_the_link_is_on_the_page_for_every_member_and_never_in_the_database(app, login,
                                                                               candidate):
    owner, bob = login("owner"), login("bob")
    team_id = create_team(owner)
    join(bob, invite_link(owner, team_id))
    template_id = create_template(owner, team_id)
    owner.post_form(f"/teams/{team_id}/interviews",
                    {"template_id": template_id, "candidate_name": "Ada", "link_days": 7,
                     "candidate_email": "ada@example.com"}, page=f"/teams/{team_id}")
    interview_id, link = interview_id_and_link(owner.client.get(f"/teams/{team_id}/interviews/1"))
    assert link.startswith("/i/")
    url = f"/teams/{team_id}/interviews/{interview_id}"
    assert interview_id_and_link(bob.client.get(url))[1] == link  # a colleague copies it too
    assert "Copy link" in html(bob.client.get(url))
    token = link.rsplit("/", 1)[1]
    with session(app) as s:  # no column of any table holds the token
        row = s.execute(text("SELECT * FROM interviews")).one()
        assert token not in " ".join(str(value) for value in row)
    assert candidate.open(link).status_code == 200
    assert candidate.start(link).status_code == 302
    assert 'id="candidate-link"' not in html(owner.client.get(url))  # taken up: gone


def test_a_changed_secret_key_gives_no_dead_link(app, setup):
    with app.app_context():
        with session(app) as s:
            interview = s.get(Interview, setup.interview_id)
            nonce, digest = interview.link_nonce, interview.token_hash
        assert links.recover(nonce, digest) == setup.link.rsplit("/", 1)[1]
        app.config["SECRET_KEY"] = "another key"
        assert links.recover(nonce, digest) is None
        assert links.recover(None, digest) is None


def test_without_smtp_nothing_is_queued_and_the_form_asks_nothing_about_mail(app, setup):
    from web.models import OutgoingMail
    with session(app) as s:
        assert s.query(OutgoingMail).count() == 0
    page = html(setup.owner.client.get(f"/teams/{setup.team_id}"))
    assert "candidate_tz" not in page and "notify_email" not in page


def test_an_interview_made_before_links_were_kept_asks_for_a_new_one(app, setup):
    with session(app) as s:
        s.get(Interview, setup.interview_id).link_nonce = None
    page = html(setup.owner.client.get(setup.url))
    assert 'id="candidate-link"' not in page and "cannot be shown again" in page
    setup.owner.post_form(f"{setup.url}/link", {"link_days": 7}, page=setup.url)
    assert 'id="candidate-link"' in html(setup.owner.client.get(setup.url))
