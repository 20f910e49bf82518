"""The similarity flag measured beyond what honest solutions share: the honest material is
discounted, short pairs are never flagged, the bar falls with length, and the side-by-side
marks cover exactly the shared tokens, not whole lines."""
import random
from pathlib import Path

from tests.unit import disguises
from web.hiring import similarity
from web.hiring.similarity import (
    LONG,
    MIN_DISTINCTIVE,
    SHORT_BAR,
    SUSPICIOUS,
    common,
    compare,
    marks,
    threshold,
)

ROOT = Path(__file__).resolve().parents[2]


def folder(challenge: str) -> dict[str, str]:
    path = ROOT / "challenges" / challenge
    found = {p.stem: p.read_text() for p in sorted((path / "solutions").glob("correct_*.py"))}
    found["starter"] = (path / "starter.py").read_text()
    found["reference"] = (path / "reference.py").read_text()
    return found


IOU = folder("iou")
# what two candidates who never met might both write: the textbook IoU, one of them buggy
TEXTBOOK = """def iou(box_a, box_b):
    ax0, ay0, ax1, ay1 = box_a
    bx0, by0, bx1, by1 = box_b
    w = max(0.0, min(ax1, bx1) - max(ax0, bx0))
    h = max(0.0, min(ay1, by1) - max(ay0, by0))
    inter = w * h
    union = (ax1 - ax0) * (ay1 - ay0) + (bx1 - bx0) * (by1 - by0) - inter
    return inter / union if union > 0 else 0.0
"""
TEXTBOOK_BUGGY = """def iou(a, b):
    x1, y1, x2, y2 = a
    u1, v1, u2, v2 = b
    inter = (min(x2, u2) - max(x1, u1)) * (min(y2, v2) - max(y1, v1))
    union = (x2 - x1) * (y2 - y1) + (u2 - u1) * (v2 - v1) - inter
    if union == 0:
        return 0.0
    return inter / union
"""


def honest_base(challenge: dict[str, str]) -> similarity.Common:
    return common(list(challenge.values()))


def test_two_textbook_answers_are_not_flagged_once_honest_material_is_discounted():
    before = compare(TEXTBOOK, TEXTBOOK_BUGGY, IOU["starter"])
    after = compare(TEXTBOOK, TEXTBOOK_BUGGY, honest_base(IOU))
    assert after.score < before.score
    assert not after.flagged
    assert after.distinctive < MIN_DISTINCTIVE and after.threshold is None


def test_a_copy_of_a_long_distinctive_solution_is_still_flagged():
    own = (ROOT / "challenges" / "map" / "solutions" / "correct_loops.py").read_text()
    honest = folder("map")
    honest.pop("correct_loops")  # a candidate's own code is never honest material
    base = honest_base(honest)
    for seed in range(3):
        match = compare(own, disguises.disguise(own, seed), base)
        assert match.flagged, (seed, match)
        assert match.distinctive >= MIN_DISTINCTIVE


def test_the_bar_falls_with_length_and_nothing_short_is_judged():
    assert threshold(MIN_DISTINCTIVE - 1) is None
    assert threshold(MIN_DISTINCTIVE) == SHORT_BAR
    assert threshold(LONG) == threshold(10 * LONG) == SUSPICIOUS
    middle = threshold((MIN_DISTINCTIVE + LONG) // 2)
    assert SUSPICIOUS < middle < SHORT_BAR
    short = "def f(a):\n    return a + 1\n"
    assert compare(short, short) == (1.0, compare(short, short).distinctive, None, False)


def test_honest_material_can_be_given_as_a_list_or_reused():
    base = honest_base(IOU)
    assert common(base) is base
    a, b = IOU["correct_loops"], IOU["correct_numpy"]
    assert compare(a, b, base) == compare(a, b, list(IOU.values()))


def test_marks_give_the_source_back_and_mark_tokens_not_lines():
    copy = disguises.rename(TEXTBOOK.replace("    inter = ", "    print('x')\n    inter = "),
                            random.Random(3))
    mine, theirs = marks(TEXTBOOK, copy)
    assert "".join(text for text, _ in mine) == TEXTBOOK
    assert "".join(text for text, _ in theirs) == copy
    assert all(mark in ("shared", "common", "") for _, mark in mine + theirs)
    assert not any("\n" in text for text, mark in mine + theirs if mark)  # no line-wide marks
    assert "print('x'" in "".join(t for t, m in theirs if m == "")  # the junk is not shared
    assert "print" not in "".join(t for t, m in theirs if m)
    shared = [text for text, mark in theirs if mark == "shared"]
    assert shared and all(text.strip() for text in shared)


def test_marks_tell_honest_material_from_what_the_pair_shares():
    base = common([IOU["starter"]])
    a = TEXTBOOK
    mine, _ = marks(a, a, base)
    kinds = {mark for _, mark in mine}
    assert "common" in kinds and "shared" in kinds  # the kept signature, then the body


def test_marks_never_raise_on_bad_input():
    for bad in ("", "\x00", "def f(:\n", "s = '''open\n", None, b"x"):
        mine, theirs = marks(bad, TEXTBOOK)
        assert "".join(text for text, _ in mine) == (bad if isinstance(bad, str) else "")
        assert "".join(text for text, _ in theirs) == TEXTBOOK
