"""Plans draw exactly what a live hypothesis run would try, and shrinking starts from them."""
import numpy as np
import pytest
from hypothesis import Phase, example, given, seed
from hypothesis import strategies as st

from judge.catalogue import load_catalogue, load_challenge
from judge.plans import ReferenceFailed, draw_examples, fresh, hypothesis_settings, make_plan
from judge.properties import Property
from judge.shrink import StopShrinking, shrink
from tests.conftest import FIXTURE_CHALLENGES

ADD = load_challenge(FIXTURE_CHALLENGES / "add")
PAIRS = Property("pairs", "Two small integers.", st.tuples(st.integers(-100, 100),
                                                          st.integers(-100, 100)),
                 max_examples=60, explicit=((0, 0), (5, 5)))


def live_examples(prop, seed_value):
    """What the engine used to try: hypothesis with @seed, every example passing."""
    seen = []

    def record(args):
        seen.append(args)

    test = given(args=prop.strategy)(record)
    for explicit in reversed(prop.explicit):
        test = example(args=explicit)(test)
    test = hypothesis_settings(prop, (Phase.explicit, Phase.generate))(test)
    seed(seed_value)(test)()
    return seen


@pytest.mark.parametrize("challenge_id", ["iou", "nms"])
def test_plans_match_a_live_run_example_for_example(challenge_id):
    challenge = load_catalogue()[challenge_id]
    for prop in challenge.properties[:3]:
        drawn = [args for args, _ in draw_examples(prop, 1234)]
        live = live_examples(prop, 1234)
        assert len(drawn) == len(live)
        for a, b in zip(drawn, live):
            assert repr(a) == repr(b)


def test_same_seed_same_plan_and_explicit_examples_come_first():
    first, second = make_plan(ADD, 7), make_plan(ADD, 7)
    assert [[e.args for e in p] for p in first.properties] == \
        [[e.args for e in p] for p in second.properties]
    integers = first.properties[0]
    assert integers[0].args == (0, 0) and integers[0].choices is None
    assert all(e.choices is not None for e in integers[1:])
    assert all(e.expected == sum(e.args) for e in integers)
    other = make_plan(ADD, 8).properties[0]
    assert [e.args for e in other] != [e.args for e in integers]


def test_a_failing_reference_is_a_judge_failure():
    broken = type(ADD)(**{**ADD.__dict__, "reference": lambda a, b: 1 / 0})
    with pytest.raises(ReferenceFailed, match="ZeroDivisionError"):
        make_plan(broken, 1)


def test_shrinking_starts_from_a_planned_example():
    drawn = draw_examples(PAIRS, 99)
    start = next(choices for args, choices in drawn if choices and abs(args[0]) > 10)
    tried = []

    def check(args):
        tried.append(args)
        assert abs(args[0]) <= 10

    shrink(PAIRS, start, check, 99)
    assert abs(tried[-1][0]) == 11 and tried[-1][1] == 0  # hypothesis replays the smallest last


def test_shrinking_stops_when_asked():
    start = next(c for a, c in draw_examples(PAIRS, 3) if c and abs(a[0]) > 10)
    calls = []

    def check(args):
        calls.append(args)
        raise StopShrinking

    shrink(PAIRS, start, check, 3)
    assert len(calls) == 1


def test_fresh_copies_what_a_reference_could_change():
    boxes, array = [(0.0, 1.0, 2.0, 3.0)], np.zeros(3)
    copied = fresh((boxes, array, 0.5))
    assert copied[0] == boxes and copied[0] is not boxes and copied[0][0] is boxes[0]
    assert copied[1] is not array and (copied[1] == array).all()


def test_a_seed_gives_the_same_examples_whatever_else_is_imported(tmp_path):
    """Hypothesis would otherwise draw constants from every loaded module's source."""
    import subprocess
    import sys

    script = ("import sys, json\n"
              "{extra}\n"
              "from judge.catalogue import load_catalogue\n"
              "from judge.plans import make_plan\n"
              "plan = make_plan(load_catalogue()['iou'], 77)\n"
              "print(json.dumps([[list(map(list, e.args)) for e in p] for p in plan.properties]))\n")
    module = tmp_path / "lots_of_constants.py"
    module.write_text("VALUES = [" + ", ".join(f"{k}.0625" for k in range(-300, 300)) + "]\n")
    runs = []
    for extra in ("", f"sys.path.insert(0, {str(tmp_path)!r}); import lots_of_constants, web"):
        done = subprocess.run([sys.executable, "-c", script.format(extra=extra)],
                              capture_output=True, text=True, check=True)
        runs.append(done.stdout)
    assert runs[0] == runs[1]
