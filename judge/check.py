"""The catalogue check: for each challenge, the loader's checks, then in the real sandbox:
its examples agree with its reference, the reference is accepted, the starter is not, and
every solution in solutions/ gets the verdict it expects. All gradings of one challenge
share one plan (same seed), drawn once."""
from judge.catalogue import CatalogueError, load_catalogue
from judge.engine import grade
from judge.plans import make_plan


def check_challenge(challenge, seed: int = 0, log=print, pool=None) -> list[str]:
    """Problems with one (already loaded) challenge; empty means it is sound."""
    problems = []
    for index, item in enumerate(challenge.examples):
        mismatch = challenge.compare(challenge.reference(*item.args), item.expected, item.args)
        if mismatch:
            problems.append(f"{challenge.id}: example {index} disagrees with the reference: "
                            f"{mismatch}")
    plan = make_plan(challenge, seed)
    reference = grade(challenge, challenge.reference_source, plan=plan, pool=pool)
    log(f"{challenge.id}: reference -> {reference.verdict.value} ({reference.duration_s:.1f} s)")
    if not reference.accepted:
        problems.append(f"{challenge.id}: the reference is not accepted: "
                        f"{reference.verdict.value}: {reference.message}")
    starter = grade(challenge, challenge.starter, plan=plan, pool=pool)
    log(f"{challenge.id}: starter -> {starter.verdict.value}")
    if starter.accepted or starter.verdict.value == "internal_error":
        problems.append(f"{challenge.id}: the starter should be rejected, got "
                        f"{starter.verdict.value}")
    for solution in challenge.solutions:
        result = grade(challenge, solution.path.read_text(), plan=plan, pool=pool)
        log(f"{challenge.id}: {solution.path.name} -> {result.verdict.value} "
            f"(expects {solution.expected})")
        if result.verdict.value != solution.expected:
            problems.append(f"{challenge.id}: {solution.path.name} expects {solution.expected}, "
                            f"got {result.verdict.value}: {result.message}")
    return problems


def check_catalogue(seed: int = 0, log=print, only: list | None = None) -> list[str]:
    """Problems with every challenge (or those named in `only`); empty means sound."""
    try:
        catalogue = load_catalogue()
    except CatalogueError as exc:
        return [str(exc)]
    unknown = sorted(set(only or ()) - set(catalogue))
    if unknown:
        return [f"unknown challenge {unknown[0]!r}"]
    from judge.image import image_tag
    from judge.pool import SandboxPool

    pool = SandboxPool(image_tag(), size=2).start()
    try:
        problems = []
        for challenge in catalogue.values():
            if not only or challenge.id in only:
                problems += check_challenge(challenge, seed, log, pool)
        return problems
    finally:
        pool.close()
