"""The catalogue check: every challenge loads, its examples agree with its reference, the
reference is accepted in the real sandbox and the starter is not."""
from judge.catalogue import CatalogueError, load_catalogue
from judge.engine import grade


def check_catalogue(seed: int = 0, log=print) -> list[str]:
    """Return a list of problems; empty means the catalogue is sound."""
    try:
        catalogue = load_catalogue()
    except CatalogueError as exc:
        return [str(exc)]
    problems = []
    for challenge in catalogue.values():
        for index, item in enumerate(challenge.examples):
            mismatch = challenge.compare(challenge.reference(*item.args), item.expected,
                                         item.args)
            if mismatch:
                problems.append(f"{challenge.id}: example {index} disagrees with the reference: "
                                f"{mismatch}")
        reference = grade(challenge, challenge.reference_source, seed=seed)
        log(f"{challenge.id}: reference -> {reference.verdict.value} ({reference.duration_s:.1f} s)")
        if not reference.accepted:
            problems.append(f"{challenge.id}: the reference is not accepted: "
                            f"{reference.verdict.value}: {reference.message}")
        starter = grade(challenge, challenge.starter, seed=seed)
        log(f"{challenge.id}: starter -> {starter.verdict.value}")
        if starter.accepted or starter.verdict.value == "internal_error":
            problems.append(f"{challenge.id}: the starter should be rejected, got "
                            f"{starter.verdict.value}")
    return problems
