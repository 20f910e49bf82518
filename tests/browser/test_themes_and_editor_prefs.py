"""The dark theme follows the system's colour scheme unless the user picks one, and the
editor's theme, font size and Vim keys are remembered: in the browser for a visitor, on the
server for a member (so they come back in another browser)."""
import re

from playwright.sync_api import expect

from tests.browser.conftest import browser_page, log_in, register

BACKGROUND = "getComputedStyle(document.body).backgroundColor"


def brightness(css_colour: str) -> float:
    """0 (black) to 1 (white), from an rgb()/rgba() string."""
    red, green, blue = (float(v) for v in re.findall(r"[\d.]+", css_colour)[:3])
    return (0.2126 * red + 0.7152 * green + 0.0722 * blue) / 255


def editor(page):
    return page.locator("#editor .cm-editor")


def test_the_site_follows_the_system_colour_scheme(chromium, live_server):
    for scheme, dark in (("dark", True), ("light", False)):
        with browser_page(chromium, live_server["url"], color_scheme=scheme) as page:
            page.goto("/challenges/iou")
            assert (brightness(page.evaluate(BACKGROUND)) < 0.2) is dark
            expect(editor(page)).to_have_attribute("data-theme", "dark" if dark else "light")
            card = page.locator("section.statement").evaluate(
                "(el) => getComputedStyle(el).backgroundColor")
            assert (brightness(card) < 0.25) is dark


def test_a_visitor_s_choice_overrides_the_system_and_survives_a_reload(chromium, live_server):
    with browser_page(chromium, live_server["url"], color_scheme="dark") as page:
        page.goto("/challenges/iou")
        page.click("#editor-prefs summary")
        page.select_option("#pref-theme", "light")
        expect(page.locator("html")).to_have_attribute("data-theme", "light")
        assert brightness(page.evaluate(BACKGROUND)) > 0.8
        expect(editor(page)).to_have_attribute("data-theme", "light")  # it follows the site
        page.select_option("#pref-editor-theme", "dark")
        expect(editor(page)).to_have_attribute("data-theme", "dark")
        page.reload()
        expect(page.locator("html")).to_have_attribute("data-theme", "light")
        expect(editor(page)).to_have_attribute("data-theme", "dark")
        assert brightness(page.evaluate(BACKGROUND)) > 0.8


def test_a_member_s_editor_settings_follow_them_to_another_browser(chromium, live_server):
    with browser_page(chromium, live_server["url"]) as page:
        register(page, "vim-user")
        page.goto("/challenges/iou")
        page.click("#editor-prefs summary")
        with page.expect_response("**/account/preferences") as saved:
            page.select_option("#pref-keymap", "vim")
        assert saved.value.ok
        with page.expect_response("**/account/preferences"):
            page.select_option("#pref-font-size", "20")
        with page.expect_response("**/account/preferences"):
            page.select_option("#pref-theme", "dark")
        expect(editor(page)).to_have_attribute("data-keymap", "vim")
        assert editor(page).evaluate("(el) => getComputedStyle(el).fontSize") == "20px"

    with browser_page(chromium, live_server["url"], color_scheme="light") as page:  # a new browser
        log_in(page, "vim-user")
        page.goto("/challenges/iou")
        expect(page.locator("html")).to_have_attribute("data-theme", "dark")
        assert brightness(page.evaluate(BACKGROUND)) < 0.2
        expect(editor(page)).to_have_attribute("data-keymap", "vim")
        assert editor(page).evaluate("(el) => getComputedStyle(el).fontSize") == "20px"
        expect(page.locator("#pref-keymap")).to_have_value("vim")
        # Vim's normal mode: gg then dd deletes the first line
        first_line = page.evaluate("window.cvjudgeEditor.getCode().split('\\n')[0]")
        page.locator("#editor .cm-content").click()
        page.keyboard.press("Escape")
        for key in "ggdd":
            page.keyboard.press(key)
        page.wait_for_function("(line) => !window.cvjudgeEditor.getCode().startsWith(line)", arg=first_line)
        page.goto("/account")
        expect(page.locator("#pref-keymap")).to_have_value("vim")
        page.select_option("#pref-keymap", "default")
        page.click("#preferences button[type=submit]")
        expect(page.locator(".flash")).to_have_text("Preferences saved.")
        page.goto("/challenges/iou")
        expect(editor(page)).to_have_attribute("data-keymap", "default")


def test_a_visitor_s_choices_go_with_them_into_their_new_account(chromium, live_server):
    with browser_page(chromium, live_server["url"], color_scheme="light") as page:
        page.goto("/challenges/iou")
        page.click("#editor-prefs summary")
        page.select_option("#pref-theme", "dark")
        page.select_option("#pref-font-size", "17")
        with page.expect_response("**/account/preferences"):
            register(page, "carried-prefs")
        expect(page.locator("html")).to_have_attribute("data-theme", "dark")
        assert page.evaluate("window.localStorage.getItem('cvjudge:prefs')") is None

    with browser_page(chromium, live_server["url"], color_scheme="light") as page:
        log_in(page, "carried-prefs")
        page.goto("/challenges/iou")
        expect(page.locator("html")).to_have_attribute("data-theme", "dark")
        assert editor(page).evaluate("(el) => getComputedStyle(el).fontSize") == "17px"
