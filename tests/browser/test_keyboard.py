"""Keyboard use: `?` lists the shortcuts and each listed one works outside the editor; the
editor says how to leave it (Esc then Tab) and that works; review runs on Space and 1–4."""
import re

from playwright.sync_api import expect

from tests.browser.conftest import register


def test_the_help_panel_opens_with_a_question_mark_and_closes_with_escape(page):
    page.goto("/")
    panel = page.locator("dialog#shortcuts")
    expect(panel).to_be_hidden()
    page.keyboard.press("?")
    expect(panel).to_be_visible()
    for listed in ("Show or hide this list", "Run the examples", "Submit", "Reveal the model answer",
                   "Leave the editor"):
        expect(panel).to_contain_text(listed)
    page.keyboard.press("Escape")
    expect(panel).to_be_hidden()
    page.click("[data-shortcuts-open]")  # also from the header, for those without a keyboard
    expect(panel).to_be_visible()
    page.click("#shortcuts-close")
    expect(panel).to_be_hidden()


def test_go_to_keys_and_slash_to_search(page):
    page.goto("/")
    page.keyboard.press("g")
    page.keyboard.press("k")
    expect(page).to_have_url(re.compile(r"/concepts$"))
    page.keyboard.press("/")
    expect(page.locator("#q")).to_be_focused()
    page.keyboard.type("?g")  # typed into the field, not taken as shortcuts
    expect(page.locator("#q")).to_have_value("?g")
    expect(page.locator("dialog#shortcuts")).to_be_hidden()
    page.keyboard.press("Escape")
    page.locator("h1").click()
    page.keyboard.press("g")
    page.keyboard.press("l")
    expect(page).to_have_url(re.compile(r"/leaderboard$"))
    page.keyboard.press("g")
    page.keyboard.press("r")  # review is for members: nothing happens for a visitor
    page.wait_for_timeout(300)
    expect(page).to_have_url(re.compile(r"/leaderboard$"))


def test_run_and_submit_keys_work_outside_the_editor_and_esc_tab_leaves_it(page):
    register(page, "keyboarder")
    page.goto("/challenges/iou")
    expect(page.locator("#editor-hint")).to_contain_text("Esc then Tab")
    page.keyboard.press("e")
    content = page.locator("#editor .cm-content")
    expect(content).to_be_focused()
    page.keyboard.press("Tab")  # Tab alone indents and keeps the focus
    expect(content).to_be_focused()
    page.keyboard.press("Escape")
    page.keyboard.press("Tab")
    expect(content).not_to_be_focused()
    assert page.evaluate("document.activeElement.closest('.cm-editor') === null")
    page.locator("h1").click()  # focus well outside the editor
    page.keyboard.press("Control+Enter")
    result = page.locator("#result-panel article.result[data-status=done]")
    expect(result).to_be_visible(timeout=120_000)
    expect(result).to_contain_text("examples passed")
    page.locator("h1").click()
    page.keyboard.press("Control+Shift+Enter")
    expect(page.locator("#result-panel article.result[data-status=done]")).to_contain_text(
        "/100", timeout=120_000)


def test_review_keys_reveal_then_rate_and_again_returns_in_the_session(page):
    register(page, "anki-hands")
    page.goto("/review")
    expect(page.locator("article.flashcard[data-keys=on]")).to_be_visible()
    count = page.locator("#due-count")
    start = int(count.inner_text())
    card = page.locator("article.flashcard")
    first = card.locator("h2").inner_text()
    buttons = card.locator(".ratings button")
    for index in range(4):
        expect(buttons.nth(index)).to_be_disabled()  # not before the answer is shown
    page.keyboard.press("1")  # ignored while hidden
    expect(card.locator("h2")).to_have_text(first)
    page.keyboard.press("Space")
    expect(card.locator("details.answer .markdown")).to_be_visible()
    expect(buttons.nth(0)).to_be_enabled()
    expect(card.locator("button.rate-again")).to_contain_text("10 min")
    page.keyboard.press("1")  # again
    expect(card.locator("h2")).not_to_have_text(first)
    expect(count).to_have_text(str(start))  # the lapsed card is still due today
    for _ in range(start - 1):  # good on every other card, then the first comes back
        expect(page.locator("article.flashcard[data-keys=on]")).to_be_visible()
        page.keyboard.press("Space")
        expect(card.locator("details.answer .markdown")).to_be_visible()
        title = card.locator("h2").inner_text()
        page.keyboard.press("3")
        expect(card.locator("h2")).not_to_have_text(title)
    expect(card.locator("h2")).to_have_text(first)
    expect(count).to_have_text("1")
    expect(page.locator(".stats .streak")).to_have_text("1-day streak")
