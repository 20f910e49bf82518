"""Times are shown in the viewer's own time zone, its name written out, wherever a page
shows a moment (the server writes UTC, named, and the page rewrites it)."""
import re
from datetime import datetime, timedelta

from playwright.sync_api import expect

from tests.browser.conftest import browser_page, register


def test_a_moment_is_shown_in_the_viewer_s_zone_with_its_name(chromium, live_server):
    with browser_page(chromium, live_server["url"], timezone_id="Asia/Kolkata") as page:
        register(page, "zoned")
        page.goto("/account")
        page.fill("#token-name", "laptop")
        page.click("text=Create token")
        moment = page.locator("main table time[data-local]").first
        expect(moment).to_have_text(re.compile(r"^\d{4}-\d\d-\d\d \d\d:\d\d GMT\+5:30$"))
        utc = datetime.fromisoformat(moment.get_attribute("datetime").replace("Z", "+00:00"))
        shown = (utc + timedelta(hours=5, minutes=30)).strftime("%Y-%m-%d %H:%M")
        expect(moment).to_have_text(f"{shown} GMT+5:30")
        assert "UTC" in moment.get_attribute("title")  # the original, on hover
        assert not re.search(r"\d{4}-\d\d-\d\dT\d\d:\d\d", page.locator("main").inner_text())
