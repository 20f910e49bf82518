"""Teams: creating, inviting colleagues, managing members; team data is members-only."""
import re

import pytest

from tests.web.conftest import Browser
from tests.web.helpers import html, queries_for, session
from tests.web.hiring.interview_helpers import create_interview, create_team, create_template
from web.models import TeamMember


def invite_link(owner: Browser, team_id: int, role: str = "interviewer", days: int = 7) -> str:
    page = f"/teams/{team_id}/members"
    response = owner.post_form(f"/teams/{team_id}/invites", {"role": role, "days": days}, page=page)
    assert response.status_code == 200
    match = re.search(r'<code id="new-invite">http://localhost(/teams/join/[\w-]+)</code>',
                      html(response))
    assert match, "no invitation link on the page"
    return match.group(1)


def join(browser: Browser, link: str):
    return browser.post_form(link, {}, page=link)


def roles(app, team_id: int) -> dict[str, str]:
    with session(app) as s:
        return {m.user.username: m.role for m in
                s.query(TeamMember).filter_by(team_id=team_id).all()}


def test_the_creator_owns_the_team_and_sees_it_listed(app, login):
    owner = login("owner")
    team_id = create_team(owner, "Zebra <crossing> team")
    assert roles(app, team_id) == {"owner": "owner"}
    listing = html(owner.client.get("/teams"))
    assert "Zebra &lt;crossing&gt; team" in listing and f'data-team="{team_id}"' in listing
    assert "Zebra" not in html(login("other").client.get("/teams"))


def test_a_colleague_joins_through_a_single_use_invite(app, login, clock):
    owner, bob, carol = login("owner"), login("bob"), login("carol")
    team_id = create_team(owner)
    link = invite_link(owner, team_id)
    assert "Join “Vision hiring”" in html(bob.client.get(link))
    assert join(bob, link).status_code == 302
    assert roles(app, team_id) == {"owner": "owner", "bob": "interviewer"}
    assert bob.client.get(f"/teams/{team_id}").status_code == 200
    used = carol.client.get(link)
    assert used.status_code == 410 and "already been used" in html(used)
    assert join(carol, link).status_code == 410
    assert "carol" not in roles(app, team_id)


def test_expired_revoked_and_unknown_invites(app, login, clock):
    owner, bob = login("owner"), login("bob")
    team_id = create_team(owner)
    expired = invite_link(owner, team_id, days=1)
    clock.advance(days=1, seconds=1)
    assert bob.client.get(expired).status_code == 410
    revoked = invite_link(owner, team_id)
    page = html(owner.client.get(f"/teams/{team_id}/members"))
    invite_id = re.findall(r'data-invite="(\d+)"', page)[-1]
    owner.post_form(f"/teams/{team_id}/invites/{invite_id}/revoke", {}, page="/teams")
    assert "withdrawn" in html(bob.client.get(revoked))
    assert bob.client.get("/teams/join/not-a-real-token").status_code == 404
    assert roles(app, team_id) == {"owner": "owner"}


def test_joining_needs_an_account(app, login):
    owner = login("owner")
    link = invite_link(owner, create_team(owner))
    response = app.test_client().get(link)
    assert response.status_code == 302 and response.headers["Location"].startswith("/login?next=")


def test_owners_add_promote_demote_and_remove_members(app, login, make_user):
    owner = login("owner")
    make_user("dave")
    team_id = create_team(owner)
    page = f"/teams/{team_id}/members"
    owner.post_form(page, {"username": "DAVE"}, page=page)  # usernames ignore case
    owner.post_form(page, {"username": "nobody"}, page=page)
    assert roles(app, team_id) == {"owner": "owner", "dave": "interviewer"}
    dave_id = owner.user_id + 1
    owner.post_form(f"{page}/{dave_id}", {"action": "owner"}, page=page)
    assert roles(app, team_id)["dave"] == "owner"
    owner.post_form(f"{page}/{dave_id}", {"action": "remove"}, page=page)
    assert roles(app, team_id) == {"owner": "owner"}
    assert owner.post_form(f"{page}/{dave_id}", {"action": "owner"}, page=page).status_code == 404
    assert owner.post_form(f"{page}/{owner.user_id}", {"action": "boss"}, page=page).status_code == 400


def test_a_team_always_keeps_an_owner(app, login):
    owner = login("owner")
    team_id = create_team(owner)
    page = f"/teams/{team_id}/members"
    assert owner.post_form(f"{page}/{owner.user_id}", {"action": "interviewer"},
                           page=page).status_code == 400
    assert owner.post_form(f"{page}/{owner.user_id}", {"action": "remove"},
                           page=page).status_code == 400
    assert owner.post_form(f"/teams/{team_id}/leave", {}, page=page).status_code == 400
    assert roles(app, team_id) == {"owner": "owner"}


def test_interviewers_run_interviews_but_cannot_manage_members(app, login):
    owner, bob = login("owner"), login("bob")
    team_id = create_team(owner)
    join(bob, invite_link(owner, team_id))
    page = f"/teams/{team_id}/members"
    assert bob.post_form(page, {"username": "owner"}, page=page).status_code == 403
    assert bob.post_form(f"{page}/{owner.user_id}", {"action": "remove"}, page=page).status_code == 403
    assert bob.post_form(f"/teams/{team_id}/invites", {"role": "owner", "days": 7},
                         page=page).status_code == 403
    assert "Invite a colleague" not in html(bob.client.get(page))
    template_id = create_template(bob, team_id)  # but templates and interviews are theirs too
    create_interview(bob, team_id, template_id)
    assert bob.post_form(f"/teams/{team_id}/leave", {}, page=page).status_code == 302
    assert bob.client.get(f"/teams/{team_id}").status_code == 404


