"""The candidate's side: the link, one browser, resuming, and time enforced by the server."""
import re
from datetime import timedelta

import pytest

from tests.web.helpers import assert_no_inline_script, html, session
from web.hiring import interviews
from web.models import EditorSnapshot, Interview, Submission
from web.text import MAX_ANSWER_CHARS

CODE = "def iou(box_a, box_b):\n    return 0.5  # score=60\n"


def stored(app, interview_id: int) -> Interview:
    with session(app) as s:
        interview = s.get(Interview, interview_id)
        interview.items  # load them before the session closes
        return interview


def test_the_link_shows_the_rules_and_start_sets_the_clock_on_the_server(app, setup, candidate,
                                                                         clock):
    page = candidate.open(setup.link)
    assert page.status_code == 200
    assert "Hello Ada Lovelace" in html(page) and "30 minutes" in html(page)
    assert stored(app, setup.interview_id).started_at is None  # opening is not starting
    response = candidate.start(setup.link)
    assert response.status_code == 302 and response.headers["Location"] == \
        f"/interview/{setup.interview_id}"
    cookie = next(c for c in response.headers.getlist("Set-Cookie")
                  if c.startswith(f"cvjudge_interview_{setup.interview_id}="))
    assert "HttpOnly" in cookie and "SameSite=Lax" in cookie
    interview = stored(app, setup.interview_id)
    assert interview.started_at == clock.now
    assert (interview.deadline - interview.started_at).total_seconds() == 30 * 60
    assert interview.browser_hash and interview.browser_hash not in cookie  # only a hash kept
    item = html(candidate.page())
    assert 'data-deadline="2026-11-20T09:30:00Z"' in item
    assert 'data-server-now="2026-11-20T09:00:00Z"' in item
    assert "Intersection over Union" in item and 'id="editor"' in item


def test_the_token_is_stored_only_as_a_hash(app, setup):
    token = setup.link.rsplit("/", 1)[1]
    assert len(token) >= 43  # 32 random bytes
    interview = stored(app, setup.interview_id)
    assert interview.token_hash != token and len(interview.token_hash) == 64


def test_an_unknown_link_is_404_and_never_500(candidate):
    for link in ("/i/nope", "/i/" + "x" * 300, "/i/%00"):
        assert candidate.open(link).status_code == 404
    assert candidate.client.post("/i/nope/start", data={}).status_code == 400  # no CSRF token
    token = candidate.csrf()
    assert candidate.client.post("/i/nope/start", data={"csrf_token": token}).status_code == 404


def test_a_second_browser_is_refused_while_the_first_resumes(app, setup, candidate,
                                                             another_browser):
    candidate.start(setup.link)
    refused = another_browser.open(setup.link)
    assert refused.status_code == 409 and "Already open in another browser" in html(refused)
    assert another_browser.start(setup.link).status_code == 409
    another_browser.interview_id = setup.interview_id  # even knowing the id gets nothing
    assert another_browser.page().status_code == 404
    assert another_browser.snapshot(0, CODE).status_code == 404
    assert another_browser.submit(0, CODE).status_code == 404
    assert another_browser.client.get(f"{another_browser.base}/items/0/history").status_code == 404
    again = candidate.open(setup.link)  # the first browser reopens the link: straight back in
    assert again.status_code == 302 and again.headers["Location"] == candidate.base


def test_reopening_resumes_the_item_code_and_answer_from_the_server(app, setup, candidate,
                                                                    clock):
    candidate.start(setup.link)
    assert candidate.snapshot(0, CODE).status_code == 200
    clock.advance(seconds=40)
    assert candidate.goto(1, current=0).status_code == 302
    assert candidate.answer(1, "IoU is overlap over union").status_code == 200
    # the tab closes; a new tab of the same browser opens the link again
    resumed = candidate.client.get(setup.link, follow_redirects=True)
    page = html(resumed)
    assert "IoU is overlap over union</textarea>" in page  # on item 2, the answer kept
    assert 'aria-current="step"' in page and "2 of 2" in page
    candidate.goto(0, current=1)
    code_page = html(candidate.page())
    saved = re.search(r'<script type="application/json" id="saved-code">(.*?)</script>',
                      code_page, re.S).group(1)
    assert "score=60" in saved and 'data-draft-base="' in code_page
    assert stored(app, setup.interview_id).items[0].seconds_spent == 40


