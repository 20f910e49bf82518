"""Where the similarity flag's constants come from: honest pairs against disguised copies, over
every challenge of the catalogue, with the false-positive and miss rates they give.

Honest pairs: the independent correct solutions of one challenge (challenges/<id>/solutions/
correct_*.py, every pair). Disguised copies: every solution there (correct and wrong) and the
reference, run through tests/unit/disguises.py with every trick at once, --seeds times each.
Each comparison discounts what honest solutions share, as the interview report does: the
starter, the reference and the other correct solutions, leaving out the two sides compared
(a candidate's own code is never part of the honest material), and the flag applies the
report's rule (web.hiring.similarity.compare: a length-scaled bar, nothing below
MIN_DISTINCTIVE distinctive tokens).

Printed: per challenge and in all, the false-positive rate (honest pairs flagged) and the miss
rate (disguised copies not flagged), also counting only copies of code with MIN_DISTINCTIVE
distinctive tokens of its own (a copy of what every correct solution does cannot be told from
writing it again); the same rates under the previous rule (starter-only discount, one fixed
bar) for comparison; correct~wrong pairs (the "one buggy, one correct textbook function"
case); a sweep of the bar constants; and the CPU time for two 64 KB sources.
Run: python bench/similarity_calibration.py [--seeds 10]
"""
import argparse
import functools
import itertools
import random
import sys
import time
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from tests.unit import disguises  # noqa: E402
from tests.unit.test_similarity_trust import TEXTBOOK, TEXTBOOK_BUGGY  # noqa: E402
from web.hiring import similarity  # noqa: E402

CHALLENGES = sorted(path.parent.name for path in (ROOT / "challenges").glob("*/solutions"))
OLD_BAR = 0.72  # the previous rule: one bar, the starter as the only discount
# The sweeps score the same sources many times over: lex and disguise each one once.
similarity._lex = functools.lru_cache(maxsize=None)(similarity._lex)
disguise = functools.lru_cache(maxsize=None)(disguises.disguise)


@dataclass
class Folder:
    starter: str
    reference: str
    correct: dict[str, str]
    wrong: dict[str, str]

    @property
    def sources(self) -> dict[str, str]:
        return {"reference": self.reference, **self.correct, **self.wrong}

    @functools.cached_property
    def _bases(self) -> dict:
        return {}

    def base(self, *left_out: str) -> similarity.Common:
        """The honest material without the sides compared."""
        key = frozenset(left_out)
        if key not in self._bases:
            honest = {"reference": self.reference, **self.correct}
            self._bases[key] = similarity.common(
                [self.starter] + [code for name, code in honest.items() if name not in key])
        return self._bases[key]


@functools.cache
def load(challenge: str) -> Folder:
    folder = ROOT / "challenges" / challenge
    solutions = {path.stem: path.read_text() for path in sorted((folder / "solutions").glob("*.py"))}
    return Folder(starter=(folder / "starter.py").read_text(),
                  reference=(folder / "reference.py").read_text(),
                  correct={k: v for k, v in solutions.items() if k.startswith("correct_")},
                  wrong={k: v for k, v in solutions.items() if k.startswith("wrong_")})


@dataclass
class Pairs:
    """The matches of one kind of pair, with what they were measured against."""
    matches: list = field(default_factory=list)  # (Match, old score, source distinctive)

    def flagged(self, rule=None) -> int:
        return sum((rule or (lambda m: m.flagged))(match) for match, _, _ in self.matches)

    def old_flagged(self) -> int:
        return sum(old >= OLD_BAR for _, old, _ in self.matches)


def measure(seeds: int) -> dict[str, dict[str, Pairs]]:
    figures = {}
    for challenge in CHALLENGES:
        folder = load(challenge)
        kinds = {"honest": Pairs(), "disguised": Pairs(), "correct~wrong": Pairs()}
        for a, b in itertools.combinations(folder.correct, 2):
            code_a, code_b = folder.correct[a], folder.correct[b]
            kinds["honest"].matches.append(
                (similarity.compare(code_a, code_b, folder.base(a, b)),
                 similarity.similarity(code_a, code_b, folder.starter), None))
        for name, source in folder.sources.items():
            base = folder.base(name)
            own = similarity.compare(source, source, base).distinctive
            for seed in range(seeds):
                copy = disguise(source, seed)
                kinds["disguised"].matches.append(
                    (similarity.compare(source, copy, base),
                     similarity.similarity(source, copy, folder.starter), own))
        for a, b in itertools.product(folder.correct, folder.wrong):
            code_a, code_b = folder.correct[a], folder.wrong[b]
            kinds["correct~wrong"].matches.append(
                (similarity.compare(code_a, code_b, folder.base(a, b)),
                 similarity.similarity(code_a, code_b, folder.starter), None))
        figures[challenge] = kinds
    return figures


def pooled(figures, kind: str) -> Pairs:
    return Pairs([match for kinds in figures.values() for match in kinds[kind].matches])


def rate(count: int, total: int) -> str:
    return f"{count}/{total} = {100 * count / total:.1f}%" if total else "0/0"


def print_table(figures) -> None:
    print(f"{'challenge':22} {'honest pairs flagged':>22} {'copies missed':>22} "
          f"{'substantial copies missed':>27}")
    for challenge in [*CHALLENGES, "all"]:
        kinds = {kind: pooled(figures, kind) for kind in ("honest", "disguised")} \
            if challenge == "all" else figures[challenge]
        honest, copies = kinds["honest"], kinds["disguised"]
        substantial = Pairs([m for m in copies.matches if m[2] >= similarity.MIN_DISTINCTIVE])
        print(f"{challenge:22} {rate(honest.flagged(), len(honest.matches)):>22} "
              f"{rate(len(copies.matches) - copies.flagged(), len(copies.matches)):>22} "
              f"{rate(len(substantial.matches) - substantial.flagged(), len(substantial.matches)):>27}")


