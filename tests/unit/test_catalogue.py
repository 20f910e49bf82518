"""The loader accepts a well-formed folder and names the file and key of every mistake."""
import json
import shutil

import pytest

from judge.catalogue import CatalogueError, load_catalogue, load_challenge
from tests.conftest import FIXTURE_CHALLENGES


@pytest.fixture
def folder(tmp_path):
    target = tmp_path / "add"
    shutil.copytree(FIXTURE_CHALLENGES / "add", target)
    return target


def edit(path, old, new):
    text = path.read_text()
    assert old in text
    path.write_text(text.replace(old, new))


def test_fixture_loads(folder):
    challenge = load_challenge(folder)
    assert challenge.id == "add" and challenge.function == "add"
    assert list(challenge.params) == ["a", "b"]
    assert [p.name for p in challenge.properties] == ["integers", "floats", "large"]
    assert challenge.examples[0].args == (1, 2)
    assert challenge.reference(2, 3) == 5


def test_real_catalogue_loads():
    catalogue = load_catalogue()
    assert {"iou", "nms", "conv2d", "map"} <= set(catalogue)
    for challenge in catalogue.values():
        assert challenge.statement.strip() and challenge.examples
        assert sum(1 for p in challenge.properties if p.timed) == 1, challenge.id


def test_examples_agree_with_references():
    from judge.compare import COMPARATORS

    for challenge in load_catalogue().values():
        compare = COMPARATORS[challenge.output]
        for example in challenge.examples:
            assert compare(challenge.reference(*example.args), example.expected) is None


@pytest.mark.parametrize("old, new, message", [
    ('difficulty = "easy"', 'difficulty = "trivial"', "difficulty must be one of"),
    ('tags = ["fixture"]', 'tags = ["fixture"]\ncolour = "red"', "unknown key colour"),
    ('output = "float"', 'output = "complex"', "function.output must be one of"),
    ('output = "float"', 'output = "float"\nreturns = 1', "unknown key function.returns"),
    ('b = "number"', 'b = "matrix"', "function.params.b must be one of"),
    ('a = "number"\n', '', "function.params must list ['a', 'b']"),
    ('signature = "add(a, b) -> float"', 'signature = "plus(a, b)"', "names `plus`, not `add`"),
    ('signature = "add(a, b) -> float"', 'signature = "add(a, b"', "not a valid signature"),
    ('title = "Add two numbers"', 'title = ""', "title must be a non-empty str"),
    ('title = "Add two numbers"', 'title = [', "invalid TOML"),
    ('tags = ["fixture"]', 'tags = ["fixture"]\n[limits]\nmemory_mb = -1', "limits.memory_mb must be a positive"),
    ('tags = ["fixture"]', 'tags = ["fixture"]\n[limits]\ncpu = 2', "unknown key limits.cpu"),
    ('tags = ["fixture"]', 'tags = ["fixture"]\nfigure = "Box-Pair"', "figure must match"),
    ('tags = ["fixture"]', 'tags = ["fixture"]\nfigure = 3', "figure must be a non-empty str"),
])
def test_bad_challenge_toml_is_named(folder, old, new, message):
    edit(folder / "challenge.toml", old, new)
    with pytest.raises(CatalogueError) as error:
        load_challenge(folder)
    assert message in str(error.value) and "challenge.toml" in str(error.value)


def test_figure_is_optional_and_read(folder):
    assert load_challenge(folder).figure is None
    edit(folder / "challenge.toml", 'tags = ["fixture"]', 'tags = ["fixture"]\nfigure = "box_pair"')
    assert load_challenge(folder).figure == "box_pair"
    figures = {c.id: c.figure for c in load_catalogue().values()}
    assert figures["iou"] == "box_pair" and figures["nms"] == "nms_boxes"
    assert figures["map"] == "detections" and figures["conv2d"] == "matrices"


def test_missing_file_is_named(folder):
    (folder / "reference.py").unlink()
    with pytest.raises(CatalogueError, match="missing reference.py"):
        load_challenge(folder)


def test_reference_must_define_the_function(folder):
    (folder / "reference.py").write_text("def plus(a, b):\n    return a + b\n")
    with pytest.raises(CatalogueError, match="reference.py: does not define `add`"):
        load_challenge(folder)


def test_broken_properties_file_is_named(folder):
    (folder / "properties.py").write_text("import nonexistent_module\n")
    with pytest.raises(CatalogueError, match="properties.py: failed to import"):
        load_challenge(folder)


def test_properties_must_be_property_objects(folder):
    (folder / "properties.py").write_text("PROPERTIES = ['not a property']\n")
    with pytest.raises(CatalogueError, match="holds a str"):
        load_challenge(folder)


def test_repeated_property_names_are_refused(folder):
    edit(folder / "properties.py", '"floats", "Adds two floats."', '"integers", "Adds floats."')
    with pytest.raises(CatalogueError, match="invalid or repeated"):
        load_challenge(folder)


@pytest.mark.parametrize("examples, message", [
    ([], "non-empty list"),
    ([{"args": {"a": 1, "b": 2}, "expected": 3}], "exactly the keys"),
    ([{"args": {"b": 2, "a": 1}, "expected": 3, "explanation": ""}], "must name ['a', 'b']"),
    ([{"args": {"a": "1", "b": 2}, "expected": 3, "explanation": ""}], "expected a number"),
])
def test_bad_examples_are_named(folder, examples, message):
    (folder / "examples.json").write_text(json.dumps(examples))
    with pytest.raises(CatalogueError) as error:
        load_challenge(folder)
    assert message in str(error.value) and "examples.json" in str(error.value)


def test_empty_statement_is_refused(folder):
    (folder / "statement.md").write_text("  \n")
    with pytest.raises(CatalogueError, match="statement.md: is empty"):
        load_challenge(folder)


def test_folder_name_must_be_an_id(tmp_path):
    target = tmp_path / "Bad-Name"
    shutil.copytree(FIXTURE_CHALLENGES / "add", target)
    with pytest.raises(CatalogueError, match="id must match"):
        load_challenge(target)
