"""The limits a challenge page states are fixed numbers from the catalogue, and the messages
name the limit in the same terms."""
import numpy as np
import pytest

from judge.catalogue import load_catalogue
from judge.limits import TIMING_ALLOWANCE_S, input_size, limit_text, seconds, stated_limits

CATALOGUE = load_catalogue()


@pytest.mark.parametrize("challenge_id", sorted(CATALOGUE))
def test_every_challenge_states_its_timed_test(challenge_id):
    challenge = CATALOGUE[challenge_id]
    limits = stated_limits(challenge)
    timed = [p for p in challenge.properties if p.timed]
    assert len(timed) == 1
    assert limits.cpu_s == timed[0].time_limit_s and limits.timed_size == timed[0].size
    assert limits.memory_mb == 256 and limits.timed_size.strip()
    assert "reference machine" in limits.scaling and "scale factor" in limits.scaling


def test_limit_text_keeps_the_reference_number_and_shows_this_server():
    assert seconds(1.2) == "1.2 s" and seconds(0.05) == "0.05 s" and seconds(0.2361) == "0.236 s"
    assert limit_text(1.2, 0.2, timed=True) == \
        "1.2 s on the reference machine (0.29 s on this server, scale factor 0.20)"
    assert limit_text(2.0, 1.5, timed=False) == \
        "2 s on the reference machine (3 s on this server, scale factor 1.50)"
    assert TIMING_ALLOWANCE_S == 0.05


def test_input_size_names_arrays_and_long_lists_only():
    named = {"boxes": np.zeros((1024, 4)), "scores": np.zeros(1024), "iou_threshold": 0.5}
    assert input_size(named) == "boxes of shape (1024, 4), scores of shape (1024,)"
    assert input_size({"box_a": (0, 0, 1, 1), "box_b": (0, 0, 2, 2)}) == ""
    assert input_size({"detections": [(0,)] * 5000}) == "detections with 5,000 items"
