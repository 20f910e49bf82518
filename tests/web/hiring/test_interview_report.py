"""What interviewers read: the live view, the report, the rubric, the CSV, the replay, and the
similarity flag (within one team only)."""
import csv
import io
import re
from dataclasses import replace
from html import unescape

import pytest

from judge.result import Counterexample
from tests.unit.test_similarity_trust import TEXTBOOK
from tests.web.conftest import fake_grader
from tests.web.helpers import assert_no_inline_script, html
from tests.web.hiring.interview_helpers import Candidate, create_interview, create_team, create_template
from web.hiring.similarity import SUSPICIOUS

SOLUTION = TEXTBOOK  # the short standard IoU


def grader_with_cases(challenge, code, kind, progress=None):
    """The stand-in grader, with the counterexample's input taken from '# case=N'."""
    result = fake_grader(challenge, code, kind)
    case = re.search(r"case=(\d+)", code)
    if result.counterexample is None or not case:
        return result
    n = int(case.group(1))
    example = Counterexample(property="first", inputs={"box_a": [0, 0, n, n],
                                                       "box_b": [n, n, 2 * n, 2 * n]},
                             expected=0.0, got=f"<b>{n}</b>", message=f"case {n}")
    return replace(result, counterexample=example)


@pytest.fixture
def taken(setup, candidate, clock, grade_pending):
    """Ada's interview, taken: three submissions (two failing on different inputs), a run, a
    judge failure, 95 s on the code and 30 s on the written answer, then finished."""
    candidate.start(setup.link)
    candidate.snapshot(0, "def iou(box_a, box_b):\n    pass\n")
    clock.advance(seconds=20)
    for code in ("def iou(a, b):\n    return 0  # score=40 case=1\n",
                 "def iou(a, b):\n    return 0  # score=40 case=1\n    # same failure\n",
                 "def iou(a, b):\n    return 1  # score=70 case=3\n"):
        clock.advance(seconds=5)
        assert candidate.submit(0, code).status_code == 202
        grade_pending(grader_with_cases)
    candidate.submit(0, "def iou(a, b):\n    return 1  # verdict=internal_error score=0\n")
    candidate.submit(0, SOLUTION, kind="run")
    grade_pending(grader_with_cases)
    clock.advance(seconds=60)
    candidate.goto(1, current=0, code=SOLUTION + "# final touch\n")
    clock.advance(seconds=30)
    candidate.finish(current=1, answer="Overlap area divided by the union's area.")
    return setup


def report_page(setup) -> str:
    response = setup.owner.client.get(f"{setup.url}/report")
    assert response.status_code == 200
    return html(response)


def section(page: str, number: int) -> str:
    """The report's part about item `number` (up to the next item's part)."""
    start = page.find(f'<section class="card report-item" id="item-{number}"')
    assert start >= 0, f"no item {number} in the report"
    end = page.find(f'<section class="card report-item" id="item-{number + 1}"')
    return page[start:end if end >= 0 else len(page)]


def test_the_report_shows_each_coding_item_in_full(taken):
    coding = section(report_page(taken), 1)
    assert re.search(r'data-field="best">70<', coding)  # the judge failure does not count
    assert re.search(r'data-field="attempts">4<', coding)
    assert "<strong>1</strong> run of the examples" in coding
    assert "Time spent <strong>1:35</strong>" in coding
    assert coding.count('class="badge v-wrong_answer"') == 3
    assert coding.count('class="badge v-internal_error"') == 1
    assert coding.count('<section class="counterexample"') == 2  # case 1 once, then case 3
    assert "&lt;b&gt;1&lt;/b&gt;" in coding and "<b>1</b>" not in coding  # escaped
    assert "# final touch" in coding  # the final code is the last snapshot
    assert "earned 28" in coding  # 70/100 of 40 points
    assert 'data-replay-url="' in coding


def test_the_written_answer_sits_beside_the_model_answer_until_rated(taken):
    page = report_page(taken)
    written = section(page, 2)
    assert "Overlap area divided by the union&#39;s area." in written
    assert "Model answer" in written and "Key points" in written
    assert '<ul class="key-points"><li>' in written
    assert "to rate" in written
    assert 'id="report-total">28 / 50<' in page and "1 item still to rate" in page


def test_rating_and_notes_complete_the_total(taken):
    url = f"{taken.url}/items/1/review"
    response = taken.owner.post_form(url, {"rubric": "4", "notes": "Clear, missed the edge case"},
                                     page=f"{taken.url}/report")
    assert response.status_code == 302 and response.headers["Location"].endswith("#item-2")
    page = report_page(taken)
    assert 'id="report-total">36 / 50<' in page and "still to rate" not in page  # 28 + 4/5 of 10
    assert "Clear, missed the edge case</textarea>" in page
    assert 'value="4" checked' in page
    taken.owner.post_form(url, {"rubric": "", "notes": ""}, page=f"{taken.url}/report")
    assert "1 item still to rate" in report_page(taken)


