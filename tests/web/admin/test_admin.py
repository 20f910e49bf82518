"""Administration: only admins, users (roles, disabling), submissions (browse, rejudge)."""
import re

import pytest

from tests.web.conftest import fake_grader
from tests.web.helpers import (
    add_submission,
    add_users,
    attribute_values,
    get_submission,
    html,
    queries_for,
    table_row,
)


@pytest.fixture
def admin(login):
    return login("root", "admin")


def admin_routes(app) -> list[tuple[str, str]]:
    """(method, url) for every /admin route, ids filled in with 1."""
    routes = []
    for rule in app.url_map.iter_rules():
        if rule.endpoint.startswith("admin."):
            url = re.sub(r"<[^>]+>", "1", rule.rule)
            routes += [(method, url) for method in sorted(rule.methods & {"GET", "POST"})]
    return routes


def request(browser, method: str, url: str, data: dict | None = None):
    if method == "GET":
        return browser.client.get(url)
    return browser.post_form(url, data or {})


def test_members_are_refused_every_admin_route(app, login):
    member = login("alice")
    add_submission(app, member.user_id, "iou", 50)
    routes = admin_routes(app)
    assert len(routes) >= 5
    for method, url in routes:
        response = request(member, method, url, {"role": "admin"})
        assert response.status_code == 403, (method, url)
    assert member.client.get("/api/v1/me").get_json()["role"] == "member"


def test_the_admin_index_leads_to_users(admin):
    assert admin.client.get("/admin/").headers["Location"] == "/admin/users"


def test_admins_see_every_user_with_their_submission_count(app, admin):
    ann, ben = add_users(app, "ann", "ben")
    add_submission(app, ben, "iou")
    add_submission(app, ben, "nms")
    page = html(admin.client.get("/admin/users"))
    assert attribute_values(page, "data-user") == ["root", "ann", "ben"]
    assert "<td>2</td>" in table_row(page, "data-user", "ben")
    assert "<td>0</td>" in table_row(page, "data-user", "ann")


def update_user(admin, user_id: int, **fields):
    return admin.post_form(f"/admin/users/{user_id}", fields, page="/admin/users")


def test_an_admin_can_change_a_role(login, admin):
    bob = login("bob")
    assert update_user(admin, bob.user_id, role="admin").status_code == 302
    assert bob.client.get("/api/v1/me").get_json()["role"] == "admin"
    assert bob.client.get("/admin/users").status_code == 200
    assert update_user(admin, bob.user_id, role="member").status_code == 302
    assert bob.client.get("/admin/users").status_code == 403


def test_an_unknown_role_is_refused(login, admin):
    bob = login("bob")
    assert update_user(admin, bob.user_id, role="superuser").status_code == 400
    assert bob.client.get("/api/v1/me").get_json()["role"] == "member"


def test_updating_an_unknown_user_is_a_404(admin):
    assert update_user(admin, 999, role="admin").status_code == 404


def leaderboard_users(client) -> list[str]:
    return [row["user"] for row in client.get("/api/v1/leaderboard").get_json()["rows"]]


def test_a_disabled_user_cannot_log_in_and_leaves_the_leaderboard(app, login, admin, client,
                                                                   browser):
    bob = login("bob")
    add_submission(app, bob.user_id, "iou", 100)
    assert leaderboard_users(client) == ["bob"]
    assert update_user(admin, bob.user_id, active="0").status_code == 302
    assert browser.login("bob").status_code == 400
    assert bob.client.get("/api/v1/me").status_code == 401  # the open session ends too
    assert leaderboard_users(client) == []
    assert client.get("/users/bob").status_code == 404
    assert "disabled" in table_row(html(admin.client.get("/admin/users")), "data-user", "bob")
    update_user(admin, bob.user_id, active="1")
    assert leaderboard_users(client) == ["bob"]
    assert browser.login("bob").status_code == 302


