import builtins
import itertools
import keyword
import random
import string
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from tests.unit import disguises
from web.hiring.similarity import (
    MAX_TOKENS,
    MIN_DISTINCTIVE,
    SUSPICIOUS,
    _lex,
    common,
    compare,
    matching_lines,
    similarity,
)

ROOT = Path(__file__).resolve().parents[2]
CHALLENGES = ["iou", "nms", "conv2d", "map"]


def starter(challenge: str) -> str:
    return (ROOT / "challenges" / challenge / "starter.py").read_text()


def solutions(challenge: str, prefix: str = "") -> dict[str, str]:
    """Every held-in solution of a challenge (or those whose name starts with prefix)."""
    found = {path.stem: path.read_text()
             for path in sorted((ROOT / "challenges" / challenge / "solutions").glob(f"{prefix}*.py"))}
    if not prefix:
        found["reference"] = (ROOT / "challenges" / challenge / "reference.py").read_text()
    return found


ALL_SOURCES = [source for challenge in CHALLENGES for source in solutions(challenge).values()]
IOU_LOOPS = solutions("iou", "correct_loops")["correct_loops"]
NMS_SORTED = solutions("nms", "correct_sorted_key")["correct_sorted_key"]


# ----- basic properties ------------------------------------------------------------------------

@pytest.mark.parametrize("source", ALL_SOURCES[::3])
def test_identical_code_scores_one(source):
    assert similarity(source, source) == 1.0
    assert similarity(source, source, base=starter("iou")) == 1.0


def test_symmetric_and_bounded_on_real_pairs():
    sources = ALL_SOURCES[::6]
    for a, b in itertools.combinations(sources, 2):
        score = similarity(a, b)
        assert 0.0 <= score <= 1.0
        assert score == similarity(b, a)


def test_unrelated_programs_score_low():
    stack = (
        "class Stack:\n"
        "    def __init__(self):\n"
        "        self.items = []\n\n"
        "    def push(self, item):\n"
        "        self.items.append(item)\n\n"
        "    def pop(self):\n"
        "        if not self.items:\n"
        "            raise IndexError('pop from an empty stack')\n"
        "        return self.items.pop()\n")
    for source in ALL_SOURCES:
        assert similarity(stack, source) < 0.15  # `] def f(a, b):` is found in a few


def test_renamed_copy_is_one_and_an_edited_copy_is_between():
    renamed = disguises.rename(IOU_LOOPS, random.Random(1))
    assert renamed != IOU_LOOPS and similarity(IOU_LOOPS, renamed) == 1.0
    changed = IOU_LOOPS.replace("return 0.0\n", "return 0.0\n    w = max(w, h) - min(w, h)\n")
    assert SUSPICIOUS < similarity(IOU_LOOPS, changed) < 1.0


def test_code_with_nothing_beyond_the_base_scores_zero():
    base = starter("conv2d")
    assert similarity(base, base) == 1.0
    assert similarity(base, base, base=base) == 0.0
    assert similarity("", "") == 0.0
    assert similarity("# only a comment\n", "'''and a docstring'''\n") == 0.0


def test_the_starter_both_began_from_is_no_evidence():
    """Two different short answers that both kept the starter's import, signature and docstring."""
    base = starter("conv2d")
    a = base.replace("return np.zeros((1, 1))", "return np.array([[np.sum(image * kernel)]])")
    b = base.replace("return np.zeros((1, 1))",
                     "out = np.zeros((1, 1))\n    out[0, 0] = float((image * kernel).sum())\n"
                     "    return out")
    assert similarity(a, b) > 0.4  # the kept import and signature alone
    assert similarity(a, b, base=base) == 0.0
    assert matching_lines(a, b) == ({1, 4}, {1, 4})
    assert matching_lines(a, b, base=base) == (set(), set())


def test_a_formula_the_starter_docstring_gives_is_no_evidence():
    starter_code = "import numpy as np\ndef conv2d(image, kernel, stride=1, padding=0):\n    pass\n"
    size = ("    oh = (h + 2 * padding - kh) // stride + 1\n"
            "    ow = (w + 2 * padding - kw) // stride + 1\n")
    a = ("def conv2d(image, kernel, stride=1, padding=0):\n    h, w = image.shape\n"
         "    kh, kw = kernel.shape\n" + size + "    return sliding(image, kernel, oh, ow)\n")
    b = ("def conv2d(image, kernel, stride=1, padding=0):\n    kh, kw = np.shape(kernel)\n"
         "    h, w = np.shape(image)\n" + size + "    return np.ones((oh, ow)) * np.mean(image)\n")
    with_formula = starter("conv2d")  # its docstring spells out the output size
    assert similarity(a, b, base=starter_code) > similarity(a, b, base=with_formula) + 0.25


