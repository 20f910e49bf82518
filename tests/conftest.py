"""Shared test set-up: each folder under tests/ is one layer, marked automatically."""
from pathlib import Path

import pytest

TESTS = Path(__file__).parent
FIXTURE_CHALLENGES = TESTS / "fixtures" / "challenges"
LAYER_MARKERS = {"unit": pytest.mark.unit, "sandbox": pytest.mark.sandbox}


def pytest_collection_modifyitems(items):
    for item in items:
        layer = Path(item.fspath).relative_to(TESTS).parts[0]
        if layer in LAYER_MARKERS:
            item.add_marker(LAYER_MARKERS[layer])