def test_time_spent_is_counted_per_item_on_the_server(app, setup, candidate, clock):
    candidate.start(setup.link)
    clock.advance(seconds=90)
    candidate.goto(1, current=0)
    clock.advance(seconds=30)
    candidate.goto(0, current=1)
    clock.advance(seconds=15)
    candidate.finish(current=0)
    items = stored(app, setup.interview_id).items
    assert [item.seconds_spent for item in items] == [105, 30]


def test_after_the_deadline_every_write_is_refused_by_the_server(app, setup, candidate, clock,
                                                                 grade_pending):
    candidate.start(setup.link)
    assert candidate.submit(0, CODE).status_code == 202  # in time: graded and counted
    clock.advance(minutes=30, seconds=1)
    for response in (candidate.submit(0, CODE), candidate.submit(0, CODE, kind="run")):
        assert response.status_code == 409 and "Time is up" in response.get_json()["error"]
    late_nav = candidate.goto(1, current=0)
    assert late_nav.status_code == 302
    assert stored(app, setup.interview_id).current_position == 0  # did not move
    assert candidate.finish().status_code == 302
    assert stored(app, setup.interview_id).finished_at is None  # too late to finish "early"
    grade_pending()
    with session(app) as s:
        rows = s.query(Submission).all()
        assert [(r.kind, r.status, r.score) for r in rows] == [("submit", "done", 60)]
    page = html(candidate.page())
    assert "The interview is over" in page and "The time is up." in page


def test_work_sent_as_time_runs_out_is_kept_within_the_grace_period(app, setup, candidate,
                                                                    clock):
    candidate.start(setup.link)
    clock.advance(minutes=30, seconds=interviews.GRACE_S - 1)  # just past the deadline
    assert candidate.snapshot(0, "def iou(a, b):\n    return 0.25\n").status_code == 200
    assert candidate.answer(1, "sent as the timer hit zero").status_code == 200
    assert candidate.submit(0, CODE).status_code == 409  # but no new submission
    clock.advance(seconds=2)  # past the grace period
    assert candidate.snapshot(0, "def iou(a, b):\n    return 0.75\n").status_code == 409
    assert candidate.answer(1, "far too late").status_code == 409
    interview = stored(app, setup.interview_id)
    assert interview.items[1].answer == "sent as the timer hit zero"
    candidate.page()  # any look at it records the end
    interview = stored(app, setup.interview_id)
    assert interview.finished_at == interview.deadline
    with session(app) as s:
        codes = [snap.code for snap in s.query(EditorSnapshot).order_by(EditorSnapshot.id)]
    assert codes == ["def iou(a, b):\n    return 0.25\n"]


def test_finishing_early_locks_the_interview(app, setup, candidate, clock):
    candidate.start(setup.link)
    clock.advance(minutes=3)
    response = candidate.finish(current=1, answer="my final answer")
    assert response.status_code == 302
    interview = stored(app, setup.interview_id)
    assert interview.finished_at == clock.now and interview.items[1].answer == "my final answer"
    page = html(candidate.page())
    assert "The interview is over" in page and "You finished" in page
    clock.advance(seconds=interviews.GRACE_S + 1)
    assert candidate.submit(0, CODE).status_code == 409
    assert candidate.answer(1, "changed my mind").status_code == 409
    assert candidate.goto(1).status_code == 302
    reopened = candidate.open(setup.link)
    assert reopened.status_code == 200 and "The interview is over" in html(reopened)
    assert stored(app, setup.interview_id).items[1].answer == "my final answer"


def test_a_finished_interview_link_in_another_browser_says_so(setup, candidate, another_browser):
    candidate.start(setup.link)
    candidate.finish()
    page = another_browser.open(setup.link)
    assert page.status_code == 410 and "The interview is over" in html(page)
    assert another_browser.start(setup.link).status_code == 410


def test_an_expired_link_that_was_never_started(setup, candidate, clock):
    clock.advance(days=7, seconds=1)
    page = candidate.open(setup.link)
    assert page.status_code == 410 and "This link has expired" in html(page)
    assert candidate.start(setup.link).status_code == 410


def test_a_link_expiring_while_the_start_page_is_open_cannot_start(setup, candidate, clock):
    token_page = candidate.open(setup.link)
    assert token_page.status_code == 200
    clock.advance(days=8)
    from tests.web.conftest import csrf_from
    response = candidate.client.post(f"{setup.link}/start",
                                     data={"csrf_token": csrf_from(html(token_page))})
    assert response.status_code == 410


