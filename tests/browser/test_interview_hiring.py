"""A hiring team's tools in a real browser: a template with a pool gives two candidates
different challenges, reloading the page of a new interview makes no second one, and the
invitation e-mail reaches a real SMTP server (aiosmtpd) with a link that opens the interview."""
import re

from playwright.sync_api import expect

from tests.browser.conftest import SCREENSHOTS, browser_page, register, running_server
from tests.smtp_inbox import Inbox, smtp_inbox

POOL = {"nms": "Greedy non-maximum suppression",
        "soft_nms": "Gaussian soft non-maximum suppression"}
LINK = re.compile(r"http://127\.0\.0\.1:\d+/i/[\w-]{43}")


def team_with_pooled_template(page, username: str) -> str:
    """Team and template (IoU, then one of two NMS challenges) made through the pages;
    returns the team's URL."""
    register(page, username)
    page.click("header nav >> text=Interviews")
    page.fill("input[name=name]", "Vision hiring")
    page.click("text=Create team")
    team_url = page.url
    page.click("nav.tabs >> text=Templates")
    page.fill("input[name=name]", "Pooled screen")
    page.fill("input[name=duration_minutes]", "20")
    page.click("text=Create template")
    page.select_option("#add-item select[name=item]", "challenge:iou")
    page.click("#add-item >> text=Add item")
    page.select_option("#add-pool-choices select[name=choices]",
                       [f"challenge:{ref}" for ref in POOL])
    page.click("#add-pool-choices >> text=Add pool")
    rows = page.locator("table.template-items tbody tr")
    expect(rows).to_have_count(2)
    expect(rows.nth(1)).to_contain_text("pool one challenge of: ")
    for title in POOL.values():
        expect(rows.nth(1)).to_contain_text(title)
    return team_url


def invite(page, team_url: str, name: str, email: str, tz: str | None = None) -> None:
    page.goto(team_url)
    page.fill("input[name=candidate_name]", name)
    page.fill("input[name=candidate_email]", email)
    if tz:
        page.select_option("select[name=candidate_tz]", tz)
    page.click("#new-interview button[type=submit]")
    expect(page.locator(".flash").first).to_contain_text(
        f"Interview created for {name}")


def test_a_pool_gives_two_candidates_different_challenges_and_a_reload_makes_none(
        chromium, live_server, page):
    team_url = team_with_pooled_template(page, "pool_owner")
    drawn = {}
    for name, email in (("Ada Lovelace", "ada@example.com"), ("Grace Hopper", "grace@example.com")):
        invite(page, team_url, name, email)
        page.reload()  # the page after creating is a GET: reloading it creates nothing
        page.reload()
        link = page.locator("#candidate-link").inner_text()
        assert LINK.fullmatch(link), link
        with browser_page(chromium, live_server["url"]) as candidate:
            candidate.goto(link)
            expect(candidate.locator("h1")).to_have_text(f"Hello {name}")
            candidate.click("#start-interview")
            candidate.click("#next-item")  # the second item is the drawn one
            expect(candidate.locator(".crumbs")).to_contain_text("Item 2")
            title = candidate.locator("main h1").inner_text()
        assert title in POOL.values(), title
        drawn[name] = title
    assert drawn["Ada Lovelace"] != drawn["Grace Hopper"]
    page.goto(team_url)
    rows = page.locator("table.interviews tbody tr")
    expect(rows).to_have_count(2)  # one each, however often the pages were reloaded
    page.click("table.interviews >> text=Grace Hopper")
    page.click("text=Open the report")
    expect(page.locator("#item-2 .drawn-from")).to_contain_text("Drawn from a pool: one challenge of:")


def test_the_invitation_email_arrives_with_a_link_that_opens_the_interview(chromium,
                                                                           tmp_path):
    with smtp_inbox() as inbox:
        env = {"CVJUDGE_SMTP_HOST": "127.0.0.1", "CVJUDGE_SMTP_PORT": str(inbox.port),
               "CVJUDGE_SMTP_SECURITY": "none", "CVJUDGE_MAIL_FROM": "Hiring <hiring@example.com>"}
        with running_server(tmp_path, workers=0, extra_env=env) as base, \
                browser_page(chromium, base) as page:
            team_url = team_with_pooled_template(page, "mail_owner")
            invite(page, team_url, "Ada Lovelace", "ada@example.com", tz="Asia/Tokyo")
            expect(page.locator('tr[data-mail-kind=invitation]')).to_contain_text("sent")
            [message] = inbox.wait_for(1)
            assert message["To"] == "ada@example.com"
            body = Inbox.text(message)
            assert "(Asia/Tokyo, UTC+09:00)" in body
            link = LINK.search(body).group(0)
            assert link == page.locator("#candidate-link").inner_text()
            with browser_page(chromium, base) as candidate:
                candidate.goto(link)
                expect(candidate.locator("h1")).to_have_text("Hello Ada Lovelace")
                candidate.click("#start-interview")
                expect(candidate.locator("header .timer .remaining")).to_have_text(
                    re.compile(r"^(20:00|19:5\d)$"))


PASTED = "def iou(box_a, box_b):\n    return 0.0  # pasted from my notes\n"


