"""Phones and narrow windows: at 375 px no main page scrolls sideways, logged out or in; the
menu collapses behind a button, tables stack into labelled rows, and the challenge's
statement sits above a full-width editor whose buttons are what a tap hits."""
import pytest
from playwright.sync_api import expect

from tests.browser.conftest import browser_page, register
from tests.browser.main_pages import PUBLIC, member_with_history

PHONE = {"width": 375, "height": 812}

# the elements that stick out past the right edge, for a failure message worth reading
OVERFLOW = """() => [...document.querySelectorAll('body *')]
  .filter((el) => el.getBoundingClientRect().right > window.innerWidth + 0.5)
  .slice(0, 5).map((el) => `${el.tagName.toLowerCase()}.${el.className}`)"""


# words of the table's prose (not identifiers in <code>) laid out on more than one line;
# a break after a hyphen or slash is a break between words
BROKEN_WORDS = """(table) => {
  const broken = [];
  const walker = document.createTreeWalker(table, NodeFilter.SHOW_TEXT);
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    if (node.parentElement.closest('code')) continue;
    for (const m of node.textContent.matchAll(/[^\\s\\-\\/]+/g)) {
      const range = document.createRange();
      range.setStart(node, m.index);
      range.setEnd(node, m.index + m[0].length);
      const lines = new Set([...range.getClientRects()].filter((r) => r.width > 0)
        .map((r) => Math.round(r.top)));
      if (lines.size > 1) broken.push(m[0]);
    }
  }
  return broken;
}"""


def assert_fits(page, name: str) -> None:
    width = page.evaluate("document.documentElement.scrollWidth")
    inner = page.evaluate("window.innerWidth")
    assert width <= inner, f"{name} is {width} px wide at {inner} px: {page.evaluate(OVERFLOW)}"


@pytest.fixture
def phone(chromium, live_server):
    with browser_page(chromium, live_server["url"], **PHONE) as page:
        yield page


@pytest.mark.parametrize("width", [375, 360])
def test_no_public_page_scrolls_sideways(chromium, live_server, width):
    with browser_page(chromium, live_server["url"], width=width, height=PHONE["height"]) as page:
        for name, path in PUBLIC.items():
            page.goto(path)
            assert_fits(page, name)


def test_no_member_page_scrolls_sideways(phone):
    for name, path in member_with_history(phone, "phone-member").items():
        phone.goto(path)
        expect(phone.locator("main")).to_be_visible()
        assert_fits(phone, name)


def test_the_menu_collapses_behind_a_button(phone):
    phone.goto("/")
    toggle = phone.locator("#menu-toggle")
    nav = phone.locator("header.site nav")
    expect(toggle).to_be_visible()
    expect(toggle).to_have_attribute("aria-expanded", "false")
    expect(nav).to_be_hidden()
    toggle.click()
    expect(toggle).to_have_attribute("aria-expanded", "true")
    expect(nav.locator("text=Concepts")).to_be_visible()
    assert_fits(phone, "open menu")
    nav.locator("text=Concepts").click()
    expect(phone.locator("h1")).to_have_text("Concepts")
    expect(phone.locator("header.site nav")).to_be_hidden()  # a new page starts closed


def test_the_menu_stays_open_on_a_wide_screen(page):
    page.goto("/")
    expect(page.locator("#menu-toggle")).to_be_hidden()
    expect(page.locator("header.site nav >> text=Leaderboard")).to_be_visible()


def test_tables_become_labelled_stacked_rows(phone):
    phone.goto("/")
    row = phone.locator("table.challenges tbody tr").first
    cell = row.locator("td[data-label=Difficulty]")
    expect(cell).to_be_visible()
    assert cell.evaluate("(td) => getComputedStyle(td).display") == "block"
    assert cell.evaluate("(td) => getComputedStyle(td, '::before').content") == '"Difficulty"'
    table_box = phone.locator("table.challenges").bounding_box()
    assert cell.bounding_box()["width"] > 0.9 * table_box["width"]  # one column, full width


def test_the_statement_comes_first_and_the_editor_takes_the_width(phone):
    phone.goto("/challenges/iou")
    statement = phone.locator("section.statement").bounding_box()
    editor = phone.locator("#editor .cm-editor").bounding_box()
    assert statement["y"] + statement["height"] <= editor["y"]
    assert editor["width"] >= PHONE["width"] - 60
    expect(phone.locator("#editor-hint")).to_contain_text("Esc")


def test_a_tap_on_submit_lands_on_submit_and_the_result_fits(chromium, live_server):
    with browser_page(chromium, live_server["url"], has_touch=True, is_mobile=True, **PHONE) as page:
        register(page, "phone-tapper")
        expect(page.locator("header .me")).to_have_text("phone-tapper")
        page.goto("/challenges/iou")
        submit = page.locator("#submit-code")
        submit.scroll_into_view_if_needed()
        box = submit.bounding_box()
        hit = page.evaluate("([x, y]) => document.elementFromPoint(x, y).id",
                            [box["x"] + box["width"] / 2, box["y"] + box["height"] / 2])
        assert hit == "submit-code"
        submit.tap()
        result = page.locator("#result-panel article.result[data-status=done]")
        expect(result).to_be_visible(timeout=120_000)
        expect(result.locator("table.properties td[data-label=Result]").first).to_be_visible()
        assert_fits(page, "challenge with a result")
        assert result.locator("table.properties").evaluate(BROKEN_WORDS) == []


def test_the_result_table_breaks_lines_between_words_on_a_wide_screen(page):
    register(page, "wide-reader")
    expect(page.locator("header .me")).to_have_text("wide-reader")
    page.goto("/challenges/iou")
    page.click("#submit-code")  # the starter: every property fails, each with its message
    result = page.locator("#result-panel article.result[data-status=done]")
    expect(result).to_be_visible(timeout=120_000)
    expect(result.locator("table.properties tr.fail").first).to_be_visible()
    assert result.locator("table.properties").evaluate(BROKEN_WORDS) == []