def test_a_revoked_link_is_closed_before_and_during_the_interview(app, setup, candidate,
                                                                  another_browser, clock):
    url = setup.url
    response = setup.owner.post_form(f"{url}/revoke", {}, page=url)
    assert response.status_code == 302
    page = candidate.open(setup.link)
    assert page.status_code == 410 and "withdrawn" in html(page)
    # and an interview under way stops at once, keeping its work
    from tests.web.hiring.interview_helpers import create_interview
    interview_id, link = create_interview(setup.owner, setup.team_id, setup.template_id,
                                          name="Grace Hopper")
    another_browser.start(link)
    another_browser.snapshot(0, CODE)
    clock.advance(minutes=2)
    setup.owner.post_form(f"/teams/{setup.team_id}/interviews/{interview_id}/revoke", {}, page=url)
    assert another_browser.snapshot(0, CODE + "# more\n").status_code == 409
    assert another_browser.submit(0, CODE).status_code == 409
    assert "withdrawn" in html(another_browser.page())
    interview = stored(app, interview_id)
    assert interview.items[0].seconds_spent == 120


def test_a_new_link_moves_the_interview_to_another_browser(app, setup, candidate,
                                                           another_browser, clock):
    candidate.start(setup.link)
    candidate.snapshot(0, CODE)
    clock.advance(minutes=10)
    response = setup.owner.post_form(f"{setup.url}/link", {"link_days": 7}, page=setup.url)
    from tests.web.hiring.interview_helpers import interview_id_and_link
    _, new_link = interview_id_and_link(response)
    assert new_link != setup.link
    assert another_browser.open(setup.link).status_code == 404  # the old link is dead
    assert candidate.page().status_code == 404  # and the first browser is released
    assert "Continue here" in html(another_browser.open(new_link))
    assert another_browser.start(new_link).status_code == 302
    page = html(another_browser.page())
    assert "score=60" in page  # the code carried over
    interview = stored(app, setup.interview_id)
    assert interview.deadline.isoformat() == "2026-11-20T09:30:00"  # the clock kept running
    assert candidate.start(new_link).status_code == 409  # single use again


def test_snapshots_skip_duplicates_refuse_huge_code_and_keep_the_latest(app, setup, candidate,
                                                                        clock, monkeypatch):
    candidate.start(setup.link)
    first = candidate.snapshot(0, CODE).get_json()["snapshot_id"]
    clock.advance(seconds=interviews.MIN_SNAPSHOT_GAP_S + 1)
    assert candidate.snapshot(0, CODE).get_json()["snapshot_id"] == first  # identical: no row
    with session(app) as s:
        assert [(snap.id, snap.taken_at) for snap in s.query(EditorSnapshot)] == \
            [(first, clock.now - timedelta(seconds=interviews.MIN_SNAPSHOT_GAP_S + 1))]
    too_big = candidate.snapshot(0, "#" * (64 * 1024 + 1))
    assert too_big.status_code == 413 and "limit is 64 KB" in too_big.get_json()["error"]
    assert candidate.snapshot(0, 42).status_code == 400
    assert candidate.snapshot(1, CODE).status_code == 400  # the written item takes no code
    assert candidate.answer(0, "text").status_code == 400
    assert candidate.answer(1, "x" * (MAX_ANSWER_CHARS + 1)).status_code == 413
    monkeypatch.setattr(interviews, "MAX_SNAPSHOTS", 3)
    for n in range(6):
        clock.advance(seconds=interviews.MIN_SNAPSHOT_GAP_S)
        assert candidate.snapshot(0, f"{CODE}# edit {n}\n").status_code == 200
    with session(app) as s:
        codes = [snap.code for snap in s.query(EditorSnapshot).order_by(EditorSnapshot.id)]
    assert len(codes) == 3 and codes[-1].endswith("# edit 5\n")  # capped, latest kept


def test_snapshots_close_together_replace_each_other_unless_forced(app, setup, candidate, clock):
    candidate.start(setup.link)
    candidate.snapshot(0, "a = 1\n")
    clock.advance(seconds=1)
    candidate.snapshot(0, "a = 2\n")  # one second later: replaces
    clock.advance(seconds=1)
    candidate.submit(0, "def iou(a, b): return 1.0\n", kind="run")  # forced: a new one
    with session(app) as s:
        codes = [snap.code for snap in s.query(EditorSnapshot).order_by(EditorSnapshot.id)]
    assert codes == ["a = 2\n", "def iou(a, b): return 1.0\n"]


