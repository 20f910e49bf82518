"""Every challenge's comparator explains a wrong answer in Python's terms and always says what
was expected: `1.0`, `None`, `[3, 1]`, never `np.float64(1.0)`, `array([...])` or `null`."""
import re

import numpy as np
import pytest

from judge.catalogue import load_catalogue
from judge.engine import hint_of, most_specific
from judge.plans import fresh
from judge.properties import Property

CATALOGUE = load_catalogue()
LEAKS = re.compile(r"np\.|numpy\.|array\(|\bnull\b|\btrue\b|\bfalse\b|dtype=|<class ")


def perturbed(value):
    """A wrong answer of the same shape as `value`."""
    if isinstance(value, np.ndarray):
        return value + 1 if value.dtype.kind in "iuf" else ~value
    if isinstance(value, bool):
        return not value
    if isinstance(value, (int, float, np.number)):
        return np.float64(float(value) + 1.0)
    if isinstance(value, (list, tuple)):
        return type(value)(perturbed(v) for v in value) if value else [0]
    return None


def wrong_answers(expected):
    return [None, "text", np.float64(5.0), [3, 1], np.array([[1.0, 2.0]]), perturbed(expected)]


@pytest.mark.parametrize("challenge_id", sorted(CATALOGUE))
def test_messages_speak_python_and_name_the_expected_value(challenge_id):
    challenge = CATALOGUE[challenge_id]
    explained = 0
    for example in challenge.examples:
        expected = challenge.reference(*fresh(example.args))
        for got in wrong_answers(expected):
            message = challenge.compare(expected, got, example.args)
            if message is None:
                continue
            explained += 1
            assert not LEAKS.search(message), f"{challenge_id}: {message!r} (got {got!r})"
            assert "expected" in message, f"{challenge_id}: {message!r} does not say what was expected"
    assert explained >= 5


def test_each_property_can_say_what_to_fix():
    nms = CATALOGUE["nms"]
    tied = next(p for p in nms.properties if p.name == "tied_scores")
    assert "ties between equal scores" in hint_of(tied).lower()
    plain = Property("plain", "Checks a thing.", None)
    assert hint_of(plain) == "This property tries: Checks a thing."


def test_the_most_specific_failure_is_shown():
    general = Property("random", "Random inputs.", None)
    specific = Property("ties", "Equal scores.", None, rank=2)
    other = Property("zero", "Zero area.", None, rank=2)
    failures = [(0, general, "f0", 0), (3, specific, "f3", 0), (5, other, "f5", 0)]
    assert most_specific(failures)[1] is specific  # highest rank, then the earlier one
    assert most_specific([(0, general, "f0", 0)])[1] is general
    assert most_specific([]) is None