def test_bad_reviews_are_refused(taken):
    url = f"{taken.url}/items/1/review"
    for rubric in ("0", "6", "3.5", "good"):
        assert taken.owner.post_form(url, {"rubric": rubric}, page="/teams").status_code == 400
    assert taken.owner.post_form(url, {"notes": "x" * 10_001}, page="/teams").status_code == 413
    assert taken.owner.client.post(url, data={"rubric": "5"}).status_code == 400  # no CSRF
    assert taken.owner.post_form(f"{taken.url}/items/9/review", {"rubric": "5"},
                                 page="/teams").status_code == 404
    assert "still to rate" in report_page(taken)


def test_the_report_prints_without_inline_script(taken):
    page = report_page(taken)
    assert "<button type=\"button\" data-print>Print / save as PDF</button>" in page
    assert_no_inline_script(page)
    assert 'class="scorecards"' in page and 'class="review-form no-print"' in page


def test_the_csv_export_holds_every_item_and_the_total(taken):
    taken.owner.post_form(f"{taken.url}/items/1/review", {"rubric": "5", "notes": "Good"},
                          page="/teams")
    response = taken.owner.client.get(f"{taken.url}/report.csv")
    assert response.mimetype == "text/csv"
    assert "attachment" in response.headers["Content-Disposition"]
    rows = list(csv.DictReader(io.StringIO(response.get_data(as_text=True))))
    assert [row["item"] for row in rows] == ["1", "2", "total"]
    coding, written, total = rows
    assert (coding["kind"], coding["points"], coding["earned"], coding["best_score"],
            coding["attempts"], coding["runs"], coding["time_spent_s"]) == \
        ("challenge", "40", "28.0", "70", "4", "1", "95")
    assert coding["verdicts"] == "wrong_answer wrong_answer wrong_answer internal_error"
    assert coding["final_code"].endswith("# final touch\n")
    assert (written["rubric"], written["notes"], written["earned"]) == \
        ("5", "owner (5/5): Good", "10.0")
    assert written["answer"] == "Overlap area divided by the union's area."
    assert (total["points"], total["earned"], total["time_spent_s"]) == ("50", "38.0", "125")


DANGEROUS = ["=HYPERLINK(\"http://evil.example\")", "+1+1", "-2+3", "@SUM(A1:A2)",
             "\tcmd", "\rcmd"]


@pytest.mark.parametrize("text", DANGEROUS)
def test_csv_cells_that_could_run_as_formulas_are_defused(login, clock, app, text):
    owner = login("owner")
    team_id = create_team(owner)
    template_id = create_template(owner, team_id)
    interview_id, link = create_interview(owner, team_id, template_id, name=text)
    candidate = Candidate(app.test_client())
    candidate.start(link)
    candidate.answer(1, text)
    url = f"/teams/{team_id}/interviews/{interview_id}"
    owner.post_form(f"{url}/items/1/review", {"notes": text}, page="/teams")
    rows = list(csv.reader(io.StringIO(owner.client.get(f"{url}/report.csv").get_data(as_text=True))))
    header = rows[0]
    name = " ".join(text.split())  # names are stored with their spacing tidied
    for row in rows[1:]:
        assert row[header.index("candidate")] == (name if name == "cmd" else "'" + name)
    assert rows[2][header.index("answer")] == "'" + text
    assert rows[2][header.index("notes")] == f"owner (-/5): {text}".rstrip()  # starts safely
    assert rows[1][header.index("earned")] == "0.0"  # numbers stay numbers


def test_the_live_view_follows_the_candidate(setup, candidate, clock, grade_pending):
    live = setup.owner.client.get(f"{setup.url}/live").get_json()
    assert live["status"] == "invited" and live["seconds_left"] is None
    candidate.start(setup.link)
    clock.advance(minutes=5)
    candidate.snapshot(0, "def iou(a, b):\n    return 0.3\n")
    candidate.submit(0, "def iou(a, b):\n    return 0.3  # score=30\n")
    live = setup.owner.client.get(f"{setup.url}/live").get_json()
    assert (live["status"], live["current_position"], live["seconds_left"]) == \
        ("in_progress", 0, 25 * 60)
    assert [(s["kind"], s["status"]) for s in live["submissions"]] == [("submit", "queued")]
    grade_pending()
    clock.advance(seconds=10)
    candidate.goto(1, current=0)
    live = setup.owner.client.get(f"{setup.url}/live").get_json()
    assert live["current_position"] == 1 and live["current_title"].startswith("What is")
    assert live["current_answer"] == ""
    candidate.answer(1, "typing <live>")
    assert setup.owner.client.get(f"{setup.url}/live").get_json()["current_answer"] == \
        "typing <live>"
    assert live["submissions"][0]["verdict"] == "wrong_answer"
    assert live["items"][0]["best_score"] == 30 and live["items"][0]["seconds"] == 310
    assert live["latest_code"]["code"].endswith("# score=30\n")
    page = html(setup.owner.client.get(setup.url))
    assert 'id="live"' in page and "score=30" in page
    assert "<title>Ada Lovelace · interview · cvjudge</title>" in page


