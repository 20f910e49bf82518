"""Integrity signals: the candidate's page reports pastes, focus lost and regained, and long
pauses; the live view, the replay and the report show them in neutral words; the rules page
says what is recorded."""
import pytest

from tests.web.helpers import html


def signal(candidate, position: int, kind: str, amount=0):
    return candidate.post_json(f"/items/{position}/events", {"kind": kind, "amount": amount})


def test_the_rules_page_says_what_is_recorded(setup, candidate):
    page = html(candidate.open(setup.link))
    assert "What is recorded" in page and "paste" in page and "loses focus" in page
    assert "not as a judgement" in page


def test_signals_reach_the_live_view_the_replay_and_the_report(setup, candidate, clock):
    candidate.start(setup.link)
    clock.advance(seconds=30)
    assert signal(candidate, 0, "paste", 240).get_json() == {"kept": True}
    clock.advance(seconds=11)
    signal(candidate, 0, "left", 1)  # sent once the loss of focus has lasted a second
    clock.advance(seconds=41)
    signal(candidate, 0, "back", 42)
    clock.advance(seconds=200)
    signal(candidate, 0, "idle", 150)
    live = setup.owner.client.get(f"{setup.url}/live").get_json()
    assert [(s["kind"], s["t"], s["text"]) for s in live["signals"]] == [
        ("idle", 132, "no typing for 2:30 (item 1)"),
        ("back", 82, "the page had focus again after 0:42 (item 1)"),
        ("left", 40, "the page lost focus (item 1)"),
        ("paste", 30, "pasted 240 characters into item 1")]
    assert live["signal_summary"] == [
        "1 paste, 240 characters in all (largest 240)",
        "the page lost focus 1 time, 0:42 away in all",
        "1 pause in typing of a minute or more (longest 2:30)"]
    detail = html(setup.owner.client.get(setup.url))
    assert 'id="live-signals"' in detail and "pasted 240 characters into item 1" in detail
    replay = setup.owner.client.get(f"{setup.url}/items/0/replay").get_json()
    assert [e["kind"] for e in replay["events"]] == ["paste", "left", "back", "idle"]
    candidate.finish()
    page = html(setup.owner.client.get(f"{setup.url}/report"))
    assert 'id="report-signals"' in page and "not a verdict" in page
    assert 'data-field="signals">Signals: 1 paste, 240 characters' in page
    assert "cheat" not in page.lower() and "suspicious" not in page.lower().replace(
        "suspiciously similar", "")


@pytest.mark.parametrize("body", [{"kind": "copy"}, {"kind": "paste", "amount": -1},
                                  {"kind": "paste", "amount": "12"}, {"kind": "idle", "amount": 1.5},
                                  {"kind": "paste", "amount": True}])
def test_bad_signals_are_refused(setup, candidate, body):
    candidate.start(setup.link)
    response = candidate.post_json("/items/0/events", body)
    assert response.status_code == 400


def test_signals_need_the_candidates_browser_and_time_left(setup, candidate, another_browser,
                                                           clock):
    candidate.start(setup.link)
    another_browser.interview_id = candidate.interview_id
    assert signal(another_browser, 0, "paste", 5).status_code == 404
    assert signal(candidate, 7, "paste", 5).status_code == 404
    clock.advance(minutes=31)
    assert signal(candidate, 0, "paste", 5).status_code == 409