def test_matching_lines_mark_the_copied_lines_not_the_junk():
    copy = IOU_LOOPS.replace("    union =", "    print('debug', w, h)\n    union =")
    lines_orig, lines_copy = matching_lines(IOU_LOOPS, copy, base=starter("iou"))
    body = {line for line in IOU_LOOPS.splitlines()[4:] if line.strip()}  # below the signature
    assert {IOU_LOOPS.splitlines()[n - 1] for n in lines_orig} == body
    assert {copy.splitlines()[n - 1] for n in lines_copy} == body


# ----- calibration: honest pairs below the threshold, disguised copies above it -----------------

def honest_base(challenge: str, *left_out: str):
    """What the report discounts: the starter, the reference and the correct solutions, less
    the two sides compared (their own code is never honest material)."""
    sources = {**solutions(challenge, "correct_"),
               "reference": (ROOT / "challenges" / challenge / "reference.py").read_text()}
    return common([starter(challenge)] + [code for name, code in sources.items()
                                          if name not in left_out])


@pytest.mark.parametrize("challenge", CHALLENGES)
def test_independent_correct_solutions_are_not_flagged(challenge):
    correct = solutions(challenge, "correct_")
    assert len(correct) >= 3
    for (name_a, a), (name_b, b) in itertools.combinations(correct.items(), 2):
        match = compare(a, b, honest_base(challenge, name_a, name_b))
        assert not match.flagged, (name_a, name_b, match)
        assert match.score < SUSPICIOUS - 0.1, (name_a, name_b, match)


@pytest.mark.parametrize("challenge", CHALLENGES)
def test_disguised_copies_of_distinctive_code_are_flagged(challenge):
    """Every solution with enough code of its own beyond the honest material: its disguised
    copies are flagged (copies of what every correct solution does cannot be, by design)."""
    checked = 0
    for name, source in solutions(challenge).items():
        base = honest_base(challenge, name)
        if compare(source, source, base).distinctive < 2 * MIN_DISTINCTIVE:
            continue
        checked += 1
        for seed in range(3):
            assert compare(source, disguises.disguise(source, seed), base).flagged, (name, seed)
    assert checked >= 2


@pytest.mark.parametrize("challenge", CHALLENGES)
def test_disguised_copies_score_high_against_the_starter_alone(challenge):
    """The score itself sees through the disguises (what the bar then asks is another matter)."""
    base = starter(challenge)
    for name, source in solutions(challenge).items():
        for seed in range(3):
            copy = disguises.disguise(source, seed)
            assert similarity(source, copy, base=base) >= 0.75, (name, seed)
            assert similarity(copy, source, base=base) >= 0.75, (name, seed)


@pytest.mark.parametrize("trick", disguises.LAYOUT_TRICKS)
def test_layout_names_and_commentary_change_nothing(trick):
    for source in ALL_SOURCES:
        changed = disguises.LAYOUT_TRICKS[trick](source, random.Random(7))
        assert similarity(source, changed) == 1.0, changed


@pytest.mark.parametrize("challenge", CHALLENGES)
def test_each_structural_trick_alone_stays_well_above_the_threshold(challenge):
    base = starter(challenge)
    for source in solutions(challenge).values():
        for trick in disguises.STRUCTURE_TRICKS.values():
            changed = trick(source, random.Random(3))
            assert similarity(source, changed, base=base) > SUSPICIOUS + 0.05, changed


def test_the_disguise_really_changes_the_code():
    """Guard for the two tests above: a disguise that did nothing would make them vacuous."""
    copy = disguises.disguise(NMS_SORTED, 0)
    assert not disguises.bound_names(NMS_SORTED) & disguises.bound_names(copy)
    assert "#" in copy and copy.count("\n") > NMS_SORTED.count("\n")
    reordered = disguises.reorder(NMS_SORTED, random.Random(0))
    assert reordered.index("def nms") < reordered.index("def _iou")


# ----- never raise -----------------------------------------------------------------------------

