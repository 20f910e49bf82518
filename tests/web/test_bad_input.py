"""Hostile or absurd input gets a clear 4xx, never a 500."""
import pytest

BIG = "9" * 25  # past SQL's 64-bit integers


@pytest.mark.parametrize("path", [
    f"/api/v1/submissions/{BIG}", f"/submissions/{BIG}", f"/submissions/{BIG}/panel",
    f"/quiz/{BIG}", "/users/%00", "/challenges/%2e%2e", "/api/v1/challenges/%00",
])
def test_unknown_or_impossible_ids_are_404(login, path):
    assert login("admin", "admin").client.get(path).status_code == 404


@pytest.mark.parametrize("path", [
    f"/admin/submissions?page={BIG}", "/admin/submissions?page=-3", f"/leaderboard?page={BIG}",
    f"/api/v1/leaderboard?offset={BIG}&limit={BIG}", "/api/v1/leaderboard?offset=-1&limit=0",
    f"/api/v1/submissions?limit={BIG}", "/api/v1/submissions?limit=-5",
    "/concepts?q=" + "a" * 10_000,
])
def test_absurd_paging_and_queries_still_answer(login, path):
    assert login("admin", "admin").client.get(path).status_code == 200


@pytest.mark.parametrize("path", [
    f"/admin/users/{BIG}", f"/admin/submissions/{BIG}/rejudge", f"/account/tokens/{BIG}/revoke",
    f"/quiz/{BIG}/answer/0",
])
def test_posts_to_impossible_ids_are_404(login, path):
    admin = login("admin", "admin")
    assert admin.post_form(path, {"role": "admin", "answer": "x"}).status_code == 404


def test_code_with_a_lone_surrogate_is_refused_with_a_message(login):
    response = login("ann").submit("iou", "def iou(a, b):\n    return 0.0  # \ud800\n")
    assert response.status_code == 400
    assert "lone surrogate" in response.get_json()["error"]


def test_a_huge_answer_is_shown_cut_short(login, grade_pending):
    from dataclasses import replace

    from tests.web.conftest import fake_grader

    def huge_answer(challenge, code, kind, progress=None):
        result = fake_grader(challenge, code, kind)
        return replace(result, counterexample=replace(result.counterexample,
                                                      got=[[0.5] * 400] * 400))

    ann = login("ann")
    submission = ann.submit("iou", "def iou(a, b): return 0  # score=10").get_json()["id"]
    grade_pending(huge_answer)
    panel = ann.client.get(f"/submissions/{submission}/panel").get_data(as_text=True)
    assert "characters in all)" in panel and len(panel) < 60_000


@pytest.mark.parametrize("send", [
    lambda b: b.submit("iou", "def iou(a, b):\n    return 0.0  # \x00"),
    lambda b: b.client.get("/concepts?q=a\x00b"),
    lambda b: b.post_form("/account", {"bio": "hello\x00"}, "/account"),
])
def test_nul_characters_are_refused_with_a_message(login, send):
    """PostgreSQL cannot store NUL in text; every database refuses it the same way."""
    response = send(login("nul"))
    assert response.status_code == 400
    assert "NUL character" in response.get_data(as_text=True)
