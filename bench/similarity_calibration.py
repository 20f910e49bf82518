"""Where web.similarity.SUSPICIOUS and K come from: honest pairs against disguised copies.

Honest pairs are the independent correct solutions of one challenge (challenges/<id>/solutions/
correct_*.py, every pair). Disguised copies are every solution there and the reference, run
through tests/unit/disguises.py: each trick alone, then all of them at once with --seeds seeds.
Every comparison passes the challenge's starter as `base`, as the interview report does.
Also printed: pairs related by construction (the reference against the correct solutions its
author wrote after it; the wrong_* mutants of one template against each other), a sweep over
the gram length K beside the MOSS-style alternative (share of winnowed fingerprints), the
figures with every name a placeholder, and the CPU time for two 64 KB sources.
Run: python bench/similarity_calibration.py [--seeds 20]
"""
import argparse
import functools
import itertools
import random
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from tests.unit import disguises  # noqa: E402
from web.hiring import similarity  # noqa: E402

CHALLENGES = ["iou", "nms", "conv2d", "map"]
TRICKS = disguises.LAYOUT_TRICKS | disguises.STRUCTURE_TRICKS
# The sweeps score the same sources many times over: lex and disguise each one once.
similarity._lex = functools.lru_cache(maxsize=None)(similarity._lex)
disguise = functools.lru_cache(maxsize=None)(disguises.disguise)


def load(challenge: str) -> tuple[str, dict[str, str]]:
    starter = (ROOT / "challenges" / challenge / "starter.py").read_text()
    sources = {path.stem: path.read_text()
               for path in sorted((ROOT / "challenges" / challenge / "solutions").glob("*.py"))}
    sources["reference"] = (ROOT / "challenges" / challenge / "reference.py").read_text()
    return starter, sources


def measure(score, seeds: int, everything: bool = True) -> dict[str, dict[str, list[float]]]:
    """Per challenge, the scores of each kind of pair (only honest and disguised ones unless
    `everything`)."""
    figures = {}
    for challenge in CHALLENGES:
        starter, sources = load(challenge)
        correct = [name for name in sources if name.startswith("correct_")]
        kinds = {
            "honest": [score(sources[a], sources[b], starter)
                       for a, b in itertools.combinations(correct, 2)],
            "disguised": [score(source, disguise(source, seed), starter)
                          for source in sources.values() for seed in range(seeds)],
        }
        if everything:
            wrong = [name for name in sources if name.startswith("wrong_")]
            kinds["reference~correct"] = [score(sources["reference"], sources[name], starter)
                                          for name in correct]
            kinds["wrong~wrong"] = [score(sources[a], sources[b], starter)
                                    for a, b in itertools.combinations(wrong, 2)]
            for trick, apply in TRICKS.items():
                kinds[trick] = [score(source, apply(source, random.Random(seed)), starter)
                                for source in sources.values() for seed in range(3)]
        figures[challenge] = kinds
    return figures


def pooled(figures, kind: str) -> list[float]:
    return [value for kinds in figures.values() for value in kinds[kind]]


def gap(figures) -> tuple[float, float]:
    """The most alike honest pair and the least alike disguised copy."""
    return max(pooled(figures, "honest")), min(pooled(figures, "disguised"))


def winnowed_share(code_a: str, code_b: str, base: str, window: int = 4) -> float:
    """The MOSS-style alternative: the smallest gram hash of each window of `window` grams is a
    fingerprint; the score is the share of the smaller fingerprint set the other one has."""
    def prints(code: str) -> set[int]:
        tokens = similarity._normalise(similarity._lex(code))
        hashes = [hash(gram) for gram in similarity._grams(tokens)]
        return {min(hashes[i:i + window]) for i in range(max(len(hashes) - window + 1, 1))
                if hashes[i:i + window]}

    given = {hash(gram) for gram in similarity._given_grams(base)}
    a, b = prints(code_a) - given, prints(code_b) - given
    return len(a & b) / min(len(a), len(b)) if a and b else 0.0