def test_the_replay_lists_snapshots_in_order_with_their_time(setup, candidate, clock):
    candidate.start(setup.link)
    for n in range(3):
        clock.advance(seconds=10)
        candidate.snapshot(0, f"x = {n}\n")
    replay = setup.owner.client.get(f"{setup.url}/items/0/replay").get_json()
    assert [(s["t"], s["code"]) for s in replay["snapshots"]] == \
        [(10, "x = 0\n"), (20, "x = 1\n"), (30, "x = 2\n")]
    assert replay["starter"].startswith("def iou")
    assert setup.owner.client.get(f"{setup.url}/items/1/replay").status_code == 404  # written


def two_candidates_with(app, owner, team_id, template_id, code_a, code_b):
    for name, code in (("Ada", code_a), ("Grace", code_b)):
        _, link = create_interview(owner, team_id, template_id, name=name)
        candidate = Candidate(app.test_client())
        candidate.start(link)
        candidate.snapshot(0, code)
        candidate.finish()


RENAMED = SOLUTION.replace("inter", "overlap").replace("union", "total").replace("w =", "width =") \
    .replace("w *", "width *")
# an IoU of its own: b's interval clamped into a's, on each axis
DISTINCTIVE = """def _clamp_into(lo, hi, value):
    if value < lo:
        return lo
    if value > hi:
        return hi
    return value


def _box_area(corners):
    left, top, right, bottom = corners
    return abs(right - left) * abs(bottom - top)


def iou(box_a, box_b):
    left = _clamp_into(box_a[0], box_a[2], box_b[0])
    right = _clamp_into(box_a[0], box_a[2], box_b[2])
    top = _clamp_into(box_a[1], box_a[3], box_b[1])
    bottom = _clamp_into(box_a[1], box_a[3], box_b[3])
    shared = (right - left) * (bottom - top)
    total = _box_area(box_a) + _box_area(box_b) - shared
    if total <= 0:
        return 0.0
    return shared / total
"""
DISTINCTIVE_COPY = DISTINCTIVE.replace("_clamp_into", "pin").replace("shared", "common_part") \
    .replace("total", "everything").replace("    if total <= 0", "    # guard\n    if total <= 0")
HONEST = """import numpy as np


def iou(box_a, box_b):
    a = np.asarray(box_a, dtype=float)
    b = np.asarray(box_b, dtype=float)
    lo = np.maximum(a[:2], b[:2])
    hi = np.minimum(a[2:], b[2:])
    inter = float(np.prod(np.clip(hi - lo, 0, None)))
    area = lambda box: float(np.prod(box[2:] - box[:2]))
    union = area(a) + area(b) - inter
    return 0.0 if union <= 0 else inter / union
"""


def test_similar_final_code_in_the_same_team_is_flagged_side_by_side(app, login, clock):
    owner = login("owner")
    team_id = create_team(owner)
    template_id = create_template(owner, team_id)
    two_candidates_with(app, owner, team_id, template_id, DISTINCTIVE, DISTINCTIVE_COPY)
    page = html(owner.client.get(f"/teams/{team_id}/interviews/2/report"))
    coding = section(page, 1)
    assert "Suspiciously similar" in coding and ">Ada</a>" in coding
    assert "distinctive tokens" in coding
    # both sides, token by token: the shared code is marked, honest material dimmed
    assert coding.count('<span class="shared">return abs(right - left) * abs(bottom - top)'
                        '</span>') == 2
    assert '<span class="shared">if value &lt; lo:</span>' in coding
    assert coding.count('<span class="common">def iou(box_a, box_b):</span>') == 2
    sides = re.findall(r'<pre class="code marked"><code>(.*?)</code></pre>', coding, re.S)
    shown = [unescape(re.sub(r"</?span[^>]*>", "", side)) for side in sides]
    assert shown == [DISTINCTIVE_COPY, DISTINCTIVE]  # exactly the code: no added blank lines
    assert "similar code" in page  # flagged in the summary too
    first = html(owner.client.get(f"/teams/{team_id}/interviews/1/report"))
    assert ">Grace</a>" in section(first, 1)