def test_a_paste_and_a_tab_switch_show_in_the_live_view_and_the_report(chromium, live_server,
                                                                       page):
    team_url = team_with_pooled_template(page, "signals_owner")
    invite(page, team_url, "Ada Lovelace", "ada@example.com")
    link = page.locator("#candidate-link").inner_text()
    live_url = page.url
    context = chromium.new_context(viewport={"width": 1400, "height": 950},
                                   permissions=["clipboard-read", "clipboard-write"])
    errors = []
    try:
        me = context.new_page()
        me.on("pageerror", lambda exc: errors.append(str(exc)))
        me.goto(link)
        expect(me.locator("#what-is-recorded")).to_contain_text("when you paste text")
        me.click("#start-interview")
        editor = me.locator("#editor .cm-content")
        expect(editor).to_contain_text("def iou(box_a, box_b)")
        me.evaluate("text => navigator.clipboard.writeText(text)", PASTED)
        editor.click()
        me.keyboard.press("Control+A")
        me.keyboard.press("Control+V")  # a real paste, from the clipboard
        expect(editor).to_contain_text("pasted from my notes")
        # Playwright tells every page it has focus; without that, switching tabs really
        # takes the focus away from the interview, as in a person's browser
        context.new_cdp_session(me).send("Emulation.setFocusEmulationEnabled", {"enabled": False})
        other = context.new_page()  # another tab comes to the front, then the interview again
        other.goto("about:blank")
        other.bring_to_front()
        me.wait_for_timeout(1500)
        me.bring_to_front()
        signals = page.locator("#live-signals")
        expect(signals).to_contain_text(f"pasted {len(PASTED)} characters into item 1",
                                        timeout=15_000)
        expect(signals).to_contain_text("the page lost focus (item 1)")
        expect(signals).to_contain_text("the page had focus again after 0:0")
        SCREENSHOTS.mkdir(parents=True, exist_ok=True)
        page.locator("#live").screenshot(path=str(SCREENSHOTS / "interview-live-signals.png"))
        me.once("dialog", lambda dialog: dialog.accept())
        me.click("#finish-interview")
        expect(me.locator(".closed-page h1")).to_have_text("The interview is over")
    finally:
        context.close()
    assert not errors, errors
    page.goto(live_url)
    page.click("text=Open the report")
    summary = page.locator("#report-signals")
    expect(summary).to_contain_text(f"1 paste, {len(PASTED)} characters in all")
    expect(summary).to_contain_text("the page lost focus 1 time")
    expect(summary).to_contain_text("not a verdict")
    events = page.locator("#item-1 .replay-events")
    expect(events).to_contain_text(f"pasted {len(PASTED)} characters")  # on the replay's timeline
    expect(page.locator("#item-1 .replay-slider")).to_have_attribute("list", "replay-1-signals")
    expect(page.locator("#replay-1-signals option")).to_have_count(3)  # paste, left, back
    events.locator("button", has_text="pasted").click()  # shows the code of that moment
    expect(page.locator("#item-1 .replay-view .cm-content")).to_contain_text("pasted from my notes")


def test_two_interviewers_scorecards_combine(chromium, live_server, page):
    with browser_page(chromium, live_server["url"]) as bob:
        register(bob, "score_bob")
        team_url = team_with_pooled_template(page, "score_owner")
        page.goto(team_url + "/members")
        page.fill("input[name=username]", "score_bob")
        page.click("text=Add as interviewer")
        invite(page, team_url, "Ada Lovelace", "ada@example.com")
        link = page.locator("#candidate-link").inner_text()
        with browser_page(chromium, live_server["url"]) as candidate:
            candidate.goto(link)
            candidate.click("#start-interview")
            candidate.once("dialog", lambda dialog: dialog.accept())
            candidate.click("#finish-interview")
            expect(candidate.locator(".closed-page h1")).to_have_text("The interview is over")
        report_url = page.url + "/report"
        page.goto(report_url)
        item = page.locator("#item-1")
        item.locator("input[name=rubric][value='4']").check()
        item.locator("textarea[name=notes]").fill("Sound approach, untidy code.")
        item.locator("textarea[name=private_notes]").fill("Ask about tests next time.")
        item.locator("text=Submit your scorecard").click()
        expect(page.locator("#item-1 [data-field=combined]")).to_have_text("4/5")

        bob.goto(report_url)
        bob_item = bob.locator("#item-1")
        expect(bob_item.locator(".hidden-cards")).to_contain_text("1 colleague has rated")
        expect(bob_item).not_to_contain_text("Sound approach")
        bob_item.locator("input[name=rubric][value='2']").check()
        bob_item.locator("textarea[name=notes]").fill("Missed the empty-box case.")
        bob_item.locator("text=Submit your scorecard").click()
        bob_item = bob.locator("#item-1")
        expect(bob_item.locator("[data-field=combined]")).to_have_text("3/5")
        expect(bob_item.locator(".scorecard[data-reviewer=score_owner]")).to_contain_text(
            "Sound approach, untidy code.")
        expect(bob.locator("#team-rating")).to_have_text("3/5")

        page.goto(report_url)
        expect(page.locator("#item-1 [data-field=combined]")).to_have_text("3/5")
        page.click("text=One-page summary")
        expect(page.locator("#summary-rating")).to_have_text("3/5")
        expect(page.locator(".summary-items")).to_contain_text("score_owner 4, score_bob 2")
        expect(page.locator(".candidate-summary")).not_to_contain_text("Ask about tests")
        page.screenshot(path=str(SCREENSHOTS / "interview-summary.png"), full_page=True)