def print_table(figures) -> None:
    print(f"{'pairs':18} " + " ".join(f"{c:>17}" for c in CHALLENGES) + f" {'all':>17}")
    for kind in figures[CHALLENGES[0]]:
        cells = [figures[c][kind] for c in CHALLENGES] + [pooled(figures, kind)]
        print(f"{kind:18} " + " ".join(
            f"{min(v):.2f} {statistics.median(v):.2f} {max(v):.2f}".rjust(17) for v in cells))
    print("(each cell: min, median, max)")


def print_verdict(figures) -> None:
    honest, disguised = pooled(figures, "honest"), pooled(figures, "disguised")
    tricks = [value for trick in TRICKS for value in pooled(figures, trick)]
    threshold = similarity.SUSPICIOUS
    print(f"\nhonest pairs: {len(honest)}, min {min(honest):.3f}, max {max(honest):.3f}")
    print(f"disguised copies (all tricks at once): {len(disguised)}, min {min(disguised):.3f}; "
          f"single tricks: {len(tricks)}, min {min(tricks):.3f}")
    print(f"SUSPICIOUS = {threshold}: {threshold - max(honest):+.3f} above the most alike honest "
          f"pair, {min(disguised) - threshold:+.3f} below the least alike disguised copy")
    related = pooled(figures, "reference~correct")
    print(f"reference~correct pairs at or above it: "
          f"{sum(value >= threshold for value in related)} of {len(related)}")


def sweep(seeds: int) -> None:
    print("\ngram length K, token coverage against winnowed fingerprints "
          "(honest max / disguised min / gap):")
    chosen = similarity.K
    try:
        for k in (6, 7, 8, 9, 10):
            similarity.K = k
            cells = []
            for score in (similarity.similarity, winnowed_share):
                honest, disguised = gap(measure(score, seeds, everything=False))
                cells.append(f"{honest:.2f} / {disguised:.2f} / {disguised - honest:+.2f}")
            mark = "(chosen)" if k == chosen else ""
            print(f"  K={k:<2} {mark:8}  coverage {cells[0]}    winnowed {cells[1]}")
    finally:
        similarity.K = chosen


def erased_names(seeds: int) -> None:
    """The same with attribute and builtin names made placeholders too (np.maximum -> V.V)."""
    original = similarity._normalise

    def erase(tokens):
        return [tok._replace(text="V") if tok.kind == "name" and tok.text not in keywords else tok
                for tok in original(tokens)]

    keywords = similarity._KEYWORDS

    similarity._normalise = erase
    try:
        honest, disguised = gap(measure(similarity.similarity, seeds, everything=False))
    finally:
        similarity._normalise = original
    print(f"\nevery name a placeholder: honest max {honest:.2f}, disguised min {disguised:.2f}, "
          f"gap {disguised - honest:+.2f}")


def timing() -> None:
    """CPU seconds (best of three) for two 64 KB sources of real code, each copy renamed."""
    _, sources = load("map")
    rng = random.Random(0)
    big_a = "\n".join(disguises.rename(sources["reference"], rng) for _ in range(40))[:65536]
    big_b = "\n".join(disguises.rename(sources["correct_loops"], rng) for _ in range(40))[:65536]
    similarity._lex = similarity._lex.__wrapped__  # time the real work, not the cache
    print()
    for function in (similarity.similarity, similarity.matching_lines):
        times = []
        for _ in range(3):
            began = time.process_time()
            function(big_a, big_b)
            times.append(time.process_time() - began)
        print(f"two 64 KB sources: {function.__name__} takes {min(times):.3f} s of CPU")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--seeds", type=int, default=20, help="full disguises of each solution")
    args = parser.parse_args()
    figures = measure(similarity.similarity, args.seeds)
    print_table(figures)
    print_verdict(figures)
    sweep(args.seeds)
    erased_names(args.seeds)
    timing()


if __name__ == "__main__":
    main()
