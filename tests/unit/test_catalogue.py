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
    for challenge in load_catalogue().values():
        for example in challenge.examples:
            expected = challenge.reference(*example.args)
            assert challenge.compare(expected, example.expected, example.args) is None


def test_every_bundled_challenge_has_enough_solutions():
    for challenge in load_catalogue().values():
        correct = [s for s in challenge.solutions if s.correct]
        assert len(correct) >= 2, challenge.id
        assert len(challenge.solutions) - len(correct) >= 6, challenge.id


@pytest.mark.parametrize("old, new, message", [
    ('difficulty = "easy"', 'difficulty = "trivial"', "difficulty must be one of easy, medium"),
    ('tags = ["fixture"]', 'tags = ["fixture"]\ncolour = "red"', "unknown key colour"),
    ('kind = "float"', 'kind = "complex"', "compare.kind must be one of float, array"),
    ('kind = "float"', 'kind = "float"\nslack = 1', "unknown key compare.slack"),
    ('[compare]\nkind = "float"', '', "missing key compare"),
    ('[function.params]', 'returns = 1\n[function.params]', "unknown key function.returns"),
    ('b = "number"', 'b = "matrix"', "function.params.b must be a parameter kind"),
    ('a = "number"\n', '', "function.params lists (b) but"),
    ('b = "number"', 'b = "number"\nc = "int"', "function.params lists (a, b, c) but"),
    ('title = "Add two numbers"', 'title = ""', "title"),
    ('title = "Add two numbers"', 'title = [', "invalid TOML"),
    ('tags = ["fixture"]', 'tags = ["fixture"]\n[limits]\nmemory_mb = -1', "limits.memory_mb"),
    ('tags = ["fixture"]', 'tags = ["fixture"]\n[limits]\ncpu = 2', "unknown key limits.cpu"),
    ('tags = ["fixture"]', 'tags = ["fixture"]\nfigure = "Box-Pair"', "figure"),
    ('tags = ["fixture"]', 'tags = ["fixture"]\nfigure = "pie_chart"',
     "unknown figure kind 'pie_chart'"),
    ('tags = ["fixture"]', 'tags = ["fixture"]\nfigure = {kind = "heatmaps", colour = 1}',
     "figure 'heatmaps' has no option 'colour'"),
    ('kind = "float"', 'kind = "float"\ntol = 1', "unknown key compare.tol"),
])
def test_bad_challenge_toml_is_named(folder, old, new, message):
    edit(folder / "challenge.toml", old, new)
    with pytest.raises(CatalogueError) as error:
        load_challenge(folder)
    assert message in str(error.value) and "challenge.toml" in str(error.value)


def test_figure_is_optional_and_read(folder):
    assert load_challenge(folder).figure is None
    edit(folder / "challenge.toml", 'tags = ["fixture"]', 'tags = ["fixture"]\nfigure = "box_pair"')
    assert load_challenge(folder).figure.kind == "box_pair"
    edit(folder / "challenge.toml", 'figure = "box_pair"',
         'figure = {kind = "heatmaps", inputs = ["a"]}')
    figure = load_challenge(folder).figure
    assert figure.kind == "heatmaps" and figure.options["inputs"] == ["a"]
    kinds = {c.id: c.figure.kind for c in load_catalogue().values()}
    assert kinds["iou"] == "box_pair" and kinds["nms"] == "nms_boxes"
    assert kinds["map"] == "detections" and kinds["conv2d"] == "matrices"


def test_a_challenge_may_draw_its_own_figure(folder):
    (folder / "figure.py").write_text(
        "from markupsafe import Markup\n\n"
        "def draw(counterexample, *, scale=1):\n"
        "    return Markup('<figure class=\"fig\">{}</figure>').format(scale)\n")
    edit(folder / "challenge.toml", 'tags = ["fixture"]', 'tags = ["fixture"]\nfigure = {scale = 3}')
    assert str(load_challenge(folder).figure.render({"inputs": {}})) == '<figure class="fig">3</figure>'
    edit(folder / "challenge.toml", 'figure = {scale = 3}', 'figure = "box_pair"')
    with pytest.raises(CatalogueError, match="figure.py is this challenge's drawer"):
        load_challenge(folder)


def test_a_custom_comparator_comes_from_compare_py(folder):
    edit(folder / "challenge.toml", 'kind = "float"', 'kind = "custom"')
    with pytest.raises(CatalogueError, match="challenge.toml: compare kind 'custom' needs"):
        load_challenge(folder)
    (folder / "compare.py").write_text(
        "def compare(expected, got, args):\n"
        "    return None if round(got) == round(expected) else 'not even close'\n")
    assert load_challenge(folder).compare(3, 3.4, (1, 2)) is None


@pytest.mark.parametrize("path, old, new, message", [
    ("starter.py", "def add(a, b):", "def add(a, b, c=1):", "function.params lists (a, b) but "),
    ("starter.py", "def add(a, b):", "def add(b, a):", "function.params lists (a, b) but"),
    ("starter.py", "def add(a, b):", "def add(a, *b):", "may only take plain parameters"),
    ("starter.py", "def add(a, b):", "def plus(a, b):", "starter.py: does not define `add`"),
    ("reference.py", "def add(a, b):", "def add(a, b=0):",
     "reference.py:1: defines add(a, b=0) but"),
    ("statement.md", "def add(a, b) -> float", "def add(a, c) -> float",
     "statement.md:6: the contract says add(a, c) but"),
    ("statement.md", "def add(a, b) -> float", "def add(a, b -> float",
     "statement.md:6: the contract's def line is not valid Python"),
    ("statement.md", "```python", "```text", "statement.md: no ```python block"),
])
def test_signature_mismatches_name_file_and_line(folder, path, old, new, message):
    edit(folder / path, old, new)
    with pytest.raises(CatalogueError) as error:
        load_challenge(folder)
    assert message in str(error.value), error.value


def test_solutions_are_required_and_name_their_verdict(folder):
    wrong = folder / "solutions" / "wrong_subtracts.py"
    edit(wrong, "# expect: wrong_answer\n", "")
    with pytest.raises(CatalogueError, match="wrong_subtracts.py: needs a line `# expect:"):
        load_challenge(folder)
    wrong.write_text("# expect: internal_error\ndef add(a, b):\n    return a - b\n")
    with pytest.raises(CatalogueError, match="wrong_subtracts.py: needs a line"):
        load_challenge(folder)
    wrong.unlink()
    with pytest.raises(CatalogueError, match="needs at least one correct_.*py and one wrong_"):
        load_challenge(folder)
    (folder / "solutions" / "maybe.py").write_text("def add(a, b):\n    return a\n")
    with pytest.raises(CatalogueError, match="maybe.py: solution names start with"):
        load_challenge(folder)
    shutil.rmtree(folder / "solutions")
    with pytest.raises(CatalogueError, match="solutions: missing"):
        load_challenge(folder)


def test_solutions_are_listed_with_their_verdicts(folder):
    solutions = {s.path.name: s.expected for s in load_challenge(folder).solutions}
    assert solutions == {"correct_plain.py": "accepted", "wrong_subtracts.py": "wrong_answer"}


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
    ([{"args": {"a": "1", "b": 2}, "expected": 3, "explanation": ""}], "a: expected a number"),
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


def test_every_bundled_challenge_has_a_conceptual_question():
    from web.study.questions import QUESTIONS_DIR, load_questions

    catalogue = load_catalogue()
    related = {cid for q in load_questions(QUESTIONS_DIR, set(catalogue)).values()
               for cid in q.related}
    assert not set(catalogue) - related