def test_candidate_writes_need_the_csrf_token(setup, candidate):
    candidate.start(setup.link)
    response = candidate.client.post(f"{candidate.base}/items/0/snapshot", json={"code": CODE},
                                     headers={"Accept": "application/json"})
    assert response.status_code == 400


def test_submissions_follow_the_practice_flow_with_interview_urls(app, setup, candidate,
                                                                  grade_pending):
    candidate.start(setup.link)
    created = candidate.submit(0, CODE)
    assert created.status_code == 202
    body = created.get_json()
    assert body["status"] == "queued" and body["user"] is None and body["snapshot_id"]
    grade_pending()
    done = candidate.client.get(f"{candidate.base}/submissions/{body['id']}").get_json()
    assert done["verdict"] == "wrong_answer" and done["score"] == 60
    panel = html(candidate.client.get(f"{candidate.base}/submissions/{body['id']}/panel"))
    assert "Smallest failing input" in panel and f"/submissions/{body['id']}\"" not in panel
    history = html(candidate.client.get(f"{candidate.base}/items/0/history"))
    assert f'data-submission-id="{body["id"]}"' in history
    assert candidate.submit(1, CODE).status_code == 400  # a written item takes no code
    assert candidate.submit(5, CODE).status_code == 404
    assert candidate.post_json("/items/0/submissions", {"code": ""}).status_code == 400


def test_the_pending_limit_applies_per_interview(setup, candidate):
    candidate.start(setup.link)
    for _ in range(3):
        assert candidate.submit(0, CODE).status_code == 202
    refused = candidate.submit(0, CODE)
    assert refused.status_code == 429 and "waiting to be graded" in refused.get_json()["error"]


@pytest.mark.parametrize("app_config", [{"LINK_RATE_LIMIT": "3 per minute"}])
def test_guessing_links_is_rate_limited_but_real_links_are_not_counted(setup, candidate):
    for _ in range(5):
        assert candidate.open(setup.link).status_code == 200  # real lookups do not count
    for _ in range(3):
        assert candidate.open("/i/guess").status_code == 404
    assert candidate.open("/i/another-guess").status_code == 429
    # guesses from this address are held back, but a real link still opens (issue 19)
    assert candidate.open(setup.link).status_code == 200
    assert candidate.open("/i/yet-another-guess").status_code == 429


def test_interview_pages_need_no_inline_script(setup, candidate):
    """With script-src 'self', inline code would not run: only bundle files and JSON data."""
    pages = [candidate.open(setup.link)]
    candidate.start(setup.link)
    pages += [candidate.page(), candidate.goto(1, current=0) and candidate.page()]
    pages += [setup.owner.client.get(path) for path in
              (f"/teams/{setup.team_id}", f"/teams/{setup.team_id}/members",
               f"/teams/{setup.team_id}/templates",
               f"/teams/{setup.team_id}/templates/{setup.template_id}", setup.url,
               f"{setup.url}/report")]
    for response in pages:
        assert response.status_code == 200
        assert_no_inline_script(html(response))


def test_nul_characters_are_refused_with_a_message_not_stored(setup, candidate):
    """PostgreSQL cannot store NUL in text; every way in refuses it clearly."""
    candidate.start(setup.link)
    for response in (candidate.snapshot(0, "x = 1\x00"), candidate.answer(1, "a\x00b"),
                     candidate.answer(1, "lone \ud800 surrogate"),
                     candidate.snapshot(0, "x = '\udfff'"),
                     candidate.submit(0, "def iou(a, b):\x00 return 1")):
        assert response.status_code == 400
        assert re.search("NUL|surrogate", response.get_json()["error"])
    assert candidate.goto(1, current=1, answer="a\x00b").status_code == 400
    assert candidate.open("/i/abc%00def").status_code == 404
    named = setup.owner.post_form(f"/teams/{setup.team_id}/interviews",
                                  {"template_id": setup.template_id, "candidate_name": "Eve\x00",
                                   "candidate_email": "eve@example.com", "link_days": 7},
                                  page="/teams")
    assert named.status_code == 400 and "NUL" in html(named)
    assert setup.owner.client.get("/admin/submissions?user=%00").status_code == 400