NASTY = [
    "", " ", "\n\n", "\x00", "a = 1\x00b = 2", "def f(:\n    return", "s = '''never closed\n",
    "s = 'open\ny = 2\n", "if x:\n        a = 1\n    b = 2\n", "(" * 5000, ")" * 5000, "\ud800 = 1",
    "é = 1\nπ = é * 2\n", "\r\n\r\n", "\t\tx = 1\n  y = 2\n", "\\", "\\\n" * 100, "$ ? `",
    "\f\v", "'\\'" * 3000, '"""' * 3 + "x", "f'{x!r:>{w}}'", "x" * 100_000, "1" + "e-" * 1000,
    "if True:\n" + "".join(" " * i + "if x:\n" for i in range(1, 200)) + " " * 200 + "pass\n",
    b"def f(): pass", None,
]


@pytest.mark.parametrize("nasty", NASTY, ids=range(len(NASTY)))
def test_bad_input_never_raises(nasty):
    for other in (nasty, IOU_LOOPS):
        score = similarity(nasty, other, base=nasty)
        assert 0.0 <= score <= 1.0
        assert similarity(nasty, other) == similarity(other, nasty)
        lines_a, lines_b = matching_lines(nasty, other)
        assert all(isinstance(n, int) and n >= 1 for n in lines_a | lines_b)
    assert similarity(nasty, nasty) in (0.0, 1.0)


def test_a_copy_broken_at_the_end_still_matches():
    for tail in ("\ndef broken(:\n", "\ns = '''never closed\n", "\n  oops = 1\n", "\nx = 'open\n"):
        assert similarity(NMS_SORTED, NMS_SORTED + tail) > SUSPICIOUS, tail


@pytest.mark.parametrize("breakage", ['"""a docstring never closed\n', "    x = 1\n  y = 2\n"])
def test_a_copy_that_tokenize_rejects_near_the_top_still_matches(breakage):
    """Past the point where tokenize gives up, the fallback lexer reads the same tokens."""
    lines = NMS_SORTED.splitlines(keepends=True)
    broken = "".join(lines[:4] + [breakage] + lines[4:])
    assert similarity(NMS_SORTED, broken) > 0.9
    assert matching_lines(NMS_SORTED, broken)[0] >= set(range(5, len(lines) + 1)) - {10, 11}


def test_huge_input_is_cut_to_a_bounded_size():
    huge = "x = y + 1\n" * 1_000_000
    assert len(_lex(huge)) == MAX_TOKENS
    assert len(_lex("(" * 1_000_000)) <= MAX_TOKENS


# ----- properties over random input ------------------------------------------------------------

NAME_CHARS = string.ascii_letters + string.digits + "_"
RESERVED = set(keyword.kwlist) | set(keyword.softkwlist) | set(dir(builtins))


@settings(max_examples=40, deadline=None)
@given(source=st.sampled_from(ALL_SOURCES), data=st.data())
def test_any_consistent_renaming_keeps_similarity_one(source, data):
    names = sorted(disguises.bound_names(source))
    fresh = st.text(NAME_CHARS, min_size=1, max_size=12).filter(
        lambda name: not name[0].isdigit() and name not in RESERVED and name not in names)
    new = data.draw(st.lists(fresh, min_size=len(names), max_size=len(names), unique=True))
    renamed = disguises.rename(source, random.Random(0), dict(zip(names, new)))
    assert similarity(source, renamed) == 1.0


@settings(max_examples=60, deadline=None)
@given(source=st.sampled_from(ALL_SOURCES), seed=st.integers(0, 10_000),
       share=st.floats(0.0, 1.0))
def test_any_comments_and_reformatting_keep_similarity_one(source, seed, share):
    changed = disguises.add_comments(disguises.reformat(source), random.Random(seed), share)
    assert similarity(source, changed) == 1.0


code_text = st.text(alphabet=string.printable + "\x00éπ\ud800", max_size=300)


@settings(max_examples=200, deadline=None)
@given(a=code_text, b=code_text, base=code_text)
def test_any_text_gives_a_symmetric_score_in_range(a, b, base):
    score = similarity(a, b, base)
    assert 0.0 <= score <= 1.0
    assert score == similarity(b, a, base)
    assert similarity(a, a) in (0.0, 1.0)
    lines_a, lines_b = matching_lines(a, b, base)
    assert lines_a <= set(range(1, a.count("\n") + 2))


@settings(max_examples=100, deadline=None)
@given(source=st.sampled_from(ALL_SOURCES), cut=st.floats(0.1, 1.0))
def test_a_truncated_copy_matches_in_proportion(source, cut):
    """Cutting a file anywhere (mid-string, mid-statement) still lexes; the kept part matches."""
    part = source[:int(len(source) * cut)]
    assert 0.0 <= similarity(source, part) <= 1.0
    if cut > 0.9:
        assert similarity(source, part) > 0.8