@pytest.fixture
def team_world(app, login):
    """A team with a template and an interview; `outsider` is in another team of their own."""
    owner, outsider = login("owner"), login("outsider")
    team_id = create_team(owner)
    template_id = create_template(owner, team_id)
    interview_id, link = create_interview(owner, team_id, template_id)
    create_team(outsider, "Another team")
    return {"owner": owner, "outsider": outsider, "anonymous": Browser(app.test_client()),
            "team": team_id, "template": template_id, "interview": interview_id}


TEAM_PAGES = ["/teams/{team}", "/teams/{team}/members", "/teams/{team}/templates",
              "/teams/{team}/templates/{template}", "/teams/{team}/interviews/{interview}",
              "/teams/{team}/interviews/{interview}/live",
              "/teams/{team}/interviews/{interview}/report",
              "/teams/{team}/interviews/{interview}/report.csv",
              "/teams/{team}/interviews/{interview}/items/0/replay"]
TEAM_POSTS = ["/teams/{team}/members", "/teams/{team}/invites", "/teams/{team}/leave",
              "/teams/{team}/templates", "/teams/{team}/templates/{template}",
              "/teams/{team}/templates/{template}/items",
              "/teams/{team}/templates/{template}/items/0",
              "/teams/{team}/templates/{template}/delete", "/teams/{team}/interviews",
              "/teams/{team}/interviews/{interview}/link",
              "/teams/{team}/interviews/{interview}/revoke",
              "/teams/{team}/interviews/{interview}/delete",
              "/teams/{team}/interviews/{interview}/items/1/review"]


@pytest.mark.parametrize("path", TEAM_PAGES)
def test_team_pages_are_for_members_only(team_world, path):
    url = path.format(**team_world)
    assert team_world["owner"].client.get(url).status_code == 200
    hidden = team_world["outsider"].client.get(url)
    assert hidden.status_code == 404 and "Vision hiring" not in html(hidden)
    anonymous = team_world["anonymous"].client.get(url)
    if url.endswith(("/live", "/replay")):  # fetched by the page's script: no login page inside
        assert anonymous.status_code == 401
    else:
        assert anonymous.status_code == 302 and "/login" in anonymous.headers["Location"]


@pytest.mark.parametrize("path", TEAM_POSTS)
def test_outsiders_cannot_change_team_data(app, team_world, path):
    url = path.format(**team_world)
    outsider = team_world["outsider"]
    data = {"name": "x", "duration_minutes": 30, "username": "outsider", "role": "owner",
            "days": 7, "item": "challenge:nms", "points": 5, "action": "remove",
            "template_id": team_world["template"], "candidate_name": "Eve",
            "candidate_email": "eve@example.com", "link_days": 7, "rubric": 5, "notes": "x"}
    assert outsider.post_form(url, data, page="/teams").status_code == 404
    assert team_world["owner"].client.get(
        f"/teams/{team_world['team']}/templates/{team_world['template']}").status_code == 200


def test_ids_from_another_team_are_not_reachable_through_mine(app, team_world):
    """The outsider's own team id with the first team's interview or template: still 404."""
    outsider = team_world["outsider"]
    mine = team_world["team"] + 1
    for path in (f"/teams/{mine}/interviews/{team_world['interview']}",
                 f"/teams/{mine}/interviews/{team_world['interview']}/report",
                 f"/teams/{mine}/templates/{team_world['template']}"):
        assert outsider.client.get(path).status_code == 404
    response = outsider.post_form(f"/teams/{mine}/interviews",
                                  {"template_id": team_world["template"], "candidate_name": "Eve",
                                   "candidate_email": "eve@example.com", "link_days": 7},
                                  page="/teams")
    assert response.status_code == 404


def test_team_pages_take_the_same_queries_however_many_rows_they_list(app, login, make_user):
    """The members tab, the team's home (its interviews and templates) and the templates tab
    load the rows' users and items with the rows, not one query per row."""
    owner = login("owner")
    team_id = create_team(owner)
    pages = [f"/teams/{team_id}/members", f"/teams/{team_id}", f"/teams/{team_id}/templates"]

    def grow(n: int) -> None:
        for k in range(n):
            make_user(f"colleague{grow.count}")
            owner.post_form(f"/teams/{team_id}/members", {"username": f"colleague{grow.count}"},
                            page="/teams")
            template_id = create_template(owner, team_id, name=f"Plan {grow.count}")
            create_interview(owner, team_id, template_id, name=f"Candidate {grow.count}")
            grow.count += 1
    grow.count = 0
    grow(1)
    few = [queries_for(app, owner.client, page) for page in pages]
    grow(4)
    assert [queries_for(app, owner.client, page) for page in pages] == few
    assert html(owner.client.get(pages[0])).count("data-member=") == 6


def test_every_field_of_the_members_page_has_its_own_label(login):
    """Labels sit above their fields (a label for=id each), not wrapped around them."""
    owner = login("owner")
    page = html(owner.client.get(f"/teams/{create_team(owner)}/members"))
    fields = re.findall(r'<(?:select|input)(?![^>]*type="hidden")[^>]*\bid="([\w-]+)"', page)
    assert {"invite-role", "invite-days", "add-username"} <= set(fields)
    for field in fields:
        assert f'<label for="{field}">' in page, field
    assert not re.search(r"<label>[^<]*<(select|input)", page)
