"""Review mode in a real browser: reveal and rate three cards, watch today's queue shrink (the
one rated again stays in it: it comes back in the same session)."""
import re

from playwright.sync_api import expect

from tests.browser.conftest import SCREENSHOTS, register


def test_review_three_cards_and_the_due_queue_shrinks(page):
    register(page, "reviewer")
    page.click("header nav >> text=Review")
    count = page.locator("#due-count")
    start = int(count.inner_text())
    assert start >= 3
    titles = []
    for rating in ("Good", "Again", "Easy"):
        card = page.locator("article.flashcard")
        titles.append(card.locator("h2").inner_text())
        answer = card.locator("details.answer")
        expect(answer.locator(".markdown")).to_be_hidden()
        answer.locator("summary").click()  # reveal
        expect(answer.locator(".markdown")).to_be_visible()
        expect(answer.locator(".key-points li").first).to_be_visible()
        if not titles[:-1]:  # the first card, revealed: the picture for the README
            SCREENSHOTS.mkdir(parents=True, exist_ok=True)
            page.screenshot(path=str(SCREENSHOTS / "review-card.png"))
        card.locator(f"button.rate-{rating.lower()}").click()
        expect(page).to_have_url(re.compile(r"/review$"))
    assert len(set(titles)) == 3
    expect(count).to_have_text(str(start - 2))
    page.click("header nav >> text=Progress")
    expect(page.locator("#progress-streak")).to_have_text("1")
    expect(page.locator("#progress-due")).to_have_text(str(start - 2))


def test_a_timed_quiz_answer_then_self_mark(page):
    register(page, "quizzer")
    page.goto("/quiz")
    page.select_option("select[name=count]", "3")
    page.click("form.card button[type=submit]")
    timer = page.locator(".timer .remaining")
    expect(timer).to_have_text(re.compile(r"^[67]:\d\d$"))  # 3 questions x 150 s, ticking
    for position in range(3):
        expect(page.locator(".crumbs")).to_contain_text(f"question {position + 1} of 3")
        page.fill("#answer", "Overlap divided by union, computed per class.")
        page.click("form.quiz-answer button[type=submit]")
        expect(page.locator("pre.your-answer")).to_contain_text("Overlap divided by union")
        page.locator("label.check input").first.check()
        page.click("text=Save and continue")
    expect(page.locator("#quiz-score")).to_have_text(re.compile(r"^3 / \d+$"))
