"""Oracle tests import a challenge's reference function straight from its folder, and read
the committed fixtures of oracle answers (tests/fixtures/oracles/<name>.json.gz)."""
import gzip
import json
from pathlib import Path

from judge.catalogue import load_catalogue

_CATALOGUE = load_catalogue()
FIXTURES = Path(__file__).parents[2] / "fixtures" / "oracles"


def reference(challenge_id: str):
    """The reference function of a bundled challenge."""
    return _CATALOGUE[challenge_id].reference


def fixture_cases(name: str, at_least: int = 500) -> list:
    """The cases of fixture `name`, which must hold at least `at_least` of them."""
    cases = json.loads(gzip.decompress((FIXTURES / f"{name}.json.gz").read_bytes()))["cases"]
    assert len(cases) >= at_least, f"{name}: only {len(cases)} cases"
    return cases