@pytest.mark.parametrize("fields", [{"role": "member"}, {"active": "0"}])
def test_an_admin_cannot_demote_or_disable_themselves(admin, fields):
    response = update_user(admin, admin.user_id, **fields)
    assert response.status_code == 400
    assert "You cannot demote or disable yourself." in html(response)
    assert admin.client.get("/api/v1/me").get_json()["role"] == "admin"


def test_the_submissions_page_filters_by_user_and_challenge(app, admin):
    ann, ben = add_users(app, "ann", "ben")
    ann_iou, ann_nms = add_submission(app, ann, "iou"), add_submission(app, ann, "nms")
    ben_iou = add_submission(app, ben, "iou")

    def listed(query: str) -> list[int]:
        page = html(admin.client.get(f"/admin/submissions{query}"))
        return [int(i) for i in attribute_values(page, "data-submission-id")]

    assert listed("") == [ben_iou, ann_nms, ann_iou]
    assert listed("?user=ann") == [ann_nms, ann_iou]
    assert listed("?challenge=iou") == [ben_iou, ann_iou]
    assert listed("?user=ann&challenge=iou") == [ann_iou]


def full_marks(challenge, code, kind, progress=None):
    return fake_grader(challenge, "# score=100", kind)


def test_rejudge_queues_a_graded_submission_and_stores_the_new_result(app, login, admin,
                                                                      grade_pending):
    bob = login("bob")
    submission_id = bob.submit("iou", "def iou(a, b): return 0  # score=30").get_json()["id"]
    grade_pending()
    assert get_submission(app, submission_id).score == 30
    response = admin.post_form(f"/admin/submissions/{submission_id}/rejudge", {},
                               page="/admin/submissions")
    assert response.status_code == 302
    requeued = get_submission(app, submission_id)
    assert (requeued.status, requeued.attempts) == ("queued", 0)
    assert grade_pending(full_marks) == 1
    rejudged = get_submission(app, submission_id)
    assert (rejudged.status, rejudged.verdict, rejudged.score) == ("done", "accepted", 100)
    assert bob.client.get("/api/v1/me").get_json()["best_scores"] == {"iou": 100}


def test_rejudging_a_waiting_submission_changes_nothing(app, admin):
    submission_id = add_submission(app, add_users(app, "ann")[0], "iou", status="queued")
    response = admin.post_form(f"/admin/submissions/{submission_id}/rejudge", {})
    assert response.status_code == 302
    assert "is already waiting to be graded" in html(admin.client.get("/admin/submissions"))
    assert get_submission(app, submission_id).status == "queued"


def test_rejudging_an_unknown_submission_is_a_404(admin):
    assert admin.post_form("/admin/submissions/999/rejudge", {}).status_code == 404


@pytest.mark.parametrize("referrer, location", [
    ("http://localhost/submissions/1", "http://localhost/submissions/1"),
    ("http://localhost.evil.com/", "/admin/submissions"),
    (None, "/admin/submissions"),
])
def test_rejudge_returns_to_the_page_it_came_from_only_on_this_site(app, admin, referrer,
                                                                    location):
    submission_id = add_submission(app, add_users(app, "ann")[0], "iou")
    response = admin.client.post(f"/admin/submissions/{submission_id}/rejudge",
                                 data={"csrf_token": admin.csrf()},
                                 headers={"Referer": referrer} if referrer else {})
    assert response.headers["Location"] == location


def test_the_submission_list_takes_the_same_queries_for_3_or_30_rows(app, admin):
    """Each row shows its user: loaded with the rows, not one query per row."""
    def add(count: int) -> None:
        for user in add_users(app, *(f"u{len(added) + n}" for n in range(count))):
            added.append(user)
            add_submission(app, user, "iou", 50)
    added = []
    add(3)
    few = queries_for(app, admin.client, "/admin/submissions")
    add(27)
    assert queries_for(app, admin.client, "/admin/submissions") == few
    assert queries_for(app, admin.client, "/admin/submissions?user=u7") == few
