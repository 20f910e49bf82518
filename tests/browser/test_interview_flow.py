"""A mock interview in a real browser: an interviewer sets it up, a candidate takes it (a real
grade in Docker), closes the tab and comes back, finishes; the interviewer watches it live and
reads the report, replay included."""
import re
from pathlib import Path

from playwright.sync_api import expect

from tests.browser.conftest import SCREENSHOTS, register
from tests.browser.test_solve_flow import VERDICT_TIMEOUT_MS, type_code

RIGHT_IOU = (Path(__file__).resolve().parents[2] / "challenges" / "iou" / "solutions"
             / "correct_intervals.py").read_text()
ANSWER = "IoU is the area of the overlap divided by the area of the union of the two boxes."


def set_up_interview(page) -> str:
    """Through the interviewer's pages: team, template (IoU 40 points + a question 10
    points, 20 minutes), interview; returns the candidate's link."""
    register(page, "interviewer")
    page.click("header nav >> text=Interviews")
    page.fill("input[name=name]", "Vision hiring")
    page.click("text=Create team")
    team_url = page.url
    page.click("nav.tabs >> text=Templates")
    page.fill("input[name=name]", "Detection screen")
    page.fill("input[name=duration_minutes]", "20")
    page.click("text=Create template")
    page.select_option("select[name=item]", "challenge:iou")
    page.fill("#add-item input[name=points]", "40")
    page.click("text=Add item")
    page.select_option("select[name=item]", "question:intersection-over-union")
    page.click("text=Add item")
    expect(page.locator("table.template-items tbody tr")).to_have_count(2)
    page.click("text=Invite a candidate with this template")
    page.fill("input[name=candidate_name]", "Ada Lovelace")
    page.fill("input[name=candidate_email]", "ada@example.com")
    page.click("#new-interview button[type=submit]")
    link = page.locator("#candidate-link").inner_text()
    assert re.fullmatch(r"http://127\.0\.0\.1:\d+/i/[\w-]{43}", link), link
    page.goto(team_url)
    page.click("table.interviews >> text=Ada Lovelace")  # the interview's page, with the live view
    return link


def test_a_candidate_takes_an_interview_and_the_interviewer_reads_the_report(chromium,
                                                                           live_server, page):
    link = set_up_interview(page)
    live_url = page.url
    candidate_context = chromium.new_context(viewport={"width": 1400, "height": 950})
    errors = []
    try:
        me = candidate_context.new_page()
        me.on("pageerror", lambda exc: errors.append(str(exc)))
        me.goto(link)
        expect(me.locator("h1")).to_have_text("Hello Ada Lovelace")
        me.click("#start-interview")
        expect(me.locator("header .timer .remaining")).to_have_text(re.compile(r"^(20:00|19:5\d)$"))

        # the coding item: the same editor, Run examples and Submit as practice, graded for real
        expect(me.locator("#editor .cm-content")).to_contain_text("def iou(box_a, box_b)")
        type_code(me, RIGHT_IOU)
        me.click("#run-examples")
        expect(me.locator("#result-panel article.result[data-status=done]")).to_contain_text(
            "examples passed", timeout=VERDICT_TIMEOUT_MS)
        me.click("#submit-code")  # (the run's panel says accepted too: wait for the score)
        expect(me.locator("#result-panel .score strong")).to_have_text(
            "100", timeout=VERDICT_TIMEOUT_MS)
        expect(me.locator("#result-panel article.result")).to_have_attribute(
            "data-verdict", "accepted")
        expect(me.locator("#history tr[data-submission-id]")).to_have_count(1)
        SCREENSHOTS.mkdir(parents=True, exist_ok=True)
        me.screenshot(path=str(SCREENSHOTS / "interview-candidate.png"))

        # meanwhile the interviewer's live view has followed, without a reload
        page.goto(live_url)
        expect(page.locator("#live-submissions li").first).to_contain_text("accepted")
        expect(page.locator('tr[data-position="0"] [data-field=best]')).to_have_text("100")
        # when the code was taken, in this browser's zone and named, never a raw ISO string
        expect(page.locator("[data-live=code-where]")).to_have_text(
            re.compile(r"^item 1, \d{4}-\d\d-\d\d \d\d:\d\d (UTC|GMT[+-][\d:]+|[A-Z]{3,5})$"))

        # the written item; the answer is saved as the candidate types
        me.click("#next-item")
        expect(me.locator(".crumbs")).to_contain_text("written answer")
        me.fill("#interview-answer", ANSWER)
        expect(me.locator("#save-state")).to_contain_text("Saved", timeout=10_000)
        expect(page.locator('[data-live=current]')).to_contain_text("2. What is", timeout=10_000)
        expect(page.locator("#live-answer")).to_have_text(ANSWER, timeout=10_000)

        # the tab closes; the link, reopened in the same browser, resumes where it was
        me.close()
        me = candidate_context.new_page()
        me.on("pageerror", lambda exc: errors.append(str(exc)))
        me.goto(link)
        expect(me.locator("#interview-answer")).to_have_value(ANSWER)
        me.click("#previous-item")
        expect(me.locator("#editor .cm-content")).to_contain_text("def _overlap")
        me.once("dialog", lambda dialog: dialog.accept())
        me.click("#finish-interview")
        expect(me.locator(".closed-page h1")).to_have_text("The interview is over")
    finally:
        candidate_context.close()
    assert not errors, errors

    # the report: verdicts, the written answer beside the model answer, the replay, the total
    page.click("text=Open the report")
    expect(page.locator("#report-total")).to_have_text("40 / 50")
    coding = page.locator("#item-1")
    expect(coding.locator("[data-field=best]")).to_have_text("100")
    expect(coding.locator(".final-code")).to_contain_text("def _overlap")
    slider = coding.locator(".replay-slider")
    expect(coding.locator(".replay-label")).to_contain_text(re.compile(r"^(\d+) of \1 "))
    slider.fill("0")  # back to the first snapshot: the starter code
    expect(coding.locator(".replay-label")).to_contain_text(re.compile(r"^1 of \d+ · 0:\d\d"))
    expect(coding.locator(".replay-view .cm-content")).not_to_contain_text("def _overlap")
    written = page.locator("#item-2")
    expect(written.locator(".candidate-answer")).to_have_text(ANSWER)
    expect(written.locator(".key-points li").first).to_be_visible()
    written.locator("input[name=rubric][value='5']").check()
    written.locator("textarea[name=notes]").fill("Precise and complete.")
    written.locator("text=Submit your scorecard").click()
    expect(page.locator("#report-total")).to_have_text("50 / 50")
    expect(page.locator("button[data-print]")).to_be_visible()
    page.goto(page.url.split("#")[0])
    expect(page.locator("#item-1 .replay-label")).to_contain_text(" of ")
    page.screenshot(path=str(SCREENSHOTS / "interview-report.png"), full_page=False)
    page.emulate_media(media="print")  # what "Print / save as PDF" lays out
    expect(page.locator("header.site")).to_be_hidden()
    expect(page.locator("#item-2 .review-form")).to_be_hidden()
    expect(page.locator("#item-2 .scorecards")).to_contain_text("5/5 (excellent)")
    expect(page.locator("#item-1 .final-code")).to_be_visible()