def test_code_that_practice_users_submitted_and_got_accepted_is_no_evidence(app, login, clock):
    """Once the same solution is among the accepted practice submissions, two candidates who
    both wrote it share nothing of their own: it is, by now, a known answer."""
    from tests.web.helpers import add_submission
    owner = login("owner")
    team_id = create_team(owner)
    template_id = create_template(owner, team_id)
    two_candidates_with(app, owner, team_id, template_id, DISTINCTIVE, DISTINCTIVE_COPY)
    url = f"/teams/{team_id}/interviews/2/report"
    assert "Suspiciously similar" in html(owner.client.get(url))
    add_submission(app, owner.user_id, "iou", 40, code=DISTINCTIVE)  # not accepted: no matter
    assert "Suspiciously similar" in html(owner.client.get(url))
    add_submission(app, owner.user_id, "iou", 100, code=DISTINCTIVE)
    assert "Suspiciously similar" not in html(owner.client.get(url))


def test_two_textbook_answers_are_not_flagged(app, login, clock):
    """The short standard IoU, copied and renamed or written twice: what every correct
    solution does is no evidence, and too little is left to judge."""
    owner = login("owner")
    team_id = create_team(owner)
    template_id = create_template(owner, team_id)
    two_candidates_with(app, owner, team_id, template_id, SOLUTION, RENAMED)
    assert "Suspiciously similar" not in html(owner.client.get(f"/teams/{team_id}/interviews/2/report"))


def test_different_solutions_are_not_flagged(app, login, clock):
    owner = login("owner")
    team_id = create_team(owner)
    template_id = create_template(owner, team_id)
    two_candidates_with(app, owner, team_id, template_id, DISTINCTIVE, HONEST)
    assert "Suspiciously similar" not in html(owner.client.get(f"/teams/{team_id}/interviews/2/report"))


def test_candidates_of_another_team_are_never_compared_or_shown(app, login, clock):
    owner, rival = login("owner"), login("rival")
    team_id = create_team(owner)
    two_candidates_with(app, owner, team_id, create_template(owner, team_id), DISTINCTIVE, HONEST)
    rival_team = create_team(rival, "Rival team")
    rival_template = create_template(rival, rival_team)
    _, link = create_interview(rival, rival_team, rival_template, name="Copycat")
    copycat = Candidate(app.test_client())
    copycat.start(link)
    copycat.snapshot(0, DISTINCTIVE_COPY)
    copycat.finish()
    for url in (f"/teams/{team_id}/interviews/1/report", f"/teams/{rival_team}/interviews/3/report"):
        browser = owner if url.startswith(f"/teams/{team_id}/") else rival
        page = html(browser.client.get(url))
        assert "Suspiciously similar" not in page
    assert "common_part" not in html(owner.client.get(f"/teams/{team_id}/interviews/1/report"))
    assert SUSPICIOUS > 0


def test_the_untouched_starter_is_never_flagged(app, login, clock):
    owner = login("owner")
    team_id = create_team(owner)
    template_id = create_template(owner, team_id)
    starter = app.extensions["cvjudge.catalogue"].challenges["iou"].starter
    two_candidates_with(app, owner, team_id, template_id, starter, starter)
    assert "Suspiciously similar" not in html(owner.client.get(f"/teams/{team_id}/interviews/2/report"))


def test_the_team_page_lists_interviews_with_their_status(taken, login):
    page = html(taken.owner.client.get(f"/teams/{taken.team_id}"))
    assert f'data-interview="{taken.interview_id}" data-status="finished"' in page
    assert "Ada Lovelace" in page and "ada@example.com" in page


def test_owners_delete_an_interview_with_all_the_candidates_work(app, taken, login):
    from tests.web.helpers import session
    from tests.web.hiring.test_teams import invite_link, join
    from web.models import EditorSnapshot, InterviewItem, Submission
    bob = login("bob")
    join(bob, invite_link(taken.owner, taken.team_id))
    assert bob.post_form(f"{taken.url}/delete", {}, page="/teams").status_code == 403
    assert 'Delete this interview' not in html(bob.client.get(taken.url))
    response = taken.owner.post_form(f"{taken.url}/delete", {}, page="/teams")
    assert response.status_code == 302
    assert taken.owner.client.get(taken.url).status_code == 404
    with session(app) as s:
        assert s.query(Submission).count() == s.query(EditorSnapshot).count() == \
            s.query(InterviewItem).count() == 0
