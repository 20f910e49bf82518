"""200 submissions posted at once through the API, graded by two Celery workers in Docker."""
import time
from collections import Counter

from tests.scale.conftest import CORRECT, RAISES, WRONG, assert_stored_once

# (code, kind) -> the verdict the judge must give; cycled to make the burst
JOBS = [((CORRECT, "submit"), "accepted"), ((WRONG, "submit"), "wrong_answer"),
        ((RAISES, "submit"), "runtime_error"), ((CORRECT, "run"), "accepted"),
        ((WRONG, "run"), "wrong_answer")]
BURST = 200


def test_a_burst_is_graded_exactly_once_with_the_right_verdicts(stack_factory, capsys):
    stack = stack_factory()
    stack.start_worker()
    stack.start_worker()
    stack.start_web()
    jobs = [JOBS[n % len(JOBS)] for n in range(BURST)]
    started = time.monotonic()
    ids = stack.submit_all([job for job, _ in jobs])
    posted = time.monotonic() - started
    rows = stack.wait_done(ids, limit_s=900)
    elapsed = time.monotonic() - started

    assert len(set(ids)) == BURST and len(stack.rows()) == BURST  # none lost, none doubled
    wrong = {i: (rows[i].verdict, expected) for i, (_, expected) in zip(ids, jobs)
             if rows[i].verdict != expected}
    assert not wrong, f"{len(wrong)} wrong verdicts, e.g. {list(wrong.items())[:5]}"
    assert all(rows[i].score == 100 for i, (_, v) in zip(ids, jobs) if v == "accepted")
    assert Counter(row.attempts for row in rows.values()) == {1: BURST}
    assert_stored_once(stack, ids)
    assert not stack.events("store_refused")
    graded_by = Counter(worker.name for worker in stack.workers for _ in
                        range(worker.output().count("event=stored ")))
    assert all(graded_by[worker.name] > 0 for worker in stack.workers), graded_by  # both worked
    with capsys.disabled():
        print(f"\nburst: {BURST} submissions posted in {posted:.1f} s, all graded in "
              f"{elapsed:.1f} s by 2 workers: {BURST / elapsed * 60:.0f} submissions/minute "
              f"(per worker: {dict(graded_by)})")