BUCKETS = ((0, 15), (15, 25), (25, 40), (40, 80), (80, 150), (150, 10**9))


def print_buckets(figures) -> None:
    """Misses by how much code of its own the copied source has beyond the honest material."""
    copies = pooled(figures, "disguised")
    print("\ndisguised copies by the copied source's distinctive tokens: missed")
    for low, high in BUCKETS:
        group = Pairs([m for m in copies.matches if low <= m[2] < high])
        label = f"{low}+" if high > 10**8 else f"{low}-{high - 1}"
        print(f"  {label:>8}: {rate(len(group.matches) - group.flagged(), len(group.matches))}")


def print_verdict(figures) -> None:
    honest, copies = pooled(figures, "honest"), pooled(figures, "disguised")
    substantial = Pairs([m for m in copies.matches if m[2] >= similarity.MIN_DISTINCTIVE])
    mixed = pooled(figures, "correct~wrong")
    print(f"\nrule: K={similarity.K}, no flag below {similarity.MIN_DISTINCTIVE} distinctive "
          f"tokens, bar {similarity.SHORT_BAR} there falling to {similarity.SUSPICIOUS} at "
          f"{similarity.LONG} tokens and beyond")
    print(f"  false positives (independent correct pairs flagged): "
          f"{rate(honest.flagged(), len(honest.matches))}")
    print(f"  misses (disguised copies not flagged):               "
          f"{rate(len(copies.matches) - copies.flagged(), len(copies.matches))}")
    print(f"  misses among copies of code with >= {similarity.MIN_DISTINCTIVE} distinctive "
          f"tokens ({len(substantial.matches)} of {len(copies.matches)}): "
          f"{rate(len(substantial.matches) - substantial.flagged(), len(substantial.matches))}")
    print(f"  correct~wrong pairs flagged (many wrong_* are mutants of a correct one): "
          f"{rate(mixed.flagged(), len(mixed.matches))}")
    print(f"previous rule (starter-only discount, bar {OLD_BAR} at any length):")
    print(f"  false positives: {rate(honest.old_flagged(), len(honest.matches))}")
    print(f"  misses:          "
          f"{rate(len(copies.matches) - copies.old_flagged(), len(copies.matches))}")
    print(f"  correct~wrong pairs flagged: {rate(mixed.old_flagged(), len(mixed.matches))}")
    iou = load("iou")
    old = similarity.similarity(TEXTBOOK, TEXTBOOK_BUGGY, iou.starter)
    new = similarity.compare(TEXTBOOK, TEXTBOOK_BUGGY, iou.base())
    print(f"two textbook IoU answers, one buggy (the case that cried wolf): previous rule "
          f"{old:.2f} ({'flagged' if old >= OLD_BAR else 'not flagged'}), now {new.score:.2f} "
          f"with {new.distinctive} distinctive tokens "
          f"({'flagged' if new.flagged else 'not flagged'})")
    scores = sorted(m.score for m, _, _ in honest.matches)
    print(f"honest pair scores (new discount): median {scores[len(scores) // 2]:.2f}, "
          f"max {scores[-1]:.2f}")


def sweep(figures) -> None:
    """The same matches under other bar constants (the score does not depend on them)."""
    honest, copies = pooled(figures, "honest"), pooled(figures, "disguised")
    mixed = pooled(figures, "correct~wrong")
    print("\nother bars: minimum distinctive tokens / bar there / bar from LONG on -> "
          "false positives, misses, correct~wrong flagged")
    for minimum, short, long_bar in itertools.product((15, 20, 25, 30, 40), (0.7, 0.75, 0.9),
                                                      (0.55, 0.6, 0.72)):
        def flagged(match, minimum=minimum, short=short, long_bar=long_bar):
            if match.distinctive < minimum:
                return False
            t = min(1.0, (match.distinctive - minimum) / max(similarity.LONG - minimum, 1))
            return match.score >= short + (long_bar - short) * t
        mark = "(chosen)" if (minimum, short, long_bar) == (
            similarity.MIN_DISTINCTIVE, similarity.SHORT_BAR, similarity.SUSPICIOUS) else ""
        print(f"  {minimum:3} / {short:.2f} / {long_bar:.2f} {mark:9} -> "
              f"{rate(honest.flagged(flagged), len(honest.matches)):>16}, "
              f"{rate(len(copies.matches) - copies.flagged(flagged), len(copies.matches)):>18}, "
              f"{rate(mixed.flagged(flagged), len(mixed.matches)):>16}")


def timing() -> None:
    """CPU seconds (best of three) for two 64 KB sources of real code, each copy renamed."""
    folder = load("map")
    rng = random.Random(0)
    big_a = "\n".join(disguises.rename(folder.reference, rng) for _ in range(40))[:65536]
    big_b = "\n".join(disguises.rename(folder.correct["correct_loops"], rng)
                      for _ in range(40))[:65536]
    similarity._lex = similarity._lex.__wrapped__  # time the real work, not the cache
    base = folder.base()
    print()
    for function in (similarity.compare, similarity.marks):
        times = []
        for _ in range(3):
            began = time.process_time()
            function(big_a, big_b, base)
            times.append(time.process_time() - began)
        print(f"two 64 KB sources: {function.__name__} takes {min(times):.3f} s of CPU")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--seeds", type=int, default=10, help="full disguises of each solution")
    args = parser.parse_args()
    figures = measure(args.seeds)
    print_table(figures)
    print_verdict(figures)
    print_buckets(figures)
    sweep(figures)
    timing()


if __name__ == "__main__":
    main()
