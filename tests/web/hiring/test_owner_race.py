"""Two owners demoting themselves at the same moment leave the team with one owner, not none
(issue 19, finding 11). Both requests read the owner count before either writes unless the
team is locked first; a barrier in the count holds the first request until the second has
read too (or, with the lock, until it gives up waiting)."""
import threading

from sqlalchemy import select

from tests.web.helpers import session
from tests.web.hiring.interview_helpers import create_team
from web.hiring import teams
from web.models import TeamMember


def test_two_owners_demoting_themselves_at_once_keep_one_owner(app, login, monkeypatch):
    first, second = login("first"), login("second")
    team_id = create_team(first)
    page = f"/teams/{team_id}/members"
    first.post_form(page, {"username": "second"}, page=page)
    first.post_form(f"{page}/{second.user_id}", {"action": "owner"}, page=page)

    barrier = threading.Barrier(2, timeout=2)
    counting = teams.owners_count

    def owners_count_when_both_have_read(team):
        count = counting(team)
        try:
            barrier.wait()
        except threading.BrokenBarrierError:
            pass  # the other request is waiting on the team's lock: go on alone
        return count

    monkeypatch.setattr(teams, "owners_count", owners_count_when_both_have_read)
    tokens = {browser: browser.csrf(page) for browser in (first, second)}
    statuses = {}

    def demote(browser):
        response = browser.client.post(f"{page}/{browser.user_id}",
                                       data={"action": "interviewer", "csrf_token": tokens[browser]})
        statuses[browser.user_id] = response.status_code

    threads = [threading.Thread(target=demote, args=(b,)) for b in (first, second)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(30)
    with session(app) as s:
        roles = list(s.scalars(select(TeamMember.role).where(TeamMember.team_id == team_id)))
    assert sorted(roles) == ["interviewer", "owner"]
    assert sorted(statuses.values()) == [302, 400]
