"""In a real browser: a visitor's draft follows them into a new account (and into an old one
on log-in), and custom input runs the code on typed arguments beside the reference's answer."""
import re
from pathlib import Path

from playwright.sync_api import expect

from tests.browser.conftest import register

VERDICT_TIMEOUT_MS = 120_000
SOLUTIONS = Path(__file__).resolve().parents[2] / "challenges" / "iou" / "solutions"
RIGHT_IOU = (SOLUTIONS / "correct_intervals.py").read_text()
VISITOR_DRAFT = "def iou(box_a, box_b):\n    return 0.25  # typed before signing up\n"
SECOND_DRAFT = "def iou(box_a, box_b):\n    return 0.75  # typed before logging in\n"


def type_code(page, code: str) -> None:
    """Replace the editor's content the way a person pasting would."""
    page.locator("#editor .cm-content").click()
    page.keyboard.press("Control+A")
    page.keyboard.press("Delete")
    page.keyboard.insert_text(code)
    page.wait_for_timeout(600)  # the draft is saved after a short pause in typing


def test_a_visitors_draft_is_carried_into_the_account(page):
    page.goto("/challenges/iou")
    expect(page.locator(".solve .actions")).to_contain_text("moves to your account")
    type_code(page, VISITOR_DRAFT)

    page.click(".solve .actions >> text=register")
    expect(page).to_have_url(re.compile(r"/register\?next=/challenges/iou$"))
    page.fill("#username", "drafter")
    page.fill("#password", "a long enough password")
    page.fill("#confirm", "a long enough password")
    page.click("button[type=submit]")
    expect(page).to_have_url(re.compile(r"/challenges/iou$"))
    expect(page.locator("#editor .cm-content")).to_contain_text("typed before signing up")
    expect(page.locator("#status-line")).to_contain_text("from before you logged in")
    keys = page.evaluate("Object.keys(window.localStorage)")
    assert "cvjudge:draft:anon:iou" not in keys
    assert any(re.fullmatch(r"cvjudge:draft:\d+:iou", key) for key in keys), keys

    # log out, type as a visitor again, log back in: the newer draft comes along
    page.click("header button:has-text('Log out')")
    page.goto("/challenges/iou")
    expect(page.locator("#editor .cm-content")).not_to_contain_text("typed before signing up")
    type_code(page, SECOND_DRAFT)
    page.click(".solve .actions >> text=Log in")
    page.fill("#username", "drafter")
    page.fill("#password", "a long enough password")
    page.click("button[type=submit]")
    expect(page).to_have_url(re.compile(r"/challenges/iou$"))
    expect(page.locator("#editor .cm-content")).to_contain_text("typed before logging in")
    page.reload()  # now it is the account's own draft
    expect(page.locator("#editor .cm-content")).to_contain_text("typed before logging in")


def run_custom(page, box_a: str, box_b: str) -> None:
    page.fill("#custom-box_a", box_a)
    page.fill("#custom-box_b", box_b)
    page.click("#run-custom")


def test_custom_input_shows_both_answers(chromium, live_server):
    context = chromium.new_context(base_url=live_server["url"],
                                   viewport={"width": 1400, "height": 950})
    page = context.new_page()
    errors = []
    page.on("pageerror", lambda exc: errors.append(str(exc)))
    page.on("console", lambda msg: errors.append(msg.text) if msg.type == "error" else None)
    try:
        custom_input_journey(page)
    finally:
        context.close()
    # the refused input is answered 400, which Chromium reports as a failed resource load
    assert all("status of 400" in text for text in errors), errors
    assert len(errors) == 1, errors


def custom_input_journey(page) -> None:
    register(page, "tinkerer")
    page.goto("/challenges/iou")
    page.click("#custom-input summary")
    expect(page.locator("#custom-box_a")).to_have_value("[0, 0, 4, 4]")  # the first example

    type_code(page, RIGHT_IOU)
    run_custom(page, "(0, 0, 2, 2)", "(1, 0, 3, 2)")
    result = page.locator("#result-panel .custom-result")
    expect(result).to_contain_text("agrees with the reference", timeout=VERDICT_TIMEOUT_MS)
    expect(result.locator("dd.expected")).to_have_text("0.3333333333333333")
    expect(result.locator("dd.yours")).to_have_text("0.3333333333333333")
    expect(page.locator("#status-line")).to_contain_text("agrees")

    type_code(page, "def iou(box_a, box_b):\n    return None\n")
    run_custom(page, "(0, 0, 2, 2)", "(5, 5, 6, 6)")
    expect(result).to_contain_text("differs from the reference", timeout=VERDICT_TIMEOUT_MS)
    expect(result.locator("dd.expected")).to_have_text("0.0")
    expect(result.locator("dd.yours")).to_have_text("None")

    run_custom(page, "(2, 0, 0, 2)", "(5, 5, 6, 6)")  # refused before anything runs
    expect(page.locator("#status-line")).to_contain_text("box_a must have x1 <= x2")
    expect(page.locator("#run-custom")).to_be_enabled()
